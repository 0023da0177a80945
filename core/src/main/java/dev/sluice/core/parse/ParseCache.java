package dev.sluice.core.parse;

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
 * give back as they were, are never kept. The file is JSON lines: a header with the fingerprint,
 * then one line per entry; a parse that changed some entries adds their lines at the end (a later
 * line wins), and the file is written whole only when its fingerprint changed or it grew to twice
 * its entries. Nothing is written when nothing changed; a file that cannot be read is ignored. With
 * a {@link ParseMemory} the last parse's entries come from memory, checked by node identity rather
 * than digest, and the file is not read.
 */
public final class ParseCache {
  static final int FORMAT = 2;
  private static final String FILE = "partial_parse.json";

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

  /**
   * The file's content.
   *
   * @param cleanMacros whether the macros under this fingerprint read without a problem (null when
   *     not known): a parse answered wholly from the entries then needs no template engine
   */
  public record Stored(
      int format, String fingerprint, Boolean cleanMacros, Map<String, Entry> entries) {}

  /** What this process knows of a file: its stamp when read or written, and how many lines. */
  private record Loaded(long modified, long size, Stored stored, int lines) {}

  private final Path file;
  private final String fingerprint;

  /** The engine this cache was opened for (null for {@link #NONE}). */
  private TemplateEngine engine;

  /** The file's header does not yet say whether the macros read cleanly. */
  private boolean headerLacksMacros;

  /**
   * The file is missing, unreadable or of another fingerprint: written whole even with no entries,
   * so that its header tells the next parse the macros read cleanly (a project of static templates
   * alone then never starts Jinjava).
   */
  private boolean fileStale;

  /** The entries this parse starts from; from memory, made only when asked for (see previous()). */
  private Map<String, Entry> previous;

  private final int previousSize;
  private final Map<String, Entry> next = new LinkedHashMap<>();

  /** Ids whose entry in {@link #next} is not the one this parse started from. */
  private final List<String> changed = new ArrayList<>();

  /** How many ids of {@link #next} this parse started with. */
  private int carried;

  private final ParseMemory memory;
  private final Map<String, ParseMemory.Held> remembered;
  private final Map<String, ParseMemory.Held> nextHeld = new java.util.HashMap<>();
  private final java.util.Set<String> fromMemory = new java.util.HashSet<>();
  private int hits;
  private int misses;
  private int kept;

  private ParseCache(Path file, String fingerprint, Map<String, Entry> previous) {
    this(file, fingerprint, previous, null, Map.of(), previous.size());
  }

  private ParseCache(
      Path file,
      String fingerprint,
      Map<String, Entry> previous,
      ParseMemory memory,
      Map<String, ParseMemory.Held> remembered,
      int previousSize) {
    this.file = file;
    this.fingerprint = fingerprint;
    this.previous = previous;
    this.previousSize = previousSize;
    this.memory = memory;
    this.remembered = remembered;
  }

  /** The cache under the project's target folder, empty when missing, unreadable or stale. */
  public static ParseCache open(Project project, TemplateEngine engine) {
    return open(project, engine, null);
  }

  /**
   * As {@link #open(Project, TemplateEngine)}, first from {@code memory} when it holds a parse
   * under the same fingerprint (the file is then not read); {@code memory} gets this parse's
   * renderings when it is done.
   */
  public static ParseCache open(Project project, TemplateEngine engine, ParseMemory memory) {
    Path file =
        project
            .root()
            .resolve(project.settings().targetPath())
            .resolve(FILE)
            .toAbsolutePath()
            .normalize();
    String fp = engine.fingerprint();
    Map<String, ParseMemory.Held> remembered = memory == null ? Map.of() : memory.under(fp);
    if (!remembered.isEmpty()) {
      return new ParseCache(file, fp, null, memory, remembered, memory.nodes());
    }
    Loaded loaded = read(file);
    Stored stored = loaded == null ? null : loaded.stored();
    boolean same = stored != null && stored.format() == FORMAT && fp.equals(stored.fingerprint());
    Map<String, Entry> entries = same ? stored.entries() : Map.of();
    ParseCache cache = new ParseCache(file, fp, entries, memory, Map.of(), entries.size());
    cache.engine = engine;
    if (same && Boolean.TRUE.equals(stored.cleanMacros())) {
      engine.macrosReadCleanlyBefore(); // the same macro texts: no need to read them again
    }
    cache.headerLacksMacros = same && stored.cleanMacros() == null;
    cache.fileStale = !same;
    return cache;
  }

