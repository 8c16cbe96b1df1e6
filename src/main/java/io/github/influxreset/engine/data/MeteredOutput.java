package io.github.influxreset.engine.data;

import io.github.influxreset.domain.Progress;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongSupplier;

/**
 * An output stream that reports the bytes through it, their rate and the time left to a
 * {@link Progress}, at most every quarter second, each line starting with {@code label}.
 */
public final class MeteredOutput extends FilterOutputStream {
    private static final long REPORT_EVERY_NANOS = 250_000_000L;
    private final String label;
    private final Progress progress;
    private final Throughput throughput;
    private final LongSupplier nanoTime;
    private long done;
    private long lastReport;

    public MeteredOutput(OutputStream out, long total, String label, Progress progress, LongSupplier nanoTime) {
        super(out);
        this.label = label;
        this.progress = progress;
        this.nanoTime = nanoTime;
        this.lastReport = nanoTime.getAsLong();
        this.throughput = new Throughput(total, lastReport);
    }

    public MeteredOutput(OutputStream out, long total, String label, Progress progress) {
        this(out, total, label, progress, System::nanoTime);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count(1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        count(length);
    }

    private void count(long bytes) {
        done += bytes;
        long now = nanoTime.getAsLong();
        if (now - lastReport >= REPORT_EVERY_NANOS) {
            lastReport = now;
            progress.update(throughput.fraction(done), label + ": " + throughput.describe(done, now));
        }
    }
}
