package io.github.influxreset.config;

import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.domain.ComposeService;
import io.github.influxreset.domain.InfluxUsers;
import io.github.influxreset.domain.MountInfo;
import io.github.influxreset.domain.ProfileDraft;
import io.github.influxreset.domain.Secret;
import io.github.influxreset.domain.SqliteSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Guesses a profile from a compose project the engine runs: which service is InfluxDB, its
 * version, the URL it answers on from this host, and org, token and passwords from the project's
 * {@code .env}. Reads files and nothing else; every guess says where it came from.
 */
public final class StackGuesser {
    private static final List<String> ORG_KEYS = List.of("INFLUXDB_ORG", "INFLUX_ORG", "DOCKER_INFLUXDB_INIT_ORG");
    private static final List<String> TOKEN_KEYS = List.of("INFLUXDB_TOKEN", "INFLUX_TOKEN", "INFLUXDB_ADMIN_TOKEN",
            "DOCKER_INFLUXDB_INIT_ADMIN_TOKEN");
    private static final List<String> USER_KEYS = List.of("INFLUXDB_USERNAME", "INFLUXDB_USER", "INFLUXDB_ADMIN_USER",
            "DOCKER_INFLUXDB_INIT_USERNAME");
    private static final List<String> PASSWORD_KEYS = List.of("INFLUXDB_PASSWORD", "INFLUXDB_USER_PASSWORD",
            "INFLUXDB_ADMIN_PASSWORD", "DOCKER_INFLUXDB_INIT_PASSWORD");
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path userHome;

    public StackGuesser(Path userHome) {
        this.userHome = userHome;
    }


    /** A draft profile for the project, from its files and bind mounts alone. */
    public ProfileDraft guess(ComposeProject project) {
        return guess(project, List.of());
    }

    /**
     * A draft profile for the project.
     *
     * @param inVolumes the SQLite databases found inside the services' named volumes (which only
     *                  the engine can read)
     */
    public ProfileDraft guess(ComposeProject project, List<SqliteSpec> inVolumes) {
        List<String> notes = new ArrayList<>();
        Optional<Path> envFile = envFile(project);
        Map<String, String> env = envFile.map(DotEnv::read).orElse(Map.of());
        notes.add(envFile.map(f -> "Read " + f + ".").orElse("The project has no .env file; type the token below."));
        Optional<ComposeService> influx = project.influxService();
        String service = influx.map(ComposeService::name).orElse("influxdb");
        notes.add(influx.map(s -> "InfluxDB is service '" + s.name() + "' (image " + s.image() + ").")
                .orElse("No service runs an influxdb image; 'influxdb' is assumed."));
        int version = version(influx, env, notes);
        UrlGuess.Guess guessed = UrlGuess.of(project, influx, env);
        notes.add(guessed.note());
        String url = guessed.url();
        Optional<String> orgKey = first(env, ORG_KEYS);
        String org = orgKey.map(env::get).or(() -> influx.map(s -> s.environment().get("DOCKER_INFLUXDB_INIT_ORG")))
                .orElse("");
        Optional<String> tokenKey = first(env, TOKEN_KEYS);
        tokenKey.ifPresent(k -> notes.add("Token from " + k + " of the .env file; the profile refers to it."));
        Optional<String> userKey = first(env, USER_KEYS);
        Optional<String> passwordKey = first(env, PASSWORD_KEYS);
        List<SqliteSpec> sqlite = sqlite(project, inVolumes);
        notes.add(sqlite.isEmpty() ? "No SQLite database was found in the services' bind mounts and volumes."
                : "SQLite databases found (backed up with every set, never reset): "
                + String.join(", ", sqlite.stream().map(SqliteSpec::describe).toList()) + ".");
        List<String> others = services(project, service, notes);
        return new ProfileDraft(project.name(), envFile, configFiles(project), version, service, url, org,
                tokenKey.map(k -> Secret.of(env.get(k))).orElse(Secret.empty()), tokenKey,
                userKey.map(env::get).orElse(version == 1 ? "" : "admin"),
                passwordKey.map(k -> Secret.of(env.get(k))).orElse(Secret.empty()), passwordKey, others, sqlite,
                userHome.resolve("influx-reset-backups"), notes, List.of());
    }

