package io.github.influxreset.firstrun;

import io.github.influxreset.domain.ProfileDraft;
import io.github.influxreset.domain.Secret;
import io.github.influxreset.domain.SqliteSpec;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The fields of a guessed profile a user may edit before saving it: InfluxDB's version, URL and
 * credentials, the services to stop and restart, the SQLite databases and the backup folder. Filled from a draft; read back into one,
 * a field that cannot be used named in a sentence instead. UI thread only.
 */
public final class DraftFields {
    private final ObjectProperty<Integer> version = new SimpleObjectProperty<>(2);
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty org = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty sqlitePath = new SimpleStringProperty("");
    private final StringProperty services = new SimpleStringProperty("");
    /** The compose project's services a user may list (all but InfluxDB's); empty: any name. */
    private List<String> projectServices = List.of();
    private final StringProperty backupsDir = new SimpleStringProperty("");

    /** Fills the fields from a guess; {@code projectServices} are the names the services field accepts. */
    public void fill(ProfileDraft guessed, List<String> projectServices) {
        this.projectServices = List.copyOf(projectServices);
        services.set(String.join(", ", guessed.services()));
        fill(guessed);
    }

    public void fill(ProfileDraft guessed) {
        version.set(guessed.influxVersion());
        url.set(guessed.url());
        org.set(guessed.org());
        token.set(guessed.token().revealAsString());
        username.set(guessed.username());
        password.set(guessed.password().revealAsString());
        sqlitePath.set(String.join(", ", guessed.sqlite().stream().map(SqliteSpec::describe).toList()));
        backupsDir.set(guessed.backupsDir().toString());
    }

    /** The draft with what the fields say; empty when a field cannot be used, which {@code error} is told. */
    public Optional<ProfileDraft> applyTo(ProfileDraft draft, Consumer<String> error) {
        Optional<Path> backups = path(backupsDir.get(), "Backups folder", error);
        Optional<List<SqliteSpec>> sqlite = databases(sqlitePath.get(), error);
        Optional<List<String>> chosen = services(error);
        if (backups.isEmpty() || sqlite.isEmpty() || chosen.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(draft.edited(version.get(), url.get(), org.get(), Secret.of(token.get()),
                username.get(), Secret.of(password.get()), sqlite.get(), backups.get()).withServices(chosen.get()));
    }

    /** The services field: names separated by commas, in start order, each a service of the project; blank for none. */
    private Optional<List<String>> services(Consumer<String> error) {
        List<String> names = Arrays.stream(services.get().split(",")).map(String::strip)
                .filter(name -> !name.isEmpty()).distinct().toList();
        Optional<String> unknown = names.stream().filter(n -> !projectServices.isEmpty() && !projectServices.contains(n))
                .findFirst();
        unknown.ifPresent(n -> error.accept("Service '" + n + "' is not one of the project's: type names from "
                + String.join(", ", projectServices) + ", separated by commas."));
        return unknown.isPresent() ? Optional.empty() : Optional.of(names);
    }

    /**
     * The SQLite field: databases separated by commas, each a host path or
     * {@code service:/path/in/its/container}; blank for none. An impossible path is named in the error.
     */
    private static Optional<List<SqliteSpec>> databases(String text, Consumer<String> error) {
        List<SqliteSpec> databases = new ArrayList<>();
        for (String item : text.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            SqliteSpec db = SqliteSpec.parse(item);
            if (!db.inContainer() && path(db.hostPath(), "SQLite database", error).isEmpty()) {
                return Optional.empty();
            }
            databases.add(db);
        }
        return Optional.of(databases);
    }

    /** The field's text as a path; a blank or impossible one is named to {@code error} instead. */
    static Optional<Path> path(String text, String field, Consumer<String> error) {
        try {
            if (!text.isBlank()) {
                return Optional.of(Path.of(text.strip()));
            }
            error.accept(field + " is empty: type a path.");
        } catch (InvalidPathException e) {
            error.accept(field + " '" + text.strip() + "' is not a path this system can use: " + e.getReason() + ".");
        }
        return Optional.empty();
    }

    public ObjectProperty<Integer> versionProperty() {
        return version;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty orgProperty() {
        return org;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty sqlitePathProperty() {
        return sqlitePath;
    }

    /** The services stopped and restarted around the reset, in start order, separated by commas. */
    public StringProperty servicesProperty() {
        return services;
    }

    public StringProperty backupsDirProperty() {
        return backupsDir;
    }
}
