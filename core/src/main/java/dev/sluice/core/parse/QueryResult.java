package dev.sluice.core.parse;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What {@code run_query} returns, shaped like the agate table dbt gives: {@code rows} (each
 * indexable by position or column name), {@code columns} (each with {@code name} and {@code
 * values()}), {@code column_names}, and iteration over the rows.
 */
final class QueryResult implements PyObject, Iterable<QueryResult.Row> {
  private final List<String> names;
  private final List<Row> rows = new ArrayList<>();

  QueryResult(List<String> names, List<List<Object>> values) {
    this.names = List.copyOf(names);
    values.forEach(v -> rows.add(new Row(this.names, v)));
  }

  List<List<Object>> data() {
    List<List<Object>> out = new ArrayList<>();
    rows.forEach(r -> out.add(new ArrayList<>(r)));
    return out;
  }

  @Override
  public Object attr(String name) {
    return switch (name) {
      case "rows" -> new ArrayList<Object>(rows);
      case "column_names" -> new ArrayList<Object>(names);
      case "columns" -> columns();
      default -> MISSING;
    };
  }

  private Columns columns() {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      int at = i;
      List<Object> values = new ArrayList<>();
      rows.forEach(r -> values.add(r.get(at)));
      DbtObject col = new DbtObject("column " + names.get(i), "is not supported yet");
      col.put("name", names.get(i));
      col.fn("values", (a, k, r) -> values);
      out.add(col);
    }
    return new Columns(names, out);
  }

  /**
   * The columns as agate keeps them: a sequence (by position, {@code columns[0]}) that is also a
   * mapping by name ({@code columns['id']}, {@code items()}, {@code keys()}, {@code values()}).
   */
  static final class Columns extends AbstractList<Object> implements PyObject {
    private final List<String> names;
    private final List<Object> columns;

    Columns(List<String> names, List<Object> columns) {
      this.names = names;
      this.columns = columns;
    }

    @Override
    public Object get(int index) {
      return columns.get(index);
    }

    @Override
    public int size() {
      return columns.size();
    }

    @Override
    public Object attr(String name) {
      int i = names.indexOf(name);
      return i < 0 ? MISSING : columns.get(i);
    }

    @Override
    public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
      return switch (method) {
        case "keys" -> new ArrayList<Object>(names);
        case "values" -> new ArrayList<>(columns);
        case "items" -> {
          List<Object> out = new ArrayList<>();
          for (int i = 0; i < names.size(); i++) {
            out.add(new ArrayList<>(List.of(names.get(i), columns.get(i))));
          }
          yield out;
        }
        case "get" -> {
          Object c = args.isEmpty() ? MISSING : attr(String.valueOf(args.get(0)));
          yield c != MISSING ? c : args.size() > 1 ? args.get(1) : null;
        }
        default -> PyObject.super.call(method, args, kwargs);
      };
    }

    @Override
    public String describe() {
      return "run_query(...) result's columns";
    }
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    if (method.equals("print_table")) {
      return "";
    }
    if (method.equals("__len__")) {
      return rows.size();
    }
    return PyObject.super.call(method, args, kwargs);
  }

  @Override
  public String describe() {
    return "run_query(...) result";
  }

  @Override
  public Iterator<Row> iterator() {
    return rows.iterator();
  }

  @Override
  public String toString() {
    return rows.toString();
  }

  /** One row: a list of values that also answers to column names. */
  static final class Row extends AbstractList<Object> implements PyObject {
    private final List<String> names;
    private final List<Object> values;

    Row(List<String> names, List<Object> values) {
      this.names = names;
      this.values = values;
    }

    @Override
    public Object get(int index) {
      return values.get(index);
    }

    @Override
    public int size() {
      return values.size();
    }

    @Override
    public Object attr(String name) {
      int i = names.indexOf(name);
      return i < 0 ? MISSING : values.get(i);
    }

    @Override
    public String describe() {
      return "row";
    }
  }
}
