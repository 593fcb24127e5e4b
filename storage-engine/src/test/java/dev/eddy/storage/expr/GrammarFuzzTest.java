package dev.eddy.storage.expr;

import static dev.eddy.storage.expr.V.*;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generates mostly well-formed expressions from the grammar (with random misuse mixed in) and
 * evaluates them against random items: anything but ApiException is a bug.
 */
class GrammarFuzzTest {
  private static final String[] PATHS = {"a", "b", "#n", "a.b", "a[0]", "a[1].b", "#n.x[2]", "c", "d.e.f", "l[0]", "l[5]"};
  private static final String[] VALUES = {":n", ":s", ":b", ":l", ":m", ":ss", ":ns", ":t", ":bool", ":nul"};
  private static final String[] CMP = {"=", "<>", "<", "<=", ">", ">="};
  private static final String[] COND_FUNCS = {"attribute_exists", "attribute_not_exists", "attribute_type", "begins_with",
      "contains", "size", "if_not_exists", "list_append", "nope"};
  private static final String[] UPD_FUNCS = {"if_not_exists", "list_append", "size", "nope"};

  private static final List<AttributeValue> SAMPLES = List.of(n(1), n("-2.5"), s("x"), s(""), b(1, 2), l(n(1), s("y")), l(),
      m("b", n(3), "x", l(n(1), n(2), n(3))), m(), ss("x", "y"), ns("1", "2"), bool(true), nul());

  private final Random r = new Random(7);

  private String pick(String[] a) {
    return a[r.nextInt(a.length)];
  }

  private String operand(int depth) {
    int k = r.nextInt(depth > 2 ? 2 : 4);
    if (k == 0) {
      return pick(PATHS);
    }
    if (k == 1) {
      return pick(VALUES);
    }
    if (k == 2) {
      return "size(" + operand(depth + 1) + ")";
    }
    return "(" + operand(depth + 1) + ")";
  }

  private String cond(int depth) {
    int k = r.nextInt(depth > 3 ? 4 : 8);
    switch (k) {
      case 0, 1:
        return operand(depth) + " " + pick(CMP) + " " + operand(depth);
      case 2:
        return operand(depth) + " BETWEEN " + operand(depth) + " AND " + operand(depth);
      case 3: {
        StringBuilder sb = new StringBuilder(operand(depth) + " IN (" + operand(depth));
        for (int i = r.nextInt(3); i > 0; i--) {
          sb.append(", ").append(operand(depth));
        }
        return sb.append(')').toString();
      }
      case 4:
        return pick(COND_FUNCS) + "(" + operand(depth) + (r.nextBoolean() ? ", " + operand(depth) : "") + ")";
      case 5:
        return cond(depth + 1) + (r.nextBoolean() ? " AND " : " OR ") + cond(depth + 1);
      case 6:
        return "NOT " + cond(depth + 1);
      default:
        return "(" + cond(depth + 1) + ")";
    }
  }

  private String updValue(int depth) {
    int k = r.nextInt(depth > 2 ? 2 : 5);
    switch (k) {
      case 0:
        return pick(PATHS);
      case 1:
        return pick(VALUES);
      case 2:
        return pick(UPD_FUNCS) + "(" + updValue(depth + 1) + ", " + updValue(depth + 1) + ")";
      case 3:
        return updValue(depth + 1) + (r.nextBoolean() ? " + " : " - ") + updValue(depth + 1);
      default:
        return "(" + updValue(depth + 1) + ")";
    }
  }

  private String update() {
    StringBuilder sb = new StringBuilder();
    for (int clauses = 1 + r.nextInt(3); clauses > 0; clauses--) {
      int k = r.nextInt(4);
      String kw = new String[] {"SET ", "REMOVE ", "ADD ", "DELETE "}[k];
      sb.append(kw);
      for (int i = 1 + r.nextInt(2); i > 0; i--) {
        sb.append(pick(PATHS));
        if (k == 0) {
          sb.append(" = ").append(updValue(0));
        } else if (k > 1) {
          sb.append(' ').append(pick(VALUES));
        }
        if (i > 1) {
          sb.append(", ");
        }
      }
      sb.append(' ');
    }
    return sb.toString();
  }

  private Map<String, AttributeValue> randomItem() {
    if (r.nextInt(5) == 0) {
      return null;
    }
    Map<String, AttributeValue> item = item();
    for (String name : new String[] {"a", "b", "c", "d", "l", "x"}) {
      if (r.nextBoolean()) {
        item.put(name, SAMPLES.get(r.nextInt(SAMPLES.size())));
      }
    }
    return item;
  }

  private ExpressionContext context() {
    return V.ctx(map("#n", "a"), map(":n", n(2), ":s", s("x"), ":b", b(1), ":l", l(n(9)), ":m", m("b", n(1)),
        ":ss", ss("x"), ":ns", ns("1"), ":t", s("N"), ":bool", bool(false), ":nul", nul()));
  }

  @Test
  void conditionsAndUpdatesOnlyFailWithApiException() {
    int conditions = 0;
    int updates = 0;
    for (int i = 0; i < 5000; i++) {
      String c = cond(0);
      Map<String, AttributeValue> item = randomItem();
      try {
        ConditionExpression.parse(c, context()).test(item);
        conditions++;
      } catch (ApiException e) {
        // fine
      } catch (RuntimeException e) {
        fail("condition \"" + c + "\" on " + item + " threw " + e, e);
      }
      String u = update();
      try {
        UpdateExpression up = UpdateExpression.parse(u, context());
        Map<String, AttributeValue> out = up.apply(item);
        up.projectUpdated(out);
        up.projectUpdated(item);
        updates++;
      } catch (ApiException e) {
        // fine
      } catch (RuntimeException e) {
        fail("update \"" + u + "\" on " + item + " threw " + e, e);
      }
      String k = "a = :n AND " + cond(3);
      try {
        KeyCondition kc = KeyCondition.parse(k, context(), "a", "b");
        kc.test(item);
      } catch (ApiException e) {
        // fine
      } catch (RuntimeException e) {
        fail("key condition \"" + k + "\" threw " + e, e);
      }
    }
    // the generator must produce enough valid expressions for the run to mean something
    assertTrue(conditions > 300, "valid conditions: " + conditions);
    assertTrue(updates > 100, "applied updates: " + updates);
  }
}
