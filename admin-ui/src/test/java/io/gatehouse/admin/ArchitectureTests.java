package io.gatehouse.admin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.gatehouse.admin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes().that()
            .areAnnotatedWith(org.springframework.stereotype.Controller.class).should().notBePublic();

    /** The admin UI knows nothing of the portal or the gateway: they meet only in the database. */
    @ArchTest
    static final ArchRule noOtherWebModule = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.gatehouse.portal..", "io.gatehouse.gateway..");
}
