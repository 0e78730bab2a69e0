package io.gatehouse.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.gatehouse.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** The request path stays free of Spring MVC, JPA and the ORM-backed parts of the core. */
    @ArchTest
    static final ArchRule noFrameworkOnTheRequestPath = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("jakarta.persistence..", "org.hibernate..", "org.springframework.data..",
                    "org.springframework.web..", "jakarta.servlet..", "org.thymeleaf..");

    @ArchTest
    static final ArchRule policiesTouchNoSpring = noClasses().that().resideInAnyPackage("..gateway.policy..",
            "..gateway.mock..").should().dependOnClassesThat().resideInAnyPackage("org.springframework..");

    /** From the core only its plain rules, never its services or repositories. */
    @ArchTest
    static final ArchRule onlyPlainCoreRules = noClasses().should().dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe("services or repositories of the core",
                    (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("io.gatehouse.core")
                            && (c.getSimpleName().endsWith("Repository") || c.getSimpleName().endsWith("Service"))));

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("io.gatehouse.gateway.(*)..").should()
            .beFreeOfCycles();
}
