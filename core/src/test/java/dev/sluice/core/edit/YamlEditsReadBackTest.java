package dev.sluice.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.project.Export;
import dev.sluice.core.project.GenericTest;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every YAML edit, read back: after it the project loads without problems and shows the change, the
 * comments and the lines it did not touch stay, and its undo gives back every file byte for byte.
 * YamlText is the lossless layer these edits write through.
 */
class YamlEditsReadBackTest {
  private static final String SCHEMA =
      """
      # Staging models: one per raw table.
      models:
        - name: orders
          description: One row per order.   # shown in the docs
          columns:
            - name: order_id
              data_tests: [not_null, unique]   # keys
            - name: status
              description: "Where it is: placed or shipped"
        - name: customers
          config:
            materialized: view
      """;

  private static final String SOURCES =
      """
      # The shop's database.
      sources:
        - name: shop
          tables:
            - name: orders   # the raw orders
      """;

  @TempDir Path dir;

  /** One edit, and what reading the project back must show. */
  record Case(String name, Maker make, Predicate<Project> shows) {
    @Override
    public String toString() {
      return name;
    }
  }

  interface Maker {
    ProjectEdit make(Project p) throws EditRefusedException;
  }

  static Stream<Case> edits() {
    return Stream.of(
        new Case(
            "model description",
            p -> PropertyEdits.setDescription(p, "orders", "Every order: once, with its items."),
            p -> model(p, "orders").description().equals("Every order: once, with its items.")),
        new Case(
            "column description",
            p ->
                PropertyEdits.setColumnDescription(
                    p, "orders", "order_id", "The key # not a comment"),
            p ->
                model(p, "orders").columns().stream()
                    .anyMatch(
                        c ->
                            c.name().equals("order_id")
                                && "The key # not a comment".equals(c.description()))),
        new Case(
            "tags",
            p -> PropertyEdits.setTags(p, "customers", List.of("daily", "yes", "no")),
            p -> model(p, "customers").config().tags().equals(List.of("daily", "yes", "no"))),
        new Case(
            "materialization in YAML",
            p -> PropertyEdits.setMaterialization(p, "customers", "table"),
            p -> model(p, "customers").config().materialized("view").equals("table")),
        new Case(
            "column test added",
            p ->
                PropertyEdits.addColumnTest(
                    p, "orders", "status", ColumnTest.acceptedValues(List.of("placed", "NO"))),
            p ->
                p.nodesOf(GenericTest.class).stream()
                    .anyMatch(
                        t ->
                            t.testName().equals("accepted_values")
                                && "status".equals(t.columnName())
                                && String.valueOf(t.arguments().get("values"))
                                    .equals("[placed, NO]"))),
        new Case(
            "column test removed",
            p -> PropertyEdits.removeTest(p, testId(p, "unique", "order_id")),
            p ->
                p.nodesOf(GenericTest.class).stream()
                    .noneMatch(t -> t.testName().equals("unique"))),
        new Case(
            "source table added",
            p -> SourceEdits.newSourceTable(p, "shop", "customers", null),
            p ->
                p.nodesOf(SourceTable.class).stream()
                    .map(SourceTable::name)
                    .toList()
                    .containsAll(List.of("orders", "customers"))),
        new Case(
            "export added",
            p -> ExportEdits.newExport(p, "orders_csv", "orders", Export.Format.CSV),
            p ->
                p.nodesOf(Export.class).stream()
                    .anyMatch(e -> e.name().equals("orders_csv") && e.model().equals("orders"))));
  }

  private static Model model(Project p, String name) {
    return (Model) p.node("model." + name).orElseThrow();
  }

  private static String testId(Project p, String testName, String column) {
    return p.nodesOf(GenericTest.class).stream()
        .filter(t -> t.testName().equals(testName) && column.equals(t.columnName()))
        .findFirst()
        .orElseThrow()
        .uniqueId();
  }

  private Map<String, String> files(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(p) && !root.relativize(p).startsWith("target")) {
          out.put(root.relativize(p).toString(), Files.readString(p));
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edits")
  void anEditReadsBackKeepsCommentsAndUndoesByteForByte(Case c) throws Exception {
    ProjectFolder f =
        ProjectFolder.sluice(dir, "y")
            .file("models/staging/orders.sql", "select 1 as order_id, 'placed' as status")
            .file("models/staging/customers.sql", "select 1 as customer_id")
            .file("models/staging/schema.yml", SCHEMA)
            .file("sources/shop.yml", SOURCES);
    Map<String, String> before = files(f.root());
    Project p = f.load();
    assertThat(p.problems()).isEmpty();
    assertThat(c.shows().test(p)).as("not there before the edit").isFalse();

    ProjectEdit e = c.make().make(p);
    e.apply();
    Project after = f.load();
    assertThat(after.problems()).as("the edited files still read").isEmpty();
    assertThat(c.shows().test(after)).as("the edit reads back").isTrue();
    String schema = Files.readString(f.root().resolve("models/staging/schema.yml"));
    assertThat(schema).contains("# Staging models: one per raw table.", "# keys");
    assertThat(Files.readString(f.root().resolve("sources/shop.yml")))
        .contains("# The shop's database.", "# the raw orders");

    assertThat(e.revert()).isEmpty();
    assertThat(files(f.root())).isEqualTo(before);
  }
}
