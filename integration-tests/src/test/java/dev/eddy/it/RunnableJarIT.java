package dev.eddy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shaded jar as users run it: java -jar emulator-server/target/eddy.jar ... */
class RunnableJarIT {

  @Test
  void startsAnswersAndStopsCleanlyOnSigterm() throws Exception {
    int port = EddyProcess.freePort();
    long t0 = System.nanoTime();
    try (EddyProcess eddy = EddyProcess.start(port, "--port", Integer.toString(port), "--in-memory")) {
      eddy.awaitHealthy(Duration.ofSeconds(60));
      Duration startUp = Duration.ofNanos(System.nanoTime() - t0);
      System.out.println("eddy.jar: process start to first answered request: " + startUp.toMillis() + " ms");
      int exit = eddy.stop();
      List<String> out = eddy.output();
      assertEquals(0, exit, "exit code after SIGTERM; output: " + out);
      Pattern startLine = Pattern.compile(
          "Eddy \\S+ listening on http://127\\.0\\.0\\.1:" + port + " \\(data: in memory\\)");
      assertTrue(out.stream().anyMatch(l -> startLine.matcher(l).matches()), out.toString());
      assertTrue(out.contains("Eddy stopped"), out.toString());
    }
  }

  /**
   * The build stores the jar's classes uncompressed (the JVM reads ~800 of them before the first
   * answer; inflating them was ~10 % of start-up's CPU) and keeps the native libraries deflated.
   */
  @Test
  void classesAreStoredAndNativeLibrariesDeflated() throws Exception {
    int classes = 0;
    int libraries = 0;
    try (JarFile zip = new JarFile(EddyProcess.jar().toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        if (e.getName().endsWith(".class")) {
          classes++;
          assertEquals(ZipEntry.STORED, e.getMethod(), e.getName());
        } else if (e.getName().startsWith("librocksdbjni-")) {
          libraries++;
          assertEquals(ZipEntry.DEFLATED, e.getMethod(), e.getName());
        }
      }
      assertEquals("dev.eddy.server.Main", zip.getManifest().getMainAttributes().getValue("Main-Class"));
    }
    assertTrue(classes > 1000, classes + " classes");
    assertTrue(libraries > 0, "no RocksDB library in the jar");
  }

  @Test
  void helpPrintsUsageAndExitsZero() throws Exception {
    try (EddyProcess eddy = EddyProcess.start(0, "--help")) {
      assertEquals(0, eddy.waitForExit());
      String out = String.join("\n", eddy.output());
      assertTrue(out.contains("--port PORT"), out);
      assertTrue(out.contains("EDDY_DATA_DIR"), out);
    }
  }

  @Test
  void badFlagExitsTwoWithAClearMessage() throws Exception {
    try (EddyProcess eddy = EddyProcess.start(0, "--port", "eighty")) {
      assertEquals(2, eddy.waitForExit());
      assertTrue(eddy.output().contains("eddy: --port: 'eighty' is not a whole number"), eddy.output().toString());
    }
  }

  @Test
  void portInUseExitsOneWithAClearMessage() throws Exception {
    try (EddyProcess first = EddyProcess.startServing("--in-memory");
        EddyProcess second = EddyProcess.start(first.port, "--port", Integer.toString(first.port), "--in-memory")) {
      assertEquals(1, second.waitForExit());
      assertTrue(second.output().stream().anyMatch(l -> l.startsWith("eddy: cannot start: cannot listen on")),
          second.output().toString());
      assertEquals(0, first.stop());
    }
  }
}
