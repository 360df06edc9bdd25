package org.marginsentinel.testsupport.fakes;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marginsentinel.adapter.telegram.store.ChatActivity;
import org.marginsentinel.adapter.telegram.store.GroupMembers;
import org.marginsentinel.adapter.telegram.store.PendingMessages;
import org.marginsentinel.adapter.telegram.store.UpdateClaims;

/**
 * The Telegram adapter's chat bookkeeping in memory: handled update ids ({@link UpdateClaims}), chats and whether
 * the bot may write to them ({@link ChatActivity}), group members ({@link GroupMembers}) and withdrawn messages
 * ({@link PendingMessages}). No transactions: what a claim records stays recorded.
 */
public final class InMemoryChats implements UpdateClaims, ChatActivity, GroupMembers, PendingMessages {

    private final Set<Long> handledUpdates = new HashSet<>();
    private final Map<Long, Boolean> active = new HashMap<>();
    private final Map<Long, Set<Long>> groupMembers = new HashMap<>();
    private final Set<Long> groupsLeft = new HashSet<>();
    private final Set<Long> withdrawnFrom = new HashSet<>();

    @Override
    public boolean claim(long updateId, Instant now) {
        return handledUpdates.add(updateId);
    }

    @Override
    public void seen(long chatId, String chatType, String title, Instant now) {
        active.put(chatId, true);
    }

    @Override
    public Optional<Boolean> isActive(long chatId) {
        return Optional.ofNullable(active.get(chatId));
    }

    @Override
    public void markInactive(long chatId, Instant now) {
        active.put(chatId, false);
    }

    @Override
    public void touchMember(long chatId, long userId, String displayName, Integer threadId, Instant now) {
        groupMembers.computeIfAbsent(chatId, id -> new HashSet<>()).add(userId);
    }

    @Override
    public void botRemoved(long chatId, Instant now) {
        groupsLeft.add(chatId);
    }

    @Override
    public int dropPending(long chatId, String reason) {
        withdrawnFrom.add(chatId);
        return 0;
    }

    public boolean handled(long updateId) {
        return handledUpdates.contains(updateId);
    }

    public Set<Long> members(long groupChatId) {
        return Set.copyOf(groupMembers.getOrDefault(groupChatId, Set.of()));
    }

    public boolean left(long groupChatId) {
        return groupsLeft.contains(groupChatId);
    }

    public boolean withdrawn(long chatId) {
        return withdrawnFrom.contains(chatId);
    }
}
