package io.github.influxreset.docker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The engine's archive endpoints ({@code GET} and {@code PUT /containers/ID/archive}) spoken
 * directly over the unix socket with the JDK's own channels and 1 MiB buffers. docker-java's
 * transport moves these streams at about 32 MiB/s here, the engine itself at about 200 MiB/s, so the
 * one path that moves whole volumes bypasses it.
 */
final class RawArchive {
    private static final int BUFFER = 1 << 20;
    /** No byte moved for this long: the engine stalled, and the transfer fails instead of hanging. */
    static final Duration STALL = Duration.ofMinutes(2);
    private final Path socket;
    private final Duration stall;

    RawArchive(Path socket) {
        this(socket, STALL);
    }

    RawArchive(Path socket, Duration stall) {
        this.socket = socket;
        this.stall = stall;
    }

    /** The socket of a {@code unix://} docker host, or null for other hosts. */
    static RawArchive forHost(String dockerHost) {
        return dockerHost != null && dockerHost.startsWith("unix://") ? new RawArchive(Path.of(dockerHost.substring(7))) : null;
    }

    /**
     * Streams {@code path} of a container out as tar into {@code tar}. The answer ends when the
     * engine closes the connection, so a download cut short (the engine stopped) would look whole:
     * it must end with the tar format's two zero blocks, or it fails.
     */
    void get(String containerId, String path, OutputStream tar) throws IOException {
        try (SocketChannel channel = open(); Watchdog watchdog = Watchdog.on(channel, stall)) {
            try {
                OutputStream request = Channels.newOutputStream(channel);
                request.write(("GET /containers/" + containerId + "/archive?path=" + encode(path) + " HTTP/1.0\r\n"
                        + "Host: docker\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                request.flush();
                InputStream response = new BufferedInputStream(Channels.newInputStream(channel), BUFFER);
                requireOk(response, "GET archive " + path);
                copyWhole(response, tar, watchdog, path);
            } catch (IOException e) {
                throw watchdog.fired() ? new IOException("GET archive " + path + ": no byte came for " + stall.toSeconds()
                        + " s, so the Docker engine is taken to have stalled", e) : e;
            }
        }
    }

    /** Streams a tar archive into {@code path} of a container (chunked request body). */
    void put(String containerId, String path, InputStream tar) throws IOException {
        try (SocketChannel channel = open(); Watchdog watchdog = Watchdog.on(channel, stall)) {
            OutputStream request = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER + 64);
            request.write(("PUT /containers/" + containerId + "/archive?path=" + encode(path) + " HTTP/1.1\r\n"
                    + "Host: docker\r\nContent-Type: application/x-tar\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = tar.readNBytes(buffer, 0, buffer.length)) > 0) {
                request.write((Integer.toHexString(read) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                request.write(buffer, 0, read);
                request.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                watchdog.progress();
            }
            // only a source read to its end gets the last chunk: a failed read above leaves the body
            // unfinished, and the engine refuses it
            request.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            request.flush();
            watchdog.progress();
            requireOk(new BufferedInputStream(Channels.newInputStream(channel)), "PUT archive " + path);
        }
    }

    private SocketChannel open() throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return channel;
    }

    /** Reads the status line and headers; throws with the body's first line unless 200. */
    private static void requireOk(InputStream response, String what) throws IOException {
        String status = line(response);
        String header;
        do {
            header = line(response);
        } while (!header.isEmpty());
        if (!status.matches("HTTP/1\\.[01] 200 .*")) {
            String body = new String(response.readNBytes(500), StandardCharsets.UTF_8).strip();
            throw new IOException(what + ": " + status + " " + body);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** Copies to the end, then requires the tar end: a size in 512-byte records and two zero records last. */
    private static void copyWhole(InputStream in, OutputStream out, Watchdog watchdog, String path) throws IOException {
        byte[] buffer = new byte[BUFFER];
        byte[] tail = new byte[1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            watchdog.progress();
            total += read;
            if (read >= tail.length) {
                System.arraycopy(buffer, read - tail.length, tail, 0, tail.length);
            } else {
                System.arraycopy(tail, read, tail, 0, tail.length - read);
                System.arraycopy(buffer, 0, tail, tail.length - read, read);
            }
        }
        boolean zeros = true;
        for (byte b : tail) {
            zeros &= b == 0;
        }
        if (total < tail.length || total % 512 != 0 || !zeros) {
            throw new IOException("GET archive " + path + ": the archive ended early, after " + total + " bytes (no tar end)");
        }
    }

    private static String encode(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}
