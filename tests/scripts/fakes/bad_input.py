#!/usr/bin/env python3
"""Bad input over raw HTTP: AWS-style errors, never a crash, never a file outside the state dir.
Then a server killed mid-upload (SIGKILL) leaves every database consistent and serving."""
import os
import socket
import sqlite3
import sys
import time

from pipemu_fixture import PipemuServer, check


def send(port, raw_request, read=True):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(raw_request)
    data = b""
    if read:
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
                if b"\r\n\r\n" in data:
                    head, _, body = data.partition(b"\r\n\r\n")
                    length = 0
                    for line in head.split(b"\r\n"):
                        if line.lower().startswith(b"content-length:"):
                            length = int(line.split(b":")[1])
                    if len(body) >= length:
                        break
        except socket.timeout:
            pass
    s.close()
    return data


def status_of(resp):
    return int(resp.split(b" ", 2)[1]) if resp.startswith(b"HTTP/1.1") else None


def files_under(root):
    return {os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs}


def main():
    outside = os.path.realpath(os.path.join(os.getcwd(), "escape"))
    with PipemuServer() as srv:
        s3 = srv.client("s3", "us-east-1")
        s3.create_bucket(Bucket="bad-input")
        before_root = set(os.listdir(srv.root))
        cases = [
            # S3 XML bodies that are not XML.
            b"POST /bad-input?delete HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\n\r\n<Delete><",
            b"PUT /bad-input-2 HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n<<<<<",
            b"POST /bad-input/k?uploadId=zz HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc",
            # Keys with .. and NUL.
            b"PUT /bad-input/a%00b HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nx",
            b"GET /bad-input/" + b"k" * 2000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
            # aws-chunked framing that lies.
            b"PUT /bad-input/chunky HTTP/1.1\r\nHost: x\r\nContent-Encoding: aws-chunked\r\n"
            b"Content-Length: 12\r\n\r\nzz\r\nabcdefgh",
            # Unknown JSON target, unknown query action, oversized header.
            b"POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: Nope_2020.DoIt\r\nContent-Length: 2\r\n\r\n{}",
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: 17\r\n\r\nAction=LaunchAll&",
            b"GET /bad-input HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n",
            b"GARBAGE\r\n\r\n",
            b"GET /bad-input HTTP/1.1\r\nHost: x\r\nAuthorization: AWS4-HMAC-SHA256 "
            b"Credential=A/20200101/../s3/aws4_request\r\n\r\n",
        ]
        for raw_request in cases:
            resp = send(srv.port, raw_request)
            st = status_of(resp)
            check(st is not None and 400 <= st < 600, (raw_request[:80], resp[:300]))
            check(srv.proc.poll() is None, "server died on %r" % raw_request[:80])
            if st not in (400, 413, 414, 431) or b"<Error>" in resp or b"__type" in resp:
                check(b"<Code>" in resp or b"__type" in resp, resp[:400])
        resp = send(srv.port, cases[6])
        check(b"UnknownOperationException" in resp and b"Nope_2020.DoIt" in resp, resp)
        resp = send(srv.port, cases[7])
        check(b"InvalidAction" in resp and b"LaunchAll" in resp, resp)
        resp = send(srv.port, b"PUT /bad-input/..%2F..%2F..%2Fescape HTTP/1.1\r\nHost: x\r\n"
                              b"Content-Length: 1\r\n\r\nx")
        check(status_of(resp) == 200, resp)  # "../../../escape" is a legal key...
        check(not os.path.exists(outside), "a file was written outside the state dir")
        check(set(os.listdir(srv.root)) == before_root, "files appeared beside the state dir")
        check(s3.get_object(Bucket="bad-input", Key="../../../escape")["Body"].read() == b"x",
              "...stored as a key, not a path")
        resp = send(srv.port, cases[3])
        check(status_of(resp) == 400 and b"InvalidArgument" in resp, resp)
        s3.put_object(Bucket="bad-input", Key="still", Body=b"alive")

        # Kill mid-upload: headers and half of a 64 MiB body, then SIGKILL.
        size = 64 * 1024 * 1024
        s = socket.create_connection(("127.0.0.1", srv.port))
        s.sendall(b"PUT /bad-input/half HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % size)
        s.sendall(b"h" * (size // 2))
        time.sleep(0.3)
        srv.kill()
        s.close()
        for db in files_under(srv.state):
            if db.endswith(".db"):
                con = sqlite3.connect(db)
                check(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", db)
                con.close()
        srv.start()
        s3 = srv.client("s3", "us-east-1")
        check(s3.get_object(Bucket="bad-input", Key="still")["Body"].read() == b"alive",
              "committed object survives")
        check(s3.list_objects_v2(Bucket="bad-input", Prefix="half").get("KeyCount") == 0,
              "half upload is not an object")
        check(not os.listdir(os.path.join(srv.state, "blobs", "tmp")), "temp files cleaned")
    print("bad input + kill: ok")


if __name__ == "__main__":
    sys.exit(main())
