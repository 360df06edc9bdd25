package org.marginsentinel.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginsentinel.application.port.LedgerEntry;
import org.marginsentinel.application.port.LedgerKind;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.paper.TradingFees;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/**
 * A property over random accounts (seeded: a failure names its seed, and every seed is asserted): whatever a trader
 * does — open, add, reduce, close, flip, move margin, deposit, withdraw — while marks move, funding is paid at random
 * rates and positions are liquidated, after every step
 * <ul>
 *   <li>wallet = deposits − withdrawals + realised PnL − fees ± funding − liquidation losses (the ledger), exactly;</li>
 *   <li>the cross wallet (and so the wallet) is never negative, except as Binance's wallet balance can be: after a
 *       cross position closed at a loss larger than the cross wallet while the other cross positions' unrealised
 *       profit still covers it (the pool's margin balance stays positive; a liquidation takes the rest);</li>
 *   <li>every isolated margin stays positive;</li>
 *   <li>a refused command changes nothing.</li>
 * </ul>
 */
class WalletInvariantsPropertyTest {

    private static final long TRADER = 11;
    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT"};
    private static final int STEPS = 80;

    static Stream<Long> seeds() {
        return IntStream.rangeClosed(1, 120).mapToObj(i -> 7919L * i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void walletAlwaysEqualsItsLedger_andNeverGoesNegative(long seed) {
        Random random = new Random(seed);
        PaperDesk desk = new PaperDesk(TradingFees.BINANCE_REGULAR);
        Map<String, BigDecimal> marks = new HashMap<>(Map.of("BTCUSDT", new BigDecimal("80000"),
                "ETHUSDT", new BigDecimal("3000"), "SOLUSDT", new BigDecimal("110")));
        marks.forEach((symbol, mark) -> desk.marks.set(symbol, mark.toPlainString()));
        desk.trading.start(TRADER, "Trader");

        for (int step = 0; step < STEPS; step++) {
            String before = desk.store.dump();
            String action = "?";
            try {
                action = act(random, desk, marks);
            } catch (CommandRejected refused) {
                assertThat(desk.store.dump()).as("seed %d step %d: refused %s changed something", seed, step, action)
                        .isEqualTo(before);
            }
            assertInvariants(desk, "seed " + seed + " step " + step + " after " + action);
        }
    }

    @org.junit.jupiter.api.Test
    void aCrossLossLargerThanTheWallet_isBookedWhole_whileTheOtherCrossProfitCoversIt() {
        // Binance: wallet balance = net transfers + realised PnL + funding − fees, with no floor
        PaperDesk desk = new PaperDesk(TradingFees.NONE);
        desk.marks.set("ETHUSDT", "3000").set("BTCUSDT", "80000");
        desk.trading.start(TRADER, "Trader");
        desk.trading.open(TRADER, new OpenOrder("ETHUSDT", Side.LONG, new BigDecimal("30"), null, 50, MarginMode.CROSS, null));
        desk.trading.open(TRADER, new OpenOrder("BTCUSDT", Side.SHORT, BigDecimal.ONE, null, 50, MarginMode.CROSS, null));
        desk.marks.set("ETHUSDT", "2600").set("BTCUSDT", "60000");   // ETH −12,000, BTC +20,000

        TradeResult closed = desk.trading.close(TRADER, "ETH", Portion.ALL);

        assertThat(closed.after().account().walletBalance()).isEqualByComparingTo("-2000");
        assertThat(closed.after().risk().cross().marginBalance()).isEqualByComparingTo("18000");
        assertInvariants(desk, "directed");
    }

    private static String act(Random random, PaperDesk desk, Map<String, BigDecimal> marks) {
        String symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
        BigDecimal mark = marks.get(symbol);
        List<StoredPosition> open = desk.store.openPositions(TRADER);
        switch (random.nextInt(9)) {
            case 0, 1 -> {
                // notional of 1% to 300% of the wallet, leverage 1–50x, at the mark
                BigDecimal wallet = desk.store.find(TRADER).orElseThrow().walletBalance().max(BigDecimal.TEN);
                BigDecimal notional = wallet.multiply(BigDecimal.valueOf(0.01 + random.nextDouble() * 3));
                BigDecimal quantity = notional.divide(mark, 6, RoundingMode.DOWN);
                Side side = random.nextBoolean() ? Side.LONG : Side.SHORT;
                MarginMode mode = random.nextBoolean() ? MarginMode.ISOLATED : MarginMode.CROSS;
                desk.trading.open(TRADER, new OpenOrder(symbol, side, quantity, null, 1 + random.nextInt(50), mode, null));
                return "open " + side + " " + quantity + " " + symbol + " " + mode;
            }
            case 2 -> {
                if (open.isEmpty()) {
                    return "nothing to close";
                }
                StoredPosition target = open.get(random.nextInt(open.size()));
                Portion portion = random.nextBoolean() ? Portion.ALL
                        : Portion.percent(BigDecimal.valueOf(1 + random.nextInt(99)));
                desk.trading.close(TRADER, "#" + target.number(), portion);
                return "close #" + target.number();
            }
            case 3 -> {
                BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(5000));
                if (random.nextBoolean()) {
                    desk.trading.deposit(TRADER, amount);
                    return "deposit " + amount;
                }
                desk.trading.withdraw(TRADER, amount);
                return "withdraw " + amount;
            }
            case 4 -> {
                List<StoredPosition> isolated = open.stream().filter(p -> p.position().isIsolated()).toList();
                if (isolated.isEmpty()) {
                    return "no isolated margin to move";
                }
                StoredPosition target = isolated.get(random.nextInt(isolated.size()));
                BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(2000));
                boolean add = random.nextBoolean();
                desk.trading.adjustMargin(TRADER, "#" + target.number(), add, amount);
                return (add ? "add " : "remove ") + amount + " margin #" + target.number();
            }
            case 5 -> {
                Instant fundingTime = desk.clock.instant().plusSeconds(60);
                String rate = BigDecimal.valueOf(random.nextInt(61) - 30, 4).toPlainString(); // −0.30% … +0.30%
                desk.fundingRates.announce(symbol, rate, fundingTime);
                desk.funding.run(Set.of(SYMBOLS));
                desk.clock.advance(Duration.ofMinutes(2));
                desk.funding.run(Set.of(SYMBOLS));
                return "funding " + symbol + " at " + rate;
            }
            default -> {
                // the mark moves up to ±8%, then the liquidations the risk monitor would run
                double move = (random.nextDouble() - 0.5) * 0.20;
                BigDecimal moved = mark.multiply(BigDecimal.valueOf(1 + move)).setScale(4, RoundingMode.HALF_EVEN);
                marks.put(symbol, moved);
                desk.marks.set(symbol, moved.toPlainString());
                liquidate(desk, marks);
                return "mark " + symbol + " " + moved;
            }
        }
    }

