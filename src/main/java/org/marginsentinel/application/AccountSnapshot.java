package org.marginsentinel.application;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.marginsentinel.application.port.PaperAccount;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.AccountRisk;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.PositionRisk;

/**
 * An account valued at the latest marks. Positions whose symbol has no fresh mark are valued at their entry
 * price and listed in {@code symbolsWithoutMark}, so messages can say so.
 */
public record AccountSnapshot(PaperAccount account, List<StoredPosition> positions, AccountRisk risk,
                              Set<String> symbolsWithoutMark) {

    public AccountSnapshot {
        positions = List.copyOf(positions);
        symbolsWithoutMark = Set.copyOf(symbolsWithoutMark);
    }

    /** The risk of a stored position; positions and risks share their order. */
    public PositionRisk riskOf(StoredPosition position) {
        return risk.positions().get(positions.indexOf(position));
    }

    /** Cross symbols held without a fresh mark (so valued at entry), sorted; {@code except} (may be null) left out. */
    public List<String> crossSymbolsWithoutMark(StoredPosition except) {
        return positions.stream().filter(p -> p != except && !p.position().isIsolated())
                .map(p -> p.position().symbol()).filter(symbolsWithoutMark::contains).distinct().sorted().toList();
    }

    /** The cross positions at the marks they are valued at (the entry where no fresh mark): the pool's legs. */
    public List<PricedPosition> crossPricedPositions() {
        return positions.stream().filter(p -> !p.position().isIsolated())
                .map(p -> new PricedPosition(p.position(), riskOf(p).markPrice())).toList();
    }

    public Optional<StoredPosition> byNumber(int number) {
        return positions.stream().filter(p -> p.number() == number).findFirst();
    }

    public Optional<StoredPosition> bySymbol(String symbol) {
        return positions.stream().filter(p -> p.position().symbol().equals(symbol)).findFirst();
    }
}
