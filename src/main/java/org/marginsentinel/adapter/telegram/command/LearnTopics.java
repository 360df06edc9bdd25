package org.marginsentinel.adapter.telegram.command;

import java.util.List;
import java.util.Map;

/** The lessons of {@code /learn}: Telegram HTML, each well under 4,096 characters. */
final class LearnTopics {

    static final String OVERVIEW = """
            <b>📚 Margin modes in one minute</b>

            With leveraged futures the exchange keeps part of your money as <b>margin</b>: a deposit \
            that absorbs your losses. When losses shrink it down to the <i>maintenance margin</i>, the \
            exchange closes the position for you. That forced close is a <b>liquidation</b>.

            The margin mode decides <b>which money</b> can be spent on keeping a losing position open:

            🔒 <b>Isolated</b>: only the margin you put into that one position.
            🌊 <b>Cross</b>: your whole futures balance, shared by every cross position.

            <b>Side by side</b>
            • <i>Worst case</i>: isolated loses one position's margin; cross can lose the entire balance.
            • <i>Liquidation</i>: isolated comes sooner (a thinner cushion); cross comes later but takes more with it.
            • <i>Upkeep</i>: isolated needs you to top up margin by hand; cross borrows from the balance on its own.
            • <i>Suits</i>: isolated fits high leverage, experiments and part-time trading; cross fits low \
            leverage, hedges and accounts you watch closely.

            Read more: /learn isolated · /learn cross""";

    static final String ISOLATED = """
            <b>🔒 Isolated margin</b>

            Every position gets its own fixed margin, like a separate little wallet. Losses can only \
            spend that money; the rest of your balance never gets touched.

            <b>How it gets liquidated</b>
            The liquidation price depends on that position alone: entry, size, leverage and its \
            margin. If the mark price reaches it, you lose the position's margin and nothing more.

            <b>Risks</b>
            • Thin cushion: at high leverage the liquidation price sits close to entry, so an \
            ordinary swing can end the trade.
            • No automatic rescue: to move liquidation further away you must add margin yourself, in time.
            • Idle money: funds not assigned to a position just wait.

            <b>Good for</b>
            • High-leverage or speculative ideas where you accept losing a set amount.
            • Testing a new strategy on a capped budget.
            • Trading part time: you know the worst case before you enter.

            💡 Decide the most you are willing to lose on the trade and make that the margin.

            Compare: /learn cross · Overview: /learn""";

    static final String CROSS = """
            <b>🌊 Cross margin</b>

            All cross positions draw on one pool: your futures balance. When a position loses, the \
            pool pays, so it survives moves that would liquidate an isolated position with the same \
            starting margin.

            <b>How it gets liquidated</b>
            The exchange judges the whole account. Liquidation comes when the balance plus the \
            unrealized P&amp;L of every position can no longer cover their combined maintenance \
            margin. One runaway trade drains the pool for all the others.

            <b>Risks</b>
            • Everything is at stake: one bad position can empty the whole futures wallet.
            • A moving target: profits and losses on other positions shift your liquidation point.
            • False comfort: the big cushion tempts people into too much leverage.

            <b>Good for</b>
            • Low leverage, where the extra cushion helps most.
            • Hedged positions that offset each other.
            • Accounts you watch closely and can act on quickly.

            💡 Keep only money you are prepared to risk in the futures wallet, and watch the account's \
            margin ratio, not just one position.

            Compare: /learn isolated · Overview: /learn""";

    static final String ODDS = """
            <b>🎲 Odds of liquidation</b>

            A liquidation price says <i>where</i> you are liquidated; the odds say <i>how likely</i> the mark gets \
            there within the next 24 hours.

            <b>The model</b>
            • Volatility: every hour the bot measures how much each symbol really moved over the last week \
            (hourly mark-price candles, Binance or Bybit) and scales it to one day: the daily σ.
            • The price is taken as a random walk in percentage terms, without a trend.
            • The chance of <i>touching</i> a level at some point (not just ending beyond it) is then \
            2 × N(−d / (σ × √T)): d is the distance to liquidation in log terms, T the time in days, N the \
            bell curve. That is the reflection principle: every path that touches the level and comes back has a \
            mirror twin that ends beyond it.
            • "2.1 daily σ away" is d / σ: how many typical days of movement stand between you and liquidation. \
            About 2σ means roughly a 5% chance within a day.

            <b>Read it with care</b>
            Real markets jump and trend, and calm weeks understate the next storm, so treat the odds as a floor, \
            not a promise.

            <b>Cross pools</b>
            A cross pool dies when its marks move against it <i>together</i>, so its odds are for a joint move: \
            every cross symbol moves against your position in it at the same time (a long's mark falls, a \
            short's rises), each by its own volatility. The survivable move is the size of that joint move, as \
            a share of the marks, that brings the pool's balance down to its maintenance margin; the odds are \
            the chance the joint move gets there within 24 hours, with the pool's volatility (its symbols' σ, \
            weighted by the size of each position). Assuming the moves come together errs on the side of caution. \
            The "Liq." price of one cross position still assumes the other marks stay put.

            <b>Use it</b>
            • /risk shows the odds and what keeps each position alive through the move that has a 5% chance \
            within 24 hours.
            • /alerts odds 10% warns you when an isolated position's odds reach 10%.

            Overview: /learn""";

    /** Topic name → lesson; the overview is shown without a topic. */
    static final Map<String, String> TOPICS = Map.of("isolated", ISOLATED, "cross", CROSS, "odds", ODDS);

    /** Topic names in the order they are offered to users. */
    static final List<String> TOPIC_NAMES = List.of("isolated", "cross", "odds");

    private LearnTopics() {
    }
}
