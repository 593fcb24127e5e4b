package dev.eddy.server.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checked against the signatures AWS publishes in its Signature Version 4 test suite. */
class SigV4VerifierTest {
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final Instant AT = Instant.parse("2015-08-30T12:36:00Z");
  private static final String CRED = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
      + " SignedHeaders=host;x-amz-date, Signature=";
  private static final String GET_VANILLA = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
  private static final String GET_QUERY_ORDER = "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500";

  private static SigV4Verifier verifier(Instant now) {
    return new SigV4Verifier(k -> k.equals("AKIDEXAMPLE") ? SECRET : null, Clock.fixed(now, ZoneOffset.UTC), "service");
  }

  private static SigV4Verifier.Request get(String uri, String... headers) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    h.computeIfAbsent("host", k -> new ArrayList<>()).add("example.amazonaws.com");
    h.computeIfAbsent("x-amz-date", k -> new ArrayList<>()).add("20150830T123600Z");
    for (int i = 0; i < headers.length; i += 2) {
      h.computeIfAbsent(headers[i].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(headers[i + 1]);
    }
    byte[] body = new byte[0];
    return new SigV4Verifier.Request("GET", uri, n -> h.getOrDefault(n.toLowerCase(Locale.ROOT), List.of()),
        body, 0, 0);
  }

  private static ErrorCode codeOf(Runnable r) {
    return assertThrows(ApiException.class, r::run).code();
  }

  @Test
  void acceptsThePublishedGetVanillaSignature() {
    assertDoesNotThrow(() -> verifier(AT).verify(get("/", "Authorization", CRED + GET_VANILLA)));
  }

  @Test
  void sortsQueryParametersAsTheCanonicalFormWants() {
    assertDoesNotThrow(() -> verifier(AT).verify(get("/?Param2=value2&Param1=value1",
        "Authorization", CRED + GET_QUERY_ORDER)));
  }

  @Test
  void refusesAChangedSignatureRequestOrKey() {
    String flipped = GET_VANILLA.substring(0, 63) + "0";
    ApiException e = assertThrows(ApiException.class,
        () -> verifier(AT).verify(get("/", "Authorization", CRED + flipped)));
    assertEquals(ErrorCode.INVALID_SIGNATURE, e.code());
    assertEquals(SigV4Verifier.BAD_SIGNATURE, e.getMessage());
    assertEquals(ErrorCode.INVALID_SIGNATURE,
        codeOf(() -> verifier(AT).verify(get("/?a=b", "Authorization", CRED + GET_VANILLA))));
    SigV4Verifier otherSecret = new SigV4Verifier(k -> "other", Clock.fixed(AT, ZoneOffset.UTC), "service");
    assertEquals(ErrorCode.INVALID_SIGNATURE,
        codeOf(() -> otherSecret.verify(get("/", "Authorization", CRED + GET_VANILLA))));
  }

  @Test
  void unknownKeyIsUnrecognizedClient() {
    ApiException e = assertThrows(ApiException.class, () -> verifier(AT).verify(
        get("/", "Authorization", CRED.replace("AKIDEXAMPLE", "AKIDOTHER") + GET_VANILLA)));
    assertEquals(ErrorCode.UNRECOGNIZED_CLIENT, e.code());
    assertEquals("The security token included in the request is invalid.", e.getMessage());
  }

  @Test
  void missingSignatureIsMissingAuthenticationToken() {
    ApiException e = assertThrows(ApiException.class, () -> verifier(AT).verify(get("/")));
    assertEquals(ErrorCode.MISSING_AUTHENTICATION_TOKEN, e.code());
    assertEquals("Request is missing Authentication Token", e.getMessage());
  }

  @Test
  void malformedAuthorizationIsIncompleteSignature() {
    assertEquals(ErrorCode.INCOMPLETE_SIGNATURE,
        codeOf(() -> verifier(AT).verify(get("/", "Authorization", "Basic dXNlcjpwYXNz"))));
    assertEquals(ErrorCode.INCOMPLETE_SIGNATURE,
        codeOf(() -> verifier(AT).verify(get("/", "Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/x"))));
    assertEquals(ErrorCode.INCOMPLETE_SIGNATURE, codeOf(() -> verifier(AT).verify(get("/", "Authorization",
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host"))));
  }

  @Test
  void fifteenMinutesOfClockSkewAreAllowedNotMore() {
    String auth = CRED + GET_VANILLA;
    assertDoesNotThrow(() -> verifier(AT.plusSeconds(15 * 60)).verify(get("/", "Authorization", auth)));
    assertDoesNotThrow(() -> verifier(AT.minusSeconds(15 * 60)).verify(get("/", "Authorization", auth)));
    ApiException late = assertThrows(ApiException.class,
        () -> verifier(AT.plusSeconds(15 * 60 + 1)).verify(get("/", "Authorization", auth)));
    assertEquals(ErrorCode.INVALID_SIGNATURE, late.code());
    assertEquals("Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z"
        + " (20150830T125101Z - 15 min.)", late.getMessage());
    ApiException early = assertThrows(ApiException.class,
        () -> verifier(AT.minusSeconds(15 * 60 + 1)).verify(get("/", "Authorization", auth)));
    assertEquals(ErrorCode.INVALID_SIGNATURE, early.code());
    assertTrue(early.getMessage().startsWith("Signature not yet current: 20150830T123600Z is still later than"),
        early.getMessage());
  }

  @Test
  void thePayloadHashIsTheBodysUnlessUnsignedPayloadIsDeclared() {
    String emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    // Unsigned here, so it cannot change what is signed: the hash of the body received is used.
    assertDoesNotThrow(() -> verifier(AT).verify(get("/", "Authorization", CRED + GET_VANILLA,
        "x-amz-content-sha256", emptyHash.replace('e', 'f'))));
    ApiException e = assertThrows(ApiException.class, () -> verifier(AT).verify(get("/",
        "Authorization", CRED + GET_VANILLA, "x-amz-content-sha256", "UNSIGNED-PAYLOAD")));
    assertEquals(ErrorCode.INVALID_SIGNATURE, e.code());
  }

  @Test
  void encodesLikeTheSpecification() {
    assertEquals("/", SigV4Verifier.canonicalPath(""));
    assertEquals("/", SigV4Verifier.canonicalPath("/"));
    assertEquals("/a/c", SigV4Verifier.canonicalPath("/a/./b/../c"));
    assertEquals("/%25E1%2588%25B4", SigV4Verifier.canonicalPath("/%E1%88%B4"));
    assertEquals("a%20b%2Bc~", SigV4Verifier.uriEncode("a b+c~", false));
    List<String[]> q = SigV4Verifier.parseQuery("x=%41%20b&flag");
    assertEquals("A b", q.get(0)[1]);
    assertEquals("", q.get(1)[1]);
    assertEquals(new String("é".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
        SigV4Verifier.parseQuery("e=%C3%A9").get(0)[1]);
  }
}
