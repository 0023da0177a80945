package dev.sluice.app.window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The projects opened lately, newest first, kept in the user's preferences. */
final class RecentProjects {
  private static final int MAX = 8;
  private final Preferences prefs = Preferences.userRoot().node("dev/sluice/app/recent");

  List<Path> list() {
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < MAX; i++) {
      String p = prefs.get("p" + i, null);
      if (p != null && Files.isDirectory(Path.of(p))) {
        out.add(Path.of(p));
      }
    }
    return out;
  }

  void add(Path project) {
    List<Path> all = list();
    all.remove(project);
    all.add(0, project);
    for (int i = 0; i < MAX; i++) {
      if (i < all.size()) {
        prefs.put("p" + i, all.get(i).toString());
      } else {
        prefs.remove("p" + i);
      }
    }
  }
}
