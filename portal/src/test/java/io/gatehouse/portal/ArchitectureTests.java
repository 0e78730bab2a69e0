package io.gatehouse.portal;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.gatehouse.importer.CatalogModelJson;
import io.gatehouse.importer.ImportedApi;
import io.gatehouse.importer.ImportedOperation;
import io.gatehouse.importer.SchemaNode;

@AnalyzeClasses(packages = "io.gatehouse.portal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes().that()
            .areAnnotatedWith(org.springframework.stereotype.Controller.class).should().notBePublic();

    /** The portal reads and changes the domain only through platform-core; it knows nothing of the other apps. */
    @ArchTest
    static final ArchRule noOtherWebModule = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.gatehouse.admin..", "io.gatehouse.gateway..");

    /** The portal renders stored catalog models; reading OpenAPI documents is the admin UI's business. */
    @ArchTest
    static final ArchRule onlyTheCatalogModelOfTheImporter = noClasses().should().dependOnClassesThat(
            resideInAPackage("io.gatehouse.importer..").and(not(belongToAnyOf(CatalogModelJson.class,
                    ImportedApi.class, ImportedOperation.class, SchemaNode.class))));
}
