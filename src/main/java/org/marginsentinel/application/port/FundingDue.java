package org.marginsentinel.application.port;

import java.math.BigDecimal;
import java.time.Instant;

/** A funding time of a symbol that has passed, with the rate last announced for it, not yet settled. */
public record FundingDue(String symbol, Instant fundingTime, BigDecimal rate) {
}
