package io.github.influxreset.app;

import io.github.influxreset.config.DraftWriter;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.config.StackGuesser;
import io.github.influxreset.docker.DockerJavaAdapter;
import io.github.influxreset.domain.BucketSpec;
import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.domain.ComposeService;
import io.github.influxreset.domain.DockerContext;
import io.github.influxreset.domain.DockerEngine;
import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.MeasurementSchema;
import io.github.influxreset.domain.MountInfo;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ProfileDraft;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.SqliteSpec;
import io.github.influxreset.engine.checks.LiveSchema;
import io.github.influxreset.engine.log.LogBus;
import io.github.influxreset.engine.port.DockerPort;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.session.SchemaProposal;
import io.github.influxreset.engine.session.StackFinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The first run on this machine: the Docker engine the docker CLI would choose (DOCKER_HOST, the
 * current docker context, or the local socket),
 * guesses from the projects' files, and profiles saved under the app's folder by default.
 */
public final class MachineStackFinder implements StackFinder {
    private final Supplier<DockerEngine> engine;
    private final Supplier<List<DockerContext>> knownEngines;
    private final Supplier<List<ComposeProject>> projects;
    private final Function<ComposeProject, List<SqliteSpec>> volumeDatabases;
    private final Function<InfluxSpec, InfluxPort> influxFor;
    private final AppHome home;
    private final ProfileLoader loader;
    private final StackGuesser guesser;
    private final LogBus log;

    /**
     * @param engine          the Docker engine the projects are on: what a saved profile names as its engine
     *                        (a {@code ResetException} when the docker settings name one that cannot be used)
     * @param knownEngines    the engines the docker CLI knows by name, to list beside the one used
     * @param projects        lists the engine's compose projects (see {@link #onEngine})
     * @param volumeDatabases the SQLite databases in a project's named volumes (see {@link #volumesOn})
     * @param influxFor       a connection to an InfluxDB, to read its live schema (closed after, when closeable)
     * @param log             where what was found and saved is told (never a secret: the guesses name variables)
     */
    public MachineStackFinder(Supplier<DockerEngine> engine, Supplier<List<DockerContext>> knownEngines,
                              Supplier<List<ComposeProject>> projects,
                              Function<ComposeProject, List<SqliteSpec>> volumeDatabases,
                              Function<InfluxSpec, InfluxPort> influxFor, AppHome home,
                              ProfileLoader loader, Path userHome, LogBus log) {
        this.engine = engine;
        this.knownEngines = knownEngines;
        this.log = log;
        this.influxFor = influxFor;
        this.projects = projects;
        this.volumeDatabases = volumeDatabases;
        this.home = home;
        this.loader = loader;
        this.guesser = new StackGuesser(userHome);
    }

    /** Lists the projects of the engine, with a connection of its own each time. */
    public static Supplier<List<ComposeProject>> onEngine(Supplier<DockerEngine> engine) {
        return () -> {
            try (DockerJavaAdapter docker = new DockerJavaAdapter(engine.get())) {
                return docker.composeProjects();
            } catch (IOException closing) {
                throw new UncheckedIOException(closing);
            }
        };
    }

    /**
     * Looks through the engine for SQLite databases in the named volumes of a project's services
     * (InfluxDB's own left out), with a connection of its own each time.
     */
    public static Function<ComposeProject, List<SqliteSpec>> volumesOn(Supplier<DockerEngine> engine) {
        return project -> {
            try (DockerJavaAdapter docker = new DockerJavaAdapter(engine.get())) {
                return volumeDatabases(docker, project);
            } catch (IOException closing) {
                throw new UncheckedIOException(closing);
            }
        };
    }

