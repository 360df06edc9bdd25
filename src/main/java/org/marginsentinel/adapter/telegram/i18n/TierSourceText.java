package org.marginsentinel.adapter.telegram.i18n;

import static org.marginsentinel.adapter.telegram.format.Html.escape;

import java.util.Map;
import org.marginsentinel.domain.margin.TierSource;
import org.marginsentinel.domain.margin.TierTable;

/** Where a symbol's margin tiers come from, in the reader's language (HTML): {@link TierTable#describeSource}. */
public final class TierSourceText {

    /** The sources with their own words; any other name is shown as the table names it. */
    private static final Map<String, String> KNOWN = Map.of(TierSource.BINANCE, "tiers.source.binance",
            TierSource.BYBIT, "tiers.source.bybit", TierSource.OKX, "tiers.source.okx");

    private TierSourceText() {
    }

    public static String of(TierTable tiers, String symbol, Texts texts) {
        return tiers.listed(symbol).map(listed -> of(listed.source(), texts))
                .orElseGet(() -> texts.get("tiers.source.estimate", escape(symbol)));
    }

    public static String of(TierSource source, Texts texts) {
        String key = KNOWN.get(source.name());
        String day = source.asOf().toString();
        return key != null ? texts.get(key, day) : texts.get("tiers.source.other", escape(source.name()), day);
    }
}
