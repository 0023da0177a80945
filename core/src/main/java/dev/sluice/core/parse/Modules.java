package dev.sluice.core.parse;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbt's {@code modules}: the parts of Python's {@code datetime}, {@code pytz}, {@code re} and
 * {@code itertools} that dbt code uses, written over java.time and java.util.regex.
 */
final class Modules {
  private static final String UNSUPPORTED = "is not supported yet";

  private Modules() {}

  static DbtObject object() {
    return new DbtObject("modules", UNSUPPORTED)
        .put("datetime", datetime())
        .put("pytz", pytz())
        .put("re", re())
        .put("itertools", itertools());
  }

  private static int num(Object o, int fallback) {
    return o instanceof Number n ? n.intValue() : fallback;
  }

  private static DbtObject datetime() {
    DbtObject dt = new DbtObject("modules.datetime.datetime", UNSUPPORTED);
    dt.fn(
        "now",
        (a, k, r) -> {
          RenderCall.readClock();
          return PyDatetime.of(LocalDateTime.now());
        });
    dt.fn(
        "utcnow",
        (a, k, r) -> {
          RenderCall.readClock();
          return PyDatetime.of(LocalDateTime.now(ZoneId.of("UTC")));
        });
    dt.fn(
        "strptime",
        (a, k, r) -> PyDatetime.strptime(String.valueOf(a.get("s")), String.valueOf(a.get("fmt"))),
        "s",
        null,
        "fmt",
        null);
    dt.fn("fromisoformat", (a, k, r) -> PyDatetime.parse(String.valueOf(a.get("s"))), "s", null);
    DbtObject date = new DbtObject("modules.datetime.date", UNSUPPORTED);
    date.fn(
        "today",
        (a, k, r) -> {
          RenderCall.readClock();
          return PyDatetime.of(LocalDate.now());
        });
    date.fn("fromisoformat", (a, k, r) -> PyDatetime.parse(String.valueOf(a.get("s"))), "s", null);
    DbtObject module = new DbtObject("modules.datetime", UNSUPPORTED);
    module.put("datetime", new PyDatetime.Constructor(dt, true));
    module.put("date", new PyDatetime.Constructor(date, false));
    module.fn(
        "timedelta",
        (a, k, r) ->
            PyDatetime.delta(
                num(a.get("days"), 0),
                num(a.get("seconds"), 0),
                num(a.get("hours"), 0),
                num(a.get("minutes"), 0),
                num(a.get("weeks"), 0)),
        "days",
        0,
        "seconds",
        0,
        "microseconds",
        0,
        "milliseconds",
        0,
        "minutes",
        0,
        "hours",
        0,
        "weeks",
        0);
    return module;
  }

  private static DbtObject pytz() {
    DbtObject p = new DbtObject("modules.pytz", UNSUPPORTED);
    p.fn("timezone", (a, k, r) -> PyDatetime.zone(String.valueOf(a.get("zone"))), "zone", null);
    p.put("utc", PyDatetime.zone("UTC"));
    p.put("UTC", PyDatetime.zone("UTC"));
    return p;
  }

  private static DbtObject re() {
    DbtObject re = new DbtObject("modules.re", UNSUPPORTED);
    re.fn("match", (a, k, r) -> match(a, true), "pattern", null, "string", null, "flags", 0);
    re.fn("search", (a, k, r) -> match(a, false), "pattern", null, "string", null, "flags", 0);
    re.fn(
        "sub",
        (a, k, r) ->
            pattern(a)
                .matcher(String.valueOf(a.get("string")))
                .replaceAll(String.valueOf(a.get("repl")).replaceAll("\\\\(\\d)", "\\$$1")),
        "pattern",
        null,
        "repl",
        null,
        "string",
        null,
        "count",
        0,
        "flags",
        0);
    re.fn(
        "findall",
        (a, k, r) -> {
          Matcher m = pattern(a).matcher(String.valueOf(a.get("string")));
          List<Object> out = new ArrayList<>();
          while (m.find()) {
            out.add(m.groupCount() == 0 ? m.group() : m.group(1));
          }
          return out;
        },
        "pattern",
        null,
        "string",
        null,
        "flags",
        0);
    re.fn(
        "split",
        (a, k, r) ->
            new ArrayList<Object>(List.of(pattern(a).split(String.valueOf(a.get("string")), -1))),
        "pattern",
        null,
        "string",
        null);
    re.fn("compile", (a, k, r) -> String.valueOf(a.get("pattern")), "pattern", null, "flags", 0);
    re.fn("escape", (a, k, r) -> Pattern.quote(String.valueOf(a.get("pattern"))), "pattern", null);
    re.put("IGNORECASE", 2)
        .put("I", 2)
        .put("MULTILINE", 8)
        .put("M", 8)
        .put("DOTALL", 16)
        .put("S", 16);
    return re;
  }

  private static Pattern pattern(java.util.Map<String, Object> a) {
    int py = num(a.get("flags"), 0);
    int flags = 0;
    if ((py & 2) != 0) {
      flags |= Pattern.CASE_INSENSITIVE;
    }
    if ((py & 8) != 0) {
      flags |= Pattern.MULTILINE;
    }
    if ((py & 16) != 0) {
      flags |= Pattern.DOTALL;
    }
    return Pattern.compile(String.valueOf(a.get("pattern")), flags);
  }

  private static Object match(java.util.Map<String, Object> a, boolean anchored) {
    Matcher m = pattern(a).matcher(String.valueOf(a.get("string")));
    boolean found = anchored ? m.lookingAt() : m.find();
    if (!found) {
      return null;
    }
    List<Object> groups = new ArrayList<>();
    for (int i = 1; i <= m.groupCount(); i++) {
      groups.add(m.group(i));
    }
    String whole = m.group();
    DbtObject match = new DbtObject("match", UNSUPPORTED);
    match.fn(
        "group",
        (x, k, r) -> num(x.get("n"), 0) == 0 ? whole : groups.get(num(x.get("n"), 0) - 1),
        "n",
        0);
    match.fn("groups", (x, k, r) -> groups);
    return match;
  }

  private static DbtObject itertools() {
    DbtObject it = new DbtObject("modules.itertools", UNSUPPORTED);
    it.fn(
        "chain",
        (a, k, rest) -> {
          List<Object> out = new ArrayList<>();
          rest.forEach(x -> ((Iterable<?>) x).forEach(out::add));
          return out;
        });
    it.fn(
        "product",
        (a, k, rest) -> {
          List<Object> out = new ArrayList<>();
          out.add(new ArrayList<>());
          for (Object x : rest) {
            List<Object> next = new ArrayList<>();
            for (Object prefix : out) {
              for (Object v : (Iterable<?>) x) {
                List<Object> t = new ArrayList<>((List<?>) prefix);
                t.add(v);
                next.add(t);
              }
            }
            out = next;
          }
          return out;
        });
    it.fn(
        "combinations",
        (a, k, rest) -> {
          List<Object> items = new ArrayList<>();
          ((Iterable<?>) a.get("iterable")).forEach(items::add);
          List<Object> out = new ArrayList<>();
          combine(items, num(a.get("r"), 2), 0, new ArrayList<>(), out);
          return out;
        },
        "iterable",
        null,
        "r",
        2);
    return it;
  }

  private static void combine(
      List<Object> items, int r, int from, List<Object> acc, List<Object> out) {
    if (acc.size() == r) {
      out.add(new ArrayList<>(acc));
      return;
    }
    for (int i = from; i < items.size(); i++) {
      acc.add(items.get(i));
      combine(items, r, i + 1, acc, out);
      acc.remove(acc.size() - 1);
    }
  }
}