  /** The entries this parse started from, made from memory the first time they are asked for. */
  private Map<String, Entry> previous() {
    if (previous == null) {
      Map<String, Entry> entries = new java.util.HashMap<>();
      remembered.forEach(
          (id, h) -> {
            if (!id.startsWith(ARGUMENT) && !isStatic(h.entry())) {
              entries.put(id, h.entry());
            }
          });
      previous = entries;
    }
    return previous;
  }

  /** The entry this parse started from for a node, if any. */
  private Entry previousEntry(String id) {
    if (previous == null) {
      ParseMemory.Held h = remembered.get(id);
      return h == null || isStatic(h.entry()) ? null : h.entry();
    }
    return previous.get(id);
  }

  /** Keys of a test argument's rendering in memory (never written to the file). */
  private static final String ARGUMENT = "argument ";

  /** One line of the file after the first: an entry, or (entry null) a node gone. */
  record Line(String id, Entry entry) {}

  /** The file's first line. */
  record Header(int format, String fingerprint, Boolean cleanMacros) {}

  private static Loaded read(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      long modified = Files.getLastModifiedTime(file).toMillis();
      long size = Files.size(file);
      SoftReference<Loaded> ref = MEMORY.get(file);
      Loaded l = ref == null ? null : ref.get();
      if (l != null && l.modified() == modified && l.size() == size) {
        return l;
      }
      CacheLines.Read r = CacheLines.read(file);
      Loaded read =
          new Loaded(
              modified,
              size,
              new Stored(r.format(), r.fingerprint(), r.cleanMacros(), r.entries()),
              r.lines());
      MEMORY.put(file, new SoftReference<>(read));
      return read;
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
    String id = node.uniqueId();
    ParseMemory.Held h = remembered.get(id);
    if (h != null && h.node() == node && sameInputs(h, project, env)) {
      hits++;
      if (!isStatic(h.entry())) {
        carried++;
        next.put(id, h.entry());
      }
      nextHeld.put(id, h);
      fromMemory.add(id);
      return h.rendered();
    }
    Rendered plain = engine.staticRendering(request);
    if (plain != null) {
      // rendered as fast as an entry is checked: kept in memory, not in the file
      statics++;
      hold(
          id,
          node,
          new Entry(
              STATIC,
              plain.sql(),
              plain.refs(),
              plain.sources(),
              plain.config(),
              Map.of(),
              Map.of()),
          plain,
          project);
      return plain;
    }
    return fromEntries(engine, project, node, id, request, resolve, env, true);
  }

  /** The key of a rendering held in memory that {@link StaticTemplate} made: never in the file. */
  private static final String STATIC = "static";

  private static boolean isStatic(Entry e) {
    return STATIC.equals(e.key());
  }

  private int statics;

  /** How many nodes were rendered without Jinja in this parse (neither hits nor misses). */
  public int statics() {
    return statics;
  }

  /**
   * The rendering under {@code id} from the entries this parse started from when it still holds,
   * else rendered now and kept; {@code counted} says whether it counts in {@link #hits()} and
   * {@link #misses()} (a node's rendering does, a test argument's does not).
   */
  private Rendered fromEntries(
      TemplateEngine engine,
      Project project,
      Node node,
      String id,
      RenderRequest request,
      Function<Node, Relation> resolve,
      Map<String, String> env,
      boolean counted) {
    String key = key(node);
    Entry e = previousEntry(id);
    if (e != null) {
      carried++;
    }
    if (e != null && e.key().equals(key) && holds(e, project, resolve, env)) {
      hits += counted ? 1 : 0;
      next.put(id, e);
      Rendered r = new Rendered(e.sql(), e.refs(), e.sources(), e.config(), List.of());
      hold(id, node, e, r, project);
      return r;
    }
    misses += counted ? 1 : 0;
    RenderCall call = engine.renderCall(request, Map.of());
    Rendered r = call.result;
    if (!call.uncacheable && !call.clockRead && r.problems().isEmpty() && plain(r.config())) {
      Entry fresh =
          new Entry(
              key,
              r.sql(),
              r.refs(),
              r.sources(),
              r.config(),
              new LinkedHashMap<>(call.envRead),
              relations(r.refs(), r.sources(), project, resolve));
      next.put(id, fresh);
      changed.add(id);
      kept++;
      hold(id, node, fresh, r, project);
    }
    return r;
  }

