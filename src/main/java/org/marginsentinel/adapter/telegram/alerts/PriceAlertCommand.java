package org.marginsentinel.adapter.telegram.alerts;

import static org.marginsentinel.adapter.telegram.format.Html.escape;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marginsentinel.adapter.telegram.command.Arguments;
import org.marginsentinel.adapter.telegram.command.NumberName;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.trigger.PriceAlerts;
import org.marginsentinel.domain.trigger.Direction;
import org.marginsentinel.domain.trigger.PriceAlert;

/** {@code /alert BTC < 90000} sets a price alert, {@code /alert} lists them, {@code /alert del 2} deletes one. */
@ApplicationScoped
public class PriceAlertCommand implements ChatCommand {

    /** "BTC < 90000", "BTC<90000", "btc >= 4000": the symbol, the direction and the price, spaces optional. */
    private static final Pattern ALERT = Pattern.compile("(\\S+?)\\s*(<=|>=|<|>|≤|≥)\\s*(\\S+)");

    @Inject
    PriceAlerts alerts;

    @Override
    public CommandSpec spec() {
        return CommandTable.ALERT;
    }

    @Override
    public BotReply handle(CommandContext context) {
        List<String> args = context.args();
        Texts texts = context.texts();
        if (args.isEmpty()) {
            return list(alerts.of(context.userId()), texts);
        }
        String first = args.get(0).toLowerCase(Locale.ROOT);
        if (first.equals("del") || first.equals("delete") || first.equals("rm")) {
            if (args.size() != 2 || !args.get(1).matches("\\d{1,3}")) {
                throw new CommandRejected(context.texts().get("refusals.alert.deleteHow.refused"));
            }
            PriceAlert deleted = alerts.delete(context.userId(), Integer.parseInt(args.get(1)));
            return BotReply.html(texts.get("priceAlert.deleted", describe(deleted, texts)));
        }
        Matcher matcher = ALERT.matcher(context.argumentText());
        if (!matcher.matches()) {
            throw new CommandRejected(context.texts().get("refusals.alert.how.refused"));
        }
        String symbol = Arguments.symbol(matcher.group(1));
        Direction direction = Direction.parse(matcher.group(2)).orElseThrow();
        PriceAlerts.Added added = alerts.add(context.userId(), symbol, direction,
                Arguments.positiveNumber(matcher.group(3), NumberName.PRICE));
        String mark = added.mark() == null ? texts.get("priceAlert.noMark")
                : texts.get("priceAlert.markNow", texts.numbers().price(symbol, added.mark()));
        return BotReply.html(texts.get("priceAlert.set", describe(added.alert(), texts), mark,
                String.valueOf(added.count()), String.valueOf(PriceAlerts.MAX_PER_USER)));
    }

    private static BotReply list(List<PriceAlert> list, Texts texts) {
        if (list.isEmpty()) {
            return BotReply.html(texts.get("priceAlert.none"));
        }
        List<String> lines = new ArrayList<>();
        lines.add(texts.get("priceAlert.title"));
        for (int i = 0; i < list.size(); i++) {
            lines.add((i + 1) + ". " + describe(list.get(i), texts));
        }
        lines.add(texts.get("priceAlert.howToDelete"));
        return BotReply.html(String.join("\n", lines));
    }

    private static String describe(PriceAlert alert, Texts texts) {
        return escape(alert.symbol() + " " + alert.direction().symbol() + " ")
                + texts.numbers().price(alert.symbol(), alert.level());
    }
}
