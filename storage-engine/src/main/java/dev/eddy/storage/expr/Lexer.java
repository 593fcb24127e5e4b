package dev.eddy.storage.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens. It never fails: characters it does not know become ERROR tokens. */
final class Lexer {
  enum Type {
    NAME, NAME_REF, VALUE_REF, NUMBER, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT,
    EQ, NE, LT, LE, GT, GE, PLUS, MINUS, ERROR, EOF
  }

  record Token(Type type, String text, int start, int end) {
    boolean is(Type t) {
      return type == t;
    }

    boolean isKeyword(String keyword) {
      return type == Type.NAME && text.equalsIgnoreCase(keyword);
    }

    boolean isComparator() {
      return type == Type.EQ || type == Type.NE || type == Type.LT || type == Type.LE
          || type == Type.GT || type == Type.GE;
    }
  }

  private Lexer() {}

  static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        i++;
        continue;
      }
      int start = i;
      if (isLetter(c)) {
        i++;
        while (i < n && isIdentPart(s.charAt(i))) {
          i++;
        }
        out.add(new Token(Type.NAME, s.substring(start, i), start, i));
      } else if (isDigit(c)) {
        while (i < n && isDigit(s.charAt(i))) {
          i++;
        }
        out.add(new Token(Type.NUMBER, s.substring(start, i), start, i));
      } else if ((c == '#' || c == ':') && i + 1 < n && isIdentPart(s.charAt(i + 1))) {
        i++;
        while (i < n && isIdentPart(s.charAt(i))) {
          i++;
        }
        out.add(new Token(c == '#' ? Type.NAME_REF : Type.VALUE_REF, s.substring(start, i), start, i));
      } else {
        Type t;
        int len = 1;
        switch (c) {
          case '(' -> t = Type.LPAREN;
          case ')' -> t = Type.RPAREN;
          case '[' -> t = Type.LBRACKET;
          case ']' -> t = Type.RBRACKET;
          case ',' -> t = Type.COMMA;
          case '.' -> t = Type.DOT;
          case '=' -> t = Type.EQ;
          case '+' -> t = Type.PLUS;
          case '-' -> t = Type.MINUS;
          case '<' -> {
            if (i + 1 < n && s.charAt(i + 1) == '>') {
              t = Type.NE;
              len = 2;
            } else if (i + 1 < n && s.charAt(i + 1) == '=') {
              t = Type.LE;
              len = 2;
            } else {
              t = Type.LT;
            }
          }
          case '>' -> {
            if (i + 1 < n && s.charAt(i + 1) == '=') {
              t = Type.GE;
              len = 2;
            } else {
              t = Type.GT;
            }
          }
          default -> {
            t = Type.ERROR;
            len = Character.charCount(s.codePointAt(i));
          }
        }
        i += len;
        out.add(new Token(t, s.substring(start, i), start, i));
      }
    }
    out.add(new Token(Type.EOF, "<EOF>", n, n));
    return out;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentPart(char c) {
    return isLetter(c) || isDigit(c) || c == '_';
  }
}
