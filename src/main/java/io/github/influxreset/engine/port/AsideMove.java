package io.github.influxreset.engine.port;

/**
 * What {@link DockerPort#aside} does inside volumes with their data, by renames: set it aside into
 * the hidden folder {@code .influx-reset-NAME}, bring it back from there (what the volume holds by
 * then going into {@code .influx-reset-UNDONE}), or drop that folder.
 */
public record AsideMove(Kind kind, String name, String undone) {
    public enum Kind { SET_ASIDE, BRING_BACK, DROP }

    public static AsideMove setAside(String name) {
        return new AsideMove(Kind.SET_ASIDE, name, "");
    }

    public static AsideMove bringBack(String name, String undone) {
        return new AsideMove(Kind.BRING_BACK, name, undone);
    }

    public static AsideMove drop(String name) {
        return new AsideMove(Kind.DROP, name, "");
    }

    /** The hidden folder's name inside a volume. */
    public static String folder(String name) {
        return ".influx-reset-" + name;
    }
}
