package io.github.influxreset.domain;

/**
 * The names an online reset gives a bucket's versions on a 2.x server, unique to its run: the new
 * bucket while it is filled beside the live one ({@code NAME.next-RUN}), the old one after the
 * switch, kept for a rollback until the user deletes it ({@code NAME.before-RUN}), and the new one
 * after a rollback switched back, kept with whatever the services wrote to it ({@code NAME.undone-RUN}).
 */
public record SwitchNames(String bucket, String run) {
    public String next() {
        return bucket + ".next-" + run;
    }

    public String before() {
        return bucket + ".before-" + run;
    }

    public String undone() {
        return bucket + ".undone-" + run;
    }
}
