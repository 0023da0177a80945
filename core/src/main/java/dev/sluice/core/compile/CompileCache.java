package dev.sluice.core.compile;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.io.AtomicFiles;
import dev.sluice.core.parse.CacheLines;
import dev.sluice.core.parse.ParseCache;
import dev.sluice.core.parse.ParseCache.Entry;
import dev.sluice.core.parse.RenderRequest;
import dev.sluice.core.parse.Rendered;
import dev.sluice.core.parse.TemplateEngine;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.Project;
import dev.sluice.core.warehouse.Relation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compile-time renderings kept in {@code target/compile_cache.json}, so that compiling again after
 * an edit renders only the nodes whose inputs changed. A kept rendering is used only when all of
 * this holds, else the node is rendered afresh:
 *
 * <ul>
 *   <li>the file was made under the engine's fingerprint (every macro, var, the target, {@code
 *       sluice.yml}'s settings, the installed packages, the docs blocks) and invocation id;
 *   <li>the node, with its configuration as parsed, the template and where the node is built read
 *       as they did, and {@code is_incremental()} gives what it gave (a digest of all of them);
 *   <li>every environment variable the rendering read has the value it had;
 *   <li>every {@code ref()} and {@code source()} it called still names the same relation.
 * </ul>
 *
 * Renderings that had problems, read the whole graph, asked the warehouse anything or read the
 * clock are never kept (see {@link TemplateEngine#renderTracked}). Ephemeral models are kept as
 * renderings of their own and inlined afresh, so a change to one reaches every model that inlines
 * it. The file is JSON lines as {@link ParseCache}'s: a header, then one line per entry, a later
 * line winning; a compile that changed entries adds their lines, and the file is written whole when
 * its fingerprint changed or it grew to twice its entries. A file that cannot be read is ignored.
 */
public final class CompileCache {
  static final int FORMAT = 1;
  static final String FILE = "compile_cache.json";

  /** Made on first use: a compile that changes no entry writes nothing and needs none. */
  private static final class Mapper {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  /** A cache that keeps nothing: every node is rendered. */
  public static final CompileCache NONE = new CompileCache(null, "", Map.of(), 0);

  /** A line of the file after the first. */
  record Line(String id, Entry entry) {}

  /** The file's first line. */
  record Header(int format, String fingerprint) {}

  private final Path file;
  private final String fingerprint;
  private final Map<String, Entry> entries;
  private final int lines;
  private final List<String> changed = new ArrayList<>();
  private int hits;
  private int misses;

  private CompileCache(Path file, String fingerprint, Map<String, Entry> entries, int lines) {
    this.file = file;
    this.fingerprint = fingerprint;
    this.entries = entries;
    this.lines = lines;
  }

  /** The cache in {@code targetDir} for renderings by {@code engine}; empty when none holds. */
  public static CompileCache open(Path targetDir, TemplateEngine engine) {
    Path file = targetDir.resolve(FILE).toAbsolutePath().normalize();
    String fp = engine.fingerprint() + " " + engine.invocationId();
    Map<String, Entry> entries = new LinkedHashMap<>();
    int lines = read(file, fp, entries);
    return new CompileCache(file, fp, entries, lines);
  }

  /** Reads the file's entries into {@code into}; its line count, or -1 when it is not usable. */
  private static int read(Path file, String fingerprint, Map<String, Entry> into) {
    if (!Files.isRegularFile(file)) {
      return -1;
    }
    try {
      CacheLines.Read r = CacheLines.read(file);
      if (r.format() != FORMAT || !fingerprint.equals(r.fingerprint())) {
        return -1;
      }
      into.putAll(r.entries());
      return r.lines();
    } catch (IOException | RuntimeException e) {
      return -1; // a cache that cannot be read is only slower
    }
  }

  /** How many renderings came from the cache. */
  public int hits() {
    return hits;
  }

  /** How many renderings were made. */
  public int misses() {
    return misses;
  }

  /**
   * The rendering of {@code request} from the cache if it still holds, else rendered now and kept.
   *
   * @param project where {@code ref()} and {@code source()} look names up (the engine's)
   */
  Rendered render(TemplateEngine engine, Project project, RenderRequest request) {
    if (file == null) {
      return engine.render(request);
    }
    Node node = request.node();
    String id = node.uniqueId();
    String key = key(request);
    Entry e = entries.get(id);
    if (e != null && e.key().equals(key) && holds(e, engine, project, request)) {
      hits++;
      return new Rendered(e.sql(), e.refs(), e.sources(), e.config(), List.of());
    }
    misses++;
    TemplateEngine.Tracked t = engine.renderTracked(request);
    Rendered r = t.rendered();
    if (t.repeatable() && ParseCache.plain(r.config())) {
      entries.put(
          id,
          new Entry(
              key,
              r.sql(),
              r.refs(),
              r.sources(),
              r.config(),
              t.envRead(),
              relations(r.refs(), r.sources(), project, request)));
      changed.add(id);
    } else if (e != null) {
      entries.remove(id);
      changed.add(id);
    }
    return r;
  }

  private static boolean holds(
      Entry e, TemplateEngine engine, Project project, RenderRequest request) {
    for (Map.Entry<String, String> v : e.env().entrySet()) {
      if (!Objects.equals(engine.env().get(v.getKey()), v.getValue())) {
        return false;
      }
    }
    Map<String, String> was = e.relations();
    if (was.size() != e.refs().size() + e.sources().size()) {
      return false;
    }
    for (String name : e.refs()) {
      String now = project.refable(name).map(n -> named(request, n)).orElse("?");
      if (!now.equals(was.get("ref:" + name))) {
        return false;
      }
    }
    for (List<String> s : e.sources()) {
      String now = project.source(s.get(0), s.get(1)).map(n -> named(request, n)).orElse("?");
      if (!now.equals(was.get("source:" + s.get(0) + "." + s.get(1)))) {
        return false;
      }
    }
    return true;
  }

  /** What each ref and source names now; a missing one names nothing. */
  private static Map<String, String> relations(
      List<String> refs, List<List<String>> sources, Project project, RenderRequest request) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : refs) {
      out.put("ref:" + name, project.refable(name).map(n -> named(request, n)).orElse("?"));
    }
    for (List<String> s : sources) {
      out.put(
          "source:" + s.get(0) + "." + s.get(1),
          project.source(s.get(0), s.get(1)).map(n -> named(request, n)).orElse("?"));
    }
    return out;
  }

  private static String named(RenderRequest request, Node n) {
    Relation r = request.resolve().apply(n);
    return r.cte() ? "cte " + r.identifier() : r.quoted();
  }

  /** A digest of the node as parsed, the template, where the node is built and is_incremental. */
  static String key(RenderRequest request) {
    MessageDigest d;
    try {
      d = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException x) {
      throw new IllegalStateException(x);
    }
    Node node = request.node();
    feed(d, node.getClass().getName());
    feed(d, node.toString());
    feed(d, request.template());
    feed(d, named(request, node));
    feed(d, String.valueOf(request.incremental()));
    return HexFormat.of().formatHex(d.digest());
  }

  private static void feed(MessageDigest d, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    d.update(
        new byte[] {
          (byte) (b.length >>> 24),
          (byte) (b.length >>> 16),
          (byte) (b.length >>> 8),
          (byte) b.length
        });
    d.update(b);
  }

  /** Drops the entries of nodes not in {@code ids} (after compiling the whole project). */
  public void retain(Set<String> ids) {
    if (file == null) {
      return;
    }
    List<String> gone = new ArrayList<>();
    for (String id : entries.keySet()) {
      if (!ids.contains(id)) {
        gone.add(id);
      }
    }
    gone.forEach(entries::remove);
    changed.addAll(gone);
  }

  /**
   * Brings the file up to this compile: the lines of changed entries are added at its end, or the
   * file is written whole when it was made under another fingerprint or has grown to twice its
   * entries. Nothing is written when nothing changed; a folder that cannot be written is left as it
   * is (the next compile renders everything, as without a cache).
   */
  public void save() {
    if (file == null || changed.isEmpty()) {
      return;
    }
    try {
      StringBuilder out = new StringBuilder();
      if (lines >= 0 && lines + changed.size() < 2 * entries.size() + 64) {
        for (String id : new java.util.LinkedHashSet<>(changed)) {
          out.append(Mapper.JSON.writeValueAsString(new Line(id, entries.get(id)))).append('\n');
        }
        // one write of whole lines: a reader sees each line whole or not at all
        Files.write(
            file,
            out.toString().getBytes(StandardCharsets.UTF_8),
            java.nio.file.StandardOpenOption.APPEND);
      } else {
        out.append(Mapper.JSON.writeValueAsString(new Header(FORMAT, fingerprint))).append('\n');
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
          out.append(Mapper.JSON.writeValueAsString(new Line(e.getKey(), e.getValue())))
              .append('\n');
        }
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, out.toString());
      }
    } catch (IOException | RuntimeException e) {
      // a read-only target folder: the next compile renders everything
    }
  }
}
