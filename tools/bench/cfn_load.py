"""CloudFormation benchmark body for tools/bench-cfn: a 500-resource stack created from a
TemplateURL, then an UPDATE change set touching a tenth of the resources (create, describe,
execute), then deletion. Prints one line per step with wall time. Not a test."""
import json
import sys
import time

import boto3
from botocore.config import Config

endpoint, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 500
region = "eu-west-1"
kw = dict(endpoint_url=endpoint, region_name=region, aws_access_key_id="x",
          aws_secret_access_key="y", config=Config(retries={"max_attempts": 1}))
cfn, s3 = boto3.client("cloudformation", **kw), boto3.client("s3", **kw)


def template(version):
    resources = {}
    for i in range(count):
        kind = i % 4
        touched = version if i % 10 == 0 else 1
        if kind == 0:
            resources[f"Topic{i}"] = {"Type": "AWS::SNS::Topic",
                                      "Properties": {"DisplayName": f"t{i}-v{touched}"}}
        elif kind == 1:
            resources[f"Queue{i}"] = {"Type": "AWS::SQS::Queue",
                                      "Properties": {"VisibilityTimeout": 30 + touched}}
        elif kind == 2:
            resources[f"Param{i}"] = {"Type": "AWS::SSM::Parameter", "Properties": {
                "Type": "String", "Value": {"Fn::Sub": f"${{Queue{i - 1}}}-v{touched}"}}}
        else:
            resources[f"Zone{i}"] = {"Type": "AWS::Route53::RecordSet", "Properties": {
                "HostedZoneName": "example.com.", "Name": f"r{i}.example.com.", "Type": "CNAME",
                "TTL": "60", "ResourceRecords": [{"Fn::GetAtt": [f"Queue{i - 2}", "QueueName"]}]}}
    return json.dumps({"Resources": resources,
                       "Outputs": {"First": {"Value": {"Ref": "Topic0"},
                                             "Export": {"Name": "bench-first"}}}})


def timed(label, fn):
    t = time.perf_counter()
    out = fn()
    print(f"{label:<42} {1000 * (time.perf_counter() - t):9.1f} ms", flush=True)
    return out


s3.create_bucket(Bucket="bench-templates",
                 CreateBucketConfiguration={"LocationConstraint": region})
for v in (1, 2):
    s3.put_object(Bucket="bench-templates", Key=f"v{v}.json", Body=template(v).encode())
url = f"{endpoint}/bench-templates/v%d.json"

timed(f"CreateStack ({count} resources)",
      lambda: cfn.create_stack(StackName="bench", TemplateURL=url % 1))
status = cfn.describe_stacks(StackName="bench")["Stacks"][0]["StackStatus"]
assert status == "CREATE_COMPLETE", status
timed("CreateChangeSet (UPDATE, 1/10 modified)",
      lambda: cfn.create_change_set(StackName="bench", ChangeSetName="cs", TemplateURL=url % 2))
changes = timed("DescribeChangeSet", lambda: cfn.describe_change_set(
    StackName="bench", ChangeSetName="cs"))["Changes"]
print(f"{'  changes reported':<42} {len(changes):9d}")
timed("ExecuteChangeSet", lambda: cfn.execute_change_set(StackName="bench", ChangeSetName="cs"))
status = cfn.describe_stacks(StackName="bench")["Stacks"][0]["StackStatus"]
assert status == "UPDATE_COMPLETE", status
timed("DescribeStackEvents (all pages)", lambda: sum(
    len(p["StackEvents"]) for p in cfn.get_paginator("describe_stack_events").paginate(
        StackName="bench")))
timed("DeleteStack", lambda: cfn.delete_stack(StackName="bench"))
