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

  private static Object arg(List<Object> args, int i) {
    return args.size() > i ? args.get(i) : null;
  }
}
