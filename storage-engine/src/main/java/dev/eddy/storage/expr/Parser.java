package dev.eddy.storage.expr;

import dev.eddy.api.ApiException;
import dev.eddy.api.AttributeValues;
import dev.eddy.storage.expr.Ast.*;
import dev.eddy.storage.expr.Lexer.Token;
import dev.eddy.storage.expr.Lexer.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for condition, update and projection expressions. Syntax errors are
 * reported as DynamoDB does: {@code Syntax error; token: "x", near: "a x b"} where "near" spans the
 * token before, the offending token and the one after.
 */
final class Parser {
  static final int MAX_EXPRESSION_BYTES = 4096;

  /** Internal backtracking signal: the parse failed at a token index. */
  private static final class Fail extends RuntimeException {
    final int at;

    Fail(int at) {
      super(null, null, false, false);
      this.at = at;
    }
  }

  /** Nesting deeper than this is rejected before the stack runs out (DynamoDB's limits are lower anyway). */
  static final int MAX_NESTING = 200;

  /** Internal signal: nesting too deep; not subject to backtracking. */
  private static final class TooDeep extends RuntimeException {
    final int at;

    TooDeep(int at) {
      super(null, null, false, false);
      this.at = at;
    }
  }

  private final String text;
  private final ExpressionKind kind;
  private int depth;
  private final List<Token> tokens;
  private int pos;

  private Parser(String text, ExpressionKind kind) {
    this.text = text;
    this.kind = kind;
    this.tokens = Lexer.tokenize(text);
  }

  /** Checks emptiness and size, the checks DynamoDB makes before parsing. */
  private static Parser start(String text, ExpressionKind kind) {
    if (text == null || text.isEmpty() || text.isBlank()) {
      throw ApiException.validation(kind.prefix() + "The expression can not be empty;");
    }
    int size = AttributeValues.utf8Length(text);
    if (size > MAX_EXPRESSION_BYTES) {
      // an UpdateExpression's message names no size (captured from DynamoDB by
      // nubo-db/dynamodb-conformance, "Deep requests"); a condition's does
      throw ApiException.validation(kind.prefix() + "Expression size has exceeded the maximum allowed size;"
          + (kind == ExpressionKind.UPDATE ? "" : " expression size: " + size));
    }
    return new Parser(text, kind);
  }

  /**
   * Trees parsed before, by kind and text: a service sends the same few expressions again and
   * again with other values. Only successful parses are kept (errors are parsed again, to throw);
   * callers get a copy, since the checker binds into the tree. Bounded: cleared when full.
   */
  private static final java.util.concurrent.ConcurrentHashMap<Parsed, Object> PARSED =
      new java.util.concurrent.ConcurrentHashMap<>();
  static final int CACHE_ENTRIES = 512;
  static final int CACHE_MAX_TEXT = 1024;

  private record Parsed(ExpressionKind kind, String text) {}

  @SuppressWarnings("unchecked")
  private static <T> T cached(ExpressionKind kind, String text, java.util.function.Supplier<T> parse,
      java.util.function.UnaryOperator<T> copy) {
    if (text == null || text.length() > CACHE_MAX_TEXT) {
      return parse.get();
    }
    Parsed key = new Parsed(kind, text);
    T tree = (T) PARSED.get(key);
    if (tree == null) {
      tree = parse.get();
      if (PARSED.size() >= CACHE_ENTRIES) {
        PARSED.clear();
      }
      PARSED.putIfAbsent(key, copy.apply(tree)); // the kept tree is never handed out
      return tree;
    }
    return copy.apply(tree);
  }

  static Cond parseCondition(String text, ExpressionKind kind) {
    return cached(kind, text, () -> parseConditionUncached(text, kind), Ast::copy);
  }

  static Update parseUpdate(String text) {
    return cached(ExpressionKind.UPDATE, text, () -> parseUpdateUncached(text), Ast::copy);
  }

  static List<PathOp> parseProjection(String text) {
    return cached(ExpressionKind.PROJECTION, text, () -> parseProjectionUncached(text), Ast::copyPaths);
  }

  private static Cond parseConditionUncached(String text, ExpressionKind kind) {
    Parser p = start(text, kind);
    try {
      Cond c = p.orCond();
      p.expect(Type.EOF);
      return c;
    } catch (Fail f) {
      throw p.syntaxError(f.at);
    } catch (TooDeep f) {
      throw p.syntaxError(f.at);
    }
  }

