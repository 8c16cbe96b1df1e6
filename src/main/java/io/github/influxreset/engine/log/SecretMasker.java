package io.github.influxreset.engine.log;

import io.github.influxreset.domain.Secret;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replaces every known secret in a text with {@link Secret#MASK}. Immutable and thread-safe. */
public final class SecretMasker {
    public static final SecretMasker NONE = new SecretMasker(List.of());

    private final List<String> secrets;

    public SecretMasker(List<Secret> secrets) {
        List<String> texts = new ArrayList<>();
        for (Secret secret : secrets) {
            if (!secret.isEmpty()) {
                texts.add(secret.revealAsString());
            }
        }
        texts.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(texts);
    }

    public String mask(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, Secret.MASK);
        }
        return masked;
    }
}
