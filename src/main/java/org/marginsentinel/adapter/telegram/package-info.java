/**
 * Telegram adapter: everything that talks to Telegram, built on TelegramBots 10.2.0 long polling.
 *
 * <h2>Packages</h2>
 * This package only wires the bot ({@link org.marginsentinel.adapter.telegram.TelegramBot}: long polling or webhook,
 * readiness, housekeeping). What its sub-packages share, the live link to Telegram, its settings, status and rate
 * limits, is in {@link org.marginsentinel.adapter.telegram.connection}; nothing below depends back on this package.
 *
 * <h2>Adding a command</h2>
 * Write an {@code @ApplicationScoped} bean implementing
 * {@link org.marginsentinel.adapter.telegram.command.ChatCommand}; /help and the Telegram menu pick
 * it up. Parse {@code context.args()}, call the application layer, return
 * {@code BotReply.html(...)} built with {@link org.marginsentinel.adapter.telegram.format.Html} and the reader's
 * words: {@code context.texts().get(key, args…)} from the message bundles, numbers through
 * {@code context.texts().numbers()} (proactive messages: {@code Texts.of(userLanguages.of(userId))}). Refuse with
 * {@link org.marginsentinel.application.CommandRejected}. For "are you sure?" return
 * {@code BotReply.confirm(question, "close", payload)} and add a
 * {@link org.marginsentinel.adapter.telegram.command.ConfirmableAction} with key "close". Buttons
 * of your own go to a {@link org.marginsentinel.adapter.telegram.command.CallbackHandler} (check the
 * presser yourself).
 *
 * <h2>Sending without a command</h2>
 * {@code outbox.enqueue(OutgoingMessage.to(chatId, html).withPriority(OutgoingMessage.PRIORITY_CRITICAL)
 * .superseding("risk:" + positionId))} inside your transaction; see
 * {@link org.marginsentinel.adapter.telegram.delivery.Outbox}.
 *
 * <h2>What happens to an update</h2>
 * {@link org.marginsentinel.adapter.telegram.update.UpdateDispatcher} (per-chat order, chats in
 * parallel; fed by the long poller, or in webhook mode by
 * {@link org.marginsentinel.adapter.telegram.webhook.WebhookResource}) → {@link org.marginsentinel.adapter.telegram.update.UpdateHandler} → one transaction in
 * {@link org.marginsentinel.adapter.telegram.update.UpdateProcessor}: claim the update_id in
 * {@code telegram_handled_update}, run the command, queue the reply in {@code telegram_outbox} →
 * {@link org.marginsentinel.adapter.telegram.delivery.OutboxSender} delivers it within the limits of
 * {@link org.marginsentinel.adapter.telegram.connection.SendRateLimiter}.
 *
 * <h2>Groups</h2>
 * Commands about the sender's own account ({@code CommandSpec.Where.PERSONAL} in {@code CommandTable}): typed in a group, they are
 * answered in the sender's private chat when possible. The group features themselves ({@code /share},
 * {@code /board}, {@code /leaderboard}, {@code /groupalerts}, group alerts, nudges) live in
 * {@link org.marginsentinel.adapter.telegram.groups}.
 *
 * <h2>Testing</h2>
 * End-to-end tests run the real library against {@code FakeTelegram} (src/test, package
 * {@code org.marginsentinel.adapter.telegram.fake}): annotate the test class with
 * {@code @QuarkusTest @WithTestResource(FakeTelegramResource.class)} and a field with
 * {@code @InjectFakeTelegram FakeTelegram telegram}, or {@code @InjectConversation Conversation chat} (package
 * {@code org.marginsentinel.testsupport}) for the usual set-up: users who /start, marks on the fake exchanges, the
 * clock frozen per test. Use no other test resource on bot tests so they share one application start. The update
 * handling itself ({@code UpdateProcessor}) is tested in plain JUnit with in-memory stores.
 */
package org.marginsentinel.adapter.telegram;
