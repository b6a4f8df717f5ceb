#!/usr/bin/env python3
"""The boto3 half of tools/bench-fakes: one client, sequential calls, ops/s per workload.
Usage: boto3_load.py ENDPOINT SECONDS_PER_WORKLOAD [--big] [--raw]   (prints JSON)
--raw adds the same small calls from a raw keep-alive http.client loop (no SDK): the server's own
rate for one sequential client, which bounds what any client can get from it."""
import http.client
import json
import os
import sys
import tempfile
import time

import boto3
from botocore.config import Config


def client(endpoint, service):
    return boto3.client(service, endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="AKIDBENCH", aws_secret_access_key="secret",
                        config=Config(retries={"max_attempts": 1}))


def rate(seconds, fn):
    n, start = 0, time.perf_counter()
    while True:
        fn(n)
        n += 1
        el = time.perf_counter() - start
        if el >= seconds:
            return n / el


def unique(body, n):
    """Each PutObject body differs, so the blob store's dedupe cannot flatter the write path."""
    return body[:-16] + b"%016d" % n


def raw_rates(endpoint, seconds):
    host, port = endpoint.split("//")[1].split(":")
    conn = http.client.HTTPConnection(host, int(port))
    scope = ("AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/{}/aws4_request, "
             "SignedHeaders=host;x-amz-date, Signature=" + "0" * 64)
    body = b"y" * 1024  # not the boto3 loop's bodies

    def call(method, path, data=None, headers=None):
        conn.request(method, path, body=data, headers=headers or {})
        r = conn.getresponse()
        r.read()
        if r.status >= 300:
            raise RuntimeError(f"{method} {path}: {r.status}")

    s3h = {"Authorization": scope.format("s3")}
    ssmh = {"Authorization": scope.format("ssm"), "X-Amz-Target": "AmazonSSM.GetParameter",
            "Content-Type": "application/x-amz-json-1.1"}
    return {
        "raw_s3_put_1k": rate(seconds, lambda n: call("PUT", f"/bench/k{n % 100}", unique(body, n),
                                                      s3h)),
        "raw_s3_get_1k": rate(seconds, lambda n: call("GET", "/bench/k0", None, s3h)),
        "raw_ssm_get": rate(seconds, lambda n: call("POST", "/", b'{"Name": "/bench/p"}', ssmh)),
    }


def main():
    endpoint, seconds = sys.argv[1], float(sys.argv[2])
    big = "--big" in sys.argv
    s3, ssm = client(endpoint, "s3"), client(endpoint, "ssm")
    try:
        s3.create_bucket(Bucket="bench")
    except Exception:
        pass
    body = b"x" * 1024
    s3.put_object(Bucket="bench", Key="k0", Body=body)
    ssm.put_parameter(Name="/bench/p", Value="v", Type="String", Overwrite=True)
    for i in range(20):
        ssm.put_parameter(Name=f"/bench/path/p{i}", Value="v", Type="String", Overwrite=True)
    out = {
        "s3_put_1k": rate(seconds, lambda n: s3.put_object(Bucket="bench", Key=f"k{n % 100}",
                                                            Body=unique(body, n))),
        "s3_get_1k": rate(seconds, lambda n: s3.get_object(Bucket="bench", Key="k0")["Body"].read()),
        "s3_list": rate(seconds, lambda n: s3.list_objects_v2(Bucket="bench", MaxKeys=100)),
        "ssm_put": rate(seconds, lambda n: ssm.put_parameter(Name=f"/bench/w{n % 50}", Value="v",
                                                             Type="String", Overwrite=True)),
        "ssm_get": rate(seconds, lambda n: ssm.get_parameter(Name="/bench/p")),
        "ssm_by_path": rate(seconds, lambda n: ssm.get_parameters_by_path(Path="/bench/path",
                                                                         MaxResults=10)),
    }
    if big:
        data = os.urandom(64 * 1024 * 1024)
        with tempfile.NamedTemporaryFile() as f:
            f.write(data)
            f.flush()
            t = time.perf_counter()
            s3.put_object(Bucket="bench", Key="big", Body=data)
            out["s3_put_64m_MBps"] = 64 / (time.perf_counter() - t)
            t = time.perf_counter()
            got = s3.get_object(Bucket="bench", Key="big")["Body"].read()
            out["s3_get_64m_MBps"] = 64 / (time.perf_counter() - t)
            out["s3_get_64m_ok"] = len(got) == len(data)
    if "--raw" in sys.argv:
        out.update(raw_rates(endpoint, seconds))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
