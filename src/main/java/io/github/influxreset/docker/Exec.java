package io.github.influxreset.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/** Runs a command in a container and streams its output line by line. */
final class Exec {
    private final DockerClient client;

    Exec(DockerClient client) {
        this.client = client;
    }

    int run(String containerId, List<String> command, Consumer<String> output) {
        String execId = client.execCreateCmd(containerId).withCmd(command.toArray(String[]::new))
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        LineSplitter lines = new LineSplitter(output);
        try {
            client.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    lines.accept(frame.getPayload());
                }
            }).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
        lines.flush();
        Long exitCode = client.inspectExecCmd(execId).exec().getExitCodeLong();
        return exitCode == null ? -1 : exitCode.intValue();
    }

    /** Turns chunks of bytes into whole lines. */
    private static final class LineSplitter {
        private final Consumer<String> output;
        private final StringBuilder pending = new StringBuilder();

        LineSplitter(Consumer<String> output) {
            this.output = output;
        }

        synchronized void accept(byte[] chunk) {
            pending.append(new String(chunk, StandardCharsets.UTF_8));
            int newline;
            while ((newline = pending.indexOf("\n")) >= 0) {
                output.accept(pending.substring(0, newline));
                pending.delete(0, newline + 1);
            }
        }

        synchronized void flush() {
            if (pending.length() > 0) {
                output.accept(pending.toString());
                pending.setLength(0);
            }
        }
    }
}
