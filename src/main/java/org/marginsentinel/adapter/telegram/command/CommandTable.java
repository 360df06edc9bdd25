package org.marginsentinel.adapter.telegram.command;

import static org.marginsentinel.adapter.telegram.command.CommandSpec.Where.ANYWHERE;
import static org.marginsentinel.adapter.telegram.command.CommandSpec.Where.GROUP;
import static org.marginsentinel.adapter.telegram.command.CommandSpec.Where.PERSONAL;

import java.util.List;
import java.util.Optional;

/**
 * Every command of the bot, in the order of {@code /help} and the menus. The one place a command's name, syntax,
 * example, menu line and reach are written: each {@link ChatCommand} bean returns its entry from
 * {@link ChatCommand#spec()}, the {@link CommandRegistry} refuses to start when an entry has no bean (or a bean
 * no entry), and {@code CommandTableReadmeTest} fails when README.md's command table says something else.
 */
public final class CommandTable {

    private static final String ORDER = " <symbol> <size|$usdt> [<leverage>x] [isolated|cross] [@<entry>]";
    private static final String OPEN = " position (size in coins or $USDT, default 10x isolated at the mark)";
    private static final String OPEN_DETAILS = "Also 100 usdt, 100$, x20 or a bare 20 after the size, 0,01; "
            + "another leverage than the open position's is asked first (it changes the whole position).";

