package dev.sluice.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The app's packages follow what a person sees and depend one way: project state at the bottom, the
 * graph, inspector, explorer, palette, editor, results and runs above it, the window on top.
 */
@AnalyzeClasses(packages = "dev.sluice.app", importOptions = ImportOption.DoNotIncludeTests.class)
class AppSlicesTest {
  @ArchTest
  static final ArchRule appPackagesAreFreeOfCycles =
      slices()
          .matching("dev.sluice.app.(*)..")
          .should()
          .beFreeOfCycles()
          .because("a view package that reaches back into the window or another view tangles them");

  @ArchTest
  static final ArchRule onlyElkLayoutNamesElk =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("dev.sluice.app.project.ElkLayout")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.eclipse.elk..")
          .because(
              "ELK's classes load, and its signed jars are verified, when a class naming them is;"
                  + " a large project, laid out without ELK, opens without that");
}
