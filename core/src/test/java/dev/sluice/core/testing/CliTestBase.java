package dev.sluice.core.testing;

import dev.sluice.core.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** For tests that run the CLI in this JVM: {@link #sluice} runs it and keeps what it printed. */
public abstract class CliTestBase {
  /** What the last {@link #sluice} call printed on standard output. */
  protected String out;

  /** What the last {@link #sluice} call printed on standard error. */
  protected String err;

  /** Runs {@code sluice ARGS} and returns its exit code. */
  protected int sluice(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
    out = o.toString();
    err = e.toString();
    return code;
  }
}
