#!/usr/bin/env python3
"""Differential test: the same boto3 calls against moto_server and `pipemu serve`; response
shapes (keys and value types) and error codes must agree, except where moto is known to differ
from AWS (KNOWN_MOTO_DEVIATIONS, each with the reason)."""
import datetime
import os
import socket
import subprocess
import sys
import time
import urllib.request

from pipemu_fixture import PipemuServer, client_for

# (operation, path in the response) -> why moto is wrong there.
KNOWN_MOTO_DEVIATIONS = {
    ("ssm.get_parameter", "Parameter.Tier"): "AWS's GetParameter result has no Tier (botocore model)",
    ("ssm.get_parameters", "Parameters[].Tier"): "same as GetParameter",
    ("ssm.get_parameters_by_path", "Parameters[].Tier"): "same as GetParameter",
    ("ssm.get_parameters_by_path", "NextToken"): "moto sends NextToken after an exactly full last page",
    ("s3.list_buckets", "Buckets[].BucketRegion"): "AWS ListBuckets returns BucketRegion since 2024",
    ("s3.list_buckets", "Prefix"): "moto answers an empty Prefix element",
    ("s3.get_object", "AcceptRanges"): "AWS sends Accept-Ranges: bytes",
    ("s3.head_object", "AcceptRanges"): "AWS sends Accept-Ranges: bytes",
    ("s3.create_bucket.bad_name", "*"): "moto accepts Bad_Name; AWS answers InvalidBucketName",
    ("s3.upload_part.no_upload", "*"): "moto answers 500; AWS answers NoSuchUpload (404)",
    ("ssm.describe_parameters", "Parameters[].ARN"): "AWS's ParameterMetadata has ARN; moto omits it",
    ("ssm.describe_parameters", "Parameters[].Policies"): "AWS sends Policies: []; moto omits it",
    ("ssm.get_parameter_history", "Parameters[].Policies"): "same",
    ("s3.get_object", "ChecksumType"): "AWS answers x-amz-checksum-type (FULL_OBJECT/COMPOSITE) "
                                       "since 2025; moto 5.2.1 does not",
    ("s3.head_object", "ChecksumType"): "same",
    ("s3.copy_object", "CopyObjectResult.ChecksumType"): "same",
    ("s3.list_objects_v2", "Contents[].ChecksumType"): "same",
    ("s3.put_object.bad_checksum", "*"): "moto stores a body whose x-amz-checksum-* does not "
                                         "match; AWS answers BadDigest",
    ("s3.put_object.bad_md5", "*"): "moto ignores Content-MD5; AWS answers BadDigest",
}

# Where moto is right and pipemu is not (yet): reported, not failed. Keep this list short.
KNOWN_PIPEMU_GAPS = {
}


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def shape(v, path=""):
    """Flattens a response into {path: type name}."""
    out = {}
    if isinstance(v, dict):
        for k, x in v.items():
            if k == "ResponseMetadata":
                continue
            out.update(shape(x, f"{path}.{k}" if path else k))
    elif isinstance(v, list):
        out[path] = "list"
        for x in v[:1]:
            out.update(shape(x, path + "[]"))
    else:
        t = type(v).__name__
        if isinstance(v, datetime.datetime):
            t = "datetime"
        elif hasattr(v, "read"):
            t = "stream"
        out[path] = t
    return out


def run(endpoint, calls):
    s3 = client_for(endpoint, "s3", "eu-west-1")
    s3us = client_for(endpoint, "s3", "us-east-1")
    ssm = client_for(endpoint, "ssm", "eu-west-1")
    clients = {"s3": s3, "s3us": s3us, "ssm": ssm}
    results = []
    for name, client, op, kwargs in calls:
        fn = getattr(clients[client], op)
        try:
            results.append((name, "ok", shape(fn(**kwargs))))
        except clients[client].exceptions.ClientError as e:
            results.append((name, "error", e.response["Error"]["Code"]))
    return results


