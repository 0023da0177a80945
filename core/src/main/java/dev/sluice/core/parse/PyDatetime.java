package dev.sluice.core.parse;

import com.hubspot.jinjava.el.ext.AbstractCallableMethod;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python's {@code date} and {@code datetime} values, over java.time: attributes, {@code strftime},
 * {@code isoformat}, {@code timestamp}, {@code replace}, time zones by {@code pytz}.
 */
final class PyDatetime implements PyObject, Comparable<PyDatetime> {
  private final Temporal value; // LocalDate, LocalDateTime or ZonedDateTime

  private PyDatetime(Temporal value) {
    this.value = value;
  }

  static PyDatetime of(Temporal t) {
    return new PyDatetime(t);
  }

  static PyDatetime parse(String s) {
    String t = s.strip().replace(' ', 'T');
    try {
      if (t.length() == 10) {
        return of(LocalDate.parse(t));
      }
      if (t.matches(".*([+-]\\d\\d:\\d\\d|Z)$")) {
        return of(OffsetDateTime.parse(t).toZonedDateTime());
      }
      return of(LocalDateTime.parse(t));
    } catch (RuntimeException e) {
      throw new TemplateStop("cannot read '" + s + "' as a date or time");
    }
  }

  static PyDatetime strptime(String s, String format) {
    try {
      DateTimeFormatter f = DateTimeFormatter.ofPattern(javaPattern(format), Locale.ENGLISH);
      if (format.contains("%H") || format.contains("%M") || format.contains("%S")) {
        return of(LocalDateTime.parse(s, f));
      }
      return of(LocalDate.parse(s, f).atStartOfDay());
    } catch (RuntimeException e) {
      throw new TemplateStop("strptime cannot read '" + s + "' with format '" + format + "'");
    }
  }

  static DbtObject zone(String name) {
    ZoneId id;
    try {
      id = ZoneId.of(name);
    } catch (RuntimeException e) {
      throw new TemplateStop("unknown time zone '" + name + "'");
    }
    DbtObject z = new DbtObject("timezone " + name, "is not supported yet");
    z.put("zone", name);
    z.fn("localize", (a, k, r) -> of(((PyDatetime) a.get("dt")).local().atZone(id)), "dt", null);
    z.put("__zone__", id);
    return z;
  }

  static DbtObject delta(int days, int seconds, int hours, int minutes, int weeks) {
    DbtObject d = new DbtObject("timedelta", "is not supported yet");
    d.put("days", days + 7 * weeks).put("seconds", seconds + 60 * minutes + 3600 * hours);
    return d;
  }

