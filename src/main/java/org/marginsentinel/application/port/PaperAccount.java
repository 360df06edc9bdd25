package org.marginsentinel.application.port;

import java.math.BigDecimal;
import java.time.Instant;

/** A trader's paper account. The wallet includes the margin of isolated positions. */
public record PaperAccount(long userId, String displayName, BigDecimal walletBalance, Instant createdAt) {
}
