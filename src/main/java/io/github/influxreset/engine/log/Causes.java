package io.github.influxreset.engine.log;

import io.github.influxreset.domain.ResetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;

/**
 * The technical cause of a failure, for the log file: each cause's type and message, outermost first,
 * on one line. Logged once, where the failure is first caught: a failure that is wrapped and thrown
 * on is not logged again.
 */
public final class Causes {
    private static final Set<Throwable> LOGGED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private Causes() {
    }

    /** Hands the failure's technical chain to {@code log}, unless it (or a failure it wraps) was logged before. */
    public static void logOnce(Throwable failure, Consumer<String> log) {
        List<Throwable> all = all(failure);
        if (all.stream().anyMatch(LOGGED::contains)) {
            return;
        }
        String chain = chain(failure);
        if (!chain.isEmpty()) {
            log.accept(chain);
        }
        LOGGED.addAll(all);
    }

    /** The causes below the failure's own sentence; for a failure that is not one of ours, itself too. */
    static String chain(Throwable failure) {
        List<String> parts = new ArrayList<>();
        List<Throwable> all = all(failure);
        for (Throwable t : failure instanceof ResetException ? all.subList(1, all.size()) : all) {
            parts.add(t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse("")));
        }
        return String.join(" <- ", parts);
    }

    /** The first failure in the chain (the failure itself included) of the given type. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        return all(failure).stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** Whether any failure in the chain (the failure itself included) is one of the given types. */
    @SafeVarargs
    public static boolean anyOf(Throwable failure, Class<? extends Throwable>... types) {
        return all(failure).stream().anyMatch(t -> Arrays.stream(types).anyMatch(type -> type.isInstance(t)));
    }

    private static List<Throwable> all(Throwable failure) {
        List<Throwable> all = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            all.add(t);
        }
        return all;
    }
}
