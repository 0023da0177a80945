package dev.sluice.core.run;

import dev.sluice.core.compile.Compiler;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.plan.Command;
import dev.sluice.core.plan.Plan;
import dev.sluice.core.project.Node;
import dev.sluice.core.warehouse.Catalog;
import dev.sluice.core.warehouse.Warehouse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs a plan with bounded parallelism: a node starts when everything it waits for has finished
 * well; when one fails, everything downstream of it is skipped and the rest go on. Synchronous and
 * cancellable from another thread.
 */
public final class Executor {
  private final Warehouse warehouse;
  private final SourceLoads loads;
  private final RetryPolicy retries;
  private volatile Attempts attempts;
  private volatile boolean cancelled;

  public Executor(Warehouse warehouse, SourceLoads loads) {
    this(warehouse, loads, RetryPolicy.NONE);
  }

  /** An executor that retries failed nodes and times out slow ones as {@code retries} says. */
  public Executor(Warehouse warehouse, SourceLoads loads, RetryPolicy retries) {
    this.warehouse = warehouse;
    this.loads = loads;
    this.retries = retries;
  }

  /**
   * @param threads how many nodes may run at once (at least 1)
   */
  public RunSummary run(
      Manifest manifest,
      Compiler compiler,
      Catalog catalog,
      Plan plan,
      Command command,
      int threads,
      boolean fullRefresh,
      String runId,
      RunListener listener) {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    listener.on(new RunEvent.RunStarted(runId, command.label(), plan.order(), started));
    IdleConnections connections = new IdleConnections(warehouse);
    Attempts nodeAttempts =
        new Attempts(
            () ->
                new NodeRunner(
                    warehouse,
                    compiler,
                    loads,
                    manifest.project().root(),
                    runId,
                    fullRefresh,
                    catalog,
                    connections),
            retries,
            runId,
            listener);
    this.attempts = nodeAttempts;
    if (cancelled) {
      nodeAttempts.cancel();
    }
    createSchemas(manifest, compiler, plan);

    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<String>> dependents = new HashMap<>();
    plan.waitsFor()
        .forEach(
            (id, deps) -> {
              waiting.put(id, deps.size());
              deps.forEach(d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(id));
            });
    List<NodeResult> results = new ArrayList<>();
    Set<String> done = new HashSet<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, threads),
            r -> {
              Thread t = new Thread(r, "sluice-worker");
              t.setDaemon(true);
              return t;
            });
    CompletionService<NodeResult> completions = new ExecutorCompletionService<>(pool);
    int inFlight = 0;
    try {
      for (String id : plan.order()) {
        if (waiting.get(id) == 0) {
          submit(completions, manifest.node(id).orElseThrow(), runId, listener);
          inFlight++;
        }
      }
      while (inFlight > 0) {
        NodeResult r = completions.take().get();
        inFlight--;
        finish(r, results, done, plan, listener, runId);
        List<String> blocked = new ArrayList<>();
        for (String child : dependents.getOrDefault(r.nodeId(), List.of())) {
          if (done.contains(child)) {
            continue;
          }
          if (r.status().blocksDownstream() || cancelled) {
            blocked.add(child);
          } else if (waiting.merge(child, -1, Integer::sum) == 0) {
            submit(completions, manifest.node(child).orElseThrow(), runId, listener);
            inFlight++;
          }
        }
        for (String b : blocked) {
          skip(b, r, manifest, dependents, results, done, plan, listener, runId);
        }
      }
      // with nothing in flight, whatever has not run was cut off by a cancel
      for (String id : plan.order()) {
        if (!done.contains(id)) {
          Node n = manifest.node(id).orElseThrow();
          finish(
              new NodeResult(
                  id,
                  n.name(),
                  n.kind().label(),
                  NodeStatus.CANCELLED,
                  Instant.now(),
                  0,
                  -1,
                  "cancelled before it started",
                  null,
                  null,
                  List.of(),
                  null),
              results,
              done,
              plan,
              listener,
              runId);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a worker failed unexpectedly", e.getCause());
    } finally {
      pool.shutdownNow();
      nodeAttempts.close();
      connections.close();
    }
    RunSummary summary =
        new RunSummary(
            runId,
            command.label(),
            started,
            (System.nanoTime() - t0) / 1_000_000,
            results,
            cancelled);
    listener.on(new RunEvent.RunFinished(runId, summary));
    return summary;
  }

  private void submit(
      CompletionService<NodeResult> completions, Node node, String runId, RunListener listener) {
    completions.submit(
        () -> {
          listener.on(new RunEvent.NodeStarted(runId, node.uniqueId(), Instant.now()));
          return attempts.run(node);
        });
  }

  private static void finish(
      NodeResult r,
      List<NodeResult> results,
      Set<String> done,
      Plan plan,
      RunListener listener,
      String runId) {
    results.add(r);
    done.add(r.nodeId());
    listener.on(new RunEvent.NodeFinished(runId, r, results.size(), plan.size()));
  }

  private void skip(
      String id,
      NodeResult cause,
      Manifest manifest,
      Map<String, List<String>> dependents,
      List<NodeResult> results,
      Set<String> done,
      Plan plan,
      RunListener listener,
      String runId) {
    if (done.contains(id)) {
      return;
    }
    Node n = manifest.node(id).orElseThrow();
    String why =
        cancelled
            ? "cancelled"
            : "skipped because " + cause.kind() + " " + cause.name() + " " + cause.status().label();
    NodeStatus status = cancelled ? NodeStatus.CANCELLED : NodeStatus.SKIPPED;
    NodeResult r =
        new NodeResult(
            id,
            n.name(),
            n.kind().label(),
            status,
            Instant.now(),
            0,
            -1,
            why,
            null,
            null,
            List.of(),
            null);
    finish(r, results, done, plan, listener, runId);
    for (String child : dependents.getOrDefault(id, List.of())) {
      skip(child, cause, manifest, dependents, results, done, plan, listener, runId);
    }
  }

  /** Schemas are made up front: creating one from two workers at once conflicts in DuckDB. */
  private void createSchemas(Manifest manifest, Compiler compiler, Plan plan) {
    Set<String> schemas = new java.util.TreeSet<>();
    for (String id : plan.order()) {
      Node n = manifest.node(id).orElseThrow();
      var rel = compiler.relationOf(n);
      if (!rel.cte() && rel.schema() != null) {
        schemas.add(rel.schema());
      }
    }
    schemas.forEach(warehouse::ensureSchema);
  }

  /** Stops the run: running statements are interrupted and roll back; queued nodes never start. */
  public void cancel() {
    cancelled = true;
    Attempts a = attempts;
    if (a != null) {
      a.cancel();
    }
  }
}
