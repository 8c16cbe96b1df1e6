package io.github.influxreset.ui;

import io.github.influxreset.domain.StepState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The window's content: the six steps with their state on the left, the current step's view with
 * an error banner in the middle, and under it the live log and the bar with progress, rollback,
 * Back and Next.
 */
public final class WizardView extends View<WizardViewModel> {
    private final Map<StepViewModel, ? extends Supplier<Parent>> stepViews;
    private final LogPane logPane;
    private final Supplier<Parent> backupBrowser;
    private final Supplier<Parent> firstRun;
    private Button backups;
    private BorderPane root;
    private ListView<StepViewModel> stepList;
    private StackPane content;
    private HBox errorBanner;
    private Label errorText;
    private Hyperlink errorDetails;
    private ProgressBar progress;
    private Label progressMessage;
    private Button rollback;
    private Button back;
    private Button cancel;
    private ChoiceBox<Theme.Choice> themeChoice;
    private static final String DARK_STYLESHEET = "/io/github/influxreset/ui/dark.css";
    private Button next;

    /** The screens are built when first shown (see {@link LazyScreen}). */
    public WizardView(WizardViewModel model, Map<StepViewModel, ? extends Supplier<Parent>> stepViews,
                      LogPane logPane, Supplier<Parent> backupBrowser,
                      Supplier<Parent> firstRun) {
        super(model);
        this.stepViews = stepViews;
        this.logPane = logPane;
        this.backupBrowser = backupBrowser;
        this.firstRun = firstRun;
        build();
    }

    @Override
    protected void createParts() {
        stepList = new ListView<>(model.steps());
        stepList.setId("steps");
        stepList.setAccessibleText("Steps of the reset");
        stepList.setCellFactory(view -> new StepCell());
        stepList.setFocusTraversable(false);
        stepList.setMouseTransparent(true);
        themeChoice = new ChoiceBox<>();
        themeChoice.getItems().setAll(Theme.Choice.values());
        themeChoice.setId("themeChoice");
        content = new StackPane();
        content.setId("stepContent");
        errorText = new Label();
        errorText.setId("errorText");
        errorText.setWrapText(true);
        errorText.setMaxWidth(Double.MAX_VALUE);
        errorText.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(errorText, Priority.ALWAYS);
        errorDetails = new Hyperlink("Details…");
        errorDetails.setId("errorDetails");
        errorDetails.setMinWidth(Region.USE_PREF_SIZE);
        errorBanner = new HBox(8, errorText, errorDetails);
        errorBanner.getStyleClass().add("error-banner");
        progress = new ProgressBar(0);
        progress.setId("progress");
        progress.setAccessibleText("Progress of the running task");
        progressMessage = new Label();
        progressMessage.setId("progressMessage");
        rollback = Controls.button("Roll back", "rollback");
        rollback.getStyleClass().add("rollback");
        backups = Controls.button("Backups…", "openBackups");
        back = Controls.button("Back", "back");
        cancel = Controls.button("Cancel", "cancel");
        cancel.setCancelButton(true);
        next = Controls.button("Next", "next");
    }

    @Override
    protected void layoutParts() {
        Label brand = new Label("InfluxDB Reset");
        brand.getStyleClass().add("brand");
        Label themeLabel = new Label("Theme");
        themeLabel.setLabelFor(themeChoice);
        VBox theme = new VBox(4, themeLabel, themeChoice);
        theme.getStyleClass().add("theme-choice");
        VBox side = new VBox(12, brand, stepList, theme);
        side.getStyleClass().add("side");
        VBox.setVgrow(stepList, Priority.ALWAYS);
        VBox center = new VBox(8, errorBanner, content);
        center.getStyleClass().add("center");
        VBox.setVgrow(content, Priority.ALWAYS);
        SplitPane split = new SplitPane(center, logPane.root());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, rollback, backups, progress, progressMessage, spacer, cancel, back, next);
        bar.getStyleClass().add("nav-bar");
        HBox.setHgrow(progressMessage, Priority.SOMETIMES);
        // a long task line gives way (it ends in "…"); a button's word never does
        for (Button button : List.of(rollback, backups, cancel, back, next)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        progressMessage.setMinWidth(0);
        // a long task line wraps instead of ending in "…" (the time left was cut): the bar grows a line
        progressMessage.setWrapText(true);
        progressMessage.setMinHeight(Region.USE_PREF_SIZE);
        root = new BorderPane(split, null, null, bar, side);
        root.getStyleClass().add("wizard");
    }