  private LocalDateTime local() {
    if (value instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (value instanceof ZonedDateTime z) {
      return z.toLocalDateTime();
    }
    return (LocalDateTime) value;
  }

  @Override
  public Object attr(String name) {
    LocalDateTime l = local();
    return switch (name) {
      case "year" -> (long) l.getYear();
      case "month" -> (long) l.getMonthValue();
      case "day" -> (long) l.getDayOfMonth();
      case "hour" -> value instanceof LocalDate ? MISSING : (Object) (long) l.getHour();
      case "minute" -> value instanceof LocalDate ? MISSING : (Object) (long) l.getMinute();
      case "second" -> value instanceof LocalDate ? MISSING : (Object) (long) l.getSecond();
      case "microsecond" ->
          value instanceof LocalDate ? MISSING : (Object) (long) (l.getNano() / 1000);
      case "tzinfo" ->
          value instanceof LocalDate
              ? MISSING
              : value instanceof ZonedDateTime z ? zone(z.getZone().getId()) : null;
      default -> MISSING;
    };
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    LocalDateTime l = local();
    return switch (method) {
      case "strftime" ->
          value instanceof ZonedDateTime z
              ? z.format(
                  DateTimeFormatter.ofPattern(
                      javaPattern(String.valueOf(args.get(0))), Locale.ENGLISH))
              : l.format(
                  DateTimeFormatter.ofPattern(
                      javaPattern(String.valueOf(args.get(0))), Locale.ENGLISH));
      case "isoformat" -> iso();
      case "date" -> of(l.toLocalDate());
      case "timestamp" ->
          (double)
                  (value instanceof ZonedDateTime z
                      ? z.toInstant().toEpochMilli()
                      : l.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli())
              / 1000.0;
      case "weekday" -> (long) l.getDayOfWeek().getValue() - 1;
      case "isoweekday" -> (long) l.getDayOfWeek().getValue();
      case "astimezone" -> {
        ZoneId target =
            args.isEmpty() ? ZoneOffset.UTC : (ZoneId) ((DbtObject) args.get(0)).get("__zone__");
        ZonedDateTime z = value instanceof ZonedDateTime zz ? zz : l.atZone(ZoneId.systemDefault());
        yield of(z.withZoneSameInstant(target));
      }
      case "replace" -> replace(kwargs);
      default -> PyObject.super.call(method, args, kwargs);
    };
  }

  private PyDatetime replace(Map<String, Object> kw) {
    LocalDateTime l = local();
    Map<String, Object> k = new LinkedHashMap<>(kw);
    l =
        l.withYear(num(k, "year", l.getYear()))
            .withMonth(num(k, "month", l.getMonthValue()))
            .withDayOfMonth(num(k, "day", l.getDayOfMonth()))
            .withHour(num(k, "hour", l.getHour()))
            .withMinute(num(k, "minute", l.getMinute()))
            .withSecond(num(k, "second", l.getSecond()))
            .withNano(num(k, "microsecond", l.getNano() / 1000) * 1000);
    if (value instanceof LocalDate) {
      return of(l.toLocalDate());
    }
    if (k.containsKey("tzinfo")) {
      Object tz = k.get("tzinfo");
      return tz == null ? of(l) : of(l.atZone((ZoneId) ((DbtObject) tz).get("__zone__")));
    }
    return value instanceof ZonedDateTime z ? of(l.atZone(z.getZone())) : of(l);
  }

  private static int num(Map<String, Object> k, String key, int fallback) {
    return k.get(key) instanceof Number n ? n.intValue() : fallback;
  }

  private String iso() {
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    LocalDateTime l = local();
    String base = l.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    if (l.getNano() != 0) {
      base += String.format(".%06d", l.getNano() / 1000);
    }
    if (value instanceof ZonedDateTime z) {
      String off = z.getOffset().getId();
      base += off.equals("Z") ? "+00:00" : off;
    }
    return base;
  }

  /** Python's {@code strftime} codes as a java.time pattern. */
  static String javaPattern(String py) {
    StringBuilder b = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < py.length(); i++) {
      char c = py.charAt(i);
      if (c != '%' || i + 1 >= py.length()) {
        literal.append(c);
        continue;
      }
      String code =
          switch (py.charAt(++i)) {
            case 'Y' -> "yyyy";
            case 'y' -> "yy";
            case 'm' -> "MM";
            case 'd' -> "dd";
            case 'H' -> "HH";
            case 'I' -> "hh";
            case 'M' -> "mm";
            case 'S' -> "ss";
            case 'f' -> "SSSSSS";
            case 'j' -> "DDD";
            case 'A' -> "EEEE";
            case 'a' -> "EEE";
            case 'B' -> "MMMM";
            case 'b' -> "MMM";
            case 'p' -> "a";
            case 'z' -> "xx";
            case 'Z' -> "z";
            case '%' -> "'%'";
            default -> null;
          };
      if (code == null) {
        literal.append('%').append(py.charAt(i));
        continue;
      }
      if (literal.length() > 0) {
        b.append('\'').append(literal.toString().replace("'", "''")).append('\'');
        literal.setLength(0);
      }
      b.append(code);
    }
    if (literal.length() > 0) {
      b.append('\'').append(literal.toString().replace("'", "''")).append('\'');
    }
    return b.toString();
  }

  @Override
  public int compareTo(PyDatetime o) {
    return local().compareTo(o.local());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PyDatetime p && p.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String describe() {
    return value instanceof LocalDate ? "date" : "datetime";
  }

  /** Python's {@code str()}: {@code 2024-01-31} or {@code 2024-01-31 12:00:00}. */
  @Override
  public String toString() {
    return iso().replace('T', ' ');
  }

  /** {@code modules.datetime.datetime} and {@code .date}: callable, with class methods. */
  static final class Constructor extends AbstractCallableMethod implements PyObject {
    private final DbtObject classMethods;
    private final boolean withTime;

    Constructor(DbtObject classMethods, boolean withTime) {
      super(
          withTime ? "datetime" : "date",
          args("year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo"));
      this.classMethods = classMethods;
      this.withTime = withTime;
    }

    private static LinkedHashMap<String, Object> args(String... names) {
      LinkedHashMap<String, Object> m = new LinkedHashMap<>();
      for (String n : names) {
        m.put(
            n,
            n.equals("tzinfo") || n.equals("year") || n.equals("month") || n.equals("day")
                ? null
                : 0L);
      }
      return m;
    }

    @Override
    public Object doEvaluate(Map<String, Object> a, Map<String, Object> kw, List<Object> rest) {
      int y = num(a, "year", 1);
      int mo = num(a, "month", 1);
      int d = num(a, "day", 1);
      if (!withTime) {
        return of(LocalDate.of(y, mo, d));
      }
      LocalDateTime l =
          LocalDateTime.of(
              y,
              mo,
              d,
              num(a, "hour", 0),
              num(a, "minute", 0),
              num(a, "second", 0),
              num(a, "microsecond", 0) * 1000);
      Object tz = a.get("tzinfo");
      return tz instanceof DbtObject z ? of(l.atZone((ZoneId) z.get("__zone__"))) : of(l);
    }

    @Override
    public Object attr(String name) {
      return classMethods.has(name) ? classMethods.get(name) : MISSING;
    }

    @Override
    public String describe() {
      return withTime ? "modules.datetime.datetime" : "modules.datetime.date";
    }
  }

  static String dayName(LocalDate d) {
    return d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
