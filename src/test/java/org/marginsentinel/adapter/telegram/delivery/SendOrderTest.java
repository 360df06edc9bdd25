package org.marginsentinel.adapter.telegram.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.alert.SendUrgency;

/** The sender's order: the priority first (CRITICAL, replies, DANGER, WARNING …), then the rank within it. */
class SendOrderTest {

    @Test
    void repliesKeepTheirPlace_andWithinALevelTheNearestGoesFirst() {
        Map<String, SendOrder> rows = new LinkedHashMap<>();
        rows.put("warning 1% away", new SendOrder(OutgoingMessage.PRIORITY_WARNING, rank("0.01")));
        rows.put("reply", new SendOrder(OutgoingMessage.PRIORITY_REPLY, SendUrgency.UNRANKED));
        rows.put("danger 4% away", new SendOrder(OutgoingMessage.PRIORITY_DANGER, rank("0.04")));
        rows.put("critical 2% away", new SendOrder(OutgoingMessage.PRIORITY_CRITICAL, rank("0.02")));
        rows.put("danger 3% away", new SendOrder(OutgoingMessage.PRIORITY_DANGER, rank("0.03")));
        rows.put("critical 0.3% away", new SendOrder(OutgoingMessage.PRIORITY_CRITICAL, rank("0.003")));
        rows.put("group notice", new SendOrder(OutgoingMessage.PRIORITY_WARNING, SendUrgency.UNRANKED));
        List<String> queue = new ArrayList<>(rows.keySet());

        queue.sort((a, b) -> rows.get(a).compareTo(rows.get(b)));

        assertThat(queue).containsExactly("critical 0.3% away", "critical 2% away", "reply", "danger 3% away",
                "danger 4% away", "warning 1% away", "group notice");
    }

    private static long rank(String distance) {
        return SendUrgency.rank(new BigDecimal(distance), null);
    }
}
