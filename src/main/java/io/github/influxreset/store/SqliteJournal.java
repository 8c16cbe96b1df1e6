package io.github.influxreset.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.log.SecretMasker;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.ActionStatus;
import io.github.influxreset.engine.run.Journal;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.PlannedAction;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.engine.run.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal in a SQLite file. Every method opens its own connection and commits before it
 * returns, so any thread may call it and a killed process loses nothing that was acknowledged.
 * Text is masked with the profile's secrets before it is stored.
 */
public final class SqliteJournal implements Journal {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() { };

    private final String url;
    private final SecretMasker masker;
    private final Clock clock;

    public SqliteJournal(Path file, SecretMasker masker, Clock clock) {
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        this.masker = masker;
        this.clock = clock;
        createDirectory(file);
        createTables();
    }

    @Override
    public String startRun(Plan plan) {
        inTransaction(c -> {
            try (PreparedStatement run = c.prepareStatement("INSERT INTO runs(id, profile, mode, status, started) VALUES (?,?,?,?,?)")) {
                run.setString(1, plan.id());
                run.setString(2, masker.mask(plan.profileName()));
                run.setString(3, plan.mode().name());
                run.setString(4, RunStatus.RUNNING.name());
                run.setString(5, now());
                run.executeUpdate();
            }
            try (PreparedStatement action = c.prepareStatement("INSERT INTO actions(run_id, idx, step, kind, description, "
                    + "destructive, params, status) VALUES (?,?,?,?,?,?,?,?)")) {
                for (PlannedAction planned : plan.actions()) {
                    action.setString(1, plan.id());
                    action.setInt(2, planned.index());
                    action.setString(3, planned.step().name());
                    action.setString(4, planned.action().kind());
                    action.setString(5, masker.mask(planned.describe()));
                    action.setInt(6, planned.action().destructive() ? 1 : 0);
                    action.setString(7, masker.mask(toJson(planned.action().params())));
                    action.setString(8, ActionStatus.PLANNED.name());
                    action.addBatch();
                }
                action.executeBatch();
            }
        });
        return plan.id();
    }

    @Override
    public void markAction(String runId, int index, ActionStatus status, String error) {
        // an undo keeps the time its action ended (what the report and the timeline show) and adds its own
        String timeColumn = status == ActionStatus.STARTED ? "started"
                : status == ActionStatus.UNDONE || status == ActionStatus.UNDO_FAILED ? "undone" : "ended";
        update("UPDATE actions SET status = ?, " + timeColumn + " = ?, error = ? WHERE run_id = ? AND idx = ?",
                status.name(), now(), masker.mask(error), runId, index);
    }

    @Override
    public void recordFacts(String runId, int index, Map<String, String> facts) {
        update("UPDATE actions SET facts = ? WHERE run_id = ? AND idx = ?", masker.mask(toJson(facts)), runId, index);
    }

    @Override
    public void recordBackup(String runId, String backupId, boolean verified) {
        update("UPDATE runs SET backup_id = ?, backup_verified = ? WHERE id = ?", backupId, verified ? 1 : 0, runId);
    }

    @Override
    public void finishRun(String runId, RunStatus status, String message) {
        update("UPDATE runs SET status = ?, ended = ?, message = ? WHERE id = ?", status.name(), now(),
                masker.mask(message), runId);
    }

    @Override
    public Optional<RunRecord> run(String runId) {
        return queryRuns("SELECT * FROM runs WHERE id = ?", runId).stream().findFirst();
    }

    @Override
    public List<RunRecord> runs() {
        return queryRuns("SELECT * FROM runs ORDER BY started DESC, id DESC");
    }

    @Override
    public List<ActionRecord> actions(String runId) {
        List<ActionRecord> actions = new ArrayList<>();
        query("SELECT * FROM actions WHERE run_id = ? ORDER BY idx", rs -> actions.add(new ActionRecord(
                rs.getString("run_id"), rs.getInt("idx"), Step.valueOf(rs.getString("step")), rs.getString("kind"),
                rs.getString("description"), rs.getInt("destructive") == 1, fromJson(rs.getString("params")),
                ActionStatus.valueOf(rs.getString("status")), instant(rs.getString("started")),
                instant(rs.getString("ended")), instant(rs.getString("undone")), rs.getString("error"),
                rs.getString("facts") == null ? Map.of() : fromJson(rs.getString("facts")))), runId);
        return actions;
    }

    private List<RunRecord> queryRuns(String sql, Object... args) {
        List<RunRecord> runs = new ArrayList<>();
        query(sql, rs -> runs.add(new RunRecord(rs.getString("id"), rs.getString("profile"),
                ResetMode.valueOf(rs.getString("mode")), RunStatus.valueOf(rs.getString("status")),
                instant(rs.getString("started")), instant(rs.getString("ended")), rs.getString("backup_id"),
                rs.getInt("backup_verified") == 1, rs.getString("message"))), args);
        return runs;
    }

    private void createTables() {
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS runs (id TEXT PRIMARY KEY, profile TEXT NOT NULL, "
                        + "mode TEXT NOT NULL, status TEXT NOT NULL, started TEXT NOT NULL, ended TEXT, "
                        + "backup_id TEXT, backup_verified INTEGER NOT NULL DEFAULT 0, message TEXT)");
                s.executeUpdate("CREATE TABLE IF NOT EXISTS actions (run_id TEXT NOT NULL REFERENCES runs(id), "
                        + "idx INTEGER NOT NULL, step TEXT NOT NULL, kind TEXT NOT NULL, description TEXT NOT NULL, "
                        + "destructive INTEGER NOT NULL, params TEXT NOT NULL, status TEXT NOT NULL, "
                        + "started TEXT, ended TEXT, error TEXT, facts TEXT, undone TEXT, PRIMARY KEY (run_id, idx))");
                addColumnIfMissing(s, "actions", "facts", "TEXT");
                addColumnIfMissing(s, "actions", "undone", "TEXT");
            }
        });
    }

    /** Journals written by an earlier version lack the newer columns. */
    private static void addColumnIfMissing(Statement s, String table, String column, String type) throws SQLException {
        boolean present = false;
        try (ResultSet columns = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (columns.next()) {
                present |= column.equals(columns.getString("name"));
            }
        }
        if (!present) {
            s.executeUpdate("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
        }
    }

    private void update(String sql, Object... args) {
        inTransaction(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                bind(statement, args);
                statement.executeUpdate();
            }
        });
    }

    private void query(String sql, RowReader reader, Object... args) {
        try (Connection c = connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void inTransaction(SqlWork work) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute("PRAGMA foreign_keys = ON");
        }
        return connection;
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }

    private ResetException failure(SQLException e) {
        return new ResetException(ResetException.Reason.NEEDS_ATTENTION, "The run journal " + url.substring(12)
                + " cannot be used: " + e.getMessage() + ".", "Check that the file is writable and not corrupt; "
                + "set INFLUX_RESET_HOME to use another folder.", e);
    }

    private static void createDirectory(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new ResetException(ResetException.Reason.BAD_INPUT, "The journal folder for " + file
                    + " cannot be created: " + e.getMessage() + ".", "Set INFLUX_RESET_HOME to a writable folder.", e);
        }
    }

    private String now() {
        return clock.instant().toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String toJson(Map<String, String> params) {
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> fromJson(String json) {
        try {
            return JSON.readValue(json, PARAMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("journal params are not JSON: " + json, e);
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }
}
