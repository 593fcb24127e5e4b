package dev.eddy.testcontainers;

import java.util.Locale;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * Runs a container test only where it can check something, and never lets CI pass without it:
 *
 * <ul>
 *   <li>Docker engine and the image present: the test runs.
 *   <li>Either missing and {@code CI=true}: the test class FAILS (a skipped test checked nothing).
 *   <li>Either missing on a developer's machine: the class is skipped with a loud message, so
 *       {@code mvn -B verify} still works without Docker.
 * </ul>
 *
 * Evaluated before {@code @Testcontainers} starts any {@code @Container}.
 */
final class DockerRequired implements ExecutionCondition {

  /** The image the tests start: {@code -Deddy.image=NAME:TAG}, else {@code eddy:<version>}. */
  static DockerImageName image() {
    String p = System.getProperty("eddy.image", "").trim();
    return p.isEmpty()
        ? EddyContainer.DEFAULT_IMAGE_NAME.withTag(EddyContainer.DEFAULT_TAG)
        : DockerImageName.parse(p).asCompatibleSubstituteFor(EddyContainer.DEFAULT_IMAGE_NAME);
  }

  private static volatile String problem;
  private static volatile boolean checked;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String p = problem();
    if (p == null) {
      return ConditionEvaluationResult.enabled("Docker engine and image " + image() + " available");
    }
    if (isCi()) {
      throw new IllegalStateException("CI=true but " + p
          + ". .ci/run starts dockerd and runs docker/build-image.sh before mvn verify.");
    }
    String banner = "\n" + "!".repeat(78) + "\n!!! SKIPPED " + context.getDisplayName() + ": " + p
        + "\n!!! Container tests need a Docker engine and the image: docker/build-image.sh"
        + "\n!!! (and TESTCONTAINERS_RYUK_DISABLED=true where no image can be pulled).\n"
        + "!".repeat(78) + "\n";
    System.err.println(banner);
    return ConditionEvaluationResult.disabled(p);
  }

  private static synchronized String problem() {
    if (!checked) {
      problem = findProblem();
      checked = true;
    }
    return problem;
  }

  private static String findProblem() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return "no Docker engine is reachable";
    }
    String name = image().asCanonicalNameString();
    try {
      DockerClientFactory.lazyClient().inspectImageCmd(image().toString()).exec();
      return null;
    } catch (RuntimeException e) {
      return "image " + name + " is not built (" + e.getClass().getSimpleName() + ")";
    }
  }

  static boolean isCi() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !ci.trim().toLowerCase(Locale.ROOT).equals("false");
  }
}
