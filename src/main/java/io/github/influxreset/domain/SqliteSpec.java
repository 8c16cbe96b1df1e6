package io.github.influxreset.domain;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one SQLite database of the stack lives: a path on this host, or a path inside a
 * service's container (its named volume or its own files). Exactly one of {@code hostPath} and
 * {@code containerPath} is set; {@code service} goes with {@code containerPath}.
 */
public record SqliteSpec(String hostPath, String service, String containerPath) {
    /** {@code service:/absolute/path}, the form {@link #describe()} writes for a database in a container. */
    private static final Pattern IN_CONTAINER = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_.-]*):(/.*)");

    public SqliteSpec {
        if ((hostPath == null) == (containerPath == null) || (containerPath != null && service == null)) {
            throw new IllegalArgumentException("a SQLite database is either a host path or a service and a path");
        }
    }

    public static SqliteSpec onHost(String path) {
        return new SqliteSpec(path, null, null);
    }

    public static SqliteSpec inService(String service, String path) {
        return new SqliteSpec(null, service, path);
    }

    /**
     * What {@link #describe()} wrote: {@code data-api:/app/data/metadata.db} is a file in a
     * service's container, anything else a host path.
     */
    public static SqliteSpec parse(String text) {
        Matcher m = IN_CONTAINER.matcher(text.strip());
        return m.matches() ? inService(m.group(1), m.group(2)) : onHost(text.strip());
    }

    public Optional<String> host() {
        return Optional.ofNullable(hostPath);
    }

    public boolean inContainer() {
        return containerPath != null;
    }

    /** The database file's own name ({@code metadata.db}). */
    public String fileName() {
        String path = hostPath != null ? hostPath : containerPath;
        return path.substring(path.replace('\\', '/').lastIndexOf('/') + 1);
    }

    /**
     * Where a backup set keeps the copy of the {@code index}-th of {@code databases}: the first (the
     * main metadata database) as {@code sqlite/metadata.db}, the others under their own names,
     * prefixed with their index where a name repeats.
     */
    public static String setFile(List<SqliteSpec> databases, int index) {
        if (index == 0) {
            return "sqlite/metadata.db";
        }
        String name = databases.get(index).fileName();
        long earlier = databases.subList(0, index).stream().filter(d -> d.fileName().equals(name)).count()
                + (name.equals("metadata.db") ? 1 : 0);
        return "sqlite/" + (earlier == 0 ? name : index + "-" + name);
    }

    public String describe() {
        return hostPath != null ? hostPath : service + ":" + containerPath;
    }
}
