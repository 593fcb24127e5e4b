package dev.eddy.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.eddy.server.EddyServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Which server a class gets and when it stops, run through the JUnit engine itself. */
class LifecycleTest {
  /** Set only while EngineTestKit runs the fixtures below, so no other runner runs them. */
  static final String FIXTURES = "eddy.junit.fixtures";
  static final List<EddyServer> SEEN = new CopyOnWriteArrayList<>();
  static final List<Boolean> OPEN_DURING_TEST = new CopyOnWriteArrayList<>();

  @BeforeEach
  void clear() {
    SEEN.clear();
    OPEN_DURING_TEST.clear();
  }

  @Test
  void eachClassGetsItsOwnServerStoppedAfterItsLastTest() {
    run(PerClassA.class, PerClassB.class).assertStatistics(s -> s.succeeded(4).failed(0));
    assertEquals(4, SEEN.size());
    assertSame(SEEN.get(0), SEEN.get(1));
    assertSame(SEEN.get(2), SEEN.get(3));
    assertNotSame(SEEN.get(0), SEEN.get(2));
    assertEquals(List.of(true, true, true, true), OPEN_DURING_TEST);
    assertStopped(SEEN.get(0).endpoint());
    assertStopped(SEEN.get(2).endpoint());
  }

  @Test
  void sharedClassesGetOneServerStoppedAtTheEndOfTheRun() {
    run(SharedA.class, SharedB.class, SharedOtherRegion.class).assertStatistics(s -> s.succeeded(5).failed(0));
    assertEquals(5, SEEN.size());
    assertSame(SEEN.get(0), SEEN.get(1));
    assertSame(SEEN.get(0), SEEN.get(2));
    assertSame(SEEN.get(0), SEEN.get(3));
    assertNotSame(SEEN.get(0), SEEN.get(4), "other settings, other server");
    assertEquals("ap-south-1", SEEN.get(4).config().region());
    assertStopped(SEEN.get(0).endpoint());
    assertStopped(SEEN.get(4).endpoint());
  }

  @Test
  void extendWithAloneGivesTheDefaults() {
    run(PlainExtendWith.class).assertStatistics(s -> s.succeeded(1).failed(0));
    assertEquals("us-east-1", SEEN.get(0).config().region());
    assertEquals(false, SEEN.get(0).config().controlEndpoint());
  }

  @Test
  void controlEndpointSettingReachesTheServer() {
    run(WithControl.class).assertStatistics(s -> s.succeeded(1).failed(0));
    assertEquals(true, SEEN.get(0).config().controlEndpoint());
  }

  private static Events run(Class<?>... classes) {
    EngineTestKit.Builder b = EngineTestKit.engine("junit-jupiter");
    for (Class<?> c : classes) {
      b.selectors(selectClass(c));
    }
    System.setProperty(FIXTURES, "true");
    try {
      return b.execute().testEvents();
    } finally {
      System.clearProperty(FIXTURES);
    }
  }

  private static void assertStopped(URI endpoint) {
    assertThrows(ConnectException.class, () -> {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 2000);
      }
    }, "nothing listens at " + endpoint + " any more");
  }

  static void record(EddyServer server, URI endpoint) throws IOException {
    SEEN.add(server);
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 2000);
      OPEN_DURING_TEST.add(true);
    }
  }

  // ---- fixtures, run only through EngineTestKit

  @EddyTest
  @EnabledIfSystemProperty(named = FIXTURES, matches = "true")
  static class PerClassA {
    @Test void one(EddyServer s, URI e) throws IOException { record(s, e); }
    @Test void two(EddyServer s, URI e) throws IOException { record(s, e); }
  }

  @EddyTest
  @EnabledIfSystemProperty(named = FIXTURES, matches = "true")
  static class PerClassB {
    @Test void one(EddyServer s, URI e) throws IOException { record(s, e); }
    @Test void two(EddyServer s, URI e) throws IOException { record(s, e); }
  }

  @EddyTest(shared = true)
  @EnabledIfSystemProperty(named = FIXTURES, matches = "true")
  static class SharedA {
    @Test void one(EddyServer s, URI e) throws IOException { record(s, e); }
    @Test void two(EddyServer s, URI e) throws IOException { record(s, e); }
  }

  @EddyTest(shared = true, resetBetweenTests = true)
  @EnabledIfSystemProperty(named = FIXTURES, matches = "true")
  static class SharedB {
    @Test void one(EddyServer s, URI e) throws IOException { record(s, e); }
    @Test void two(EddyServer s, URI e) throws IOException { record(s, e); }
  }

  @EddyTest(shared = true, region = "ap-south-1")
  @EnabledIfSystemProperty(named = FIXTURES, matches = "true")
  static class SharedOtherRegion {
    @Test void one(EddyServer s, URI e) throws IOException { record(s, e); }
  }

  @ExtendWith(EddyExtension.class)
  @EnabledIfSystemProperty(named = FIXTURES, matches = "true")
  static class PlainExtendWith {
    @Test void one(EddyServer s, URI e) throws IOException { record(s, e); }
  }

  @EddyTest(controlEndpoint = true)
  @EnabledIfSystemProperty(named = FIXTURES, matches = "true")
  static class WithControl {
    @Test void one(EddyServer s, URI e) throws IOException { record(s, e); }
  }
}