    public static final CommandSpec START = CommandSpec.of("start", "/start", "/start", PERSONAL,
            "Open your paper futures account (10,000 USDT)", "A second /start changes nothing.");
    public static final CommandSpec BALANCE = CommandSpec.of("balance", "/balance", "/balance", PERSONAL,
            "Wallet, equity, margin in use and what is available", "Also unrealised PnL and what you can withdraw.");
    public static final CommandSpec DEPOSIT = CommandSpec.of("deposit", "/deposit <amount>", "/deposit 500", PERSONAL,
            "Add paper USDT to your wallet");
    public static final CommandSpec WITHDRAW = CommandSpec.of("withdraw", "/withdraw <amount|all>", "/withdraw 250",
            PERSONAL, "Take paper USDT out of your wallet",
            "Never more than is free; withdrawing everything asks first.");
    public static final CommandSpec LONG = CommandSpec.of("long", "/long" + ORDER, "/long BTC 0.01 20x", PERSONAL,
            "Open or add to a long" + OPEN, OPEN_DETAILS);
    public static final CommandSpec SHORT = CommandSpec.of("short", "/short" + ORDER, "/short ETH $2000 5x cross",
            PERSONAL, "Open or add to a short" + OPEN, OPEN_DETAILS);
    public static final CommandSpec POSITIONS = CommandSpec.of("positions", "/positions", "/positions", PERSONAL,
            "Your open positions with PnL, ROE and liquidation price",
            "Each with its number, size, entry, mark and distance to liquidation.");
    public static final CommandSpec CLOSE = CommandSpec.of("close",
            "/close <#|symbol|all> [<percent>%|<quantity> [coins]]", "/close 1 50%", PERSONAL,
            "Close a position (or part of it, or all of them) at the mark and book the PnL",
            "Closing a whole position, or all, asks first; a bare 25 that could be 25% is asked about.");
    public static final CommandSpec MARGIN = CommandSpec.of("margin", "/margin <#> add|remove <amount>",
            "/margin 1 add 200", PERSONAL,
            "Add or remove margin of an isolated position; shows the new liquidation price");
    public static final CommandSpec SL = CommandSpec.of("sl", "/sl <#> <price|off>", "/sl 1 90000", PERSONAL,
            "Stop-loss of a paper position, executed at the mark with the taker fee",
            "Closes the whole position once the mark gets there, like the exchange's mark-price stop-market order. A stop at or beyond the liquidation price is flagged "
                    + "\"can never fire\" (the position is liquidated first); a partial close keeps it on the rest.");
    public static final CommandSpec TP = CommandSpec.of("tp", "/tp <#> <price|off>", "/tp 1 110000", PERSONAL,
            "Take-profit of a paper position, executed at the mark with the taker fee",
            "Closes the whole position once the mark gets there. A take-profit so near the entry that the close books a loss after the opening and closing fees is "
                    + "flagged \"loses after fees\".");
    public static final CommandSpec PNL = CommandSpec.of("pnl", "/pnl [day|week|month]", "/pnl week", PERSONAL,
            "Realised PnL, fees, funding and liquidations per day, with a chart",
            "Days are UTC days. Default: the last 7 days (today included); day is today, month the last 30 days.");
    public static final CommandSpec TRADES = CommandSpec.of("trades", "/trades [<n>]", "/trades 20", PERSONAL,
            "Your last closed trades: entry, exit, PnL, fees, funding, duration",
            "Default 10, at most 50; each with its size and how it ended: close, liquidation, stop-loss or "
                    + "take-profit.");
    public static final CommandSpec RISK = CommandSpec.of("risk", "/risk", "/risk", PERSONAL,
            "Your risk at a glance: cross pool and isolated positions by danger");
    public static final CommandSpec STRESS = CommandSpec.of("stress", "/stress <±percent> [symbol]", "/stress -15",
            PERSONAL, "Stress test: what a sudden move of every mark (or one symbol) would liquidate and cost",
            "Also the largest move each position and the cross pool survive; in private chats each watched "
                    + "Hyperliquid account follows in its own section, by its rules. Nothing changes.");
    public static final CommandSpec WHATIF = CommandSpec.of("whatif", "/whatif <long|short>" + ORDER,
            "/whatif long BTC 0.1 20x cross", PERSONAL,
            "Before opening: the new liquidation price, cross margin ratio and worst case; nothing is opened",
            "In private chats also what the same order would do on each watched Hyperliquid account, by its rules.");
    public static final CommandSpec COMPARE = CommandSpec.of("compare", "/compare", "/compare", PERSONAL,
            "Your positions under isolated vs cross: liquidation prices, worst cases, the trade-off",
            "In private chats each watched Hyperliquid account too, in its own section.");
    public static final CommandSpec WATCH = CommandSpec.of("watch", "/watch [hl <address> | binance|bybit|okx …]",
            "/watch hl 0x0123456789abcdef0123456789abcdef01234567", PERSONAL,
            "Watch a real account read-only: a Hyperliquid address (no key), or Binance, Bybit, OKX with a read-only "
                    + "API key; /watch alone lists them with how fresh each is",
            "Private chats only. /watch binance shows a public key to register on Binance, then /watch binance "
                    + "<api-key>; or /watch binance|bybit <api-key> <secret>, /watch okx <api-key> <secret> "
                    + "<passphrase>. A key that can trade or withdraw is refused; the message with the key is "
                    + "deleted, the key stored encrypted. Positions show in /positions, /risk, /stress, /whatif and "
                    + "/compare with the exchange's liquidation price next to the bot's, and get the same warnings "
                    + "as paper positions; only you see them.");
    public static final CommandSpec UNWATCH = CommandSpec.of("unwatch", "/unwatch <n>", "/unwatch 1", PERSONAL,
            "Stop watching an account and delete everything stored for it (a key included)");
    public static final CommandSpec CHART = CommandSpec.of("chart", "/chart <#|symbol|pool|watch <n> <coin>> [<hours>h]",
            "/chart 1 12h", PERSONAL, "A chart: a position's mark with entry, liquidation and warning bands, any "
                    + "symbol's mark, or your cross pool",
            "A picture of the last hours (default 6, at most 24); for the pool, its margin balance against its "
                    + "maintenance margin; /chart watch 1 BTC charts the BTC position of your watched account #1 "
                    + "with the exchange's and the bot's liquidation prices.");
    public static final CommandSpec PRICE = CommandSpec.of("price", "/price <symbol>", "/price BTC", ANYWHERE,
            "The current mark price of a symbol");
    public static final CommandSpec CALC = CommandSpec.of("calc",
            "/calc <long|short> <leverage>x @<entry> [<isolated margin>] [<symbol>]", "/calc long 20x @60000 500 BTC",
            ANYWHERE, "Liquidation calculator (default 1,000 USDT margin, BTC tiers)");
    public static final CommandSpec ALERT = CommandSpec.of("alert", "/alert [<symbol> <|> <price> | del <n>]",
            "/alert BTC < 90000", PERSONAL, "Price alerts on the mark, each fires once; /alert alone lists them",
            "At most 20. Fires once the mark is at or past the price (< at or below, > at or above).");
    public static final CommandSpec ALERTS = CommandSpec.of("alerts",
            "/alerts [on|off | isolated <warn>% <danger>% <critical>% | cross <warn>% <danger>% <critical>% "
                    + "| odds <pct>%|off]",
            "/alerts isolated 15% 7% 3%", PERSONAL, "Your warning settings; tune the levels or turn warnings off and on");
    public static final CommandSpec SNOOZE = CommandSpec.of("snooze", "/snooze <30m|2h|off>", "/snooze 2h", PERSONAL,
            "Pause warnings for a while (critical warnings and liquidations still come)");
    public static final CommandSpec QUIET = CommandSpec.of("quiet", "/quiet <from>-<to> | off   (UTC hours)",
            "/quiet 23-07", PERSONAL, "Quiet hours every day (critical warnings and liquidations still come)");
    public static final CommandSpec SHARE = CommandSpec.of("share", "/share [on|off]", "/share on", GROUP,
            "In a group: show or hide your risk on its /board, /leaderboard and group alerts", "Off by default.");
    public static final CommandSpec BOARD = CommandSpec.of("board", "/board", "/board", GROUP,
            "In a group: the risk board of members who share, most endangered first",
            "One message, kept up to date.");
    public static final CommandSpec LEADERBOARD = CommandSpec.of("leaderboard", "/leaderboard [week|month|all]",
            "/leaderboard month", GROUP, "In a group: sharing members ranked by risk-adjusted survival, not raw PnL");
    public static final CommandSpec GROUP_ALERTS = CommandSpec.of("groupalerts", "/groupalerts [on|off]",
            "/groupalerts on", GROUP, "Group admins: post sharing members' critical warnings and liquidations here");
    public static final CommandSpec LEARN = CommandSpec.of("learn", "/learn [isolated|cross|odds]", "/learn cross",
            ANYWHERE, "How isolated and cross margin work, their risks, and the odds of liquidation");
    public static final CommandSpec LANG = CommandSpec.of("lang", "/lang [en|ru]", "/lang ru", ANYWHERE,
            "Choose the language I answer you in: English or Russian",
            "Telegram's language is used until you choose; your choice applies to everything I send you.");
    public static final CommandSpec HELP = CommandSpec.of("help", "/help [<command>]", "/help learn", ANYWHERE,
            "List every command with an example",
            "In a group, only the commands that work there.");

    /** In the order of {@code /help} and the menus. */
    public static final List<CommandSpec> ALL = List.of(START, BALANCE, DEPOSIT, WITHDRAW, LONG, SHORT, POSITIONS,
            CLOSE, MARGIN, SL, TP, PNL, TRADES, RISK, STRESS, WHATIF, COMPARE, WATCH, UNWATCH, CHART, PRICE, CALC,
            ALERT, ALERTS, SNOOZE, QUIET, SHARE, BOARD, LEADERBOARD, GROUP_ALERTS, LEARN, LANG, HELP);

    private CommandTable() {
    }

    /** The entry named {@code name}, if the bot has such a command. */
    public static Optional<CommandSpec> find(String name) {
        return ALL.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }
}
