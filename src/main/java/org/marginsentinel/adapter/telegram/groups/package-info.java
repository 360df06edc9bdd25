/**
 * The bot in trading groups: {@code /share}, {@code /board}, {@code /leaderboard}, {@code /groupalerts},
 * what groups hear about their members' notices ({@link org.marginsentinel.adapter.telegram.groups.GroupNotices})
 * and the texts ({@link org.marginsentinel.adapter.telegram.groups.GroupViews}).
 *
 * <p>Rules every piece keeps: accounts stay personal (keyed by the Telegram user id, whoever types or presses
 * what); only members who sent {@code /share on} in a group appear in that group; admin rights are asked from
 * Telegram by numeric id; nothing here sends directly: everything goes through the outbox, so the 20 messages a
 * minute per group hold and nothing is queued for a group the bot has left. The bookkeeping lives in
 * {@code telegram_group}, {@code telegram_group_member} and {@code telegram_private_nudge}
 * ({@link org.marginsentinel.adapter.telegram.store.GroupDirectory}); the ranking and the board order are pure
 * domain code in {@code org.marginsentinel.domain.community}.
 */
package org.marginsentinel.adapter.telegram.groups;
