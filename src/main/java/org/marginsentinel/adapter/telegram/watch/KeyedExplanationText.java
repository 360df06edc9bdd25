package org.marginsentinel.adapter.telegram.watch;

import static org.marginsentinel.adapter.telegram.format.Html.escape;

import java.util.ArrayList;
import java.util.List;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.i18n.TierSourceText;
import org.marginsentinel.domain.watch.keyed.ExchangePosition;
import org.marginsentinel.domain.watch.keyed.KeyedExplanation;
import org.marginsentinel.domain.watch.keyed.KeyedValuation;

/**
 * Why a keyed position's liquidation price differs from the exchange's (or is not recomputed), in the reader's
 * language (HTML): one sentence per reason, from the {@code watch.explain.*} texts, which all take the same
 * arguments (exchange, symbol, tier source, maintenance rate, liquidation fee).
 */
public final class KeyedExplanationText {

    private KeyedExplanationText() {
    }

    /** The reasons as sentences joined by a space; empty when there is no explanation. */
    public static String of(KeyedExplanation explanation, Texts texts) {
        if (explanation == null) {
            return "";
        }
        Numbers n = texts.numbers();
        String exchange = escape(explanation.exchange().displayName());
        List<String> sentences = new ArrayList<>();
        for (KeyedExplanation.Reason reason : explanation.reasons()) {
            sentences.add(texts.get("watch.explain." + reason.kind().name(), exchange,
                    reason.symbol() == null ? "" : escape(reason.symbol()),
                    reason.source() == null ? "" : TierSourceText.of(reason.source(), texts),
                    reason.rate() == null ? "" : n.ratePercent(reason.rate()),
                    reason.fee() == null ? "" : n.ratePercent(reason.fee())));
        }
        return String.join(" ", sentences);
    }

    /** Why {@code skipped}, shown with the exchange's figures only, was not recomputed, after " · "; empty if unsaid. */
    public static String whyNotValued(KeyedValuation valuation, ExchangePosition skipped, Texts texts) {
        return valuation.positions().stream()
                .filter(valued -> valued.reported() == skipped && valued.risk() == null && valued.explanation() != null)
                .findFirst().map(valued -> " · " + of(valued.explanation(), texts)).orElse("");
    }
}
