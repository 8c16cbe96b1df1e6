package io.github.influxreset.influx.v2;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/mixed} body part by part, streaming each part's bytes to a sink (the
 * 2.x backup's metadata answer holds the bolt and sqlite files, which may be large). Only what that
 * answer uses: CRLF line ends, a {@code name} in each part's Content-Disposition.
 */
final class MultipartReader {
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private final InputStream in;
    private final byte[] delimiter;
    private boolean finished;

    MultipartReader(InputStream in, String boundary) throws IOException {
        this.in = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        String first = line();
        if (!first.equals("--" + boundary)) {
            throw new IOException("the multipart answer does not start with its boundary");
        }
    }

    /** The boundary of a {@code multipart/...; boundary=X} content type. */
    static Optional<String> boundary(String contentType) {
        Matcher m = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType == null ? "" : contentType);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The next part's name, or empty after the last part; then call {@link #copyPart}. */
    Optional<String> nextPart() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        String name = null;
        for (String header = line(); !header.isEmpty(); header = line()) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                Matcher m = NAME.matcher(header);
                name = m.find() ? m.group(1) : null;
            }
        }
        if (name == null) {
            throw new IOException("a part of the multipart answer has no name");
        }
        return Optional.of(name);
    }

    /** Copies the current part's bytes to {@code out}, up to the next boundary. */
    void copyPart(OutputStream out) throws IOException {
        int matched = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the multipart answer ended inside a part");
            }
            if (b == (delimiter[matched] & 0xff)) {
                if (++matched == delimiter.length) {
                    break;
                }
                continue;
            }
            if (matched > 0) {
                int keep = overlap(matched, b);
                out.write(delimiter, 0, Math.min(matched + 1 - keep, matched));
                if (keep == 0) {
                    out.write(b);
                }
                matched = keep;
                continue;
            }
            out.write(b);
        }
        int c1 = in.read();
        int c2 = in.read();
        if (c1 == '-' && c2 == '-') {
            finished = true;
        } else if (c1 != '\r' || c2 != '\n') {
            throw new IOException("a boundary of the multipart answer is not followed by a line end");
        }
    }

    /** The length of the longest suffix of delimiter[0..matched) + b that is a prefix of the delimiter. */
    private int overlap(int matched, int b) {
        byte[] seen = new byte[matched + 1];
        System.arraycopy(delimiter, 0, seen, 0, matched);
        seen[matched] = (byte) b;
        for (int length = matched; length > 0; length--) {
            boolean prefix = true;
            for (int i = 0; i < length && prefix; i++) {
                prefix = seen[seen.length - length + i] == delimiter[i];
            }
            if (prefix) {
                return length;
            }
        }
        return 0;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        throw new IOException("the multipart answer ended inside its headers");
    }
}
