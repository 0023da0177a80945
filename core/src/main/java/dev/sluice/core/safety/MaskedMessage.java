package dev.sluice.core.safety;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.sluice.core.spi.Secrets;

/** A log message with secrets masked: the {@code %masked} word of the logging pattern. */
public final class MaskedMessage extends ClassicConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return Secrets.mask(event.getFormattedMessage());
  }
}
