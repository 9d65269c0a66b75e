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
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
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
     * Features (top-level packages) form no cycles. The pure eligibility engine counts as a feature of
     * its own: the standards use its enums, and the check service uses the standards.
     */
    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String pkg = c.getPackageName();
                if (!pkg.startsWith("cn.dibao.")) {
                    return SliceIdentifier.ignore();
                }
                if (pkg.startsWith("cn.dibao.engine")) {
                    return SliceIdentifier.of("engine");
                }
                return SliceIdentifier.of(pkg.substring("cn.dibao.".length()).split("\\.")[0]);
            }

            @Override
            public String getDescription() {
                return "features of cn.dibao (the eligibility engine on its own)";
            }
        }).should().beFreeOfCycles().check(CLASSES);
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
