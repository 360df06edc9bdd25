package org.marginsentinel.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.marginsentinel.application.port.StoredPosition;

/**
 * Closes every open position of a trader at the marks in one transaction: all of them or, when any cannot be closed
 * (no fresh mark), none. Only the positions the trader was shown are closed: if the list changed since (a new
 * position, one already closed), nothing is closed and the trader is asked to look again.
 */
@ApplicationScoped
public class CloseAll {

    private final PaperTrading trading;
    private final LockedPositions positions;

    @Inject
    public CloseAll(PaperTrading trading, LockedPositions positions) {
        this.trading = trading;
        this.positions = positions;
    }

    /** @param shownNumbers the numbers of the positions listed in the question, in any order */
    @Transactional
    public List<TradeResult> closeAll(long userId, List<Integer> shownNumbers) {
        positions.open(userId); // the lock first: every read below sees what concurrent commands committed
        AccountSnapshot before = trading.snapshot(userId);
        List<Integer> open = before.positions().stream().map(StoredPosition::number).sorted().toList();
        if (open.isEmpty()) {
            throw CommandRejected.text("refusals.closeAll.none.refused");
        }
        if (!open.equals(shownNumbers.stream().sorted().toList())) {
            throw CommandRejected.text("refusals.closeAll.changed.refused");
        }
        if (!before.symbolsWithoutMark().isEmpty()) {
            throw CommandRejected.text("refusals.closeAll.noMark.refused",
                    String.join(", ", before.symbolsWithoutMark().stream().sorted().toList()));
        }
        List<TradeResult> results = new ArrayList<>();
        for (StoredPosition position : before.positions()) {
            results.add(trading.close(userId, "#" + position.number(), Portion.ALL));
        }
        if (!trading.snapshot(userId).positions().isEmpty()) { // one opened meanwhile: roll everything back
            throw CommandRejected.text("refusals.closeAll.changedWhileClosing.refused");
        }
        return results;
    }
}
