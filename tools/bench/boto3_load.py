#!/usr/bin/env python3
"""The boto3 half of tools/bench-fakes: one client per server, sequential calls, ops/s per
workload, the servers measured in interleaved rounds (best round each).
Usage: boto3_load.py SECONDS_PER_WORKLOAD NAME=ENDPOINT... [--big] [--raw]   (prints JSON by name)
Servers are set up in the order given (a replay ceiling after the pipemu it forwards to).
--big adds 64 MiB PUT and GET (MB/s, best of 3).
--raw adds the same small calls from a raw keep-alive http.client loop (no SDK) for every server
but "moto": the server's own rate for one sequential client, which bounds what any client gets."""
import http.client
import itertools
import json
import os
import sys
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


def stack_cycles(cfn, seconds):
    """A stack create (CreateStack + the create waiter) and a change set cycle (CreateChangeSet,
    the change set waiter, ExecuteChangeSet, DescribeStacks), repeated on one stack name that
    is deleted after each cycle (DeleteStack is not timed). Returns (creates/s, change sets/s).
    Every call is the same request each cycle, so the replay ceiling answers all but the first
    from its recording; the DescribeStacks after the update addresses the stack by the id
    CreateStack returned, so it is a different request from the create waiter's."""
    def template(timeout, extra):
        # SQS and SNS: moto 5.2.1 updates them in place (its SSM::Parameter update re-creates
        # the parameter and fails with ParameterAlreadyExists).
        res = {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": timeout}},
               "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"DisplayName": "bench"}}}
        if extra:
            res["Extra"] = {"Type": "AWS::SNS::Topic",
                            "Properties": {"DisplayName": {"Fn::GetAtt": ["Queue", "QueueName"]}}}
        return json.dumps({"Resources": res})
    t1, t2 = template(30, False), template(60, True)
    fast = {"Delay": 1, "MaxAttempts": 30}
    try:
        cfn.delete_stack(StackName="bench-stack")
    except Exception:
        pass
    create = change = 0.0
    n = 0
    while create + change < seconds or n == 0:
        t = time.perf_counter()
        sid = cfn.create_stack(StackName="bench-stack", TemplateBody=t1)["StackId"]
        cfn.get_waiter("stack_create_complete").wait(StackName="bench-stack", WaiterConfig=fast)
        t2_ = time.perf_counter()
        cfn.create_change_set(StackName="bench-stack", ChangeSetName="bench-cs", TemplateBody=t2)
        cfn.get_waiter("change_set_create_complete").wait(
            StackName="bench-stack", ChangeSetName="bench-cs", WaiterConfig=fast)
        cfn.execute_change_set(StackName="bench-stack", ChangeSetName="bench-cs")
        # One DescribeStacks in place of the update waiter: moto 5.2.1 leaves an updated stack
        # at CREATE_COMPLETE, which that waiter never accepts (both servers finish at once).
        status = cfn.describe_stacks(StackName=sid)["Stacks"][0]["StackStatus"]
        if status not in ("UPDATE_COMPLETE", "CREATE_COMPLETE"):
            raise RuntimeError(f"stack after ExecuteChangeSet: {status}")
        t3 = time.perf_counter()
        cfn.delete_stack(StackName="bench-stack")
        create += t2_ - t
        change += t3 - t2_
        n += 1
    return n / create, n / change


def unique(body, n):
    """Each PutObject body differs, so the blob store's dedupe cannot flatter the write path."""
    return body[:-16] + b"%016d" % n


def raw_rates(endpoint, seconds, which):
    """One of the raw loops (raw_s3_put_1k, raw_s3_get_1k, raw_ssm_get) for `seconds`."""
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
    salt = int(time.time() * 1e6)  # bodies unique across rounds too
    loops = {
        "raw_s3_put_1k": lambda n: call("PUT", f"/bench/k{n % 100}", unique(body, salt + n), s3h),
        "raw_s3_get_1k": lambda n: call("GET", "/bench/k0", None, s3h),
        "raw_ssm_get": lambda n: call("POST", "/", b'{"Name": "/bench/p"}', ssmh),
    }
    try:
        return rate(seconds, loops[which])
    finally:
        conn.close()


ROUNDS = 5


def interleaved(names, seconds, measure):
    """Runs measure(name, seconds / ROUNDS) for every server in turn, ROUNDS times (the order
    rotating), and keeps each server's best round: servers measured minutes apart on a shared
    machine differ by the load of the moment, rounds side by side do not."""
    best = {n: None for n in names}
    for r in range(ROUNDS):
        for name in names[r % len(names):] + names[:r % len(names)]:
            v = measure(name, seconds / ROUNDS)
            best[name] = v if best[name] is None else tuple(max(x, y) for x, y in zip(best[name], v))
    return best


def main():
    seconds = float(sys.argv[1])
    servers = dict(a.split("=", 1) for a in sys.argv[2:] if "=" in a)
    big, raw = "--big" in sys.argv, "--raw" in sys.argv
    names = list(servers)
    c = {n: {svc: client(u, svc) for svc in ("s3", "ssm", "cloudformation")}
         for n, u in servers.items()}
    body = b"x" * 1024
    for n in names:  # in the order given: the replay ceiling forwards its first calls to pipemu
        s3, ssm = c[n]["s3"], c[n]["ssm"]
        try:
            s3.create_bucket(Bucket="bench")
        except Exception:
            pass
        s3.put_object(Bucket="bench", Key="k0", Body=body)
        ssm.put_parameter(Name="/bench/p", Value="v", Type="String", Overwrite=True)
        for i in range(20):
            ssm.put_parameter(Name=f"/bench/path/p{i}", Value="v", Type="String", Overwrite=True)
    counter = {n: itertools.count() for n in names}  # every PutObject body unique per server
    workloads = {
        "s3_put_1k": lambda n, k: c[n]["s3"].put_object(
            Bucket="bench", Key=f"k{k % 100}", Body=unique(body, next(counter[n]))),
        "s3_get_1k": lambda n, k: c[n]["s3"].get_object(Bucket="bench", Key="k0")["Body"].read(),
        "s3_list": lambda n, k: c[n]["s3"].list_objects_v2(Bucket="bench", MaxKeys=100),
        "ssm_put": lambda n, k: c[n]["ssm"].put_parameter(Name=f"/bench/w{k % 50}", Value="v",
                                                          Type="String", Overwrite=True),
        "ssm_get": lambda n, k: c[n]["ssm"].get_parameter(Name="/bench/p"),
        "ssm_by_path": lambda n, k: c[n]["ssm"].get_parameters_by_path(Path="/bench/path",
                                                                        MaxResults=10),
    }
    out = {n: {} for n in names}
    for w, fn in workloads.items():
        for n, (v,) in interleaved(names, seconds, lambda n, s: (rate(s, lambda k: fn(n, k)),)).items():
            out[n][w] = v
    # At least 10 s: a cycle takes 3-8 ms, and 0.6 s rounds left the ratio to the noise (±0.05).
    for n, (cr, ch) in interleaved(names, max(seconds, 10.0),
                                   lambda n, s: stack_cycles(c[n]["cloudformation"], s)).items():
        out[n]["cfn_create_stack"], out[n]["cfn_change_set"] = cr, ch
    if raw:
        rs = [n for n in names if n != "moto"]
        for w in ("raw_s3_put_1k", "raw_s3_get_1k", "raw_ssm_get"):
            for n, (v,) in interleaved(rs, seconds, lambda n, s: (raw_rates(servers[n], s, w),)).items():
                out[n][w] = v
    if big:
        data = os.urandom(64 * 1024 * 1024)
        for n in names:
            s3 = c[n]["s3"]
            # Best of 3, the same key each time: the replay ceiling forwards only the first.
            put = get = 0.0
            for _ in range(3):
                t = time.perf_counter()
                s3.put_object(Bucket="bench", Key="big", Body=data)
                put = max(put, 64 / (time.perf_counter() - t))
            for _ in range(3):
                t = time.perf_counter()
                got = s3.get_object(Bucket="bench", Key="big")["Body"].read()
                get = max(get, 64 / (time.perf_counter() - t))
                out[n]["s3_get_64m_ok"] = len(got) == len(data)
            out[n]["s3_put_64m_MBps"], out[n]["s3_get_64m_MBps"] = put, get
    print(json.dumps(out))


if __name__ == "__main__":
    main()
