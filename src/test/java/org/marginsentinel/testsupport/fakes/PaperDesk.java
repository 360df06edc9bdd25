package org.marginsentinel.testsupport.fakes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.marginsentinel.application.FundingBooking;
import org.marginsentinel.application.FundingMarks;
import org.marginsentinel.application.FundingSettlement;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.application.PracticeTrading;
import org.marginsentinel.application.SignallingAccountStore;
import org.marginsentinel.application.alert.Liquidations;
import org.marginsentinel.application.insight.SurvivalPlanner;
import org.marginsentinel.domain.alert.MarginAdvice;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierTable;
import org.marginsentinel.domain.paper.LotSize;
import org.marginsentinel.domain.paper.TradingFees;

/**
 * The paper-trading use cases wired to in-memory ports, as the container wires them to the database: every write
 * goes through {@link SignallingAccountStore}, whose signals collect in {@link #changes}. Plain Java, milliseconds.
 */
public final class PaperDesk {

    public static final Instant START = Instant.parse("2030-01-01T10:00:00Z");

    public final MutableClock clock = new MutableClock(START);
    public final TierTable tiers = TierTable.shippedDefaults();
    public final MarginCalculator calculator = new MarginCalculator(tiers);
    public final MarginAdvice advice = new MarginAdvice(calculator);
    public final SurvivalPlanner planner = new SurvivalPlanner(calculator, advice);
    public final InMemoryAccountStore store = new InMemoryAccountStore();
    public final RecordingAccountChanges changes = new RecordingAccountChanges();
    public final SignallingAccountStore accounts = new SignallingAccountStore(store, changes);
    public final InMemoryAlertStore alerts = new InMemoryAlertStore();
    public final FakeMarkPrices marks = new FakeMarkPrices(clock);
    public final FakeVolatilities volatilities = new FakeVolatilities();
    public final RecordingNotifier notifier = new RecordingNotifier();
    /** No fees unless asked for: most tests check other rules with round numbers. */
    public final TradingFees fees;
    public final PaperTrading trading;
    public final Liquidations liquidations = new Liquidations(accounts, calculator, advice, notifier, clock);
    public final FakeFundingRates fundingRates = new FakeFundingRates();
    /** Kept across {@link #restartFunding()}, as the database is. */
    public final InMemoryFundingLedger fundingLedger = new InMemoryFundingLedger(store);
    public FundingSettlement funding;
    /** What the feed's mark events leave for funding (a test hands marks to it); new on a restart, as memory is. */
    public FundingMarks fundingMarks;
    public final FakeDayRanges dayRanges = new FakeDayRanges();
    public final InMemoryPracticeMarks practiceMarks = new InMemoryPracticeMarks();
    public final PracticeTrading practice;
    /** The exchanges' lot sizes by symbol: none unless a test lists one (then sizes keep to its step). */
    public final Map<String, LotSize> lotSizes = new ConcurrentHashMap<>();

    public PaperDesk() {
        this(TradingFees.NONE);
    }

    public PaperDesk(TradingFees fees) {
        this.fees = fees;
        this.trading = new PaperTrading(accounts, marks, calculator, tiers, clock, fees,
                symbol -> Optional.ofNullable(lotSizes.get(symbol)));
        this.practice = new PracticeTrading(trading, dayRanges, practiceMarks);
        this.funding = newFunding();
    }

    /** Funding settlement as a freshly started process has it: nothing in memory, the ledger as stored. */
    public FundingSettlement restartFunding() {
        funding = newFunding();
        return funding;
    }

    private FundingSettlement newFunding() {
        fundingMarks = new FundingMarks();
        return new FundingSettlement(new FundingBooking(accounts, fundingLedger), fundingRates, marks, clock, trading,
                notifier, fundingMarks);
    }

    public static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** An order as the chat commands build it: a quantity, leverage and mode; at the mark unless {@code at} is set. */
    public static OpenOrder order(String symbol, Side side, String quantity, int leverage, MarginMode mode, String at) {
        return new OpenOrder(symbol, side, d(quantity), null, leverage, mode, at == null ? null : d(at));
    }
}
