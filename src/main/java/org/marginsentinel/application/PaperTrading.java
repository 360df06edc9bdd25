package org.marginsentinel.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.marginsentinel.application.port.ExitKind;
import org.marginsentinel.application.port.LedgerKind;
import org.marginsentinel.application.port.LotSizes;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.port.MarkPrices;
import org.marginsentinel.application.port.PaperAccount;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.application.port.PositionStatus;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.AccountRisk;
import org.marginsentinel.domain.margin.MarginAllowance;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginChange;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.TierTable;
import org.marginsentinel.domain.market.Symbols;
import org.marginsentinel.domain.paper.Fill;
import org.marginsentinel.domain.paper.Netting;
import org.marginsentinel.domain.paper.OneWayNetting;
import org.marginsentinel.domain.paper.TradingFees;

/**
 * The paper-trading use cases behind the chat commands. Every method runs in one transaction with the
 * account row locked, so concurrent commands of one user can never spend the same balance twice, and a
 * {@link CommandRejected} rolls back everything.
 */
@ApplicationScoped
public class PaperTrading {

    public static final BigDecimal STARTING_BALANCE = new BigDecimal("10000");
    public static final int DEFAULT_LEVERAGE = 10;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
    static final BigDecimal MIN_NOTIONAL = new BigDecimal("1");

    private final PaperAccountStore store;
    private final MarkPrices prices;
    private final MarginCalculator calculator;
    private final TierTable tiers;
    private final Clock clock;
    private final TradingFees fees;
    private final TradeBooking booking;
    private final OrderSizing sizing;

    /**
     * The store's writes tell the risk index of every change by themselves ({@link SignallingAccountStore}); sizes
     * keep to each symbol's lot step where the exchanges' lists name it.
     */
    @Inject
    public PaperTrading(PaperAccountStore store, MarkPrices prices, MarginCalculator calculator, TierTable tiers,
                        Clock clock, TradingFees fees, LotSizes lotSizes) {
        this.store = store;
        this.prices = prices;
        this.calculator = calculator;
        this.tiers = tiers;
        this.clock = clock;
        this.fees = fees;
        this.booking = new TradeBooking(store);
        this.sizing = new OrderSizing(lotSizes);
    }

    /** Sizes as given (no lot sizes known). */
    public PaperTrading(PaperAccountStore store, MarkPrices prices, MarginCalculator calculator, TierTable tiers,
                        Clock clock, TradingFees fees) {
        this(store, prices, calculator, tiers, clock, fees, LotSizes.NONE);
    }

    /** Opens the user's paper account with the starting balance; a second call changes nothing. */
    @Transactional
    public StartResult start(long userId, String displayName) {
        Optional<PaperAccount> existing = store.find(userId);
        if (existing.isPresent()) {
            return new StartResult(existing.get(), false);
        }
        Instant now = clock.instant();
        PaperAccount account = store.create(userId, displayName, STARTING_BALANCE, now);
        store.record(userId, LedgerKind.OPENING_BALANCE, STARTING_BALANCE, null, now);
        return new StartResult(account, true);
    }

    /** Whether the user has opened an account; {@code start} creates it. */
    public record StartResult(PaperAccount account, boolean created) {
    }

    @Transactional
    public AccountSnapshot snapshot(long userId) {
        return value(account(userId, false));
    }

    @Transactional
    public AccountSnapshot deposit(long userId, BigDecimal amount) {
        requirePositiveAmount(amount);
        PaperAccount account = account(userId, true);
        BigDecimal wallet = account.walletBalance().add(amount);
        if (wallet.compareTo(MAX_AMOUNT) > 0) {
            throw CommandRejected.text("refusals.wallet.tooLarge.refused", Figure.usdt(MAX_AMOUNT));
        }
        store.updateWallet(userId, wallet);
        store.record(userId, LedgerKind.DEPOSIT, amount, null, clock.instant());
        return snapshot(userId);
    }

    /** Most that can be withdrawn now, by the venue's rules (never unrealised profit, never below maintenance). */
    @Transactional
    public BigDecimal withdrawable(long userId) {
        // Locks: the caller usually withdraws next in the same transaction, and every read of the
        // account and its positions must come after the lock to see what concurrent commands committed.
        AccountSnapshot snapshot = value(account(userId, true));
        requireFreshCrossMarks(snapshot, null, "withdrawal");
        return snapshot.risk().cross().withdrawable();
    }

