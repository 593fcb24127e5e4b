package dev.eddy.server;

/** A bad command-line flag or environment variable; {@code Main} prints it and exits with 2. */
public final class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
