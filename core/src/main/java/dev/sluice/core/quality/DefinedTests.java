package dev.sluice.core.quality;

import dev.sluice.core.project.InstalledPackages;
import dev.sluice.core.project.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generic tests a project can put on a column besides the built-in four: its own {@code {% test
 * %}} blocks and those of its installed packages ({@code dbt_utils.not_constant}), with the
 * arguments each needs beyond the model and column.
 */
public final class DefinedTests {
  private static final Pattern TEST =
      Pattern.compile("\\{%-?\\s*test\\s+(\\w+)\\s*\\(([^)]*)\\)", Pattern.DOTALL);

  /**
   * One generic test.
   *
   * @param name as a schema file names it: bare for the project's, {@code package.name} else
   * @param required the arguments it needs that have no default, other than model and column
   */
  public record DefinedTest(String name, List<String> required) {}

  private DefinedTests() {}

  public static List<DefinedTest> of(Project project) {
    List<DefinedTest> out = new ArrayList<>();
    project.macros().forEach(f -> scan(f.text(), "", out));
    for (InstalledPackages.Package p : InstalledPackages.read(project.root()).packages()) {
      for (var f : InstalledPackages.macroFiles(project.root(), p)) {
        try {
          scan(Files.readString(project.root().resolve(f)), p.name() + ".", out);
        } catch (IOException e) {
          // an unreadable file offers no tests; building names the problem
        }
      }
    }
    return out;
  }

  private static void scan(String text, String prefix, List<DefinedTest> out) {
    Matcher m = TEST.matcher(text);
    while (m.find()) {
      List<String> required = new ArrayList<>();
      for (String arg : m.group(2).split(",")) {
        String a = arg.strip();
        if (!a.isEmpty() && !a.contains("=") && !a.equals("model") && !a.equals("column_name")) {
          required.add(a);
        }
      }
      out.add(new DefinedTest(prefix + m.group(1), List.copyOf(required)));
    }
  }
}
