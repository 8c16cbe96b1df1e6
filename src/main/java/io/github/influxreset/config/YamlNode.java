package io.github.influxreset.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.influxreset.domain.ResetException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A node of a profile being read, which knows its path ({@code buckets[1].retention}) so that every
 * error names the file, the key and what is wrong. Scalars pass through variable substitution.
 */
final class YamlNode {
    private final JsonNode node;
    private final String path;
    private final ProfileContext context;

    YamlNode(JsonNode node, String path, ProfileContext context) {
        this.node = node;
        this.path = path;
        this.context = context;
    }

    String path() {
        return path;
    }

    boolean isMissing() {
        return node == null || node.isMissingNode() || node.isNull();
    }

    boolean isObject() {
        return node != null && node.isObject();
    }

    /** Fails on any key not in {@code allowed}. */
    YamlNode allowOnly(String... allowed) {
        if (isMissing()) {
            return this;
        }
        requireObject();
        Set<String> known = Set.of(allowed);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error(child(name).path, "is not a known key; known keys here are " + String.join(", ", allowed));
            }
        }
        return this;
    }

    YamlNode get(String key) {
        if (!isMissing()) {
            requireObject();
        }
        return new YamlNode(isMissing() ? null : node.get(key), child(key).path, context);
    }

    List<YamlNode> items() {
        if (isMissing()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error(path, "must be a list");
        }
        List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new YamlNode(node.get(i), path + "[" + i + "]", context));
        }
        return items;
    }

    List<String> keys() {
        if (isMissing()) {
            return List.of();
        }
        requireObject();
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    String text() {
        if (isMissing()) {
            throw error(path, "is required");
        }
        if (!node.isValueNode()) {
            throw error(path, "must be a single value");
        }
        return context.substitute(node.asText(), path);
    }

    String text(String fallback) {
        return isMissing() ? fallback : text();
    }

    int integer(int fallback) {
        if (isMissing()) {
            return fallback;
        }
        String value = text();
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw error(path, "must be a whole number, not '" + value + "'");
        }
    }

    List<String> textList() {
        return items().stream().map(YamlNode::text).toList();
    }

    ResetException error(String what) {
        return error(path, what);
    }

    ResetException error(String at, String what) {
        return context.error(at, what);
    }

    private void requireObject() {
        if (!node.isObject()) {
            throw error(path, "must be a mapping of keys to values");
        }
    }

    private YamlNode child(String key) {
        return new YamlNode(null, path.isEmpty() ? key : path + "." + key, context);
    }
}
