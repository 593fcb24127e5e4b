package dev.eddy.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects constraint violations the way the service reports them:
 * "2 validation errors detected: Value 'x' at 'tableName' failed to satisfy constraint: ...; ...".
 */
public final class Validation {
  /** The pattern of table and index names, as the service quotes it in its errors. */
  public static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
  /** The head of a report that counts its errors. */
  private static final Pattern COUNTED = Pattern.compile("\\d+ validation errors? detected: ");
  private final List<String> errors = new ArrayList<>();

  public Validation add(Object value, String path, String constraint) {
    errors.add("Value " + quote(value) + " at '" + path + "' failed to satisfy constraint: " + constraint);
    return this;
  }

  /** A violation reported without echoing the value: "Value at 'path' failed to satisfy constraint: ...". */
  public Validation addUnechoed(String path, String constraint) {
    errors.add("Value at '" + path + "' failed to satisfy constraint: " + constraint);
    return this;
  }

  /** A violation in a form of its own, listed as it is ("Failed to satisfy constraint: ..."). */
  public Validation addMessage(String message) {
    errors.add(message);
    return this;
  }

  public Validation notNull(Object value, String path) {
    if (value == null) {
      add(null, path, "Member must not be null");
    }
    return this;
  }

  public Validation length(String value, String path, int min, int max) {
    if (value == null) {
      return this;
    }
    if (value.length() < min) {
      add(value, path, "Member must have length greater than or equal to " + min);
    }
    if (value.length() > max) {
      add(value, path, "Member must have length less than or equal to " + max);
    }
    return this;
  }

  public Validation pattern(String value, String path, Pattern p) {
    if (value != null && !p.matcher(value).matches()) {
      add(value, path, "Member must satisfy regular expression pattern: " + p.pattern());
    }
    return this;
  }

  /**
   * A table or index name's characters: {@link #NAME}, checked without a regex, as nearly every
   * request checks a name (a Matcher cost ~1 µs of a ~20 µs GetItem).
   */
  public Validation nameChars(String value, String path) {
    if (value != null && !isNameChars(value)) {
      add(value, path, "Member must satisfy regular expression pattern: " + NAME.pattern());
    }
    return this;
  }

  /** True when {@code s} matches {@link #NAME}. */
  public static boolean isNameChars(String s) {
    int n = s.length();
    if (n == 0) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '.' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The table of a request: its name (not null, 3..255, [a-zA-Z0-9_.-]+) or its ARN, which
   * DynamoDB takes in the same parameter.
   */
  public Validation tableName(String value, String path) {
    notNull(value, path);
    if (value != null && isTableArn(value)) {
      return this;
    }
    return name(value, path);
  }

  /**
   * The member constraint of a TableName that also takes an ARN: not null, 1..1024 characters
   * (what the service's model checks before the name itself, {@link #tableName}).
   */
  public Validation tableNameMember(String value, String path) {
    notNull(value, path);
    return length(value, path, 1, 1024);
  }

  /** The name of a table to create: not null, 3..255, [a-zA-Z0-9_.-]+ (no ARN). */
  public Validation newTableName(String value, String path) {
    notNull(value, path);
    return name(value, path);
  }

  /**
   * True for a table ARN, {@code arn:<partition>:dynamodb:<region>:<account>:table/<name>}, whose
   * name is a valid table name (at most 1,024 characters in all).
   */
  public static boolean isTableArn(String s) {
    if (s.length() > 1024 || !s.startsWith("arn:")) {
      return false;
    }
    String[] parts = s.split(":", 6);
    if (parts.length != 6 || parts[1].isEmpty() || !parts[2].equals("dynamodb") || parts[3].isEmpty()
        || parts[4].isEmpty() || !parts[5].startsWith("table/")) {
      return false;
    }
    String name = parts[5].substring(6);
    return name.length() >= 3 && name.length() <= 255 && isNameChars(name);
  }

  /** A table or index name when present: [a-zA-Z0-9_.-]+, 3..255 characters. */
  public Validation name(String value, String path) {
    nameChars(value, path);
    return length(value, path, 3, 255);
  }

  public Validation range(Long value, String path, long min, long max) {
    if (value == null) {
      return this;
    }
    if (value < min) {
      add(value, path, "Member must have value greater than or equal to " + min);
    }
    if (value > max) {
      add(value, path, "Member must have value less than or equal to " + max);
    }
    return this;
  }

  public Validation oneOf(String value, String path, List<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      add(value, path, "Member must satisfy enum value set: " + allowed);
    }
    return this;
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** Throws the collected violations (at most 10 listed), if any. */
  public void throwIfAny() {
    if (errors.isEmpty()) {
      return;
    }
    int n = errors.size();
    throw ApiException.validation(head(n) + String.join("; ", errors.subList(0, Math.min(10, n))));
  }

  /**
   * {@code e} as DynamoDB's current validation layer reports the first problem it finds in a
   * PutItem, UpdateItem or DeleteItem request: "1 validation error detected: " + its message.
   * Anything but a ValidationException, and a report that already counts its errors, is returned
   * unchanged.
   */
  public static ApiException envelope(ApiException e) {
    if (e.code() != ErrorCode.VALIDATION || COUNTED.matcher(e.getMessage()).lookingAt()) {
      return e;
    }
    return new ApiException(ErrorCode.VALIDATION, head(1) + e.getMessage(), e.extra());
  }

  private static String head(int n) {
    return n + " validation error" + (n == 1 ? "" : "s") + " detected: ";
  }

  private static String quote(Object value) {
    return value == null ? "null" : "'" + value + "'";
  }
}
