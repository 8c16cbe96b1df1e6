package io.github.influxreset.cli;

import io.github.influxreset.domain.Profile;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** A top-level sub-command: reaches the global options and the application through the root. */
abstract class BaseCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    Profile profile() {
        return root.context.profile(root.profileFile);
    }

    Output output() {
        return root.output();
    }

    /** Logs of this command go to stderr while it runs. */
    AutoCloseable logToStderr() {
        return logToStderr(root);
    }

    /** Writes the engine's log to stderr until closed (stdout stays for the result). */
    static AutoCloseable logToStderr(RootCommand root) {
        return root.context.log().subscribe(event -> {
            root.err.println(event.format());
            root.err.flush();
        });
    }
}
