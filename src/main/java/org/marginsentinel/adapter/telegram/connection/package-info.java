/**
 * The Telegram adapter's kernel, shared by its sub-packages: the live link to Telegram
 * ({@link org.marginsentinel.adapter.telegram.connection.BotConnection}), its typed settings, its status for the
 * readiness check, the Bot API rate limits every sender obeys and the webhook secret. The bot itself
 * ({@link org.marginsentinel.adapter.telegram.TelegramBot}, one package up) connects it; this package depends on no
 * other package of the adapter except {@code format}.
 */
package org.marginsentinel.adapter.telegram.connection;
