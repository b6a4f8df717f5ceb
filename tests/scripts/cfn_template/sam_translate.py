#!/usr/bin/env python3
"""Translates a SAM template with the installed aws-sam-translator and prints the result as JSON.

Usage: sam_translate.py TEMPLATE [REGION]. Managed policy names resolve from a fixed table (no
IAM calls), the same names pipemu knows.
"""
import json
import os
import sys

os.environ.setdefault("AWS_DEFAULT_REGION", sys.argv[2] if len(sys.argv) > 2 else "eu-west-1")
if len(sys.argv) > 2:
    os.environ["AWS_DEFAULT_REGION"] = sys.argv[2]

from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402


class Policies:
    def load(self):
        names = ["AWSLambdaBasicExecutionRole", "AmazonS3ReadOnlyAccess", "AmazonDynamoDBFullAccess",
                 "AWSLambdaVPCAccessExecutionRole", "AmazonSQSFullAccess", "AmazonSNSFullAccess",
                 "AWSXRayDaemonWriteAccess", "AmazonS3FullAccess", "CloudWatchLogsFullAccess"]
        return {n: "arn:aws:iam::aws:policy/" + n for n in names}


with open(sys.argv[1]) as f:
    doc = yaml_parse(f.read())
print(json.dumps(transform(doc, {}, Policies()), indent=1, sort_keys=True))
