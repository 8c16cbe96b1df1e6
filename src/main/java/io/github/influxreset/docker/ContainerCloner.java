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
import java.util.List;
import java.util.Map;

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
                .withHostConfig(hostConfig)
                .withLabels(config.getLabels())
                .withEnv(config.getEnv())
                .withCmd(config.getCmd())
                .withEntrypoint(config.getEntrypoint())
                .withUser(config.getUser())
                .withWorkingDir(config.getWorkingDir())
                .withHealthcheck(config.getHealthcheck())
                .withExposedPorts(config.getExposedPorts() == null ? List.of() : List.of(config.getExposedPorts()))
                .withTty(config.getTty())
                .withStdinOpen(config.getStdinOpen());
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
