#!/usr/bin/env python3
"""boto3 against `pipemu serve`: the S3 operations the CLI test does not cover, with AWS's
error codes and messages."""
import hashlib
import io
import sys
import urllib.request

from pipemu_fixture import PipemuServer, check, error_code, error_of


def raw(srv, method, path, headers=None, data=None):
    req = urllib.request.Request(srv.endpoint + path, method=method, data=data,
                                 headers=headers or {})
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def signed_for(region):
    return {"Authorization": "AWS4-HMAC-SHA256 Credential=AKID/20260101/%s/s3/aws4_request, "
                             "SignedHeaders=host, Signature=00" % region}


def main():
    with PipemuServer() as srv:
        us = srv.client("s3", "us-east-1")
        eu = srv.client("s3", "eu-west-1")

        # Buckets: naming, location constraints, ownership.
        check(error_code(us.create_bucket, Bucket="Bad_Name") == "InvalidBucketName", "name")
        check(error_code(us.create_bucket, Bucket="192.168.1.1") == "InvalidBucketName", "ip")
        us.create_bucket(Bucket="b-us")
        us.create_bucket(Bucket="b-us")  # us-east-1: idempotent
        err = error_of(eu.create_bucket, Bucket="b-eu")
        check(err["Error"]["Code"] == "IllegalLocationConstraintException", err)
        check(err["Error"]["Message"] == "The unspecified location constraint is incompatible "
              "for the region specific endpoint this request was sent to.", err)
        check(error_code(us.create_bucket, Bucket="b-x",
                         CreateBucketConfiguration={"LocationConstraint": "us-east-1"})
              == "InvalidLocationConstraint", "explicit us-east-1")
        eu.create_bucket(Bucket="b-eu", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
        check(error_code(eu.create_bucket, Bucket="b-eu",
                         CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
              == "BucketAlreadyOwnedByYou", "owned")
        check(us.get_bucket_location(Bucket="b-us")["LocationConstraint"] is None, "us loc")
        check(us.get_bucket_location(Bucket="b-eu")["LocationConstraint"] == "eu-west-1", "eu loc")
        names = [b["Name"] for b in us.list_buckets()["Buckets"]]
        check(names == ["b-eu", "b-us"], names)
        h = eu.head_bucket(Bucket="b-eu")
        check(h["ResponseMetadata"]["HTTPHeaders"]["x-amz-bucket-region"] == "eu-west-1", h)

        # Wrong region, seen raw (botocore would follow it): 301 PermanentRedirect.
        status, headers, body = raw(srv, "GET", "/b-eu/nothing", signed_for("us-east-1"))
        check(status == 301, status)
        check(headers.get("x-amz-bucket-region") == "eu-west-1", headers)
        check(b"<Code>PermanentRedirect</Code>" in body, body)
        check(b"<Endpoint>b-eu.s3.eu-west-1.amazonaws.com</Endpoint>" in body, body)
        status, headers, body = raw(srv, "HEAD", "/b-eu", signed_for("us-east-1"))
        check(status == 301 and body == b"", (status, body))

        # Objects: ETag, metadata, ranges, errors.
        data = b"0123456789" * 100
        put = eu.put_object(Bucket="b-eu", Key="dir/a.txt", Body=data, ContentType="text/plain",
                            Metadata={"owner": "pipemu"})
        check(put["ETag"] == '"%s"' % hashlib.md5(data).hexdigest(), put)
        got = eu.get_object(Bucket="b-eu", Key="dir/a.txt")
        check(got["Body"].read() == data, "body")
        check(got["ContentType"] == "text/plain", got["ContentType"])
        check(got["Metadata"] == {"owner": "pipemu"}, got["Metadata"])
        check(got["ContentLength"] == 1000, got["ContentLength"])
        part = eu.get_object(Bucket="b-eu", Key="dir/a.txt", Range="bytes=10-19")
        check(part["ResponseMetadata"]["HTTPStatusCode"] == 206, part["ResponseMetadata"])
        check(part["ContentRange"] == "bytes 10-19/1000", part["ContentRange"])
        check(part["Body"].read() == b"0123456789", "range body")
        tail = eu.get_object(Bucket="b-eu", Key="dir/a.txt", Range="bytes=-5")
        check(tail["Body"].read() == b"56789", "suffix range")
        err = error_of(eu.get_object, Bucket="b-eu", Key="dir/a.txt", Range="bytes=5000-")
        check(err["Error"]["Code"] == "InvalidRange" and
              err["ResponseMetadata"]["HTTPStatusCode"] == 416, err)
        err = error_of(eu.get_object, Bucket="b-eu", Key="missing")
        check(err["Error"] == {"Code": "NoSuchKey", "Message": "The specified key does not exist.",
                               "Key": "missing"}, err["Error"])
        err = error_of(eu.head_object, Bucket="b-eu", Key="missing")
        check(err["Error"]["Code"] == "404", err)  # HEAD errors have no body
        err = error_of(eu.get_object, Bucket="nope-bucket", Key="k")
        check(err["Error"]["Code"] == "NoSuchBucket", err)
        head = eu.head_object(Bucket="b-eu", Key="dir/a.txt")
        check(head["ContentLength"] == 1000 and head["Metadata"] == {"owner": "pipemu"}, head)
        check(error_code(eu.put_object, Bucket="b-eu", Key="k", Body=b"x",
                         ContentMD5="AAAAAAAAAAAAAAAAAAAAAA==") in ("BadDigest", "InvalidDigest"),
              "bad md5")

        # Keys that look like paths are just keys.
        eu.put_object(Bucket="b-eu", Key="../../escape", Body=b"x")
        check(eu.get_object(Bucket="b-eu", Key="../../escape")["Body"].read() == b"x", "..")

        # Copy, delete, delete-many.
        c = eu.copy_object(Bucket="b-eu", Key="copy.txt", CopySource={"Bucket": "b-eu",
                                                                      "Key": "dir/a.txt"})
        check(c["CopyObjectResult"]["ETag"] == put["ETag"], c)
        check(eu.head_object(Bucket="b-eu", Key="copy.txt")["Metadata"] == {"owner": "pipemu"},
              "copy keeps metadata")
        check(error_code(eu.copy_object, Bucket="b-eu", Key="copy.txt",
                         CopySource={"Bucket": "b-eu", "Key": "copy.txt"}) == "InvalidRequest",
              "self copy")
        eu.copy_object(Bucket="b-eu", Key="copy.txt", CopySource={"Bucket": "b-eu",
                       "Key": "copy.txt"}, MetadataDirective="REPLACE", Metadata={"v": "2"})
        check(eu.head_object(Bucket="b-eu", Key="copy.txt")["Metadata"] == {"v": "2"}, "replace")
        us.copy_object(Bucket="b-us", Key="from-eu", CopySource={"Bucket": "b-eu",
                                                                  "Key": "dir/a.txt"})
        check(us.get_object(Bucket="b-us", Key="from-eu")["Body"].read() == data, "x-region copy")
        eu.delete_object(Bucket="b-eu", Key="copy.txt")
        eu.delete_object(Bucket="b-eu", Key="never-existed")  # 204 anyway
        d = eu.delete_objects(Bucket="b-eu", Delete={"Objects": [{"Key": "../../escape"},
                                                                 {"Key": "ghost"}]})
        check(sorted(x["Key"] for x in d["Deleted"]) == ["../../escape", "ghost"], d)

        # ListObjectsV2: prefix, delimiter, pagination, start-after, url encoding.
        for k in ["p/a", "p/b", "p/c/1", "p/c/2", "p/d e+f", "q/x", "p/\u00e9"]:
            eu.put_object(Bucket="b-eu", Key=k, Body=b"")
        r = eu.list_objects_v2(Bucket="b-eu", Prefix="p/", Delimiter="/")
        check([o["Key"] for o in r["Contents"]] == ["p/a", "p/b", "p/d e+f", "p/\u00e9"], r)
        check([p["Prefix"] for p in r["CommonPrefixes"]] == ["p/c/"], r)
        check(r["KeyCount"] == 5, r)
        keys, token, pages = [], None, 0
        while True:
            kw = {"ContinuationToken": token} if token else {}
            r = eu.list_objects_v2(Bucket="b-eu", Prefix="p/", MaxKeys=2, **kw)
            keys += [o["Key"] for o in r.get("Contents", [])]
            pages += 1
            if not r["IsTruncated"]:
                break
            token = r["NextContinuationToken"]
        check(keys == ["p/a", "p/b", "p/c/1", "p/c/2", "p/d e+f", "p/\u00e9"], keys)
        check(pages == 3, pages)
        r = eu.list_objects_v2(Bucket="b-eu", StartAfter="p/c/2", Prefix="p/")
        check([o["Key"] for o in r["Contents"]] == ["p/d e+f", "p/\u00e9"], r)
        r = eu.list_objects_v2(Bucket="b-eu", Delimiter="/", MaxKeys=1)
        check([p["Prefix"] for p in r["CommonPrefixes"]] == ["dir/"] and r["IsTruncated"], r)
        r = eu.list_objects_v2(Bucket="b-eu", Delimiter="/", MaxKeys=1,
                               ContinuationToken=r["NextContinuationToken"])
        check([p["Prefix"] for p in r["CommonPrefixes"]] == ["p/"], r)
        v1 = eu.list_objects(Bucket="b-eu", Prefix="q/")
        check([o["Key"] for o in v1["Contents"]] == ["q/x"], v1)

        # Multipart: ETag md5-of-md5s-N, EntityTooSmall, InvalidPart, InvalidPartOrder, abort.
        p1, p2 = b"a" * (5 * 1024 * 1024), b"b" * 1000
        up = eu.create_multipart_upload(Bucket="b-eu", Key="mp", ContentType="app/x")["UploadId"]
        e1 = eu.upload_part(Bucket="b-eu", Key="mp", UploadId=up, PartNumber=1, Body=p1)["ETag"]
        e2 = eu.upload_part(Bucket="b-eu", Key="mp", UploadId=up, PartNumber=2, Body=p2)["ETag"]
        check(error_code(eu.complete_multipart_upload, Bucket="b-eu", Key="mp", UploadId=up,
                         MultipartUpload={"Parts": [{"PartNumber": 2, "ETag": e2},
                                                    {"PartNumber": 1, "ETag": e1}]})
              == "InvalidPartOrder", "order")
        check(error_code(eu.complete_multipart_upload, Bucket="b-eu", Key="mp", UploadId=up,
                         MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": e2}]})
              == "InvalidPart", "part etag")
        done = eu.complete_multipart_upload(Bucket="b-eu", Key="mp", UploadId=up,
                                            MultipartUpload={"Parts": [
                                                {"PartNumber": 1, "ETag": e1},
                                                {"PartNumber": 2, "ETag": e2}]})
        want = hashlib.md5(hashlib.md5(p1).digest() + hashlib.md5(p2).digest()).hexdigest()
        check(done["ETag"] == '"%s-2"' % want, done)
        obj = eu.get_object(Bucket="b-eu", Key="mp")
        check(obj["Body"].read() == p1 + p2 and obj["ContentType"] == "app/x", "mp body")
        check(error_code(eu.upload_part, Bucket="b-eu", Key="mp", UploadId=up, PartNumber=1,
                         Body=b"x") == "NoSuchUpload", "completed upload is gone")
        up = eu.create_multipart_upload(Bucket="b-eu", Key="small")["UploadId"]
        s1 = eu.upload_part(Bucket="b-eu", Key="small", UploadId=up, PartNumber=1, Body=b"x")["ETag"]
        s2 = eu.upload_part(Bucket="b-eu", Key="small", UploadId=up, PartNumber=2, Body=b"y")["ETag"]
        check(error_code(eu.complete_multipart_upload, Bucket="b-eu", Key="small", UploadId=up,
                         MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": s1},
                                                    {"PartNumber": 2, "ETag": s2}]})
              == "EntityTooSmall", "too small")
        eu.abort_multipart_upload(Bucket="b-eu", Key="small", UploadId=up)
        check(error_code(eu.abort_multipart_upload, Bucket="b-eu", Key="small", UploadId=up)
              == "NoSuchUpload", "abort twice")

        # Streaming upload through boto3's managed transfer (aws-chunked over http when enabled).
        big = io.BytesIO(b"z" * (9 * 1024 * 1024))
        eu.upload_fileobj(big, "b-eu", "managed")
        check(eu.head_object(Bucket="b-eu", Key="managed")["ContentLength"] == 9 * 1024 * 1024,
              "managed upload")

        # DeleteBucket: BucketNotEmpty, then gone.
        check(error_code(us.delete_bucket, Bucket="b-us") == "BucketNotEmpty", "not empty")
        us.delete_object(Bucket="b-us", Key="from-eu")
        us.delete_bucket(Bucket="b-us")
        check(error_code(us.head_bucket, Bucket="b-us") == "404", "deleted bucket")
    print("boto3 s3: ok")


if __name__ == "__main__":
    sys.exit(main())
