package dev.sluice.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader and writer of {@code partial_parse.json} agree with Jackson's object mapper,
 * which wrote the files before: each reads what the other writes, value for value.
 */
class ParseCacheLinesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ParseCache.Line sample() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("materialized", "table");
    config.put("tags", List.of("a", "ü \"quoted\"\n"));
    config.put("threads", 4);
    config.put("big", 12345678901L);
    config.put("ratio", 0.25);
    config.put("whole", 2.0);
    config.put("on", true);
    config.put("none", null);
    config.put("meta", Map.of("owner", List.of(Map.of("k", false))));
    return new ParseCache.Line(
        "model.m",
        new ParseCache.Entry(
            "k1",
            "select '\\t' as x\n-- ☃\n",
            List.of("a", "b"),
            List.of(List.of("src", "t")),
            config,
            Map.of("HOME", "/h"),
            Map.of("ref:a", "\"main\".\"a\"")));
  }

  private static ParseCache.Line read(String text) throws IOException {
    try (JsonParser in = ParseCacheLines.JSON.createParser(text)) {
      in.nextToken();
      return ParseCacheLines.line(in);
    }
  }

  @Test
  void eachReadsWhatTheOtherWrites() throws IOException {
    ParseCache.Line line = sample();
    String ours = ParseCacheLines.write(line);
    assertThat(MAPPER.readValue(ours, ParseCache.Line.class)).isEqualTo(line);
    assertThat(read(MAPPER.writeValueAsString(line))).isEqualTo(line);
    assertThat(read(ours)).isEqualTo(line);
    assertThat(ours).isEqualTo(MAPPER.writeValueAsString(line));
    ParseCache.Line gone = new ParseCache.Line("model.gone", null);
    assertThat(read(ParseCacheLines.write(gone))).isEqualTo(gone);
    assertThat(ParseCacheLines.write(gone)).isEqualTo(MAPPER.writeValueAsString(gone));
  }

  @Test
  void theHeaderToo() throws IOException {
    for (Boolean clean : Arrays.asList(true, false, null)) {
      ParseCache.Header h = new ParseCache.Header(2, "fp", clean);
      String ours = ParseCacheLines.write(h);
      assertThat(ours).isEqualTo(MAPPER.writeValueAsString(h));
      try (JsonParser in = ParseCacheLines.JSON.createParser(ours)) {
        in.nextToken();
        assertThat(ParseCacheLines.header(in)).isEqualTo(h);
      }
    }
    // a header written before it said whether the macros read cleanly
    try (JsonParser in =
        ParseCacheLines.JSON.createParser("{\"format\":2,\"fingerprint\":\"x\"}")) {
      in.nextToken();
      assertThat(ParseCacheLines.header(in)).isEqualTo(new ParseCache.Header(2, "x", null));
    }
  }
}
