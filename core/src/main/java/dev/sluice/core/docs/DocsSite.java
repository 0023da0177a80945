package dev.sluice.core.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the docs site into a folder: the page, its style and script, and the project's data as a
 * script ({@code data.js}), because a page opened from a file URL may not read a JSON file beside
 * it. Each file is written whole or not at all.
 */
public final class DocsSite {
  private static final List<String> FILES = List.of("index.html", "style.css", "app.js");
  private static final ObjectMapper JSON = new ObjectMapper();

  private DocsSite() {}

  public static void write(ObjectNode data, Path out) throws IOException {
    Files.createDirectories(out);
    for (String name : FILES) {
      try (InputStream in = DocsSite.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IOException("the docs site's " + name + " is missing from this build");
        }
        atomically(out.resolve(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    // "</" cannot end a script early in a .js file, but keep the data safe to inline anyway
    String json = JSON.writeValueAsString(data).replace("</", "<\\/");
    atomically(out.resolve("data.js"), "window.SLUICE_DOCS = " + json + ";\n");
  }

  private static void atomically(Path file, String text) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, text);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
