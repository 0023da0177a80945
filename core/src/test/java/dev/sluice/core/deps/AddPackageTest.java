package dev.sluice.core.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice deps --add-package}, as dbt 1.8's {@code dbt deps --add-package}. */
class AddPackageTest {
  @TempDir Path tmp;

  private Path project() throws Exception {
    Path p = tmp.resolve("project");
    Files.createDirectories(p);
    Files.writeString(p.resolve("dbt_project.yml"), "name: shop\nconfig-version: 2\n");
    return p;
  }

  private static Path pkg(Path dir, String name) throws Exception {
    Files.createDirectories(dir.resolve("macros"));
    Files.writeString(dir.resolve("dbt_project.yml"), "name: " + name + "\nconfig-version: 2\n");
    Files.writeString(dir.resolve("macros/m.sql"), "{% macro " + name + "_m() %}1{% endmacro %}");
    return dir;
  }

  private record Run(int code, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aHubPackageIsAddedBesideTheOthersKeepingTheFilesComments() throws Exception {
    Path p = project();
    Files.writeString(
        p.resolve("packages.yml"),
        "# what the project needs\npackages:\n  - local: ../a # ours\n\n  - package: x/y\n"
            + "    version: 0.1.0\n");
    AddPackage.add(p, AddPackage.parse("dbt-labs/dbt_utils@>=1.0.0,<2.0.0", AddPackage.Source.HUB));
    String text = Files.readString(p.resolve("packages.yml"));
    assertThat(text)
        .startsWith("# what the project needs\npackages:\n  - local: ../a # ours\n")
        .endsWith(
            "  - package: x/y\n    version: 0.1.0\n  - package: dbt-labs/dbt_utils\n"
                + "    version: [\">=1.0.0\", \"<2.0.0\"]\n");
    assertThat(PackagesFile.declared(p))
        .containsExactly(
            new PackageSpec.Local("../a"),
            new PackageSpec.Hub("x/y", List.of("0.1.0"), false),
            new PackageSpec.Hub("dbt-labs/dbt_utils", List.of(">=1.0.0", "<2.0.0"), false));
  }

  @Test
  void aPackageAlreadyThereGetsTheNewVersionInItsPlace() throws Exception {
    Path p = project();
    Files.writeString(
        p.resolve("packages.yml"),
        "packages:\n- package: dbt-labs/dbt_utils\n  version: 1.0.0\n- local: ../b\n");
    AddPackage.Added a =
        AddPackage.add(p, AddPackage.parse("dbt-labs/dbt_utils@1.3.0", AddPackage.Source.HUB));
    assertThat(a.replaced()).isTrue();
    assertThat(Files.readString(p.resolve("packages.yml")))
        .isEqualTo(
            "packages:\n- package: dbt-labs/dbt_utils\n  version: \"1.3.0\"\n- local: ../b\n");
  }

  @Test
  void dependenciesYmlThatDeclaresThePackagesIsTheFileWrittenWithItsOtherKeysKept()
      throws Exception {
    Path p = project();
    Files.writeString(
        p.resolve("dependencies.yml"),
        "projects:\n  - name: upstream\npackages:\n  - local: ../a\n");
    AddPackage.Added a =
        AddPackage.add(p, AddPackage.parse("dbt-labs/codegen@0.12.1", AddPackage.Source.HUB));
    assertThat(a.file().getFileName().toString()).isEqualTo("dependencies.yml");
    assertThat(p.resolve("packages.yml")).doesNotExist();
    assertThat(Files.readString(p.resolve("dependencies.yml")))
        .isEqualTo(
            "projects:\n  - name: upstream\npackages:\n  - local: ../a\n"
                + "  - package: dbt-labs/codegen\n    version: \"0.12.1\"\n");
  }

  @Test
  void withNoPackagesFileOneIsWrittenAndTheLocalGitPackageInstalled() throws Exception {
    Path p = project();
    Path repo = pkg(tmp.resolve("repo"), "dates");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("first")
          .setAuthor("t", "t@example.com")
          .setCommitter("t", "t@example.com")
          .setSign(false)
          .call();
      git.tag().setName("v1.0.0").call();
    }
    Run r =
        cli(
            "deps",
            "--project",
            p.toString(),
            "--add-package",
            repo.toUri() + "@v1.0.0",
            "--source",
            "git");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Added " + repo.toUri()).contains("dates");
    assertThat(PackagesFile.declared(p))
        .containsExactly(new PackageSpec.Git(repo.toUri().toString(), "v1.0.0", null));
    assertThat(p.resolve("dbt_packages/dates/macros/m.sql")).exists();
    assertThat(p.resolve("package-lock.yml")).content().contains("dates");
  }

  @Test
  void anAddedPackageThatCannotBeInstalledLeavesThePackagesFileAsItWas() throws Exception {
    Path p = project();
    pkg(p.resolve("pkgs/a"), "a");
    String before = "packages:\n  - local: pkgs/a\n";
    Files.writeString(p.resolve("packages.yml"), before);
    Run r =
        cli(
            "deps",
            "--project",
            p.toString(),
            "--add-package",
            "pkgs/missing",
            "--source",
            "local");
    assertThat(r.code()).isEqualTo(Main.FAILED);
    assertThat(r.err()).contains("pkgs/missing").contains("packages.yml was put back");
    assertThat(p.resolve("packages.yml")).content().isEqualTo(before);
    assertThat(p.resolve("dbt_packages")).doesNotExist();
  }

  @Test
  void namesThatCannotBeAddedSayWhy() {
    assertThatThrownBy(() -> AddPackage.parse("dbt-labs/dbt_utils", AddPackage.Source.HUB))
        .hasMessageContaining("needs a version");
    assertThatThrownBy(() -> AddPackage.parse("https://x.org/r.git@v1", AddPackage.Source.HUB))
        .hasMessageContaining("--source git");
    assertThatThrownBy(() -> AddPackage.parse("../p@1.0", AddPackage.Source.LOCAL))
        .hasMessageContaining("no version");
    // the @ of an ssh URL is not a revision
    assertThat(AddPackage.parse("git@github.com:org/repo.git", AddPackage.Source.GIT))
        .isEqualTo(new PackageSpec.Git("git@github.com:org/repo.git", null, null));
  }

  @Test
  void aPrivatePackageIsRefusedNamingItAndTheWayAround() throws Exception {
    Path p = project();
    Files.writeString(p.resolve("packages.yml"), "packages:\n  - private: acme/secrets\n");
    assertThatThrownBy(() -> PackagesFile.declared(p))
        .hasMessageContaining("packages.yml:2")
        .hasMessageContaining("private: acme/secrets is not supported yet")
        .hasMessageContaining("github.com/acme/secrets.git");
  }
}
