package org.marginsentinel.application.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Freed slots of the risk index come back, but only once the next scan has started. */
class SlotRecyclerTest {

    private final SlotRecycler recycler = new SlotRecycler();

    @Test
    void nothingFree_atFirst() {
        assertThat(recycler.reuse()).isEqualTo(SlotRecycler.NONE);
    }

    @Test
    void releasedSlot_isNotReusedBeforeTheNextScan() {
        recycler.release(3);

        assertThat(recycler.reuse()).as("a scan may still have slot 3 flagged").isEqualTo(SlotRecycler.NONE);
        recycler.recycleReleased();
        assertThat(recycler.reuse()).isEqualTo(3);
        assertThat(recycler.reuse()).isEqualTo(SlotRecycler.NONE);
    }

    @Test
    void manyReleases_eachSlotComesBackOnce() {
        for (int slot = 0; slot < 1_000; slot++) {
            recycler.release(slot);
        }
        recycler.recycleReleased();
        recycler.release(5_000); // released during the next scan: waits for the one after
        Set<Integer> reused = new HashSet<>();
        for (int slot = recycler.reuse(); slot != SlotRecycler.NONE; slot = recycler.reuse()) {
            assertThat(reused.add(slot)).as("slot %d handed out twice", slot).isTrue();
        }
        assertThat(reused).hasSize(1_000).doesNotContain(5_000);
    }
}
