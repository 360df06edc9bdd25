package org.marginsentinel.adapter.telegram.views;

import static org.marginsentinel.adapter.telegram.format.Html.escape;

import java.util.ArrayList;
import java.util.List;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.port.Notice;

/** The positions a cross liquidation closed, as one line for a private notice or a group alert. */
public final class ClosedPositionsText {

    private ClosedPositionsText() {
    }

    /** "#2 ETHUSDT LONG 1.5, #3 SOLUSDT SHORT 10" with the reader's side words and number format (HTML). */
    public static String of(List<Notice.CrossLiquidated.ClosedPosition> closed, Texts t) {
        List<String> lines = new ArrayList<>();
        for (Notice.CrossLiquidated.ClosedPosition position : closed) {
            lines.add(t.get("notice.closedPosition", String.valueOf(position.number()), escape(position.symbol()),
                    t.side(position.side()),
                    t.numbers().quantity(position.symbol(), position.quantity())));
        }
        return String.join(", ", lines);
    }
}
