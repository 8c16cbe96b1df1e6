package io.github.influxreset.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw archive download against a stand-in engine on a unix socket: a whole archive comes through,
 * one cut short (the engine stopped) or stalled (no byte for the stall time) fails instead of
 * passing for a whole one or hanging.
 */
class RawArchiveTest {
    @TempDir
    Path dir;

    /** Serves one connection: reads the request's first bytes, then lets {@code answer} write. */
    private Path engine(Consumer<SocketChannel> answer) throws IOException {
        Path socket = dir.resolve("docker.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread thread = new Thread(() -> {
            try (server; SocketChannel client = server.accept()) {
                client.read(ByteBuffer.allocate(4096));
                answer.accept(client);
            } catch (IOException ignored) {
                // the test's client side reports
            }
        });
        thread.setDaemon(true);
        thread.start();
        return socket;
    }

    private static void write(SocketChannel channel, byte[] bytes) {
        try {
            channel.write(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] tar(int records, boolean withEnd) {
        byte[] body = new byte[512 * records + (withEnd ? 1024 : 0)];
        java.util.Arrays.fill(body, 0, 512 * records, (byte) 'x');
        return body;
    }

    private static final byte[] OK = "HTTP/1.0 200 OK\r\nContent-Type: application/x-tar\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aWholeArchiveComesThrough() throws Exception {
        byte[] archive = tar(3, true);
        Path socket = engine(c -> {
            write(c, OK);
            write(c, archive);
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new RawArchive(socket).get("c1", "/data", out);

        assertArrayEquals(archive, out.toByteArray());
    }

    @Test
    void anArchiveCutShortFailsInsteadOfPassingForWhole() throws Exception {
        Path socket = engine(c -> {
            write(c, OK);
            write(c, tar(3, false));
        });

        IOException e = assertThrows(IOException.class, () -> new RawArchive(socket).get("c1", "/data", new ByteArrayOutputStream()));

        assertTrue(e.getMessage().contains("ended early"), e.getMessage());
    }

    @Test
    void aStalledEngineFailsAfterTheStallTimeInsteadOfHanging() throws Exception {
        Path socket = engine(c -> {
            write(c, OK);
            write(c, tar(1, false));
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(20).toNanos());
        });

        IOException e = assertThrows(IOException.class, () -> new RawArchive(socket, Duration.ofMillis(300))
                .get("c1", "/data", new ByteArrayOutputStream()));

        assertTrue(e.getMessage().contains("stalled"), e.getMessage());
    }
}
