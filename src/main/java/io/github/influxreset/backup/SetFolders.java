package io.github.influxreset.backup;

import io.github.influxreset.domain.ResetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folders of the backup folder that hold a manifest: a usable set is a real folder (never a
 * link) named as a set id whose manifest reads; every other one is named with why it is not. Reads only.
 */
final class SetFolders {
    private static final Pattern SET_ID = Pattern.compile("\\d{8}_\\d{6}(_\\d+)?");
    private final Path root;

    SetFolders(Path root) {
        this.root = root;
    }

    /** The complete, usable sets, newest first. */
    List<String> complete() {
        return scan().entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
                .sorted(SetIds.NEWEST_FIRST).toList();
    }

    /** Each folder that holds a manifest but is not a usable set, with why. */
    Map<String, String> unusable() {
        Map<String, String> bad = new TreeMap<>();
        scan().forEach((name, problem) -> problem.ifPresent(p -> bad.put(name, p)));
        return bad;
    }

    /** Every folder of the backup folder that holds a manifest, with why it is not a usable set, if so. */
    private Map<String, Optional<String>> scan() {
        Map<String, Optional<String>> found = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (Files.isSymbolicLink(entry)) {
                    if (Files.exists(entry.resolve(Manifest.FILE_NAME))) {
                        found.put(name, Optional.of("it is a link, not a folder; a set is never followed through a link"));
                    }
                } else if (Files.isRegularFile(entry.resolve(Manifest.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
                    found.put(name, problemOf(entry, name));
                }
            }
        } catch (IOException e) {
            throw ResetException.problem("The backup folder " + root + " cannot be read: " + e.getMessage() + ".", "", e);
        }
        return found;
    }

    private static Optional<String> problemOf(Path set, String name) {
        if (!SET_ID.matcher(name).matches()) {
            return Optional.of("the name is not a backup set id (YYYYMMDD_HHMMSS)");
        }
        try {
            new BackupVerifier(set).readManifest();
            return Optional.empty();
        } catch (ResetException unreadable) {
            return Optional.of(unreadable.getMessage());
        }
    }
}
