package io.github.influxreset.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.HostConfig;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Saves a container's configuration as its inspect document and creates an identical container
 * from it: image, command, entrypoint, environment, labels, user, working directory, health
 * check, host config (mounts, ports, restart policy, network mode) and every network with its
 * aliases.
 */
final class ContainerCloner {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final DockerClient client;

    ContainerCloner(DockerClient client) {
        this.client = client;
    }

    String inspectJson(String containerId) {
        try {
            return JSON.writeValueAsString(client.inspectContainerCmd(containerId).exec());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inspect document cannot be written", e);
        }
    }

    String create(String inspectJson, String name) {
        InspectContainerResponse old = read(inspectJson);
        ContainerConfig config = old.getConfig();
        HostConfig hostConfig = old.getHostConfig();
        CreateContainerCmd create = client.createContainerCmd(config.getImage()).withName(name)
                .withHostConfig(hostConfig);
        setIfPresent(config.getLabels(), create::withLabels);
        setIfPresent(config.getEnv(), create::withEnv);
        setIfPresent(config.getCmd(), create::withCmd);
        setIfPresent(config.getEntrypoint(), create::withEntrypoint);
        setIfPresent(config.getUser(), create::withUser);
        setIfPresent(config.getWorkingDir(), create::withWorkingDir);
        setIfPresent(config.getHealthcheck(), create::withHealthcheck);
        setIfPresent(config.getExposedPorts(), create::withExposedPorts);
        setIfPresent(config.getTty(), create::withTty);
        setIfPresent(config.getStdinOpen(), create::withStdinOpen);
        if (config.getHostName() != null && !old.getId().startsWith(config.getHostName())) {
            create.withHostName(config.getHostName());
        }
        Map<String, ContainerNetwork> networks = networks(old);
        String primary = hostConfig == null ? null : hostConfig.getNetworkMode();
        ContainerNetwork primaryNetwork = primary == null ? null : networks.get(primary);
        if (primaryNetwork != null && primaryNetwork.getAliases() != null) {
            create.withAliases(primaryNetwork.getAliases());
        }
        String id = create.exec().getId();
        networks.forEach((network, settings) -> {
            if (!network.equals(primary)) {
                client.connectToNetworkCmd().withContainerId(id).withNetworkId(network)
                        .withContainerNetwork(new ContainerNetwork().withAliases(settings.getAliases())).exec();
            }
        });
        return id;
    }

    /** docker-java refuses nulls; a value the old container did not set is left unset. */
    private static <T> void setIfPresent(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static Map<String, ContainerNetwork> networks(InspectContainerResponse old) {
        if (old.getNetworkSettings() == null || old.getNetworkSettings().getNetworks() == null) {
            return Map.of();
        }
        return old.getNetworkSettings().getNetworks();
    }

    private static InspectContainerResponse read(String inspectJson) {
        try {
            return JSON.readValue(inspectJson, InspectContainerResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the saved container configuration is not an inspect document", e);
        }
    }
}