  /**
   * A test argument such as {@code to: ref('customers')} rendered, or kept: in memory when the test
   * and what it names are the very objects they were, else (with no memory, as the CLI parses) in
   * the file, under the test's digest, as a node's rendering is.
   */
  Rendered renderArgument(
      TemplateEngine engine,
      Project project,
      Node node,
      String template,
      Function<Node, Relation> resolve,
      Map<String, String> env) {
    RenderRequest request = new RenderRequest(node, template, resolve, false);
    if (file == null || template.contains("run_started_at") || template.contains("invocation_id")) {
      return engine.render(request);
    }
    String id = ARGUMENT + node.uniqueId() + " " + template;
    if (memory == null) {
      return fromEntries(engine, project, node, id, request, resolve, env, false);
    }
    ParseMemory.Held h = remembered.get(id);
    if (h != null && h.node() == node && sameInputs(h, project, env)) {
      nextHeld.put(id, h);
      return h.rendered();
    }
    RenderCall call = engine.renderCall(request, Map.of());
    Rendered r = call.result;
    if (!call.uncacheable && !call.clockRead && r.problems().isEmpty()) {
      Entry e =
          new Entry(
              "",
              r.sql(),
              r.refs(),
              r.sources(),
              r.config(),
              new LinkedHashMap<>(call.envRead),
              Map.of());
      hold(id, node, e, r, project);
    }
    return r;
  }

  private void hold(String id, Node node, Entry e, Rendered r, Project project) {
    if (memory != null) {
      nextHeld.put(id, new ParseMemory.Held(node, e, r, targets(e, project), null, false, null));
    }
  }

  /**
   * What the last parse made of this node (its configuration merged, where it is built, its
   * problems), when its rendering came from memory and the last parse got that far; else null.
   */
  ParseMemory.Held settled(Node node) {
    if (!fromMemory.contains(node.uniqueId())) {
      return null;
    }
    ParseMemory.Held h = nextHeld.get(node.uniqueId());
    return h == null || h.problems() == null ? null : h;
  }

  /** Keeps what this parse made of a node whose rendering is held, for the next parse. */
  void settle(
      Node node,
      Node effective,
      boolean enabled,
      List<dev.sluice.core.project.ProjectProblem> problems) {
    if (memory != null) {
      nextHeld.computeIfPresent(
          node.uniqueId(), (id, h) -> h.settled(effective, enabled, problems));
    }
  }

  /** The graph of these edges: the last parse's when it had the same, else made now. */
  ParseMemory.Graph graph(Map<String, List<String>> edges) {
    ParseMemory.Graph g = memory == null ? null : memory.graph(edges);
    if (g == null) {
      Dag dag = new Dag(edges);
      g = new ParseMemory.Graph(edges, dag, dag.findCycle());
    }
    if (memory != null) {
      memory.graph(g);
    }
    return g;
  }

  /** The very nodes each ref and source of an entry finds (null for none), in order. */
  private static List<Node> targets(Entry e, Project project) {
    List<Node> out = new ArrayList<>(e.refs().size() + e.sources().size());
    for (String name : e.refs()) {
      out.add(project.refable(name).orElse(null));
    }
    for (List<String> src : e.sources()) {
      out.add(project.source(src.get(0), src.get(1)).orElse(null));
    }
    return java.util.Collections.unmodifiableList(out);
  }

