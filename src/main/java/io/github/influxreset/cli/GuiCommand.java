package io.github.influxreset.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code gui}: opens the wizard, as no command does. */
@Command(name = "gui", description = "Open the wizard (the default).")
final class GuiCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Override
    public Integer call() {
        return root.call();
    }
}
