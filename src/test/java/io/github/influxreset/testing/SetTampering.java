package io.github.influxreset.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Tampers with a backup set as an attacker who recomputes the hashes would, so that the content itself is tested. */
public final class SetTampering {
    private SetTampering() {
    }

    /** Puts the file's true size and SHA-256 (of a link's target, for a link) into the set's manifest. */
    public static void rehash(Path set, String path) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(set.resolve("manifest.json").toFile());
        byte[] bytes = Files.readAllBytes(set.resolve(path));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        manifest.withArray("files").forEach(entry -> {
            if (entry.path("path").asText().equals(path)) {
                ((ObjectNode) entry).put("size", bytes.length).put("sha256", sha);
            }
        });
        json.writeValue(set.resolve("manifest.json").toFile(), manifest);
    }
}
