"""The request sequence for diff.py. Each step: (name, target, body). Steps whose name starts
with "cleanup" are sent but not compared. Bodies may be dicts, lists or raw strings/bytes."""

STREAMS_OPS = {"ListStreams", "DescribeStream", "GetShardIterator", "GetRecords"}

# Differences we keep on purpose, each with the reason; see docs/COMPATIBILITY.md
# ("Verified against DynamoDB Local"). DynamoDB's documented or recorded behaviour wins over
# DynamoDB Local's. Sources: the DynamoDB API reference, dynalite's test suite (responses
# recorded from DynamoDB), AWS-captured error texts published by third-party conformance suites.
WORDING = ("DynamoDB Local words this error its own way; Eddy answers with DynamoDB's text "
           "(the 'N validation errors detected' collection, 'Requested resource not found', ...)")
LOCAL_500 = ("DynamoDB Local answers 500 InternalFailure for a malformed body or a wrong JSON type; "
             "DynamoDB answers 400 SerializationException (Eddy never answers 500 for bad input)")
TRANSIENT = ("DynamoDB reports CREATING/UPDATING/DELETING (and GSI backfilling) before ACTIVE; "
             "DynamoDB Local is always ACTIVE. Eddy reports the transient status, then ACTIVE")
DESCRIBE = ("TableDescription: DynamoDB sends TableId, omits LastIncrease/LastDecreaseDateTime until "
            "throughput changes, omits LatestStreamArn without a stream, and gives GSIs of on-demand "
            "tables a zero ProvisionedThroughput; DynamoDB Local differs on each")
SET_ORDER = "set member order: Eddy returns DynamoDB's (strings and binaries bytewise, numbers by value; captured by a third-party suite); re-check these against DynamoDB Local's sorting on the next run"
LOCAL_UNSUPPORTED = "DynamoDB Local does not implement this operation (tags, endpoints, backups)"
SCAN_ORDER = "scan order and segment assignment follow each server's hashing (unspecified by DynamoDB)"
CURRENT_LAYER = ("DynamoDB's current validation layer reports what PutItem, UpdateItem and DeleteItem check before "
                 "the table lookup inside '1 validation error detected: ' (and with no ': ConditionExpression is "
                 "null' tail); DynamoDB Local has the older bare texts (nubo-db/dynamodb-conformance, captured "
                 "from DynamoDB 2026-10-09)")
KNOWN = {}
for reason, names in {
    CURRENT_LAYER: """put-num-overflow put-num-underflow put-set-empty put-null-false put-two-types put-no-type
        put-unknown-type put-cond-undefined-value put-cond-unused-value put-cond-unused-name put-cond-undefined-name
        put-cond-reserved put-cond-empty put-eav-empty put-ean-empty put-eav-no-expr put-cond-and-expected
        put-cond-func-bad put-cond-between-bad put-cond-pk-cmp upd-arith-type upd-overlap upd-dup-section upd-syntax
        upd-add-wrong upd-delete-nonset upd-both-styles upd-empty-expr u3-two-paths-overlap p3-nesting-33""",
    WORDING: """ct-empty ct-name-only ct-bad-name ct-bad-enums ct-no-pt ct-pt-zero ct-keyschema-not-in-defs
        ct-extra-defs ct-two-hash ct-range-first ct-three-keys ct-bool-key ct-dup-defs ct-lsi-no-range
        ct-gsi-no-projection ct-gsi-missing-pt ct-stream-no-type ct-stream-disabled-type ct-empty-keyschema
        ct-h-again dt-missing dt-empty dt-bad-name lt-limit-0 lt-limit-101 lt-start-bad put-missing-table
        put-empty put-no-item put-missing-key put-key-type put-num-bad put-num-space put-num-empty put-num-39
        put-set-dup put-numset-dup put-rv-bad put-rv-enum put-rcc-bad put-cond-syntax put-cond-attrtype-bad
        get-no-key get-extra-key get-wrong-key-name get-key-type get-hr-only-hash get-attrs-dup get-missing-table
        upd-rv-enum upd-size-fn upd-gsi-key-empty del-rv-bad q-esk-bad q-esk-other-hash q-kce-no-hash
        q-kce-nonkey q-limit-0 q-select-bad q-gsi-consistent q-missing-table scan-segment-no-total
        scan-segment-too-big scan-total-0 scan-esk-bad bg-empty bg-none bg-no-keys bg-bad-key bg-missing-table
        bg-101 bg-bad-table-name bw-empty bw-empty-list bw-26 bw-missing-key bw-missing-table bw-put-no-item
        tw-empty tw-none tw-missing-table tw-cc-no-expr tw-token-mismatch tg-empty tg-missing-table tg-no-get
        es-missing-table bes-basic bes-empty et-empty ut-nothing ut-missing ut-to-provisioned-no-pt
        ut-same-pt ut-stream-already ut-stream-disable-none ut-gsi-delete-missing ut-gsi-create-no-def
        ttl-describe-missing ttl-no-spec ttl-spec-empty ttl-disable-wrong-attr st-iter-at-no-seq
        st-iter-bad-shard ds-empty gsi-empty gsi-bad-type gr-empty del-table-missing del-table-h-again
        unknown-op""",
    LOCAL_500: """body-not-json body-array ct-wrong-type-name ct-wrong-type-list ct-wrong-type-elem ct-wrong-type-pt
        put-bad-b64 put-s-as-object put-item-list get-consistent-str es-empty""",
    TRANSIENT: "ct-h ct-hr ct-ppr-gsi ut-pt ut-gsi-create ut-gsi-delete ut-to-provisioned del-table-h del-table-hr del-table-ppr dt-ppr-after",
    DESCRIBE: "dt-h dt-hr dt-ppr dt-h-after ut-stream-enable",
    SET_ORDER: "get-numbers get-sets get-proj get-proj-nested upd-add upd-delete-set",
    LOCAL_UNSUPPORTED: """tags-list tags-add tags-list-after tags-untag tags-list-missing tags-bad-arn tags-empty-tags
        tags-no-arn tags-empty-key untag-empty describe-endpoints cont-backups""",
    SCAN_ORDER: "scan-limit scan-count scan-segment scan-segment-1 scan-lsi",
}.items():
    for n in names.split():
        KNOWN[n] = reason

