package dev.sluice.core.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * The lines of {@code partial_parse.json} written with Jackson's streaming generator: the object
 * mapper's start-up (some 450 classes) was a fifth of a warm {@code sluice ls}. {@link CacheLines}
 * reads them back.
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

  static void value(JsonGenerator g, Object v) throws IOException {
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
