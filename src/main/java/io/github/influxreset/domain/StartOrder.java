package io.github.influxreset.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The order compose starts services in: each after the ones it depends on. Pure. */
public final class StartOrder {
    private StartOrder() {
    }

    /**
     * The given services, each after those of them it depends on, otherwise in the given order; the
     * reset stops them the other way round. Services caught in a dependency cycle keep the given order.
     */
    public static List<String> of(List<String> services, Function<String, List<String>> dependsOn) {
        Set<String> ordered = new LinkedHashSet<>();
        boolean progress = true;
        while (ordered.size() < services.size() && progress) {
            progress = false;
            for (String name : services) {
                List<String> needs = dependsOn.apply(name).stream().filter(services::contains).toList();
                if (!ordered.contains(name) && ordered.containsAll(needs)) {
                    ordered.add(name);
                    progress = true;
                    break;
                }
            }
        }
        ordered.addAll(services);
        return List.copyOf(ordered);
    }
}
