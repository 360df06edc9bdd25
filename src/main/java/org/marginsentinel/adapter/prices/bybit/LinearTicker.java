package org.marginsentinel.adapter.prices.bybit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One linear ticker. All values are strings at Bybit. {@code deliveryTime} is {@code "0"} for
 * perpetuals and a timestamp for dated futures.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LinearTicker(String symbol, String markPrice, String indexPrice, String deliveryTime, String fundingRate,
                           String nextFundingTime) {

    boolean isPerpetual() {
        return deliveryTime == null || deliveryTime.isBlank() || "0".equals(deliveryTime.strip());
    }
}