    /**
     * Every other service but InfluxDB servers, in the order compose starts them (the reset stops
     * them the other way round): the users of InfluxDB with the reason, and the rest too, to be
     * safe, with a note.
     */
    private static List<String> services(ComposeProject project, String influx, List<String> notes) {
        InfluxUsers users = new InfluxUsers(project, influx);
        Map<String, String> reasons = users.reasons();
        project.services().stream().filter(s -> !s.name().equals(influx) && s.isInfluxServer()).forEach(s -> notes.add(
                "Service '" + s.name() + "' is an InfluxDB server too (" + s.image() + "): left out of the services and"
                        + " never stopped; to move the data to it, name it in moveTo (see the README)."));
        List<String> others = users.startOrder(project.services().stream().filter(s -> !s.isInfluxServer())
                .map(ComposeService::name).filter(n -> !n.equals(influx)).sorted().toList());
        for (String name : others) {
            notes.add(reasons.containsKey(name) ? "Service '" + name + "' uses InfluxDB (" + reasons.get(name) + ")."
                    : "Service '" + name + "' shows no sign of using InfluxDB; it is stopped during the reset too, to be"
                    + " safe: take it out of the services to keep it running.");
        }
        if (!others.isEmpty()) {
            notes.add("Services start in this order, each after what it depends on: " + String.join(", ", others) + ".");
        }
        return others;
    }

    private static Optional<Path> envFile(ComposeProject project) {
        return project.envFile().filter(Files::isReadable)
                .or(() -> project.workingDir().map(d -> d.resolve(".env")).filter(Files::isReadable));
    }

    private static List<Path> configFiles(ComposeProject project) {
        if (!project.configFiles().isEmpty()) {
            return project.configFiles();
        }
        return project.workingDir().stream().flatMap(d -> Stream.of("compose.yaml", "compose.yml", "docker-compose.yml",
                "docker-compose.yaml").map(d::resolve)).filter(Files::isRegularFile).limit(1).toList();
    }

    private static int version(Optional<ComposeService> influx, Map<String, String> env, List<String> notes) {
        String tag = influx.map(ComposeService::imageTag).orElse("");
        String imageVersion = influx.map(s -> s.environment().getOrDefault("INFLUXDB_VERSION", "")).orElse("");
        boolean initKeys = env.keySet().stream().anyMatch(k -> k.startsWith("DOCKER_INFLUXDB_INIT_"))
                || influx.map(s -> s.environment().keySet().stream().anyMatch(k -> k.startsWith("DOCKER_INFLUXDB_INIT_")))
                .orElse(false);
        int version = initKeys ? 2 : tag.matches("1(\\..*)?") || imageVersion.startsWith("1.") ? 1 : 2;
        notes.add("InfluxDB " + version + ".x, from " + (initKeys ? "the DOCKER_INFLUXDB_INIT_ settings"
                : tag.isEmpty() && imageVersion.isEmpty() ? "nothing better than the default" : "the image's version") + ".");
        return version;
    }

    /**
     * The SQLite files in the project's bind mounts and in its named volumes, each once:
     * {@code metadata.db} first (the main metadata database), then the others by where they are.
     */
    private static List<SqliteSpec> sqlite(ComposeProject project, List<SqliteSpec> inVolumes) {
        List<SqliteSpec> found = new ArrayList<>();
        project.services().stream().flatMap(s -> s.mounts().stream())
                .filter(m -> m.kind() == MountInfo.Kind.BIND).map(m -> Path.of(m.source())).distinct()
                .flatMap(StackGuesser::sqliteFiles).sorted().distinct()
                .forEach(p -> found.add(SqliteSpec.onHost(p.toString())));
        found.addAll(inVolumes);
        return found.stream().sorted(Comparator.comparing((SqliteSpec db) -> !db.fileName().equals("metadata.db")))
                .toList();
    }

    private static Stream<Path> sqliteFiles(Path source) {
        if (Files.isRegularFile(source)) {
            return isSqlite(source) ? Stream.of(source) : Stream.empty();
        }
        if (!Files.isDirectory(source)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.find(source, 3, (p, attributes) -> attributes.isRegularFile()
                && p.getFileName().toString().matches(".*\\.(db|sqlite3?)"))) {
            return files.filter(StackGuesser::isSqlite).toList().stream();
        } catch (IOException | UncheckedIOException unreadable) {
            return Stream.empty();
        }
    }

    private static boolean isSqlite(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static Optional<String> first(Map<String, String> env, List<String> keys) {
        return keys.stream().filter(k -> env.containsKey(k) && !env.get(k).isBlank()).findFirst();
    }
}
