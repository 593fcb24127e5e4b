package dev.eddy.bench;

import java.util.ArrayList;
import java.util.List;

/** Runs the load generator in-process for tests and returns its result lines. */
public final class LoadGeneratorHarness {
  private LoadGeneratorHarness() {}

  public static List<String> run(String... args) {
    List<String> lines = new ArrayList<>();
    try (LoadGenerator gen = new LoadGenerator(Options.parse(args))) {
      for (Result r : gen.runAll()) {
        lines.add(r.line());
      }
    }
    return lines;
  }
}
