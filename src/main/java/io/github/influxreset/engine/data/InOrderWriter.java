package io.github.influxreset.engine.data;

import io.github.influxreset.domain.ResetException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs writes in the order given on a thread of its own, so that the caller reads and converts the
 * next batch meanwhile; at most {@link #WAITING} wait (memory stays bounded). Order, and so which
 * write wins at the same series and time, stays as a single thread would leave it. The first write
 * that fails is thrown from the next {@link #submit} or {@link #awaitAll}; the caller submits nothing
 * more, and at most the writes already queued behind it run.
 */
public final class InOrderWriter implements AutoCloseable {
    private static final int WAITING = 2;
    private final ExecutorService thread;
    private final ArrayDeque<Future<?>> pending = new ArrayDeque<>();

    /** @param name the writing thread's name, as thread dumps show it */
    public InOrderWriter(String name) {
        thread = Executors.newSingleThreadExecutor(task -> {
            Thread writer = new Thread(task, name);
            writer.setDaemon(true);
            return writer;
        });
    }

    /** Queues a write, first waiting while {@link #WAITING} are queued; throws the failure of an earlier one. */
    public void submit(Runnable write) {
        while (pending.size() >= WAITING) {
            await(pending.removeFirst());
        }
        pending.addLast(thread.submit(write));
    }

    /** Waits until every queued write is done; throws the first failure. */
    public void awaitAll() {
        while (!pending.isEmpty()) {
            await(pending.removeFirst());
        }
    }

    private static void await(Future<?> write) {
        try {
            write.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ResetException.problem("The writing was interrupted.", "Roll the run back or resume it.", e);
        }
    }

    /** Stops the thread; a write still queued is not written. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
