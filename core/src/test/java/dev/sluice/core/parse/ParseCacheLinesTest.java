package dev.sluice.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming reader ({@link CacheLines}) and writer of {@code partial_parse.json} agree with
 * Jackson's object mapper, which wrote the files before: each reads what the other writes, value
 * for value.
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

  @TempDir Path dir;

  /** The file of a header and {@code lines} as {@link CacheLines} reads it. */
  private CacheLines.Read file(String header, String... lines) throws IOException {
    Path file = dir.resolve("partial_parse.json");
    Files.writeString(file, header + "\n" + String.join("\n", lines) + "\n");
    return CacheLines.read(file);
  }

  /** The one line after a header, read back. */
  private ParseCache.Line read(String line) throws IOException {
    CacheLines.Read r = file(ParseCacheLines.write(new ParseCache.Header(2, "fp", null)), line);
    assertThat(r.lines()).isEqualTo(1);
    assertThat(r.entries()).hasSize(1);
    Map.Entry<String, ParseCache.Entry> only = r.entries().entrySet().iterator().next();
    return new ParseCache.Line(only.getKey(), only.getValue());
  }

  @Test
  void eachReadsWhatTheOtherWrites() throws IOException {
    ParseCache.Line line = sample();
    String ours = ParseCacheLines.write(line);
    assertThat(MAPPER.readValue(ours, ParseCache.Line.class)).isEqualTo(line);
    assertThat(read(MAPPER.writeValueAsString(line))).isEqualTo(line);
    assertThat(read(ours)).isEqualTo(line);
    assertThat(ours).isEqualTo(MAPPER.writeValueAsString(line));
    // a line without its entry drops what an earlier line kept
    ParseCache.Line gone = new ParseCache.Line("model.m", null);
    assertThat(ParseCacheLines.write(gone)).isEqualTo(MAPPER.writeValueAsString(gone));
    CacheLines.Read r =
        file(
            ParseCacheLines.write(new ParseCache.Header(2, "fp", null)),
            ours,
            ParseCacheLines.write(gone));
    assertThat(r.entries()).isEmpty();
    assertThat(r.lines()).isEqualTo(2);
  }

  @Test
  void theHeaderToo() throws IOException {
    for (Boolean clean : Arrays.asList(true, false, null)) {
      ParseCache.Header h = new ParseCache.Header(2, "fp", clean);
      String ours = ParseCacheLines.write(h);
      assertThat(ours).isEqualTo(MAPPER.writeValueAsString(h));
      CacheLines.Read r = file(ours);
      assertThat(new ParseCache.Header(r.format(), r.fingerprint(), r.cleanMacros())).isEqualTo(h);
    }
    // a header written before it said whether the macros read cleanly
    CacheLines.Read old = file("{\"format\":2,\"fingerprint\":\"x\"}");
    assertThat(new ParseCache.Header(old.format(), old.fingerprint(), old.cleanMacros()))
        .isEqualTo(new ParseCache.Header(2, "x", null));
  }
}
