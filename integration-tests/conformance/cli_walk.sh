#!/usr/bin/env bash
# Walks one table through its whole life with the AWS CLI against an endpoint and checks that
# every answer parses as JSON (and, where it matters, holds what it should).
# Usage: ./cli_walk.sh http://localhost:8000
set -euo pipefail
EP=${1:-http://localhost:8000}
export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-dummy} AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-dummy}
export AWS_DEFAULT_REGION=${AWS_DEFAULT_REGION:-us-east-1} AWS_PAGER=""
T=cli_walk_$$
ddb() { aws dynamodb --endpoint-url "$EP" --output json "$@"; }
streams() { aws dynamodbstreams --endpoint-url "$EP" --output json "$@"; }
step() { printf '%-40s' "$1"; shift; out=$("$@") || { echo "FAILED"; echo "$out"; exit 1; }
  if [ -n "$out" ]; then echo "$out" | python3 -c 'import json,sys; json.load(sys.stdin)' || { echo "NOT JSON"; echo "$out"; exit 1; }; fi
  echo ok; }
check() { printf '%-40s' "$1"; if python3 -c "import json,sys; d=json.loads(sys.argv[1]); assert $3, d" "$2" >/dev/null; then echo ok; else echo "CHECK FAILED: $3"; echo "$2"; exit 1; fi; }

step create-table ddb create-table --table-name "$T" \
  --attribute-definitions AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=N AttributeName=g,AttributeType=S AttributeName=l,AttributeType=S \
  --key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE \
  --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5 \
  --global-secondary-indexes 'IndexName=gsi,KeySchema=[{AttributeName=g,KeyType=HASH}],Projection={ProjectionType=ALL},ProvisionedThroughput={ReadCapacityUnits=1,WriteCapacityUnits=1}' \
  --local-secondary-indexes 'IndexName=lsi,KeySchema=[{AttributeName=pk,KeyType=HASH},{AttributeName=l,KeyType=RANGE}],Projection={ProjectionType=KEYS_ONLY}' \
  --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES \
  --tags Key=team,Value=eddy
step wait-table-exists ddb wait table-exists --table-name "$T"
d=$(ddb describe-table --table-name "$T")
check describe-table "$d" 'd["Table"]["TableStatus"] == "ACTIVE" and d["Table"]["GlobalSecondaryIndexes"][0]["IndexStatus"] == "ACTIVE"'
step update-table ddb update-table --table-name "$T" --provisioned-throughput ReadCapacityUnits=6,WriteCapacityUnits=6
step wait-after-update ddb wait table-exists --table-name "$T"
step update-ttl ddb update-time-to-live --table-name "$T" --time-to-live-specification Enabled=true,AttributeName=exp
check describe-ttl "$(ddb describe-time-to-live --table-name "$T")" 'd["TimeToLiveDescription"]["AttributeName"] == "exp"'
ARN=$(ddb describe-table --table-name "$T" --query Table.TableArn --output text)
step tag-resource ddb tag-resource --resource-arn "$ARN" --tags Key=k2,Value=v2
check list-tags "$(ddb list-tags-of-resource --resource-arn "$ARN")" 'len(d["Tags"]) == 2'
step untag-resource ddb untag-resource --resource-arn "$ARN" --tag-keys k2
for i in $(seq 1 25); do
  ddb put-item --table-name "$T" --item "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"$i\"},\"g\":{\"S\":\"g$((i % 3))\"},\"l\":{\"S\":\"l$i\"},\"n\":{\"N\":\"$i.50\"}}" > /dev/null
