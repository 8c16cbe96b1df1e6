package io.github.influxreset.steps.prerequisites;

import io.github.influxreset.domain.Finding;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.Step;
import io.github.influxreset.ui.Controls;
import io.github.influxreset.ui.FindingsTable;
import io.github.influxreset.ui.StepContext;
import io.github.influxreset.ui.StepHeader;
import io.github.influxreset.ui.View;
import javafx.beans.binding.Bindings;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Step 1's view: which profile is in use (open another), the reset mode, and the checks. */
public final class PrerequisitesView extends View<PrerequisitesViewModel> {
    private final StepContext wizard;
    private VBox root;
    private Label profileName;
    private Label profileSource;
    private Button openProfile;
    private Button findStack;
    private RadioButton full;
    private RadioButton buckets;
    private RadioButton repair;
    private RadioButton move;
    private RadioButton online;
    private Label modeCost;
    private Button runChecks;
    private TableView<Finding> findings;
    private VBox recoveryBanner;
    private Label recoveryText;
    private Button resume;
    private Button rollBack;

    public PrerequisitesView(PrerequisitesViewModel model, StepContext wizard) {
        super(model);
        this.wizard = wizard;
        build();
    }

    @Override
    protected void createParts() {
        profileName = new Label();
        profileName.setId("profileName");
        profileName.getStyleClass().add("emphasis");
        profileSource = new Label();
        profileSource.setId("profileSource");
        openProfile = new Button("Open another profile…");
        openProfile.setId("openProfile");
        findStack = new Button("Find my stack…");
        findStack.setId("findStack");
        ToggleGroup mode = new ToggleGroup();
        repair = modeButton(mode, ResetMode.REPAIR, "Repair: fix in place what can be", "modeRepair");
        buckets = modeButton(mode, ResetMode.BUCKETS, "Buckets: replace the buckets with new ones", "modeBuckets");
        online = modeButton(mode, ResetMode.ONLINE, "Online: new buckets beside the live ones, switched to by name while "
                + "the services write", "modeOnline");
        full = modeButton(mode, ResetMode.FULL, "Full: InfluxDB started anew on its emptied volumes", "modeFull");
        move = modeButton(mode, ResetMode.MOVE, "Move to InfluxDB 2.x: copy the data into the profile's schema on the "
                + "2.x server it names; the 1.x data stays", "modeMove");
        modeCost = new Label();
        modeCost.setId("modeCost");
        modeCost.getStyleClass().add("step-summary");
        modeCost.setWrapText(true);
        modeCost.setMinHeight(Region.USE_PREF_SIZE);
        runChecks = new Button("Run the checks again");
        runChecks.setId("runChecks");
        findings = FindingsTable.create("findings", "Results of the checks", model.findings());
        recoveryText = new Label();
        recoveryText.setId("recoveryText");
        recoveryText.setWrapText(true);
        recoveryText.setMinHeight(Region.USE_PREF_SIZE);
        resume = new Button("Resume");
        resume.setId("resumeRun");
        rollBack = new Button("Roll back");
        rollBack.setId("rollbackRun");
    }

    @Override
    protected void layoutParts() {
        GridPane profile = new GridPane();
        profile.getStyleClass().add("card");
        profile.setHgap(12);
        profile.setVgap(6);
        profile.addRow(0, new Label("Profile"), profileName);
        profile.addRow(1, new Label("Read from"), profileSource);
        profile.add(new VBox(6, openProfile, findStack), 2, 0, 1, 2);
        GridPane.setHgrow(profileSource, Priority.ALWAYS);
        VBox modes = new VBox(4, new Label("Reset mode (the checks propose the gentlest that fixes what they found)"),
                repair, online, buckets, full, move, modeCost);
        modes.getStyleClass().add("card");
        HBox actions = new HBox(8, runChecks);
        recoveryBanner = new VBox(8, recoveryText, new HBox(8, resume, rollBack));
        recoveryBanner.setId("recoveryBanner");
        recoveryBanner.getStyleClass().add("recovery-banner");
        root = new VBox(12, StepHeader.of(Step.PREREQUISITES), recoveryBanner, profile, modes, actions, findings);
        root.getStyleClass().add("step-view");
        VBox.setVgrow(findings, Priority.ALWAYS);
    }

    @Override
    protected void bind() {
        profileName.textProperty().bind(wizard.profileNameProperty());
        profileSource.textProperty().bind(wizard.profileSourceProperty());
        openProfile.setOnAction(e -> model.chooseProfile());
        findStack.setOnAction(e -> model.findStack());
        for (RadioButton button : modeButtons()) {
            ResetMode buttonMode = (ResetMode) button.getUserData();
            button.setSelected(wizard.modeProperty().get() == buttonMode);
            button.setOnAction(e -> wizard.mode().choose(buttonMode));
            button.disableProperty().bind(wizard.busyProperty());
        }
        wizard.modeProperty().addListener((obs, old, now) -> {
            for (RadioButton button : modeButtons()) {
                button.setSelected(button.getUserData() == now);
            }
        });
        modeCost.textProperty().bind(Bindings.createStringBinding(() -> wizard.modeProperty().get() == null ? ""
                : wizard.modeProperty().get().cost(), wizard.modeProperty()));
        Controls.showOnlyWhen(move, model.canMoveProperty());
        Controls.showOnlyWhen(online, model.canSwitchOnlineProperty());
        runChecks.setOnAction(e -> model.checkAgain());
        recoveryText.textProperty().bind(wizard.recovery().textProperty());
        Controls.showOnlyWhen(recoveryBanner, wizard.recovery().textProperty().isNotEmpty());
        resume.visibleProperty().bind(wizard.recovery().canResumeProperty());
        resume.managedProperty().bind(resume.visibleProperty());
        resume.disableProperty().bind(wizard.busyProperty());
        rollBack.disableProperty().bind(wizard.busyProperty());
        resume.setOnAction(e -> wizard.recovery().resume());
        rollBack.setOnAction(e -> wizard.recovery().rollBack());
        runChecks.disableProperty().bind(wizard.busyProperty());
        openProfile.disableProperty().bind(wizard.busyProperty());
        findStack.disableProperty().bind(wizard.busyProperty());
    }

    /** The modes' choices; the chosen one's cost is said once below them, so that the checks keep their room. */
    private RadioButton[] modeButtons() {
        return new RadioButton[] {repair, online, buckets, full, move};
    }

    private static RadioButton modeButton(ToggleGroup group, ResetMode mode, String text, String id) {
        RadioButton button = new RadioButton(text);
        button.setId(id);
        button.setUserData(mode);
        button.setToggleGroup(group);
        button.setWrapText(true);
        button.setMinHeight(Region.USE_PREF_SIZE);
        return button;
    }

    @Override
    public Parent root() {
        return root;
    }
}
