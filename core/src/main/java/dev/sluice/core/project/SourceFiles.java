package dev.sluice.core.project;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link ProjectLoader} read last time, so loading the same folder again reads only the
 * files whose size or modification time changed, and gives back the very node objects of the last
 * load for nodes that read as they did (later stages can then tell an unchanged node by identity).
 *
 * <p>A file is taken as unchanged only when its size and modification time are those recorded and
 * it was last modified well before it was read ({@link #SETTLED_MILLIS}): a file written twice
 * within a file system's timestamp granularity is read again, not trusted. A file whose stamp
 * changed is read, and when its text is what it was, the old text is kept. It also keeps what the
 * last complete load depended on ({@link LoadInputs}), so that a load after an edit of models' SQL
 * alone is the last project with that SQL swapped in. Not thread-safe: one loader at a time.
 */
public final class SourceFiles {
  /** A file modified less than this before it was read is read again next time. */
  static final long SETTLED_MILLIS = 2_000;

  private static final class Seen {
    final long size;
    final long modified;
    final long readAt;
    final String text;
    int load;

    Seen(long size, long modified, long readAt, String text, int load) {
      this.size = size;
      this.modified = modified;
      this.readAt = readAt;
      this.text = text;
      this.load = load;
    }
  }

  private final Map<Path, Seen> seen = new HashMap<>();
  private int load;
  private int current;
  private Map<String, Node> nodes = new HashMap<>();
  private int reads;

  /** What the last complete load depended on; what the load under way records. */
  private LoadInputs last;

  private LoadInputs recording;

  /** How many loads in a row took the last project with only model SQL swapped in. */
  private int swaps;

  /** Starts recording what a full load of {@code root} reads. */
  LoadInputs recording(Path root, ProjectSettings settings) {
    recording = new LoadInputs(root, settings);
    return recording;
  }

  /**
   * The last project with changed model SQL swapped in, when nothing else it was read from changed
   * (see {@link LoadInputs#swap}); else null and the caller loads in full.
   */
  Project swap(Path root, ProjectSettings settings, List<ProjectProblem> settingsProblems) {
    Project p = last == null ? null : last.swap(root, settings, settingsProblems, this);
    swaps = p == null ? 0 : swaps + 1;
    return p;
  }

  /** Whether the last load took the last project with only model SQL swapped in. */
  public boolean swapped() {
    return swaps > 0;
  }

  /** The nodes a swap made, for the next full load to give back when they read the same. */
  void keep(List<Node> made) {
    made.forEach(n -> nodes.put(n.uniqueId(), n));
  }

  /** A full load ended with {@code p}; null: it failed, so the next one is full as well. */
  void finish(Project p, List<ProjectProblem> settingsProblems) {
    if (p != null && recording != null) {
      recording.finish(p, settingsProblems);
      last = recording;
    } else {
      last = null;
    }
    recording = null;
  }

  /** How many files the last load read from disk (the rest came from here). */
  public int reads() {
    return reads;
  }

  void begin() {
    load++;
    current = 0;
    reads = 0;
  }

  /** The text kept for {@code file} if its attributes say it is unchanged, else null. */
  /** Whether no file's text is kept yet (nothing was loaded through this). */
  boolean isEmpty() {
    return seen.isEmpty();
  }

  String kept(Path file, BasicFileAttributes a) {
    Seen s = seen.get(file);
    if (s == null || a == null) {
      return null;
    }
    if (s.load != load) {
      s.load = load;
      current++;
    }
    long modified = a.lastModifiedTime().toMillis();
    return s.size == a.size() && s.modified == modified && modified < s.readAt - SETTLED_MILLIS
        ? s.text
        : null;
  }

  /** Records a text just read; gives back the old text object when the text is the same. */
  String read(Path file, BasicFileAttributes a, long readAt, String text) {
    reads++;
    Seen s = seen.get(file);
    String out = s != null && s.text.equals(text) ? s.text : text;
    if (s != null && s.load == load) {
      current--; // counted by kept(), counted again below
    }
    if (a != null) {
      seen.put(file, new Seen(a.size(), a.lastModifiedTime().toMillis(), readAt, out, load));
      current++;
    } else {
      seen.remove(file);
    }
    return out;
  }

  /** Forgets a file that could not be read cleanly, so its problem is reported every time. */
  void forget(Path file) {
    Seen s = seen.remove(file);
    if (s != null && s.load == load) {
      current--;
    }
  }

  /**
   * Ends a load: forgets files no longer there and swaps each node for the last load's object when
   * the two are equal.
   */
  List<Node> end(List<Node> loaded) {
    if (current < seen.size()) {
      seen.values().removeIf(s -> s.load != load); // files not there any more
    }
    Map<String, Node> next = new HashMap<>(loaded.size() * 2);
    Node[] out = loaded.toArray(new Node[0]);
    for (int i = 0; i < out.length; i++) {
      Node before = nodes.get(out[i].uniqueId());
      if (before != null && before != out[i] && before.equals(out[i])) {
        out[i] = before;
      }
      next.put(out[i].uniqueId(), out[i]);
    }
    nodes = next;
    return List.of(out);
  }
}