  private static Update parseUpdateUncached(String text) {
    Parser p = start(text, ExpressionKind.UPDATE);
    try {
      return p.update();
    } catch (Fail f) {
      throw p.syntaxError(f.at);
    } catch (TooDeep f) {
      throw p.syntaxError(f.at);
    }
  }

  private static List<PathOp> parseProjectionUncached(String text) {
    Parser p = start(text, ExpressionKind.PROJECTION);
    try {
      List<PathOp> paths = new ArrayList<>();
      paths.add(p.path());
      while (p.peek().is(Type.COMMA)) {
        p.pos++;
        paths.add(p.path());
      }
      p.expect(Type.EOF);
      return paths;
    } catch (Fail f) {
      throw p.syntaxError(f.at);
    } catch (TooDeep f) {
      throw p.syntaxError(f.at);
    }
  }

  // ---- token helpers ----

  private Token peek() {
    return tokens.get(pos);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private Token expect(Type t) {
    Token tok = peek();
    if (!tok.is(t)) {
      throw new Fail(pos);
    }
    pos++;
    return tok;
  }

  private boolean isConditionKeyword(Token t) {
    return t.isKeyword("AND") || t.isKeyword("OR") || t.isKeyword("NOT") || t.isKeyword("BETWEEN")
        || t.isKeyword("IN");
  }

  private boolean isSectionKeyword(Token t) {
    return t.isKeyword("SET") || t.isKeyword("REMOVE") || t.isKeyword("ADD") || t.isKeyword("DELETE");
  }

  private boolean isKeyword(Token t) {
    if (kind == ExpressionKind.UPDATE) {
      return isSectionKeyword(t);
    }
    if (kind == ExpressionKind.PROJECTION) {
      return false;
    }
    return isConditionKeyword(t);
  }

  private ApiException syntaxError(int at) {
    Token cur = tokens.get(at);
    Token prev = at > 0 ? tokens.get(at - 1) : null;
    Token next = at + 1 < tokens.size() && !tokens.get(at + 1).is(Type.EOF) ? tokens.get(at + 1) : null;
    String near;
    if (cur.is(Type.EOF)) {
      near = prev == null ? "" : text.substring(prev.start(), prev.end());
    } else {
      int from = prev == null ? cur.start() : prev.start();
      int to = next == null ? cur.end() : next.end();
      near = text.substring(from, to);
    }
    return ApiException.validation(
        kind.prefix() + "Syntax error; token: \"" + cur.text() + "\", near: \"" + near + "\"");
  }

  private static Fail furthest(Fail a, Fail b) {
    if (a == null) {
      return b;
    }
    return b.at > a.at ? b : a;
  }

  private void enter() {
    if (++depth > MAX_NESTING) {
      throw new TooDeep(pos);
    }
  }

  // ---- conditions ----

  private Cond orCond() {
    enter();
    try {
      Cond left = andCond();
      while (peek().isKeyword("OR")) {
        pos++;
        left = new Or(left, andCond());
      }
      return left;
    } finally {
      depth--;
    }
  }

  private Cond andCond() {
    Cond left = notCond();
    while (peek().isKeyword("AND")) {
      pos++;
      left = new And(left, notCond());
    }
    return left;
  }

  private Cond notCond() {
    enter();
    try {
      if (peek().isKeyword("NOT")) {
        pos++;
        return new Not(notCond());
      }
      return primary();
    } finally {
      depth--;
    }
  }

  private boolean atComparisonOperator() {
    Token t = peek();
    return t.isComparator() || t.isKeyword("BETWEEN") || t.isKeyword("IN");
  }

  private Cond primary() {
    if (!peek().is(Type.LPAREN)) {
      return comparison();
    }
    int save = pos;
    Cond grouped = null;
    Fail first = null;
    try {
      pos++;
      grouped = orCond();
      expect(Type.RPAREN);
      grouped.parens++;
      if (!atComparisonOperator()) {
        return grouped;
      }
    } catch (Fail f) {
      first = f;
    }
    int after = pos;
    pos = save;
    try {
      return comparison();
    } catch (Fail f) {
      if (grouped != null) {
        pos = after;
        return grouped;
      }
      throw furthest(first, f);
    }
  }

  private Cond comparison() {
    Operand left = operand();
    Token t = peek();
    if (t.isComparator()) {
      pos++;
      return new Compare(t.text(), left, operand());
    }
    if (t.isKeyword("BETWEEN")) {
      pos++;
      Operand low = operand();
      if (!peek().isKeyword("AND")) {
        throw new Fail(pos);
      }
      pos++;
      return new Between(left, low, operand());
    }
    if (t.isKeyword("IN")) {
      pos++;
      expect(Type.LPAREN);
      List<Operand> list = new ArrayList<>();
      list.add(operand());
      while (peek().is(Type.COMMA)) {
        pos++;
        list.add(operand());
      }
      expect(Type.RPAREN);
      return new In(left, list);
    }
    if (left instanceof FuncOp f && left.parens == 0) {
      return new FuncCond(f);
    }
    throw new Fail(pos);
  }

  /** An operand of a condition or an update value: (operand), function(args), :value or a path. */
  private Operand operand() {
    enter();
    try {
      Token t = peek();
      if (t.is(Type.LPAREN)) {
        pos++;
        Operand o = operand();
        expect(Type.RPAREN);
        o.parens++;
        return o;
      }
      if (t.is(Type.NAME) && !isKeyword(t) && peek(1).is(Type.LPAREN)) {
        pos += 2;
        List<Operand> args = new ArrayList<>();
        args.add(operand());
        while (peek().is(Type.COMMA)) {
          pos++;
          args.add(operand());
        }
        expect(Type.RPAREN);
        return new FuncOp(t.text(), args);
      }
      if (t.is(Type.VALUE_REF)) {
        pos++;
        return new ValueOp(t.text());
      }
      return path();
    } finally {
      depth--;
    }
  }

  /** a.b[1].#c */
  private PathOp path() {
    List<Elem> elems = new ArrayList<>();
    elems.add(pathName());
    while (true) {
      Token t = peek();
      if (t.is(Type.DOT)) {
        pos++;
        elems.add(pathName());
      } else if (t.is(Type.LBRACKET)) {
        pos++;
        Token num = peek();
        if (!num.is(Type.NUMBER)) {
          throw new Fail(pos);
        }
        int index;
        try {
          index = Integer.parseInt(num.text());
        } catch (NumberFormatException e) {
          throw new Fail(pos);
        }
        pos++;
        expect(Type.RBRACKET);
        elems.add(new Elem(null, false, index));
      } else {
        return new PathOp(elems);
      }
    }
  }

  private Elem pathName() {
    Token t = peek();
    if (t.is(Type.NAME) && !isKeyword(t)) {
      pos++;
      return new Elem(t.text(), false, -1);
    }
    if (t.is(Type.NAME_REF)) {
      pos++;
      return new Elem(t.text(), true, -1);
    }
    throw new Fail(pos);
  }

  // ---- updates ----

  private Update update() {
    List<Action> actions = new ArrayList<>();
    List<ActionType> sections = new ArrayList<>();
    do {
      Token t = peek();
      ActionType type;
      if (t.isKeyword("SET")) {
        type = ActionType.SET;
      } else if (t.isKeyword("REMOVE")) {
        type = ActionType.REMOVE;
      } else if (t.isKeyword("ADD")) {
        type = ActionType.ADD;
      } else if (t.isKeyword("DELETE")) {
        type = ActionType.DELETE;
      } else {
        throw new Fail(pos);
      }
      pos++;
      sections.add(type);
      actions.add(action(type));
      while (peek().is(Type.COMMA)) {
        pos++;
        actions.add(action(type));
      }
    } while (!peek().is(Type.EOF));
    return new Update(actions, sections);
  }

  private Action action(ActionType type) {
    PathOp target = path();
    switch (type) {
      case SET -> {
        expect(Type.EQ);
        return new Action(type, target, setValue(), false);
      }
      case REMOVE -> {
        return new Action(type, target, null, false);
      }
      default -> {
        Token v = expect(Type.VALUE_REF);
        return new Action(type, target, new ValueOp(v.text()), false);
      }
    }
  }

  /** SET value: operand, operand + operand, operand - operand, optionally in parentheses. */
  private Operand setValue() {
    enter();
    try {
      if (peek().is(Type.LPAREN)) {
        int save = pos;
        try {
          pos++;
          Operand v = arithmetic();
          expect(Type.RPAREN);
          if (!peek().is(Type.PLUS) && !peek().is(Type.MINUS)) {
            return v;
          }
        } catch (Fail f) {
          pos = save;
          try {
            return arithmetic();
          } catch (Fail g) {
            throw furthest(f, g);
          }
        }
        pos = save;
      }
      return arithmetic();
    } finally {
      depth--;
    }
  }

  private Operand arithmetic() {
    Operand left = operand();
    Token t = peek();
    if (t.is(Type.PLUS) || t.is(Type.MINUS)) {
      pos++;
      return new ArithOp(t.text().charAt(0), left, operand());
    }
    return left;
  }


}
