package dev.eddy.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.util.internal.logging.InternalLogger;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class NettyLoggingTest {
  @Test
  void debugIsOffAndWarningsReachJavaUtilLogging() {
    String name = "dev.eddy.test.NettyLoggingTest";
    Logger jul = Logger.getLogger(name);
    List<LogRecord> records = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        records.add(r);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    jul.addHandler(capture);
    jul.setUseParentHandlers(false);
    try {
      InternalLogger logger = new NettyLogging.Factory().newInstance(name);
      assertFalse(logger.isTraceEnabled());
      assertFalse(logger.isDebugEnabled());
      logger.debug("dropped {}", 1);
      assertTrue(records.isEmpty());

      assertTrue(logger.isWarnEnabled());
      logger.warn("leak {} of {}", 1, 2);
      Exception boom = new IllegalStateException("boom");
      logger.error("failed", boom);
      assertEquals(2, records.size());
      assertEquals(Level.WARNING, records.get(0).getLevel());
      assertEquals("leak 1 of 2", records.get(0).getMessage());
      assertEquals(Level.SEVERE, records.get(1).getLevel());
      assertSame(boom, records.get(1).getThrown());

      jul.setLevel(Level.OFF);
      assertFalse(logger.isErrorEnabled());
    } finally {
      jul.removeHandler(capture);
      jul.setUseParentHandlers(true);
      jul.setLevel(null);
    }
  }
}