  private static boolean sameInputs(ParseMemory.Held h, Project project, Map<String, String> env) {
    for (Map.Entry<String, String> v : h.entry().env().entrySet()) {
      if (!java.util.Objects.equals(env.get(v.getKey()), v.getValue())) {
        return false;
      }
    }
    Entry e = h.entry();
    int i = 0;
    for (String name : e.refs()) {
      if (project.refable(name).orElse(null) != h.targets().get(i++)) {
        return false;
      }
    }
    for (List<String> src : e.sources()) {
      if (project.source(src.get(0), src.get(1)).orElse(null) != h.targets().get(i++)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Brings the file up to this parse: the lines of the entries that changed are added at its end (a
   * one-model edit adds one line), or, when the file was made under another fingerprint or has
   * grown to twice its entries, it is written whole. Hands this parse to the memory. A project with
   * errors that has no target folder yet does not get one for this.
   */
  void save(boolean errors) {
    if (memory != null) {
      memory.replace(fingerprint, nextHeld, next.size(), misses);
    }
    if (file == null || (errors && !Files.isDirectory(file.getParent()))) {
      return;
    }
    List<Line> changed = new ArrayList<>();
    for (String id : this.changed) {
      changed.add(new Line(id, next.get(id)));
    }
    if (carried < previousSize) { // some node this parse started with is gone
      previous()
          .keySet()
          .forEach(
              id -> {
                // a parse from memory keeps test arguments in memory alone: theirs are not gone
                if (!next.containsKey(id) && (memory == null || !id.startsWith(ARGUMENT))) {
                  changed.add(new Line(id, null));
                }
              });
    }
    Boolean clean = engine == null ? null : engine.macrosReadCleanly();
    boolean newHeader = (headerLacksMacros || fileStale) && clean != null;
    if (changed.isEmpty() && !newHeader) {
      return; // nothing to write: a parse that changed nothing leaves the file alone
    }
    try {
      Loaded now = read(file);
      Stored s = new Stored(FORMAT, fingerprint, clean, next);
      int lines;
      if (now != null
          && !newHeader
          && now.stored().format() == FORMAT
          && now.stored().fingerprint().equals(fingerprint)
          && now.lines() + changed.size() < 2 * next.size() + 64) {
        StringBuilder out = new StringBuilder();
        for (Line l : changed) {
          out.append(ParseCacheLines.write(l)).append('\n');
        }
        // one write of whole lines: a reader sees each line whole or not at all
        Files.write(
            file,
            out.toString().getBytes(StandardCharsets.UTF_8),
            java.nio.file.StandardOpenOption.APPEND);
        lines = now.lines() + changed.size();
      } else {
        StringBuilder out = new StringBuilder();
        out.append(ParseCacheLines.write(new Header(FORMAT, fingerprint, clean))).append('\n');
        for (Map.Entry<String, Entry> e : next.entrySet()) {
          out.append(ParseCacheLines.write(new Line(e.getKey(), e.getValue()))).append('\n');
        }
        AtomicFiles.write(file, out.toString());
        lines = next.size();
      }
      MEMORY.put(
          file,
          new SoftReference<>(
              new Loaded(Files.getLastModifiedTime(file).toMillis(), Files.size(file), s, lines)));
    } catch (IOException | RuntimeException e) {
      // a read-only target folder: the next parse renders everything, as without a cache
      MEMORY.remove(file);
    }
  }

  private static boolean holds(
      Entry e, Project project, Function<Node, Relation> resolve, Map<String, String> env) {
    for (Map.Entry<String, String> v : e.env().entrySet()) {
      if (!java.util.Objects.equals(env.get(v.getKey()), v.getValue())) {
        return false;
      }
    }
    // compared in place: making the map of what each names now cost more than the rest
    Map<String, String> was = e.relations();
    if (was.size() != e.refs().size() + e.sources().size()) {
      return false;
    }
    for (String name : e.refs()) {
      String now = project.refable(name).map(n -> String.valueOf(resolve.apply(n))).orElse("?");
      if (!now.equals(was.get("ref:" + name))) {
        return false;
      }
    }
    for (List<String> s : e.sources()) {
      String now =
          project.source(s.get(0), s.get(1)).map(n -> String.valueOf(resolve.apply(n))).orElse("?");
      if (!now.equals(was.get("source:" + s.get(0) + "." + s.get(1)))) {
        return false;
      }
    }
    return true;
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

  /**
   * Writes a value for which {@link #plain} holds (as the cache file keeps it), with the streaming
   * generator alone.
   */
  public static void writePlain(com.fasterxml.jackson.core.JsonGenerator g, Object v)
      throws IOException {
    ParseCacheLines.value(g, v);
  }

  /** Whether JSON gives these values back equal: strings, booleans, ints, doubles, lists, maps. */
  public static boolean plain(Object v) {
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
