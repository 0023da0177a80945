package dev.sluice.core.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of {@code partial_parse.json} read and written with Jackson's streaming parser: the
 * object mapper's start-up (some 450 classes) was a fifth of a warm {@code sluice ls}. Values are
 * what JSON holds: strings, booleans, numbers (whole ones as {@code Integer} or {@code Long},
 * others as {@code Double}), null, lists and maps in file order, as the mapper gave them.
 */
final class ParseCacheLines {
  static final JsonFactory JSON = new JsonFactory();

  private ParseCacheLines() {}

  static String write(ParseCache.Header h) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("format", h.format());
      g.writeStringField("fingerprint", h.fingerprint());
      g.writeFieldName("cleanMacros");
      value(g, h.cleanMacros());
      g.writeEndObject();
    }
    return out.toString();
  }

  static String write(ParseCache.Line l) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("id", l.id());
      g.writeFieldName("entry");
      ParseCache.Entry e = l.entry();
      if (e == null) {
        g.writeNull();
      } else {
        g.writeStartObject();
        g.writeStringField("key", e.key());
        g.writeStringField("sql", e.sql());
        g.writeFieldName("refs");
        value(g, e.refs());
        g.writeFieldName("sources");
        value(g, e.sources());
        g.writeFieldName("config");
        value(g, e.config());
        g.writeFieldName("env");
        value(g, e.env());
        g.writeFieldName("relations");
        value(g, e.relations());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    return out.toString();
  }

  /** The header, the parser on its opening brace. */
  static ParseCache.Header header(JsonParser in) throws IOException {
    Map<String, Object> m = object(in);
    return new ParseCache.Header(
        ((Number) m.getOrDefault("format", 0)).intValue(),
        (String) m.get("fingerprint"),
        (Boolean) m.get("cleanMacros"));
  }

  /** One line after the header, the parser on its opening brace. */
  @SuppressWarnings("unchecked")
  static ParseCache.Line line(JsonParser in) throws IOException {
    Map<String, Object> m = object(in);
    Object entry = m.get("entry");
    if (!(entry instanceof Map<?, ?> e)) {
      return new ParseCache.Line((String) m.get("id"), null);
    }
    return new ParseCache.Line(
        (String) m.get("id"),
        new ParseCache.Entry(
            (String) e.get("key"),
            (String) e.get("sql"),
            (List<String>) e.get("refs"),
            (List<List<String>>) e.get("sources"),
            (Map<String, Object>) e.get("config"),
            (Map<String, String>) e.get("env"),
            (Map<String, String>) e.get("relations")));
  }

  private static Map<String, Object> object(JsonParser in) throws IOException {
    if (in.currentToken() != JsonToken.START_OBJECT) {
      throw new IOException("not an object at " + in.currentLocation());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      in.nextToken();
      out.put(name, value(in));
    }
    if (in.currentToken() != JsonToken.END_OBJECT) {
      throw new IOException("an object cut short at " + in.currentLocation());
    }
    return out;
  }

  private static Object value(JsonParser in) throws IOException {
    JsonToken t = in.currentToken();
    if (t == null) {
      throw new IOException("the file ends inside a value");
    }
    return switch (t) {
      case START_OBJECT -> object(in);
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

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object x : l) {
        value(g, x);
      }
      g.writeEndArray();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> x : m.entrySet()) {
        g.writeFieldName(String.valueOf(x.getKey()));
        value(g, x.getValue());
      }
      g.writeEndObject();
    } else {
      throw new IOException("cannot keep a " + v.getClass().getSimpleName() + " in the cache");
    }
  }
}
