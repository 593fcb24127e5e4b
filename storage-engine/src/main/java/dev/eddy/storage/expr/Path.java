package dev.eddy.storage.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A resolved document path: attribute names (String) and list indexes (Integer), e.g. a.b[2].c is
 * [a, b, 2, c]. The first element is always a name.
 */
public record Path(List<Object> elements) {
  public Path {
    Objects.requireNonNull(elements, "elements");
    elements = List.copyOf(elements);
    if (elements.isEmpty() || !(elements.get(0) instanceof String)) {
      throw new IllegalArgumentException("a path starts with an attribute name");
    }
    for (Object e : elements) {
      if (!(e instanceof String) && !(e instanceof Integer)) {
        throw new IllegalArgumentException("path elements are names or indexes");
      }
    }
  }

  /** A one-element path naming a top-level attribute. */
  public static Path of(String attribute) {
    return new Path(List.of(attribute));
  }

  public static Path of(Object... elements) {
    return new Path(List.of(elements));
  }

  /** The top-level attribute name. */
  public String head() {
    return (String) elements.get(0);
  }

  public int size() {
    return elements.size();
  }

  public Object get(int i) {
    return elements.get(i);
  }

  Path parent() {
    return new Path(new ArrayList<>(elements.subList(0, elements.size() - 1)));
  }

  /** DynamoDB's form in error messages: [a, b, [2], c]. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      Object e = elements.get(i);
      if (e instanceof Integer) {
        sb.append('[').append(e).append(']');
      } else {
        sb.append(e);
      }
    }
    return sb.append(']').toString();
  }
}
