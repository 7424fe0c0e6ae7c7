package dev.mqttkit.report;

import dev.mqttkit.contract.EntryKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mqttkit.contract.Level;
import dev.mqttkit.report.model.Score;
import dev.mqttkit.report.model.StatementResult;
import dev.mqttkit.report.model.TargetRun;
import dev.mqttkit.report.model.TestOutcome;
import dev.mqttkit.contract.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ConformanceReportListenerTests {

    @TempDir
    Path dir;

    @Test
    void writesPageAndResultsPerTargetAndTheAllTargetsPage() {
        new FakeRuns(dir).run("mixed");

        assertThat(dir.resolve("fake-broker/index.html")).isRegularFile();
        assertThat(dir.resolve("fake-broker/results.json")).isRegularFile();
        assertThat(dir.resolve("index.html")).isRegularFile();
    }

    @Test
    void writesNothingForRunsWithoutContractEntries() throws IOException {
        FakeRuns run = new FakeRuns(dir).run("plain");

        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(run.listener.results()).isEmpty();
        assertThat(run.problems()).isEmpty();
    }

    @Test
    void derivesVerdictsFromJunitWhenNoneIsPublishedAndLetsFailuresOutvoteAPublishedPass() {
        Map<String, TestOutcome> tests = byShortName(only(new FakeRuns(dir).run("mixed")));

        assertThat(tests.get("acceptsConnect(TestReporter)").verdict()).isEqualTo(Verdict.PASS);
        assertThat(tests.get("rejectsSecondConnect(TestReporter)").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(tests.get("alsoChecksFirstConnectStatement(TestReporter)").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(tests.get("keepsAliveLoosely(TestReporter)").verdict()).isEqualTo(Verdict.WARN);
        assertThat(tests.get("rejectsWildcardsWhenUnsupported(TestReporter)").verdict())
                .isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(tests.get("rejectsWildcardsWhenUnsupported(TestReporter)").reason())
                .contains("the broker supports wildcards");
    }

    @Test
    void keepsEveryContractEntryOfATest() {
        Map<String, TestOutcome> tests = byShortName(only(new FakeRuns(dir).run("mixed")));

        TestOutcome failed = tests.get("rejectsSecondConnect(TestReporter)");
        assertThat(failed.statements()).containsExactly("MQTT-3.1.0-2");
        assertThat(failed.version()).isEqualTo("3.1.1");
        assertThat(failed.level()).isEqualTo(Level.MUST);
        assertThat(failed.observed()).isEqualTo("CONNACK <0x00>");
        assertThat(failed.failure()).contains("expected the connection to be closed");
        assertThat(failed.transcript()).hasSize(3);
        assertThat(failed.transcript().get(1).failed()).isTrue();
        assertThat(tests.get("roundTripsAnyPublish(TestReporter)").property().seed()).isEqualTo(424242L);
        assertThat(tests.get("followsScenario(TestReporter)").scenario()).startsWith("send CONNECT c1");
    }

    @Test
    void statementVerdictIsTheWorstOfItsTestsAndUncheckedStatementsAreUntested() {
        TargetRun run = only(new FakeRuns(dir).run("mixed"));

        assertThat(statement(run, "3.1.1", "MQTT-3.1.0-1").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(statement(run, "3.1.1", "MQTT-3.1.0-1").tests()).hasSize(2);
        assertThat(statement(run, "3.1.1", "MQTT-3.2.0-1").verdict()).isEqualTo(Verdict.PASS);
        assertThat(statement(run, "3.1.1", "MQTT-4.7.1-1").verdict()).isEqualTo(Verdict.UNTESTED);
        assertThat(statement(run, "3.1", "MQTTv3.1-2.1-3").verdict()).isEqualTo(Verdict.PASS);
        assertThat(statement(run, "3.1", "MQTT-3.3.1-6").group()).isEqualTo("3.1.1:3");
        assertThat(run.statements().stream().filter(s -> s.version().equals("3.1.1"))).hasSizeGreaterThan(140);
    }

    @Test
    void scoresApplicableMustStatementsPerVersion() {
        TargetRun run = only(new FakeRuns(dir).run("mixed"));

        // 3.1.1 MUSTs tested: 3.1.0-1 FAIL, 3.2.0-1 PASS, 3.1.0-2 FAIL, 3.3.2-1 FAIL, 3.3.4-1 PASS, and 3.1.2-24
        // WARN (a MUST in the catalogue, whatever level the test published; WARN means the MUST held). 3.8.3-2 N/A.
        Score score = run.scores().stream().filter(s -> s.version().equals("3.1.1")).findFirst().orElseThrow();
        assertThat(score.applicable()).isEqualTo(6);
        assertThat(score.passed()).isEqualTo(3);
        assertThat(score.percentText()).isEqualTo("50.0%");
        assertThat(run.versions()).containsExactly("3.1.1", "3.1");
        assertThat(run.mustFailures()).isEqualTo(3);
    }

    @Test
    void ordersTestsFailuresFirst() {
        TargetRun run = only(new FakeRuns(dir).run("mixed"));

        List<Verdict> verdicts = run.tests().stream().map(TestOutcome::verdict).toList();
        assertThat(verdicts).isSorted();
        assertThat(run.tests().get(0).anchor()).isEqualTo("t-1");
    }

    @Test
    void writesAPageThatSaysTheBrokerCouldNotBeReached() throws IOException {
        TargetRun run = only(new FakeRuns(dir).run("unreachable"));

        assertThat(run.error()).contains("Connection refused");
        assertThat(run.unreachable()).isTrue();
        assertThat(Files.readString(dir.resolve("gone-broker/last-unreachable.html")))
                .contains("The broker could not be reached").contains("Connection refused");
    }

    @Test
    void showsAClassWhoseSetUpFailedAsAFailureWithTheTargetError() {
        TargetRun run = only(new FakeRuns(dir).run("brokensetup"));

        assertThat(run.error()).isEqualTo("image eclipse-mosquitto:9 not found");
        assertThat(run.unreachable()).as("no test got as far as a verdict").isTrue();
        assertThat(run.tests()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("BrokenSetupChecks");
            assertThat(t.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(t.failure()).contains("container did not start");
            assertThat(t.countsAsMustFailure()).isTrue();
        });
    }

    @Test
    void writesAPartialReportWhenTheRunDoesNotFinish() throws IOException {
        TestPlan plan = FakeRuns.discover("passing");
        TestIdentifier test = plan.getChildren(plan.getChildren(plan.getRoots().iterator().next())
                .iterator().next()).iterator().next();
        FakeRuns fake = new FakeRuns(dir);
        ConformanceReportListener listener = fake.listener;

        listener.testPlanExecutionStarted(plan);
        listener.executionStarted(test);
        listener.reportingEntryPublished(test, ReportEntry.from(Map.of(EntryKey.TARGET.key(),
                "{\"name\": \"cut-short\"}", EntryKey.STATEMENTS.key(), "MQTT-3.1.0-1")));
        listener.writePartial();

        TargetRun run = only(fake);
        assertThat(run.partial()).isTrue();
        assertThat(run.tests()).singleElement().satisfies(t -> assertThat(t.junitStatus()).isEqualTo("INTERRUPTED"));
        assertThat(Files.readString(dir.resolve("cut-short/index.html"))).contains("Partial report");
        assertThat(fake.problems()).as("says where the partial report is").contains("partial report: "
                + dir.resolve("cut-short/index.html").toAbsolutePath().normalize());
        listener.testPlanExecutionFinished(plan);
        assertThat(only(fake).partial()).isFalse();
    }

    @Test
    void writesIncrementallyWhileTheRunIsGoingOn() {
        TestPlan plan = FakeRuns.discover("passing");
        List<TestIdentifier> tests = plan.getChildren(plan.getChildren(plan.getRoots().iterator().next())
                .iterator().next()).stream().toList();
        MutableClock clock = new MutableClock();
        ConformanceReportListener listener = new ConformanceReportListener(dir, System.err, clock);
        Map<String, String> entries = Map.of(EntryKey.TARGET.key(), "{\"name\": \"slow\"}");

        listener.testPlanExecutionStarted(plan);
        listener.executionStarted(tests.get(0));
        listener.reportingEntryPublished(tests.get(0), ReportEntry.from(entries));
        clock.advanceSeconds(ConformanceReportListener.INCREMENTAL_SECONDS - 1);
        listener.executionFinished(tests.get(0), TestExecutionResult.successful());
        assertThat(dir.resolve("slow/results.json")).doesNotExist();

        listener.executionStarted(tests.get(1));
        listener.reportingEntryPublished(tests.get(1), ReportEntry.from(entries));
        clock.advanceSeconds(1);
        listener.executionFinished(tests.get(1), TestExecutionResult.successful());
        assertThat(dir.resolve("slow/results.json")).exists();
        assertThat(listener.results()).singleElement().satisfies(run -> {
            assertThat(run.partial()).isTrue();
            assertThat(run.tests()).hasSize(2);
        });
    }

    @Test
    void reportsWriteProblemsInsteadOfThrowingThem() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");

        FakeRuns run = new FakeRuns(notADirectory).run("mixed");

        assertThat(run.problems()).contains("cannot write the report of target 'fake-broker'");
        assertThat(run.listener.results()).isNotEmpty();
    }

    @Test
    void resultsJsonCarriesVerdictsTranscriptsAndScores() throws IOException {
        new FakeRuns(dir).run("mixed");

        JsonNode json = new ObjectMapper().readTree(dir.resolve("fake-broker/results.json").toFile());
        assertThat(json.get("schema").asInt()).isEqualTo(TargetRun.SCHEMA);
        assertThat(json.at("/target/broker").asText()).isEqualTo("FakeMQ 1.0 <b>beta</b>");
        assertThat(json.get("tests")).hasSize(8);
        assertThat(json.at("/tests/0/verdict").asText()).isEqualTo("FAIL");
        assertThat(json.get("scores").get(0).get("passed").asInt()).isEqualTo(3);
        assertThat(json.get("partial").asBoolean()).isFalse();
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advanceSeconds(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static TargetRun only(FakeRuns run) {
        assertThat(run.listener.results()).hasSize(1);
        return run.listener.results().get(0);
    }

    static Map<String, TestOutcome> byShortName(TargetRun run) {
        return run.tests().stream().collect(Collectors.toMap(
                t -> t.name().substring(t.name().lastIndexOf('\u203a') + 1).trim(), Function.identity()));
    }

    static StatementResult statement(TargetRun run, String version, String id) {
        return run.statements().stream().filter(s -> s.version().equals(version) && s.id().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no statement " + version + " " + id));
    }
}
