package io.github.influxreset.engine.data;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An output stream that hands each UTF-8 line written to it (without its line end) to a consumer:
 * how an export streamed from the server is read line by line without being held whole.
 */
public final class LineSplitter extends OutputStream {
    private final Consumer<String> line;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream(256);

    public LineSplitter(Consumer<String> line) {
        this.line = line;
    }

    @Override
    public void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            current.write(b);
        }
    }

    @Override
    public void write(byte[] bytes, int off, int len) {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (bytes[i] == '\n') {
                current.write(bytes, start, i - start);
                emit();
                start = i + 1;
            }
        }
        current.write(bytes, start, off + len - start);
    }

    /** Hands over the last line when it has no line end. */
    @Override
    public void close() {
        if (current.size() > 0) {
            emit();
        }
    }

    private void emit() {
        String text = current.toString(StandardCharsets.UTF_8);
        current.reset();
        line.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }
}
