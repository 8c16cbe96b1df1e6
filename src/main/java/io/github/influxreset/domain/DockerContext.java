package io.github.influxreset.domain;

/**
 * A Docker engine the docker CLI knows by name ({@code docker context ls}).
 *
 * @param current whether the docker CLI would use it now (DOCKER_CONTEXT, or config.json's currentContext)
 */
public record DockerContext(String name, String host, boolean current) {
}
