package io.github.influxreset.docker;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import io.github.influxreset.domain.DockerEngine;
import io.github.influxreset.domain.ResetException;

/**
 * Turns the chosen engine into docker-java's settings, and nothing else: the address and TLS come
 * from the {@link DockerEngine} alone, never from docker-java's own reading of the environment or
 * of {@code ~/.docker-java.properties}, so the engine acted on is the one the checks named.
 */
final class EngineAddress {
    private EngineAddress() {
    }

    static DockerClientConfig configFor(DockerEngine engine) {
        String host = engine.host();
        if (host.startsWith("ssh://")) {
            throw ResetException.problem("The Docker engine " + engine.describe() + " is reached over SSH, which this "
                    + "version cannot do yet.", "Run the wizard on the stack's machine, or give the engine a tcp:// "
                    + "address with TLS (DOCKER_HOST with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH) and try again.", null);
        }
        if (!host.startsWith("unix://") && !host.startsWith("tcp://") && !host.startsWith("npipe://")) {
            throw ResetException.badInput("The Docker engine address '" + host + "' (" + engine.chosenBy()
                    + ") is not one Docker uses.", "Write it as unix:///path/to/docker.sock or tcp://HOST:PORT.");
        }
        var builder = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host)
                .withDockerTlsVerify(engine.tlsMaterial().isPresent());
        engine.tlsMaterial().ifPresent(folder -> builder.withDockerCertPath(folder.toString()));
        return builder.build();
    }
}
