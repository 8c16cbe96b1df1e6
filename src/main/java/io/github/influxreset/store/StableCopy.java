package io.github.influxreset.store;

import io.github.influxreset.domain.ContainerInfo;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.SqliteSpec;
import io.github.influxreset.engine.port.DockerPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * A private copy of a SQLite database that lives inside a service's container, with its
 * {@code -wal} and {@code -journal} files, in a folder of its own that {@link #close()} deletes.
 * <p>
 * The engine's archive API cannot take SQLite's locks, so a copy taken while the service writes
 * may be torn. The files are therefore copied twice in a row: when both rounds are the same bytes,
 * nothing changed while the second was read. When they differ, the service is written to right
 * now, and a third round is taken with its container paused ({@code docker pause}, for the
 * fraction of a second the copy takes): frozen, no process can write, and the files are what a
 * power cut at that moment would have left, which SQLite recovers on open (committed transactions
 * kept, the one in flight rolled back). A container found paused (a copy killed mid-pause left
 * it so) is copied as it is, frozen, and unpaused.
 */
final class StableCopy implements AutoCloseable {
    private static final List<String> COMPANIONS = List.of("", "-wal", "-journal");

    private final Path folder;
    private final Path database;

    private StableCopy(Path folder, Path database) {
        this.folder = folder;
        this.database = database;
    }

    static StableCopy of(DockerPort docker, String composeProject, SqliteSpec spec) {
        ContainerInfo container = container(docker, composeProject, spec);
        try {
            Path folder = Files.createTempDirectory("influx-reset-sqlite-");
            try {
                return new StableCopy(folder, copyUntilStable(docker, container, spec, folder));
            } catch (RuntimeException | IOException e) {
                deleteTree(folder);
                throw e;
            }
        } catch (IOException e) {
            throw ResetException.problem("The SQLite database " + spec.describe() + " could not be copied out of its "
                    + "container: " + e.getMessage() + ".", "Check the free space of the temporary folder.", e);
        }
    }

    /** The copy of the database file; its journal files lie beside it. */
    Path database() {
        return database;
    }

    private static ContainerInfo container(DockerPort docker, String composeProject, SqliteSpec spec) {
        return docker.discover(composeProject).service(spec.service())
                .orElseThrow(() -> ResetException.problem("Service " + spec.service() + " of compose project "
                                + composeProject + " has no container, so its SQLite database " + spec.containerPath()
                                + " cannot be read.",
                        "Start the stack once (docker compose up -d), or fix sqlite.service in the profile.", null));
    }

    private static Path copyUntilStable(DockerPort docker, ContainerInfo container, SqliteSpec spec, Path folder)
            throws IOException {
        boolean leftPaused = "paused".equals(container.state());
        try {
            Path first = copyRound(docker, container.id(), spec, folder.resolve("round-1"));
            Path second = copyRound(docker, container.id(), spec, folder.resolve("round-2"));
            if (leftPaused || sameFiles(first, second, spec.fileName())) {
                return first.resolve(spec.fileName());
            }
            return pausedRound(docker, container, spec, folder);
        } finally {
            if (leftPaused) {
                docker.unpause(container.id());
            }
        }
    }

    private static Path pausedRound(DockerPort docker, ContainerInfo container, SqliteSpec spec, Path folder)
            throws IOException {
        docker.pause(container.id());
        try {
            return copyRound(docker, container.id(), spec, folder.resolve("round-paused")).resolve(spec.fileName());
        } finally {
            docker.unpause(container.id());
        }
    }

    private static Path copyRound(DockerPort docker, String container, SqliteSpec spec, Path round) throws IOException {
        Files.createDirectory(round);
        Path main = round.resolve(spec.fileName());
        if (!docker.copyFileOut(container, spec.containerPath(), main)) {
            throw ResetException.problem("The SQLite database " + spec.describe() + " does not exist in "
                    + spec.service() + "'s container.", "Fix sqlite.path in the profile.", null);
        }
        for (String companion : COMPANIONS.subList(1, COMPANIONS.size())) {
            docker.copyFileOut(container, spec.containerPath() + companion, round.resolve(spec.fileName() + companion));
        }
        return round;
    }

    private static boolean sameFiles(Path a, Path b, String name) throws IOException {
        for (String companion : COMPANIONS) {
            Path x = a.resolve(name + companion);
            Path y = b.resolve(name + companion);
            if (Files.exists(x) != Files.exists(y) || Files.exists(x) && Files.mismatch(x, y) != -1) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        deleteTree(folder);
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary copy left behind lies in the system's temporary folder, which is cleaned
        }
    }
}