    /** The SQLite databases in the named volumes of the project's services, those of InfluxDB servers left out. */
    public static List<SqliteSpec> volumeDatabases(DockerPort docker, ComposeProject project) {
        String influx = project.influxService().map(ComposeService::name).orElse("");
        List<SqliteSpec> found = new ArrayList<>();
        for (ComposeService service : project.services()) {
            if (service.name().equals(influx) || service.isInfluxServer()) {
                continue;
            }
            service.mounts().stream().filter(MountInfo::isVolume)
                    .flatMap(m -> docker.sqliteFiles(service.containerName(), m.destination()).stream())
                    .forEach(path -> found.add(SqliteSpec.inService(service.name(), path)));
        }
        return found;
    }

    @Override
    public DockerEngine engine() {
        return engine.get();
    }

    @Override
    public List<DockerContext> knownEngines() {
        return knownEngines.get();
    }

    @Override
    public List<ComposeProject> projects() {
        List<ComposeProject> found = projects.get();
        log.info(null, "First run: " + found.size() + " compose project(s) on the Docker engine " + engine.get().describe()
                + (found.isEmpty() ? "" : ": " + String.join(", ", found.stream().map(ComposeProject::name).toList())));
        return found;
    }

    @Override
    public ProfileDraft guess(ComposeProject project) {
        ProfileDraft guessed = guesser.guess(project, volumeDatabases.apply(project));
        ProfileDraft draft = engine.get().remoteMachine().map(guessed::onMachine).orElse(guessed);
        draft.notes().forEach(note -> log.info(null, "First run, " + project.name() + ": " + note));
        return draft;
    }

    @Override
    public SchemaProposal learnSchema(ProfileDraft draft) {
        return withInflux(draft, (brief, influx) -> {
            try {
                List<MeasurementSchema> learned = LiveSchema.learn(brief.buckets(), influx);
                if (learned.isEmpty()) {
                    return logged(draft, SchemaProposal.unread("The buckets " + String.join(", ", brief.buckets().stream()
                            .map(BucketSpec::name).toList()) + " hold no data yet: the brief's HomeIQ schema is proposed."));
                }
                List<String> lines = new ArrayList<>();
                LiveSchema.compare(learned, brief.schema()).forEach(c -> lines.addAll(c.lines("brief    ")));
                return logged(draft, new SchemaProposal(learned, lines, "Read " + learned.size()
                        + " measurement(s) from the live data; their schema is proposed instead of the brief's."));
            } catch (ResetException unreadable) {
                return logged(draft, SchemaProposal.unread("The live schema could not be read (" + unreadable.getMessage()
                        + "): the brief's HomeIQ schema is proposed."));
            }
        });
    }

    @Override
    public Optional<String> probe(ProfileDraft draft) {
        return withInflux(draft, (brief, influx) -> {
            try {
                String version = influx.health();
                log.info(null, "First run, " + draft.composeProject() + ": InfluxDB " + version + " answers at " + draft.url() + ".");
                return Optional.<String>empty();
            } catch (ResetException silent) {
                return Optional.of("InfluxDB does not answer at " + draft.url() + " (" + silent.getMessage() + ").");
            }
        });
    }

    /** Reads the draft as the loader will (the brief's schema) and lends a connection to its InfluxDB, closed after. */
    private <T> T withInflux(ProfileDraft draft, BiFunction<Profile, InfluxPort, T> use) {
        Profile brief = loader.loadText(DraftWriter.toYaml(draft.withSchema(List.of()), engine.get()),
                suggestedFile(draft.composeProject()));
        InfluxPort influx = influxFor.apply(brief.influx());
        try {
            return use.apply(brief, influx);
        } finally {
            if (influx instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        }
    }

    private SchemaProposal logged(ProfileDraft draft, SchemaProposal proposal) {
        log.info(null, "First run, " + draft.composeProject() + ": " + proposal.summary());
        return proposal;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // only read from; nothing to lose
        }
    }

    @Override
    public Path suggestedFile(String composeProject) {
        return home.profiles().resolve(composeProject + ".yaml");
    }

    @Override
    public void save(ProfileDraft draft, Path file) {
        DraftWriter.save(draft, engine.get(), file, loader);
        log.info(null, "First run: profile of " + draft.composeProject() + " saved to " + file);
    }
}
