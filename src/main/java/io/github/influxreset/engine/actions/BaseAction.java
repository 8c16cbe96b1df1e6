package io.github.influxreset.engine.actions;

import io.github.influxreset.domain.ContainerInfo;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.run.Action;
import io.github.influxreset.engine.run.RunContext;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps an action's kind and params, the only state it has, so that the journal can rebuild it. */
abstract class BaseAction implements Action {
    private final String kind;
    private final Map<String, String> params;

    /** @param kind the action's stable name in the journal (its class's {@code KIND}) */
    BaseAction(String kind, Map<String, String> params) {
        this.kind = kind;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public Map<String, String> params() {
        return params;
    }

    @Override
    public boolean destructive() {
        return false;
    }

    /** A param journalled as a comma-separated list (volumes, buckets), without empty items. */
    List<String> listParam(String key) {
        return Arrays.stream(param(key).split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    String param(String key) {
        String value = params.get(key);
        if (value == null) {
            throw new IllegalStateException(kind() + " has no param " + key);
        }
        return value;
    }

    /** The running container of a compose service, found afresh by its labels. */
    static ContainerInfo container(RunContext ctx, String service) {
        String project = ctx.profile().stack().composeProject();
        return ctx.ports().docker().discover(project).service(service).orElseThrow(() ->
                ResetException.problem("No container of service '" + service + "' in compose project '"
                        + project + "' (labels com.docker.compose.project=" + project
                        + ", com.docker.compose.service=" + service + ").",
                        "Start the stack with 'docker compose up -d' or fix the service name in the profile.", null));
    }

    @Override
    public String toString() {
        return kind() + params;
    }
}
