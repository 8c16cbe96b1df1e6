package io.github.influxreset.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** The bytes of the files below a folder, when the folder can be read. */
final class FolderSize {
    private FolderSize() {
    }

    static OptionalLong of(Path folder) {
        if (!Files.isDirectory(folder) || !Files.isReadable(folder)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return OptionalLong.of(files.filter(Files::isRegularFile).mapToLong(FolderSize::size).sum());
        } catch (IOException | UncheckedIOException e) {
            return OptionalLong.empty();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