    @Transactional
    public AccountSnapshot withdraw(long userId, BigDecimal amount) {
        requirePositiveAmount(amount);
        PaperAccount account = account(userId, true);
        AccountSnapshot before = value(account);
        requireFreshCrossMarks(before, null, "withdrawal");
        MarginAllowance withdrawable = calculator.withdrawable(before.risk().cross());
        if (!withdrawable.allows(amount)) {
            throw MarginRefusals.beyond(MarginRefusals.Move.WITHDRAW, withdrawable);
        }
        store.updateWallet(userId, account.walletBalance().subtract(amount));
        store.record(userId, LedgerKind.WITHDRAWAL, amount.negate(), null, clock.instant());
        return snapshot(userId);
    }

    @Transactional
    public TradeResult open(long userId, OpenOrder order) {
        PaperAccount account = account(userId, true);
        OrderPlan plan = plan(account, order);
        return apply(account, plan.before(), plan.existing(), plan.netting(), plan.quantity(), plan.fillPrice(),
                plan.mark(), plan.fee(), ExitKind.CLOSE);
    }

    /**
     * What {@link #open} would do, with the same rules and refusals, without changing anything: the account before
     * and after, and the symbol's resulting position.
     */
    @Transactional
    public OrderPreview preview(long userId, OpenOrder order) {
        PaperAccount account = account(userId, false);
        OrderPlan plan = plan(account, order);
        AccountRisk after = assess(account, plan.before(), plan.existing(), plan.netting(), plan.mark(), plan.fee());
        Position resulting = plan.netting().position() == null ? null : plan.netting().position().position();
        return new OrderPreview(plan.before(), after, resulting, plan.netting().closedQuantity(),
                plan.netting().realizedPnl(), plan.fillPrice(), plan.mark(),
                plan.existing() == null ? null : plan.existing().number(), plan.fee(), plan.quantity());
    }

    /** An order checked and netted against the symbol's open position, not yet applied. */
    private record OrderPlan(AccountSnapshot before, StoredPosition existing, Netting netting, BigDecimal quantity,
                             BigDecimal fillPrice, BigDecimal mark, BigDecimal fee) {
    }

    private OrderPlan plan(PaperAccount account, OpenOrder order) {
        String symbol = order.symbol();
        if (tiers.listedSchedule(symbol).isEmpty()) { // never valued with made-up tiers
            throw CommandRejected.text(prices.isKnownSymbol(symbol) ? "refusals.trading.unlisted.refused"
                    : "refusals.symbol.unknown.refused", symbol);
        }
        Optional<BigDecimal> mark = prices.latest(symbol).map(MarkPrice::price);
        BigDecimal entry = order.entryPrice() != null ? order.entryPrice() : mark.orElseThrow(() ->
                CommandRejected.text("refusals.trading.noMark.refused", symbol));
        BigDecimal quantity = sizing.openQuantity(order, entry);
        if (quantity.signum() <= 0 || quantity.multiply(entry).compareTo(MIN_NOTIONAL) < 0) {
            throw CommandRejected.text("refusals.trading.tooSmall.refused");
        }
        if (quantity.multiply(entry).compareTo(MAX_AMOUNT) > 0) {
            throw CommandRejected.text("refusals.trading.tooLarge.refused", Figure.usdt(MAX_AMOUNT));
        }

        AccountSnapshot before = value(account);
        Optional<StoredPosition> existing = before.bySymbol(symbol);
        sizing.requireMinimumValue(order, quantity, entry, existing.map(StoredPosition::position).orElse(null));
        MarginMode mode = order.marginMode() != null ? order.marginMode()
                : existing.map(p -> p.position().marginMode()).orElse(MarginMode.ISOLATED);
        if (existing.isPresent() && existing.get().position().marginMode() != mode) {
            throw CommandRejected.text(existing.get().position().isIsolated() ? "refusals.trading.heldIsolated.refused"
                    : "refusals.trading.heldCross.refused", symbol);
        }
        int leverage = order.leverage() != null ? order.leverage()
                : existing.map(p -> p.position().leverage()).orElse(DEFAULT_LEVERAGE);
        if (existing.isPresent() && existing.get().position().side() == order.side()) { // the symbol's one leverage
            MarginRefusals.requireLeverageChange(existing.get().position(), leverage, mark.orElse(entry));
        }

        Fill fill = new Fill(symbol, order.side(), quantity, entry, leverage, mode);
        Netting netting = OneWayNetting.apply(existing.map(p -> p.position()).orElse(null), fill, "new");
        if (netting.position() != null) {
            Position resulting = netting.position().position();
            int maxLeverage = tiers.scheduleFor(resulting).maxLeverage(resulting.notionalAt(entry));
            if (leverage > maxLeverage) {
                throw CommandRejected.text("refusals.trading.maxLeverage.refused", symbol, String.valueOf(maxLeverage));
            }
        }
        return new OrderPlan(before, existing.orElse(null), netting, quantity, entry, mark.orElse(entry),
                fees.taker(quantity, entry));
    }

