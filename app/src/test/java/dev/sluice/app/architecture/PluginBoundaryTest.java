package dev.sluice.app.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The plugins the app ships with, checked where they all meet: on the app's class path. */
@AnalyzeClasses(
    packages = "dev.sluice.plugin",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PluginBoundaryTest {
  @ArchTest
  static final ArchRule pluginsOnlyTouchTheSpi =
      noClasses()
          .that()
          .resideInAPackage("dev.sluice.plugin..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("dev.sluice.core..")
                  .and(resideOutsideOfPackage("dev.sluice.core.spi.."))
                  .as("core classes outside dev.sluice.core.spi"))
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("dev.sluice.app..")
          .because(
              "a plugin is built against Sluice's public SPI alone, so the engine's internals can"
                  + " change without breaking it");
}
