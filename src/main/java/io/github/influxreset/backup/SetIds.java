package io.github.influxreset.backup;

import java.util.Collection;
import java.util.Comparator;

/**
 * The names of backup sets: {@code YYYYMMDD_HHMMSS} (UTC), and for a second set made in the same
 * second {@code _2}, {@code _3}, … after it. Ordered by time, then by that number as a number (so
 * {@code _10} is newer than {@code _9}); a new name in a second takes a number above every set of
 * that second, so a name is not handed out again while a newer set of its second exists.
 */
final class SetIds {
    /** Newest first. */
    static final Comparator<String> NEWEST_FIRST = Comparator.comparing(SetIds::second).thenComparingInt(SetIds::number)
            .reversed();

    private SetIds() {
    }

    /** The name for a set made in {@code second} (a folder name), given the names that exist. */
    static String next(String second, Collection<String> existing) {
        int highest = existing.stream().filter(id -> second(id).equals(second)).mapToInt(SetIds::number).max().orElse(0);
        return highest == 0 ? second : second + "_" + (highest + 1);
    }

    private static String second(String id) {
        int cut = id.indexOf('_', id.indexOf('_') + 1);
        return cut < 0 ? id : id.substring(0, cut);
    }

    private static int number(String id) {
        int cut = id.indexOf('_', id.indexOf('_') + 1);
        return cut < 0 ? 1 : Integer.parseInt(id.substring(cut + 1));
    }
}
