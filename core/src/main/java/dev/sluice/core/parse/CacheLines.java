package dev.sluice.core.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON-lines files of the parse and compile caches: a header ({@code format}, {@code
 * fingerprint}), then lines of {@code id} and {@code entry} (none for an entry dropped), a later
 * line winning. Read token by token rather than bound to records: a process that starts cold read
 * the 10,000 lines of a large project in about half the time, and a warm {@code sluice ls} starts
 * no object mapper (some 450 classes). Values are what JSON holds: strings, booleans, numbers
 * (whole ones as {@code Integer} or {@code Long}, others as {@code Double}), null, lists and maps
 * in file order.
 */
public final class CacheLines {
  private static final JsonFactory FACTORY = new JsonFactory();

  private CacheLines() {}

  /**
   * What a file holds.
   *
   * @param cleanMacros the parse cache's word that the macros under its fingerprint read without a
   *     problem (null when the header does not say)
   * @param lines how many lines after the header were read whole
   */
  public record Read(
      int format,
      String fingerprint,
      Boolean cleanMacros,
      Map<String, ParseCache.Entry> entries,
      int lines) {}

  /**
   * The file's content; a line cut short at the end (by a process stopped while adding it) ends the
   * reading. Throws for a file that is not of this shape at all.
   */
  public static Read read(Path file) throws IOException {
    try (JsonParser in = FACTORY.createParser(file.toFile())) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a cache file");
      }
      int format = -1;
      String fingerprint = null;
      Boolean cleanMacros = null;
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String name = in.currentName();
        in.nextToken();
        if (name.equals("format")) {
          format = in.getIntValue();
        } else if (name.equals("fingerprint")) {
          fingerprint = in.getText();
        } else if (name.equals("cleanMacros")) {
          cleanMacros = in.currentToken() == JsonToken.VALUE_NULL ? null : in.getBooleanValue();
        } else {
          in.skipChildren();
        }
      }
      Map<String, ParseCache.Entry> entries = new LinkedHashMap<>();
      int lines = 0;
      while (true) {
        String id = null;
        ParseCache.Entry entry = null;
        try {
          JsonToken t = in.nextToken();
          if (t == null) {
            break;
          }
          if (t != JsonToken.START_OBJECT) {
            throw new IOException("not a cache line");
          }
          while (in.nextToken() == JsonToken.FIELD_NAME) {
            String name = in.currentName();
            JsonToken v = in.nextToken();
            if (name.equals("id")) {
              id = in.getText();
            } else if (name.equals("entry") && v == JsonToken.START_OBJECT) {
              entry = entry(in);
            } else {
              in.skipChildren();
            }
          }
        } catch (IOException e) {
          break; // a line cut short
        }
        if (id == null) {
          break;
        }
        lines++;
        if (entry == null) {
          entries.remove(id);
        } else {
          entries.put(id, entry);
        }
      }
      return new Read(format, fingerprint, cleanMacros, entries, lines);
    }
  }

  private static ParseCache.Entry entry(JsonParser in) throws IOException {
    String key = null;
    String sql = null;
    List<String> refs = List.of();
    List<List<String>> sources = List.of();
    Map<String, Object> config = Map.of();
    Map<String, String> env = Map.of();
    Map<String, String> relations = Map.of();
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      in.nextToken();
      switch (name) {
        case "key" -> key = in.getText();
        case "sql" -> sql = in.getText();
        case "refs" -> refs = strings(in);
        case "sources" -> {
          List<List<String>> out = new ArrayList<>();
          while (in.nextToken() == JsonToken.START_ARRAY) {
            out.add(strings(in));
          }
          sources = out;
        }
        case "config" -> config = configOf(in);
        case "env" -> env = stringMap(in);
        case "relations" -> relations = stringMap(in);
        default -> in.skipChildren();
      }
    }
    if (key == null || sql == null) {
      throw new IOException("an entry without its key or SQL");
    }
    return new ParseCache.Entry(key, sql, refs, sources, config, env, relations);
  }

  /** The strings of the array the parser is at the start of; a null stays null. */
  private static List<String> strings(JsonParser in) throws IOException {
    List<String> out = new ArrayList<>();
    while (in.nextToken() != JsonToken.END_ARRAY) {
      out.add(in.currentToken() == JsonToken.VALUE_NULL ? null : in.getText());
    }
    return out;
  }

  private static Map<String, String> stringMap(JsonParser in) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String k = in.currentName();
      in.nextToken();
      out.put(k, in.currentToken() == JsonToken.VALUE_NULL ? null : in.getText());
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> configOf(JsonParser in) throws IOException {
    if (in.nextToken() == JsonToken.END_OBJECT) {
      return new LinkedHashMap<>(); // most configs set nothing in the template
    }
    // values of any shape: the rest of the object as plain maps, lists and scalars
    Map<String, Object> out = new LinkedHashMap<>();
    do {
      String k = in.currentName();
      in.nextToken();
      out.put(k, value(in));
    } while (in.nextToken() == JsonToken.FIELD_NAME);
    return out;
  }

  /** The value the parser is at, read whole: maps and lists in file order. */
  private static Object value(JsonParser in) throws IOException {
    JsonToken t = in.currentToken();
    if (t == null) {
      throw new IOException("the file ends inside a value");
    }
    return switch (t) {
      case START_OBJECT -> {
        Map<String, Object> out = new LinkedHashMap<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
          String name = in.currentName();
          in.nextToken();
          out.put(name, value(in));
        }
        yield out;
      }
      case START_ARRAY -> {
        List<Object> out = new ArrayList<>();
        while (in.nextToken() != JsonToken.END_ARRAY) {
          out.add(value(in));
        }
        yield out;
      }
      case VALUE_STRING -> in.getText();
      case VALUE_NUMBER_INT -> in.getNumberValue();
      case VALUE_NUMBER_FLOAT -> in.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected " + t + " at " + in.currentLocation());
    };
  }
}
