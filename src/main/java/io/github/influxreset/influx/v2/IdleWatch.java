package io.github.influxreset.influx.v2;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A streamed answer that is given up when no byte arrives for the allowed time (a server that hangs
 * mid-answer): the stream is closed, so the blocked read ends with an {@link IOException} that says
 * how long nothing came, instead of the export waiting forever.
 */
final class IdleWatch extends FilterInputStream {
    private static final ScheduledExecutorService WATCHER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "answer-idle-watch");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration allowed;
    private final ScheduledFuture<?> check;
    private volatile long lastByte = System.nanoTime();
    private volatile boolean gaveUp;

    IdleWatch(InputStream in, Duration allowed) {
        super(in);
        this.allowed = allowed;
        long period = Math.max(1, allowed.toMillis() / 4);
        this.check = WATCHER.scheduleAtFixedRate(this::giveUpIfIdle, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read;
        try {
            read = super.read(buffer, offset, length);
        } catch (IOException closedUnderneath) {
            throw gaveUp ? idle() : closedUnderneath;
        }
        if (gaveUp) {
            throw idle();
        }
        lastByte = System.nanoTime();
        return read;
    }

    @Override
    public void close() throws IOException {
        check.cancel(false);
        super.close();
    }

    private void giveUpIfIdle() {
        if (System.nanoTime() - lastByte > allowed.toNanos()) {
            gaveUp = true;
            check.cancel(false);
            try {
                in.close();
            } catch (IOException ignored) {
                // the blocked read ends either way
            }
        }
    }

    private IOException idle() {
        return new IOException("InfluxDB sent nothing for " + allowed.toSeconds() + " s in the middle of its answer");
    }
}
