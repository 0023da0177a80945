package dev.sluice.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
          .and()
          .resideOutsideOfPackage("dev.sluice.core.run..")
          .should()
          .accessField(System.class, "out")
          .because("the engine reports through events and results; the CLI decides what to print");
}
