package io.gatehouse.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.gatehouse.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** The rules the gateway reuses must load without JPA or Spring on the classpath. */
    @ArchTest
    static final ArchRule gatewayRulesArePlainJava = noClasses()
            .that().belongToAnyOf(io.gatehouse.core.apikey.ApiKeyFormat.class,
                    io.gatehouse.core.apikey.ApiKeyHasher.class, io.gatehouse.core.apikey.ParsedApiKey.class,
                    io.gatehouse.core.apikey.TokenFormat.class,
                    io.gatehouse.core.routing.PathTemplate.class, io.gatehouse.core.routing.ContextPaths.class,
                    io.gatehouse.core.plan.PlanTerms.class, io.gatehouse.core.plan.RateLimit.class,
                    io.gatehouse.core.plan.Quota.class, io.gatehouse.core.plan.QuotaWindow.class, io.gatehouse.core.catalog.MockResponse.class,
                    io.gatehouse.core.subscription.SubscriptionStatus.class)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.springframework..",
                    "org.hibernate..");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("io.gatehouse.core.(*)..").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule theCoreKnowsNothingOfTheWeb = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "io.gatehouse.portal..",
                    "io.gatehouse.admin..", "io.gatehouse.gateway..");
}
