package io.github.influxreset.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.influxreset.domain.DockerEngine;
import io.github.influxreset.domain.BackupsSpec;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.DurationText;
import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.Secret;
import io.github.influxreset.domain.ServiceSpec;
import io.github.influxreset.domain.SqliteSpec;
import io.github.influxreset.domain.StackSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a profile (YAML) strictly: an unknown key, a bad value or a missing variable is a
 * {@link ResetException} of reason BAD_INPUT whose sentence names the file, the key and the fix.
 */
public final class ProfileLoader {
    public static final String EMBEDDED_RESOURCE = "homeiq.yaml";

    private final Map<String, String> environment;
    private final Path home;

    public ProfileLoader(Map<String, String> environment, Path home) {
        this.environment = environment;
        this.home = home;
    }

    /** Chooses the Docker engine from the same environment and home as the profiles this loader reads. */
    public EngineChooser engineChooser() {
        return new EngineChooser(environment, home);
    }

    public static ProfileLoader fromSystem() {
        return new ProfileLoader(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The YAML text of the embedded HomeIQ profile, with its {@code ${VAR}} placeholders. */
    public static String embeddedText() {
        try (InputStream in = ProfileLoader.class.getResourceAsStream(EMBEDDED_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded profile is missing from the jar", e);
        }
    }

    public Profile loadEmbedded() {
        return parse(embeddedText(), "(embedded HomeIQ)", Optional.empty());
    }

    /** A profile is a page of YAML; anything much larger is not one (and would take long to parse). */
    static final long MAX_PROFILE_BYTES = 1 << 20;

    public Profile load(Path file) {
        String text;
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_PROFILE_BYTES) {
                throw ResetException.badInput("Profile " + file + " is " + Files.size(file) / 1024 + " KiB; a profile is at most "
                        + MAX_PROFILE_BYTES / 1024 + " KiB, so this is not one.", "Check the path; write an example with "
                        + "'profile init FILE'.");
            }
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw ResetException.badInput("Profile " + file + " does not exist.",
                    "Check the path, or write an example with 'profile init " + file + "'.");
        } catch (IOException e) {
            throw ResetException.badInput("Profile " + file + " cannot be read: " + e.getMessage() + ".",
                    "Check the file's permissions.");
        }
        String fallbackName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Profile profile = parse(text, file.toString(), Optional.of(file));
        return profile.name().isEmpty() ? rename(profile, fallbackName) : profile;
    }

    /** Reads profile text that is about to be written to {@code file}, as {@link #load} would read it. */
    public Profile loadText(String text, Path file) {
        return parse(text, file.toString(), Optional.of(file));
    }

    private Profile parse(String text, String sourceName, Optional<Path> source) {
        ProfileContext context = new ProfileContext(sourceName, environment);
        YamlNode root = new YamlNode(readTree(text, context), "", context);
        root.allowOnly("name", "stack", "docker", "influx", "moveTo", "buckets", "schema", "services", "sqlite",
                "validation", "backups");
        StackSpec stack = readStack(root.get("stack"), context);
        List<String> warnings = new ArrayList<>();
        List<BucketSpec> buckets = new BucketReader().read(root.get("buckets"));
        var influx = readInflux(root.get("influx"));
        Optional<InfluxSpec> moveTo = readMoveTarget(root.get("moveTo"), influx);
        var services = readServices(root.get("services"));
        linkLocal("influx.url", influx.url()).ifPresent(warnings::add);
        TlsTrustReader.warning("influx", influx.url(), influx.tls()).ifPresent(warnings::add);
        moveTo.flatMap(target -> TlsTrustReader.warning("moveTo", target.url(), target.tls())).ifPresent(warnings::add);
        services.forEach(s -> linkLocal("the health URL of " + s.name(), s.healthUrl()).ifPresent(warnings::add));
        return new Profile(root.get("name").text(""), source, stack,
                engine(root.get("docker").allowOnly("host", "context")),
                influx, moveTo, buckets,
                new SchemaReader().read(root.get("schema"), buckets),
                services, readSqlite(root.get("sqlite")),
                readBackups(root.get("backups")), readBudget(root.get("validation")), warnings);
    }

    private DockerEngine engine(YamlNode docker) {
        return engineChooser().choose(named(docker.get("host")), named(docker.get("context")));
    }

    private static Optional<String> named(YamlNode node) {
        return Optional.of(node.text("")).map(String::strip).filter(text -> !text.isEmpty());
    }

    /** A URL to a link-local address (169.254.x.x, such as a cloud's metadata service) is almost never meant. */
    private static Optional<String> linkLocal(String what, String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            String host = URI.create(url.trim()).getHost();
            if (host != null && (host.startsWith("169.254.") || host.toLowerCase(Locale.ROOT).startsWith("[fe80:"))) {
                return Optional.of(what + " " + url + " is a link-local address (a cloud metadata service lives at "
                        + "169.254.169.254); check that it is the service you mean");
            }
        } catch (IllegalArgumentException notAUrl) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static JsonNode readTree(String text, ProfileContext context) {
        try {
            JsonNode tree = new YAMLMapper().readTree(text);
            if (tree == null || !tree.isObject()) {
                throw context.error("(top level)", "must be a mapping with keys such as stack, influx and buckets");
            }
            return tree;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw context.error("(syntax)", "is not valid YAML" + where + ": " + e.getOriginalMessage());
        }
    }

    private StackSpec readStack(YamlNode node, ProfileContext context) {
        node.allowOnly("composeProject", "envFile", "configFiles");
        Path envFile = node.get("envFile").isMissing() ? null : expand(node.get("envFile").text());
        if (envFile != null && Files.exists(envFile)) {
            context.useDotEnv(envFile.toString(), DotEnv.read(envFile));
        }
        String project = node.get("composeProject").text();
        if (!project.matches("[a-z0-9][a-z0-9_-]*")) {
            throw node.get("composeProject").error("must be a compose project name (lower-case letters, digits, - and _), not '"
                    + project + "'");
        }
        return new StackSpec(project, envFile, node.get("configFiles").textList().stream().map(this::expand).toList());
    }

    /**
     * {@code moveTo}: the InfluxDB 2.x server a 1.x stack moves to, written as {@code influx} is
     * (version 2 by default); only a 1.x stack can move, and not onto the server it runs.
     */
    private Optional<InfluxSpec> readMoveTarget(YamlNode node, InfluxSpec source) {
        if (node.isMissing()) {
            return Optional.empty();
        }
        if (!source.isV1()) {
            throw node.error("moves a 1.x stack to InfluxDB 2.x, but influx.version is 2; remove moveTo");
        }
        InfluxSpec target = readInflux(node);
        if (target.isV1()) {
            throw node.get("version").error("must be 2: a stack moves from InfluxDB 1.x to 2.x");
        }
        if (target.url().equals(source.url())) {
            throw node.get("url").error("is the URL of the 1.x server (" + source.url() + "); give the 2.x server's");
        }
        return Optional.of(target);
    }

    private InfluxSpec readInflux(YamlNode node) {
        node.allowOnly("version", "service", "url", "org", "token", "username", "password", "setup", "caFile",
                "insecureSkipVerify");
        int version = node.get("version").integer(2);
        if (version != 1 && version != 2) {
            throw node.get("version").error("must be 1 or 2, not " + version);
        }
        String url = node.get("url").text("http://127.0.0.1:8086");
        if (!url.matches("https?://[^\\s/]+(:\\d+)?/?")) {
            throw node.get("url").error("must look like http://HOST:PORT, not '" + url + "'");
        }
        String org = node.get("org").text("");
        if (version == 2 && org.isBlank()) {
            throw node.get("org").error("is required for InfluxDB 2.x");
        }
        YamlNode setup = node.get("setup").allowOnly("username", "password");
        return new InfluxSpec(version, node.get("service").text("influxdb"), url.replaceAll("/$", ""), org,
                Secret.of(node.get("token").text("")), node.get("username").text(""),
                Secret.of(node.get("password").text("")), setup.get("username").text("admin"),
                Secret.of(setup.get("password").text("")), TlsTrustReader.read(node, url, this::expand));
    }

    private static List<ServiceSpec> readServices(YamlNode node) {
        List<ServiceSpec> services = new ArrayList<>();
        for (YamlNode item : node.items()) {
            item.allowOnly("name", "health", "timeout");
            String name = item.get("name").text();
            if (services.stream().anyMatch(s -> s.name().equals(name))) {
                throw item.get("name").error("repeats service '" + name + "'; list each service once");
            }
            String health = item.get("health").isMissing() ? null : item.get("health").text();
            if (health != null && !health.matches("https?://\\S+")) {
                throw item.get("health").error("must be an http:// URL, not '" + health + "'");
            }
            services.add(new ServiceSpec(name, health, item.get("timeout").isMissing() ? ServiceSpec.DEFAULT_TIMEOUT
                    : readDuration(item.get("timeout"))));
        }
        return services;
    }

    /** One database ({@code sqlite: {path: ...}}) or a list of them, the main metadata database first. */
    private List<SqliteSpec> readSqlite(YamlNode node) {
        if (node.isMissing()) {
            return List.of();
        }
        List<YamlNode> items = node.isObject() ? List.of(node) : node.items();
        List<SqliteSpec> databases = new ArrayList<>();
        for (YamlNode item : items) {
            item.allowOnly("path", "service");
            String path = item.get("path").text();
            if (item.get("service").isMissing()) {
                databases.add(SqliteSpec.onHost(expand(path).toString()));
            } else if (!path.startsWith("/")) {
                throw item.get("path").error("must be an absolute path inside the service's container, not '" + path + "'");
            } else {
                databases.add(SqliteSpec.inService(item.get("service").text(), path));
            }
        }
        return databases;
    }

    private BackupsSpec readBackups(YamlNode node) {
        node.allowOnly("dir", "keep");
        int keep = node.get("keep").integer(10);
        if (keep < 1) {
            throw node.get("keep").error("must be at least 1, not " + keep);
        }
        Path dir = expand(node.get("dir").text("~/influx-reset-backups"));
        BackupDirRules.problem(dir).ifPresent(problem -> {
            throw node.get("dir").error(problem);
        });
        return new BackupsSpec(dir, keep);
    }

    private static Duration readBudget(YamlNode node) {
        node.allowOnly("queryBudget");
        return node.get("queryBudget").isMissing() ? Duration.ofMillis(500) : readDuration(node.get("queryBudget"));
    }

    private static Duration readDuration(YamlNode node) {
        String text = node.text();
        return DurationText.parse(text).filter(d -> !d.isZero())
                .orElseThrow(() -> node.error("must be a time such as 500ms, 30s or 2m, not '" + text + "'"));
    }

    private Path expand(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return home.resolve(path.substring(Math.min(2, path.length())));
        }
        return Path.of(path);
    }

    private static Profile rename(Profile p, String name) {
        return new Profile(name, p.source(), p.stack(), p.engine(), p.influx(), p.moveTo(), p.buckets(), p.schema(),
                p.services(), p.sqlite(), p.backups(), p.queryBudget(), p.warnings());
    }
}
