package io.gatehouse.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.gatehouse.portal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes().that()
            .areAnnotatedWith(org.springframework.stereotype.Controller.class).should().notBePublic();

    /** The portal reads and changes the domain only through platform-core; it knows nothing of the other apps. */
    @ArchTest
    static final ArchRule noOtherWebModule = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.gatehouse.admin..", "io.gatehouse.gateway..", "io.gatehouse.importer..");
}
