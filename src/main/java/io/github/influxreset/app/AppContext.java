package io.github.influxreset.app;

import io.github.influxreset.backup.FileBackupStore;
import io.github.influxreset.cli.CliContext;
import io.github.influxreset.cli.VersionProvider;
import io.github.influxreset.config.EngineChooser;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.docker.DockerJavaAdapter;
import io.github.influxreset.docker.KnownHostsFile;
import io.github.influxreset.domain.DockerEngine;
import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.engine.actions.EveryAction;
import io.github.influxreset.engine.log.LogBus;
import io.github.influxreset.engine.log.SecretMasker;
import io.github.influxreset.engine.port.DockerPort;
import io.github.influxreset.engine.port.InfluxPort;
import io.github.influxreset.engine.port.MetadataStore;
import io.github.influxreset.engine.port.Ports;
import io.github.influxreset.engine.report.RunReport;
import io.github.influxreset.engine.report.RunReportHtml;
import io.github.influxreset.engine.report.RunSummaries;
import io.github.influxreset.engine.report.RunSummary;
import io.github.influxreset.engine.run.ActionCatalog;
import io.github.influxreset.engine.run.FaultInjector;
import io.github.influxreset.engine.run.Journal;
import io.github.influxreset.engine.run.RunContext;
import io.github.influxreset.engine.run.Runner;
import io.github.influxreset.engine.session.ProfileFiles;
import io.github.influxreset.engine.session.ResetSession;
import io.github.influxreset.engine.session.StackFinder;
import io.github.influxreset.influx.v1.InfluxV1Adapter;
import io.github.influxreset.influx.v2.InfluxV2Adapter;
import io.github.influxreset.store.FileRunLock;
import io.github.influxreset.store.SqliteJournal;
import io.github.influxreset.store.SqliteMetadataStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the real adapters to the ports, lazily and once per profile, for the command line and the
 * wizard alike. Every log event is also written to the log file.
 */
public final class AppContext implements CliContext {
    /** The log file's logger, set up on first use (logback takes a few hundred ms to start). */
    private static final class RunLog {
        static final Logger LOGGER = LoggerFactory.getLogger("run");
    }

    private final AppHome home;
    private final ProfileLoader loader;
    private final Clock clock = Clock.systemUTC();
    private final LogBus log = new LogBus(SecretMasker.NONE);
    private final ActionCatalog catalog = EveryAction.catalog();
    private final Map<Profile, Ports> ports = new HashMap<>();

    public AppContext(AppHome home, ProfileLoader loader) {
        this.home = home;
        this.loader = loader;
        log.subscribe(event -> RunLog.LOGGER.info(event.format()));
    }

    /** Sets the log file up in the background, so the first event does not wait for it (the wizard). */
    public void warmUpLogFile() {
        Thread warmUp = new Thread(() -> RunLog.LOGGER.isInfoEnabled(), "log-file-setup");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    @Override
    public Profile profile(Path profileFile) {
        Profile profile = profileFile == null ? loader.loadEmbedded() : loader.load(profileFile);
        log.useMasker(new SecretMasker(profile.secrets()));
        return profile;
    }

    /** The profile's adapters, made once per profile and connected on first use. */
    public synchronized Ports ports(Profile profile) {
        return ports.computeIfAbsent(profile, this::createPorts);
    }

    public Runner runner(Profile profile) {
        Journal journal = journal(profile);
        return new Runner(journal, catalog, FaultInjector.fromEnvironment(), run -> writeReport(journal, run), clock,
                new FileRunLock(home.locks(), clock));
    }

    /**
     * Writes the run's report to {@code reports/RUN.md} of the app's folder, and beside it the same
     * as self-contained HTML ({@code RUN.html}), both masked once more.
     */
    private void writeReport(Journal journal, RunContext run) {
        try {
            RunSummary summary = RunSummaries.of(run, journal);
            Path file = home.reports().resolve(run.runId() + ".md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, run.log().masker().mask(RunReport.markdown(summary)));
            Files.writeString(home.reports().resolve(run.runId() + ".html"),
                    run.log().masker().mask(RunReportHtml.html(summary)));
            log.info(null, "Run report: " + file + " (and " + run.runId() + ".html beside it)");
        } catch (IOException e) {
            log.warn(null, "The run report could not be written: " + e.getMessage());
        }
    }

    public Journal journal(Profile profile) {
        return new SqliteJournal(home.journal(), new SecretMasker(profile.secrets()), clock);
    }

    /** The app's folder (INFLUX_RESET_HOME): journal, locks, logs, reports, profiles. */
    public AppHome home() {
        return home;
    }

    @Override
    public LogBus log() {
        return log;
    }

    @Override
    public void openWizard(Path profileFile) {
        DesktopApp.launch(this, profileFile);
    }

    /** What the first run (the wizard's, and 'profile discover') uses to find the stack on this machine's engine. */
    @Override
    public StackFinder stackFinder() {
        EngineChooser chooser = loader.engineChooser();
        Supplier<DockerEngine> engine = () -> chooser.choose(Optional.empty(), Optional.empty());
        return new MachineStackFinder(engine, chooser::contexts, MachineStackFinder.onEngine(engine),
                MachineStackFinder.volumesOn(engine),
                AppContext::influxAdapter, home, loader,
                Path.of(System.getProperty("user.home")), log);
    }

    /** The wizard's way to open a profile as a session. */
    public ResetSession session(Path profileFile) {
        return session(profile(profileFile));
    }

    @Override
    public ResetSession session(Profile profile) {
        return new ResetSession(profile, ports(profile), runner(profile), log, clock, new KnownHostsFile());
    }

    @Override
    public ProfileFiles profileFiles() {
        return new ProfileFilesOnDisk();
    }

    private static InfluxPort influxAdapter(InfluxSpec spec) {
        return spec.isV1() ? new InfluxV1Adapter(spec) : new InfluxV2Adapter(spec);
    }

    private Ports createPorts(Profile profile) {
        DockerPort docker = Lazy.of(DockerPort.class, () -> new DockerJavaAdapter(profile.engine()));
        InfluxPort influx = Lazy.of(InfluxPort.class, () -> influxAdapter(profile.influx()));
        MetadataStore metadata = new SqliteMetadataStore(docker, profile.stack().composeProject());
        Ports withoutBackups = new Ports(docker, influx, null, metadata);
        InfluxPort target = profile.moveTo().<InfluxPort>map(spec -> Lazy.of(InfluxPort.class, () -> influxAdapter(spec)))
                .orElse(influx);
        return new Ports(docker, influx, new FileBackupStore(profile, withoutBackups, clock, VersionProvider.version()),
                metadata, target);
    }

}
