package io.github.influxreset.store;

import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.port.RunLock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link RunLock} as an operating-system file lock on {@code DIR/STACK.lock}, beside the journal.
 * The file names the holder (process, run, since) so that a refused run can say who holds it; the
 * lock itself, not the file, decides. A process that died holds nothing, so its lock is taken
 * over by the next run. Reentrant within this process (counted).
 */
public final class FileRunLock implements RunLock {
    private static final Map<Path, Held> HELD = new HashMap<>();

    private final Path dir;
    private final Clock clock;

    public FileRunLock(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    @Override
    public Lease acquire(String stack, String runId) {
        Path file = dir.resolve(stack.replaceAll("[^A-Za-z0-9._-]", "_") + ".lock").toAbsolutePath();
        synchronized (HELD) {
            Held held = HELD.get(file);
            if (held == null) {
                held = lock(file, stack, runId);
                HELD.put(file, held);
            }
            held.count++;
            return release(file);
        }
    }

    private Lease release(Path file) {
        return new Lease() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (HELD) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    Held held = HELD.get(file);
                    if (held != null && --held.count == 0) {
                        HELD.remove(file);
                        held.close();
                    }
                }
            }
        };
    }

    private Held lock(Path file, String stack, String runId) {
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = readHolder(channel);
                channel.close();
                throw ResetException.badInput("Another run of " + stack + " is going on (" + holder
                        + "), so this one was not started and nothing was changed.",
                        "Wait until it ends (see 'runs list'); only one run at a time may change a stack.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("run " + runId + ", process " + ProcessHandle.current().pid() + ", since "
                    + clock.instant()).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new Held(channel, lock);
        } catch (IOException e) {
            throw ResetException.badInput("The run lock " + file + " cannot be taken: " + e.getMessage() + ".",
                    "Check that the folder is writable, or set INFLUX_RESET_HOME to another folder.");
        }
    }

    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(512);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "a process that has just started" : text;
    }

    private static final class Held {
        private final FileChannel channel;
        private final FileLock lock;
        private int count;

        Held(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // closing the channel releases the lock in any case
            }
        }
    }
}
