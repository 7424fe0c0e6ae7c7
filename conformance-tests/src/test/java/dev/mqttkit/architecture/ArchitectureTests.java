package dev.mqttkit.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.broker.Transport;

/**
 * The design of the kit as rules over its main classes (this module's test classpath holds every module but the
 * benchmarks): data flows one way, bytes to codec to broker or suite to report, and each package has one job.
 */
@AnalyzeClasses(packages = "dev.mqttkit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {
    private static final String CODEC = "dev.mqttkit.codec..";
    private static final String CONTRACT = "dev.mqttkit.contract..";
    private static final String REPORT = "dev.mqttkit.report..";
    private static final String BROKER = "dev.mqttkit.broker..";
    private static final String SUITE = "dev.mqttkit.conformance..";

    /**
     * Modules as layers: the codec and the contract use nothing of ours; the report knows only the contract; the
     * broker only the codec; nothing uses the suite.
     */
    @ArchTest
    static final ArchRule modulesDependOnlyDownwards = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("codec").definedBy(CODEC)
            .layer("contract").definedBy(CONTRACT)
            .layer("report").definedBy(REPORT)
            .layer("broker").definedBy(BROKER)
            .layer("suite").definedBy(SUITE)
            .whereLayer("suite").mayNotBeAccessedByAnyLayer()
            .whereLayer("report").mayOnlyBeAccessedByLayers("suite")
            .whereLayer("broker").mayOnlyBeAccessedByLayers("suite")
            .whereLayer("contract").mayOnlyBeAccessedByLayers("report", "suite")
            .whereLayer("codec").mayOnlyBeAccessedByLayers("broker", "suite")
            .whereLayer("codec").mayNotAccessAnyLayer()
            .whereLayer("contract").mayNotAccessAnyLayer()
            .whereLayer("report").mayOnlyAccessLayers("contract")
            .whereLayer("broker").mayOnlyAccessLayers("codec");

    /**
     * The suite tests the reference broker like any other broker: only its embedding facade is used, and only where
     * targets are started.
     */
    @ArchTest
    static final ArchRule suiteUsesOnlyTheBrokersEmbeddingFacade = noClasses()
            .that().resideInAPackage(SUITE)
            .should().dependOnClassesThat(resideInAPackage(BROKER)
                    .and(not(belongToAnyOf(ReferenceBroker.class, BrokerConfig.class, Transport.class))))
            .because("the embedded reference broker is one target among others");

    @ArchTest
    static final ArchRule onlyTargetsStartTheReferenceBroker = noClasses()
            .that().resideInAPackage(SUITE).and().resideOutsideOfPackage("dev.mqttkit.conformance.target..")
            .should().dependOnClassesThat().resideInAPackage(BROKER);

    /** The scripted client is the bottom of the suite: it speaks MQTT and records, and knows nothing of JUnit. */
    @ArchTest
    static final ArchRule scriptedClientKnowsNothingOfTheRestOfTheSuite = noClasses()
            .that().resideInAPackage("dev.mqttkit.conformance.client..")
            .should().dependOnClassesThat(resideInAPackage(SUITE)
                    .and(not(resideInAPackage("dev.mqttkit.conformance.client.."))))
            .orShould().dependOnClassesThat().resideInAPackage("org.junit.jupiter..");

    /** Conformance tests are leaves: nothing builds on a test class. */
    @ArchTest
    static final ArchRule nothingDependsOnTheConformanceTests = noClasses()
            .that().resideOutsideOfPackage("dev.mqttkit.conformance.suite..")
            .should().dependOnClassesThat().resideInAPackage("dev.mqttkit.conformance.suite..");

    /** Every package, the module roots included, is free of cycles with every other package. */
    @ArchTest
    static final ArchRule noPackageCycles = SlicesRuleDefinition.slices().assignedFrom(new EachPackage())
            .should().beFreeOfCycles();

    /** One slice per package of ours: ArchUnit's "(*).." patterns would leave the module root packages out. */
    private static final class EachPackage implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            return pkg.startsWith("dev.mqttkit.") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package of dev.mqttkit";
        }
    }
}
