package io.github.influxreset.config;

import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.domain.ComposeService;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The URL by which this computer reaches the stack's InfluxDB, guessed the way the stack itself
 * reaches it, best first: the {@code .env}'s URL when it names this host; a service's own URL
 * setting when it names this host (a writer on the host network); InfluxDB's bind address on the
 * host network ({@code INFLUXD_HTTP_BIND_ADDRESS}, 1.x {@code INFLUXDB_HTTP_BIND_ADDRESS}); the
 * port its container publishes for that port. Each guess says where it came from. Pure.
 */
final class UrlGuess {
    static final List<String> URL_KEYS = List.of("INFLUXDB_URL", "INFLUX_URL", "INFLUX_HOST");
    private static final List<String> BIND_KEYS = List.of("INFLUXD_HTTP_BIND_ADDRESS", "INFLUXDB_HTTP_BIND_ADDRESS");
    private static final int INFLUX_PORT = 8086;

    /** The guess and the sentence that says where it came from. */
    record Guess(String url, String note) {
    }

    private UrlGuess() {
    }

    static Guess of(ComposeProject project, Optional<ComposeService> influx, Map<String, String> env) {
        Optional<String> key = URL_KEYS.stream().filter(env::containsKey).findFirst();
        Optional<URI> configured = key.map(env::get).flatMap(UrlGuess::uri);
        if (configured.isPresent() && isThisHost(configured.get().getHost())) {
            return new Guess(trimmed(configured.get()), "URL from " + key.get() + " of the .env file.");
        }
        Optional<Guess> aServiceSays = project.services().stream().filter(s -> influx.map(i -> !i.name().equals(s.name()))
                .orElse(true)).flatMap(s -> URL_KEYS.stream().filter(s.environment()::containsKey).flatMap(k ->
                uri(s.environment().get(k)).filter(u -> isThisHost(u.getHost())).map(u -> new Guess(trimmed(u), "URL from "
                        + k + " of service " + s.name() + ", which reaches InfluxDB on this host.")).stream())).findFirst();
        if (aServiceSays.isPresent()) {
            return aServiceSays.get();
        }
        Optional<String> bindKey = influx.flatMap(s -> BIND_KEYS.stream().filter(k -> port(s.environment().get(k)).isPresent())
                .findFirst());
        int containerPort = configured.map(URI::getPort).filter(p -> p > 0)
                .or(() -> bindKey.flatMap(k -> port(influx.get().environment().get(k)))).orElse(INFLUX_PORT);
        String scheme = configured.map(URI::getScheme).orElse("http");
        if (influx.map(ComposeService::hostNetwork).orElse(false)) {
            return new Guess(scheme + "://127.0.0.1:" + containerPort, bindKey.map(k -> "URL from " + k + " of InfluxDB's "
                    + "container, which uses the host's network.").orElse("InfluxDB uses the host's network and sets no bind "
                    + "address: its default port " + containerPort + " is assumed; check the URL."));
        }
        Optional<Integer> hostPort = influx.flatMap(s -> s.hostPort(containerPort));
        return new Guess(scheme + "://127.0.0.1:" + hostPort.orElse(containerPort), hostPort.map(p -> "URL from the port "
                + "InfluxDB's container publishes on this host" + configured.map(u -> " (the .env names " + u.getHost()
                + ", which only containers can reach)").orElse("") + ".")
                .orElse("InfluxDB publishes no port on this host; check the URL."));
    }

    private static Optional<Integer> port(String bindAddress) {
        return bindAddress != null && bindAddress.matches(".*:\\d+")
                ? Optional.of(Integer.parseInt(bindAddress.substring(bindAddress.lastIndexOf(':') + 1))) : Optional.empty();
    }

    private static String trimmed(URI uri) {
        return uri.toString().replaceAll("/$", "");
    }

    private static boolean isThisHost(String host) {
        return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
    }

    private static Optional<URI> uri(String text) {
        try {
            URI uri = URI.create(text.contains("://") ? text : "http://" + text);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
