#!/usr/bin/env python3
"""boto3 against `pipemu serve`: SSM Parameter Store over JSON 1.1, with AWS's error codes."""
import json
import sys
import urllib.request

from pipemu_fixture import PipemuServer, check, error_code, error_of


def main():
    with PipemuServer() as srv:
        ssm = srv.client("ssm", "eu-west-1")
        r = ssm.put_parameter(Name="/app/db/host", Value="db1", Type="String",
                              Description="the db")
        check(r["Version"] == 1 and r["Tier"] == "Standard", r)
        err = error_of(ssm.put_parameter, Name="/app/db/host", Value="db2", Type="String")
        check(err["Error"]["Code"] == "ParameterAlreadyExists", err)
        check(ssm.put_parameter(Name="/app/db/host", Value="db2", Overwrite=True)["Version"] == 2,
              "overwrite")
        p = ssm.get_parameter(Name="/app/db/host")["Parameter"]
        check(p["Value"] == "db2" and p["Version"] == 2 and p["Type"] == "String", p)
        check(p["ARN"] == "arn:aws:ssm:eu-west-1:123456789012:parameter/app/db/host", p)
        check(set(p) == {"Name", "Type", "Value", "Version", "LastModifiedDate", "ARN",
                         "DataType"}, sorted(p))
        p = ssm.get_parameter(Name="/app/db/host:1")["Parameter"]
        check(p["Value"] == "db1" and p["Selector"] == ":1", p)
        check(error_code(ssm.get_parameter, Name="/app/db/host:9") == "ParameterVersionNotFound",
              "version")
        err = error_of(ssm.get_parameter, Name="/nope")
        check(err["Error"] == {"Code": "ParameterNotFound", "Message": "Parameter /nope not found."},
              err)

        ssm.put_parameter(Name="/app/list", Value="a,b,c", Type="StringList")
        ssm.put_parameter(Name="/app/secret", Value="pw", Type="SecureString")
        check(ssm.get_parameter(Name="/app/secret", WithDecryption=True)["Parameter"]["Value"]
              == "pw", "decrypt")
        check(ssm.get_parameter(Name="/app/secret")["Parameter"]["Value"] != "pw", "encrypted")
        check(error_code(ssm.put_parameter, Name="/app/secret", Value="x", Type="String",
                         Overwrite=True) == "HierarchyTypeMismatchException", "type change")

        g = ssm.get_parameters(Names=["/app/list", "/nope", "/app/db/host"])
        check([x["Name"] for x in g["Parameters"]] == ["/app/db/host", "/app/list"], g)
        check(g["InvalidParameters"] == ["/nope"], g)
        check(error_code(ssm.get_parameters, Names=["/x%d" % i for i in range(11)])
              == "ValidationException", "11 names")

        # By path: direct children vs recursive, pagination with NextToken.
        for i in range(12):
            ssm.put_parameter(Name="/many/p%02d" % i, Value=str(i), Type="String")
        ssm.put_parameter(Name="/many/sub/deep", Value="d", Type="String")
        names, token = [], None
        while True:
            kw = {"NextToken": token} if token else {}
            page = ssm.get_parameters_by_path(Path="/many", MaxResults=5, **kw)
            names += [x["Name"] for x in page["Parameters"]]
            token = page.get("NextToken")
            if not token:
                break
        check(names == ["/many/p%02d" % i for i in range(12)], names)
        rec = ssm.get_paginator("get_parameters_by_path").paginate(Path="/many", Recursive=True)
        all_names = [x["Name"] for page in rec for x in page["Parameters"]]
        check(len(all_names) == 13 and "/many/sub/deep" in all_names, all_names)
        typed = ssm.get_parameters_by_path(Path="/app", ParameterFilters=[
            {"Key": "Type", "Option": "Equals", "Values": ["StringList"]}])
        check([x["Name"] for x in typed["Parameters"]] == ["/app/list"], typed)
        check(error_code(ssm.get_parameters_by_path, Path="/many", MaxResults=11)
              == "ValidationException", "max results")

        d = ssm.describe_parameters(ParameterFilters=[{"Key": "Name", "Option": "BeginsWith",
                                                       "Values": ["/app/"]}])
        meta = {x["Name"]: x for x in d["Parameters"]}
        check(sorted(meta) == ["/app/db/host", "/app/list", "/app/secret"], sorted(meta))
        check(meta["/app/db/host"]["Description"] == "the db" and "Value" not in meta["/app/db/host"],
              meta["/app/db/host"])
        check(meta["/app/secret"]["KeyId"] == "alias/aws/ssm", meta["/app/secret"])

        h = ssm.get_parameter_history(Name="/app/db/host")["Parameters"]
        check([x["Value"] for x in h] == ["db1", "db2"], h)
        lab = ssm.label_parameter_version(Name="/app/db/host", ParameterVersion=1,
                                          Labels=["prod", "9bad"])
        check(lab["InvalidLabels"] == ["9bad"] and lab["ParameterVersion"] == 1, lab)
        check(ssm.get_parameter(Name="/app/db/host:prod")["Parameter"]["Value"] == "db1", "label")

        check(error_code(ssm.put_parameter, Name="bad name", Value="v", Type="String")
              == "ValidationException", "space")
        check(error_code(ssm.put_parameter, Name="/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p", Value="v",
                         Type="String") == "HierarchyLevelLimitExceededException", "depth")
        check(error_code(ssm.put_parameter, Name="/x", Value="v", Type="Number")
              == "ValidationException", "type enum")

        ssm.delete_parameter(Name="/app/list")
        check(error_code(ssm.delete_parameter, Name="/app/list") == "ParameterNotFound", "del")
        dd = ssm.delete_parameters(Names=["/app/secret", "/ghost"])
        check(dd["DeletedParameters"] == ["/app/secret"] and dd["InvalidParameters"] == ["/ghost"],
              dd)

        # Regions are separate stores.
        other = srv.client("ssm", "us-west-2")
        check(error_code(other.get_parameter, Name="/app/db/host") == "ParameterNotFound", "region")

        # Wire-level bad input: malformed JSON, unknown operation.
        def post(target, body):
            req = urllib.request.Request(srv.endpoint + "/", data=body, method="POST", headers={
                "X-Amz-Target": target, "Content-Type": "application/x-amz-json-1.1"})
            try:
                with urllib.request.urlopen(req) as resp:
                    return resp.status, json.loads(resp.read())
            except urllib.error.HTTPError as e:
                return e.code, json.loads(e.read())
        status, body = post("AmazonSSM.GetParameter", b"{not json")
        check(status == 400 and body["__type"] == "SerializationException", body)
        status, body = post("AmazonSSM.SendCommand", b"{}")
        check(status == 400 and body["__type"] == "UnknownOperationException" and
              "SendCommand" in body["message"], body)
        status, body = post("AmazonSSM.GetParameter", b"{}")
        check(status == 400 and body["__type"] == "ValidationException", body)
        status, body = post("AmazonSSM.GetParameter", b'{"Name": 5}')
        check(status == 400 and body["__type"] == "SerializationException", body)
    print("boto3 ssm: ok")


if __name__ == "__main__":
    sys.exit(main())
