package io.github.influxreset.domain;

import java.nio.file.Path;

/** Where backup sets are written and how many of them {@code prune} keeps. */
public record BackupsSpec(Path dir, int keep) {
}
