package dev.eddy.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against an in-process Eddy: in memory, on a free port of 127.0.0.1,
 * started once before the class's first test and stopped after its last (or shared by every
 * class asking for the same settings with {@link #shared()}).
 *
 * <p>Test and lifecycle methods and constructors may declare parameters of these types:
 *
 * <ul>
 *   <li>{@link java.net.URI}: the endpoint, e.g. {@code http://127.0.0.1:41234};
 *   <li>{@link dev.eddy.server.EddyServer}: the server ({@code clock().advance(...)} moves its time);
 *   <li>{@code DynamoDbClient} and {@code DynamoDbStreamsClient} when the AWS SDK v2 is on the test
 *       class path: ready clients (us-east-1, dummy static credentials, the endpoint), closed with
 *       the server; do not close them yourself.
 * </ul>
 *
 * <pre>{@code
 * @EddyTest(resetBetweenTests = true)
 * class OrderRepositoryTest {
 *   @Test
 *   void savesOrders(DynamoDbClient ddb) { ... }
 * }
 * }</pre>
 *
 * {@code @ExtendWith(EddyExtension.class)} alone gives the defaults of this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EddyExtension.class)
public @interface EddyTest {

  /**
   * Delete every table and every backup before each test, so each test starts with none. Tables a
   * {@code @BeforeAll} method creates are then gone before the first test: create them in
   * {@code @BeforeEach} instead.
   */
  boolean resetBetweenTests() default false;

  /**
   * One server for all test classes of the run that ask for sharing with the same settings,
   * stopped when the run ends. Faster for many small classes; tables and the clock are then
   * shared too (combine with {@link #resetBetweenTests()}; not for parallel test execution).
   */
  boolean shared() default false;

  /** The region used in ARNs; the injected SDK clients use it too. */
  String region() default "us-east-1";

  /** Serve the test-control operations ({@code EddyControl.AdvanceClock}, {@code GetClock}). */
  boolean controlEndpoint() default false;
}
