package io.github.influxreset.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.influxreset.domain.Step;
import io.github.influxreset.domain.StepState;
import io.github.influxreset.engine.log.LogBus;
import io.github.influxreset.engine.log.LogEvent;
import io.github.influxreset.engine.run.Action;
import io.github.influxreset.engine.run.ActionRecord;
import io.github.influxreset.engine.run.ActionStatus;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.PlannedAction;
import io.github.influxreset.engine.run.Precondition;
import io.github.influxreset.engine.run.RollbackPlan;
import io.github.influxreset.engine.run.RunRecord;
import io.github.influxreset.engine.run.RunStatus;
import io.github.influxreset.engine.tasks.TaskRunner;
import io.github.influxreset.ui.WizardViewModel;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the layers of docs/ARCHITECTURE.md as they are. */
class ArchitectureTest {
    private static final String ROOT = "io.github.influxreset";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    /** No two top-level packages (domain, engine, docker, ui, cli, ...) depend on each other both ways. */
    @Test
    void theTopLevelPackagesFormNoCycle() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices().matching(ROOT + ".(*)..")
                .should().beFreeOfCycles().check(classes);
    }

    /** No two packages at any depth depend on each other both ways (engine and engine.actions included). */
    @Test
    void noPackagesFormACycle() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices().matching(ROOT + ".(**)")
                .should().beFreeOfCycles().check(classes);
    }

    /**
     * The screens (the steps, the backup browser, the first run) use only the UI's shared parts, the
     * domain and the engine's use-case layer: its sessions and reports, and the few types a run is
     * shown with (the plan and its actions, read only; step, step state) and the task-runner seam. Never an adapter, an
     * action, a port, the backup store, the profile loader or the runner itself.
     */
    @Test
    void theScreensUseOnlyTheUiTheDomainAndTheUseCaseLayer() {
        classes().that().resideInAnyPackage(ROOT + ".steps..", ROOT + ".backups..", ROOT + ".firstrun..")
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(ROOT + ".steps..",
                                ROOT + ".backups..", ROOT + ".firstrun..", ROOT + ".ui..", ROOT + ".domain..",
                                ROOT + ".engine.session..", ROOT + ".engine.report..", "java..", "javafx..", "org.controlsfx..")
                        .or(JavaClass.Predicates.belongToAnyOf(Plan.class, PlannedAction.class, Action.class, Step.class,
                                StepState.class, TaskRunner.class)))
                .check(classes);
    }

    /**
     * The command line reaches the product through the same door as the screens: the use-case layer
     * (its sessions and reports), the domain, and the few types a run and its log are shown with (the
     * plan and its actions, the journal's run and action rows, a rollback's plan, the log bus). Never an
     * adapter, an action, a planner, a port, the runner, the journal or the first run's screens.
     */
    @Test
    void theCommandLineUsesOnlyTheDomainAndTheUseCaseLayer() {
        classes().that().resideInAPackage(ROOT + ".cli..")
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(ROOT + ".cli..",
                                ROOT + ".domain..", ROOT + ".engine.session..", ROOT + ".engine.report..", "java..",
                                "picocli..", "com.fasterxml.jackson..", "org.slf4j..")
                        .or(JavaClass.Predicates.belongToAnyOf(Plan.class, PlannedAction.class, Action.class, Step.class,
                                RunRecord.class, RunStatus.class, ActionRecord.class, ActionStatus.class, RollbackPlan.class,
                                Precondition.class, LogBus.class, LogEvent.class)))
                .check(classes);
    }

    /** Small classes: no source file of the product grows past 300 lines (split it by responsibility). */
    @Test
    void noSourceFileIsLongerThan300Lines() throws java.io.IOException {
        java.nio.file.Path sources = java.nio.file.Path.of("src/main/java");
        List<String> tooLong;
        try (var files = java.nio.file.Files.walk(sources)) {
            tooLong = files.filter(f -> f.toString().endsWith(".java")).filter(f -> lines(f) > 300)
                    .map(f -> sources.relativize(f) + " (" + lines(f) + " lines)").sorted().toList();
        }
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), tooLong);
    }

    private static long lines(java.nio.file.Path file) {
        try (var lines = java.nio.file.Files.lines(file)) {
            return lines.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void domainImportsNothingButTheJdk() {
        noClasses().that().resideInAPackage(ROOT + ".domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages(ROOT + ".domain..", "java..")
                .check(classes);
    }

    /** A step sees the wizard only through its small context (StepContext), never the whole wizard. */
    @Test
    void theStepsSeeTheWizardOnlyThroughTheirContext() {
        noClasses().that().resideInAPackage(ROOT + ".steps..")
                .should().dependOnClassesThat().belongToAnyOf(WizardViewModel.class).check(classes);
    }

    /** The engine is split by what it holds (run, checks, data, log, ...): nothing lives in its root package. */
    @Test
    void theEngineRootHoldsNoClass() {
        noClasses().should().resideInAPackage(ROOT + ".engine").check(classes);
    }

    @Test
    void engineImportsOnlyTheDomain() {
        noClasses().that().resideInAPackage(ROOT + ".engine..")
                .should().dependOnClassesThat().resideOutsideOfPackages(ROOT + ".domain..", ROOT + ".engine..", "java..")
                .check(classes);
    }

    @Test
    void onlyTheDockerAdapterImportsDockerJava() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".docker..")
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..").check(classes);
    }

    @Test
    void onlyTheDockerAdapterImportsJsch() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".docker..")
                .should().dependOnClassesThat().resideInAPackage("com.jcraft..").check(classes);
    }

    @Test
    void onlyTheInfluxAdapterImportsTheInfluxClientAndItsHttpClient() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".influx..")
                .should().dependOnClassesThat().resideInAnyPackage("com.influxdb..", "okhttp3..").check(classes);
    }

    @Test
    void onlyTheStoreUsesJdbc() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".store..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..").check(classes);
    }

    @Test
    void theCommandLineNeverTouchesJavaFx() {
        noClasses().that().resideInAPackage(ROOT + ".cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", ROOT + ".ui..", ROOT + ".steps..",
                        ROOT + ".docker..", ROOT + ".influx..", ROOT + ".store..")
                .check(classes);
    }

    @Test
    void onlyTheUiPackageCallsPlatformRunLater() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".ui..")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class).check(classes);
    }

    @Test
    void viewModelsHoldNoNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

    @Test
    void adaptersAndEngineKnowNothingOfTheUi() {
        noClasses().that().resideInAnyPackage(ROOT + ".domain..", ROOT + ".engine..", ROOT + ".docker..",
                        ROOT + ".influx..", ROOT + ".store..", ROOT + ".backup..", ROOT + ".config..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", ROOT + ".ui..", ROOT + ".steps..",
                        ROOT + ".cli..", ROOT + ".app..")
                .check(classes);
    }
}