    @Transactional
    public TradeResult close(long userId, String reference, Portion portion) {
        PaperAccount account = account(userId, true);
        AccountSnapshot before = value(account);
        StoredPosition stored = find(before, reference);
        Position position = stored.position();
        BigDecimal mark = prices.latest(position.symbol()).map(MarkPrice::price).orElseThrow(() ->
                CommandRejected.text("refusals.close.noMark.refused", position.symbol()));
        BigDecimal quantity = sizing.closeQuantity(stored, portion);
        if (quantity.signum() <= 0) {
            throw CommandRejected.text("refusals.close.nothing.refused");
        }
        if (quantity.compareTo(position.quantity()) > 0) {
            throw CommandRejected.text("refusals.close.tooMuch.refused", String.valueOf(stored.number()),
                    Figure.quantity(position.symbol(), position.quantity()), Symbols.base(position.symbol()));
        }
        return closeAt(account, before, stored, quantity, mark, ExitKind.CLOSE);
    }

    /** Whether closing {@code portion} of {@code stored} is an order the exchange would take (see {@link #close}). */
    public boolean closable(StoredPosition stored, Portion portion) {
        return sizing.closable(stored, portion);
    }

    /** Closes all of position {@code positionId} at {@code mark} (a stop); empty when it is no longer open. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<TradeResult> closeAtMark(long userId, long positionId, BigDecimal mark, ExitKind kind) {
        PaperAccount account = account(userId, true);
        AccountSnapshot before = value(account);
        return before.positions().stream().filter(p -> p.id() == positionId).findFirst()
                .map(stored -> closeAt(account, before, stored, stored.position().quantity(), mark, kind));
    }

    private TradeResult closeAt(PaperAccount account, AccountSnapshot before, StoredPosition stored,
                                BigDecimal quantity, BigDecimal mark, ExitKind kind) {
        Position p = stored.position();
        Netting netting = OneWayNetting.apply(p, new Fill(p.symbol(), p.side().opposite(), quantity, mark,
                p.leverage(), p.marginMode()), "unused");
        return apply(account, before, stored, netting, quantity, mark, mark, fees.taker(quantity, mark), kind);
    }

    @Transactional
    public TradeResult adjustMargin(long userId, String reference, boolean add, BigDecimal amount) {
        requirePositiveAmount(amount);
        PaperAccount account = account(userId, true);
        AccountSnapshot before = value(account);
        StoredPosition stored = find(before, reference);
        Position position = stored.position();
        if (!position.isIsolated()) {
            throw CommandRejected.text("refusals.margin.cross.refused", String.valueOf(stored.number()));
        }
        MarginChange change;
        if (add) {
            requireFreshCrossMarks(before, null, "addMargin");
            MarginAllowance addable = calculator.addableMargin(before.risk().cross());
            if (!addable.allows(amount)) {
                throw MarginRefusals.beyond(MarginRefusals.Move.ADD, addable);
            }
            change = calculator.addMargin(position, amount);
        } else {
            BigDecimal mark = prices.latest(position.symbol()).map(MarkPrice::price).orElseThrow(() ->
                    CommandRejected.text("refusals.margin.noMark.refused", position.symbol()));
            change = calculator.removeMargin(position, mark, amount);
        }
        if (!change.accepted()) {
            throw MarginRefusals.of(change);
        }
        store.update(userId, stored.id(), change.position());
        AccountSnapshot after = value(account(userId, false));
        StoredPosition updated = after.byNumber(stored.number()).orElseThrow();
        return new TradeResult(updated, after.riskOf(updated), BigDecimal.ZERO, BigDecimal.ZERO, null, after,
                BigDecimal.ZERO);
    }

    private TradeResult apply(PaperAccount account, AccountSnapshot before, StoredPosition existing, Netting netting,
                              BigDecimal filled, BigDecimal fillPrice, BigDecimal mark, BigDecimal fee,
                              ExitKind exitKind) {
        AccountRisk after = assess(account, before, existing, netting, mark, fee);
        // The fee comes from the wallet as on Binance, floorless while the pool's margin balance covers it (another
        // cross position's profit); beyond that a reduction pays what it can (the insurance fund would pay the rest).
        BigDecimal charged = netting.opensExposure() ? fee
                : fee.add(after.cross().marginBalance().min(BigDecimal.ZERO)).max(BigDecimal.ZERO);
        Integer number = booking.book(account, existing, netting, charged, fillPrice, exitKind, clock.instant());
        AccountSnapshot afterBooking = value(account(account.userId(), false));
        StoredPosition resulting = number == null ? null : afterBooking.byNumber(number).orElseThrow();
        return new TradeResult(resulting, resulting == null ? null : afterBooking.riskOf(resulting),
                netting.closedQuantity(), netting.realizedPnl(), fillPrice, afterBooking, charged, existing, filled);
    }

    /**
     * The account after the netting and its taker fee (from the wallet), refused if it opens exposure without the
     * margin and the fee or at a liquidating mark.
     */
    private AccountRisk assess(PaperAccount account, AccountSnapshot before, StoredPosition existing, Netting netting,
                               BigDecimal mark, BigDecimal fee) {
        if (netting.opensExposure()) {
            // The new margin comes out of the cross pool: value it at fresh marks only.
            requireFreshCrossMarks(before, existing, "newPosition");
        }
        List<PricedPosition> planned = new ArrayList<>();
        for (StoredPosition other : before.positions()) {
            if (other != existing) {
                Position p = other.position();
                planned.add(new PricedPosition(p, prices.latest(p.symbol()).map(MarkPrice::price).orElse(p.entryPrice())));
            }
        }
        if (netting.position() != null) {
            planned.add(new PricedPosition(netting.position().position(), mark));
        }
        BigDecimal wallet = account.walletBalance().add(netting.realizedPnl()).subtract(fee);
        AccountRisk afterRisk = calculator.account(wallet, planned);
        if (netting.opensExposure()) {
            BigDecimal available = afterRisk.cross().marginBalance().subtract(afterRisk.cross().initialMargin());
            if (available.signum() < 0) {
                throw CommandRejected.text("refusals.trading.notEnoughBalance.refused",
                        Figure.usdt(netting.marginRequired()), Figure.usdt(fee), Figure.usdt(available.negate()));
            }
            if (afterRisk.cross().walletBalance().signum() < 0) { // the exchange never lets it go negative
                throw CommandRejected.text("refusals.trading.notEnoughWallet.refused");
            }
            PositionRisk opened = afterRisk.positions().get(afterRisk.positions().size() - 1);
            if (opened.liquidatedAtMark() || afterRisk.cross().liquidated()) {
                throw CommandRejected.text("refusals.trading.liquidatedAtOnce.refused");
            }
        }
        return afterRisk;
    }

