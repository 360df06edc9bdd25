package org.marginsentinel.adapter.prices.hyperliquid;

import static org.marginsentinel.adapter.prices.hyperliquid.HyperliquidJson.SOURCE;
import static org.marginsentinel.adapter.prices.hyperliquid.HyperliquidJson.integer;
import static org.marginsentinel.adapter.prices.hyperliquid.HyperliquidJson.optionalDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marginsentinel.adapter.prices.BadPayloadException;
import org.marginsentinel.adapter.prices.JsonBodies;
import org.marginsentinel.domain.margin.PublishedTier;
import org.marginsentinel.domain.watch.HyperliquidMarket;

/**
 * Reads {@code POST /info {"type":"metaAndAssetCtxs"}}: the tuple {@code [meta, ctxs]}, {@code universe[i]}
 * paired with {@code ctxs[i]} by index. Delisted assets and assets without a mark are skipped (their index still
 * counts). Margin tables: {@code [id, {marginTiers:[{lowerBound, maxLeverage}]}]}; an id under 50 without a table
 * is a single tier at that leverage (Hyperliquid's convention).
 */
public final class MetaAndAssetCtxsParser {

    private final ObjectMapper mapper;

    public MetaAndAssetCtxsParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public HyperliquidMarket parse(String body) {
        JsonNode root = JsonBodies.read(mapper, SOURCE, body);
        if (!root.isArray() || root.size() < 2 || !root.get(0).isObject() || !root.get(1).isArray()) {
            throw new BadPayloadException(SOURCE, "metaAndAssetCtxs is not [meta, ctxs]");
        }
        JsonNode universe = root.get(0).path("universe");
        JsonNode contexts = root.get(1);
        if (!universe.isArray() || universe.size() != contexts.size()) {
            throw new BadPayloadException(SOURCE, "universe and asset contexts differ in length");
        }
        Map<Integer, List<PublishedTier>> tables = marginTables(root.get(0).path("marginTables"));
        Map<String, HyperliquidMarket.Asset> assets = new HashMap<>();
        for (int i = 0; i < universe.size(); i++) {
            JsonNode meta = universe.get(i);
            JsonNode context = contexts.get(i);
            BigDecimal mark = optionalDecimal(context, "markPx");
            String coin = meta.path("name").asText("");
            if (meta.path("isDelisted").asBoolean(false) || mark == null || mark.signum() <= 0 || coin.isBlank()) {
                continue;
            }
            int maxLeverage = integer(meta, "maxLeverage", 1);
            int tableId = integer(meta, "marginTableId", maxLeverage);
            List<PublishedTier> tiers = tables.getOrDefault(tableId,
                    List.of(new PublishedTier(BigDecimal.ZERO, null, tableId < 50 ? tableId : maxLeverage, null, null)));
            BigDecimal funding = optionalDecimal(context, "funding");
            assets.put(coin, new HyperliquidMarket.Asset(coin, mark, funding == null ? BigDecimal.ZERO : funding,
                    maxLeverage, tiers));
        }
        return new HyperliquidMarket(assets);
    }

    private static Map<Integer, List<PublishedTier>> marginTables(JsonNode node) {
        Map<Integer, List<PublishedTier>> tables = new HashMap<>();
        for (JsonNode entry : node) {
            if (!entry.isArray() || entry.size() < 2) {
                throw new BadPayloadException(SOURCE, "margin table entry is not [id, table]");
            }
            JsonNode tiers = entry.get(1).path("marginTiers");
            List<BigDecimal> floors = new ArrayList<>();
            List<Integer> leverages = new ArrayList<>();
            for (JsonNode tier : tiers) {
                BigDecimal floor = optionalDecimal(tier, "lowerBound");
                floors.add(floor == null ? BigDecimal.ZERO : floor);
                leverages.add(integer(tier, "maxLeverage", 1));
            }
            List<PublishedTier> published = new ArrayList<>();
            for (int i = 0; i < floors.size(); i++) {
                BigDecimal cap = i + 1 < floors.size() ? floors.get(i + 1) : null;
                published.add(new PublishedTier(floors.get(i), cap, leverages.get(i), null, null));
            }
            if (!published.isEmpty()) {
                tables.put(entry.get(0).asInt(), published);
            }
        }
        return tables;
    }
}
