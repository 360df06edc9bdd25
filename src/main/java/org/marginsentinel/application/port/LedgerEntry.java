package org.marginsentinel.application.port;

import java.math.BigDecimal;
import java.time.Instant;

/** One change of a paper wallet, as recorded: positive amounts add to the wallet. */
public record LedgerEntry(long userId, LedgerKind kind, BigDecimal amount, Instant at) {
}
