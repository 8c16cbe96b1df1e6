package io.github.influxreset.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.github.influxreset.domain.ResetException;
import io.github.influxreset.engine.port.AsideMove;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Moves a volume's data aside inside the volume and back, by renames in a one-off container of the
 * InfluxDB image (its {@code /bin/sh}): the time does not grow with the data. Every entry at the top
 * of a volume but the product's own hidden folders ({@code .influx-reset-*}) moves into {@code
 * .influx-reset-NAME/}; a marker file says the move was whole. Each script finishes what an
 * interrupted run of itself left, and refuses (exit 3) rather than move one entry onto another.
 */
final class VolumeAside {
    static final String PREFIX = AsideMove.folder("");
    private static final String ENTRIES = eachEntryOf("r");
    private static final String FROM_ASIDE = eachEntryOf("a");
    private static final String COMPLETE = PREFIX + "complete";
    private static final String RETURNING = PREFIX + "returning";

    private final DockerClient client;

    VolumeAside(DockerClient client) {
        this.client = client;
    }

    /** The head of a shell loop over every entry of folder {@code $var} (hidden ones too) but the product's own. */
    private static String eachEntryOf(String var) {
        String dir = "\"$" + var + "\"";
        return "for e in " + dir + "/* " + dir + "/.[!.]* " + dir + "/..?*; do [ -e \"$e\" ] || [ -L \"$e\" ] || continue; "
                + "case \"${e##*/}\" in " + PREFIX + "*) continue ;; esac; ";
    }

    void apply(List<String> volumes, String image, AsideMove move) {
        switch (move.kind()) {
            case SET_ASIDE -> setAside(volumes, image, move.name());
            case BRING_BACK -> bringBack(volumes, image, move.name(), move.undone());
            case DROP -> drop(volumes, image, move.name());
        }
    }

    /** Moves the data of each volume into its folder {@code .influx-reset-NAME}, then marks the move whole. */
    void setAside(List<String> volumes, String image, String name) {
        run(volumes, image, "set -e; for r in \"$@\"; do a=\"$r/" + PREFIX + name + "\"; "
                + "if [ -e \"$a/" + COMPLETE + "\" ]; then continue; fi; mkdir -p \"$a\"; "
                + ENTRIES + "if [ -e \"$a/${e##*/}\" ]; then echo \"both hold ${e##*/}\" >&2; exit 3; fi; "
                + "mv \"$e\" \"$a/\"; done; touch \"$a/" + COMPLETE + "\"; done",
                "move the data of volume(s) " + String.join(", ", volumes) + " aside");
    }

    /**
     * Puts back what {@link #setAside} moved into {@code .influx-reset-NAME}. When that move was
     * whole, what the top of the volume holds now (the data made since) first goes into {@code
     * .influx-reset-UNDONE}; when it was cut off, the top holds the rest of the old data and stays.
     */
    void bringBack(List<String> volumes, String image, String name, String undone) {
        run(volumes, image, "set -e; for r in \"$@\"; do a=\"$r/" + PREFIX + name + "\"; u=\"$r/" + PREFIX + undone + "\"; "
                + "[ -d \"$a\" ] || continue; "
                + "if [ -e \"$a/" + COMPLETE + "\" ] && [ ! -e \"$a/" + RETURNING + "\" ]; then mkdir -p \"$u\"; "
                + ENTRIES + "if [ -e \"$u/${e##*/}\" ]; then echo \"both hold ${e##*/}\" >&2; exit 3; fi; "
                + "mv \"$e\" \"$u/\"; done; touch \"$a/" + RETURNING + "\"; fi; "
                + FROM_ASIDE + "if [ -e \"$r/${e##*/}\" ]; then echo \"both hold ${e##*/}\" >&2; exit 3; fi; "
                + "mv \"$e\" \"$r/\"; done; rm -f \"$a/" + COMPLETE + "\" \"$a/" + RETURNING + "\"; rmdir \"$a\"; done",
                "move the data of volume(s) " + String.join(", ", volumes) + " back");
    }

    /** Deletes the folder {@code .influx-reset-NAME} of each volume. */
    void drop(List<String> volumes, String image, String name) {
        run(volumes, image, "set -e; for r in \"$@\"; do rm -rf \"$r/" + PREFIX + name + "\"; done",
                "delete the data kept aside in volume(s) " + String.join(", ", volumes));
    }

    private void run(List<String> volumes, String image, String script, String what) {
        List<Bind> binds = new ArrayList<>();
        List<String> command = new ArrayList<>(List.of("-c", script, "sh"));
        for (int i = 0; i < volumes.size(); i++) {
            binds.add(new Bind(volumes.get(i), new Volume("/v" + i)));
            command.add("/v" + i);
        }
        String id = client.createContainerCmd(image)
                .withName("influx-reset-helper-" + UUID.randomUUID().toString().substring(0, 8))
                .withLabels(HelperLabels.ofThisProcess())
                .withEntrypoint("/bin/sh")
                .withCmd(command)
                .withHostConfig(HostConfig.newHostConfig().withBinds(binds).withNetworkMode("none"))
                .exec().getId();
        try {
            client.startContainerCmd(id).exec();
            int exit = client.waitContainerCmd(id).start().awaitStatusCode(10, TimeUnit.MINUTES);
            if (exit != 0) {
                List<String> output = new ArrayList<>();
                logs(id, output);
                throw ResetException.problem("Could not " + what + " (exit code " + exit + (output.isEmpty() ? ""
                        : ": " + String.join(" | ", output)) + ").", "The image " + image + " must have /bin/sh and mv; "
                        + "nothing was deleted. See the volume's hidden " + PREFIX + "* folders.", null);
            }
        } finally {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        }
    }

    private void logs(String id, List<String> output) {
        try {
            client.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    new String(frame.getPayload(), StandardCharsets.UTF_8).lines().forEach(output::add);
                }
            }).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
