package dev.eddy.server.internal;

import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 (HMAC-SHA256) of a request, signed either in the
 * Authorization header or in the query string (presigned), against the configured secrets, and
 * answers as DynamoDB does: MissingAuthenticationTokenException (no signature),
 * IncompleteSignatureException (a malformed one), UnrecognizedClientException (unknown access
 * key), InvalidSignatureException (wrong signature, or a request time more than 15 minutes from
 * the server clock). Netty-free and thread-safe. Secrets are never part of a message.
 */
public final class SigV4Verifier {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  static final String SERVICE = "dynamodb";
  static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
  static final Duration SKEW = Duration.ofMinutes(15);
  private static final long MAX_PRESIGN_SECONDS = 7 * 24 * 3600;
  static final String BAD_SIGNATURE = "The request signature we calculated does not match the signature you"
      + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation"
      + " for details.";
  static final String BAD_TOKEN = "The security token included in the request is invalid.";
  static final String MISSING = "Request is missing Authentication Token";
  private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static final HexFormat HEX = HexFormat.of();

  private final Function<String, String> secrets;
  private final Clock clock;
  private final String service;

  /** {@code secrets}: access key id to secret access key, null for an unknown key. */
  public SigV4Verifier(Function<String, String> secrets, Clock clock) {
    this(secrets, clock, SERVICE);
  }

