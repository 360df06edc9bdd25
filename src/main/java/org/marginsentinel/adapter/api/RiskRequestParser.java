package org.marginsentinel.adapter.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.marginsentinel.adapter.api.ApiProblem.FieldProblem;
import org.marginsentinel.domain.margin.MaintenanceTier;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierLookup;
import org.marginsentinel.domain.margin.TierSchedule;

/**
 * Turns the JSON of {@code POST /api/v1/risk/evaluate} into engine inputs, collecting every problem with the
 * path of the field it concerns. Numbers may be JSON numbers or strings; they are read as exact decimals.
 */
final class RiskRequestParser {

    static final int MAX_POSITIONS = 500;
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");
    private static final Set<String> TOP_FIELDS = Set.of("walletBalance", "positions", "takerFeeRate", "venue");
    private static final Set<String> POSITION_FIELDS = Set.of("id", "symbol", "side", "quantity", "entryPrice",
            "markPrice", "marginMode", "leverage", "isolatedMargin", "maintenanceMarginRate", "maintenanceAmount",
            "tiers", "fundingRate");
    private static final Set<String> TIER_FIELDS = Set.of("notionalFloor", "notionalCap", "maintenanceMarginRate",
            "maintenanceAmount", "maxLeverage");
    private static final int DEFAULT_LEVERAGE = 10;

    /**
     * What the engine needs: the wallet, the priced positions and the tiers each one uses; optionally the taker fee
     * rate (null: not asked) and each position's next funding rate by position id.
     */
    record Parsed(BigDecimal walletBalance, List<PricedPosition> positions, TierLookup tiers,
                  Set<String> positionsWithTiersGiven, BigDecimal takerFeeRate, Map<String, BigDecimal> fundingRates) {
    }

    private final TierLookup shippedTiers;
    private final List<FieldProblem> problems = new ArrayList<>();

    private RiskRequestParser(TierLookup shippedTiers) {
        this.shippedTiers = shippedTiers;
    }

    static Parsed parse(JsonNode body, TierLookup shippedTiers) {
        return new RiskRequestParser(shippedTiers).parse(body);
    }

