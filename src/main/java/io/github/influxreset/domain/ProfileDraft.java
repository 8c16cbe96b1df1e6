package io.github.influxreset.domain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A profile as the first run guessed it and the user edits it, before it is written. The buckets
 * and schema are the HomeIQ ones of the embedded profile.
 *
 * @param username         InfluxDB 1.x user, or the 2.x setup user a full reset creates
 * @param tokenVariable    the {@code .env} variable the token was read from; the profile then
 *                         refers to it instead of holding the token
 * @param passwordVariable likewise for the password
 * @param services         the compose services to stop and restart, in start order
 * @param sqlite           the SQLite databases found, the main metadata database first
 * @param schema           the schema learned from the live data; empty keeps the HomeIQ schema of the brief
 * @param notes            where each guess came from, for the user to check
 */
public record ProfileDraft(String composeProject, Optional<Path> envFile, List<Path> configFiles, int influxVersion,
                           String influxService, String url, String org, Secret token, Optional<String> tokenVariable,
                           String username, Secret password, Optional<String> passwordVariable, List<String> services,
                           List<SqliteSpec> sqlite, Path backupsDir, List<String> notes,
                           List<MeasurementSchema> schema) {
    public ProfileDraft {
        configFiles = List.copyOf(configFiles);
        services = List.copyOf(services);
        sqlite = List.copyOf(sqlite);
        notes = List.copyOf(notes);
        schema = List.copyOf(schema);
    }

    /** The draft with what the user typed into the form. */
    public ProfileDraft edited(int version, String newUrl, String newOrg, Secret newToken, String newUsername,
                               Secret newPassword, List<SqliteSpec> newSqlite, Path newBackupsDir) {
        return new ProfileDraft(composeProject, envFile, configFiles, version, influxService, newUrl.strip(),
                newOrg.strip(), newToken, newToken.equals(token) ? tokenVariable : Optional.empty(),
                newUsername.strip(), newPassword, newPassword.equals(password) ? passwordVariable : Optional.empty(),
                services, newSqlite, newBackupsDir, notes, schema);
    }

    /**
     * The draft on a stack of another machine: a guessed URL on this machine's loopback address
     * names that machine instead, and a note says so.
     */
    public ProfileDraft onMachine(String machine) {
        String moved = url.replaceFirst("^(https?://)(127\\.0\\.0\\.1|localhost)(?=[:/]|$)", "$1" + machine);
        if (moved.equals(url)) {
            return this;
        }
        List<String> more = new ArrayList<>(notes);
        more.add("The Docker engine runs on " + machine + ", so InfluxDB is proposed there: " + moved + ".");
        return new ProfileDraft(composeProject, envFile, configFiles, influxVersion, influxService, moved, org, token,
                tokenVariable, username, password, passwordVariable, services, sqlite, backupsDir, more, schema);
    }

    /** The draft with these services to stop and restart around the reset, in start order. */
    public ProfileDraft withServices(List<String> chosen) {
        return new ProfileDraft(composeProject, envFile, configFiles, influxVersion, influxService, url, org, token,
                tokenVariable, username, password, passwordVariable, chosen, sqlite, backupsDir, notes, schema);
    }

    /** The draft with this schema instead of the brief's (empty: the brief's). */
    public ProfileDraft withSchema(List<MeasurementSchema> learned) {
        return new ProfileDraft(composeProject, envFile, configFiles, influxVersion, influxService, url, org, token,
                tokenVariable, username, password, passwordVariable, services, sqlite, backupsDir, notes, learned);
    }
}
