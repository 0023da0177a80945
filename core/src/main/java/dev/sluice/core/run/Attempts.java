package dev.sluice.core.run;

import dev.sluice.core.project.Node;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Tries a node as its {@link RetryPolicy} allows: each attempt on a fresh runner, cancelled when it
 * passes the timeout, retried after an error with a doubling wait. Tests that fail are not retried:
 * their data says no, and asking again changes nothing.
 */
final class Attempts implements AutoCloseable {
  private final Supplier<NodeRunner> runners;
  private final RetryPolicy policy;
  private final String runId;
  private final RunListener listener;
  private final Set<NodeRunner> live = ConcurrentHashMap.newKeySet();
  private final Object waits = new Object();
  private volatile ScheduledExecutorService timers;
  private volatile boolean cancelled;

  Attempts(Supplier<NodeRunner> runners, RetryPolicy policy, String runId, RunListener listener) {
    this.runners = runners;
    this.policy = policy;
    this.runId = runId;
    this.listener = listener;
  }

  NodeResult run(Node node) {
    RetryPolicy p = policy.forNode(node);
    Instant first = Instant.now();
    long t0 = System.nanoTime();
    int attempt = 1;
    while (true) {
      NodeResult r = once(node, p.timeout());
      boolean retry = r.status() == NodeStatus.ERROR && attempt <= p.retries() && !cancelled;
      if (!retry) {
        return r.afterAttempts(attempt, first, (System.nanoTime() - t0) / 1_000_000);
      }
      Duration wait = p.delayBefore(attempt + 1);
      listener.on(
          new RunEvent.NodeRetrying(
              runId, node.uniqueId(), attempt, p.retries() + 1, r.message(), wait, Instant.now()));
      if (!sleep(wait)) {
        return r.afterAttempts(attempt, first, (System.nanoTime() - t0) / 1_000_000);
      }
      attempt++;
    }
  }

  private NodeResult once(Node node, Duration timeout) {
    NodeRunner runner = runners.get();
    live.add(runner);
    if (cancelled) {
      runner.cancel();
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> timer = null;
    if (timeout != null && !timeout.isZero()) {
      timer =
          timers()
              .schedule(
                  () -> {
                    timedOut.set(true);
                    runner.cancelStatements();
                  },
                  timeout.toMillis(),
                  TimeUnit.MILLISECONDS);
    }
    try {
      NodeResult r = runner.run(node);
      if (timedOut.get() && !cancelled && r.status() != NodeStatus.SUCCESS) {
        return r.failedWith(
            "timed out after " + DurationText.format(timeout) + " and was cancelled");
      }
      return r;
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
      live.remove(runner);
    }
  }

  /** False when the run was cancelled while waiting. */
  private boolean sleep(Duration d) {
    long until = System.nanoTime() + d.toNanos();
    synchronized (waits) {
      while (!cancelled) {
        long left = until - System.nanoTime();
        if (left <= 0) {
          return true;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(waits, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return false;
  }

  private ScheduledExecutorService timers() {
    ScheduledExecutorService t = timers;
    if (t == null) {
      synchronized (this) {
        if (timers == null) {
          timers =
              Executors.newSingleThreadScheduledExecutor(
                  r -> {
                    Thread th = new Thread(r, "sluice-timeouts");
                    th.setDaemon(true);
                    return th;
                  });
        }
        t = timers;
      }
    }
    return t;
  }

  void cancel() {
    cancelled = true;
    live.forEach(NodeRunner::cancel);
    synchronized (waits) {
      waits.notifyAll();
    }
  }

  @Override
  public void close() {
    ScheduledExecutorService t = timers;
    if (t != null) {
      t.shutdownNow();
    }
  }
}
