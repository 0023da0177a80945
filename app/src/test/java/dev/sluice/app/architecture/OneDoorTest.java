package dev.sluice.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The app reaches the engine through one door: core's pipeline package. */
@AnalyzeClasses(packages = "dev.sluice.app", importOptions = ImportOption.DoNotIncludeTests.class)
class OneDoorTest {
  @ArchTest
  static final ArchRule appGoesThroughThePipeline =
      noClasses()
          .that()
          .resideInAPackage("dev.sluice.app..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.sluice.core.warehouse.DuckDbWarehouse")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.sluice.core.compile.Compiler")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.sluice.core.parse.TemplateEngine")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.sluice.core.project.ProjectLoader")
          .because(
              "the app reads, compiles, runs and previews through dev.sluice.core.pipeline"
                  + " (Pipeline, Workspace), so the CLI and the app parse and open the warehouse"
                  + " the same one way");
}
