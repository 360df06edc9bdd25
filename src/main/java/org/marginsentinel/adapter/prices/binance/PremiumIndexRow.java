package org.marginsentinel.adapter.prices.binance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One element of {@code GET /fapi/v1/premiumIndex}. Binance sends prices as strings; they stay
 * strings here and become {@code BigDecimal} after validation.
 *
 * @param time Binance's timestamp of the row (epoch millis)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PremiumIndexRow(String symbol, String markPrice, String indexPrice, Long time, String lastFundingRate,
                              Long nextFundingTime) {
}
