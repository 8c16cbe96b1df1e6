package io.github.influxreset.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.github.influxreset.domain.DockerEngine;
import io.github.influxreset.domain.ResetException;
import java.io.IOException;
import java.time.Duration;

/**
 * The connection to the chosen engine: docker-java's client, and for an {@code ssh://} engine the
 * {@link SshBridge} it goes through. The address and TLS come from the {@link DockerEngine} alone,
 * never from docker-java's own reading of the environment or of {@code ~/.docker-java.properties},
 * so the engine acted on is the one the checks named.
 *
 * @param host    the engine's address as the user named it, for messages
 * @param address where docker-java connects: the engine's own address, or the bridge's local end
 * @param local   whether the engine is this machine's own unix socket: only then are its volumes'
 *                host folders read directly
 */
record EngineConnection(String host, String address, boolean local, DockerClient client, SshBridge bridge)
        implements AutoCloseable {

    /** Connects lazily (docker-java opens sockets on use); an ssh:// engine's machine is logged in to now. */
    static EngineConnection open(DockerEngine engine) {
        String host = engine.host();
        requireKnownScheme(engine);
        SshBridge bridge = engine.ssh().map(keys -> SshBridge.open(host, keys)).orElse(null);
        String address = bridge != null ? bridge.localAddress() : host;
        DockerClientConfig config = configFor(engine, address);
        var http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(3))
                .responseTimeout(Duration.ofMinutes(10))
                .build();
        return new EngineConnection(host, address, bridge == null && host.startsWith("unix://"),
                DockerClientImpl.getInstance(config, http), bridge);
    }

    @Override
    public void close() throws IOException {
        client.close();
        if (bridge != null) {
            bridge.close();
        }
    }

    /** Refuses an address Docker does not use, before anything is opened. */
    private static void requireKnownScheme(DockerEngine engine) {
        String host = engine.host();
        if (!host.startsWith("unix://") && !host.startsWith("tcp://") && !host.startsWith("npipe://")
                && !host.startsWith("ssh://")) {
            throw ResetException.badInput("The Docker engine address '" + host + "' (" + engine.chosenBy()
                    + ") is not one Docker uses.", "Write it as unix:///path/to/docker.sock, tcp://HOST:PORT or ssh://USER@HOST[:PORT].");
        }
        if (engine.overSsh() && engine.ssh().isEmpty()) {
            throw ResetException.badInput("The Docker engine " + engine.describe() + " is on ssh://, but no SSH folder was "
                    + "given to log in with.", "Choose the engine through the profile or DOCKER_HOST.");
        }
    }

    private static DockerClientConfig configFor(DockerEngine engine, String address) {
        var builder = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(address)
                .withDockerTlsVerify(engine.tlsMaterial().isPresent());
        engine.tlsMaterial().ifPresent(folder -> builder.withDockerCertPath(folder.toString()));
        return builder.build();
    }
}
