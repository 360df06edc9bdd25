package org.marginsentinel.application.watch;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.marginsentinel.domain.alert.AlertState;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.watch.keyed.ApiKey;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/**
 * The keyed accounts in memory: each with its opened key (only here, never stored or shown in clear), the alert
 * states of its positions, and what the scheduler needs. Follows the database after each commit.
 */
@ApplicationScoped
public class KeyedBook {

    /** Alert subjects of keyed accounts: {@code kx:<id>:<symbol>:<side>}, {@code kx:<id>:cross}. */
    public static final String SUBJECT_PREFIX = "kx:";

    private final Map<Long, KeyedAccount> accounts = new ConcurrentHashMap<>();
    private final Map<Long, ApiKey> keys = new ConcurrentHashMap<>();
    private final Map<String, AlertState> alertStates = new ConcurrentHashMap<>();
    private final Map<Long, Instant> lastPolled = new ConcurrentHashMap<>();
    private final Map<Long, RiskLevel> levels = new ConcurrentHashMap<>();
    private final Set<String> adlWarned = ConcurrentHashMap.newKeySet();
    private final Map<KeyedExchange, Instant> quietUntil = new ConcurrentHashMap<>();

    public void load(Map<KeyedAccount, ApiKey> stored, Map<String, AlertState> storedStates) {
        accounts.clear();
        keys.clear();
        alertStates.clear();
        stored.forEach(this::put);
        storedStates.forEach((subject, state) -> {
            if (subject.startsWith(SUBJECT_PREFIX)) {
                alertStates.put(subject, state);
            }
        });
    }

    public void put(KeyedAccount account, ApiKey key) {
        accounts.put(account.id(), account);
        keys.put(account.id(), key);
    }

    public void put(KeyedAccount account) {
        accounts.put(account.id(), account);
    }

    public List<KeyedAccount> all() {
        return accounts.values().stream().sorted(Comparator.comparingLong(KeyedAccount::id)).toList();
    }

    public List<KeyedAccount> ofUser(long userId) {
        return all().stream().filter(a -> a.userId() == userId).toList();
    }

    public Optional<KeyedAccount> account(long id) {
        return Optional.ofNullable(accounts.get(id));
    }

    public Optional<ApiKey> key(long id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** The user already watches an account with this key. */
    public Optional<KeyedAccount> withKey(long userId, ApiKey key) {
        return ofUser(userId).stream().filter(a -> key.equals(keys.get(a.id()))).findFirst();
    }

    public void remove(long id) {
        accounts.remove(id);
        keys.remove(id);
        lastPolled.remove(id);
        levels.remove(id);
        alertStates.keySet().removeIf(subject -> subject.startsWith(subjectPrefix(id)));
        adlWarned.removeIf(subject -> subject.startsWith(subjectPrefix(id)));
    }

    public static String subjectPrefix(long id) {
        return SUBJECT_PREFIX + id + ":";
    }

    public AlertState alertState(String subject) {
        return alertStates.getOrDefault(subject, AlertState.initial());
    }

    public void alertState(String subject, AlertState state) {
        alertStates.put(subject, state);
    }

    /** Remembers that a winning position's high ADL rank was told; false when it already was. */
    public boolean adlTold(String subject) {
        return adlWarned.add(subject);
    }

    /** Forgets that the subject's ADL rank was told; false when it was not remembered. */
    public boolean adlCleared(String subject) {
        return adlWarned.remove(subject);
    }

    /** Start-up: the ADL ranks told before the restart ({@link AdlWarnings}). */
    public void adlWarned(Set<String> told) {
        adlWarned.clear();
        adlWarned.addAll(told);
    }

    public void polled(long id, Instant at) {
        lastPolled.put(id, at);
    }

    public Instant lastPolled(long id) {
        return lastPolled.get(id);
    }

    public RiskLevel level(long id) {
        return levels.getOrDefault(id, RiskLevel.SAFE);
    }

    public void level(long id, RiskLevel level) {
        levels.put(id, level);
    }

    /** The exchange asked us to wait (rate limit) until then. */
    public void quietUntil(KeyedExchange exchange, Instant until) {
        quietUntil.merge(exchange, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    public boolean quiet(KeyedExchange exchange, Instant now) {
        Instant until = quietUntil.get(exchange);
        return until != null && now.isBefore(until);
    }
}
