package dev.sluice.core.orchestrate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends alerts: a JSON POST to each webhook (bounded retries; a 5xx or no answer is logged, never
 * thrown) and each command hook run through the shell. What is logged names the webhook as the
 * project file wrote it, so a secret from {@code ${env:...}} is never printed.
 */
public final class Alerts {
  private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

  private final List<Alert> alerts;
  private final Map<String, String> env;
  private final Consumer<String> log;
  private final int attempts;
  private final Duration wait;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param log where delivery problems are told (serve's output)
   */
  public Alerts(List<Alert> alerts, Map<String, String> env, Consumer<String> log) {
    this(alerts, env, log, 3, Duration.ofSeconds(2), Duration.ofSeconds(10));
  }

  /** With the delivery settings given: tests use short waits. */
  public Alerts(
      List<Alert> alerts,
      Map<String, String> env,
      Consumer<String> log,
      int attempts,
      Duration wait,
      Duration timeout) {
    this.alerts = List.copyOf(alerts);
    this.env = env;
    this.log = log;
    this.attempts = Math.max(1, attempts);
    this.wait = wait;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** Sends a message to every alert that listens for its kind; returns how many got it. */
  public int send(AlertMessage m) {
    int delivered = 0;
    for (Alert a : alerts) {
      if (!a.on().contains(m.on())) {
        continue;
      }
      if (a.webhook() != null && post(a, m)) {
        delivered++;
      }
      if (a.command() != null && run(a, m)) {
        delivered++;
      }
    }
    return delivered;
  }

  private boolean post(Alert a, AlertMessage m) {
    String shown = a.webhook();
    String url;
    try {
      url = resolve(a.webhook());
    } catch (IllegalArgumentException e) {
      log.accept("alert webhook " + shown + " (" + where(a) + "): " + e.getMessage());
      return false;
    }
    List<String> tries = new ArrayList<>();
    for (int i = 1; i <= attempts; i++) {
      try {
        HttpRequest req =
            HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(m.json()))
                .build();
        HttpResponse<Void> res = http.send(req, HttpResponse.BodyHandlers.discarding());
        if (res.statusCode() / 100 == 2) {
          return true;
        }
        tries.add("HTTP " + res.statusCode());
        if (res.statusCode() / 100 == 4) {
          break; // the request itself is refused; asking again changes nothing
        }
      } catch (IOException | IllegalArgumentException e) {
        tries.add(
            e instanceof java.net.http.HttpTimeoutException
                ? "no answer"
                : describe(e).replace(url, shown));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        tries.add("interrupted");
        break;
      }
      if (i < attempts && !sleep(wait.multipliedBy(1L << (i - 1)))) {
        break;
      }
    }
    log.accept(
        "alert webhook "
            + shown
            + " ("
            + where(a)
            + ") was not delivered after "
            + tries.size()
            + " attempt"
            + (tries.size() == 1 ? "" : "s")
            + ": "
            + String.join(", ", tries));
    return false;
  }

  private boolean run(Alert a, AlertMessage m) {
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", a.command());
    pb.environment().put("SLUICE_ALERT_EVENT", m.on().label());
    pb.environment().put("SLUICE_ALERT_TEXT", m.text());
    pb.environment().put("SLUICE_AUTOMATION", m.automation());
    pb.environment().put("SLUICE_RUN_ID", m.runId() == null ? "" : m.runId());
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    try {
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis() * 3, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        log.accept("alert command (" + where(a) + ") did not finish in time and was stopped");
        return false;
      }
      if (p.exitValue() != 0) {
        log.accept("alert command (" + where(a) + ") exited with " + p.exitValue());
        return false;
      }
      return true;
    } catch (IOException e) {
      log.accept("alert command (" + where(a) + ") could not start: " + e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The URL with each {@code ${env:NAME}} replaced; refused when a variable is not set. */
  String resolve(String text) {
    Matcher mt = ENV.matcher(text);
    StringBuilder out = new StringBuilder();
    while (mt.find()) {
      String v = env.get(mt.group(1));
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException(
            "the environment variable " + mt.group(1) + " is not set; nothing was sent");
      }
      mt.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    mt.appendTail(out);
    return out.toString();
  }

  private static String describe(Exception e) {
    String s = e.getMessage();
    return s == null || s.isBlank() ? e.getClass().getSimpleName() : s;
  }

  private static String where(Alert a) {
    return a.file().toString().replace('\\', '/') + ":" + a.line();
  }

  private static boolean sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
