package io.github.influxreset.engine.run;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Rebuilds actions from their journal rows (kind and params), so a new process can undo them. Holds
 * the kinds registered with it: {@code engine.actions.EveryAction.catalog()} has every kind the
 * engine plans.
 */
public final class ActionCatalog {
    private final Map<String, Function<Map<String, String>, Action>> factories = new HashMap<>();

    /** Adds a kind (tests add dummy actions too). */
    public ActionCatalog register(String kind, Function<Map<String, String>, Action> factory) {
        factories.put(kind, factory);
        return this;
    }

    public Action rebuild(String kind, Map<String, String> params) {
        Function<Map<String, String>, Action> factory = factories.get(kind);
        if (factory == null) {
            throw new IllegalArgumentException("unknown action kind in journal: " + kind);
        }
        return factory.apply(params);
    }
}
