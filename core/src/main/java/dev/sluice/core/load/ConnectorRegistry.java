package dev.sluice.core.load;

import dev.sluice.core.spi.LoadException;
import dev.sluice.core.spi.SourceConnector;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The connectors available: the files connector, everything {@link ServiceLoader} finds on the
 * class path, and any registered explicitly (tests, embedding applications).
 */
public final class ConnectorRegistry {
  private final Map<String, SourceConnector> byKind = new TreeMap<>();

  /** Built-in connectors plus the plugins on the class path. */
  public static ConnectorRegistry discover() {
    ConnectorRegistry r = new ConnectorRegistry();
    r.register(new FilesConnector());
    for (SourceConnector c :
        ServiceLoader.load(SourceConnector.class, ConnectorRegistry.class.getClassLoader())) {
      r.register(c);
    }
    return r;
  }

  public ConnectorRegistry register(SourceConnector connector) {
    byKind.put(connector.kind(), connector);
    return this;
  }

  public Optional<SourceConnector> find(String kind) {
    return Optional.ofNullable(byKind.get(kind));
  }

  public SourceConnector require(String kind, String sourceName) throws LoadException {
    SourceConnector c = byKind.get(kind);
    if (c == null) {
      throw new LoadException(
          "source "
              + sourceName
              + ": no connector '"
              + kind
              + "'; installed connectors are "
              + String.join(", ", byKind.keySet()));
    }
    return c;
  }

  public Collection<SourceConnector> all() {
    return Collections.unmodifiableCollection(byKind.values());
  }
}
