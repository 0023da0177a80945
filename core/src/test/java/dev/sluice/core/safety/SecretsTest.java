package dev.sluice.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.spi.Secrets;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void aRememberedValueIsMaskedAlsoWhenUrlEncoded() {
    Secrets.remember("p@ss word/42");
    assertThat(Secrets.mask("GET /x?key=p%40ss+word%2F42 failed for p@ss word/42"))
        .isEqualTo("GET /x?key=**** failed for ****");
  }

  @Test
  void shortValuesAreNotTreatedAsSecrets() {
    Secrets.remember("ab");
    assertThat(Secrets.mask("a tab")).isEqualTo("a tab");
  }

  @Test
  void namesThatHoldSecretsAreToldFromNamesThatSayWhereOneGoes() {
    assertThat(Secrets.isSecretName("password")).isTrue();
    assertThat(Secrets.isSecretName("params.api_key")).isTrue();
    assertThat(Secrets.isSecretName("access_token")).isTrue();
    assertThat(Secrets.isSecretName("headers.Authorization")).isTrue();
    assertThat(Secrets.isSecretName("token_param")).isFalse();
    assertThat(Secrets.isSecretName("next_token_path")).isFalse();
    assertThat(Secrets.isSecretName("auth_type")).isFalse();
    assertThat(Secrets.isSecretName("user")).isFalse();
  }
}
