package io.github.influxreset.influx.v2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {
    private static final String BOUNDARY = "abc123";

    private static byte[] body(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] names = {"kv", "sql", "buckets"};
        for (int i = 0; i < parts.length; i++) {
            out.write(("--" + BOUNDARY + "\r\nContent-Disposition: attachment; name=\"" + names[i]
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(parts[i]);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void partsComeBackByteForByteEvenWhenTheyHoldPiecesOfTheDelimiter() throws IOException {
        byte[] tricky = "x\r\n--abc12\r\n-\r\n--abc1\r\r\n--abc12--abc123\r\n-".getBytes(StandardCharsets.US_ASCII);
        byte[] random = new byte[100_000];
        new Random(7).nextBytes(random);
        byte[] json = "[{\"bucketName\":\"b\"}]".getBytes(StandardCharsets.UTF_8);
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body(tricky, random, json)), BOUNDARY);

        assertArrayEquals(tricky, next(reader, "kv"));
        assertArrayEquals(random, next(reader, "sql"));
        assertArrayEquals(json, next(reader, "buckets"));
        assertEquals(Optional.empty(), reader.nextPart());
    }

    @Test
    void aTruncatedAnswerIsAnErrorNotAShortPart() throws IOException {
        byte[] whole = body("0123456789".getBytes(StandardCharsets.US_ASCII));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 20);
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(cut), BOUNDARY);
        reader.nextPart();

        assertThrows(IOException.class, () -> reader.copyPart(new ByteArrayOutputStream()));
    }

    @Test
    void theBoundaryIsReadFromTheContentType() {
        assertEquals(Optional.of("c2544f"), MultipartReader.boundary("multipart/mixed; boundary=c2544f"));
        assertEquals(Optional.of("q b"), MultipartReader.boundary("multipart/mixed; boundary=\"q b\""));
        assertEquals(Optional.empty(), MultipartReader.boundary("application/json"));
    }

    private static byte[] next(MultipartReader reader, String name) throws IOException {
        assertEquals(Optional.of(name), reader.nextPart());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reader.copyPart(out);
        return out.toByteArray();
    }
}
