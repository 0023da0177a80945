package dev.sluice.core.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** dbt's published artifact schemas, kept under test resources, and a validator over them. */
final class DbtSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private DbtSchemas() {}

  /** What is wrong with {@code file} as the artifact {@code schema}; empty when valid. */
  static List<String> problems(String schema, Path file) {
    try (InputStream in = DbtSchemas.class.getResourceAsStream("/dbt-schemas/" + schema)) {
      Schema s = REGISTRY.getSchema(in);
      JsonNode doc = JSON.readTree(file.toFile());
      return s.validate(doc).stream().map(DbtSchemas::describe).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Error e) {
    return e.getInstanceLocation() + ": " + e.getMessage();
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
