#!/usr/bin/env python3
"""Differential conformance check: sends the same sequence of raw JSON requests to two
DynamoDB endpoints (Eddy and Amazon DynamoDB Local) and prints where they answer differently.

Usage: python3 diff.py --eddy http://localhost:8000 --ref http://localhost:8001 [--only NAME] [--show-all]

Compared per step: HTTP status, __type, message, and the response body after normalising
values that legitimately differ (ids, timestamps, ARN account/region, sequence numbers,
iterators, stream labels). Steps listed in cases.py; known, explained differences are
listed in KNOWN (printed as "known" instead of "DIFF").
"""
import argparse
import json
import re
import sys
import time
import urllib.request
import urllib.error

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

import cases

CREDS = Credentials("dummy", "dummy")


def call(endpoint, target, body):
    if isinstance(body, (dict, list)):
        data = json.dumps(body).encode()
    elif isinstance(body, bytes):
        data = body
    else:
        data = str(body).encode()
    prefix = "DynamoDBStreams_20120810" if target in cases.STREAMS_OPS else "DynamoDB_20120810"
    headers = {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": prefix + "." + target}
    service = "dynamodb"
    req = AWSRequest(method="POST", url=endpoint + "/", data=data, headers=headers)
    SigV4Auth(CREDS, service, "us-east-1").add_auth(req)
    r = urllib.request.Request(endpoint + "/", data=data, headers=dict(req.headers), method="POST")
    try:
        with urllib.request.urlopen(r, timeout=30) as resp:
            status, raw = resp.status, resp.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    try:
        parsed = json.loads(raw) if raw else None
    except ValueError:
        parsed = {"<non-json>": raw.decode(errors="replace")}
    return status, parsed


TS_FIELDS = {"CreationDateTime", "LastUpdateDateTime", "LastIncreaseDateTime", "LastDecreaseDateTime",
             "ApproximateCreationDateTime", "LastUpdateToPayPerRequestDateTime", "EarliestRestorableDateTime",
             "LatestRestorableDateTime", "StreamLabel", "LatestStreamLabel", "TableId", "SequenceNumber",
             "StartingSequenceNumber", "EndingSequenceNumber", "ShardIterator", "NextShardIterator",
             "eventID", "ShardId", "ParentShardId", "LastEvaluatedShardId", "ExclusiveStartShardId",
             "SizeBytes", "LastEvaluatedStreamArn", "NextToken"}
ARN = re.compile(r"arn:aws:dynamodb:[^:]*:[0-9]*:")


# Lists whose order carries no meaning (sorted by this member before comparing).
UNORDERED = {"AttributeDefinitions": "AttributeName", "GlobalSecondaryIndexes": "IndexName",
             "LocalSecondaryIndexes": "IndexName", "Streams": "TableName", "Tags": "Key"}


def normalise(x, key=None):
    if isinstance(x, dict):
        return {k: normalise(v, k) for k, v in x.items()}
    if isinstance(x, list):
        out = [normalise(v, key) for v in x]
        if key in UNORDERED and all(isinstance(v, dict) for v in out):
            out.sort(key=lambda v: str(v.get(UNORDERED[key])))
        return out
    if key in TS_FIELDS:
        return "<" + key + ">"
    if isinstance(x, str):
        x = ARN.sub("arn:aws:dynamodb:R:A:", x)
        x = re.sub(r"stream/\d{4}-\d\d-\d\dT[0-9:.]+", "stream/<label>", x)
        return x
    return x


def shape_diff(a, b, path=""):
    """Lists differences between two normalised JSON values (missing/extra keys, values)."""
    out = []
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            p = path + "." + k
            if k not in a:
                out.append("missing in eddy: %s = %s" % (p, short(b[k])))
            elif k not in b:
                out.append("extra in eddy:   %s = %s" % (p, short(a[k])))
            else:
                out.extend(shape_diff(a[k], b[k], p))
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out.append("length %s: eddy %d, ref %d (eddy %s / ref %s)" % (path, len(a), len(b), short(a), short(b)))
        else:
            unordered = path.endswith((".SS", ".NS", ".BS"))
            if unordered and sorted(map(json.dumps, a)) == sorted(map(json.dumps, b)):
                if a != b:
                    out.append("set order %s: eddy %s / ref %s" % (path, short(a), short(b)))
                return out
            for i, (x, y) in enumerate(zip(a, b)):
                out.extend(shape_diff(x, y, "%s[%d]" % (path, i)))
    elif a != b:
        out.append("value %s: eddy %s / ref %s" % (path, short(a), short(b)))
    return out


def short(v, n=300):
    s = json.dumps(v, sort_keys=True)
    return s if len(s) <= n else s[:n] + "..."


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--eddy", default="http://localhost:8000")
    ap.add_argument("--ref", default="http://localhost:8001")
    ap.add_argument("--only", help="run only steps whose name contains this")
    ap.add_argument("--show-all", action="store_true", help="print every step, not only differences")
    ap.add_argument("--show-known", action="store_true", help="print the details of known differences too")
    args = ap.parse_args()
    for ep in (args.eddy, args.ref):  # wait for both servers to answer (DynamoDB Local starts slowly)
        for _ in range(60):
            try:
                call(ep, "ListTables", {})
                break
            except OSError:
                time.sleep(1)
    diffs = known = same = 0
    state = {"eddy": {}, "ref": {}}
    for step in cases.steps():
        name, target, body = step[0], step[1], step[2]
        capture = step[3] if len(step) > 3 else None
        if args.only and args.only not in name and not name.startswith(("cleanup", "ct-h", "ct-hr", "ct-ppr")):
            continue
        e_status, e_body = call(args.eddy, target, body(state["eddy"]) if callable(body) else body)
        r_status, r_body = call(args.ref, target, body(state["ref"]) if callable(body) else body)
        if capture:
            for st, resp in ((state["eddy"], e_body), (state["ref"], r_body)):
                try:
                    capture(resp, st)
                except (KeyError, IndexError, TypeError):
                    pass
        if name.startswith("cleanup"):
            continue
        if name.startswith("scan-"):
            # Scan order is unspecified (hash order in DynamoDB): compare the items as a multiset
            for b in (e_body, r_body):
                if isinstance(b, dict) and isinstance(b.get("Items"), list):
                    b["Items"].sort(key=lambda i: json.dumps(i, sort_keys=True))
                    if "LastEvaluatedKey" in b:
                        b["LastEvaluatedKey"] = "<present>"
        problems = []
        if e_status != r_status:
            problems.append("status: eddy %s / ref %s" % (e_status, r_status))
        if isinstance(e_body, dict) and isinstance(r_body, dict) and ("__type" in e_body or "__type" in r_body):
            et, rt = e_body.get("__type"), r_body.get("__type")
            if et != rt:
                problems.append("__type: eddy %s / ref %s" % (et, rt))
            em = e_body.get("message", e_body.get("Message"))
            rm = r_body.get("message", r_body.get("Message"))
            if em != rm:
                problems.append("message:\n      eddy: %s\n      ref:  %s" % (em, rm))
            rest_e = {k: v for k, v in e_body.items() if k not in ("__type", "message", "Message")}
            rest_r = {k: v for k, v in r_body.items() if k not in ("__type", "message", "Message")}
            problems.extend(shape_diff(normalise(rest_e), normalise(rest_r)))
        else:
            problems.extend(shape_diff(normalise(e_body), normalise(r_body)))
        note = cases.KNOWN.get(name)
        if problems and note:
            known += 1
            print("known  %-50s %s" % (name, note))
            if args.show_known:
                for p in problems:
                    print("    " + p)
        elif problems:
            diffs += 1
            print("DIFF   %-50s %s %s" % (name, target, short(body if not callable(body) else "<computed>", 200)))
            for p in problems:
                print("    " + p)
        else:
            same += 1
            if args.show_all:
                print("same   %-50s %s" % (name, short(r_body, 150)))
    print("\n%d same, %d known differences, %d unexplained differences" % (same, known, diffs))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