CALLS = [
    ("s3.create_bucket", "s3", "create_bucket", {"Bucket": "diff-eu", "CreateBucketConfiguration":
                                                   {"LocationConstraint": "eu-west-1"}}),
    ("s3.create_bucket.again", "s3", "create_bucket", {"Bucket": "diff-eu",
        "CreateBucketConfiguration": {"LocationConstraint": "eu-west-1"}}),
    ("s3.create_bucket.unspecified", "s3", "create_bucket", {"Bucket": "diff-eu-2"}),
    ("s3.create_bucket.bad_name", "s3", "create_bucket", {"Bucket": "Bad_Name",
        "CreateBucketConfiguration": {"LocationConstraint": "eu-west-1"}}),
    ("s3.list_buckets", "s3", "list_buckets", {}),
    ("s3.get_bucket_location", "s3", "get_bucket_location", {"Bucket": "diff-eu"}),
    ("s3.put_object", "s3", "put_object", {"Bucket": "diff-eu", "Key": "a/b.txt", "Body": b"hi",
                                           "Metadata": {"k": "v"}}),
    ("s3.get_object", "s3", "get_object", {"Bucket": "diff-eu", "Key": "a/b.txt"}),
    ("s3.put_object.sha256", "s3", "put_object", {"Bucket": "diff-eu", "Key": "sha", "Body": b"hi",
                                                  "ChecksumAlgorithm": "SHA256"}),
    ("s3.get_object.checksum_mode", "s3", "get_object", {"Bucket": "diff-eu", "Key": "sha",
                                                         "ChecksumMode": "ENABLED"}),
    ("s3.head_object.checksum_mode", "s3", "head_object", {"Bucket": "diff-eu", "Key": "sha",
                                                           "ChecksumMode": "ENABLED"}),
    ("s3.put_object.bad_checksum", "s3", "put_object", {"Bucket": "diff-eu", "Key": "bad",
        "Body": b"hi", "ChecksumSHA1": "AAAAAAAAAAAAAAAAAAAAAAAAAAA="}),
    ("s3.put_object.bad_md5", "s3", "put_object", {"Bucket": "diff-eu", "Key": "bad",
        "Body": b"hi", "ContentMD5": "AAAAAAAAAAAAAAAAAAAAAA=="}),
    ("s3.get_object.range", "s3", "get_object", {"Bucket": "diff-eu", "Key": "a/b.txt",
                                                 "Range": "bytes=0-0"}),
    ("s3.get_object.bad_range", "s3", "get_object", {"Bucket": "diff-eu", "Key": "a/b.txt",
                                                     "Range": "bytes=10-20"}),
    ("s3.head_object", "s3", "head_object", {"Bucket": "diff-eu", "Key": "a/b.txt"}),
    ("s3.get_object.missing", "s3", "get_object", {"Bucket": "diff-eu", "Key": "nope"}),
    ("s3.head_object.missing", "s3", "head_object", {"Bucket": "diff-eu", "Key": "nope"}),
    ("s3.get_object.no_bucket", "s3", "get_object", {"Bucket": "diff-none", "Key": "x"}),
    ("s3.copy_object", "s3", "copy_object", {"Bucket": "diff-eu", "Key": "c.txt",
                                             "CopySource": {"Bucket": "diff-eu", "Key": "a/b.txt"}}),
    ("s3.list_objects_v2", "s3", "list_objects_v2", {"Bucket": "diff-eu"}),
    ("s3.list_objects_v2.delimiter", "s3", "list_objects_v2", {"Bucket": "diff-eu",
                                                               "Delimiter": "/"}),
    ("s3.list_objects_v2.page", "s3", "list_objects_v2", {"Bucket": "diff-eu", "MaxKeys": 1}),
    ("s3.delete_objects", "s3", "delete_objects", {"Bucket": "diff-eu", "Delete": {"Objects": [
        {"Key": "c.txt"}]}}),
    ("s3.create_multipart_upload", "s3", "create_multipart_upload", {"Bucket": "diff-eu",
                                                                     "Key": "mp"}),
    ("s3.upload_part.no_upload", "s3", "upload_part", {"Bucket": "diff-eu", "Key": "mp",
        "UploadId": "nope", "PartNumber": 1, "Body": b"x"}),
    ("s3.delete_bucket.not_empty", "s3", "delete_bucket", {"Bucket": "diff-eu"}),
    ("s3.delete_object", "s3", "delete_object", {"Bucket": "diff-eu", "Key": "a/b.txt"}),
    ("ssm.put_parameter", "ssm", "put_parameter", {"Name": "/d/p", "Value": "v", "Type": "String"}),
    ("ssm.put_parameter.exists", "ssm", "put_parameter", {"Name": "/d/p", "Value": "v",
                                                          "Type": "String"}),
    ("ssm.put_parameter.overwrite", "ssm", "put_parameter", {"Name": "/d/p", "Value": "w",
                                                             "Overwrite": True}),
    ("ssm.put_parameter.no_type", "ssm", "put_parameter", {"Name": "/d/q", "Value": "v"}),
    ("ssm.put_parameter.secure", "ssm", "put_parameter", {"Name": "/d/s", "Value": "v",
                                                          "Type": "SecureString"}),
    ("ssm.get_parameter", "ssm", "get_parameter", {"Name": "/d/p"}),
    ("ssm.get_parameter.missing", "ssm", "get_parameter", {"Name": "/d/none"}),
    ("ssm.get_parameter.bad_version", "ssm", "get_parameter", {"Name": "/d/p:7"}),
    ("ssm.get_parameters", "ssm", "get_parameters", {"Names": ["/d/p", "/d/none"]}),
    ("ssm.get_parameters_by_path", "ssm", "get_parameters_by_path", {"Path": "/d",
                                                                     "MaxResults": 2}),
    ("ssm.describe_parameters", "ssm", "describe_parameters", {}),
    ("ssm.get_parameter_history", "ssm", "get_parameter_history", {"Name": "/d/p"}),
    ("ssm.label_parameter_version", "ssm", "label_parameter_version", {"Name": "/d/p",
        "ParameterVersion": 1, "Labels": ["blue"]}),
    ("ssm.delete_parameter", "ssm", "delete_parameter", {"Name": "/d/p"}),
    ("ssm.delete_parameter.missing", "ssm", "delete_parameter", {"Name": "/d/p"}),
    ("ssm.delete_parameters", "ssm", "delete_parameters", {"Names": ["/d/s", "/d/none"]}),
]


