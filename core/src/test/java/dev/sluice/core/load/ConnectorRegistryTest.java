package dev.sluice.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.spi.ConfigField;
import dev.sluice.core.spi.ConnectorConfig;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.spi.RowSink;
import dev.sluice.core.spi.SourceConnector;
import dev.sluice.core.spi.TableInfo;
import dev.sluice.core.spi.TableRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the registry finds, and what it says about a connector it does not know. */
class ConnectorRegistryTest {

  @Test
  void discoveryFindsTheFilesConnectorInCore() {
    List<String> kinds =
        ConnectorRegistry.discover().all().stream().map(SourceConnector::kind).toList();
    assertThat(kinds).contains("files");
    assertThat(ConnectorRegistry.discover().find("files").orElseThrow().fields())
        .extracting(ConfigField::name)
        .containsExactly("base_path", "format", "delimiter");
  }

  @Test
  void anExplicitlyRegisteredConnectorIsFound() {
    ConnectorRegistry r = ConnectorRegistry.discover().register(new Dropbox());
    assertThat(r.find("dropbox")).get().isInstanceOf(Dropbox.class);
  }

  @Test
  void anUnknownConnectorNamesTheSourceAndWhatIsInstalled() {
    assertThatThrownBy(() -> ConnectorRegistry.discover().require("salesforce", "crm"))
        .hasMessage("source crm: no connector 'salesforce'; installed connectors are files");
  }

  @Test
  void envReferencesResolveAndAMissingOneIsNamed() throws LoadException {
    ConnectorConfig c =
        ConnectorConfig.resolve(
            "shop_db",
            java.util.Map.of("password", "${env:SHOP_PW}", "user", "${env:SHOP_USER:-postgres}"),
            java.util.Map.of("SHOP_PW", "s3cret"));
    assertThat(c.text("password", null)).isEqualTo("s3cret");
    assertThat(c.text("user", null)).isEqualTo("postgres");
    assertThatThrownBy(
            () ->
                ConnectorConfig.resolve(
                    "shop_db", java.util.Map.of("password", "${env:NOPE}"), java.util.Map.of()))
        .hasMessageContaining(
            "source shop_db: password refers to the environment variable NOPE, which is not set");
  }

  /** A connector an embedding application might add by hand. */
  static final class Dropbox implements SourceConnector {
    @Override
    public String kind() {
      return "dropbox";
    }

    @Override
    public String displayName() {
      return "Dropbox";
    }

    @Override
    public List<ConfigField> fields() {
      return List.of(ConfigField.secret("token", "An API token."));
    }

    @Override
    public void check(ConnectorConfig config) {}

    @Override
    public List<TableInfo> tables(ConnectorConfig config) {
      return List.of();
    }

    @Override
    public void read(ConnectorConfig config, TableRequest request, RowSink sink) {}
  }
}
