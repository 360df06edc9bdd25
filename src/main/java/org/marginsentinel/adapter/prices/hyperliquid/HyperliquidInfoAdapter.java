package org.marginsentinel.adapter.prices.hyperliquid;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.marginsentinel.adapter.prices.PriceSourceException;
import org.marginsentinel.adapter.prices.RateLimitedException;
import org.marginsentinel.application.port.HyperliquidInfo;
import org.marginsentinel.application.port.InfoUnavailable;
import org.marginsentinel.domain.watch.HyperliquidAddress;
import org.marginsentinel.domain.watch.HyperliquidMarket;
import org.marginsentinel.domain.watch.WatchedAccountState;

/** {@link HyperliquidInfo} over the REST client, under Hyperliquid's guard; every failure becomes {@link InfoUnavailable}. */
@ApplicationScoped
public class HyperliquidInfoAdapter implements HyperliquidInfo {

    @Inject
    @RestClient
    HyperliquidInfoClient client;

    @Inject
    HyperliquidGuard guard;

    @Inject
    ObjectMapper mapper;

    private ClearinghouseStateParser accounts;
    private MetaAndAssetCtxsParser markets;

    @PostConstruct
    void init() {
        accounts = new ClearinghouseStateParser(mapper);
        markets = new MetaAndAssetCtxsParser(mapper);
    }

    @Override
    public WatchedAccountState account(HyperliquidAddress address) {
        String request = "{\"type\":\"clearinghouseState\",\"user\":\"" + address.value() + "\"}";
        return call(request, accounts::parse);
    }

    @Override
    public HyperliquidMarket market() {
        return call("{\"type\":\"metaAndAssetCtxs\"}", markets::parse);
    }

    private <T> T call(String request, Function<String, T> parser) {
        try {
            return parser.apply(guard.call(() -> client.info(request), String.class));
        } catch (HyperliquidErrors.UnreadableRequestException e) {
            throw new InfoUnavailable("HTTP 422 (Hyperliquid could not read the request)", true, e);
        } catch (RateLimitedException e) {
            throw new InfoUnavailable("HTTP 429 (rate limited)", false, e);
        } catch (PriceSourceException e) {
            throw new InfoUnavailable(e.getMessage(), false, e);
        } catch (TimeoutException e) {
            throw new InfoUnavailable("no answer in time", false, e);
        } catch (CircuitBreakerOpenException e) {
            throw new InfoUnavailable("paused after repeated failures", false, e);
        } catch (RuntimeException e) {
            throw new InfoUnavailable("unreachable (" + e.getClass().getSimpleName() + ")", false, e);
        }
    }
}
