#!/usr/bin/env python3
"""The boto3 half of tools/bench-fakes: one client, sequential calls, ops/s per workload.
Usage: boto3_load.py ENDPOINT SECONDS_PER_WORKLOAD [--big]   (prints JSON)"""
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
                                                            Body=body)),
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
    print(json.dumps(out))


if __name__ == "__main__":
    main()
