package org.marginsentinel;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import jakarta.persistence.Entity;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of the house (issue 17), checked on the compiled main classes in plain JUnit: a pure core
 * ({@code domain}), use cases and ports around it ({@code application}), adapters at the edge that meet only
 * through the ports. A broken rule names each offending class and dependency.
 */
class ArchitectureTest {

    private static final String ROOT = "org.marginsentinel";
    private static final String DOMAIN = ROOT + ".domain..";
    private static final String APPLICATION = ROOT + ".application..";
    private static final String ADAPTER = ROOT + ".adapter..";
    private static final String CONFIG = ROOT + ".adapter.config..";

    /** The persistence packages: the shared store, and the Telegram adapter's own tables (inbox, outbox, chats). */
    private static final String[] PERSISTENCE = {ROOT + ".adapter.persistence", ROOT + ".adapter.telegram.store"};

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
    }

    @Test
    void mainClassesImported_theRulesDoNotPassOnNothing() {
        assertThat(main.that(resideInAPackage(DOMAIN))).hasSizeGreaterThan(50);
        assertThat(main.that(resideInAPackage(APPLICATION))).hasSizeGreaterThan(50);
        assertThat(main.that(resideInAPackage(ADAPTER))).hasSizeGreaterThan(100);
        assertThat(main.that(DescribedPredicate.describe("JPA entities", ArchitectureTest::isEntity)))
                .hasSizeGreaterThan(10);
    }

    /**
     * The margin engine ({@code domain.margin} included) and the policies are plain Java: the JDK, other domain
     * packages, and one named maths library, Apache Commons Statistics (the normal distribution behind the odds
     * of liquidation).
     */
    @Test
    void domain_dependsOnlyOnTheJdkAndNamedMathsLibraries() {
        classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..",
                        "org.apache.commons.statistics.distribution..")
                .check(main);
    }

    /** Use cases and ports never see an adapter: adapters depend on them, not the other way round. */
    @Test
    void application_neverDependsOnAdapters() {
        noClasses().that().resideInAPackage(APPLICATION).should().dependOnClassesThat().resideInAPackage(ADAPTER)
                .check(main);
    }

    /**
     * Use cases stay framework-free: the JDK, the domain, the application itself, and the Jakarta standard
     * annotations only. So no Quarkus (io.quarkus), no SmallRye or MicroProfile config (config reaches use cases
     * as plain values, mapped in adapter.config), no TelegramBots, no JPA or Hibernate, no Micrometer. Allowed on
     * purpose: jakarta.inject, jakarta.enterprise (scopes, events), jakarta.decorator (CDI decorators: every account
     * write signals the risk index), jakarta.transaction (transaction boundaries) and jakarta.annotation (life-cycle). They are a specification that any container implements, they only mark
     * a class, and it stays callable with {@code new} in a plain test; removing them would move every use case's
     * wiring into producers without making anything easier to test.
     */
    @Test
    void application_dependsOnlyOnTheJdkDomainAndJakartaAnnotations() {
        classes().that().resideInAPackage(APPLICATION)
                .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..",
                        "jakarta.inject..", "jakarta.enterprise..", "jakarta.decorator..", "jakarta.transaction..",
                        "jakarta.annotation..")
                .check(main);
    }

    /**
     * Adapters meet only through application ports: the Telegram adapter does not reach into the persistence
     * adapter (it flushes through the {@code Durability} port), monitoring reads the price feed through
     * {@code MarkPriceHealth}, and so on. The one exception is {@code adapter.config}, the composition root: it
     * wires the core (engine producers, start-up, schedules) and holds the typed settings several adapters read
     * ({@code InsightsConfig}); the cycle rule below keeps it from depending back on what depends on it.
     */
    @Test
    void adapters_dependOnEachOtherOnlyThroughPorts() {
        slices().matching(ROOT + ".adapter.(*)..").namingSlices("adapter.$1")
                .should().notDependOnEachOther()
                .ignoreDependency(resideInAPackage(CONFIG), DescribedPredicate.alwaysTrue())
                .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAPackage(CONFIG))
                .check(main);
    }

    /** The three layers and the adapters, as wholes: no cycles (adapter.config included). */
    @Test
    void noCycles_betweenLayersAndBetweenAdapters() {
        slices().matching(ROOT + ".(*)..").namingSlices("$1").should().beFreeOfCycles().check(main);
        slices().matching(ROOT + ".adapter.(*)..").namingSlices("adapter.$1").should().beFreeOfCycles().check(main);
    }

    /** Every package of the domain on its own: no cycles, no exceptions. */
    @Test
    void noCycles_betweenDomainPackages() {
        slices().assignedFrom(eachPackageUnder(ROOT + ".domain", Set.of())).should().beFreeOfCycles().check(main);
    }

    /**
     * Every package of the application on its own, with no exceptions: the notices the {@code Notifier} port
     * delivers ({@code Notice}, its {@code Subject} and {@code Severity}) live next to it in {@code port}, and the
     * survival advice a warning carries ({@code SurvivalPlan}) is a plain domain value.
     */
    @Test
    void noCycles_betweenApplicationPackages() {
        slices().assignedFrom(eachPackageUnder(ROOT + ".application", Set.of())).should().beFreeOfCycles()
                .check(main);
    }

    /**
     * Every package of the adapters on its own, the Telegram adapter's root included: it holds only the wiring
     * (TelegramBot and the beans around it), while the kernel its sub-packages share lives in
     * {@code adapter.telegram.connection} (BotConnection, TelegramConfig, TelegramStatus, SendRateLimiter,
     * WebhookSecret) and its meters (TelegramMetrics) with the delivery they mostly count. No exceptions: the
     * argument parser every command package reads ({@code Arguments}, {@code OrderArguments}) lives in
     * {@code adapter.telegram.command}, so /positions and /risk may print insight lines without closing a cycle.
     */
    @Test
    void noCycles_betweenAdapterPackages() {
        slices().assignedFrom(eachPackageUnder(ROOT + ".adapter", Set.of()))
                .should().beFreeOfCycles()
                .check(main);
    }

    /** The Telegram adapter's tables count as its persistence: entities live in one of the two stores ... */
    @Test
    void entities_liveInPersistencePackages() {
        classes().that().areAnnotatedWith(Entity.class).should().resideInAnyPackage(PERSISTENCE).check(main);
    }

    /**
     * ... and are read and written only by their own store (with their nested keys and status enums): everything
     * else sees records and store methods, so no command or sender changes a row behind the store's back.
     */
    @Test
    void entities_usedOnlyByTheirOwnStore() {
        classes().that(DescribedPredicate.describe("are JPA entities or nested in one", ArchitectureTest::isEntity))
                .should(new ArchCondition<JavaClass>("be used only by classes of their own package") {
                    @Override
                    public void check(JavaClass entity, ConditionEvents events) {
                        for (Dependency dependency : entity.getDirectDependenciesToSelf()) {
                            if (!dependency.getOriginClass().getPackageName().equals(entity.getPackageName())) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .check(main);
    }

    private static boolean isEntity(JavaClass type) {
        JavaClass outermost = type;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        return outermost.isAnnotatedWith(Entity.class);
    }

    /** Each package under {@code root} (itself included) is a slice, except {@code excluded}. */
    private static SliceAssignment eachPackageUnder(String root, Set<String> excluded) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass type) {
                String name = type.getPackageName();
                boolean inside = name.equals(root) || name.startsWith(root + ".");
                return inside && !excluded.contains(name) ? SliceIdentifier.of(name.substring(ROOT.length() + 1))
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "each package under " + root + (excluded.isEmpty() ? "" : " except " + excluded);
            }
        };
    }
}
