package dev.sluice.core.io;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work on a thread of its own while the caller goes on, then joined: what it threw is thrown by
 * {@link #join} as it was. For the halves of a large write (compile's files and manifest) and for
 * setting something up beside a parse.
 */
public final class Aside<T> {
  private final FutureTask<T> task;

  private Aside(FutureTask<T> task) {
    this.task = task;
  }

  /** Starts {@code work} on a daemon thread named {@code name}. */
  public static <T> Aside<T> start(String name, Callable<T> work) {
    Aside<T> a = new Aside<>(new FutureTask<>(work));
    Thread t = new Thread(a.task, name);
    t.setDaemon(true);
    t.start();
    return a;
  }

  /** Does {@code work} now, on this thread: for a caller that has nothing to wait for. */
  public static <T> Aside<T> done(Callable<T> work) {
    Aside<T> a = new Aside<>(new FutureTask<>(work));
    a.task.run();
    return a;
  }

  /** What the work gave, once it is done; an {@link IOException} or unchecked throw as it was. */
  public T join() throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting for work aside");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IOException(c);
    }
  }
}
