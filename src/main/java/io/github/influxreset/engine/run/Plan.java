package io.github.influxreset.engine.run;

import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Step;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The ordered actions of one reset. Construction enforces the product's invariant: no destructive
 * action comes before the action that verifies the backup. The plan's id becomes the run's id.
 */
public record Plan(String id, String profileName, ResetMode mode, List<PlannedAction> actions) {

    public Plan {
        actions = List.copyOf(actions);
        requireVerifiedBackupBeforeDestruction(actions);
    }

    /** A new id for a plan and its run: {@code 20261127-101500-a1b2}, sortable by time. */
    public static String newId(Clock clock) {
        String time = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(clock.instant());
        return time + "-" + String.format("%04x", new SecureRandom().nextInt(0x10000));
    }

    public List<PlannedAction> actionsOf(Step step) {
        return actions.stream().filter(a -> a.step() == step).toList();
    }

    /** The index of the first destructive action, or -1 when the plan deletes nothing. */
    public int firstDestructiveIndex() {
        return actions.stream().filter(a -> a.action().destructive())
                .mapToInt(PlannedAction::index).findFirst().orElse(-1);
    }

    private static void requireVerifiedBackupBeforeDestruction(List<PlannedAction> actions) {
        boolean verified = false;
        for (PlannedAction planned : actions) {
            if (planned.action().verifiesBackup()) {
                verified = true;
            }
            if (planned.action().destructive() && !verified) {
                throw new IllegalStateException("plan puts destructive action '"
                        + planned.describe() + "' before the backup is verified");
            }
        }
    }
}
