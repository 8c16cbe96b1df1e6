package io.github.influxreset.domain;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A 1.x-compatible mapping of a 2.x server (DBRP): writers and readers of the 1.x API name a
 * database and retention policy, and the server sends them to the bucket the mapping points at, by
 * the bucket's id. A rename keeps the id, so a mapping follows the old bucket unless it is pointed
 * at the new one.
 */
public record V1Mapping(String database, String retentionPolicy, boolean isDefault) {

    /** {@code db/rp}, with " (default)" when it is the database's default. */
    public String describe() {
        return database + "/" + retentionPolicy + (isDefault ? " (default)" : "");
    }

    /** A journal fact: every mapping, each part URL-encoded, so any name survives the round trip. */
    public static String encode(List<V1Mapping> mappings) {
        return String.join(",", mappings.stream().map(m -> part(m.database) + ":" + part(m.retentionPolicy) + ":"
                + m.isDefault).toList());
    }

    /** The mappings {@link #encode} wrote; none for an empty fact. */
    public static List<V1Mapping> decode(String fact) {
        if (fact == null || fact.isBlank()) {
            return List.of();
        }
        return Arrays.stream(fact.split(",")).map(one -> one.split(":", -1))
                .map(p -> new V1Mapping(unpart(p[0]), unpart(p[1]), Boolean.parseBoolean(p[2]))).toList();
    }

    private static String part(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String unpart(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
