package dev.eddy.storage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.api.ApiException;
import dev.eddy.api.ErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TagsAndControlPlaneTest {
  private final MiscOpsFixture t = new MiscOpsFixture();

  @AfterEach
  void close() {
    t.close();
  }

  private String tags(String table) {
    return t.call("ListTagsOfResource", "{'ResourceArn':'" + t.arn(table) + "'}").get("Tags").toString();
  }

  @Test
  void tagUntagList() {
    t.call("CreateTable", "{'TableName':'tab1','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
        + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],'BillingMode':'PAY_PER_REQUEST',"
        + "'Tags':[{'Key':'env','Value':'dev'}]}");
    assertEquals("[{\"Key\":\"env\",\"Value\":\"dev\"}]", tags("tab1"));
    assertEquals("{}", t.call("TagResource", "{'ResourceArn':'" + t.arn("tab1")
        + "','Tags':[{'Key':'team','Value':'a b+c-d=e.f_g:h/i@j'},{'Key':'env','Value':'prod'}]}").toString());
    assertEquals("[{\"Key\":\"env\",\"Value\":\"prod\"},{\"Key\":\"team\",\"Value\":\"a b+c-d=e.f_g:h/i@j\"}]",
        tags("tab1"));
    t.call("UntagResource", "{'ResourceArn':'" + t.arn("tab1") + "','TagKeys':['env','absent']}");
    assertEquals("[{\"Key\":\"team\",\"Value\":\"a b+c-d=e.f_g:h/i@j\"}]", tags("tab1"));
    t.call("UntagResource", "{'ResourceArn':'" + t.arn("tab1") + "','TagKeys':['team']}");
    assertEquals("[]", tags("tab1"));
    assertFalse(t.call("DescribeTable", "{'TableName':'tab1'}").get("Table").has("_Tags"));
  }

  @Test
  void tagValidationAsDynamoDb() {
    t.createTable("tab1", false);
    String arn = t.arn("tab1");
    assertEquals("Invalid TableArn", t.fail("TagResource", "{}").getMessage());
    // a ResourceArn is read (and authorized) before the other members are checked
    String streamArn = arn + "/stream/2026-01-01T00:00:00.000";
    assertEquals("1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null",
        t.fail("TagResource", "{'ResourceArn':'" + streamArn + "'}").getMessage());
    assertEquals("Invalid TableArn: Invalid ResourceArn provided as input " + streamArn,
        t.fail("TagResource", "{'ResourceArn':'" + streamArn + "','Tags':[]}").getMessage());
    assertEquals("Invalid TableArn: Invalid ResourceArn provided as input " + streamArn,
        t.fail("TagResource", "{'ResourceArn':'" + streamArn + "','Tags':[{'Key':'a','Value':'b'}]}").getMessage());
    assertEquals("Atleast one Tag needs to be provided as Input.",
        t.fail("TagResource", "{'ResourceArn':'" + arn + "','Tags':[]}").getMessage());
    String k129 = "k".repeat(129);
    assertEquals("The Tag Key provided is invalid, Key: " + k129,
        t.fail("TagResource", "{'ResourceArn':'" + arn + "','Tags':[{'Key':'ok','Value':'v'},{'Key':'" + k129
            + "','Value':'v'}]}").getMessage());
    assertEquals("The Tag Value provided is invalid, Value: null",
        t.fail("TagResource", "{'ResourceArn':'" + arn + "','Tags':[{'Key':'a'}]}").getMessage());
    assertEquals("The Tag Value provided is invalid, Value: a,b",
        t.fail("TagResource", "{'ResourceArn':'" + arn + "','Tags':[{'Key':'a','Value':'a,b'}]}").getMessage());
    assertEquals("Tag Key cannot be prefixed with aws:, Key: aws:zzz",
        t.fail("TagResource", "{'ResourceArn':'" + arn + "','Tags':[{'Key':'aws:zzz','Value':'v'}]}").getMessage());
    assertEquals("Duplicate Tag Keys provided as input: Duplicate Tag Key found dup",
        t.fail("TagResource", "{'ResourceArn':'" + arn + "','Tags':[{'Key':'dup','Value':'1'},{'Key':'dup','Value':'2'}]}")
            .getMessage());
    assertEquals("[]", tags("tab1"), "all or nothing");
    ApiException e = t.fail("TagResource", "{'ResourceArn':'" + t.arn("nope") + "','Tags':[{'Key':'a','Value':'b'}]}");
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
    assertEquals("Requested resource not found: ResourceArn: " + t.arn("nope") + " not found", e.getMessage());
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND,
        t.fail("ListTagsOfResource", "{'ResourceArn':'" + t.arn("nope") + "'}").code());
    assertEquals("Atleast one Tag Key needs to be provided as Input.",
        t.fail("UntagResource", "{'ResourceArn':'" + arn + "','TagKeys':[]}").getMessage());
    assertEquals("The Tag Key provided is invalid, Key: ",
        t.fail("UntagResource", "{'ResourceArn':'" + arn + "','TagKeys':['']}").getMessage());
    assertEquals("1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null",
        t.fail("UntagResource", "{'ResourceArn':'" + arn + "'}").getMessage());
  }

  @Test
  void resourceArnsAsDynamoDbReadsThem() {
    // answers captured from DynamoDB (third-party, ListTagsOfResource/TagResource identifier
    // shapes): what is not an ARN, a bare table name included, is a ValidationException; another
    // account's ARN is AccessDenied; another region's is no table ARN; a missing table of this
    // account and region is ResourceNotFound
    t.createTable("tab1", false);
    String arn = t.arn("tab1");
    for (String op : new String[] {"ListTagsOfResource", "TagResource", "UntagResource"}) {
      String rest = op.equals("TagResource") ? ",'Tags':[{'Key':'a','Value':'b'}]}" : op.equals("UntagResource")
          ? ",'TagKeys':['a']}" : "}";
      for (String notAnArn : new String[] {"not-an-arn", "tab1", "a:b:c:d:e:f/g", ""}) {
        ApiException e = t.fail(op, "{'ResourceArn':'" + notAnArn + "'" + rest);
        assertEquals(ErrorCode.VALIDATION, e.code());
        assertEquals("One or more parameter values were invalid: ARNs must start with 'arn:': " + notAnArn, e.getMessage());
      }
      String foreign = arn.replace(":000000000000:", ":123456789012:");
      ApiException e = t.fail(op, "{'ResourceArn':'" + foreign + "'" + rest);
      assertEquals(ErrorCode.ACCESS_DENIED, e.code(), op);
      assertEquals("Access is denied", e.getMessage());
      String otherRegion = arn.replace(":us-east-1:", ":eu-west-2:");
      assertEquals("Invalid TableArn: Invalid ResourceArn provided as input " + otherRegion,
          t.fail(op, "{'ResourceArn':'" + otherRegion + "'" + rest).getMessage());
      e = t.fail(op, "{'ResourceArn':'" + t.arn("nope") + "'" + rest);
      assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.code());
      assertEquals("Requested resource not found: ResourceArn: " + t.arn("nope") + " not found", e.getMessage());
    }
    // authorization comes before the member checks of the other fields
    assertEquals("One or more parameter values were invalid: ARNs must start with 'arn:': tab1",
        t.fail("TagResource", "{'ResourceArn':'tab1'}").getMessage());
    assertEquals(ErrorCode.ACCESS_DENIED, t.fail("UntagResource", "{'ResourceArn':'"
        + arn.replace(":000000000000:", ":123456789012:") + "'}").code());
  }

  @Test
  void fiftyTagLimitOnTheMergedSetAndPaging() {
    t.createTable("tab1", false);
    String arn = t.arn("tab1");
    StringBuilder fifty = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      fifty.append(i == 0 ? "" : ",").append("{'Key':'k").append(i).append("','Value':'v").append(i).append("'}");
    }
    t.call("TagResource", "{'ResourceArn':'" + arn + "','Tags':[" + fifty + "]}");
    ObjectNode page = t.call("ListTagsOfResource", "{'ResourceArn':'" + arn + "'}");
    assertEquals(50, page.get("Tags").size());
    assertFalse(page.has("NextToken"));
    t.call("TagResource", "{'ResourceArn':'" + arn + "','Tags':[{'Key':'k1','Value':'new'}]}");
    ApiException e = t.fail("TagResource", "{'ResourceArn':'" + arn + "','Tags':[{'Key':'k51','Value':'x'}]}");
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertEquals("Number of Tags exceed the current limit for the provided ResourceArn", e.getMessage());

    // paging with a smaller page walks every tag once
    ListTagsOfResourceOperation small = new ListTagsOfResourceOperation(t.engine, 20);
    int seen = 0;
    String token = null;
    do {
      ObjectNode req = dev.eddy.api.Json.object();
      req.put("ResourceArn", arn);
      if (token != null) {
        req.put("NextToken", token);
      }
      ObjectNode p = small.handle(req);
      seen += p.get("Tags").size();
      token = p.has("NextToken") ? p.get("NextToken").asText() : null;
    } while (token != null);
    assertEquals(50, seen);
  }

  @Test
  void limitsAndEndpoints() {
    assertEquals("{\"AccountMaxReadCapacityUnits\":80000,\"AccountMaxWriteCapacityUnits\":80000,"
        + "\"TableMaxReadCapacityUnits\":40000,\"TableMaxWriteCapacityUnits\":40000}",
        t.call("DescribeLimits", "{}").toString());
    assertEquals("{\"Endpoints\":[{\"Address\":\"dynamodb.us-east-1.amazonaws.com\",\"CachePeriodInMinutes\":1440}]}",
        t.call("DescribeEndpoints", "{}").toString());
  }

  @Test
  void continuousBackups() {
    ApiException e = t.fail("DescribeContinuousBackups", "{'TableName':'tab1'}");
    assertEquals(ErrorCode.TABLE_NOT_FOUND, e.code());
    assertEquals("Table not found: tab1", e.getMessage());
    t.createTable("tab1", false);
    assertEquals("{\"ContinuousBackupsDescription\":{\"ContinuousBackupsStatus\":\"ENABLED\","
        + "\"PointInTimeRecoveryDescription\":{\"PointInTimeRecoveryStatus\":\"DISABLED\"}}}",
        t.call("DescribeContinuousBackups", "{'TableName':'tab1'}").toString());
    long enabledAt = t.clock.millis();
    JsonNode p = t.call("UpdateContinuousBackups", "{'TableName':'tab1','PointInTimeRecoverySpecification':"
        + "{'PointInTimeRecoveryEnabled':true}}").at("/ContinuousBackupsDescription/PointInTimeRecoveryDescription");
    assertEquals("ENABLED", p.get("PointInTimeRecoveryStatus").asText());
    assertEquals(35, p.get("RecoveryPeriodInDays").asInt());
    assertEquals(enabledAt / 1000.0, p.get("EarliestRestorableDateTime").asDouble(), 1.0);
    t.clock.advance(Duration.ofHours(1));
    p = t.call("DescribeContinuousBackups", "{'TableName':'tab1'}")
        .at("/ContinuousBackupsDescription/PointInTimeRecoveryDescription");
    assertEquals(enabledAt / 1000.0, p.get("EarliestRestorableDateTime").asDouble(), 1.0);
    assertEquals((t.clock.millis() - 300_000) / 1000.0, p.get("LatestRestorableDateTime").asDouble(), 1.0);
    e = t.fail("UpdateContinuousBackups", "{'TableName':'tab1','PointInTimeRecoverySpecification':"
        + "{'PointInTimeRecoveryEnabled':true,'RecoveryPeriodInDays':0}}");
    assertEquals("1 validation error detected: Value '0' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays'"
        + " failed to satisfy constraint: Member must have value greater than or equal to 1", e.getMessage());
    t.call("UpdateContinuousBackups", "{'TableName':'tab1','PointInTimeRecoverySpecification':"
        + "{'PointInTimeRecoveryEnabled':false}}");
    assertEquals("DISABLED", t.call("DescribeContinuousBackups", "{'TableName':'tab1'}")
        .at("/ContinuousBackupsDescription/PointInTimeRecoveryDescription/PointInTimeRecoveryStatus").asText());
    assertEquals(ErrorCode.TABLE_NOT_FOUND, t.fail("UpdateContinuousBackups", "{'TableName':'nope',"
        + "'PointInTimeRecoverySpecification':{'PointInTimeRecoveryEnabled':false}}").code());
  }

  @Test
  void contributorInsights() {
    t.createTable("tab1", true);
    assertEquals("{\"TableName\":\"tab1\",\"ContributorInsightsStatus\":\"DISABLED\"}",
        t.call("DescribeContributorInsights", "{'TableName':'tab1'}").toString());
    assertEquals("{\"TableName\":\"tab1\",\"ContributorInsightsStatus\":\"DISABLED\"}",
        t.call("UpdateContributorInsights", "{'TableName':'tab1','ContributorInsightsAction':'DISABLE'}").toString());
    ObjectNode r = t.call("UpdateContributorInsights", "{'TableName':'tab1','ContributorInsightsAction':'ENABLE'}");
    assertEquals("ENABLING", r.get("ContributorInsightsStatus").asText());
    assertEquals("ACCESSED_AND_THROTTLED_KEYS", r.get("ContributorInsightsMode").asText());
    ObjectNode d = t.call("DescribeContributorInsights", "{'TableName':'tab1'}");
    assertEquals("ENABLED", d.get("ContributorInsightsStatus").asText());
    assertEquals(4, d.get("ContributorInsightsRuleList").size());
    assertTrue(d.has("LastUpdateDateTime"));
    assertEquals(1, t.call("ListContributorInsights", "{}").get("ContributorInsightsSummaries").size());
    assertEquals("ENABLED", t.call("UpdateContributorInsights",
        "{'TableName':'tab1','ContributorInsightsAction':'ENABLE'}").get("ContributorInsightsStatus").asText());
    assertEquals("DISABLING", t.call("UpdateContributorInsights",
        "{'TableName':'tab1','ContributorInsightsAction':'DISABLE'}").get("ContributorInsightsStatus").asText());
    assertEquals(0, t.call("ListContributorInsights", "{}").get("ContributorInsightsSummaries").size());
    ApiException e = t.fail("DescribeContributorInsights", "{'TableName':'tab1','IndexName':'gsi1'}");
    assertEquals("Requested resource not found: Index: gsi1 not found for table: tab1", e.getMessage());
    e = t.fail("DescribeContributorInsights", "{'TableName':'nope'}");
    assertEquals("Requested resource not found: Table: nope not found", e.getMessage());
    e = t.fail("UpdateContributorInsights", "{'TableName':'tab1'}");
    assertEquals(ErrorCode.VALIDATION, e.code());
  }

  @Test
  void emptyListsAndNotFound() {
    t.createTable("tab1", false);
    assertEquals("{\"TableName\":\"tab1\",\"KinesisDataStreamDestinations\":[]}",
        t.call("DescribeKinesisStreamingDestination", "{'TableName':'tab1'}").toString());
    assertEquals(ErrorCode.RESOURCE_NOT_FOUND, t.fail("DescribeKinesisStreamingDestination", "{'TableName':'nope'}").code());
    assertEquals("{\"BackupSummaries\":[]}", t.call("ListBackups", "{}").toString());
    assertEquals("{\"GlobalTables\":[]}", t.call("ListGlobalTables", "{}").toString());
    assertEquals(ErrorCode.GLOBAL_TABLE_NOT_FOUND, t.fail("DescribeGlobalTable", "{'GlobalTableName':'tab1'}").code());
    assertEquals("{\"ExportSummaries\":[]}", t.call("ListExports", "{}").toString());
    assertEquals("{\"ImportSummaryList\":[]}", t.call("ListImports", "{}").toString());
    ApiException p = t.fail("GetResourcePolicy", "{'ResourceArn':'" + t.arn("tab1") + "'}");
    assertEquals(ErrorCode.POLICY_NOT_FOUND, p.code());
    assertEquals("Resource-based policy not found for the provided ResourceArn: " + t.arn("tab1"), p.getMessage());
    assertEquals("Requested resource not found: Table: nope not found",
        t.fail("GetResourcePolicy", "{'ResourceArn':'" + t.arn("nope") + "'}").getMessage());
  }

  @Test
  void resourcePoliciesAreRecordedAndReturned() {
    t.createTable("pol", false);
    String arn = t.arn("pol");
    String policy = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[]}";
    String put = t.call("PutResourcePolicy", "{'ResourceArn':'" + arn + "','Policy':'" + policy + "'}")
        .get("RevisionId").asText();
    JsonNode got = t.call("GetResourcePolicy", "{'ResourceArn':'" + arn + "'}");
    assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[]}", got.get("Policy").asText());
    assertEquals(put, got.get("RevisionId").asText());
    // idempotent: the same document keeps its revision
    assertEquals(put, t.call("PutResourcePolicy", "{'ResourceArn':'" + arn + "','Policy':'" + policy + "'}")
        .get("RevisionId").asText());
    // conditional on the revision, or on there being no policy
    assertEquals(ErrorCode.POLICY_NOT_FOUND, t.fail("PutResourcePolicy", "{'ResourceArn':'" + arn + "','Policy':'"
        + policy + "','ExpectedRevisionId':'NO_POLICY'}").code());
    assertEquals(ErrorCode.POLICY_NOT_FOUND, t.fail("DeleteResourcePolicy", "{'ResourceArn':'" + arn
        + "','ExpectedRevisionId':'other'}").code());
    assertEquals(put, t.call("DeleteResourcePolicy", "{'ResourceArn':'" + arn + "'}").get("RevisionId").asText());
    assertEquals(ErrorCode.POLICY_NOT_FOUND, t.fail("GetResourcePolicy", "{'ResourceArn':'" + arn + "'}").code());
    assertEquals(ErrorCode.POLICY_NOT_FOUND, t.fail("DeleteResourcePolicy", "{'ResourceArn':'" + arn + "'}").code());
    assertEquals(ErrorCode.VALIDATION, t.fail("PutResourcePolicy", "{'ResourceArn':'" + arn + "','Policy':'nope'}")
        .code());
    // the policy stays out of the table's description
    assertEquals(false, t.call("DescribeTable", "{'TableName':'pol'}").get("Table").has("_ResourcePolicies"));
  }
}
