package cn.dibao;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** Package rules of the modular monolith: features keep their persistence and web layers to themselves. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.dibao");

    private static final DescribedPredicate<JavaClass> REPOSITORIES = JavaClass.Predicates
            .simpleNameEndingWith("Repository")
            .or(JavaClass.Predicates.assignableTo(org.springframework.data.repository.Repository.class))
            .as("repositories");

    /** The web and API layers of features; cn.dibao.common.web is shared infrastructure. */
    private static final DescribedPredicate<JavaClass> FEATURE_WEB_OR_API =
            resideInAnyPackage("cn.dibao..web", "cn.dibao..api")
                    .and(not(resideInAPackage("cn.dibao.common.web")))
                    .as("feature web and API classes");

    @Test
    void theImportSeesTheApplication() {
        assertThat(CLASSES.contain("cn.dibao.area.AreaService")).isTrue();
        assertThat(CLASSES.contain("cn.dibao.support.Fixtures")).as("test classes are left out").isFalse();
    }

    @Test
    void repositoriesAreNotPublic() {
        classes().that(REPOSITORIES).should().notBePublic().check(CLASSES);
    }

    @Test
    void repositoriesAreUsedOnlyInTheirOwnPackage() {
        classes().that(REPOSITORIES).should(beUsedOnlyFromTheirOwnPackage()).check(CLASSES);
    }

    @Test
    void identityRulesArePureJava() {
        noClasses().that().resideInAPackage("cn.dibao.common.identity..")
                .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "jakarta.persistence..")
                        .or(resideInAPackage("cn.dibao..").and(not(resideInAPackage("cn.dibao.common.identity..")))))
                .check(CLASSES);
    }

    /** The eligibility engine is pure Java: no Spring, JPA or web, and nothing of the app but itself. */
    @Test
    void eligibilityEngineIsPureJava() {
        noClasses().that().resideInAPackage("cn.dibao.engine..")
                .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "jakarta..", "org.hibernate..",
                        "tools.jackson..", "com.fasterxml..")
                        .or(resideInAPackage("cn.dibao..").and(not(resideInAPackage("cn.dibao.engine..")))))
                .check(CLASSES);
    }

    @Test
    void servicesDoNotUseWebOrApiClasses() {
        noClasses().that().areAnnotatedWith(Service.class).or().haveSimpleNameEndingWith("Service")
                .should().dependOnClassesThat(FEATURE_WEB_OR_API)
                .check(CLASSES);
    }

    @Test
    void webAndApiClassesAreUsedOnlyInTheirOwnPackage() {
        classes().that(FEATURE_WEB_OR_API).should(beUsedOnlyFromTheirOwnPackage()).check(CLASSES);
    }

    @Test
    void controllersLiveInWebApiOrHomePackages() {
        classes().that().areAnnotatedWith(Controller.class).or().areMetaAnnotatedWith(Controller.class)
                .should().resideInAnyPackage("..web", "..api", "cn.dibao.home")
                .check(CLASSES);
    }

    /**
     * The one map of allowed dependencies between features (top-level packages of cn.dibao; docs/architecture.md
     * shows it as a list). A feature not named here may depend on no other feature.
     */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("engine", Set.of()),
            Map.entry("common", Set.of()),
            Map.entry("audit", Set.of("common", "home")),
            Map.entry("area", Set.of("audit", "common")),
            Map.entry("calendar", Set.of("audit", "common")),
            Map.entry("document", Set.of("audit", "common")),
            Map.entry("home", Set.of("common")),
            Map.entry("user", Set.of("area", "audit", "common", "home")),
            Map.entry("household", Set.of("area", "audit", "common", "home")),
            Map.entry("standard", Set.of("area", "audit", "common", "engine", "household")),
            Map.entry("eligibility", Set.of("area", "audit", "common", "engine", "household", "standard")),
            Map.entry("benefit", Set.of("area", "audit", "common", "engine", "standard")),
            Map.entry("application", Set.of("area", "audit", "benefit", "calendar", "common", "document", "eligibility",
                    "engine", "household", "standard")),
            Map.entry("payout", Set.of("area", "audit", "benefit", "common", "document", "household", "standard")),
            Map.entry("demo", Set.of("application", "area", "audit", "benefit", "calendar", "common", "document",
                    "eligibility", "engine", "household", "payout", "standard", "user")));

    /** The feature of a class: the first package under cn.dibao, or null for cn.dibao itself. */
    static String featureOf(JavaClass c) {
        String pkg = c.getPackageName();
        return pkg.startsWith("cn.dibao.") ? pkg.substring("cn.dibao.".length()).split("\\.")[0] : null;
    }

    @Test
    void featuresDependOnlyOnTheFeaturesTheyAreAllowedTo() {
        classes().that().resideInAPackage("cn.dibao.(*)..").should(dependOnlyOnAllowedFeatures(ALLOWED))
                .check(CLASSES);
    }

    @Test
    void everyFeatureHasAnEntryInTheMap() {
        Set<String> features = new java.util.TreeSet<>();
        CLASSES.forEach(c -> {
            String f = featureOf(c);
            if (f != null) {
                features.add(f);
            }
        });
        assertThat(ALLOWED.keySet()).containsAll(features);
    }

    /** The test of the test: a class of `engine` using the household feature breaks the rule. */
    @Test
    void aDeliberateViolationIsCaught() {
        JavaClasses sample = new ClassFileImporter().importClasses(cn.dibao.household.HouseholdService.class,
                cn.dibao.area.AreaService.class);
        Map<String, Set<String>> tooStrict = new java.util.HashMap<>(ALLOWED);
        tooStrict.put("household", Set.of("common"));
        com.tngtech.archunit.lang.EvaluationResult result = classes().that().resideInAPackage("cn.dibao.household..")
                .should(dependOnlyOnAllowedFeatures(tooStrict)).evaluate(sample);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("cn.dibao.area.AreaService"));
    }

    private static ArchCondition<JavaClass> dependOnlyOnAllowedFeatures(Map<String, Set<String>> allowed) {
        return new ArchCondition<>("depend only on the features their feature may use") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String from = featureOf(c);
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    String to = featureOf(d.getTargetClass());
                    if (to != null && !to.equals(from) && !allowed.getOrDefault(from, Set.of()).contains(to)) {
                        events.add(SimpleConditionEvent.violated(d, from + " may not use " + to + ": "
                                + d.getDescription()));
                    }
                }
            }
        };
    }

    /** Features (top-level packages, the pure engine among them) form no cycles. */
    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("cn.dibao.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * Set-based SQL goes through JdbcClient with named parameters (docs/architecture.md, "Database
     * access"). JdbcTemplate and NamedParameterJdbcTemplate only where JdbcClient cannot do the job:
     * the JDBC batch update of a run's totals, and the COPY of a return file on the transaction's
     * connection. A new exception belongs on this list with its reason in the class.
     */
    @Test
    void setBasedSqlUsesJdbcClient() {
        noClasses().that().resideInAPackage("cn.dibao..")
                .and().doNotHaveFullyQualifiedName("cn.dibao.payout.PayoutGeneration") // JDBC batch update
                .and().doNotHaveFullyQualifiedName("cn.dibao.payout.ReturnMatching") // COPY via the driver's CopyManager
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcOperations")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations")
                .because("set-based SQL uses JdbcClient with named parameters (docs/architecture.md)")
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> beUsedOnlyFromTheirOwnPackage() {
        return new ArchCondition<>("be used only from their own package") {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                for (Dependency d : target.getDirectDependenciesToSelf()) {
                    if (!d.getOriginClass().getPackageName().equals(target.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