    private Parsed parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequest("$", "the body must be a JSON object");
        }
        unknownFields(body, TOP_FIELDS, "");
        BigDecimal wallet = decimal(body, "walletBalance", "walletBalance", true, Bound.NON_NEGATIVE);
        BigDecimal takerFeeRate = decimal(body, "takerFeeRate", "takerFeeRate", false, Bound.FEE_RATE);
        JsonNode positionsNode = body.get("positions");
        List<PricedPosition> positions = new ArrayList<>();
        Map<String, TierSchedule> overrides = new HashMap<>();
        Map<String, BigDecimal> fundingRates = new HashMap<>();
        if (positionsNode == null || positionsNode.isNull()) {
            problem("positions", "is required (an array, possibly empty)");
        } else if (!positionsNode.isArray()) {
            problem("positions", "must be an array");
        } else if (positionsNode.size() > MAX_POSITIONS) {
            problem("positions", "at most " + MAX_POSITIONS + " positions per request (got " + positionsNode.size() + ")");
        } else {
            for (int i = 0; i < positionsNode.size(); i++) {
                position(positionsNode.get(i), i, positions, overrides, fundingRates);
            }
        }
        if (problems.isEmpty()) {
            BigDecimal isolated = positions.stream().map(PricedPosition::position).filter(Position::isIsolated)
                    .map(Position::isolatedMargin).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (isolated.compareTo(wallet) > 0) {
                problem("walletBalance", "must cover the isolated margins of the positions ("
                        + isolated.stripTrailingZeros().toPlainString() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        TierLookup tiers = position -> {
            TierSchedule override = overrides.get(position.id());
            return override != null ? override : shippedTiers.scheduleFor(position);
        };
        return new Parsed(wallet, positions, tiers, Set.copyOf(overrides.keySet()), takerFeeRate,
                Map.copyOf(fundingRates));
    }

    private void position(JsonNode node, int index, List<PricedPosition> positions,
                          Map<String, TierSchedule> overrides, Map<String, BigDecimal> fundingRates) {
        String path = "positions[" + index + "]";
        if (node == null || !node.isObject()) {
            problem(path, "must be an object");
            return;
        }
        int before = problems.size();
        unknownFields(node, POSITION_FIELDS, path + ".");
        String id = text(node, "id", path + ".id", false);
        String symbol = symbol(node, path + ".symbol");
        Side side = enumValue(node, "side", path + ".side", Side::parse, "LONG or SHORT");
        MarginMode mode = enumValue(node, "marginMode", path + ".marginMode", MarginMode::parse, "ISOLATED or CROSS");
        BigDecimal quantity = decimal(node, "quantity", path + ".quantity", true, Bound.POSITIVE);
        BigDecimal entry = decimal(node, "entryPrice", path + ".entryPrice", true, Bound.POSITIVE);
        BigDecimal mark = decimal(node, "markPrice", path + ".markPrice", true, Bound.POSITIVE);
        Integer leverage = leverage(node, path + ".leverage");
        BigDecimal isolatedMargin = decimal(node, "isolatedMargin", path + ".isolatedMargin", false, Bound.POSITIVE);
        if (isolatedMargin != null && mode == MarginMode.CROSS) {
            problem(path + ".isolatedMargin", "only applies to ISOLATED positions");
        }
        TierSchedule override = tierOverride(node, path);
        BigDecimal fundingRate = decimal(node, "fundingRate", path + ".fundingRate", false, Bound.FUNDING_RATE);
        if (problems.size() > before) {
            return;
        }
        String positionId = id != null ? id : "p" + (index + 1);
        if (overrides.containsKey(positionId) || positions.stream().anyMatch(p -> p.position().id().equals(positionId))) {
            problem(path + ".id", "must be unique within the request");
            return;
        }
        Position position = new Position(positionId, symbol, side, quantity, entry,
                leverage == null ? DEFAULT_LEVERAGE : leverage, mode, isolatedMargin);
        positions.add(new PricedPosition(position, mark));
        if (override != null) {
            overrides.put(positionId, override);
        }
        if (fundingRate != null) {
            fundingRates.put(positionId, fundingRate);
        }
    }

    private TierSchedule tierOverride(JsonNode node, String path) {
        BigDecimal rate = decimal(node, "maintenanceMarginRate", path + ".maintenanceMarginRate", false, Bound.RATE);
        BigDecimal amount = decimal(node, "maintenanceAmount", path + ".maintenanceAmount", false, Bound.NON_NEGATIVE);
        if (amount != null && rate == null && !node.has("tiers")) {
            problem(path + ".maintenanceAmount", "needs maintenanceMarginRate beside it");
        }
        if (rate != null) {
            return TierSchedule.flat(rate, amount == null ? BigDecimal.ZERO : amount);
        }
        JsonNode tiersNode = node.get("tiers");
        if (tiersNode == null || tiersNode.isNull()) {
            return null;
        }
        if (!tiersNode.isArray() || tiersNode.isEmpty()) {
            problem(path + ".tiers", "must be a non-empty array");
            return null;
        }
        List<MaintenanceTier> tiers = new ArrayList<>();
        int before = problems.size();
        for (int t = 0; t < tiersNode.size(); t++) {
            String tierPath = path + ".tiers[" + t + "]";
            JsonNode tier = tiersNode.get(t);
            if (!tier.isObject()) {
                problem(tierPath, "must be an object");
                continue;
            }
            unknownFields(tier, TIER_FIELDS, tierPath + ".");
            BigDecimal floor = decimal(tier, "notionalFloor", tierPath + ".notionalFloor", true, Bound.NON_NEGATIVE);
            BigDecimal cap = decimal(tier, "notionalCap", tierPath + ".notionalCap", false, Bound.POSITIVE);
            BigDecimal tierRate = decimal(tier, "maintenanceMarginRate", tierPath + ".maintenanceMarginRate", true, Bound.RATE);
            BigDecimal tierAmount = decimal(tier, "maintenanceAmount", tierPath + ".maintenanceAmount", false, Bound.NON_NEGATIVE);
            Integer maxLeverage = integer(tier, "maxLeverage", tierPath + ".maxLeverage", 1, Position.MAX_LEVERAGE);
            if (problems.size() > before) {
                continue;
            }
            try {
                tiers.add(new MaintenanceTier(floor, cap, tierRate, tierAmount == null ? BigDecimal.ZERO : tierAmount,
                        maxLeverage == null ? Position.MAX_LEVERAGE : maxLeverage));
            } catch (IllegalArgumentException e) {
                problem(tierPath, e.getMessage());
            }
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return TierSchedule.of(tiers);
        } catch (IllegalArgumentException e) {
            problem(path + ".tiers", e.getMessage());
            return null;
        }
    }

    private enum Bound { POSITIVE, NON_NEGATIVE, RATE, FEE_RATE, FUNDING_RATE }

    private BigDecimal decimal(JsonNode node, String name, String path, boolean required, Bound bound) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problem(path, "is required");
            }
            return null;
        }
        BigDecimal number;
        try {
            if (value.isNumber()) {
                number = value.decimalValue();
            } else if (value.isTextual() && value.textValue().strip().length() <= 64) {
                number = new BigDecimal(value.textValue().strip());
            } else {
                problem(path, "must be a number (a JSON number or a numeric string)");
                return null;
            }
        } catch (NumberFormatException e) {
            problem(path, "must be a number (a JSON number or a numeric string)");
            return null;
        }
        if (number.abs().compareTo(new BigDecimal("1e15")) > 0 || number.scale() > 18) {
            problem(path, "is out of range");
            return null;
        }
        switch (bound) {
            case POSITIVE:
                if (number.signum() <= 0) {
                    problem(path, "must be greater than 0");
                    return null;
                }
                break;
            case NON_NEGATIVE:
                if (number.signum() < 0) {
                    problem(path, "must not be negative");
                    return null;
                }
                break;
            case RATE:
                if (number.signum() < 0 || number.compareTo(BigDecimal.ONE) >= 0) {
                    problem(path, "must be a fraction from 0 up to (not including) 1, e.g. 0.004 for 0.4%");
                    return null;
                }
                break;
            case FEE_RATE:
                if (number.signum() < 0 || number.compareTo(new BigDecimal("0.01")) > 0) {
                    problem(path, "must be a fraction from 0 to 0.01, e.g. 0.0005 for Binance's 0.05% taker fee");
                    return null;
                }
                break;
            case FUNDING_RATE:
                if (number.abs().compareTo(new BigDecimal("0.1")) > 0) {
                    problem(path, "must be a fraction from -0.1 to 0.1, e.g. 0.0001 for 0.01% per funding");
                    return null;
                }
                break;
        }
        return number;
    }

    private Integer leverage(JsonNode node, String path) {
        return integer(node, "leverage", path, 1, Position.MAX_LEVERAGE);
    }

    private Integer integer(JsonNode node, String name, String path, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        BigDecimal number = decimal(node, name, path, false, Bound.POSITIVE);
        if (number == null) {
            return null;
        }
        try {
            int whole = number.intValueExact();
            if (whole < min || whole > max) {
                problem(path, "must be a whole number from " + min + " to " + max);
                return null;
            }
            return whole;
        } catch (ArithmeticException e) {
            problem(path, "must be a whole number from " + min + " to " + max);
            return null;
        }
    }

    private String text(JsonNode node, String name, String path, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problem(path, "is required");
            }
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank() || value.textValue().length() > 64) {
            problem(path, "must be a non-empty string of at most 64 characters");
            return null;
        }
        return value.textValue();
    }

    private String symbol(JsonNode node, String path) {
        String raw = text(node, "symbol", path, true);
        if (raw == null) {
            return null;
        }
        String symbol = raw.strip().toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(symbol).matches()) {
            problem(path, "must look like BTCUSDT (letters and digits)");
            return null;
        }
        return symbol.endsWith("USDT") ? symbol : symbol + "USDT";
    }

    private <T> T enumValue(JsonNode node, String name, String path,
                            java.util.function.Function<String, java.util.Optional<T>> parser, String allowed) {
        String raw = text(node, name, path, true);
        if (raw == null) {
            return null;
        }
        java.util.Optional<T> value = parser.apply(raw);
        if (value.isEmpty()) {
            problem(path, "must be " + allowed);
            return null;
        }
        return value.get();
    }

    private void unknownFields(JsonNode node, Set<String> known, String prefix) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(prefix + name, "is not a known field");
            }
        }
    }

    private void problem(String field, String message) {
        if (problems.size() < 50) {
            String shortField = field.length() > 100 ? field.substring(0, 100) + "…" : field;
            problems.add(new FieldProblem(shortField, message));
        }
    }
}
