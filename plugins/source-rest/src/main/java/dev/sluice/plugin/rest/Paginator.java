package dev.sluice.plugin.rest;

import dev.sluice.core.spi.LoadException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks an endpoint's pages: by page number, by offset and limit, by a cursor in the body, by a
 * next link in the body, or by the {@code Link} header's {@code rel="next"}. It stops at an empty
 * (or short) page, or when there is no next cursor or link.
 */
final class Paginator {
  private static final Pattern LINK =
      Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?", Pattern.CASE_INSENSITIVE);

  enum Kind {
    NONE,
    PAGE_NUMBER,
    OFFSET,
    CURSOR,
    NEXT_LINK,
    LINK_HEADER
  }

  private final Kind kind;
  private final String url;
  private final Map<String, String> params;
  private final RestSettings s;
  private final int pageSize;
  private long position;

  Paginator(RestSettings s, Map<String, String> params, String source) throws LoadException {
    this.s = s;
    this.url = s.url();
    this.params = params;
    String type = s.paginatorText("type", "none").toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      this.kind = Kind.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw new LoadException(
          "source "
              + source
              + ": paginator type '"
              + s.paginatorText("type", "")
              + "' is not one of"
              + " none, page_number, offset, cursor, next_link, link_header");
    }
    this.pageSize =
        s.paginatorInt(
            kind == Kind.OFFSET ? "limit" : "page_size", kind == Kind.OFFSET ? 100 : 0, source);
    this.position = kind == Kind.PAGE_NUMBER ? s.paginatorInt("start_page", 1, source) : 0;
  }

  String first() {
    return switch (kind) {
      case PAGE_NUMBER, OFFSET -> HttpFetcher.withParams(url, positioned());
      default -> HttpFetcher.withParams(url, params);
    };
  }

  /**
   * The next page's URL after {@code page} (which held {@code records} records), or null at the
   * end.
   */
  String next(String current, HttpFetcher.Page page, int records) {
    String next =
        switch (kind) {
          case NONE -> null;
          case PAGE_NUMBER -> {
            position++;
            yield records == 0 || (pageSize > 0 && records < pageSize)
                ? null
                : HttpFetcher.withParams(url, positioned());
          }
          case OFFSET -> {
            position += records;
            yield records < pageSize || records == 0
                ? null
                : HttpFetcher.withParams(url, positioned());
          }
          case CURSOR -> {
            String c = JsonPaths.text(page.body(), s.paginatorText("cursor_path", "next_cursor"));
            Map<String, String> p = new LinkedHashMap<>(params);
            if (c != null) {
              p.put(s.paginatorText("cursor_param", "cursor"), c);
            }
            yield c == null || records == 0 ? null : HttpFetcher.withParams(url, p);
          }
          case NEXT_LINK ->
              resolve(current, JsonPaths.text(page.body(), s.paginatorText("next_path", "next")));
          case LINK_HEADER ->
              resolve(
                  current,
                  page.headers().allValues("Link").stream()
                      .map(LINK::matcher)
                      .filter(Matcher::find)
                      .map(m -> m.group(1))
                      .findFirst()
                      .orElse(null));
        };
    return next == null || next.equals(current) ? null : next;
  }

  private Map<String, String> positioned() {
    Map<String, String> p = new LinkedHashMap<>(params);
    if (kind == Kind.PAGE_NUMBER) {
      p.put(s.paginatorText("page_param", "page"), Long.toString(position));
      if (pageSize > 0) {
        p.put(s.paginatorText("size_param", "page_size"), Integer.toString(pageSize));
      }
    } else {
      p.put(s.paginatorText("offset_param", "offset"), Long.toString(position));
      p.put(s.paginatorText("limit_param", "limit"), Integer.toString(pageSize));
    }
    return p;
  }

  private static String resolve(String current, String link) {
    return link == null ? null : URI.create(current).resolve(link).toString();
  }
}
