package io.github.influxreset.ui;

import io.github.influxreset.engine.session.ResetSession;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.influxreset.app.WizardAssembly;
import io.github.influxreset.engine.tasks.SameThreadTaskRunner;
import io.github.influxreset.testing.ScriptedDialogs;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every control of every screen has a name a screen reader can say: its own text, an accessible
 * text, or a label that is {@code labelFor} it.
 */
@ExtendWith(ApplicationExtension.class)
class AccessibleNamesTest {
    @TempDir
    Path dir;
    private WizardAssembly assembly;
    private Parent shell;

    @Start
    void start(Stage stage) throws Exception {
        TestStack stack = new TestStack(Files.createDirectories(dir.resolve("stack")));
        assembly = new WizardAssembly(new SameThreadTaskRunner(), file -> new ResetSession(stack.profile, stack.ports,
                stack.runner(), stack.log, Clock.systemUTC()), new ScriptedDialogs(true), stack.log,
                stack.finder(dir.resolve("home")));
        stage.setScene(assembly.scene());
        shell = stage.getScene().getRoot();
        stage.show();
        assembly.wizard().openProfile(null);
    }

    @Test
    void everyControlOfEveryScreenHasAnAccessibleName(FxRobot robot) {
        List<String> unnamed = new ArrayList<>();
        robot.interact(() -> Stream.concat(Stream.of(shell), assembly.screens().stream())
                .forEach(screen -> collectUnnamed(screen, labelledIn(screen), unnamed)));

        assertEquals(List.of(), unnamed);
    }

    private static Set<Node> labelledIn(Parent screen) {
        Set<Node> labelled = new java.util.HashSet<>();
        walk(screen, node -> {
            if (node instanceof Label label && label.getLabelFor() != null) {
                labelled.add(label.getLabelFor());
            }
        });
        return labelled;
    }

    private static void collectUnnamed(Parent screen, Set<Node> labelled, List<String> unnamed) {
        walk(screen, node -> {
            if (node instanceof Control control && !(node instanceof Label) && !(node instanceof ScrollPane)
                    && !(node instanceof SplitPane) && !hasName(control, labelled)) {
                unnamed.add(control.getClass().getSimpleName() + "#" + control.getId());
            }
        });
    }

    private static boolean hasName(Control control, Set<Node> labelled) {
        return control.getAccessibleText() != null && !control.getAccessibleText().isBlank()
                || control instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()
                || labelled.contains(control);
    }

    /** The nodes a person sees as parts of the screen: not the insides of controls, but what containers hold. */
    private static void walk(Node node, java.util.function.Consumer<Node> visit) {
        visit.accept(node);
        if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            walk(scroll.getContent(), visit);
        } else if (node instanceof SplitPane split) {
            split.getItems().forEach(item -> walk(item, visit));
        } else if (node instanceof Parent parent && !(node instanceof Control)) {
            parent.getChildrenUnmodifiable().forEach(child -> walk(child, visit));
        }
    }
}
