package org.marginsentinel.application.port;

import java.util.Map;
import java.util.Optional;

/** The latest announced funding of each perpetual, from the same answers as the marks. */
public interface FundingRates {

    Optional<FundingRate> funding(String symbol);

    /** Every known announcement, keyed by symbol. */
    Map<String, FundingRate> allFunding();
}
