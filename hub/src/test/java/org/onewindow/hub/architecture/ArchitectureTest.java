package org.onewindow.hub.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The structure DESIGN.md draws, kept by the build. Every rule says why. */
@AnalyzeClasses(packages = "org.onewindow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule adaptersDoNotKnowTheHub = noClasses().that().resideInAPackage("org.onewindow.adapters..")
            .should().dependOnClassesThat().resideInAnyPackage("org.onewindow.hub..", "org.onewindow.routes..")
            .because("a department adapter plugs in through the kit; the hub wires it, never the other way round");

    @ArchTest
    static final ArchRule adaptersDoNotKnowEachOther = slices().matching("org.onewindow.adapters.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAPackage("org.onewindow.adapters.kit.."))
            .because("each department is self-contained in its folder; what two adapters share belongs in the kit");

    @ArchTest
    static final ArchRule kitKnowsNoDepartment = noClasses().that().resideInAPackage("org.onewindow.adapters.kit..")
            .should().dependOnClassesThat(resideInAPackage("org.onewindow.adapters..").and(com.tngtech.archunit.base.DescribedPredicate.not(resideInAPackage("org.onewindow.adapters.kit.."))))
            .orShould().dependOnClassesThat().resideInAnyPackage("org.onewindow.hub..")
            .because("the kit serves every department alike");

    @ArchTest
    static final ArchRule contractsStandAlone = noClasses().that().resideInAPackage("org.onewindow.schemas..")
            .should().dependOnClassesThat().resideInAnyPackage("org.onewindow.hub..", "org.onewindow.adapters..", "org.onewindow.routes..")
            .because("the canonical model is the contract every other part depends on");

    @ArchTest
    static final ArchRule hubFeaturesHaveNoCycles = slices().matching("org.onewindow.hub.(*)..").should().beFreeOfCycles()
            .because("a feature package that needs another is built on it, not tangled with it");
}
