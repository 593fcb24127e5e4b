package dev.eddy.storage;

import java.util.Objects;

/** One key attribute: its name and scalar type ("S", "N" or "B"). */
public record KeyDef(String name, String type) {
  public KeyDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
