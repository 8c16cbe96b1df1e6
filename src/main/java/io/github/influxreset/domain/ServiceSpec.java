package io.github.influxreset.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * A compose service the reset stops and restarts. Without a health URL, Docker's health status
 * (or "running" when the container has no health check) decides whether it is up.
 */
public record ServiceSpec(String name, String healthUrl, Duration timeout) {
    /** How long a service may take to become healthy when the profile does not say. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

    public ServiceSpec(String name, String healthUrl) {
        this(name, healthUrl, DEFAULT_TIMEOUT);
    }

    public Optional<String> health() {
        return Optional.ofNullable(healthUrl).filter(url -> !url.isBlank());
    }
}
