#!/usr/bin/env python3
"""Body integrity through the real clients: flexible checksums (boto3 computes CRC32/SHA1/SHA256,
a hand-computed CRC32C, wrong and malformed values), Content-MD5 on PutObject and UploadPart,
multipart COMPOSITE checksums, UploadPartCopy with ranges (boto3 and the aws CLI), and blob
garbage collection seen in the state directory."""
import base64
import hashlib
import json
import os
import subprocess
import time
import zlib

from pipemu_fixture import PipemuServer, check, error_of


def crc32c(data):
    """CRC32C written out here, independent of pipemu's (RFC 3720 polynomial, reflected)."""
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
    return (crc ^ 0xFFFFFFFF).to_bytes(4, "big")


def b64(raw):
    return base64.b64encode(raw).decode()


def blob_files(state):
    root = os.path.join(state, "blobs")
    return sum(len(files) for d, _, files in os.walk(root) if os.path.basename(d) != "tmp")


def main():
    with PipemuServer() as srv:
        s3 = srv.client("s3")
        s3.create_bucket(Bucket="sums")
        body = b"integrity " * 1000

        # boto3 computes the value; pipemu verifies, stores and returns it.
        expected = {"CRC32": b64(zlib.crc32(body).to_bytes(4, "big")),
                    "SHA1": b64(hashlib.sha1(body).digest()),
                    "SHA256": b64(hashlib.sha256(body).digest())}
        for alg, value in expected.items():
            put = s3.put_object(Bucket="sums", Key=alg, Body=body, ChecksumAlgorithm=alg)
            check(put.get("Checksum" + alg) == value, f"PutObject {alg}: {put.get('Checksum' + alg)}")
            got = s3.get_object(Bucket="sums", Key=alg, ChecksumMode="ENABLED")
            check(got["Body"].read() == body, "body")  # botocore validates it against the checksum
            check(got.get("Checksum" + alg) == value, f"GetObject {alg}")
            check(got.get("ChecksumType") == "FULL_OBJECT", f"ChecksumType {got.get('ChecksumType')}")
            head = s3.head_object(Bucket="sums", Key=alg, ChecksumMode="ENABLED")
            check(head.get("Checksum" + alg) == value, f"HeadObject {alg}")
        put = s3.put_object(Bucket="sums", Key="CRC32C", Body=body, ChecksumCRC32C=b64(crc32c(body)))
        check(put.get("ChecksumCRC32C") == b64(crc32c(body)), f"CRC32C {put.get('ChecksumCRC32C')}")

        wrong = error_of(s3.put_object, Bucket="sums", Key="bad", Body=body,
                         ChecksumSHA256=b64(hashlib.sha256(b"other").digest()))
        check(wrong["Error"]["Code"] == "BadDigest", wrong["Error"])
        check(wrong["Error"]["Message"] ==
              "The SHA256 you specified did not match the calculated checksum.", wrong["Error"])
        bad_md5 = error_of(s3.put_object, Bucket="sums", Key="bad", Body=body,
                           ContentMD5=b64(hashlib.md5(b"other").digest()))
        check(bad_md5["Error"]["Code"] == "BadDigest", bad_md5["Error"])
        invalid_md5 = error_of(s3.put_object, Bucket="sums", Key="bad", Body=body, ContentMD5="abc")
        check(invalid_md5["Error"]["Code"] == "InvalidDigest", invalid_md5["Error"])
        check("bad" not in [o["Key"] for o in s3.list_objects_v2(Bucket="sums").get("Contents", [])],
              "a refused body was stored")

        # Multipart with SHA256: per-part values, a COMPOSITE object checksum, part Content-MD5.
        part = os.urandom(5 * 1024 * 1024)
        up = s3.create_multipart_upload(Bucket="sums", Key="mp", ChecksumAlgorithm="SHA256")
        check(up.get("ChecksumAlgorithm") == "SHA256", up)
        uid = up["UploadId"]
        bad_part = error_of(s3.upload_part, Bucket="sums", Key="mp", UploadId=uid, PartNumber=1,
                            Body=part, ContentMD5=b64(hashlib.md5(b"x").digest()))
        check(bad_part["Error"]["Code"] == "BadDigest", bad_part["Error"])
        p1 = s3.upload_part(Bucket="sums", Key="mp", UploadId=uid, PartNumber=1, Body=part,
                            ChecksumAlgorithm="SHA256")
        check(p1["ChecksumSHA256"] == b64(hashlib.sha256(part).digest()), p1)
        # UploadPartCopy: part 2 is bytes 100-199 of the CRC32 object.
        p2 = s3.upload_part_copy(Bucket="sums", Key="mp", UploadId=uid, PartNumber=2,
                                 CopySource={"Bucket": "sums", "Key": "CRC32"},
                                 CopySourceRange="bytes=100-199")
        check(p2["CopyPartResult"]["ETag"] == '"%s"' % hashlib.md5(body[100:200]).hexdigest(), p2)
        done = s3.complete_multipart_upload(
            Bucket="sums", Key="mp", UploadId=uid, MultipartUpload={"Parts": [
                {"PartNumber": 1, "ETag": p1["ETag"], "ChecksumSHA256": p1["ChecksumSHA256"]},
                {"PartNumber": 2, "ETag": p2["CopyPartResult"]["ETag"],
                 "ChecksumSHA256": p2["CopyPartResult"]["ChecksumSHA256"]}]})
        composite = b64(hashlib.sha256(hashlib.sha256(part).digest() +
                                       hashlib.sha256(body[100:200]).digest()).digest()) + "-2"
        check(done.get("ChecksumSHA256") == composite, f"composite {done.get('ChecksumSHA256')}")
        got = s3.get_object(Bucket="sums", Key="mp", ChecksumMode="ENABLED")
        check(got["Body"].read() == part + body[100:200], "multipart body")
        check(got.get("ChecksumType") == "COMPOSITE", got.get("ChecksumType"))
        rng = error_of(s3.upload_part_copy, Bucket="sums", Key="mp", UploadId="nope",
                       PartNumber=1, CopySource={"Bucket": "sums", "Key": "CRC32"})
        check(rng["Error"]["Code"] == "NoSuchUpload", rng["Error"])

        # The aws CLI: put-object with --checksum-algorithm, upload-part-copy with a range.
        env = srv.env()
        def aws(*args):
            out = subprocess.run(["aws", *args], env=env, capture_output=True, text=True)
            check(out.returncode == 0, f"aws {' '.join(args)}: {out.stderr}")
            return json.loads(out.stdout) if out.stdout.strip() else {}
        src = os.path.join(srv.root, "src.bin")
        open(src, "wb").write(body)
        r = aws("s3api", "put-object", "--bucket", "sums", "--key", "cli", "--body", src,
                "--checksum-algorithm", "CRC32")
        check(r.get("ChecksumCRC32") == expected["CRC32"], f"cli put-object {r}")
        uid = aws("s3api", "create-multipart-upload", "--bucket", "sums", "--key", "cli-mp")["UploadId"]
        r = aws("s3api", "upload-part-copy", "--bucket", "sums", "--key", "cli-mp", "--upload-id", uid,
                "--part-number", "1", "--copy-source", "sums/cli", "--copy-source-range", "bytes=0-9")
        etag = r["CopyPartResult"]["ETag"]
        aws("s3api", "complete-multipart-upload", "--bucket", "sums", "--key", "cli-mp",
            "--upload-id", uid, "--multipart-upload",
            json.dumps({"Parts": [{"PartNumber": 1, "ETag": etag}]}))
        check(s3.get_object(Bucket="sums", Key="cli-mp")["Body"].read() == body[:10], "cli copy")

        # Garbage collection: overwritten and deleted bodies leave the blob store (after the
        # collector's delay, on a later write). Bodies of 16 KiB or less are stored in their row
        # (no file at all); these are larger. First let earlier garbage (the parts above) go.
        time.sleep(1.2)
        s3.put_object(Bucket="sums", Key="flush", Body=b"f")
        before = blob_files(srv.state)
        for i in range(5):
            s3.put_object(Bucket="sums", Key="churn", Body=os.urandom(20000))
        s3.delete_object(Bucket="sums", Key="churn")
        time.sleep(1.2)
        s3.put_object(Bucket="sums", Key="trigger", Body=os.urandom(20000))
        after = blob_files(srv.state)
        check(after == before + 1, f"blobs before {before}, after churn {after} (expected +1)")
        small = os.urandom(16 * 1024)
        s3.put_object(Bucket="sums", Key="small", Body=small)
        check(blob_files(srv.state) == after, "a 16 KiB body made a blob file")
        check(s3.get_object(Bucket="sums", Key="small", Range="bytes=10-19")["Body"].read()
              == small[10:20], "inline range")
        check(s3.head_object(Bucket="sums", Key="small")["ContentLength"] == len(small),
              "inline HEAD length")
    print("ok")


if __name__ == "__main__":
    main()
