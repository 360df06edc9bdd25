package org.marginsentinel.adapter.telegram.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.marginsentinel.testsupport.fakes.PaperDesk.d;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.Portion;
import org.marginsentinel.application.trigger.PriceAlerts;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.paper.TradingFees;
import org.marginsentinel.domain.trigger.Direction;
import org.marginsentinel.testsupport.fakes.InMemoryPriceAlertStore;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/**
 * The application refuses with text keys and unformatted figures; the chat adapter words them in the user's language,
 * numbers included (Russian: a no-break space between thousands, a decimal comma). Real refusals, from real use cases.
 */
class ApplicationRefusalsTest {

    private static final long TRADER = 5;
    private static final String NBSP = "\u00A0";

    /** A desk with a trader (10,000 USDT, Binance's taker fee) and marks for BTC and ETH. */
    private static final class Desk {
        final PaperDesk desk = new PaperDesk(TradingFees.BINANCE_REGULAR);
        final PriceAlerts alerts = new PriceAlerts(new InMemoryPriceAlertStore(), desk.marks, desk.notifier,
                desk.clock, change -> { });

        Desk() {
            desk.marks.set("BTCUSDT", "80000").set("ETHUSDT", "3000");
            desk.trading.start(TRADER, "Trader");
        }
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("no account yet", d -> () -> d.desk.trading.deposit(99, d("1")),
                        "You have no paper account yet. Send /start to open one.",
                        "У вас ещё нет бумажного счёта. Отправьте /start, чтобы открыть его."),
                refusal("not enough balance, with its figures", d -> () -> d.desk.trading.open(TRADER,
                                order("BTCUSDT", Side.LONG, "1", 2, MarginMode.ISOLATED, null)),
                        "Not enough available balance: this needs 40,000.00 USDT of margin and 40.00 USDT of fee, and "
                                + "30,040.00 USDT is missing. Use less size or more leverage, or /deposit.",
                        "Недостаточно доступного баланса: нужно 40" + NBSP + "000,00 USDT маржи и 40,00 USDT комиссии, "
                                + "не хватает 30" + NBSP + "040,00 USDT. Уменьшите размер, увеличьте плечо или сделайте "
                                + "/deposit."),
                refusal("an unknown symbol", d -> () -> d.desk.trading.open(TRADER,
                                order("XYZUSDT", Side.LONG, "1", 2, MarginMode.ISOLATED, null)),
                        "I don't know XYZUSDT. Use a USDT perpetual such as BTC, ETH or SOL.",
                        "Я не знаю XYZUSDT. Используйте бессрочный USDT-контракт, например BTC, ETH или SOL."),
                refusal("a leverage the open position cannot take", d -> () -> {
                            d.desk.trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 20, MarginMode.ISOLATED, null));
                            d.desk.trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 2, MarginMode.ISOLATED, null));
                        },
                        "Your BTCUSDT position is 20x, and the exchange keeps one leverage per symbol: 2x would apply "
                                + "to the whole position and needs 4,000.00 USDT of isolated margin, but it holds "
                                + "400.00 USDT. Add margin first (/margin), trade at 20x, or close it first.",
                        "Ваша позиция BTCUSDT с плечом 20x, а биржа держит одно плечо на символ: 2x применится ко "
                                + "всей позиции и потребует 4" + NBSP + "000,00 USDT изолированной маржи, а в ней "
                                + "400,00 USDT. Сначала добавьте маржу (/margin), торгуйте с плечом 20x или закройте "
                                + "позицию."),
                refusal("withdrawing more than the available balance, with a signed PnL", d -> () -> {
                            d.desk.trading.open(TRADER, order("ETHUSDT", Side.LONG, "1", 10, MarginMode.CROSS, null));
                            d.desk.marks.set("ETHUSDT", "2900");
                            d.desk.trading.withdraw(TRADER, d("20000"));
                        },
                        "You can withdraw at most 9,608.50 USDT now: that is the available balance: the cross wallet "
                                + "(9,998.50 USDT) with its unrealised PnL (-100.00 USDT) less the cross positions' "
                                + "initial margin (290.00 USDT).",
                        "Сейчас можно вывести не больше 9" + NBSP + "608,50 USDT: это доступный баланс — кросс-кошелёк "
                                + "(9" + NBSP + "998,50 USDT) с нереализованным PnL (-100,00 USDT) минус начальная маржа "
                                + "кросс-позиций (290,00 USDT)."),
                refusal("closing more than the position holds", d -> () -> {
                            d.desk.trading.open(TRADER, order("ETHUSDT", Side.SHORT, "1.5", 10, MarginMode.CROSS, null));
                            d.desk.trading.close(TRADER, "1", Portion.quantity(d("2")));
                        },
                        "Position #1 holds only 1.5 ETH.",
                        "В позиции #1 только 1,5 ETH."),
                refusal("an alert that would fire at once", d -> () -> d.alerts.add(TRADER, "btc", Direction.ABOVE,
                                d("79500.5")),
                        "BTCUSDT is already at or above 79,500.50 (mark 80,000.00): that alert would fire at once.",
                        "BTCUSDT уже на уровне 79" + NBSP + "500,50 или выше (марк-цена 80" + NBSP + "000,00): алерт "
                                + "сработал бы сразу."),
                refusal("an alert number that is not there", d -> () -> {
                            d.alerts.add(TRADER, "ETH", Direction.BELOW, d("2500"));
                            d.alerts.delete(TRADER, 3);
                        },
                        "You have no alert 3: /alert lists them, numbered 1 to 1.",
                        "У вас нет алерта 3: /alert показывает их с номерами от 1 до 1."));
    }

    private static Arguments refusal(String what, Function<Desk, ThrowingCallable> action, String english,
                                     String russian) {
        return Arguments.of(what, action, english, russian);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isWordedInTheUsersLanguage(String what, Function<Desk, ThrowingCallable> action, String english,
                                    String russian) {
        Throwable thrown = catchThrowable(action.apply(new Desk()));

        assertThat(thrown).isInstanceOf(CommandRejected.class);
        CommandRejected rejected = (CommandRejected) thrown;
        assertThat(rejected.textKey()).as("a text key, not English words").isPresent();
        assertThat(Texts.of(Language.EN).refusal(rejected)).isEqualTo(english);
        assertThat(Texts.of(Language.RU).refusal(rejected)).isEqualTo(russian);
    }
}
