package org.marginsentinel.adapter.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.marginsentinel.domain.margin.AccountRisk;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.TierLookup;
import org.marginsentinel.domain.margin.TierTable;
import org.marginsentinel.domain.paper.Funding;
import org.marginsentinel.domain.paper.TradingFees;
import org.marginsentinel.domain.watch.HyperliquidMarket;

/** Stateless risk evaluation over HTTP, with the same engine the bot uses. */
@Path("/api/v1/risk")
public class RiskResource {

    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(20).maxNumberLength(100).maxStringLength(MAX_BODY_BYTES).build());
        JSON.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Inject
    MarginCalculator calculator;

    @Inject
    TierTable tierTable;

    @Inject
    HyperliquidTiers hyperliquidTiers;

    @POST
    @Path("/evaluate")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Value positions and find their liquidation prices",
            description = "Isolated and cross positions at the given mark prices, with tiered maintenance margin "
                    + "(the exchange's tiers, Binance USDⓈ-M brackets, unless overridden per position; each position's "
                    + "tierSource names them, and says 'estimate' for a symbol without exchange tiers). Numbers may be JSON "
                    + "numbers or strings. Ratios are fractions. At most 500 positions and 1 MiB per request. "
                    + "\"venue\": \"hyperliquid\" values them by Hyperliquid's rules and margin tables instead, as the bot "
                    + "does for watched Hyperliquid accounts; each position's venue says which.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RiskRequestSchema.class),
            examples = @ExampleObject(name = "one isolated long", value = RiskRequestSchema.EXAMPLE)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RiskResponse.class)))
    @APIResponse(responseCode = "400", description = "what is wrong, field by field",
            content = @Content(schema = @Schema(implementation = ApiProblem.class)))
    public Response evaluate(byte[] body) {
        try {
            if (body == null || body.length == 0) {
                throw new InvalidRequest("$", "the body is empty; send a JSON object");
            }
            if (body.length > MAX_BODY_BYTES) {
                throw new InvalidRequest("$", "the body is larger than 1 MiB");
            }
            JsonNode json = readJson(body);
            Venue venue = Venue.of(json);
            HyperliquidMarket market = venue == Venue.HYPERLIQUID ? hyperliquidTiers.market() : null;
            TierLookup shipped = market == null ? tierTable
                    : position -> HyperliquidTiers.schedule(market, position.symbol()).orElseThrow();
            RiskRequestParser.Parsed parsed = RiskRequestParser.parse(json, shipped);
            if (market != null) {
                requireListed(parsed, market);
            }
            MarginCalculator engine = new MarginCalculator(parsed.tiers(), venue.rules);
            AccountRisk account = engine.account(parsed.walletBalance(), parsed.positions());
            return Response.ok(RiskResponse.from(account, position -> parsed.positionsWithTiersGiven()
                    .contains(position.id()) ? "tiers given in the request" : market != null
                    ? "Hyperliquid margin table of " + HyperliquidTiers.coin(market, position.symbol()).orElseThrow()
                    : tierTable.describeSource(position.symbol()),
                    position -> extras(engine, account, parsed, position), venue.label)).build();
        } catch (InvalidRequest invalid) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new ApiProblem("invalid request", invalid.problems())).build();
        }
    }

    /** With Hyperliquid's rules every position needs the coin's margin table, or its own tiers in the request. */
    private static void requireListed(RiskRequestParser.Parsed parsed, HyperliquidMarket market) {
        List<ApiProblem.FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < parsed.positions().size(); i++) {
            Position position = parsed.positions().get(i).position();
            if (!parsed.positionsWithTiersGiven().contains(position.id())
                    && HyperliquidTiers.schedule(market, position.symbol()).isEmpty()) {
                problems.add(new ApiProblem.FieldProblem("positions[" + i + "].symbol", "is not listed on "
                        + "Hyperliquid's main dex, or its margin table could not be read; give tiers or "
                        + "maintenanceMarginRate"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
    }

    /** The optional fee to close and next funding of one position, as the request asked for them. */
    private static RiskResponse.Extras extras(MarginCalculator engine, AccountRisk account,
                                              RiskRequestParser.Parsed parsed, Position position) {
        int index = account.positions().stream().map(PositionRisk::position).toList().indexOf(position);
        PositionRisk risk = account.positions().get(index);
        BigDecimal closeFee = parsed.takerFeeRate() == null ? null
                : new TradingFees(parsed.takerFeeRate()).taker(position.quantity(), risk.markPrice());
        BigDecimal rate = parsed.fundingRates().get(position.id());
        if (rate == null) {
            return new RiskResponse.Extras(closeFee, null, null);
        }
        BigDecimal received = Funding.received(position, risk.markPrice(), rate);
        BigDecimal after = Funding.afterPayment(engine, account, index, received).positions().get(index)
                .liquidationPrice();
        return new RiskResponse.Extras(closeFee, received, after);
    }

    private static JsonNode readJson(byte[] body) {
        try {
            return JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new InvalidRequest(List.of(new ApiProblem.FieldProblem("$", "the body is not valid JSON" + where)));
        }
    }
}
