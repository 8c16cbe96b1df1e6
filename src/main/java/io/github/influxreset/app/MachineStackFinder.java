package io.github.influxreset.app;

import io.github.influxreset.config.DraftWriter;
import io.github.influxreset.config.ProfileDraft;
import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.config.StackGuesser;
import io.github.influxreset.docker.DockerJavaAdapter;
import io.github.influxreset.domain.ComposeProject;
import io.github.influxreset.firstrun.StackFinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The first run on this machine: the Docker engine of {@code DOCKER_HOST} (or the local socket),
 * guesses from the projects' files, and profiles saved under the app's folder by default.
 */
public final class MachineStackFinder implements StackFinder {
    private final Supplier<List<ComposeProject>> projects;
    private final AppHome home;
    private final ProfileLoader loader;
    private final StackGuesser guesser;

    /** @param projects lists the engine's compose projects (see {@link #onEngine}) */
    public MachineStackFinder(Supplier<List<ComposeProject>> projects, AppHome home, ProfileLoader loader,
                              Path userHome) {
        this.projects = projects;
        this.home = home;
        this.loader = loader;
        this.guesser = new StackGuesser(userHome);
    }

    /** Lists the projects of the engine at {@code dockerHost}, with a connection of its own each time. */
    public static Supplier<List<ComposeProject>> onEngine(String dockerHost) {
        return () -> {
            try (DockerJavaAdapter docker = new DockerJavaAdapter(dockerHost)) {
                return docker.composeProjects();
            } catch (IOException closing) {
                throw new UncheckedIOException(closing);
            }
        };
    }

    /** The engine of {@code DOCKER_HOST}, or the local socket. */
    public static String dockerHost(java.util.Map<String, String> environment) {
        String host = environment.get("DOCKER_HOST");
        return host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host;
    }

    @Override
    public List<ComposeProject> projects() {
        return projects.get();
    }

    @Override
    public ProfileDraft guess(ComposeProject project) {
        return guesser.guess(project);
    }

    @Override
    public Path suggestedFile(String composeProject) {
        return home.profiles().resolve(composeProject + ".yaml");
    }

    @Override
    public void save(ProfileDraft draft, Path file) {
        DraftWriter.save(draft, file, loader);
    }
}