KNOWN.update({
    "put-ricm-size": "DynamoDB returns ItemCollectionMetrics for a write to a table with an LSI when SIZE is asked"
                     " (API reference; a third-party suite recorded it); DynamoDB Local returns none",
    "q-count-proj": "Query's newer validation answers its Select checks inside '1 validation error detected: '"
                    " (captured from DynamoDB in two regions, 2026-10-09, by a third-party suite); DynamoDB Local"
                    " has the bare text",
    "q-specific-no-proj": "see q-count-proj",
    "q-allattrs-proj": "see q-count-proj",
    "q-kce-two-range": "DynamoDB prefixes this key condition text with 'Invalid KeyConditionExpression: ' (captured"
                       " by a third-party suite); DynamoDB Local does not",
    "ct-ppr-with-pt": "DynamoDB rejects ProvisionedThroughput with PAY_PER_REQUEST (documented); DynamoDB Local accepts it",
    "ut-pt-on-ppr": "DynamoDB rejects ProvisionedThroughput on a PAY_PER_REQUEST table; DynamoDB Local accepts it",
    "ct-gsi-pt-on-ppr": "DynamoDB rejects GSI ProvisionedThroughput under PAY_PER_REQUEST; DynamoDB Local accepted the table in an earlier step",
    "ct-gsi-include-no-attrs": "DynamoDB: 'One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified'",
    "ct-bool-for-string": "DynamoDB's deserializer rejects true for a String member (TRUE_VALUE cannot be converted to String); DynamoDB Local coerces it",
    "put-num-json-number": "DynamoDB rejects a JSON number for N (NUMBER_VALUE cannot be converted to String); DynamoDB Local coerces it",
    "put-s-as-number": "DynamoDB rejects a JSON number for S (NUMBER_VALUE cannot be converted to String); DynamoDB Local coerces it",
    "body-empty": "Eddy reads an empty body as {} (the SDKs always send a JSON object); DynamoDB Local answers 500",
    "body-string": "DynamoDB Local reads a JSON string body as an empty request; Eddy answers SerializationException",
    "get-proj-reserved": "SIZE is a DynamoDB reserved word (developer guide list): DynamoDB rejects it unescaped; DynamoDB Local accepts it",
    "q-gsi-proj-nonproj": "fixed in Eddy (GSI does not project [b]); kept as a regression probe",
    "upd-gsi-key-type": "DynamoDB rejects a GSI key of the wrong type ('Type mismatch for Index Key g Expected: S Actual: N IndexName: gsi'); DynamoDB Local accepts it",
    "upd-set-empty-set": "UpdateItem reports a bad value with its own message inside '1 validation error detected: ' "
                         "(captured 2026-10-09); the 'ExpressionAttributeValues contains invalid value: ... for key :v' "
                         "form is Scan's and the transactions'",
    "upd-arith": "DynamoDB normalises numbers (3.5 + 0.5 = 4); DynamoDB Local keeps the scale (4.0)",
    "upd-list-index": "same number normalisation as upd-arith (a = 4 vs 4.0)",
    "upd-list-remove-idx": "same number normalisation as upd-arith (a = 4 vs 4.0)",
    "upd-cond-fail": "same number normalisation as upd-arith (a = 4 vs 4.0)",
    "del-missing": "DynamoDB Local returns ConsumedCapacity nobody asked for",
    "tw-rcc": "transactional writes cost 2 WCU per KB (developer guide); DynamoDB Local charges 4",
    "tw-cancel": "DynamoDB's cancellation reason reads 'The conditional request failed' (no period)",
    "tw-bad-key": "DynamoDB cancels a transaction whose Put item misses or mistypes its key with a ValidationError reason (AWS captures)",
    "es-insert-dup": "the API reference names the error DuplicateItemException; DynamoDB Local sends DuplicateItem",
    "scan-empty-table-rcc": "Eddy charges the 0.5 RCU minimum for a read, as DynamoDB does for every read request; DynamoDB Local reports 0",
    "bw-rcc": "Eddy sends ItemCollectionMetrics: {} when SIZE is asked on a table without LSIs; DynamoDB Local omits it",
    "bw-ricm-hr": "DynamoDB returns ItemCollectionMetrics for tables with LSIs; DynamoDB Local does not",
    "ls-all": "DynamoDB Local keeps listing the streams of deleted tables from earlier runs (restart it for a clean run)",
    "ls-table": "DynamoDB Local keeps listing the streams of deleted tables from earlier runs (restart it for a clean run)",
    "st-list-hr": "DynamoDB Local keeps listing the streams of deleted tables from earlier runs (restart it for a clean run)",
    "ls-missing-table": "UNVERIFIED: Eddy answers ResourceNotFoundException for a table that does not exist; DynamoDB Local lists nothing",
    "es-syntax": "UNVERIFIED: the detail after \"Statement wasn't well formed, can't be processed: \" differs (DynamoDB Local echoes the statement)",
    "ds-bad-arn": "the table name in this ARN ('x') is not a valid table name, so Eddy answers ValidationException",
    "st-describe": "CreationRequestDateTime differs by milliseconds between the two servers",
    "st-records": "awsRegion: DynamoDB Local reports 'ddblocal'; Eddy reports the configured region",
    "scan-basic": "scan of items left by earlier steps; the item sets differ where DynamoDB Local accepted what DynamoDB rejects (upd-gsi-key-type)",
    "ct-s3": TRANSIENT,
    "del-table-s3": TRANSIENT,
    "u3-nested-set": "UPDATED_NEW/UPDATED_OLD of a nested update return only the updated paths in DynamoDB (ScyllaDB's tests verified against DynamoDB); DynamoDB Local returns the whole top-level attribute",
    "u3-nested-old": "UPDATED_OLD of a nested update: only the updated paths (see u3-nested-set)",
    "u3-if-not-exists-nested": "UPDATED_NEW of a nested update: only the updated paths (see u3-nested-set)",
    "p3-key-too-long": WORDING + " (here: 'Size of hashkey has exceeded the maximum size limit of2048 bytes')",
    "p3-range-too-long": WORDING + " (here: 'Aggregated size of all range keys has exceeded the size limit of 1024 bytes')",
    "lt-page-all": "DynamoDB Local holds conf_tmp, which it created in ct-ppr-with-pt where DynamoDB rejects the request",
    "ct-ctl": "DynamoDB Local ignores TableClass and SSESpecification; DynamoDB reports TableClassSummary and SSEDescription (plus " + TRANSIENT + ")",
    "dt-ctl": "DynamoDB Local ignores TableClass and SSESpecification (see ct-ctl); " + DESCRIBE,
    "ut-ctl-unprotect": "DynamoDB Local ignores TableClass and SSESpecification (see ct-ctl); " + DESCRIBE,
    "del-ctl": "DynamoDB Local ignores TableClass and SSESpecification (see ct-ctl); " + TRANSIENT,
    "ut-ctl-class": "UpdateTable TableClass is a change in DynamoDB; DynamoDB Local ignores TableClass ('Nothing to update')",
    "ut-ctl-class-bad": "DynamoDB validates the TableClass enum; DynamoDB Local ignores TableClass",
    "ct-ctl-bad-class": "DynamoDB validates the TableClass enum; DynamoDB Local ignores TableClass",
    "ct-ctl-name-long": WORDING,
    "ct-ctl-attr-name-empty": WORDING,
    "ct-ctl-6-lsi": WORDING + " (here: 'LocalSecondaryIndex count exceeds the per-table limit of 5')",
    "ct-ctl-dup-index": WORDING + " (here: 'Duplicate index name: gsi')",
    "put-bs-empty": "DynamoDB (dynalite recordings, AWS captures): 'Binary sets should not be empty'; DynamoDB Local words it its own way",
    "put-bs-dup": "DynamoDB (captured 2026-10-09): PutItem quotes the members, '1 validation error detected: ... "
                  "Input collection [\"Yg==\",\"Yg==\"]of type BS contains duplicates.'",
    "ct-pq": TRANSIENT,
    "del-table-pq": TRANSIENT + "; DynamoDB Local also holds the item of pq-bes-writes it did not roll back",
    "pq-select-desc": LOCAL_500,
    "pq-insert-no-key": "UNVERIFIED: DynamoDB Local's PartiQL layer has its own key texts ('Key attribute should be present in the item: Key sk'); Eddy answers with the PutItem texts",
    "pq-insert-wrong-type": "UNVERIFIED: DynamoDB Local's PartiQL key-type text differs from the PutItem text Eddy answers with",
    "pq-param-unused": "UNVERIFIED: Eddy rejects more Parameters than placeholders ('Number of parameters in request and statement don't match.'); DynamoDB Local ignores the extra one",
    "pq-bad-table-name": "UNVERIFIED: DynamoDB Local validates the table name inside the statement; Eddy answers ResourceNotFoundException",
    "pq-bes-reads": "per-statement error texts of BatchExecuteStatement differ: Eddy answers a read without the whole key with DynamoDB's 'Select statements within BatchExecuteStatement must specify the primary key in the where clause.' and no TableName (third-party suite's AWS captures)",
    "pq-bes-writes": "UNVERIFIED: DynamoDB Local rejects the whole batch when two statements target one item; Eddy answers per statement (DuplicateItem, ConditionalCheckFailed)",
    "pq-et-mixed": "UNVERIFIED: wording of the mixed read/write ExecuteTransaction error",
    "scan-filter-proj": "the item DynamoDB Local accepted with a JSON number for N (put-num-json-number) is missing in Eddy",
    "scan-gsi": "same as scan-basic (the GSI holds the item DynamoDB Local let through in upd-gsi-key-type)",
})

H = "conf_h"      # hash-only table, PAY_PER_REQUEST
HR = "conf_hr"    # hash+range, GSI, LSI, stream, provisioned
NX = "conf_missing"


def S(v):
    return {"S": v}


def N(v):
    return {"N": v}