done
echo "put-item x25                            ok"
check get-item "$(ddb get-item --table-name "$T" --key '{"pk":{"S":"p"},"sk":{"N":"3"}}' --consistent-read)" 'd["Item"]["n"]["N"] == "3.5"'
check query-paginated "$(ddb query --table-name "$T" --key-condition-expression 'pk = :p' --expression-attribute-values '{":p":{"S":"p"}}' --page-size 4)" 'len(d["Items"]) == 25'
check query-max-items "$(ddb query --table-name "$T" --key-condition-expression 'pk = :p' --expression-attribute-values '{":p":{"S":"p"}}' --max-items 10)" 'len(d["Items"]) == 10 and "NextToken" in d'
check query-gsi "$(ddb query --table-name "$T" --index-name gsi --key-condition-expression 'g = :g' --expression-attribute-values '{":g":{"S":"g1"}}')" 'len(d["Items"]) == 9'
check query-lsi "$(ddb query --table-name "$T" --index-name lsi --key-condition-expression 'pk = :p AND l < :l' --expression-attribute-values '{":p":{"S":"p"},":l":{"S":"l2"}}')" 'len(d["Items"]) == 11'
check scan-paginated "$(ddb scan --table-name "$T" --page-size 7 --filter-expression 'n > :n' --expression-attribute-values '{":n":{"N":"10"}}')" 'len(d["Items"]) == 16'
check scan-count "$(ddb scan --table-name "$T" --select COUNT)" 'd["Count"] == 25'
check batch-write "$(ddb batch-write-item --request-items "{\"$T\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"1\"}}}},{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"25\"}}}}]}")" 'd["UnprocessedItems"] == {}'
check batch-get "$(ddb batch-get-item --request-items "{\"$T\":{\"Keys\":[{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"1\"}},{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"25\"}}]}}")" 'len(d["Responses"]["'"$T"'"]) == 1 and d["UnprocessedKeys"] == {}'
step transact-write ddb transact-write-items --transact-items "[{\"Put\":{\"TableName\":\"$T\",\"Item\":{\"pk\":{\"S\":\"t\"},\"sk\":{\"N\":\"1\"}}}},{\"Update\":{\"TableName\":\"$T\",\"Key\":{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"1\"}},\"UpdateExpression\":\"SET v = :v\",\"ExpressionAttributeValues\":{\":v\":{\"N\":\"1\"}}}}]"
check transact-get "$(ddb transact-get-items --transact-items "[{\"Get\":{\"TableName\":\"$T\",\"Key\":{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"1\"}}}}]")" 'd["Responses"][0]["Item"]["v"]["N"] == "1"'
printf '%-40s' transact-cancel
if ddb transact-write-items --transact-items "[{\"ConditionCheck\":{\"TableName\":\"$T\",\"Key\":{\"pk\":{\"S\":\"t\"},\"sk\":{\"N\":\"1\"}},\"ConditionExpression\":\"attribute_not_exists(pk)\"}}]" 2>/tmp/cli_walk_err; then echo "expected a cancellation"; exit 1; fi
grep -q TransactionCanceledException /tmp/cli_walk_err && echo ok || { cat /tmp/cli_walk_err; exit 1; }
check execute-statement "$(ddb execute-statement --statement "SELECT * FROM \"$T\" WHERE pk = 'b'")" 'len(d["Items"]) == 1'
SARN=$(ddb describe-table --table-name "$T" --query Table.LatestStreamArn --output text)
check describe-stream "$(streams describe-stream --stream-arn "$SARN")" 'd["StreamDescription"]["StreamStatus"] == "ENABLED"'
SHARD=$(streams describe-stream --stream-arn "$SARN" --query 'StreamDescription.Shards[0].ShardId' --output text)
IT=$(streams get-shard-iterator --stream-arn "$SARN" --shard-id "$SHARD" --shard-iterator-type TRIM_HORIZON --query ShardIterator --output text)
check get-records "$(streams get-records --shard-iterator "$IT")" 'len(d["Records"]) >= 25 and d["Records"][0]["eventName"] == "INSERT"'
printf '%-40s' ttl-change-within-the-hour
if ddb update-time-to-live --table-name "$T" --time-to-live-specification Enabled=false,AttributeName=exp 2>/tmp/cli_walk_err; then
  echo "expected a ValidationException"; exit 1; fi
grep -q "modified multiple times" /tmp/cli_walk_err && echo ok || { cat /tmp/cli_walk_err; exit 1; }
step delete-table ddb delete-table --table-name "$T"
step wait-table-not-exists ddb wait table-not-exists --table-name "$T"
echo "CLI walk passed against $EP"
