package org.marginsentinel.application.port;

import java.util.List;

/** A paper account with its open positions (by number), as the risk index loads them at start-up. */
public record OpenBook(PaperAccount account, List<StoredPosition> positions) {
}
