package org.marginsentinel.application.risk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.marginsentinel.application.port.OpenBook;

/**
 * Feeds the books read at start-up to the index while their exact liquidation prices (BigDecimal solving, the
 * costly part) are computed on every core: the reading thread collects books into chunks, worker threads solve
 * a chunk's prices, and the reading thread indexes finished chunks in reading order (the index itself is
 * single-threaded). At most a few chunks wait at once, so memory stays bounded at a million positions.
 */
final class ParallelBookLoader implements Consumer<OpenBook>, AutoCloseable {

    /** A book with the liquidation prices of its positions, ready to be indexed. */
    record Solved(OpenBook book, double[] liquidationPrices) {
    }

    static final int CHUNK_POSITIONS = 2_048;

    private final Function<OpenBook, double[]> solver;
    private final Consumer<Solved> indexer;
    private final int maxPending;
    private final ExecutorService workers;
    private final ArrayDeque<Future<List<Solved>>> pending = new ArrayDeque<>();
    private List<OpenBook> chunk = new ArrayList<>();
    private int chunkPositions;

    ParallelBookLoader(Function<OpenBook, double[]> solver, Consumer<Solved> indexer) {
        this.solver = solver;
        this.indexer = indexer;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.maxPending = 2 * threads;
        this.workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "risk-index-load");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void accept(OpenBook book) {
        chunk.add(book);
        chunkPositions += book.positions().size();
        if (chunkPositions >= CHUNK_POSITIONS) {
            submitChunk();
            while (pending.size() >= maxPending || (!pending.isEmpty() && pending.peek().isDone())) {
                indexOldest();
            }
        }
    }

    /** Indexes everything still pending; call once the last book was read. */
    void finish() {
        submitChunk();
        while (!pending.isEmpty()) {
            indexOldest();
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private void submitChunk() {
        if (chunk.isEmpty()) {
            return;
        }
        List<OpenBook> books = chunk;
        chunk = new ArrayList<>();
        chunkPositions = 0;
        pending.add(workers.submit(() -> books.stream().map(b -> new Solved(b, solver.apply(b))).toList()));
    }

    private void indexOldest() {
        try {
            pending.remove().get().forEach(indexer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading the risk index", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Solving liquidation prices failed", e.getCause());
        }
    }
}
