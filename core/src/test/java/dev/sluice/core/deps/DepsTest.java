package dev.sluice.core.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DepsTest {
  @TempDir Path tmp;
  Path project;
  LoopbackHub hub;
  final List<String> progress = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    project = Files.createDirectories(tmp.resolve("shop"));
    Files.writeString(project.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    hub = new LoopbackHub();
  }

  @AfterEach
  void tearDown() {
    hub.close();
  }

  private Deps.Result deps(boolean upgrade) {
    return Deps.install(project, new Deps.Options(upgrade, false, hub.url()), progress::add);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void localPackageIsInstalledUnderItsProjectNameAndLocked() throws IOException {
    write(tmp.resolve("helpers/dbt_project.yml"), "name: shop_helpers\n");
    write(
        tmp.resolve("helpers/macros/cents.sql"), "{% macro cents(x) %}{{ x }} / 100{% endmacro %}");
    write(project.resolve("packages.yml"), "packages:\n  - local: ../helpers\n");

    Deps.Result r = deps(false);

    assertThat(r.packages()).extracting(LockFile.Pinned::name).containsExactly("shop_helpers");
    assertThat(project.resolve("dbt_packages/shop_helpers/macros/cents.sql"))
        .content()
        .contains("macro cents");
    String lock = Files.readString(project.resolve("package-lock.yml"));
    assertThat(lock)
        .contains("  - local: ../helpers\n    name: shop_helpers\n")
        .containsPattern("sha1_hash: [0-9a-f]{40}");
    assertThat(LockCheck.of(project)).isEqualTo(LockCheck.State.UP_TO_DATE);
    try (var list = Files.list(project)) {
      assertThat(list.map(p -> p.getFileName().toString()))
          .doesNotContain(".dbt_packages-downloads-", ".dbt_packages-installing-")
          .allMatch(n -> !n.startsWith(".dbt_packages"));
    }
  }

  @Test
  void lockHashIsTheOneDbtWritesForTheSameEntries() throws IOException {
    // the figure dbt 1.8+ wrote into dbt-utils' integration_tests/package-lock.yml for local: ../
    write(project.resolve("packages.yml"), "packages:\n    - local: ../\n");
    assertThat(LockFile.hashOf(PackagesFile.hashEntries(project)))
        .isEqualTo("de2deba3d66ce03d8c02949013650cc9b94f6030");
    write(
        project.resolve("packages.yml"),
        "packages:\n  - package: a/b\n    version: [\">=1.0.0\"]\n");
    assertThat(LockFile.hashOf(PackagesFile.hashEntries(project)))
        .isEqualTo(
            sha1(
                "{\"install-prerelease\": false, \"package\": \"a/b\", \"unrendered\":"
                    + " {\"package\": \"a/b\", \"version\": [\">=1.0.0\"]}, \"version\": [\">=1.0.0\"]}"));
  }

  @Test
  void lockFileScalarsThatYamlWouldMisreadAreQuotedAndReadBackAsWritten() {
    List<LockFile.Pinned> pinned =
        List.of(
            new LockFile.Pinned(
                new PackageSpec.Git("https://x.test/a.git", "1234e567", null), "yes"),
            new LockFile.Pinned(new PackageSpec.Git("https://x.test/b.git", "3c76ab", "on"), "b"),
            new LockFile.Pinned(new PackageSpec.Hub("a/b", List.of("1.0.0"), false), "b_pkg"));
    new LockFile(pinned, "abc").write(project);
    LockFile back = LockFile.read(project);
    assertThat(back.packages()).isEqualTo(pinned);
    assertThat(back.sha1Hash()).isEqualTo("abc");
  }

  @Test
  void aLockWrittenWithoutNamesInstallsUnderTheNamesThePackagesGive() throws IOException {
    write(tmp.resolve("helpers/dbt_project.yml"), "name: shop_helpers\n");
    write(project.resolve("packages.yml"), "packages:\n  - local: ../helpers\n");
    write(project.resolve("package-lock.yml"), "packages:\n- local: ../helpers\nsha1_hash: 0\n");
    Deps.Result r = deps(false);
    assertThat(r.locked()).isFalse();
    assertThat(r.packages()).extracting(LockFile.Pinned::name).containsExactly("shop_helpers");
    assertThat(project.resolve("dbt_packages/shop_helpers/dbt_project.yml")).exists();
  }

  private static String sha1(String s) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-1")
                  .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void gitPackageAtATagIsCheckedOutFromItsSubdirectoryAndPinnedToTheCommit() throws Exception {
    Path repoDir = tmp.resolve("repo");
    String tagged;
    try (Git git = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call()) {
      write(repoDir.resolve("pkg/dbt_project.yml"), "name: dates\n");
      write(repoDir.resolve("pkg/macros/d.sql"), "{% macro d() %}1{% endmacro %}");
      git.add().addFilepattern(".").call();
      tagged = commit(git, "first").getName();
      git.tag().setName("v1.0.0").call();
      write(repoDir.resolve("pkg/macros/d.sql"), "{% macro d() %}2{% endmacro %}");
      git.add().addFilepattern(".").call();
      commit(git, "second");
    }
    write(
        project.resolve("packages.yml"),
        "packages:\n  - git: \""
            + repoDir.toUri()
            + "\"\n    revision: v1.0.0\n    subdirectory: pkg\n");

    deps(false);

    assertThat(project.resolve("dbt_packages/dates/macros/d.sql"))
        .content()
        .contains("1{% endmacro");
    assertThat(project.resolve("dbt_packages/dates/.git")).doesNotExist();
    assertThat(Files.readString(project.resolve("package-lock.yml")))
        .contains("    revision: " + tagged + "\n")
        .contains("    subdirectory: pkg\n");
  }

  private static org.eclipse.jgit.revwalk.RevCommit commit(Git git, String message)
      throws Exception {
    return git.commit()
        .setMessage(message)
        .setAuthor("t", "t@example.com")
        .setCommitter("t", "t@example.com")
        .setSign(false)
        .call();
  }

  @Test
  void hubRangeResolvesToTheNewestVersionInsideItAndBringsItsOwnPackages() throws IOException {
    hub.publish("acme/base", "acme_base", "0.3.0", "[]", Map.of());
    hub.publish("acme/base", "acme_base", "0.4.0", "[]", Map.of());
    hub.publish("acme/utils", "acme_utils", "1.0.0", "[]", Map.of());
    hub.publish(
        "acme/utils",
        "acme_utils",
        "1.2.0",
        "[{\"package\": \"acme/base\", \"version\": [\">=0.3.0\", \"<0.4.0\"]}]",
        Map.of("macros/star.sql", "{% macro star() %}*{% endmacro %}"));
    hub.publish("acme/utils", "acme_utils", "2.0.0", "[]", Map.of());
    hub.publish("acme/utils", "acme_utils", "1.3.0-b1", "[]", Map.of());
    write(
        project.resolve("packages.yml"),
        "packages:\n  - package: acme/utils\n    version: [\">=1.0.0\", \"<2.0.0\"]\n");

    Deps.Result r = deps(false);

    assertThat(r.packages())
        .extracting(Deps::describe)
        .containsExactly("acme/utils 1.2.0", "acme/base 0.3.0");
    assertThat(project.resolve("dbt_packages/acme_utils/macros/star.sql")).exists();
    assertThat(project.resolve("dbt_packages/acme_base/dbt_project.yml"))
        .content()
        .contains("0.3.0");
    assertThat(Files.readString(project.resolve("package-lock.yml")))
        .contains("  - name: acme_utils\n    package: acme/utils\n    version: 1.2.0\n");
  }

  @Test
  void aLockFileIsInstalledExactlyUntilUpgradeAsksForNewer() throws IOException {
    hub.publish("acme/utils", "acme_utils", "1.0.0", "[]", Map.of());
    write(
        project.resolve("packages.yml"),
        "packages:\n  - package: acme/utils\n    version: \">=1.0.0\"\n");
    deps(false);
    hub.publish("acme/utils", "acme_utils", "1.1.0", "[]", Map.of());

    Deps.Result again = deps(false);
    assertThat(again.locked()).isFalse();
    assertThat(project.resolve("dbt_packages/acme_utils/dbt_project.yml"))
        .content()
        .contains("1.0.0");
    assertThat(again.notes()).anyMatch(n -> n.contains("1.1.0 is available"));

    Deps.Result upgraded = deps(true);
    assertThat(upgraded.locked()).isTrue();
    assertThat(project.resolve("dbt_packages/acme_utils/dbt_project.yml"))
        .content()
        .contains("1.1.0");
  }

  @Test
  void aDownloadThatBreaksOffNamesPackageAndUrlAndLeavesOldPackagesInPlace() throws IOException {
    hub.publish("acme/utils", "acme_utils", "1.0.0", "[]", Map.of());
    write(
        project.resolve("packages.yml"),
        "packages:\n  - package: acme/utils\n    version: \"1.0.0\"\n");
    deps(false);
    hub.publish("acme/utils", "acme_utils", "1.1.0", "[]", Map.of());
    hub.brokenPath = hub.tarballPath("acme/utils", "1.1.0");
    write(
        project.resolve("packages.yml"),
        "packages:\n  - package: acme/utils\n    version: \"1.1.0\"\n");

    assertThatThrownBy(() -> deps(false))
        .isInstanceOf(DepsException.class)
        .hasMessageContaining("acme/utils")
        .hasMessageContaining(hub.url() + "tarballs/acme/utils/1.1.0.tar.gz");

    assertThat(project.resolve("dbt_packages/acme_utils/dbt_project.yml"))
        .content()
        .contains("1.0.0");
    try (var list = Files.list(project)) {
      assertThat(list.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith(".dbt_packages"));
    }
  }

  @Test
  void anUnreachableHubNamesThePackageAndTheUrl() throws IOException {
    write(
        project.resolve("packages.yml"),
        "packages:\n  - package: acme/missing\n    version: \"1.0.0\"\n");
    assertThatThrownBy(() -> deps(false))
        .hasMessageContaining("acme/missing")
        .hasMessageContaining(hub.url() + "api/v1/acme/missing.json");
    assertThat(project.resolve("dbt_packages")).doesNotExist();
  }

  @Test
  void aGitPackageAskingForALocalPathIsRefusedByName() throws Exception {
    Path repoDir = tmp.resolve("repo2");
    try (Git git = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call()) {
      write(repoDir.resolve("dbt_project.yml"), "name: outer\n");
      write(repoDir.resolve("packages.yml"), "packages:\n  - local: inner\n");
      write(repoDir.resolve("inner/dbt_project.yml"), "name: inner_pkg\n");
      git.add().addFilepattern(".").call();
      commit(git, "one");
    }
    write(project.resolve("packages.yml"), "packages:\n  - git: \"" + repoDir.toUri() + "\"\n");
    // the clone is scratch, gone after the install: a link into it would dangle
    assertThatThrownBy(() -> deps(false))
        .isInstanceOf(DepsException.class)
        .hasMessageContaining(repoDir.toUri().toString())
        .hasMessageContaining("local: inner");
    assertThat(project.resolve("package-lock.yml")).doesNotExist();
  }

  @Test
  void aMissingPackagesFolderIsReportedAsNotInstalled() throws IOException {
    write(tmp.resolve("helpers/dbt_project.yml"), "name: h\n");
    write(project.resolve("packages.yml"), "packages:\n  - local: ../helpers\n");
    assertThat(LockCheck.of(project)).isEqualTo(LockCheck.State.NOT_INSTALLED);
    deps(false);
    Folders.delete(project.resolve("dbt_packages"));
    assertThat(LockCheck.of(project)).isEqualTo(LockCheck.State.NOT_INSTALLED);
    write(
        project.resolve("packages.yml"),
        "packages:\n  - local: ../helpers\n  - package: a/b\n    version: 1.0.0\n");
    assertThat(LockCheck.of(project)).isEqualTo(LockCheck.State.OUT_OF_DATE);
  }
}
