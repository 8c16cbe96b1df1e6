package io.github.influxreset.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.influxreset.domain.DockerContext;
import io.github.influxreset.domain.DockerEngine;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.SshKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Chooses the Docker engine in the docker CLI's order, with the profile first: the profile's
 * {@code docker.host}, else {@code DOCKER_HOST}, else the docker context named by
 * {@code DOCKER_CONTEXT} or by {@code config.json}'s {@code currentContext} (under {@code DOCKER_CONFIG}
 * or {@code ~/.docker}), else the local socket. A {@code tcp://} engine uses TLS when the context
 * holds TLS material or {@code DOCKER_TLS_VERIFY} is set (certificates from {@code DOCKER_CERT_PATH}).
 * Reads files only; never talks to an engine.
 */
public final class EngineChooser {
    private static final String DEFAULT_CONTEXT = "default";

    private final Map<String, String> environment;
    private final Path dockerConfig;
    private final Path userHome;

    public EngineChooser(Map<String, String> environment, Path userHome) {
        this.environment = environment;
        this.userHome = userHome;
        this.dockerConfig = set("DOCKER_CONFIG").map(Path::of).orElse(userHome.resolve(".docker"));
    }

    /**
     * The engine to act on.
     *
     * @param profileHost    the profile's {@code docker.host}, when it names one
     * @param profileContext the profile's {@code docker.context}, when it names one
     */
    public DockerEngine choose(Optional<String> profileHost, Optional<String> profileContext) {
        if (profileHost.isPresent() && profileContext.isPresent()) {
            throw ResetException.badInput("The profile names both docker.host and docker.context.",
                    "Keep the one that names the engine the stack runs on.");
        }
        if (profileHost.isPresent()) {
            return withEnvironmentTls(profileHost.get(), "the profile's docker.host");
        }
        if (profileContext.isPresent()) {
            return fromContext(profileContext.get(), "the profile's docker.context");
        }
        Optional<String> dockerHost = set("DOCKER_HOST");
        if (dockerHost.isPresent()) {
            return withEnvironmentTls(dockerHost.get(), "DOCKER_HOST");
        }
        Optional<String> fromVariable = set("DOCKER_CONTEXT");
        Optional<String> context = fromVariable.or(this::currentContext);
        if (context.isEmpty() || context.get().equals(DEFAULT_CONTEXT)) {
            return DockerEngine.plain(DockerEngine.LOCAL_SOCKET,
                    "the local socket: no docker.host, DOCKER_HOST or docker context names another engine");
        }
        return fromContext(context.get(), fromVariable.isPresent() ? "DOCKER_CONTEXT"
                : "currentContext in " + dockerConfig.resolve("config.json"));
    }

    /** The engines the docker CLI knows by name, sorted, the local socket's "default" first. */
    public List<DockerContext> contexts() {
        String current = set("DOCKER_CONTEXT").or(this::currentContext).orElse(DEFAULT_CONTEXT);
        List<DockerContext> known = new ArrayList<>();
        known.add(new DockerContext(DEFAULT_CONTEXT, set("DOCKER_HOST").orElse(DockerEngine.LOCAL_SOCKET),
                current.equals(DEFAULT_CONTEXT)));
        Path meta = dockerConfig.resolve("contexts").resolve("meta");
        if (Files.isDirectory(meta)) {
            try (Stream<Path> folders = Files.list(meta)) {
                folders.map(folder -> folder.resolve("meta.json")).filter(Files::isRegularFile)
                        .map(this::readContext).flatMap(Optional::stream)
                        .map(c -> new DockerContext(c.name(), c.host(), c.name().equals(current)))
                        .sorted(Comparator.comparing(DockerContext::name))
                        .forEach(known::add);
            } catch (IOException unreadable) {
                return known;
            }
        }
        return known;
    }

    private DockerEngine fromContext(String name, String namedBy) {
        Path metaFile = dockerConfig.resolve("contexts").resolve("meta").resolve(digest(name)).resolve("meta.json");
        if (!Files.isRegularFile(metaFile)) {
            throw ResetException.badInput("The docker context '" + name + "' (named by " + namedBy + ") does not exist: "
                    + metaFile + " is missing.", "List the contexts with 'docker context ls', then name one that exists, "
                    + "or set docker.host in the profile.");
        }
        JsonNode docker = readJson(metaFile).path("Endpoints").path("docker");
        String host = docker.path("Host").asText("");
        if (host.isBlank()) {
            throw ResetException.badInput("The docker context '" + name + "' names no Docker engine (" + metaFile
                    + " has no Endpoints.docker.Host).", "Remake it with 'docker context create " + name
                    + " --docker host=…', or set docker.host in the profile.");
        }
        if (docker.path("SkipTLSVerify").asBoolean(false)) {
            throw ResetException.badInput("The docker context '" + name + "' skips TLS verification, so the engine it "
                    + "names cannot be told from an impostor.", "Give the context the engine's CA ('docker context update "
                    + name + " --docker ca=…') or set docker.host in the profile.");
        }
        Path tls = dockerConfig.resolve("contexts").resolve("tls").resolve(digest(name)).resolve("docker");
        String why = "docker context '" + name + "', named by " + namedBy;
        return engine(host, why, Optional.of(name), Files.isRegularFile(tls.resolve("ca.pem")) ? Optional.of(tls) : Optional.empty());
    }

    private DockerEngine withEnvironmentTls(String host, String why) {
        if (!host.startsWith("tcp://") || set("DOCKER_TLS_VERIFY").isEmpty()) {
            return engine(host, why, Optional.empty(), Optional.empty());
        }
        Path certs = set("DOCKER_CERT_PATH").map(Path::of).orElse(dockerConfig);
        if (!Files.isRegularFile(certs.resolve("ca.pem"))) {
            throw ResetException.badInput("DOCKER_TLS_VERIFY is set but " + certs.resolve("ca.pem") + " does not exist.",
                    "Point DOCKER_CERT_PATH at the folder with the engine's ca.pem, cert.pem and key.pem.");
        }
        return engine(host, why + ", certificates from " + certs, Optional.empty(), Optional.of(certs));
    }

    /** An engine; one on {@code ssh://} is logged in to with the user's SSH folder and agent, as ssh would. */
    private DockerEngine engine(String host, String why, Optional<String> context, Optional<Path> tls) {
        Optional<SshKeys> ssh = host.strip().startsWith("ssh://")
                ? Optional.of(new SshKeys(userHome.resolve(".ssh"), set("SSH_AUTH_SOCK").map(Path::of))) : Optional.empty();
        return new DockerEngine(host, why, context, tls, ssh);
    }

    private Optional<DockerContext> readContext(Path metaFile) {
        try {
            JsonNode meta = readJson(metaFile);
            String name = meta.path("Name").asText("");
            String host = meta.path("Endpoints").path("docker").path("Host").asText("");
            return name.isBlank() ? Optional.empty() : Optional.of(new DockerContext(name, host, false));
        } catch (ResetException unreadable) {
            return Optional.empty();
        }
    }

    private Optional<String> currentContext() {
        Path config = dockerConfig.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return Optional.empty();
        }
        String name = readJson(config).path("currentContext").asText("");
        return name.isBlank() ? Optional.empty() : Optional.of(name);
    }

    private static JsonNode readJson(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            // the file may hold registry credentials: name the place, never the text
            throw ResetException.badInput("The docker settings file " + file + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ").", "Check it with 'docker context ls', or set docker.host in the profile.");
        } catch (IOException e) {
            throw ResetException.badInput("The docker settings file " + file + " cannot be read: " + e.getMessage() + ".",
                    "Check it with 'docker context ls', or set docker.host in the profile.");
        }
    }

    /** The docker CLI keeps a context under the SHA-256 of its name. */
    public static String digest(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java has SHA-256", impossible);
        }
    }

    private Optional<String> set(String variable) {
        return Optional.ofNullable(environment.get(variable)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
