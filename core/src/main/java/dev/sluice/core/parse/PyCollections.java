package dev.sluice.core.parse;

import java.util.List;
import java.util.Map;

/** The Python dict and list methods Jinjava's own collections lack. */
final class PyCollections {
  private PyCollections() {}

  @SuppressWarnings("unchecked")
  static Object callMap(Map<?, ?> map, String name, List<Object> args) {
    Map<Object, Object> m = (Map<Object, Object>) map;
    return switch (name) {
      case "pop" -> m.containsKey(args.get(0)) ? m.remove(args.get(0)) : arg(args, 1);
      case "setdefault" -> m.computeIfAbsent(args.get(0), k -> arg(args, 1));
      case "copy" -> new java.util.LinkedHashMap<>(m);
      case "get" -> m.containsKey(args.get(0)) ? m.get(args.get(0)) : arg(args, 1);
      case "keys" -> new java.util.ArrayList<>(m.keySet());
      case "values" -> new java.util.ArrayList<>(m.values());
      case "items" -> {
        List<Object> out = new java.util.ArrayList<>();
        m.forEach((k, v) -> out.add(new java.util.ArrayList<>(java.util.Arrays.asList(k, v))));
        yield out;
      }
      default -> PythonMethods.PyMethod.NONE;
    };
  }

  @SuppressWarnings("unchecked")
  static Object callList(List<?> list, String name, List<Object> args) {
    List<Object> l = (List<Object>) list;
    return switch (name) {
      case "pop" ->
          args.isEmpty() ? l.remove(l.size() - 1) : l.remove(((Number) args.get(0)).intValue());
      case "copy" -> new java.util.ArrayList<>(l);
      case "count" -> l.stream().filter(x -> java.util.Objects.equals(x, args.get(0))).count();
      default -> PythonMethods.PyMethod.NONE;
    };
  }

  /** Python's set methods. */
  @SuppressWarnings("unchecked")
  static Object callSet(java.util.Set<?> set, String name, List<Object> args) {
    java.util.Set<Object> s = (java.util.Set<Object>) set;
    return switch (name) {
      case "add" -> {
        s.add(arg(args, 0));
        yield "";
      }
      case "update" -> {
        args.forEach(a -> s.addAll(items(a)));
        yield "";
      }
      case "discard", "remove" -> {
        s.remove(arg(args, 0));
        yield "";
      }
      case "copy" -> new java.util.LinkedHashSet<>(s);
      case "union" -> {
        java.util.Set<Object> out = new java.util.LinkedHashSet<>(s);
        args.forEach(a -> out.addAll(items(a)));
        yield out;
      }
      case "intersection" -> {
        java.util.Set<Object> out = new java.util.LinkedHashSet<>(s);
        args.forEach(a -> out.retainAll(items(a)));
        yield out;
      }
      case "difference" -> {
        java.util.Set<Object> out = new java.util.LinkedHashSet<>(s);
        args.forEach(a -> out.removeAll(items(a)));
        yield out;
      }
      case "issubset" -> items(arg(args, 0)).containsAll(s);
      case "issuperset" -> s.containsAll(items(arg(args, 0)));
      default -> PythonMethods.PyMethod.NONE;
    };
  }

  private static java.util.Collection<Object> items(Object o) {
    java.util.List<Object> out = new java.util.ArrayList<>();
    if (o instanceof Iterable<?> it) {
      it.forEach(out::add);
    }
    return out;
  }

  private static Object arg(List<Object> args, int i) {
    return args.size() > i ? args.get(i) : null;
  }
}
