package io.github.influxreset.app;

import io.github.influxreset.config.ProfileLoader;
import io.github.influxreset.config.ProfileWriter;
import io.github.influxreset.config.SchemaRewriter;
import io.github.influxreset.domain.MeasurementSchema;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.session.ProfileFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/** Profiles as files on this machine's disk, through the profile reader and writer of {@code config}. */
public final class ProfileFilesOnDisk implements ProfileFiles {
    @Override
    public void writeHomeIq(Path file) {
        writeNew(file, ProfileLoader.embeddedText());
    }

    @Override
    public void writeWithSchema(Profile profile, List<MeasurementSchema> schema, Path file) {
        String text;
        try {
            text = profile.source().isPresent() ? Files.readString(profile.source().get()) : ProfileLoader.embeddedText();
        } catch (IOException e) {
            throw ResetException.badInput("The profile " + profile.source().get() + " cannot be read again: "
                    + e.getMessage() + "; nothing was written.", "Check that the file is still there and readable.");
        }
        writeNew(file, SchemaRewriter.withSchema(text, schema));
    }

    @Override
    public String yaml(Profile profile) {
        return ProfileWriter.toYaml(profile);
    }

    @Override
    public Map<String, Object> tree(Profile profile) {
        return ProfileWriter.toTree(profile);
    }

    private static void writeNew(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw ResetException.badInput(file + " already exists and was left as it is.",
                    "Choose another file name, or delete it first.");
        } catch (IOException e) {
            throw ResetException.badInput(file + " cannot be written: " + e.getMessage() + ".",
                    "Choose a folder you can write to.");
        }
    }
}
