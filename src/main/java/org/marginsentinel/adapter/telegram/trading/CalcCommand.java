package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.adapter.telegram.command.Arguments;
import org.marginsentinel.adapter.telegram.command.NumberName;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.i18n.TierSourceText;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierSchedule;
import org.marginsentinel.domain.margin.TierTable;

/**
 * The liquidation calculator: an isolated position of {@code margin × leverage} notional at the entry, valued
 * with the symbol's tiers by the same engine as the risk API.
 */
@ApplicationScoped
public class CalcCommand implements ChatCommand {

    static final BigDecimal DEFAULT_MARGIN = new BigDecimal("1000");

    @Inject
    MarginCalculator calculator;

    @Inject
    TierTable tiers;

    @Override
    public CommandSpec spec() {
        return CommandTable.CALC;
    }

    @Override
    public BotReply handle(CommandContext context) {
        List<String> args = context.args();
        if (args.size() < 3 || args.size() > 5) {
            throw new CommandRejected(context.texts().get("refusals.calc.arguments.refused"));
        }
        Side side = Side.parse(args.get(0)).orElseThrow(() ->
                new CommandRejected(context.texts().get("refusals.side.invalid.refused", Arguments.quote(args.get(0), context.texts()))));
        int leverage = Arguments.leverage(args.get(1));
        if (!args.get(2).startsWith("@")) {
            throw new CommandRejected(context.texts().get("refusals.calc.entry.refused"));
        }
        BigDecimal entry = Arguments.positiveNumber(args.get(2).substring(1), NumberName.ENTRY_PRICE);
        BigDecimal margin = DEFAULT_MARGIN;
        String symbol = "BTCUSDT";
        boolean marginSeen = false;
        boolean symbolSeen = false;
        for (String option : args.subList(3, args.size())) {
            if (!marginSeen && Character.isDigit(option.charAt(0))) {
                margin = Arguments.positiveNumber(option, NumberName.MARGIN);
                marginSeen = true;
            } else if (!symbolSeen) {
                symbol = Arguments.symbol(option);
                symbolSeen = true;
            } else {
                throw new CommandRejected(context.texts().get("common.notUnderstood.refused", Arguments.quote(option, context.texts())));
            }
        }
        BigDecimal quantity = margin.multiply(BigDecimal.valueOf(leverage)).divide(entry, 12, RoundingMode.DOWN);
        if (quantity.signum() <= 0) {
            throw new CommandRejected(context.texts().get("refusals.calc.tooSmall.refused"));
        }
        String listedSymbol = symbol;
        TierSchedule schedule = tiers.listedSchedule(symbol).orElseThrow(() -> new CommandRejected(
                context.texts().get("refusals.calc.unlisted.refused", listedSymbol)));
        Position position = new Position("calc", symbol, side, quantity, entry, leverage, MarginMode.ISOLATED, margin);
        int maxLeverage = schedule.maxLeverage(position.entryNotional());
        Optional<BigDecimal> liquidation = calculator.isolatedLiquidationPrice(position);
        Texts texts = context.texts();
        Numbers n = texts.numbers();
        StringBuilder text = new StringBuilder(texts.get("calc.head", texts.side(side),
                String.valueOf(leverage), n.price(symbol, entry), n.usdt(margin), symbol,
                TierSourceText.of(tiers, symbol, texts))).append('\n')
                .append(texts.get("calc.size", n.quantity(symbol, quantity), n.usdt(position.entryNotional())))
                .append('\n');
        if (liquidation.isEmpty()) {
            text.append(texts.get("calc.noLiquidation"));
        } else {
            BigDecimal move = Decimals.divide(liquidation.get().subtract(entry), entry);
            BigDecimal rate = schedule.tierFor(quantity.multiply(liquidation.get())).maintenanceMarginRate();
            text.append(texts.get("calc.liquidation", n.price(symbol, liquidation.get()), n.signedPercent(move),
                    n.percent(rate)));
        }
        if (leverage > maxLeverage) {
            text.append('\n').append(texts.get("calc.maxLeverage", String.valueOf(maxLeverage)));
        }
        return BotReply.html(text.toString());
    }
}
