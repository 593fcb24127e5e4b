package dev.eddy.junit;

import dev.eddy.server.EddyServer;
import dev.eddy.server.ServerConfig;
import java.lang.reflect.AnnotatedElement;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link EddyTest}: starts an in-memory Eddy per test class (or one
 * shared by the run), resolves {@link URI}, {@link EddyServer} and, when the AWS SDK v2 is
 * present, {@code DynamoDbClient} / {@code DynamoDbStreamsClient} parameters, and deletes all
 * tables before each test when asked to.
 */
public final class EddyExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EddyExtension.class);

  private static final String DYNAMODB_CLIENT = "software.amazon.awssdk.services.dynamodb.DynamoDbClient";
  private static final String STREAMS_CLIENT =
      "software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient";
  private static final Set<String> SDK_TYPES = Set.of(DYNAMODB_CLIENT, STREAMS_CLIENT);

  /** The default settings, for {@code @ExtendWith(EddyExtension.class)} without {@link EddyTest}. */
  @EddyTest
  private static final class Defaults {}

  @Override
  public void beforeAll(ExtensionContext context) {
    instance(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    EddyInstance eddy = instance(context);
    if (settings(context).resetBetweenTests()) {
      eddy.deleteAllTables();
      eddy.deleteAllBackups();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == URI.class || type == EddyServer.class) {
      return true;
    }
    if (SDK_TYPES.contains(type.getName())) {
      if (!present(DYNAMODB_CLIENT)) {
        throw new ParameterResolutionException("Eddy: " + type.getName() + " needs the AWS SDK v2 "
            + "on the test class path (software.amazon.awssdk:dynamodb)");
      }
      return true;
    }
    return false;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    EddyInstance eddy = instance(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == URI.class) {
      return eddy.endpoint();
    }
    if (type == EddyServer.class) {
      return eddy.server();
    }
    if (type.getName().equals(DYNAMODB_CLIENT)) {
      return eddy.dynamoDbClient();
    }
    if (type.getName().equals(STREAMS_CLIENT)) {
      return eddy.streamsClient();
    }
    throw new ParameterResolutionException("Eddy cannot resolve " + type.getName());
  }

  /**
   * The instance for this context: looked up in the class's store (a {@code @Nested} class finds
   * its outer class's), or in the root store when shared; started on first use.
   */
  private static EddyInstance instance(ExtensionContext context) {
    EddyTest settings = settings(context);
    ServerConfig config = ServerConfig.builder()
        .host("127.0.0.1")
        .port(0)
        .inMemory(true)
        .region(settings.region())
        .controlEndpoint(settings.controlEndpoint())
        .build();
    if (settings.shared()) {
      String key = "shared:" + settings.region() + ":" + settings.controlEndpoint();
      return context.getRoot().getStore(NAMESPACE)
          .getOrComputeIfAbsent(key, k -> EddyInstance.start(config), EddyInstance.class);
    }
    ExtensionContext classContext = classContext(context);
    return classContext.getStore(NAMESPACE)
        .getOrComputeIfAbsent("class", k -> EddyInstance.start(config), EddyInstance.class);
  }

  /** The outermost class context that carries the settings (so {@code @Nested} classes share). */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() || c.getTestClass().isEmpty()) {
      c = c.getParent().orElseThrow(() -> new IllegalStateException("no test class context"));
    }
    // Walk out of @Nested classes to the class holding the server.
    while (c.getParent().flatMap(ExtensionContext::getTestClass).isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  private static EddyTest settings(ExtensionContext context) {
    Optional<Class<?>> cls = context.getTestClass();
    while (cls.isPresent()) {
      Optional<EddyTest> a = AnnotationSupport.findAnnotation(cls.get(), EddyTest.class);
      if (a.isPresent()) {
        return a.get();
      }
      cls = Optional.ofNullable(cls.get().getEnclosingClass());
    }
    return defaults();
  }

  static boolean present(String className) {
    try {
      Class.forName(className, false, EddyExtension.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static EddyTest defaults() {
    AnnotatedElement d = Defaults.class;
    return d.getAnnotation(EddyTest.class);
  }
}
