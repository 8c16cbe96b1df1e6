package io.github.influxreset.engine;

import io.github.influxreset.domain.Step;
import io.github.influxreset.engine.plan.PlanBuilder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.influxreset.domain.InfluxSpec;
import io.github.influxreset.domain.Profile;
import io.github.influxreset.domain.ResetMode;
import io.github.influxreset.domain.StackSnapshot;
import io.github.influxreset.engine.actions.VerifyBackup;
import io.github.influxreset.engine.actions.WriteBackup;
import io.github.influxreset.engine.run.Plan;
import io.github.influxreset.engine.run.PlannedAction;
import io.github.influxreset.testing.TestStack;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlanBuilderTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = ResetMode.class, mode = EnumSource.Mode.EXCLUDE, names = {"REPAIR", "ONLINE"})
    void backupIsWrittenAndVerifiedBeforeTheFirstDestructiveActionInEveryMode(ResetMode mode) throws Exception {
        TestStack stack = new TestStack(dir);
        Plan plan = new PlanBuilder(stack.profile, stack.docker.discover("homeiq")).build(mode, "p1");

        int write = indexOf(plan, WriteBackup.class);
        int verify = indexOf(plan, VerifyBackup.class);
        int firstDestructive = plan.firstDestructiveIndex();

        assertTrue(firstDestructive > 0, "a reset deletes data");
        assertTrue(write < verify && verify < firstDestructive,
                "write " + write + ", verify " + verify + ", first destructive " + firstDestructive);
    }

    @ParameterizedTest
    @EnumSource(value = ResetMode.class, mode = EnumSource.Mode.EXCLUDE, names = {"REPAIR", "ONLINE"})
    void previewWithoutDiscoveryKeepsTheSameOrder(ResetMode mode) throws Exception {
        TestStack stack = new TestStack(dir);
        Plan plan = new PlanBuilder(stack.profile, new StackSnapshot("homeiq", List.of())).build(mode, "p1");
        assertTrue(indexOf(plan, VerifyBackup.class) < plan.firstDestructiveIndex());
    }

    @Test
    void anOnlineResetDeletesNothingAndChangesNothingBeforeItsBackupIsVerified() throws Exception {
        TestStack stack = new TestStack(dir);
        Plan plan = new PlanBuilder(stack.profile, stack.docker.discover("homeiq"))
                .withLiveBuckets(List.of("home_assistant_events")).build(ResetMode.ONLINE, "p1");

        assertTrue(plan.actions().stream().noneMatch(a -> a.action().destructive()), "nothing is deleted");
        assertTrue(plan.actions().stream().noneMatch(a -> a.action().kind().equals("stop-service")), "nothing stops");
        int firstChange = plan.actions().stream().filter(a -> !a.action().undoChangesNothing()).mapToInt(PlannedAction::index)
                .min().orElseThrow();
        assertTrue(indexOf(plan, WriteBackup.class) < indexOf(plan, VerifyBackup.class)
                && indexOf(plan, VerifyBackup.class) < firstChange, "the first change comes after the verified backup");
    }

    @Test
    void servicesStopInReverseProfileOrderAndStartInProfileOrderThenTheDataFlowIsChecked() throws Exception {
        TestStack stack = new TestStack(dir);
        Plan plan = new PlanBuilder(stack.profile, stack.docker.discover("homeiq")).build(ResetMode.BUCKETS, "p1");

        List<String> stops = plan.actionsOf(Step.RESET).stream().map(PlannedAction::describe)
                .filter(d -> d.startsWith("Stop service")).toList();
        List<String> starts = plan.actionsOf(Step.RESTART).stream().map(PlannedAction::describe)
                .filter(d -> d.startsWith("Start service")).map(d -> d.replaceAll(" and wait.*", "")).toList();

        assertEquals(List.of("Stop service sports-data", "Stop service data-api", "Stop service enrichment-pipeline",
                "Stop service websocket-ingestion"), stops);
        assertEquals(List.of("Start service websocket-ingestion", "Start service enrichment-pipeline",
                "Start service data-api", "Start service sports-data"), starts);
        List<String> restart = plan.actionsOf(Step.RESTART).stream().map(a -> a.action().kind()).toList();
        assertEquals(List.of("start-service", "start-service", "start-service", "start-service", "seal-backup",
                "check-data-flow", "carry-data", "validate-schema", "drop-aside-buckets"), restart, "the set sealed from the "
                + "buckets set aside once the services write again; the data flow checked after every start; the history "
                + "carried after that; the old buckets (2.x: set aside) deleted last");
        assertTrue(plan.actionsOf(Step.RESET).stream().noneMatch(a -> a.action().kind().equals("seal-backup")),
                "on 2.x nothing that reads the whole bucket runs while the services wait");
        Plan onV1 = new PlanBuilder(onV1(stack.profile), stack.docker.discover("homeiq")).build(ResetMode.BUCKETS, "p2");
        assertEquals(List.of("seal-backup"), onV1.actionsOf(Step.RESET).stream().map(a -> a.action().kind())
                .filter(k -> k.equals("seal-backup")).toList(), "1.x drops its databases: sealed before, in the downtime");
    }

    private static Profile onV1(Profile p) {
        InfluxSpec i = p.influx();
        InfluxSpec v1 = new InfluxSpec(1, i.service(), i.url(), i.org(), i.token(), i.username(), i.password(),
                i.setupUsername(), i.setupPassword());
        return new Profile(p.name(), p.source(), p.stack(), p.engine(), v1, p.moveTo(), p.buckets(), p.schema(),
                p.services(), p.sqlite(), p.backups(), p.queryBudget(), p.warnings());
    }

    private static int indexOf(Plan plan, Class<?> type) {
        return plan.actions().stream().filter(a -> type.isInstance(a.action())).mapToInt(PlannedAction::index)
                .findFirst().orElse(-1);
    }
}