def main():
    port = free_port()
    moto = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/moto-api/", timeout=1)
                break
            except Exception:
                time.sleep(0.1)
        moto_results = run(f"http://127.0.0.1:{port}", CALLS)
    finally:
        moto.terminate()
        moto.wait()
    with PipemuServer() as srv:
        ours = run(srv.endpoint, CALLS)

    failures, gaps = [], []
    for (name, mk, mv), (_, pk, pv) in zip(moto_results, ours):
        op = name.split(".")[0] + "." + name.split(".")[1]
        if (name, "*") in KNOWN_MOTO_DEVIATIONS:
            continue
        if mk != pk:
            failures.append(f"{name}: moto {mk} {mv if mk == 'error' else ''} / pipemu {pk} "
                            f"{pv if pk == 'error' else ''}")
            continue
        if mk == "error":
            if mv != pv:
                failures.append(f"{name}: error code moto {mv} / pipemu {pv}")
            continue
        for path in sorted(set(mv) | set(pv)):
            if (op, path) in KNOWN_MOTO_DEVIATIONS:
                continue
            if mv.get(path) != pv.get(path) and (op, path) in KNOWN_PIPEMU_GAPS:
                gaps.append(f"{name}: {path}: {KNOWN_PIPEMU_GAPS[(op, path)]}")
                continue
            if mv.get(path) != pv.get(path):
                failures.append(f"{name}: {path}: moto {mv.get(path)} / pipemu {pv.get(path)}")
    print(f"{len(CALLS)} calls compared, {len(failures)} differences, {len(gaps)} known pipemu gaps")
    for g in gaps:
        print("  gap: " + g)
    for f in failures:
        print("  " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