    @Override
    protected void bind() {
        model.currentProperty().addListener((obs, old, step) -> show(step));
        model.overlays().anyProperty().addListener((obs, old, showing) -> show(model.currentProperty().get()));
        show(model.currentProperty().get());
        backups.setOnAction(e -> model.showBackups());
        backups.disableProperty().bind(model.busyProperty().or(model.overlays().anyProperty()));
        errorText.textProperty().bind(model.errorProperty());
        Controls.showOnlyWhen(errorBanner, model.errorProperty().isNotEmpty());
        errorDetails.setOnAction(e -> model.showErrorDetails());
        progress.progressProperty().bind(model.tasks().progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        progressMessage.textProperty().bind(model.tasks().progressMessageProperty());
        rollback.disableProperty().bind(model.rollbackControl().canRollbackProperty().not().or(model.busyProperty()));
        Tooltip hint = new Tooltip();
        hint.textProperty().bind(model.rollbackControl().hintProperty());
        rollback.setTooltip(hint);
        rollback.setOnAction(e -> model.rollbackControl().rollback());
        back.disableProperty().bind(model.canBackProperty().not().or(model.overlays().anyProperty()));
        back.setOnAction(e -> model.back());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::enterIsNext);
        themeChoice.valueProperty().bindBidirectional(model.theme().choiceProperty());
        model.theme().shownProperty().addListener((obs, old, theme) -> applyTheme(theme));
        applyTheme(model.theme().shownProperty().get());
        cancel.disableProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> model.cancel());
        next.disableProperty().bind(model.canNextProperty().not().or(model.overlays().anyProperty()));
        next.defaultButtonProperty().bind(model.overlays().firstRunProperty().not());
        next.setOnAction(e -> model.next());
        next.textProperty().bind(Bindings.when(model.currentIndexProperty().isEqualTo(model.steps().size() - 1))
                .then("Finish").otherwise("Next"));
        model.currentIndexProperty().addListener((obs, old, index) -> stepList.getSelectionModel().select(index.intValue()));
        stepList.getSelectionModel().select(model.currentIndexProperty().get());
    }

    /** Enter goes to the next step whenever Next can be pressed, wherever the focus is (but in a text area). */
    private void enterIsNext(KeyEvent key) {
        if (key.getCode() == KeyCode.ENTER && !next.isDisabled()
                && !(root.getScene().getFocusOwner() instanceof TextArea)) {
            key.consume();
            model.next();
        }
    }

    private void applyTheme(Theme theme) {
        String dark = WizardView.class.getResource(DARK_STYLESHEET).toExternalForm();
        root.getStylesheets().remove(dark);
        if (theme == Theme.DARK) {
            root.getStylesheets().add(dark);
        }
    }

    private void show(StepViewModel step) {
        if (model.overlays().firstRunProperty().get()) {
            content.getChildren().setAll(firstRun.get());
        } else if (model.overlays().backupsProperty().get()) {
            content.getChildren().setAll(backupBrowser.get());
        } else if (step != null) {
            content.getChildren().setAll(stepViews.get(step).get());
            focusTheScreensControl();
        }
    }

    /**
     * A new step takes the focus to what the user does there: a field to type in, else its first
     * button that can be pressed, else Next; never to the side's theme or the log's level box.
     */
    private void focusTheScreensControl() {
        List<Node> nodes = new ArrayList<>();
        collect(content, nodes);
        nodes.stream().filter(n -> n instanceof TextField).findFirst()
                .or(() -> nodes.stream().filter(n -> n instanceof Button).findFirst())
                .orElse(next).requestFocus();
    }

    /** The visible, enabled controls below a node, depth first. */
    private static void collect(Node node, List<Node> into) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        if (node instanceof Control && node.isFocusTraversable()) {
            into.add(node);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
    }

    @Override
    public Parent root() {
        return root;
    }

    /** One step in the side list: number, title and state, styled by a pseudo-class per state. */
    private static final class StepCell extends ListCell<StepViewModel> {
        private StepViewModel shown;
        private final ChangeListener<StepState> onState = (obs, old, state) -> render();

        @Override
        protected void updateItem(StepViewModel step, boolean empty) {
            super.updateItem(step, empty);
            if (shown != null) {
                shown.stateProperty().removeListener(onState);
            }
            shown = empty ? null : step;
            if (shown != null) {
                shown.stateProperty().addListener(onState);
                setId("step-" + shown.step().name().toLowerCase());
            }
            render();
        }

        private void render() {
            for (StepState state : StepState.values()) {
                pseudoClassStateChanged(PseudoClass.getPseudoClass(state.cssClass()), shown != null && shown.state() == state);
            }
            setText(shown == null ? null : shown.step().number() + "  " + shown.step().title() + "\n    "
                    + describe(shown.state()));
        }

        private static String describe(StepState state) {
            return switch (state) {
                case PENDING -> "pending";
                case RUNNING -> "running…";
                case DONE -> "✔ done";
                case FAILED -> "✖ failed";
                case SKIPPED -> "skipped";
            };
        }
    }
}
