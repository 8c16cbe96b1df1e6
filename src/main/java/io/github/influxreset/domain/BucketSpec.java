package io.github.influxreset.domain;

/** A bucket (2.x) or a database with its default retention policy (1.x). */
public record BucketSpec(String name, Retention retention) {
}