def steps():
    s = []
    add = lambda name, target, body: s.append((name, target, body))

    # ---- cleanup from a previous run (not compared)
    for t in (H, HR, "conf_tmp", "conf_tmp2", "conf_ppr"):
        add("cleanup-" + t, "DeleteTable", {"TableName": t})

    # ---- protocol level
    add("unknown-op", "Frobnicate", {})
    add("body-not-json", "ListTables", "{not json")
    add("body-array", "ListTables", [])
    add("body-empty", "ListTables", "")
    add("body-string", "ListTables", '"x"')

    # ---- CreateTable validation
    add("ct-empty", "CreateTable", {})
    add("ct-name-only", "CreateTable", {"TableName": "conf_tmp"})
    add("ct-bad-name", "CreateTable", {"TableName": "a!", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                                        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST"})
    add("ct-bad-enums", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "X"}],
                                         "KeySchema": [{"AttributeName": "pk", "KeyType": "HASHY"}], "BillingMode": "FREE"})
    add("ct-no-pt", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                                     "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]})
    add("ct-ppr-with-pt", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                                           "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST",
                                           "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}})
    add("ct-pt-zero", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                                       "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                                       "ProvisionedThroughput": {"ReadCapacityUnits": 0, "WriteCapacityUnits": 0}})
    add("ct-keyschema-not-in-defs", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"}],
                                                     "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST"})
    add("ct-extra-defs", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "x", "AttributeType": "S"}],
                                          "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST"})
    add("ct-two-hash", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "x", "AttributeType": "S"}],
                                        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "x", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST"})
    add("ct-range-first", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "x", "AttributeType": "S"}],
                                           "KeySchema": [{"AttributeName": "x", "KeyType": "RANGE"}, {"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST"})
    add("ct-three-keys", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                                          "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}] * 3, "BillingMode": "PAY_PER_REQUEST"})
    add("ct-bool-key", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "BOOL"}],
                                        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST"})
    add("ct-dup-defs", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "pk", "AttributeType": "N"}],
                                        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST"})
    add("ct-lsi-no-range", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "x", "AttributeType": "S"}],
                                            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST",
                                            "LocalSecondaryIndexes": [{"IndexName": "lsi", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "x", "KeyType": "RANGE"}],
                                                                       "Projection": {"ProjectionType": "ALL"}}]})
    add("ct-gsi-no-projection", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "x", "AttributeType": "S"}],
                                                 "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST",
                                                 "GlobalSecondaryIndexes": [{"IndexName": "gsx", "KeySchema": [{"AttributeName": "x", "KeyType": "HASH"}]}]})
    add("ct-gsi-include-no-attrs", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "x", "AttributeType": "S"}],
                                                    "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST",
                                                    "GlobalSecondaryIndexes": [{"IndexName": "gsx", "KeySchema": [{"AttributeName": "x", "KeyType": "HASH"}], "Projection": {"ProjectionType": "INCLUDE"}}]})
    add("ct-gsi-pt-on-ppr", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "x", "AttributeType": "S"}],
                                             "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST",
                                             "GlobalSecondaryIndexes": [{"IndexName": "gsx", "KeySchema": [{"AttributeName": "x", "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"},
                                                                         "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}]})
    add("ct-gsi-missing-pt", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "x", "AttributeType": "S"}],
                                              "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1},
                                              "GlobalSecondaryIndexes": [{"IndexName": "gsx", "KeySchema": [{"AttributeName": "x", "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"}}]})
    add("ct-stream-no-type", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                                              "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST",
                                              "StreamSpecification": {"StreamEnabled": True}})
    add("ct-stream-disabled-type", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                                                    "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST",
                                                    "StreamSpecification": {"StreamEnabled": False, "StreamViewType": "KEYS_ONLY"}})
    add("ct-wrong-type-name", "CreateTable", {"TableName": 5, "AttributeDefinitions": {}, "KeySchema": "x"})
    add("ct-wrong-type-list", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": {"a": 1}, "KeySchema": [], "BillingMode": "PAY_PER_REQUEST"})
    add("ct-wrong-type-elem", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": ["x"], "KeySchema": [], "BillingMode": "PAY_PER_REQUEST"})
    add("ct-wrong-type-pt", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                                             "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "ProvisionedThroughput": {"ReadCapacityUnits": "x", "WriteCapacityUnits": 1}})
    add("ct-bool-for-string", "CreateTable", {"TableName": True})
    add("ct-empty-keyschema", "CreateTable", {"TableName": "conf_tmp", "AttributeDefinitions": [], "KeySchema": [], "BillingMode": "PAY_PER_REQUEST"})

    # ---- CreateTable valid
    add("ct-h", "CreateTable", {"TableName": H, "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                                 "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST"})
    add("ct-h-again", "CreateTable", {"TableName": H, "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                                       "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST"})
    add("ct-hr", "CreateTable", {
        "TableName": HR,
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"},
                                 {"AttributeName": "g", "AttributeType": "S"}, {"AttributeName": "l", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
        "GlobalSecondaryIndexes": [{"IndexName": "gsi", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
                                    "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["a"]},
                                    "ProvisionedThroughput": {"ReadCapacityUnits": 2, "WriteCapacityUnits": 3}}],
        "LocalSecondaryIndexes": [{"IndexName": "lsi", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "l", "KeyType": "RANGE"}],
                                   "Projection": {"ProjectionType": "KEYS_ONLY"}}],
        "StreamSpecification": {"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
        "Tags": [{"Key": "env", "Value": "test"}]})
    add("ct-ppr-gsi", "CreateTable", {
        "TableName": "conf_ppr",
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "g", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST",
        "GlobalSecondaryIndexes": [{"IndexName": "gsi", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"}}]})

    # ---- DescribeTable / ListTables
    add("dt-h", "DescribeTable", {"TableName": H})
    add("dt-hr", "DescribeTable", {"TableName": HR})
    add("dt-ppr", "DescribeTable", {"TableName": "conf_ppr"})
    add("dt-missing", "DescribeTable", {"TableName": NX})
    add("dt-empty", "DescribeTable", {})
    add("dt-bad-name", "DescribeTable", {"TableName": "ab"})
    add("lt-limit-0", "ListTables", {"Limit": 0})
    add("lt-limit-101", "ListTables", {"Limit": 101})
    add("lt-limit-1", "ListTables", {"Limit": 1})
    add("lt-start", "ListTables", {"ExclusiveStartTableName": "conf_h", "Limit": 1})
    add("lt-start-bad", "ListTables", {"ExclusiveStartTableName": "a"})
    add("lt-start-last", "ListTables", {"ExclusiveStartTableName": "zzzz"})

    # ---- PutItem
    add("put-basic", "PutItem", {"TableName": H, "Item": {"pk": S("a"), "n": N("1"), "s": S("x")}})
    add("put-missing-table", "PutItem", {"TableName": NX, "Item": {"pk": S("a")}})
    add("put-empty", "PutItem", {})
    add("put-no-item", "PutItem", {"TableName": H})
    add("put-missing-key", "PutItem", {"TableName": H, "Item": {"x": S("a")}})
    add("put-key-type", "PutItem", {"TableName": H, "Item": {"pk": N("1")}})
    add("put-key-empty", "PutItem", {"TableName": H, "Item": {"pk": S("")}})
    add("put-empty-attr-string", "PutItem", {"TableName": H, "Item": {"pk": S("e"), "x": S(""), "b": {"B": ""}}})
    add("get-empty-attr-string", "GetItem", {"TableName": H, "Key": {"pk": S("e")}})
    add("put-numbers", "PutItem", {"TableName": H, "Item": {"pk": S("num"), "a": N("1e3"), "b": N("-0"), "c": N("0.0"), "d": N("1.50"),
                                                            "e": N("+5"), "f": N("00012"), "g": N("1E-5"), "h": N("123456789012345678901234567890.5"),
                                                            "i": N("1e100"), "j": N("-1.0e-100"), "k": N(".5"), "l": N("5."), "m": N("0e10"),
                                                            "ns": {"NS": ["3", "1", "2.0", "10", "-1"]}}})
    add("get-numbers", "GetItem", {"TableName": H, "Key": {"pk": S("num")}})
    add("put-num-bad", "PutItem", {"TableName": H, "Item": {"pk": S("x"), "a": N("abc")}})
    add("put-num-space", "PutItem", {"TableName": H, "Item": {"pk": S("x"), "a": N(" 5")}})
    add("put-num-empty", "PutItem", {"TableName": H, "Item": {"pk": S("x"), "a": N("")}})
    add("put-num-39", "PutItem", {"TableName": H, "Item": {"pk": S("x"), "a": N("123456789012345678901234567890123456789")}})
    add("put-num-overflow", "PutItem", {"TableName": H, "Item": {"pk": S("x"), "a": N("1e126")}})
    add("put-num-underflow", "PutItem", {"TableName": H, "Item": {"pk": S("x"), "a": N("1e-131")}})
    add("put-num-json-number", "PutItem", {"TableName": H, "Item": {"pk": S("x"), "a": {"N": 5}}})
    add("put-sets", "PutItem", {"TableName": H, "Item": {"pk": S("sets"), "ss": {"SS": ["b", "a", "c"]}, "bs": {"BS": ["Yg==", "YQ=="]},
                                                         "l": {"L": []}, "m": {"M": {}}, "nul": {"NULL": True}, "bo": {"BOOL": False}}})
    add("get-sets", "GetItem", {"TableName": H, "Key": {"pk": S("sets")}})
    add("put-set-dup", "PutItem", {"TableName": H, "Item": {"pk": S("x"), "ss": {"SS": ["a", "a"]}}})
    add("put-numset-dup", "PutItem", {"TableName": H, "Item": {"pk": S("x"), "ns": {"NS": ["1", "1.0"]}}})
    add("put-set-empty", "PutItem", {"TableName": H, "Item": {"pk": S("x"), "ss": {"SS": []}}})
    add("put-bs-empty", "PutItem", {"TableName": H, "Item": {"pk": S("x"), "bs": {"BS": []}}})
    add("put-bs-dup", "PutItem", {"TableName": H, "Item": {"pk": S("x"), "bs": {"BS": ["Yg==", "Yg=="]}}})
    add("put-ss-empty-member", "PutItem", {"TableName": H, "Item": {"pk": S("esm"), "ss": {"SS": ["", "a"]}, "bs": {"BS": [""]}}})
    add("put-null-false", "PutItem", {"TableName": H, "Item": {"pk": S("x"), "n": {"NULL": False}}})
    add("put-two-types", "PutItem", {"TableName": H, "Item": {"pk": S("x"), "n": {"S": "a", "N": "1"}}})
    add("put-no-type", "PutItem", {"TableName": H, "Item": {"pk": S("x"), "n": {}}})
    add("put-unknown-type", "PutItem", {"TableName": H, "Item": {"pk": S("x"), "n": {"Z": "a"}}})
    add("put-bad-b64", "PutItem", {"TableName": H, "Item": {"pk": S("x"), "n": {"B": "!!!"}}})
    add("put-s-as-number", "PutItem", {"TableName": H, "Item": {"pk": S("x"), "n": {"S": 5}}})
    add("put-s-as-object", "PutItem", {"TableName": H, "Item": {"pk": S("x"), "n": {"S": {}}}})
    add("put-item-list", "PutItem", {"TableName": H, "Item": []})
    add("put-rv-bad", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ReturnValues": "ALL_NEW"})
    add("put-rv-enum", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ReturnValues": "SOME"})
    add("put-rv-allold", "PutItem", {"TableName": H, "Item": {"pk": S("a"), "v": N("2")}, "ReturnValues": "ALL_OLD"})
    add("put-rv-allold-new", "PutItem", {"TableName": H, "Item": {"pk": S("new1")}, "ReturnValues": "ALL_OLD"})
    add("put-rcc-total", "PutItem", {"TableName": H, "Item": {"pk": S("a"), "v": N("3")}, "ReturnConsumedCapacity": "TOTAL"})
    add("put-rcc-indexes", "PutItem", {"TableName": HR, "Item": {"pk": S("a"), "sk": N("1"), "g": S("g1"), "l": S("l1")}, "ReturnConsumedCapacity": "INDEXES"})
    add("put-rcc-total-hr", "PutItem", {"TableName": HR, "Item": {"pk": S("a"), "sk": N("1"), "g": S("g1"), "l": S("l1"), "z": N("1")}, "ReturnConsumedCapacity": "TOTAL"})
    add("put-rcc-bad", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ReturnConsumedCapacity": "ALL"})
    add("put-ricm-size", "PutItem", {"TableName": HR, "Item": {"pk": S("a"), "sk": N("2"), "l": S("l2")}, "ReturnItemCollectionMetrics": "SIZE"})
    add("put-cond-fail", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ConditionExpression": "attribute_not_exists(pk)"})
    add("put-cond-fail-old", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ConditionExpression": "attribute_not_exists(pk)",
                                         "ReturnValuesOnConditionCheckFailure": "ALL_OLD"})
    add("put-cond-ok", "PutItem", {"TableName": H, "Item": {"pk": S("a"), "v": N("4")}, "ConditionExpression": "v = :v",
                                   "ExpressionAttributeValues": {":v": N("3")}})
    add("put-cond-syntax", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ConditionExpression": "v = "})
    add("put-cond-undefined-value", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ConditionExpression": "v = :v"})
    add("put-cond-unused-value", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ConditionExpression": "attribute_exists(v)",
                                             "ExpressionAttributeValues": {":v": N("3"), ":w": N("1")}})
    add("put-cond-unused-name", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ConditionExpression": "attribute_exists(v)",
                                            "ExpressionAttributeNames": {"#n": "x"}})
    add("put-cond-undefined-name", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ConditionExpression": "attribute_exists(#v)"})
    add("put-cond-reserved", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ConditionExpression": "attribute_exists(name)"})
    add("put-cond-empty", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ConditionExpression": ""})
    add("put-eav-empty", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ExpressionAttributeValues": {}})
    add("put-ean-empty", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ExpressionAttributeNames": {}})
    add("put-eav-no-expr", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ExpressionAttributeValues": {":a": S("x")}})
    add("put-cond-and-expected", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ConditionExpression": "attribute_exists(pk)",
                                             "Expected": {"pk": {"Exists": True}}})
    add("put-expected-legacy", "PutItem", {"TableName": H, "Item": {"pk": S("a"), "v": N("5")}, "Expected": {"v": {"Value": N("4")}}})
    add("put-expected-legacy-fail", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "Expected": {"v": {"Exists": False}}})
    add("put-cond-func-bad", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ConditionExpression": "nofunc(v)"})
    add("put-cond-size-type", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ConditionExpression": "size(v) > :x",
                                          "ExpressionAttributeValues": {":x": S("a")}})
    add("put-cond-between-bad", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ConditionExpression": "v BETWEEN :b AND :a",
                                            "ExpressionAttributeValues": {":a": N("1"), ":b": N("2")}})
    add("put-cond-attrtype-bad", "PutItem", {"TableName": H, "Item": {"pk": S("a")}, "ConditionExpression": "attribute_type(v, :t)",
                                             "ExpressionAttributeValues": {":t": S("Q")}})
    add("put-cond-eav-empty-string", "PutItem", {"TableName": H, "Item": {"pk": S("a"), "v": N("5")}, "ConditionExpression": "v <> :t",
                                                  "ExpressionAttributeValues": {":t": S("")}})
    add("put-cond-in", "PutItem", {"TableName": H, "Item": {"pk": S("a"), "v": N("5")}, "ConditionExpression": "v IN (:a, :b)",
                                   "ExpressionAttributeValues": {":a": N("5"), ":b": N("6")}})
    add("put-cond-pk-cmp", "PutItem", {"TableName": H, "Item": {"pk": S("a"), "v": N("5")}, "ConditionExpression": "v = v"})
    add("put-cond-contains", "PutItem", {"TableName": H, "Item": {"pk": S("a"), "v": N("5")}, "ConditionExpression": "contains(:s, :t)",
                                         "ExpressionAttributeValues": {":s": S("abc"), ":t": S("b")}})

    # ---- GetItem
    add("get-basic", "GetItem", {"TableName": H, "Key": {"pk": S("a")}})
    add("get-missing-item", "GetItem", {"TableName": H, "Key": {"pk": S("zzz")}})
    add("get-missing-item-rcc", "GetItem", {"TableName": H, "Key": {"pk": S("zzz")}, "ReturnConsumedCapacity": "TOTAL"})
    add("get-rcc-indexes", "GetItem", {"TableName": HR, "Key": {"pk": S("a"), "sk": N("1")}, "ReturnConsumedCapacity": "INDEXES", "ConsistentRead": True})
    add("get-no-key", "GetItem", {"TableName": H})
    add("get-extra-key", "GetItem", {"TableName": H, "Key": {"pk": S("a"), "x": S("b")}})
    add("get-wrong-key-name", "GetItem", {"TableName": H, "Key": {"x": S("a")}})
    add("get-key-type", "GetItem", {"TableName": H, "Key": {"pk": N("1")}})
    add("get-key-empty", "GetItem", {"TableName": H, "Key": {"pk": S("")}})
    add("get-hr-only-hash", "GetItem", {"TableName": HR, "Key": {"pk": S("a")}})
    add("get-proj", "GetItem", {"TableName": H, "Key": {"pk": S("num")}, "ProjectionExpression": "a, b, nope, ns"})
    add("get-proj-dup", "GetItem", {"TableName": H, "Key": {"pk": S("num")}, "ProjectionExpression": "a, a"})
    add("get-proj-overlap", "GetItem", {"TableName": H, "Key": {"pk": S("num")}, "ProjectionExpression": "a, a.b"})
    add("get-proj-nested", "GetItem", {"TableName": H, "Key": {"pk": S("sets")}, "ProjectionExpression": "l[0], m.x, ss"})
    add("get-proj-names", "GetItem", {"TableName": H, "Key": {"pk": S("num")}, "ProjectionExpression": "#a", "ExpressionAttributeNames": {"#a": "a"}})
    add("get-proj-reserved", "GetItem", {"TableName": H, "Key": {"pk": S("num")}, "ProjectionExpression": "size"})
    add("get-attrs-to-get", "GetItem", {"TableName": H, "Key": {"pk": S("num")}, "AttributesToGet": ["a", "b"]})
    add("get-attrs-and-proj", "GetItem", {"TableName": H, "Key": {"pk": S("num")}, "AttributesToGet": ["a"], "ProjectionExpression": "a"})
    add("get-attrs-dup", "GetItem", {"TableName": H, "Key": {"pk": S("num")}, "AttributesToGet": ["a", "a"]})
    add("get-consistent-str", "GetItem", {"TableName": H, "Key": {"pk": S("a")}, "ConsistentRead": "yes"})
    add("get-missing-table", "GetItem", {"TableName": NX, "Key": {"pk": S("a")}})

    # ---- UpdateItem
    add("upd-set", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "SET a = :a, b = :b",
                                  "ExpressionAttributeValues": {":a": N("1"), ":b": {"L": [S("x")]}}, "ReturnValues": "ALL_NEW"})
    add("upd-add", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "ADD a :n, ss :s",
                                  "ExpressionAttributeValues": {":n": N("2.5"), ":s": {"SS": ["z", "y"]}}, "ReturnValues": "UPDATED_NEW"})
    add("upd-remove", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "REMOVE b", "ReturnValues": "UPDATED_OLD"})
    add("upd-delete-set", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "DELETE ss :s",
                                         "ExpressionAttributeValues": {":s": {"SS": ["z", "y"]}}, "ReturnValues": "ALL_OLD"})
    add("upd-rv-none", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "SET c = :a",
                                      "ExpressionAttributeValues": {":a": N("1")}, "ReturnValues": "NONE"})
    add("upd-rv-updated-new-nothing", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "REMOVE nope", "ReturnValues": "UPDATED_NEW"})
    add("upd-arith", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "SET a = a + :n, d = if_not_exists(d, :z) - :n",
                                    "ExpressionAttributeValues": {":n": N("0.5"), ":z": N("10")}, "ReturnValues": "UPDATED_NEW"})
    add("upd-arith-missing", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "SET a = nope + :n",
                                            "ExpressionAttributeValues": {":n": N("1")}})
    add("upd-arith-type", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "SET a = :s + :n",
                                         "ExpressionAttributeValues": {":n": N("1"), ":s": S("x")}})
    add("upd-list-append", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "SET l = list_append(if_not_exists(l, :e), :v)",
                                          "ExpressionAttributeValues": {":e": {"L": []}, ":v": {"L": [N("1")]}}, "ReturnValues": "UPDATED_NEW"})
    add("upd-list-index", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "SET l[5] = :v",
                                         "ExpressionAttributeValues": {":v": N("9")}, "ReturnValues": "ALL_NEW"})
    add("upd-list-remove-idx", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "REMOVE l[0], l[7]", "ReturnValues": "ALL_NEW"})
    add("upd-nested-missing", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "SET m.x = :v",
                                             "ExpressionAttributeValues": {":v": N("9")}})
    add("upd-key", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "SET pk = :v", "ExpressionAttributeValues": {":v": S("q")}})
    add("upd-overlap", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "SET a = :v, a.b = :v", "ExpressionAttributeValues": {":v": S("q")}})
    add("upd-dup-section", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "SET a = :v SET b = :v", "ExpressionAttributeValues": {":v": S("q")}})
    add("upd-syntax", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "SET a :v", "ExpressionAttributeValues": {":v": S("q")}})
    add("upd-add-wrong", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "ADD a :v", "ExpressionAttributeValues": {":v": S("q")}})
    add("upd-add-to-string", "UpdateItem", {"TableName": H, "Key": {"pk": S("e")}, "UpdateExpression": "ADD x :v", "ExpressionAttributeValues": {":v": N("1")}})
    add("upd-delete-nonset", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "DELETE a :v", "ExpressionAttributeValues": {":v": N("1")}})
    add("upd-new-item", "UpdateItem", {"TableName": H, "Key": {"pk": S("u2")}, "ReturnValues": "ALL_NEW"})
    add("upd-new-item-rv-allold", "UpdateItem", {"TableName": H, "Key": {"pk": S("u3")}, "ReturnValues": "ALL_OLD"})
    add("upd-cond-fail", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "SET a = :v", "ConditionExpression": "a = :v",
                                        "ExpressionAttributeValues": {":v": S("q")}, "ReturnValuesOnConditionCheckFailure": "ALL_OLD"})
    add("upd-attribute-updates", "UpdateItem", {"TableName": H, "Key": {"pk": S("u4")}, "AttributeUpdates": {"a": {"Action": "PUT", "Value": N("1")},
                                                                                                        "b": {"Action": "ADD", "Value": N("2")}},
                                                "ReturnValues": "ALL_NEW"})
    add("upd-both-styles", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "SET a = :v", "AttributeUpdates": {"a": {"Action": "PUT", "Value": N("1")}},
                                          "ExpressionAttributeValues": {":v": S("q")}})
    add("upd-empty-expr", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": ""})
    add("upd-rv-enum", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "ReturnValues": "EVERYTHING"})
    add("upd-size-fn", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "SET z = size(a)"})
    add("upd-gsi-key-type", "UpdateItem", {"TableName": HR, "Key": {"pk": S("a"), "sk": N("1")}, "UpdateExpression": "SET g = :v", "ExpressionAttributeValues": {":v": N("1")}})
    add("upd-gsi-key-empty", "UpdateItem", {"TableName": HR, "Key": {"pk": S("a"), "sk": N("1")}, "UpdateExpression": "SET g = :v", "ExpressionAttributeValues": {":v": S("")}})
    add("upd-set-empty-set", "UpdateItem", {"TableName": H, "Key": {"pk": S("u")}, "UpdateExpression": "SET q = :v", "ExpressionAttributeValues": {":v": {"SS": []}}})

    # ---- DeleteItem
    add("del-rv-allold", "DeleteItem", {"TableName": H, "Key": {"pk": S("u4")}, "ReturnValues": "ALL_OLD"})
    add("del-missing", "DeleteItem", {"TableName": H, "Key": {"pk": S("nope")}, "ReturnValues": "ALL_OLD"})
    add("del-rv-bad", "DeleteItem", {"TableName": H, "Key": {"pk": S("nope")}, "ReturnValues": "ALL_NEW"})
    add("del-cond-fail", "DeleteItem", {"TableName": H, "Key": {"pk": S("nope")}, "ConditionExpression": "attribute_exists(pk)"})
    add("del-rcc", "DeleteItem", {"TableName": H, "Key": {"pk": S("nope")}, "ReturnConsumedCapacity": "TOTAL"})

    # ---- data for query/scan
    for i in range(1, 8):
        add("cleanup-q%d" % i, "PutItem", {"TableName": HR, "Item": {"pk": S("q"), "sk": N(str(i)), "g": S("G" if i % 2 else "H"), "l": S("l%d" % (8 - i)),
                                                                     "a": N(str(i * 10)), "b": S("b%d" % i)}})

    # ---- Query
    add("q-basic", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("q")}})
    add("q-limit", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("q")}, "Limit": 2})
    add("q-limit-exact", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("q")}, "Limit": 7})
    add("q-esk", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("q")}, "Limit": 2,
                           "ExclusiveStartKey": {"pk": S("q"), "sk": N("2")}})
    add("q-esk-bad", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("q")},
                               "ExclusiveStartKey": {"pk": S("q")}})
    add("q-esk-other-hash", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("q")},
                                      "ExclusiveStartKey": {"pk": S("zz"), "sk": N("1")}})
    add("q-desc", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p AND sk > :s", "ExpressionAttributeValues": {":p": S("q"), ":s": N("4")},
                            "ScanIndexForward": False})
    add("q-between", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p AND sk BETWEEN :a AND :b", "ExpressionAttributeValues": {":p": S("q"), ":a": N("2"), ":b": N("4")}})
    add("q-between-inverted", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p AND sk BETWEEN :a AND :b", "ExpressionAttributeValues": {":p": S("q"), ":a": N("4"), ":b": N("2")}})
    add("q-begins-on-number", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p AND begins_with(sk, :a)", "ExpressionAttributeValues": {":p": S("q"), ":a": N("2")}})
    add("q-filter", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p", "FilterExpression": "a > :a", "ExpressionAttributeValues": {":p": S("q"), ":a": N("35")},
                              "Limit": 5})
    add("q-filter-key", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p", "FilterExpression": "sk > :a", "ExpressionAttributeValues": {":p": S("q"), ":a": N("3")}})
    add("q-count", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("q")}, "Select": "COUNT"})
    add("q-count-proj", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("q")}, "Select": "COUNT", "ProjectionExpression": "a"})
    add("q-specific-no-proj", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("q")}, "Select": "SPECIFIC_ATTRIBUTES"})
    add("q-allattrs-proj", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("q")}, "Select": "ALL_ATTRIBUTES", "ProjectionExpression": "a"})
    add("q-proj", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("q")}, "ProjectionExpression": "a, b", "Limit": 2})
    add("q-no-match", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("none")}})
    add("q-no-kce", "Query", {"TableName": HR})
    add("q-kce-no-hash", "Query", {"TableName": HR, "KeyConditionExpression": "sk = :p", "ExpressionAttributeValues": {":p": N("1")}})
    add("q-kce-or", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p OR sk = :s", "ExpressionAttributeValues": {":p": S("q"), ":s": N("1")}})
    add("q-kce-nonkey", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p AND a = :s", "ExpressionAttributeValues": {":p": S("q"), ":s": N("1")}})
    add("q-kce-type", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": N("1")}})
    add("q-kce-ne", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p AND sk <> :s", "ExpressionAttributeValues": {":p": S("q"), ":s": N("1")}})
    add("q-kce-two-range", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p AND sk > :s AND sk < :s", "ExpressionAttributeValues": {":p": S("q"), ":s": N("1")}})
    add("q-limit-0", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("q")}, "Limit": 0})
    add("q-select-bad", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("q")}, "Select": "SOME"})
    add("q-gsi", "Query", {"TableName": HR, "IndexName": "gsi", "KeyConditionExpression": "g = :g", "ExpressionAttributeValues": {":g": S("G")}, "Limit": 2})
    add("q-gsi-esk", "Query", {"TableName": HR, "IndexName": "gsi", "KeyConditionExpression": "g = :g", "ExpressionAttributeValues": {":g": S("G")}, "Limit": 2,
                               "ExclusiveStartKey": {"g": S("G"), "sk": N("3"), "pk": S("q")}})
    add("q-gsi-all-attrs", "Query", {"TableName": HR, "IndexName": "gsi", "KeyConditionExpression": "g = :g", "ExpressionAttributeValues": {":g": S("G")}, "Select": "ALL_ATTRIBUTES"})
    add("q-gsi-consistent", "Query", {"TableName": HR, "IndexName": "gsi", "KeyConditionExpression": "g = :g", "ExpressionAttributeValues": {":g": S("G")}, "ConsistentRead": True})
    add("q-gsi-proj-nonproj", "Query", {"TableName": HR, "IndexName": "gsi", "KeyConditionExpression": "g = :g", "ExpressionAttributeValues": {":g": S("G")}, "ProjectionExpression": "b"})
    add("q-lsi", "Query", {"TableName": HR, "IndexName": "lsi", "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("q")}, "Limit": 3})
    add("q-lsi-all", "Query", {"TableName": HR, "IndexName": "lsi", "KeyConditionExpression": "pk = :p AND l < :l", "ExpressionAttributeValues": {":p": S("q"), ":l": S("l3")},
                               "Select": "ALL_ATTRIBUTES", "ReturnConsumedCapacity": "INDEXES"})
    add("q-bad-index", "Query", {"TableName": HR, "IndexName": "nope", "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("q")}})
    add("q-rcc", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("q")}, "ReturnConsumedCapacity": "INDEXES"})
    add("q-keyconditions", "Query", {"TableName": HR, "KeyConditions": {"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [S("q")]},
                                                                       "sk": {"ComparisonOperator": "GT", "AttributeValueList": [N("5")]}}})
    add("q-both-styles", "Query", {"TableName": HR, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("q")},
                                   "KeyConditions": {"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [S("q")]}}})
    add("q-missing-table", "Query", {"TableName": NX, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("q")}})

    # ---- Scan
    add("scan-basic", "Scan", {"TableName": HR})
    add("scan-limit", "Scan", {"TableName": HR, "Limit": 3})
    add("scan-filter", "Scan", {"TableName": HR, "FilterExpression": "a >= :a", "ExpressionAttributeValues": {":a": N("50")}})
    add("scan-count", "Scan", {"TableName": HR, "Select": "COUNT", "Limit": 4})
    add("scan-segment", "Scan", {"TableName": HR, "Segment": 0, "TotalSegments": 2})
    add("scan-segment-1", "Scan", {"TableName": HR, "Segment": 1, "TotalSegments": 2})
    add("scan-segment-no-total", "Scan", {"TableName": HR, "Segment": 0})
    add("scan-segment-too-big", "Scan", {"TableName": HR, "Segment": 2, "TotalSegments": 2})
    add("scan-total-0", "Scan", {"TableName": HR, "Segment": 0, "TotalSegments": 0})
    add("scan-total-big", "Scan", {"TableName": HR, "Segment": 0, "TotalSegments": 1000001})
    add("scan-gsi", "Scan", {"TableName": HR, "IndexName": "gsi"})
    add("scan-lsi", "Scan", {"TableName": HR, "IndexName": "lsi", "Limit": 2})
    add("scan-empty-table", "Scan", {"TableName": "conf_ppr"})
    add("scan-empty-table-rcc", "Scan", {"TableName": "conf_ppr", "ReturnConsumedCapacity": "TOTAL"})
    add("scan-esk-bad", "Scan", {"TableName": HR, "ExclusiveStartKey": {"pk": S("q")}})
    add("scan-scanfilter", "Scan", {"TableName": HR, "ScanFilter": {"a": {"ComparisonOperator": "GT", "AttributeValueList": [N("40")]}}})
    add("scan-scanfilter-bad", "Scan", {"TableName": HR, "ScanFilter": {"a": {"ComparisonOperator": "GT", "AttributeValueList": []}}})
    add("scan-filter-proj", "Scan", {"TableName": H, "ProjectionExpression": "pk", "FilterExpression": "attribute_exists(n)"})

    # ---- BatchGetItem
    add("bg-basic", "BatchGetItem", {"RequestItems": {H: {"Keys": [{"pk": S("a")}, {"pk": S("nope")}]}, HR: {"Keys": [{"pk": S("q"), "sk": N("1")}], "ProjectionExpression": "a"}}})
    add("bg-rcc", "BatchGetItem", {"RequestItems": {H: {"Keys": [{"pk": S("a")}]}}, "ReturnConsumedCapacity": "TOTAL"})
    add("bg-empty", "BatchGetItem", {"RequestItems": {}})
    add("bg-none", "BatchGetItem", {})
    add("bg-no-keys", "BatchGetItem", {"RequestItems": {H: {"Keys": []}}})
    add("bg-dup", "BatchGetItem", {"RequestItems": {H: {"Keys": [{"pk": S("a")}, {"pk": S("a")}]}}})
    add("bg-bad-key", "BatchGetItem", {"RequestItems": {H: {"Keys": [{"x": S("a")}]}}})
    add("bg-missing-table", "BatchGetItem", {"RequestItems": {NX: {"Keys": [{"pk": S("a")}]}}})
    add("bg-101", "BatchGetItem", {"RequestItems": {H: {"Keys": [{"pk": S(str(i))} for i in range(101)]}}})
    add("bg-bad-table-name", "BatchGetItem", {"RequestItems": {"a": {"Keys": [{"pk": S("a")}]}}})

    # ---- BatchWriteItem
    add("bw-basic", "BatchWriteItem", {"RequestItems": {H: [{"PutRequest": {"Item": {"pk": S("bw1"), "v": N("1")}}}, {"DeleteRequest": {"Key": {"pk": S("nope")}}}]}})
    add("bw-rcc", "BatchWriteItem", {"RequestItems": {H: [{"PutRequest": {"Item": {"pk": S("bw2")}}}]}, "ReturnConsumedCapacity": "TOTAL", "ReturnItemCollectionMetrics": "SIZE"})
    add("bw-ricm-hr", "BatchWriteItem", {"RequestItems": {HR: [{"PutRequest": {"Item": {"pk": S("bw"), "sk": N("1")}}}]}, "ReturnItemCollectionMetrics": "SIZE"})
    add("bw-empty", "BatchWriteItem", {"RequestItems": {}})
    add("bw-empty-list", "BatchWriteItem", {"RequestItems": {H: []}})
    add("bw-both", "BatchWriteItem", {"RequestItems": {H: [{"PutRequest": {"Item": {"pk": S("bw1")}}, "DeleteRequest": {"Key": {"pk": S("x")}}}]}})
    add("bw-neither", "BatchWriteItem", {"RequestItems": {H: [{}]}})
    add("bw-dup", "BatchWriteItem", {"RequestItems": {H: [{"PutRequest": {"Item": {"pk": S("bw1")}}}, {"DeleteRequest": {"Key": {"pk": S("bw1")}}}]}})
    add("bw-26", "BatchWriteItem", {"RequestItems": {H: [{"PutRequest": {"Item": {"pk": S("x%d" % i)}}} for i in range(26)]}})
    add("bw-missing-key", "BatchWriteItem", {"RequestItems": {H: [{"PutRequest": {"Item": {"x": S("bw1")}}}]}})
    add("bw-missing-table", "BatchWriteItem", {"RequestItems": {NX: [{"PutRequest": {"Item": {"pk": S("bw1")}}}]}})
    add("bw-put-no-item", "BatchWriteItem", {"RequestItems": {H: [{"PutRequest": {}}]}})

    # ---- TransactWriteItems / TransactGetItems
    add("tw-basic", "TransactWriteItems", {"TransactItems": [
        {"Put": {"TableName": H, "Item": {"pk": S("t1"), "v": N("1")}}},
        {"Update": {"TableName": H, "Key": {"pk": S("t2")}, "UpdateExpression": "SET v = :v", "ExpressionAttributeValues": {":v": N("2")}}},
        {"Delete": {"TableName": H, "Key": {"pk": S("nope")}}},
        {"ConditionCheck": {"TableName": H, "Key": {"pk": S("a")}, "ConditionExpression": "attribute_exists(pk)"}}]})
    add("tw-rcc", "TransactWriteItems", {"TransactItems": [{"Put": {"TableName": H, "Item": {"pk": S("t1"), "v": N("1")}}}], "ReturnConsumedCapacity": "TOTAL"})
    add("tw-cancel", "TransactWriteItems", {"TransactItems": [
        {"Put": {"TableName": H, "Item": {"pk": S("t3")}}},
        {"ConditionCheck": {"TableName": H, "Key": {"pk": S("a")}, "ConditionExpression": "attribute_not_exists(pk)", "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}}]})
    add("tw-dup", "TransactWriteItems", {"TransactItems": [{"Put": {"TableName": H, "Item": {"pk": S("t1")}}}, {"Delete": {"TableName": H, "Key": {"pk": S("t1")}}}]})
    add("tw-empty", "TransactWriteItems", {"TransactItems": []})
    add("tw-none", "TransactWriteItems", {})
    add("tw-two-ops", "TransactWriteItems", {"TransactItems": [{"Put": {"TableName": H, "Item": {"pk": S("t1")}}, "Delete": {"TableName": H, "Key": {"pk": S("t1")}}}]})
    add("tw-no-op", "TransactWriteItems", {"TransactItems": [{}]})
    add("tw-missing-table", "TransactWriteItems", {"TransactItems": [{"Put": {"TableName": NX, "Item": {"pk": S("t1")}}}]})
    add("tw-bad-key", "TransactWriteItems", {"TransactItems": [{"Put": {"TableName": H, "Item": {"x": S("t1")}}}]})
    add("tw-cc-no-expr", "TransactWriteItems", {"TransactItems": [{"ConditionCheck": {"TableName": H, "Key": {"pk": S("a")}}}]})
    add("tw-token", "TransactWriteItems", {"TransactItems": [{"Put": {"TableName": H, "Item": {"pk": S("t5")}}}], "ClientRequestToken": "tok1"})
    add("tw-token-again", "TransactWriteItems", {"TransactItems": [{"Put": {"TableName": H, "Item": {"pk": S("t5")}}}], "ClientRequestToken": "tok1"})
    add("tw-token-mismatch", "TransactWriteItems", {"TransactItems": [{"Put": {"TableName": H, "Item": {"pk": S("t6")}}}], "ClientRequestToken": "tok1"})
    add("tg-basic", "TransactGetItems", {"TransactItems": [{"Get": {"TableName": H, "Key": {"pk": S("t1")}}}, {"Get": {"TableName": H, "Key": {"pk": S("nope")}}},
                                                           {"Get": {"TableName": H, "Key": {"pk": S("num")}, "ProjectionExpression": "a"}}]})
    add("tg-rcc", "TransactGetItems", {"TransactItems": [{"Get": {"TableName": H, "Key": {"pk": S("t1")}}}], "ReturnConsumedCapacity": "TOTAL"})
    add("tg-empty", "TransactGetItems", {"TransactItems": []})
    add("tg-dup", "TransactGetItems", {"TransactItems": [{"Get": {"TableName": H, "Key": {"pk": S("t1")}}}, {"Get": {"TableName": H, "Key": {"pk": S("t1")}}}]})
    add("tg-missing-table", "TransactGetItems", {"TransactItems": [{"Get": {"TableName": NX, "Key": {"pk": S("t1")}}}]})
    add("tg-no-get", "TransactGetItems", {"TransactItems": [{}]})

    # ---- PartiQL
    add("es-select", "ExecuteStatement", {"Statement": "SELECT * FROM \"%s\" WHERE pk = 'a'" % H})
    add("es-select-param", "ExecuteStatement", {"Statement": "SELECT pk, v FROM \"%s\" WHERE pk = ?" % H, "Parameters": [S("a")]})
    add("es-insert", "ExecuteStatement", {"Statement": "INSERT INTO \"%s\" VALUE {'pk': 'p1', 'v': 1}" % H})
    add("es-insert-dup", "ExecuteStatement", {"Statement": "INSERT INTO \"%s\" VALUE {'pk': 'p1', 'v': 1}" % H})
    add("es-update", "ExecuteStatement", {"Statement": "UPDATE \"%s\" SET v = 2 WHERE pk = 'p1'" % H})
    add("es-delete", "ExecuteStatement", {"Statement": "DELETE FROM \"%s\" WHERE pk = 'p1'" % H})
    add("es-syntax", "ExecuteStatement", {"Statement": "SELEC * FROM x"})
    add("es-missing-table", "ExecuteStatement", {"Statement": "SELECT * FROM \"%s\"" % NX})
    add("es-empty", "ExecuteStatement", {})
    add("es-param-count", "ExecuteStatement", {"Statement": "SELECT * FROM \"%s\" WHERE pk = ?" % H})
    add("bes-basic", "BatchExecuteStatement", {"Statements": [{"Statement": "SELECT * FROM \"%s\" WHERE pk = 'a'" % H},
                                                              {"Statement": "INSERT INTO \"%s\" VALUE {'pk': 'p2'}" % H},
                                                              {"Statement": "SELECT * FROM \"%s\" WHERE pk = 'nope'" % H}]})
    add("bes-empty", "BatchExecuteStatement", {"Statements": []})
    add("et-basic", "ExecuteTransaction", {"TransactStatements": [{"Statement": "INSERT INTO \"%s\" VALUE {'pk': 'p3'}" % H},
                                                                  {"Statement": "UPDATE \"%s\" SET v = 1 WHERE pk = 'a'" % H}]})
    add("et-empty", "ExecuteTransaction", {"TransactStatements": []})

    # ---- UpdateTable / TTL / tags
    add("ut-nothing", "UpdateTable", {"TableName": H})
    add("ut-missing", "UpdateTable", {"TableName": NX, "BillingMode": "PAY_PER_REQUEST"})
    add("ut-to-provisioned-no-pt", "UpdateTable", {"TableName": H, "BillingMode": "PROVISIONED"})
    add("ut-pt-on-ppr", "UpdateTable", {"TableName": H, "ProvisionedThroughput": {"ReadCapacityUnits": 2, "WriteCapacityUnits": 2}})
    add("ut-same-pt", "UpdateTable", {"TableName": HR, "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}})
    add("ut-pt", "UpdateTable", {"TableName": HR, "ProvisionedThroughput": {"ReadCapacityUnits": 6, "WriteCapacityUnits": 7}})
    add("ut-stream-already", "UpdateTable", {"TableName": HR, "StreamSpecification": {"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"}})
    add("ut-stream-enable", "UpdateTable", {"TableName": H, "StreamSpecification": {"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"}})
    add("ut-stream-disable-none", "UpdateTable", {"TableName": "conf_ppr", "StreamSpecification": {"StreamEnabled": False}})
    add("ut-gsi-delete-missing", "UpdateTable", {"TableName": HR, "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": "nope"}}]})
    add("ut-gsi-create-no-def", "UpdateTable", {"TableName": "conf_ppr", "GlobalSecondaryIndexUpdates": [{"Create": {"IndexName": "gsi2", "KeySchema": [{"AttributeName": "z", "KeyType": "HASH"}],
                                                                                                                         "Projection": {"ProjectionType": "ALL"}}}]})
    add("ut-gsi-create", "UpdateTable", {"TableName": "conf_ppr", "AttributeDefinitions": [{"AttributeName": "z", "AttributeType": "N"}],
                                         "GlobalSecondaryIndexUpdates": [{"Create": {"IndexName": "gsi2", "KeySchema": [{"AttributeName": "z", "KeyType": "HASH"}],
                                                                                     "Projection": {"ProjectionType": "KEYS_ONLY"}}}]})
    add("dt-ppr-after", "DescribeTable", {"TableName": "conf_ppr"})
    add("ut-gsi-delete", "UpdateTable", {"TableName": "conf_ppr", "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": "gsi"}}]})
    add("ut-to-provisioned", "UpdateTable", {"TableName": H, "BillingMode": "PROVISIONED", "ProvisionedThroughput": {"ReadCapacityUnits": 3, "WriteCapacityUnits": 3}})
    add("dt-h-after", "DescribeTable", {"TableName": H})
    add("ttl-describe", "DescribeTimeToLive", {"TableName": H})
    add("ttl-describe-missing", "DescribeTimeToLive", {"TableName": NX})
    add("ttl-enable", "UpdateTimeToLive", {"TableName": H, "TimeToLiveSpecification": {"Enabled": True, "AttributeName": "exp"}})
    add("ttl-describe-after", "DescribeTimeToLive", {"TableName": H})
    add("ttl-enable-again", "UpdateTimeToLive", {"TableName": H, "TimeToLiveSpecification": {"Enabled": True, "AttributeName": "exp"}})
    add("ttl-no-spec", "UpdateTimeToLive", {"TableName": H})
    add("ttl-spec-empty", "UpdateTimeToLive", {"TableName": H, "TimeToLiveSpecification": {}})
    add("ttl-disable-wrong-attr", "UpdateTimeToLive", {"TableName": H, "TimeToLiveSpecification": {"Enabled": False, "AttributeName": "other"}})
    arn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + HR
    add("tags-list", "ListTagsOfResource", {"ResourceArn": arn})
    add("tags-add", "TagResource", {"ResourceArn": arn, "Tags": [{"Key": "k2", "Value": "v2"}]})
    add("tags-list-after", "ListTagsOfResource", {"ResourceArn": arn})
    add("tags-untag", "UntagResource", {"ResourceArn": arn, "TagKeys": ["env", "nope"]})
    add("tags-list-missing", "ListTagsOfResource", {"ResourceArn": "arn:aws:dynamodb:us-east-1:000000000000:table/" + NX})
    add("tags-bad-arn", "ListTagsOfResource", {"ResourceArn": "nope"})
    add("tags-empty-tags", "TagResource", {"ResourceArn": arn, "Tags": []})
    add("tags-no-arn", "TagResource", {"Tags": [{"Key": "k", "Value": "v"}]})
    add("tags-empty-key", "TagResource", {"ResourceArn": arn, "Tags": [{"Key": "", "Value": "v"}]})
    add("untag-empty", "UntagResource", {"ResourceArn": arn, "TagKeys": []})

    # ---- misc
    add("describe-limits", "DescribeLimits", {})
    add("describe-endpoints", "DescribeEndpoints", {})
    add("cont-backups", "DescribeContinuousBackups", {"TableName": H})

    # ---- streams
    add("ls-all", "ListStreams", {})
    add("ls-table", "ListStreams", {"TableName": HR})
    add("ls-limit-0", "ListStreams", {"Limit": 0})
    s.append(("st-list-hr", "ListStreams", {"TableName": HR}, lambda r, st: st.update(arn=r["Streams"][0]["StreamArn"])))
    s.append(("st-describe", "DescribeStream", lambda st: {"StreamArn": st.get("arn")},
              lambda r, st: st.update(shard=r["StreamDescription"]["Shards"][0]["ShardId"])))
    s.append(("st-iter-trim", "GetShardIterator", lambda st: {"StreamArn": st.get("arn"), "ShardId": st.get("shard"), "ShardIteratorType": "TRIM_HORIZON"},
              lambda r, st: st.update(it=r["ShardIterator"])))
    s.append(("st-records", "GetRecords", lambda st: {"ShardIterator": st.get("it"), "Limit": 3}))
    s.append(("st-records-limit0", "GetRecords", lambda st: {"ShardIterator": st.get("it"), "Limit": 0}))
    s.append(("st-iter-at-no-seq", "GetShardIterator", lambda st: {"StreamArn": st.get("arn"), "ShardId": st.get("shard"), "ShardIteratorType": "AT_SEQUENCE_NUMBER"}))
    s.append(("st-iter-bad-shard", "GetShardIterator", lambda st: {"StreamArn": st.get("arn"), "ShardId": "shardId-00000001234567890123-abcdef12", "ShardIteratorType": "LATEST"}))
    s.append(("st-describe-limit", "DescribeStream", lambda st: {"StreamArn": st.get("arn"), "Limit": 0}))
    add("ls-missing-table", "ListStreams", {"TableName": NX})
    add("ds-missing-table", "DescribeStream", {"StreamArn": "arn:aws:dynamodb:us-east-1:000000000000:table/conf_missing/stream/2020-01-01T00:00:00.000"})
    add("ds-bad-arn", "DescribeStream", {"StreamArn": "arn:aws:dynamodb:us-east-1:000000000000:table/x/stream/2020-01-01T00:00:00.000"})
    add("ds-empty", "DescribeStream", {})
    add("gsi-empty", "GetShardIterator", {})
    add("gsi-bad-type", "GetShardIterator", {"StreamArn": "arn:aws:dynamodb:us-east-1:000000000000:table/x/stream/2020-01-01T00:00:00.000",
                                             "ShardId": "shardId-00000000000000000000-00000000", "ShardIteratorType": "NOPE"})
    add("gr-empty", "GetRecords", {})
    add("gr-bad-iter", "GetRecords", {"ShardIterator": "garbage"})

    # ---- more expressions and paths (table S3: hash pk S, range sk S)
    S3 = "conf_s3"
    add("cleanup-s3", "DeleteTable", {"TableName": S3})
    add("ct-s3", "CreateTable", {"TableName": S3, "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"}],
                                  "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}], "BillingMode": "PAY_PER_REQUEST"})
    for i, sk in enumerate(["a", "ab", "abc", "b", "ba", "c", "d", "e"]):
        add("cleanup-s3-%d" % i, "PutItem", {"TableName": S3, "Item": {"pk": S("p"), "sk": S(sk), "i": N(str(i)), "m": {"M": {"x": {"M": {"y": N(str(i))}}, "l": {"L": [N("1"), N("2")]}}},
                                                                      "ns": {"NS": ["1", "2"]}, "ss": {"SS": ["a", "b"]}, "s": S("str%d" % i)}})
    add("q3-begins", "Query", {"TableName": S3, "KeyConditionExpression": "pk = :p AND begins_with(sk, :b)", "ExpressionAttributeValues": {":p": S("p"), ":b": S("a")}})
    add("q3-between-str", "Query", {"TableName": S3, "KeyConditionExpression": "pk = :p AND sk BETWEEN :a AND :b", "ExpressionAttributeValues": {":p": S("p"), ":a": S("ab"), ":b": S("ba")}})
    add("q3-desc-limit", "Query", {"TableName": S3, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("p")}, "ScanIndexForward": False, "Limit": 3, "ProjectionExpression": "sk"})
    add("q3-desc-esk", "Query", {"TableName": S3, "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": S("p")}, "ScanIndexForward": False, "Limit": 3,
                                 "ExclusiveStartKey": {"pk": S("p"), "sk": S("ba")}, "ProjectionExpression": "sk"})
    add("q3-filter-limit", "Query", {"TableName": S3, "KeyConditionExpression": "pk = :p", "FilterExpression": "i > :i", "ExpressionAttributeValues": {":p": S("p"), ":i": N("5")}, "Limit": 4})
    add("q3-filter-nested", "Query", {"TableName": S3, "KeyConditionExpression": "pk = :p", "FilterExpression": "m.x.y >= :i AND size(m.l) = :two AND contains(ss, :a)",
                                      "ExpressionAttributeValues": {":p": S("p"), ":i": N("6"), ":two": N("2"), ":a": S("a")}, "ProjectionExpression": "sk, m.x"})
    add("q3-filter-types", "Query", {"TableName": S3, "KeyConditionExpression": "pk = :p", "FilterExpression": "s > :n OR attribute_type(i, :t) AND NOT begins_with(s, :x)",
                                     "ExpressionAttributeValues": {":p": S("p"), ":n": N("1"), ":t": S("N"), ":x": S("str1")}, "Select": "COUNT"})
    add("q3-filter-in", "Query", {"TableName": S3, "KeyConditionExpression": "pk = :p", "FilterExpression": "i IN (:a, :b, :c)",
                                  "ExpressionAttributeValues": {":p": S("p"), ":a": N("1"), ":b": N("3"), ":c": S("3")}, "ProjectionExpression": "i"})
    add("q3-proj-list-oob", "Query", {"TableName": S3, "KeyConditionExpression": "pk = :p AND sk = :s", "ExpressionAttributeValues": {":p": S("p"), ":s": S("a")},
                                      "ProjectionExpression": "m.l[5], m.l[1], m.nope.deeper, ns"})
    add("q3-kce-begins-bad", "Query", {"TableName": S3, "KeyConditionExpression": "pk = :p AND begins_with(sk, :b)", "ExpressionAttributeValues": {":p": S("p"), ":b": N("1")}})
    add("q3-kce-size", "Query", {"TableName": S3, "KeyConditionExpression": "pk = :p AND size(sk) > :b", "ExpressionAttributeValues": {":p": S("p"), ":b": N("1")}})
    add("q3-kce-reversed", "Query", {"TableName": S3, "KeyConditionExpression": ":p = pk", "ExpressionAttributeValues": {":p": S("p")}, "Select": "COUNT"})
    add("q3-kce-parens", "Query", {"TableName": S3, "KeyConditionExpression": "(pk = :p) AND (sk < :s)", "ExpressionAttributeValues": {":p": S("p"), ":s": S("b")}, "Select": "COUNT"})
    add("u3-nested-set", "UpdateItem", {"TableName": S3, "Key": {"pk": S("p"), "sk": S("a")}, "UpdateExpression": "SET m.x.z = :v, m.l[0] = :v, #n = m.x.y",
                                        "ExpressionAttributeNames": {"#n": "copy"}, "ExpressionAttributeValues": {":v": S("v")}, "ReturnValues": "UPDATED_NEW"})
    add("u3-nested-old", "UpdateItem", {"TableName": S3, "Key": {"pk": S("p"), "sk": S("a")}, "UpdateExpression": "SET m.x.z = :w REMOVE m.l[1]",
                                        "ExpressionAttributeValues": {":w": S("w")}, "ReturnValues": "UPDATED_OLD"})
    add("u3-add-sets", "UpdateItem", {"TableName": S3, "Key": {"pk": S("p"), "sk": S("a")}, "UpdateExpression": "ADD ns :n DELETE ss :s",
                                      "ExpressionAttributeValues": {":n": {"NS": ["3", "1"]}, ":s": {"SS": ["a", "b"]}}, "ReturnValues": "ALL_NEW"})
    add("u3-add-wrong-set", "UpdateItem", {"TableName": S3, "Key": {"pk": S("p"), "sk": S("a")}, "UpdateExpression": "ADD ns :n",
                                           "ExpressionAttributeValues": {":n": {"SS": ["x"]}}})
    add("u3-list-append-nonlist", "UpdateItem", {"TableName": S3, "Key": {"pk": S("p"), "sk": S("a")}, "UpdateExpression": "SET s = list_append(s, :l)",
                                                 "ExpressionAttributeValues": {":l": {"L": [N("1")]}}})
    add("u3-set-missing-parent", "UpdateItem", {"TableName": S3, "Key": {"pk": S("p"), "sk": S("a")}, "UpdateExpression": "SET nope.x = :v",
                                                "ExpressionAttributeValues": {":v": N("1")}})
    add("u3-index-on-map", "UpdateItem", {"TableName": S3, "Key": {"pk": S("p"), "sk": S("a")}, "UpdateExpression": "SET m[0] = :v",
                                          "ExpressionAttributeValues": {":v": N("1")}})
    add("u3-remove-key", "UpdateItem", {"TableName": S3, "Key": {"pk": S("p"), "sk": S("a")}, "UpdateExpression": "REMOVE sk"})
    add("u3-if-not-exists-nested", "UpdateItem", {"TableName": S3, "Key": {"pk": S("p"), "sk": S("b")}, "UpdateExpression": "SET m.x.y = if_not_exists(m.x.y, :z), m.q = if_not_exists(m.q, :z)",
                                                  "ExpressionAttributeValues": {":z": N("0")}, "ReturnValues": "UPDATED_NEW"})
    add("u3-cond-size", "UpdateItem", {"TableName": S3, "Key": {"pk": S("p"), "sk": S("b")}, "UpdateExpression": "SET s = :s", "ConditionExpression": "size(s) = :four AND contains(ns, :one)",
                                       "ExpressionAttributeValues": {":s": S("new"), ":four": N("4"), ":one": N("1")}, "ReturnValues": "ALL_OLD"})
    add("u3-cond-compare-types", "UpdateItem", {"TableName": S3, "Key": {"pk": S("p"), "sk": S("b")}, "UpdateExpression": "SET s = :s", "ConditionExpression": "i < :str",
                                                "ExpressionAttributeValues": {":s": S("new"), ":str": S("9")}})
    add("u3-two-paths-overlap", "UpdateItem", {"TableName": S3, "Key": {"pk": S("p"), "sk": S("b")}, "UpdateExpression": "SET m.x = :s REMOVE m.x.y",
                                               "ExpressionAttributeValues": {":s": S("new")}})
    add("u3-rv-updated-new-remove", "UpdateItem", {"TableName": S3, "Key": {"pk": S("p"), "sk": S("c")}, "UpdateExpression": "REMOVE s, m.x", "ReturnValues": "UPDATED_NEW"})
    add("u3-legacy-delete-set", "UpdateItem", {"TableName": S3, "Key": {"pk": S("p"), "sk": S("d")}, "AttributeUpdates": {"ss": {"Action": "DELETE", "Value": {"SS": ["a"]}},
                                                                                                                "s": {"Action": "DELETE"}, "i": {"Action": "ADD", "Value": N("-1.5")}},
                                               "ReturnValues": "UPDATED_NEW"})
    add("p3-key-too-long", "PutItem", {"TableName": S3, "Item": {"pk": S("x" * 2049), "sk": S("a")}})
    add("p3-range-too-long", "PutItem", {"TableName": S3, "Item": {"pk": S("x"), "sk": S("y" * 1025)}})
    add("p3-item-too-big", "PutItem", {"TableName": S3, "Item": {"pk": S("x"), "sk": S("a"), "big": S("z" * (400 * 1024))}})
    add("p3-nesting-33", "PutItem", {"TableName": S3, "Item": {"pk": S("x"), "sk": S("a"), "deep": eval("{'L': [" * 33 + "]}" * 33)}})
    add("g3-missing-consistent", "GetItem", {"TableName": S3, "Key": {"pk": S("none"), "sk": S("a")}, "ConsistentRead": True, "ReturnConsumedCapacity": "TOTAL"})
    add("bg3-proj-names", "BatchGetItem", {"RequestItems": {S3: {"Keys": [{"pk": S("p"), "sk": S("e")}], "ProjectionExpression": "#s, m.x", "ExpressionAttributeNames": {"#s": "s"}}}})
    add("bg3-unused-name", "BatchGetItem", {"RequestItems": {S3: {"Keys": [{"pk": S("p"), "sk": S("e")}], "ProjectionExpression": "s", "ExpressionAttributeNames": {"#s": "s"}}}})
    add("lt-page", "ListTables", {"Limit": 2})
    s.append(("lt-page-all", "ListTables", {"ExclusiveStartTableName": "conf_h", "Limit": 100}))
    add("s3-scan-legacy", "Scan", {"TableName": S3, "ScanFilter": {"s": {"ComparisonOperator": "BEGINS_WITH", "AttributeValueList": [S("str")]},
                                                                   "i": {"ComparisonOperator": "BETWEEN", "AttributeValueList": [N("2"), N("4")]}},
                                   "ConditionalOperator": "AND", "AttributesToGet": ["i", "sk"]})
    add("s3-scan-legacy-in", "Scan", {"TableName": S3, "ScanFilter": {"i": {"ComparisonOperator": "IN", "AttributeValueList": [N("2"), N("4")]},
                                                                      "nope": {"ComparisonOperator": "NULL"}}, "Select": "COUNT"})
    add("s3-scan-legacy-bad-count", "Scan", {"TableName": S3, "ScanFilter": {"i": {"ComparisonOperator": "BETWEEN", "AttributeValueList": [N("2")]}}})
    add("s3-scan-legacy-contains-n", "Scan", {"TableName": S3, "ScanFilter": {"ns": {"ComparisonOperator": "CONTAINS", "AttributeValueList": [N("2")]}}, "Select": "COUNT"})
    add("q3-legacy-query-filter", "Query", {"TableName": S3, "KeyConditions": {"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [S("p")]},
                                                                               "sk": {"ComparisonOperator": "BEGINS_WITH", "AttributeValueList": [S("b")]}},
                                            "QueryFilter": {"i": {"ComparisonOperator": "GE", "AttributeValueList": [N("4")]}}})
    add("del-table-s3", "DeleteTable", {"TableName": S3})

    # ---- more PartiQL (table conf_pq: pk S, sk N)
    Q = "conf_pq"
    add("cleanup-pq", "DeleteTable", {"TableName": Q})
    add("ct-pq", "CreateTable", {"TableName": Q, "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"}],
                                  "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}], "BillingMode": "PAY_PER_REQUEST"})
    for i in range(1, 6):
        add("cleanup-pq-%d" % i, "PutItem", {"TableName": Q, "Item": {"pk": S("a"), "sk": N(str(i)), "v": N(str(i * 2)), "m": {"M": {"x": S("x%d" % i)}}, "l": {"L": [N("1"), S("two")]}}})
    add("pq-select-key", "ExecuteStatement", {"Statement": 'SELECT * FROM "%s" WHERE pk = \'a\' AND sk = 3' % Q})
    add("pq-select-range", "ExecuteStatement", {"Statement": 'SELECT sk, m.x, l[1] FROM "%s" WHERE pk = \'a\' AND sk BETWEEN 2 AND 4' % Q})
    add("pq-select-desc", "ExecuteStatement", {"Statement": 'SELECT sk FROM "%s" WHERE pk = \'a\' ORDER BY sk DESC' % Q})
    add("pq-select-scan-filter", "ExecuteStatement", {"Statement": 'SELECT sk FROM "%s" WHERE v > 5' % Q})
    add("pq-select-limit", "ExecuteStatement", {"Statement": 'SELECT sk FROM "%s" WHERE pk = ?' % Q, "Parameters": [S("a")], "Limit": 2})
    add("pq-select-in", "ExecuteStatement", {"Statement": 'SELECT sk FROM "%s" WHERE pk = \'a\' AND sk IN [1, 5]' % Q})
    add("pq-select-missing-attr", "ExecuteStatement", {"Statement": 'SELECT nope FROM "%s" WHERE pk = \'a\' AND sk = 1' % Q})
    add("pq-select-is-missing", "ExecuteStatement", {"Statement": 'SELECT sk FROM "%s" WHERE pk = \'a\' AND nope IS MISSING' % Q})
    add("pq-select-begins", "ExecuteStatement", {"Statement": 'SELECT sk FROM "%s" WHERE pk = \'a\' AND begins_with(m.x, \'x1\')' % Q})
    add("pq-insert-no-key", "ExecuteStatement", {"Statement": 'INSERT INTO "%s" VALUE {\'pk\': \'b\'}' % Q})
    add("pq-insert-wrong-type", "ExecuteStatement", {"Statement": 'INSERT INTO "%s" VALUE {\'pk\': \'b\', \'sk\': \'x\'}' % Q})
    add("pq-insert-param", "ExecuteStatement", {"Statement": 'INSERT INTO "%s" VALUE {\'pk\': ?, \'sk\': ?, \'s\': <<\'a\', \'b\'>>}' % Q, "Parameters": [S("b"), N("1")]})
    add("pq-update-set-remove", "ExecuteStatement", {"Statement": 'UPDATE "%s" SET v = v + 1 REMOVE m.x WHERE pk = \'a\' AND sk = 1 RETURNING ALL NEW *' % Q})
    add("pq-update-missing-item", "ExecuteStatement", {"Statement": 'UPDATE "%s" SET v = 1 WHERE pk = \'zz\' AND sk = 1' % Q})
    add("pq-update-no-key", "ExecuteStatement", {"Statement": 'UPDATE "%s" SET v = 1 WHERE v = 2' % Q})
    add("pq-delete-missing", "ExecuteStatement", {"Statement": 'DELETE FROM "%s" WHERE pk = \'zz\' AND sk = 1' % Q})
    add("pq-delete-returning", "ExecuteStatement", {"Statement": 'DELETE FROM "%s" WHERE pk = \'a\' AND sk = 5 RETURNING ALL OLD *' % Q})
    add("pq-param-unused", "ExecuteStatement", {"Statement": 'SELECT * FROM "%s" WHERE pk = \'a\' AND sk = 1' % Q, "Parameters": [S("x")]})
    add("pq-bad-table-name", "ExecuteStatement", {"Statement": 'SELECT * FROM "ab" WHERE pk = \'a\''})
    add("pq-bes-reads", "BatchExecuteStatement", {"Statements": [{"Statement": 'SELECT * FROM "%s" WHERE pk = \'a\' AND sk = 2' % Q},
                                                                {"Statement": 'SELECT * FROM "%s" WHERE pk = \'a\' AND sk = 99' % Q},
                                                                {"Statement": 'SELECT * FROM "%s" WHERE pk = \'a\'' % Q},
                                                                {"Statement": 'SELECT * FROM "%s" WHERE pk = \'a\' AND sk = 2' % NX}]})
    add("pq-bes-writes", "BatchExecuteStatement", {"Statements": [{"Statement": 'INSERT INTO "%s" VALUE {\'pk\': \'c\', \'sk\': 1}' % Q},
                                                                 {"Statement": 'INSERT INTO "%s" VALUE {\'pk\': \'a\', \'sk\': 2}' % Q},
                                                                 {"Statement": 'UPDATE "%s" SET v = 0 WHERE pk = \'a\' AND sk = 2 AND v = 999' % Q},
                                                                 {"Statement": 'DELETE FROM "%s" WHERE pk = \'c\' AND sk = 1' % Q}]})
    add("pq-et-cond-fail", "ExecuteTransaction", {"TransactStatements": [{"Statement": 'UPDATE "%s" SET v = 0 WHERE pk = \'a\' AND sk = 2 AND v = 999' % Q},
                                                                        {"Statement": 'INSERT INTO "%s" VALUE {\'pk\': \'d\', \'sk\': 1}' % Q}]})
    add("pq-et-reads", "ExecuteTransaction", {"TransactStatements": [{"Statement": 'SELECT * FROM "%s" WHERE pk = \'a\' AND sk = 2' % Q},
                                                                    {"Statement": 'SELECT v FROM "%s" WHERE pk = \'a\' AND sk = 3' % Q}]})
    add("pq-et-mixed", "ExecuteTransaction", {"TransactStatements": [{"Statement": 'SELECT * FROM "%s" WHERE pk = \'a\' AND sk = 2' % Q},
                                                                    {"Statement": 'INSERT INTO "%s" VALUE {\'pk\': \'e\', \'sk\': 1}' % Q}]})
    add("del-table-pq", "DeleteTable", {"TableName": Q})

    # ---- more control plane
    C = "conf_ctl"
    add("cleanup-ctl", "DeleteTable", {"TableName": C})
    add("ct-ctl", "CreateTable", {"TableName": C, "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "B"}],
                                   "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST",
                                   "TableClass": "STANDARD_INFREQUENT_ACCESS", "DeletionProtectionEnabled": True,
                                   "SSESpecification": {"Enabled": True, "SSEType": "KMS"}})
    add("dt-ctl", "DescribeTable", {"TableName": C})
    add("del-ctl-protected", "DeleteTable", {"TableName": C})
    add("ut-ctl-class", "UpdateTable", {"TableName": C, "TableClass": "STANDARD"})
    add("ut-ctl-class-bad", "UpdateTable", {"TableName": C, "TableClass": "GOLD"})
    add("ut-ctl-unprotect", "UpdateTable", {"TableName": C, "DeletionProtectionEnabled": False})
    add("put-ctl-binary", "PutItem", {"TableName": C, "Item": {"pk": {"B": "AAEC"}, "b": {"B": ""}, "bs": {"BS": ["AQ==", "Ag=="]}}})
    add("get-ctl-binary", "GetItem", {"TableName": C, "Key": {"pk": {"B": "AAEC"}}})
    add("put-ctl-binary-empty-key", "PutItem", {"TableName": C, "Item": {"pk": {"B": ""}}})
    add("ct-ctl-bad-class", "CreateTable", {"TableName": "conf_tmp2", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                                             "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST", "TableClass": "GOLD"})
    add("ct-ctl-name-long", "CreateTable", {"TableName": "t" * 256, "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                                             "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST"})
    add("ct-ctl-attr-name-empty", "CreateTable", {"TableName": "conf_tmp2", "AttributeDefinitions": [{"AttributeName": "", "AttributeType": "S"}],
                                                   "KeySchema": [{"AttributeName": "", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST"})
    add("ct-ctl-6-lsi", "CreateTable", {"TableName": "conf_tmp2", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"}],
                                         "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}], "BillingMode": "PAY_PER_REQUEST",
                                         "LocalSecondaryIndexes": [{"IndexName": "lsi%d" % i, "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
                                                                    "Projection": {"ProjectionType": "ALL"}} for i in range(6)]})
    add("ct-ctl-dup-index", "CreateTable", {"TableName": "conf_tmp2", "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "g", "AttributeType": "S"}],
                                             "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "BillingMode": "PAY_PER_REQUEST",
                                             "GlobalSecondaryIndexes": [{"IndexName": "gsi", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"}}] * 2})
    add("ttl-ctl-describe", "DescribeTimeToLive", {"TableName": C})
    add("ttl-ctl-disable-never", "UpdateTimeToLive", {"TableName": C, "TimeToLiveSpecification": {"Enabled": False, "AttributeName": "x"}})
    add("del-ctl", "DeleteTable", {"TableName": C})
    add("describe-limits-2", "DescribeLimits", {"Extra": 1})

    # ---- DeleteTable
    add("del-table-missing", "DeleteTable", {"TableName": NX})
    add("del-table-h", "DeleteTable", {"TableName": H})
    add("del-table-h-again", "DescribeTable", {"TableName": H})
    add("del-table-hr", "DeleteTable", {"TableName": HR})
    add("del-table-ppr", "DeleteTable", {"TableName": "conf_ppr"})
    return s