    private static void liquidate(PaperDesk desk, Map<String, BigDecimal> marks) {
        for (StoredPosition stored : desk.store.openPositions(TRADER)) {
            if (stored.position().isIsolated()) {
                desk.liquidations.liquidateIsolated(TRADER, stored.id(), marks.get(stored.position().symbol()));
            }
        }
        desk.liquidations.liquidateCross(TRADER, marks);
    }

    private static void assertInvariants(PaperDesk desk, String where) {
        BigDecimal wallet = desk.store.find(TRADER).orElseThrow().walletBalance();
        List<LedgerEntry> ledger = desk.store.ledger();
        BigDecimal sum = ledger.stream().map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(wallet).as("%s: wallet against its ledger", where).isEqualByComparingTo(sum);
        assertThat(WalletTotals.of(desk.store.totals(TRADER)).wallet()).as(where).isEqualByComparingTo(wallet);
        assertThat(ledger).as(where).allSatisfy(e -> assertThat(e.kind() != LedgerKind.FEE || e.amount().signum() <= 0).isTrue());

        List<Position> open = desk.store.openPositions(TRADER).stream().map(StoredPosition::position).toList();
        BigDecimal isolated = open.stream().filter(Position::isIsolated).map(Position::isolatedMargin)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (wallet.subtract(isolated).signum() < 0) {
            assertThat(desk.trading.snapshot(TRADER).risk().cross().marginBalance())
                    .as("%s: a negative cross wallet %s not covered by open cross profit", where, wallet.subtract(isolated))
                    .isGreaterThanOrEqualTo(BigDecimal.ZERO);
        }
        assertThat(open).as(where).allSatisfy(p -> assertThat(p.isolatedMargin() == null
                || p.isolatedMargin().signum() > 0).isTrue());
    }
}
