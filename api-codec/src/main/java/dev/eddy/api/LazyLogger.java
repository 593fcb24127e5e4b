package dev.eddy.api;

import java.util.ResourceBundle;

/**
 * A {@link System.Logger} that looks up the real one on its first use. The first
 * {@code System.getLogger} of a JVM finds and starts the logging back end (~40 ms of start-up
 * on the main thread), and Eddy logs only on errors, so its loggers wait until then.
 */
public final class LazyLogger implements System.Logger {
  private final String name;
  private volatile System.Logger delegate;

  private LazyLogger(String name) {
    this.name = name;
  }

  /** The logger named after {@code owner}, looked up when first used. */
  public static System.Logger of(Class<?> owner) {
    return new LazyLogger(owner.getName());
  }

  private System.Logger delegate() {
    System.Logger d = delegate;
    if (d == null) {
      d = System.getLogger(name);
      delegate = d;
    }
    return d;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public boolean isLoggable(Level level) {
    return delegate().isLoggable(level);
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
    delegate().log(level, bundle, msg, thrown);
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    delegate().log(level, bundle, format, params);
  }
}
