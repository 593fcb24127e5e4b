package dev.eddy.storage.expr;

import dev.eddy.api.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A set of document paths as a tree; projects items onto them (lists keep the chosen elements in index order). */
final class PathTrie {
  private boolean leaf;
  private final Map<String, PathTrie> names = new LinkedHashMap<>();
  private final TreeMap<Integer, PathTrie> indexes = new TreeMap<>();

  static PathTrie of(List<Path> paths) {
    PathTrie root = new PathTrie();
    for (Path p : paths) {
      PathTrie node = root;
      for (Object e : p.elements()) {
        if (e instanceof String s) {
          node = node.names.computeIfAbsent(s, k -> new PathTrie());
        } else {
          node = node.indexes.computeIfAbsent((Integer) e, k -> new PathTrie());
        }
      }
      node.leaf = true;
    }
    return root;
  }

  Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    if (item == null) {
      return out;
    }
    for (Map.Entry<String, PathTrie> e : names.entrySet()) {
      AttributeValue v = item.get(e.getKey());
      AttributeValue p = v == null ? null : e.getValue().apply(v);
      if (p != null) {
        out.put(e.getKey(), p);
      }
    }
    return out;
  }

  private AttributeValue apply(AttributeValue v) {
    if (leaf) {
      return v;
    }
    if (!names.isEmpty() && v instanceof AttributeValue.M m) {
      Map<String, AttributeValue> out = project(m.values());
      return out.isEmpty() ? null : new AttributeValue.M(out);
    }
    if (!indexes.isEmpty() && v instanceof AttributeValue.L l) {
      List<AttributeValue> out = new ArrayList<>();
      for (Map.Entry<Integer, PathTrie> e : indexes.entrySet()) {
        if (e.getKey() < l.values().size()) {
          AttributeValue p = e.getValue().apply(l.values().get(e.getKey()));
          if (p != null) {
            out.add(p);
          }
        }
      }
      return out.isEmpty() ? null : new AttributeValue.L(out);
    }
    return null;
  }
}
