package dev.sluice.app.quality;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.SourceTable;
import dev.sluice.core.quality.Freshness;
import dev.sluice.core.quality.FreshnessRule;
import dev.sluice.core.quality.QualityHistory;
import dev.sluice.core.quality.QualitySettings;
import dev.sluice.core.quality.Scorecard;
import dev.sluice.core.quality.SourceFreshness;
import dev.sluice.core.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The scorecard for the open project, read from the warehouse on the background executor (so runs
 * made with the CLI count too); the lists change on the UI thread.
 */
public final class QualityViewModel {
  private final ObservableList<Scorecard.TableScore> tables = FXCollections.observableArrayList();
  private final ObservableList<Scorecard.CheckScore> failing = FXCollections.observableArrayList();
  private final ObservableList<Freshness.Result> freshness = FXCollections.observableArrayList();
  private final ObservableMap<String, Scorecard.TableScore> byNode =
      FXCollections.observableHashMap();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No checks run yet");
  private final ReadOnlyStringWrapper grade = new ReadOnlyStringWrapper("");
  private final Executor background;
  private final Consumer<Runnable> onUiThread;

  public QualityViewModel(Executor background, Consumer<Runnable> onUiThread) {
    this.background = background;
    this.onUiThread = onUiThread;
  }

  /**
   * Reads the scorecard from the DuckDB file at {@code duckdbPath} with the project's settings, and
   * measures the freshness of the project's sources that have a rule (as {@code sluice source
   * freshness} does, without recording it).
   */
  public void refresh(String duckdbPath, Manifest manifest) {
    Path projectRoot = manifest.project().root();
    background.execute(
        () -> {
          Scorecard card;
          List<Freshness.Result> fresh = new ArrayList<>();
          try {
            QualitySettings settings = QualitySettings.read(projectRoot);
            if (!duckdbPath.equals(":memory:") && !Files.exists(Path.of(duckdbPath))) {
              card = Scorecard.of(List.of(), settings);
            } else {
              try (Warehouse w = dev.sluice.core.pipeline.Workspace.openWarehouse(duckdbPath)) {
                card =
                    Scorecard.of(new QualityHistory(w).checkResults(settings.keepRuns()), settings);
                for (SourceTable t : SourceFreshness.tables(manifest, manifest.dag().nodeIds())) {
                  fresh.add(Freshness.measure(w, t, FreshnessRule.of(t).orElseThrow()));
                }
              }
            }
          } catch (RuntimeException e) {
            return; // locked by a run in a terminal, or a bad quality block: keep what is shown
          }
          Scorecard result = card;
          onUiThread.accept(
              () -> {
                show(result);
                freshness.setAll(fresh);
              });
        });
  }

  /** The freshness of each source table with a rule, as last measured. */
  public ObservableList<Freshness.Result> freshness() {
    return freshness;
  }

  private void show(Scorecard card) {
    tables.setAll(card.tables());
    failing.setAll(card.tables().stream().flatMap(t -> t.failing().stream()).toList());
    Map<String, Scorecard.TableScore> m = new HashMap<>();
    card.tables().forEach(t -> m.put(t.nodeId(), t));
    byNode.keySet().retainAll(m.keySet());
    byNode.putAll(m);
    if (card.tables().isEmpty()) {
      summary.set("No checks run yet: build or test the project to score its tables");
      grade.set("");
    } else {
      summary.set(
          String.format(
              Locale.ROOT,
              "Overall %d · %s · %d tables · %d checks · %d not passing",
              Math.round(card.overall()),
              card.grade(),
              card.tables().size(),
              card.checks(),
              failing.size()));
      grade.set(card.grade());
    }
  }

  public ObservableList<Scorecard.TableScore> tables() {
    return tables;
  }

  public ObservableList<Scorecard.CheckScore> failing() {
    return failing;
  }

  /** Each scored table by its node id, for the badges on the graph. */
  public ObservableMap<String, Scorecard.TableScore> byNode() {
    return byNode;
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** good, fair, poor, or empty before any check ran. */
  public ReadOnlyStringProperty gradeProperty() {
    return grade.getReadOnlyProperty();
  }
}