  /** For the published test vectors, which sign for the service "service". */
  SigV4Verifier(Function<String, String> secrets, Clock clock, String service) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.service = Objects.requireNonNull(service, "service");
  }

  /**
   * One request as received. {@code uri} is the request target exactly as sent (path and query,
   * still percent-encoded); {@code headers} gives all values of a header, by case-insensitive
   * name (an empty list when absent).
   */
  public record Request(String method, String uri, Function<String, List<String>> headers,
      byte[] body, int offset, int length) {}

  /** Returns normally when the request is signed by a known key; throws the DynamoDB error otherwise. */
  public void verify(Request r) {
    String path = r.uri();
    String query = "";
    int q = path.indexOf('?');
    if (q >= 0) {
      query = path.substring(q + 1);
      path = path.substring(0, q);
    }
    List<String[]> params = parseQuery(query);
    String authorization = first(r.headers().apply("Authorization"));
    Signed s;
    if (authorization != null) {
      s = fromHeader(authorization, r);
    } else if (param(params, "X-Amz-Algorithm") != null || param(params, "X-Amz-Signature") != null) {
      s = fromQuery(params);
    } else {
      throw new ApiException(ErrorCode.MISSING_AUTHENTICATION_TOKEN, MISSING);
    }
    Instant now = clock.instant();
    checkTime(s, now);
    String secret = secrets.apply(s.accessKeyId);
    if (secret == null) {
      throw new ApiException(ErrorCode.UNRECOGNIZED_CLIENT, BAD_TOKEN);
    }
    if (!s.scopeDate.equals(s.amzDate.substring(0, 8))) {
      throw new ApiException(ErrorCode.INVALID_SIGNATURE, "Date in Credential scope does not match YYYYMMDD"
          + " from ISO-8601 version of date from HTTP: '" + s.scopeDate + "' != '" + s.amzDate.substring(0, 8)
          + "', from '" + s.amzDate + "'.");
    }
    if (!s.service.equals(service)) {
      throw new ApiException(ErrorCode.INVALID_SIGNATURE,
          "Credential should be scoped to correct service: '" + service + "'. ");
    }
    if (!s.signedHeaders.contains("host")) {
      throw new ApiException(ErrorCode.INVALID_SIGNATURE,
          "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }
    String payloadHash = payloadHash(r, s.presigned);
    String canonical = canonicalRequest(r, path, params, s, payloadHash);
    String scope = s.scopeDate + "/" + s.region + "/" + s.service + "/aws4_request";
    String toSign = ALGORITHM + "\n" + s.amzDate + "\n" + scope + "\n" + HEX.formatHex(sha256(
        canonical.getBytes(StandardCharsets.UTF_8)));
    byte[] key = signingKey(secret, s.scopeDate, s.region, s.service);
    byte[] expected = HEX.formatHex(hmac(key, toSign)).getBytes(StandardCharsets.US_ASCII);
    byte[] given = s.signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      throw new ApiException(ErrorCode.INVALID_SIGNATURE, BAD_SIGNATURE);
    }
  }

  /** The parts of a signature, wherever they came from. */
  private record Signed(String accessKeyId, String scopeDate, String region, String service,
      List<String> signedHeaders, String signature, String amzDate, boolean presigned, long expiresSeconds) {}

  private static Signed fromHeader(String authorization, Request r) {
    String a = authorization.trim();
    if (!a.startsWith(ALGORITHM + " ")) {
      throw incomplete("Authorization header requires 'Credential' parameter. Authorization header requires"
          + " 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter.");
    }
    String credential = null;
    String signedHeaders = null;
    String signature = null;
    for (String part : a.substring(ALGORITHM.length() + 1).split(",")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = p.substring(0, eq).trim();
      String value = p.substring(eq + 1).trim();
      switch (name) {
        case "Credential" -> credential = value;
        case "SignedHeaders" -> signedHeaders = value;
        case "Signature" -> signature = value;
        default -> { }
      }
    }
    StringBuilder missing = new StringBuilder();
    if (credential == null) {
      missing.append("Authorization header requires 'Credential' parameter. ");
    }
    if (signature == null) {
      missing.append("Authorization header requires 'Signature' parameter. ");
    }
    if (signedHeaders == null) {
      missing.append("Authorization header requires 'SignedHeaders' parameter. ");
    }
    String amzDate = first(r.headers().apply("X-Amz-Date"));
    if (amzDate == null) {
      String date = first(r.headers().apply("Date"));
      if (date != null) {
        try {
          amzDate = BASIC.format(ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException e) {
          amzDate = null;
        }
      }
    }
    if (amzDate == null) {
      missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
    }
    if (missing.length() > 0) {
      throw incomplete(missing.toString().trim());
    }
    String[] scope = credentialParts(credential);
    return new Signed(scope[0], scope[1], scope[2], scope[3], headerList(signedHeaders), signature,
        checkDate(amzDate.trim()), false, -1);
  }

  private static Signed fromQuery(List<String[]> params) {
    String algorithm = param(params, "X-Amz-Algorithm");
    String credential = param(params, "X-Amz-Credential");
    String signedHeaders = param(params, "X-Amz-SignedHeaders");
    String signature = param(params, "X-Amz-Signature");
    String date = param(params, "X-Amz-Date");
    String expires = param(params, "X-Amz-Expires");
    StringBuilder missing = new StringBuilder();
    for (String[] p : new String[][] {{"X-Amz-Algorithm", algorithm}, {"X-Amz-Credential", credential},
        {"X-Amz-Signature", signature}, {"X-Amz-SignedHeaders", signedHeaders}, {"X-Amz-Date", date}}) {
      if (p[1] == null) {
        missing.append("AWS query-string parameters must include '").append(p[0]).append("'. ");
      }
    }
    if (missing.length() > 0) {
      throw incomplete(missing.append("Re-examine the query-string parameters.").toString());
    }
    if (!ALGORITHM.equals(algorithm)) {
      throw incomplete("Unsupported AWS 'algorithm': '" + algorithm + "'");
    }
    long expiresSeconds = MAX_PRESIGN_SECONDS;
    if (expires != null) {
      try {
        expiresSeconds = Long.parseLong(expires);
      } catch (NumberFormatException e) {
        expiresSeconds = -1;
      }
      if (expiresSeconds < 0 || expiresSeconds > MAX_PRESIGN_SECONDS) {
        throw incomplete("X-Amz-Expires must be between 0 and " + MAX_PRESIGN_SECONDS + " seconds");
      }
    }
    String[] scope = credentialParts(credential);
    return new Signed(scope[0], scope[1], scope[2], scope[3], headerList(signedHeaders), signature,
        checkDate(date), true, expiresSeconds);
  }

  /** AKID/yyyyMMdd/region/service/aws4_request. */
  private static String[] credentialParts(String credential) {
    String[] parts = credential.split("/", -1);
    if (parts.length != 5 || parts[0].isEmpty()) {
      throw incomplete("Credential should be scoped to a valid region, not ''. ");
    }
    if (!parts[4].equals("aws4_request")) {
      throw incomplete("Credential should be scoped with a valid terminator: 'aws4_request', not '"
          + parts[4] + "'. ");
    }
    if (!parts[1].matches("[0-9]{8}")) {
      throw incomplete("Invalid credential date. Date is not the required format: yyyyMMdd. ");
    }
    if (parts[2].isEmpty()) {
      throw incomplete("Credential should be scoped to a valid region, not ''. ");
    }
    return parts;
  }

  private static String checkDate(String amzDate) {
    try {
      BASIC.parse(amzDate);
    } catch (DateTimeParseException e) {
      throw incomplete("Date must be in ISO-8601 'basic format'. Got '" + amzDate
          + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }
    return amzDate;
  }

  private static List<String> headerList(String signedHeaders) {
    List<String> names = new ArrayList<>();
    for (String h : signedHeaders.split(";")) {
      if (!h.isEmpty()) {
        names.add(h.toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  private static void checkTime(Signed s, Instant now) {
    Instant at = Instant.from(BASIC.parse(s.amzDate));
    String nowText = BASIC.format(now);
    if (at.isAfter(now.plus(SKEW))) {
      throw new ApiException(ErrorCode.INVALID_SIGNATURE, "Signature not yet current: " + s.amzDate
          + " is still later than " + BASIC.format(now.plus(SKEW)) + " (" + nowText + " + 15 min.)");
    }
    if (s.presigned) {
      Instant end = at.plusSeconds(s.expiresSeconds);
      if (now.isAfter(end)) {
        throw new ApiException(ErrorCode.INVALID_SIGNATURE, "Signature expired: " + BASIC.format(end)
            + " is now earlier than " + nowText + " (" + s.amzDate + " + " + s.expiresSeconds + " sec.)");
      }
      return;
    }
    if (at.isBefore(now.minus(SKEW))) {
      throw new ApiException(ErrorCode.INVALID_SIGNATURE, "Signature expired: " + s.amzDate
          + " is now earlier than " + BASIC.format(now.minus(SKEW)) + " (" + nowText + " - 15 min.)");
    }
  }

  /**
   * The payload hash: the SHA-256 of the body as received, so a body changed on the way fails
   * the signature (x-amz-content-sha256, when sent and signed, is covered as a header). The one
   * exception is x-amz-content-sha256: UNSIGNED-PAYLOAD, which signs that text instead of the body.
   */
  private static String payloadHash(Request r, boolean presigned) {
    String declared = first(r.headers().apply("x-amz-content-sha256"));
    if (declared != null && declared.trim().equals(UNSIGNED_PAYLOAD)) {
      return UNSIGNED_PAYLOAD;
    }
    return HEX.formatHex(sha256(r.body(), r.offset(), r.length()));
  }

  private static String canonicalRequest(Request r, String rawPath, List<String[]> params, Signed s,
      String payloadHash) {
    StringBuilder c = new StringBuilder(256);
    c.append(r.method().toUpperCase(Locale.ROOT)).append('\n');
    c.append(canonicalPath(rawPath)).append('\n');
    List<String[]> encoded = new ArrayList<>();
    for (String[] p : params) {
      if (s.presigned && p[0].equals("X-Amz-Signature")) {
        continue;
      }
      encoded.add(new String[] {uriEncode(p[0], false), uriEncode(p[1], false)});
    }
    encoded.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
    for (int i = 0; i < encoded.size(); i++) {
      if (i > 0) {
        c.append('&');
      }
      c.append(encoded.get(i)[0]).append('=').append(encoded.get(i)[1]);
    }
    c.append('\n');
    for (String name : s.signedHeaders) {
      c.append(name).append(':');
      List<String> values = r.headers().apply(name);
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          c.append(',');
        }
        c.append(trimAll(values.get(i)));
      }
      c.append('\n');
    }
    c.append('\n');
    c.append(String.join(";", s.signedHeaders)).append('\n');
    c.append(payloadHash);
    return c.toString();
  }

  /**
   * The path as the SDKs sign it for services other than S3: dot segments removed, then the
   * (already percent-encoded) path encoded once more, slashes kept.
   */
  static String canonicalPath(String rawPath) {
    if (rawPath.isEmpty()) {
      return "/";
    }
    List<String> out = new ArrayList<>();
    String[] segments = rawPath.split("/", -1);
    for (int i = 1; i < segments.length; i++) {
      String seg = segments[i];
      if (seg.equals(".")) {
        continue;
      }
      if (seg.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
        continue;
      }
      out.add(seg);
    }
    StringBuilder p = new StringBuilder();
    for (String seg : out) {
      p.append('/').append(uriEncode(seg, false));
    }
    if (p.length() == 0 || rawPath.endsWith("/") && p.charAt(p.length() - 1) != '/') {
      p.append('/');
    }
    return p.toString();
  }

  /** RFC 3986 encoding as SigV4 wants it: unreserved characters kept, everything else %XX (upper case). */
  static String uriEncode(String s, boolean keepSlash) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder(bytes.length + 8);
    for (byte x : bytes) {
      int c = x & 0xFF;
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || c == '-' || c == '_' || c == '.' || c == '~' || keepSlash && c == '/') {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return b.toString();
  }

  /** Query parameters, percent-decoded ('+' stays a plus, as SigV4 clients encode a space as %20). */
  static List<String[]> parseQuery(String query) {
    List<String[]> params = new ArrayList<>();
    if (query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.add(new String[] {percentDecode(name), percentDecode(value)});
    }
    return params;
  }

  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    byte[] out = new byte[s.length()];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()
          && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
        out[n++] = (byte) (Character.digit(s.charAt(i + 1), 16) << 4 | Character.digit(s.charAt(i + 2), 16));
        i += 2;
      } else if (c < 0x80) {
        out[n++] = (byte) c;
      } else {
        byte[] enc = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (n + enc.length > out.length) {
          out = java.util.Arrays.copyOf(out, out.length + enc.length + 16);
        }
        System.arraycopy(enc, 0, out, n, enc.length);
        n += enc.length;
      }
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  private static String param(List<String[]> params, String name) {
    for (String[] p : params) {
      if (p[0].equals(name)) {
        return p[1];
      }
    }
    return null;
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Trims and collapses runs of spaces into one, as the canonical header value wants. */
  private static String trimAll(String v) {
    String t = v.trim();
    StringBuilder b = new StringBuilder(t.length());
    boolean space = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == ' ' || c == '\t') {
        if (!space) {
          b.append(' ');
        }
        space = true;
      } else {
        b.append(c);
        space = false;
      }
    }
    return b.toString();
  }

  private static ApiException incomplete(String message) {
    return new ApiException(ErrorCode.INCOMPLETE_SIGNATURE, message);
  }

  static byte[] signingKey(String secret, String date, String region, String service) {
    byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
    k = hmac(k, region);
    k = hmac(k, service);
    return hmac(k, "aws4_request");
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(byte[] data) {
    return sha256(data, 0, data.length);
  }

  private static byte[] sha256(byte[] data, int offset, int length) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(data, offset, length);
      return d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
