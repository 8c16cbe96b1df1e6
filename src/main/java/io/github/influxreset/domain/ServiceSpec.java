package io.github.influxreset.domain;

import java.util.Optional;

/**
 * A compose service the reset stops and restarts. Without a health URL, Docker's health status
 * (or "running" when the container has no health check) decides whether it is up.
 */
public record ServiceSpec(String name, String healthUrl) {
    public Optional<String> health() {
        return Optional.ofNullable(healthUrl).filter(url -> !url.isBlank());
    }
}
