package dev.sluice.core.parse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.io.AtomicFiles;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.Project;
import dev.sluice.core.warehouse.Relation;
import java.io.IOException;
import java.lang.ref.SoftReference;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Partial parsing: the parse-time rendering of each node kept in {@code target/partial_parse.json},
 * so parsing again after an edit renders only what changed. An entry is used only when all of this
 * holds, else the node is rendered afresh:
 *
 * <ul>
 *   <li>the file's fingerprint is the engine's: every macro, var, the target, {@code sluice.yml}'s
 *       settings, the installed packages and the docs blocks are as they were;
 *   <li>the node is as it was: its SQL, file, configuration, description and columns (a digest of
 *       all of them);
 *   <li>every environment variable the rendering read has the value it had;
 *   <li>every {@code ref()} and {@code source()} it called still names the same relation.
 * </ul>
 *
 * Renderings with problems, or that read the whole graph, or whose config holds values JSON cannot
 * give back as they were, are never kept. The file is written whole with Jackson; one that cannot
 * be read is ignored.
 */
public final class ParseCache {
  static final int FORMAT = 1;
  private static final String FILE = "partial_parse.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The last state read or written per file, so a process parsing again skips reading it. */
  private static final Map<Path, SoftReference<Loaded>> MEMORY = new ConcurrentHashMap<>();

  /** A cache that keeps nothing: every node is rendered. */
  public static final ParseCache NONE = new ParseCache(null, "", Map.of());

  /** One node's rendering as stored. */
  public record Entry(
      String key,
      String sql,
      List<String> refs,
      List<List<String>> sources,
      Map<String, Object> config,
      Map<String, String> env,
      Map<String, String> relations) {}

  /** The file's content. */
  public record Stored(int format, String fingerprint, Map<String, Entry> entries) {}

  private record Loaded(long modified, long size, Stored stored) {}

  private final Path file;
  private final String fingerprint;
  private final Map<String, Entry> previous;
  private final Map<String, Entry> next = new LinkedHashMap<>();
  private int hits;
  private int misses;

  private ParseCache(Path file, String fingerprint, Map<String, Entry> previous) {
    this.file = file;
    this.fingerprint = fingerprint;
    this.previous = previous;
  }

  /** The cache under the project's target folder, empty when missing, unreadable or stale. */
  public static ParseCache open(Project project, TemplateEngine engine) {
    Path file =
        project
            .root()
            .resolve(project.settings().targetPath())
            .resolve(FILE)
            .toAbsolutePath()
            .normalize();
    String fp = engine.fingerprint();
    Stored stored = read(file);
    Map<String, Entry> entries =
        stored != null && stored.format() == FORMAT && fp.equals(stored.fingerprint())
            ? stored.entries()
            : Map.of();
    return new ParseCache(file, fp, entries);
  }

