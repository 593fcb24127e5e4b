package dev.eddy.server.internal;

import io.netty.util.internal.logging.AbstractInternalLogger;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;

/**
 * How Netty logs in {@code java -jar eddy.jar}: through java.util.logging, as before, but without
 * starting java.util.logging on every start.
 *
 * <p>Netty creates a logger in the static initialiser of most of its classes and asks them for
 * debug output while it starts. With {@link JdkLoggerFactory} the first of those starts
 * java.util.logging's LogManager (reads its configuration, builds the logger tree): ~35 ms of CPU
 * on the path to the first answer, for messages the default configuration (level INFO) drops.
 * With no {@code java.util.logging.config.file} or {@code .class} given, that default is what
 * applies, so the loggers here answer "off" for TRACE and DEBUG without asking java.util.logging,
 * and hand INFO, WARN and ERROR to java.util.logging's logger, made on the first such message. A
 * user who configures java.util.logging (to see Netty's debug output, say) gets
 * {@link JdkLoggerFactory} itself.
 */
public final class NettyLogging {
  private NettyLogging() {}

  /** Sets Netty's logger factory; call before any Netty class is used. */
  public static void install() {
    boolean configured = System.getProperty("java.util.logging.config.file") != null
        || System.getProperty("java.util.logging.config.class") != null;
    InternalLoggerFactory.setDefaultFactory(configured ? JdkLoggerFactory.INSTANCE : new Factory());
  }

  /** Loggers whose TRACE and DEBUG are off and whose other levels go to java.util.logging. */
  static final class Factory extends InternalLoggerFactory {
    @Override
    protected InternalLogger newInstance(String name) {
      return new InfoAndAbove(name);
    }
  }

  /** TRACE and DEBUG off; INFO and above to java.util.logging's logger of the same name. */
  static final class InfoAndAbove extends AbstractInternalLogger {
    private static final long serialVersionUID = 1L;
    private transient volatile InternalLogger jul;

    InfoAndAbove(String name) {
      super(name);
    }

    private InternalLogger jul() {
      InternalLogger j = jul;
      if (j == null) {
        j = ((JdkLoggerFactory) JdkLoggerFactory.INSTANCE).newInstance(name());
        jul = j;
      }
      return j;
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public void trace(String msg) {}

    @Override
    public void trace(String format, Object arg) {}

    @Override
    public void trace(String format, Object argA, Object argB) {}

    @Override
    public void trace(String format, Object... arguments) {}

    @Override
    public void trace(String msg, Throwable t) {}

    @Override
    public boolean isDebugEnabled() {
      return false;
    }

    @Override
    public void debug(String msg) {}

    @Override
    public void debug(String format, Object arg) {}

    @Override
    public void debug(String format, Object argA, Object argB) {}

    @Override
    public void debug(String format, Object... arguments) {}

    @Override
    public void debug(String msg, Throwable t) {}

    @Override
    public boolean isInfoEnabled() {
      return jul().isInfoEnabled();
    }

    @Override
    public void info(String msg) {
      jul().info(msg);
    }

    @Override
    public void info(String format, Object arg) {
      jul().info(format, arg);
    }

    @Override
    public void info(String format, Object argA, Object argB) {
      jul().info(format, argA, argB);
    }

    @Override
    public void info(String format, Object... arguments) {
      jul().info(format, arguments);
    }

    @Override
    public void info(String msg, Throwable t) {
      jul().info(msg, t);
    }

    @Override
    public boolean isWarnEnabled() {
      return jul().isWarnEnabled();
    }

    @Override
    public void warn(String msg) {
      jul().warn(msg);
    }

    @Override
    public void warn(String format, Object arg) {
      jul().warn(format, arg);
    }

    @Override
    public void warn(String format, Object argA, Object argB) {
      jul().warn(format, argA, argB);
    }

    @Override
    public void warn(String format, Object... arguments) {
      jul().warn(format, arguments);
    }

    @Override
    public void warn(String msg, Throwable t) {
      jul().warn(msg, t);
    }

    @Override
    public boolean isErrorEnabled() {
      return jul().isErrorEnabled();
    }

    @Override
    public void error(String msg) {
      jul().error(msg);
    }

    @Override
    public void error(String format, Object arg) {
      jul().error(format, arg);
    }

    @Override
    public void error(String format, Object argA, Object argB) {
      jul().error(format, argA, argB);
    }

    @Override
    public void error(String format, Object... arguments) {
      jul().error(format, arguments);
    }

    @Override
    public void error(String msg, Throwable t) {
      jul().error(msg, t);
    }
  }
}
