package io.github.influxreset.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.influxreset.domain.DockerEngine;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ProfileDraft;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.Secret;
import io.github.influxreset.domain.SqliteSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Turns a {@link ProfileDraft} into profile YAML (the embedded HomeIQ profile with the stack,
 * InfluxDB, services, SQLite and backups of the draft) and saves it, checked first.
 */
public final class DraftWriter {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    private DraftWriter() {
    }

    /** The profile text; a secret read from the .env file appears as {@code ${VARIABLE}}. */
    /**
     * The profile as YAML, on the engine the stack was found on, as chosen, never a variable:
     * {@code docker.context} when it came from a docker context (whose TLS material lives there), else
     * {@code docker.host}.
     */
    public static String toYaml(ProfileDraft draft, DockerEngine engine) {
        try {
            ObjectNode root = (ObjectNode) YAML.readTree(ProfileLoader.embeddedText());
            root.put("name", draft.composeProject());
            ObjectNode docker = (ObjectNode) root.get("docker");
            engine.context().ifPresentOrElse(name -> docker.put("context", name), () -> docker.put("host", engine.host()));
            ObjectNode stack = root.putObject("stack");
            stack.put("composeProject", draft.composeProject());
            draft.envFile().ifPresent(f -> stack.put("envFile", f.toString()));
            ArrayNode configFiles = stack.putArray("configFiles");
            draft.configFiles().forEach(f -> configFiles.add(f.toString()));
            root.set("influx", influx(draft));
            ArrayNode services = root.putArray("services");
            draft.services().forEach(name -> services.addObject().put("name", name));
            root.remove("sqlite");
            if (!draft.sqlite().isEmpty()) {
                ArrayNode sqlite = root.putArray("sqlite");
                draft.sqlite().forEach(db -> sqlite.add(sqlite(db)));
            }
            ((ObjectNode) root.get("backups")).put("dir", draft.backupsDir().toString());
            String text = YAML.writeValueAsString(root);
            if (!draft.schema().isEmpty()) {
                return "# Written by the InfluxDB Reset Wizard's first run from compose project " + draft.composeProject()
                        + ".\n# The buckets are HomeIQ's (the product brief); the schema was read from the live data.\n"
                        + SchemaRewriter.withSchema(text, draft.schema());
            }
            return "# Written by the InfluxDB Reset Wizard's first run from compose project " + draft.composeProject()
                    + ".\n# The buckets and schema are HomeIQ's (the product brief): edit them to match this stack.\n" + text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the embedded profile cannot be read as YAML", e);
        }
    }

    private static ObjectNode sqlite(SqliteSpec db) {
        ObjectNode node = YAML.createObjectNode();
        if (db.inContainer()) {
            node.put("service", db.service());
        }
        node.put("path", db.inContainer() ? db.containerPath() : db.hostPath());
        return node;
    }

    private static ObjectNode influx(ProfileDraft draft) {
        ObjectNode influx = YAML.createObjectNode();
        influx.put("version", draft.influxVersion());
        influx.put("service", draft.influxService());
        influx.put("url", draft.url());
        String password = reference(draft.password(), draft.passwordVariable());
        if (draft.influxVersion() == 1) {
            if (!draft.username().isEmpty()) {
                influx.put("username", draft.username());
                influx.put("password", password);
            }
            return influx;
        }
        influx.put("org", draft.org());
        influx.put("token", reference(draft.token(), draft.tokenVariable()));
        ObjectNode setup = influx.putObject("setup");
        setup.put("username", draft.username().isEmpty() ? "admin" : draft.username());
        setup.put("password", password);
        return influx;
    }

    private static String reference(Secret secret, Optional<String> variable) {
        return variable.map(v -> "${" + v + "}").orElseGet(secret::revealAsString);
    }

    /**
     * Checks the draft as the profile loader will read it, then writes it to {@code file} (mode
     * 600: it may hold a secret). Nothing is written when the check fails.
     */
    public static Profile save(ProfileDraft draft, DockerEngine engine, Path file, ProfileLoader loader) {
        if (draft.influxVersion() == 2 && draft.token().isEmpty()) {
            throw ResetException.badInput("The InfluxDB token is empty.", "Paste an all-access token (influx auth list "
                    + "shows them) or add INFLUXDB_TOKEN to the stack's .env file.");
        }
        String text = toYaml(draft, engine);
        Profile profile = loader.loadText(text, file);
        Path temporary = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".profile", ".yaml");
            setOwnerOnly(temporary);
            Files.writeString(temporary, text);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw ResetException.badInput("The profile cannot be written to " + file + ": " + e.getMessage() + ".",
                    "Choose a folder you can write to.");
        }
        return profile;
    }

    private static void deleteQuietly(Path temporary) {
        try {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException ignored) {
            // a half-written file is hidden (.profile*) and readable by the user only
        }
    }

    private static void setOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile folder is private already
        }
    }
}
