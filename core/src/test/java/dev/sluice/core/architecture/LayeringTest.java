package dev.sluice.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.sluice.core", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
  @ArchTest
  static final ArchRule coreKnowsNoScreen =
      noClasses()
          .that()
          .resideInAPackage("dev.sluice.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "org.controlsfx..", "org.fxmisc..", "dev.sluice.app..")
          .because("the engine runs headless in the CLI and CI; only the app draws");

  @ArchTest
  static final ArchRule modelDoesNotRun =
      noClasses()
          .that()
          .resideInAPackage("dev.sluice.core.project..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.sluice.core.run..",
              "dev.sluice.core.cli..",
              "dev.sluice.core.materialize..",
              "dev.sluice.core.load..")
          .because("the project model is plain data that every later stage reads");

  @ArchTest
  static final ArchRule onlyTheCliPrints =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.sluice.core.cli..")
          .should()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err")
          .because(
              "the engine reports through events, results and problems; the CLI decides what to"
                  + " print, and the app shows the same values in its windows");

  @ArchTest
  static final ArchRule stagesHaveNoCycles =
      slices()
          .matching("dev.sluice.core.(*)..")
          .should()
          .beFreeOfCycles()
          .because(
              "the packages read in data-flow order (project, parse, plan, compile, run,"
                  + " materialize, warehouse): a cycle means a change in one stage silently"
                  + " reaches back into an earlier one");

  @ArchTest
  static final ArchRule spiStandsAlone =
      noClasses()
          .that()
          .resideInAPackage("dev.sluice.core.spi..")
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages("dev.sluice.core.spi..", "java..", "javax..", "com.fasterxml..")
          .because(
              "plugins compile against spi alone, so it must not pull the engine's internals in");
}