    private StoredPosition find(AccountSnapshot snapshot, String reference) {
        String ref = reference == null ? "" : reference.trim();
        ref = ref.startsWith("#") ? ref.substring(1) : ref;
        if (ref.matches("\\d{1,9}")) {
            int number = Integer.parseInt(ref);
            return snapshot.byNumber(number).orElseThrow(() ->
                    CommandRejected.text("refusals.position.noNumber.refused", String.valueOf(number)));
        }
        String symbol = Symbols.normalize(ref).orElseThrow(() ->
                CommandRejected.text("refusals.position.reference.refused"));
        return snapshot.bySymbol(symbol).orElseThrow(() ->
                CommandRejected.text("refusals.position.noSymbol.refused", symbol));
    }

    private AccountSnapshot value(PaperAccount account) {
        List<StoredPosition> positions = store.openPositions(account.userId());
        List<PricedPosition> priced = new ArrayList<>(positions.size());
        Set<String> withoutMark = new HashSet<>();
        for (StoredPosition stored : positions) {
            Position position = stored.position();
            Optional<MarkPrice> mark = prices.latest(position.symbol());
            if (mark.isEmpty()) {
                withoutMark.add(position.symbol());
            }
            priced.add(new PricedPosition(position, mark.map(MarkPrice::price).orElse(position.entryPrice())));
        }
        return new AccountSnapshot(account, positions, calculator.account(account.walletBalance(), priced), withoutMark);
    }

    /**
     * Refuses, changing nothing, when a cross position (not {@code traded}, priced by the order) has no fresh mark:
     * valued at its entry, the pool could look richer than it is, and money taken out on that could sink it.
     */
    private static void requireFreshCrossMarks(AccountSnapshot snapshot, StoredPosition traded, String purpose) {
        List<String> stale = snapshot.crossSymbolsWithoutMark(traded);
        if (!stale.isEmpty()) {
            throw CommandRejected.text("refusals.cross.noMark." + purpose + ".refused", String.join(", ", stale));
        }
    }

    private PaperAccount account(long userId, boolean lock) {
        Optional<PaperAccount> account = lock ? store.lock(userId) : store.find(userId);
        return account.orElseThrow(() -> CommandRejected.text("refusals.account.none.refused"));
    }

    private static void requirePositiveAmount(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw CommandRejected.text("refusals.amount.notPositive.refused");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw CommandRejected.text("refusals.amount.tooLarge.refused", Figure.usdt(MAX_AMOUNT));
        }
    }
}
