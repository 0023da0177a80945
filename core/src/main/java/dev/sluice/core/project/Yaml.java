package dev.sluice.core.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into a small tree that remembers the line of every value, so that problems found after
 * parsing (an unknown test, a missing column) can still point at their line.
 */
public final class Yaml {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private Yaml() {}

  /**
   * A value with the line it starts on. {@code value} is a String, Number, Boolean, null, Map or
   * List.
   */
  public record Value(Object value, int line) {
    @SuppressWarnings("unchecked")
    public Map<String, Value> asMap() {
      return value instanceof Map ? (Map<String, Value>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<Value> asList() {
      return value instanceof List ? (List<Value>) value : List.of();
    }

    public boolean isMap() {
      return value instanceof Map;
    }

    public boolean isList() {
      return value instanceof List;
    }

    public String asText() {
      return value == null || value instanceof Map || value instanceof List
          ? null
          : value.toString();
    }

    public Value get(String key) {
      return asMap().get(key);
    }

    public String text(String key) {
      Value v = get(key);
      return v == null ? null : v.asText();
    }

    /** The plain Java value: maps, lists and scalars with the line numbers stripped. */
    public Object plain() {
      if (value instanceof Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put((String) k, ((Value) v).plain()));
        return out;
      }
      if (value instanceof List<?> l) {
        List<Object> out = new ArrayList<>();
        l.forEach(v -> out.add(((Value) v).plain()));
        return out;
      }
      return value;
    }
  }

  /** A YAML syntax error with its position. */
  public static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    SyntaxError(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }
  }

  public static Value read(Path file) throws IOException, SyntaxError {
    return parse(Files.readString(file));
  }

  public static Value parse(String text) throws SyntaxError {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return new Value(null, 1);
      }
      return readValue(p);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String msg = e.getOriginalMessage();
      int cut = msg.indexOf("\n at [");
      if (cut > 0) {
        msg = msg.substring(0, cut);
      }
      throw new SyntaxError(
          "invalid YAML: " + msg.strip().replaceAll("\\s+", " "),
          loc == null ? 0 : loc.getLineNr(),
          loc == null ? 0 : loc.getColumnNr());
    } catch (IOException e) {
      throw new SyntaxError("invalid YAML: " + e.getMessage(), 0, 0);
    }
  }

  private static Value readValue(JsonParser p) throws IOException, SyntaxError {
    int line = p.currentTokenLocation().getLineNr();
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Value> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int keyLine = p.currentTokenLocation().getLineNr();
          p.nextToken();
          Value previous = map.put(key, readValue(p));
          if (previous != null) {
            throw new SyntaxError(
                "duplicate key '"
                    + key
                    + "' (first on line "
                    + previous.line()
                    + "); YAML would keep only the last one, so remove one of them",
                keyLine,
                0);
          }
        }
        return new Value(map, line);
      }
      case START_ARRAY -> {
        List<Value> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(readValue(p));
        }
        return new Value(list, line);
      }
      case VALUE_STRING -> {
        return new Value(p.getText(), line);
      }
      case VALUE_NUMBER_INT -> {
        return new Value(p.getNumberValue(), line);
      }
      case VALUE_NUMBER_FLOAT -> {
        return new Value(p.getDoubleValue(), line);
      }
      case VALUE_TRUE -> {
        return new Value(Boolean.TRUE, line);
      }
      case VALUE_FALSE -> {
        return new Value(Boolean.FALSE, line);
      }
      case VALUE_NULL -> {
        return new Value(null, line);
      }
      default -> {
        return new Value(p.getText(), line);
      }
    }
  }
}