  private static Stored read(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      long modified = Files.getLastModifiedTime(file).toMillis();
      long size = Files.size(file);
      SoftReference<Loaded> ref = MEMORY.get(file);
      Loaded l = ref == null ? null : ref.get();
      if (l != null && l.modified() == modified && l.size() == size) {
        return l.stored();
      }
      Stored s = JSON.readValue(file.toFile(), Stored.class);
      MEMORY.put(file, new SoftReference<>(new Loaded(modified, size, s)));
      return s;
    } catch (IOException | RuntimeException e) {
      return null; // a cache that cannot be read is only slower
    }
  }

  /** How many nodes came from the cache in this parse. */
  public int hits() {
    return hits;
  }

  /** How many nodes were rendered in this parse. */
  public int misses() {
    return misses;
  }

  /** The node's rendering from the cache if it still holds, else rendered now and kept. */
  Rendered render(
      TemplateEngine engine,
      Project project,
      Node node,
      String sql,
      Function<Node, Relation> resolve,
      Map<String, String> env) {
    RenderRequest request = new RenderRequest(node, sql, resolve, false);
    if (file == null || sql.contains("run_started_at") || sql.contains("invocation_id")) {
      // no cache, or a template that prints when it was rendered: rendered every time
      return engine.render(request);
    }
    String key = key(node);
    Entry e = previous.get(node.uniqueId());
    if (e != null && e.key().equals(key) && holds(e, project, resolve, env)) {
      hits++;
      next.put(node.uniqueId(), e);
      return new Rendered(e.sql(), e.refs(), e.sources(), e.config(), List.of());
    }
    misses++;
    RenderCall call = engine.renderCall(request, Map.of());
    Rendered r = call.result;
    if (!call.uncacheable && r.problems().isEmpty() && plain(r.config())) {
      next.put(
          node.uniqueId(),
          new Entry(
              key,
              r.sql(),
              r.refs(),
              r.sources(),
              r.config(),
              new LinkedHashMap<>(call.envRead),
              relations(r.refs(), r.sources(), project, resolve)));
    }
    return r;
  }

  /**
   * Writes the entries of this parse when they differ from what the file holds. A project with
   * errors that has no target folder yet does not get one for this.
   */
  void save(boolean errors) {
    if (file == null
        || (misses == 0 && next.size() == previous.size())
        || (errors && !Files.isDirectory(file.getParent()))) {
      return;
    }
    try {
      Stored s = new Stored(FORMAT, fingerprint, next);
      AtomicFiles.write(file, JSON.writeValueAsString(s));
      MEMORY.put(
          file,
          new SoftReference<>(
              new Loaded(Files.getLastModifiedTime(file).toMillis(), Files.size(file), s)));
    } catch (IOException | RuntimeException e) {
      // a read-only target folder: the next parse renders everything, as without a cache
    }
  }

  private static boolean holds(
      Entry e, Project project, Function<Node, Relation> resolve, Map<String, String> env) {
    for (Map.Entry<String, String> v : e.env().entrySet()) {
      if (!java.util.Objects.equals(env.get(v.getKey()), v.getValue())) {
        return false;
      }
    }
    return relations(e.refs(), e.sources(), project, resolve).equals(e.relations());
  }

  /** What each ref and source of a rendering names now; a missing one names nothing. */
  private static Map<String, String> relations(
      List<String> refs,
      List<List<String>> sources,
      Project project,
      Function<Node, Relation> resolve) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : refs) {
      out.put(
          "ref:" + name,
          project.refable(name).map(n -> String.valueOf(resolve.apply(n))).orElse("?"));
    }
    for (List<String> s : sources) {
      out.put(
          "source:" + s.get(0) + "." + s.get(1),
          project
              .source(s.get(0), s.get(1))
              .map(n -> String.valueOf(resolve.apply(n)))
              .orElse("?"));
    }
    return out;
  }

  /** Whether JSON gives these values back equal: strings, booleans, ints, doubles, lists, maps. */
  private static boolean plain(Object v) {
    if (v == null
        || v instanceof String
        || v instanceof Boolean
        || v instanceof Integer
        || (v instanceof Double d && Double.isFinite(d))) {
      return true;
    }
    if (v instanceof List<?> l) {
      return l.stream().allMatch(ParseCache::plain);
    }
    if (v instanceof Map<?, ?> m) {
      return m.entrySet().stream()
          .allMatch(x -> x.getKey() instanceof String && plain(x.getValue()));
    }
    return false;
  }

  /** A digest of the node as read from its files: SQL, file, configuration, docs, columns. */
  static String key(Node node) {
    MessageDigest d = digest();
    feed(d, node.getClass().getName());
    feed(d, node.toString());
    return HexFormat.of().formatHex(d.digest());
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void feed(MessageDigest d, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    d.update(ByteBuffers.length(b.length));
    d.update(b);
  }

  private static final class ByteBuffers {
    static byte[] length(int n) {
      return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }
  }

  /** The ids whose entries this parse kept, for tests. */
  List<String> kept() {
    return new ArrayList<>(next.keySet());
  }
}
