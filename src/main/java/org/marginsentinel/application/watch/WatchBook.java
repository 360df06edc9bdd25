package org.marginsentinel.application.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.marginsentinel.domain.alert.AlertState;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.watch.HyperliquidMarket;
import org.marginsentinel.domain.watch.HyperliquidValuer;
import org.marginsentinel.domain.watch.WatchedValuation;

/**
 * The watched accounts in memory: the last answer of each, the last market, the alert states of their positions,
 * and what the scheduler needs (last poll, worst level). Follows the database after each commit; risk checks on a
 * new market read no rows.
 */
@ApplicationScoped
public class WatchBook {

    /** Alert subjects of watched accounts start with this: {@code hl:<id>:<coin>} or {@code hl:<id>:cross}. */
    public static final String SUBJECT_PREFIX = "hl:";

    /** The keyed accounts, numbered in one list with these. */
    @Inject
    KeyedBook keyed;

    private final Map<Long, WatchedAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, AlertState> alertStates = new ConcurrentHashMap<>();
    private final Map<Long, Instant> lastPolled = new ConcurrentHashMap<>();
    private final Map<Long, RiskLevel> levels = new ConcurrentHashMap<>();
    private final Map<Long, Set<String>> pastLiquidation = new ConcurrentHashMap<>();
    private final HyperliquidValuer valuer = new HyperliquidValuer();
    private volatile HyperliquidMarket market = HyperliquidMarket.empty();
    private volatile Instant marketAt;

    public void load(List<WatchedAccount> stored, Map<String, AlertState> storedStates) {
        accounts.clear();
        alertStates.clear();
        stored.forEach(account -> accounts.put(account.id(), account));
        storedStates.forEach((subject, state) -> {
            if (subject.startsWith(SUBJECT_PREFIX)) {
                alertStates.put(subject, state);
            }
        });
    }

    public List<WatchedAccount> all() {
        return accounts.values().stream().sorted(Comparator.comparingLong(WatchedAccount::id)).toList();
    }

    public Optional<WatchedAccount> account(long id) {
        return Optional.ofNullable(accounts.get(id));
    }

    /** The user's accounts, numbered 1… in this order. */
    public List<WatchedAccount> ofUser(long userId) {
        return all().stream().filter(a -> a.userId() == userId).toList();
    }

    /**
     * The user's watched accounts of both kinds (Hyperliquid addresses and keyed accounts), numbered 1… in this
     * order: when they were added, a Hyperliquid address first on a tie.
     */
    public List<Watched> entries(long userId) {
        List<Watched> entries = new ArrayList<>(ofUser(userId));
        if (keyed != null) {
            entries.addAll(keyed.ofUser(userId));
        }
        entries.sort(Comparator.comparing(Watched::createdAt).thenComparing(w -> w instanceof KeyedAccount)
                .thenComparingLong(Watched::id));
        return entries;
    }

    /** The account's number in its user's list (1-based). */
    public int numberOf(Watched account) {
        List<Watched> entries = entries(account.userId());
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).getClass() == account.getClass() && entries.get(i).id() == account.id()) {
                return i + 1;
            }
        }
        return 0;
    }

    public void put(WatchedAccount account) {
        accounts.put(account.id(), account);
    }

    /** Forgets the account and everything remembered for it; returns its alert subjects. */
    public Set<String> remove(long id) {
        accounts.remove(id);
        lastPolled.remove(id);
        levels.remove(id);
        pastLiquidation.remove(id);
        Set<String> subjects = new HashSet<>();
        alertStates.keySet().removeIf(subject -> subject.startsWith(subjectPrefix(id)) && subjects.add(subject));
        return subjects;
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

    public HyperliquidMarket market() {
        return market;
    }

    public Optional<Instant> marketAt() {
        return Optional.ofNullable(marketAt);
    }

    public void market(HyperliquidMarket newMarket, Instant at) {
        market = newMarket;
        marketAt = at;
    }

    /** The account valued at the newest marks: the market's where it has the coin, else the exchange's own. */
    public WatchedValuation valuation(WatchedAccount account) {
        Map<String, BigDecimal> marks = new HashMap<>();
        account.state().positions().forEach(p -> market.mark(p.coin()).ifPresent(m -> marks.put(p.coin(), m)));
        return valuer.value(account.state(), market, marks);
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

    /** Coins of the account whose mark was seen at or past liquidation since its last answer. */
    public Set<String> pastLiquidation(long id) {
        return Set.copyOf(pastLiquidation.getOrDefault(id, Set.of()));
    }

    public void sawPastLiquidation(long id, String coin) {
        pastLiquidation.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(coin);
    }

    public void clearPastLiquidation(long id) {
        pastLiquidation.remove(id);
    }

}
