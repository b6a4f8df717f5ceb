"""Starts `pipemu serve` on a free port with a private state dir, for the fakes script tests.

Usage:
    with PipemuServer() as srv:
        s3 = srv.client("s3", region="eu-west-1")
Environment for the aws CLI: srv.env() (AWS_ENDPOINT_URL and dummy credentials).
"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import boto3
from botocore.config import Config

PIPEMU = os.environ.get("PIPEMU_BINARY", "pipemu")


class PipemuServer:
    def __init__(self, state_dir=None, extra_args=()):
        self.own_dir = state_dir is None
        self.root = tempfile.mkdtemp(prefix="pipemu-fakes-")
        self.state = state_dir or os.path.join(self.root, "state")
        self.extra_args = list(extra_args)
        self.proc = None
        self.port = None

    def start(self):
        port_file = os.path.join(self.root, "port")
        if os.path.exists(port_file):
            os.unlink(port_file)
        self.log = open(os.path.join(self.root, "serve.log"), "ab")
        self.proc = subprocess.Popen(
            [PIPEMU, "serve", "--port", "0", "--port-file", port_file, "--state", self.state]
            + self.extra_args,
            stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(200):
            if os.path.exists(port_file):
                self.port = int(open(port_file).read())
                return self
            if self.proc.poll() is not None:
                raise RuntimeError("pipemu serve exited: " + self.read_log())
            time.sleep(0.05)
        raise RuntimeError("pipemu serve did not start: " + self.read_log())

    def read_log(self):
        try:
            return open(os.path.join(self.root, "serve.log")).read()
        except OSError:
            return ""

    def kill(self, sig=signal.SIGKILL):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError("pipemu serve did not stop on SIGTERM within 15 s")

    def stop(self):
        self.kill(signal.SIGTERM)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        if exc[0] is not None:
            sys.stderr.write(self.read_log()[-4000:])
        shutil.rmtree(self.root, ignore_errors=True)

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}"

    def env(self, region="us-east-1"):
        e = dict(os.environ)
        e.update(AWS_ENDPOINT_URL=self.endpoint, AWS_ACCESS_KEY_ID="AKIDPIPEMU",
                 AWS_SECRET_ACCESS_KEY="secret", AWS_DEFAULT_REGION=region,
                 AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null",
                 AWS_PAGER="")
        return e

    def client(self, service, region="us-east-1", **config):
        return client_for(self.endpoint, service, region, **config)


def client_for(endpoint, service, region="us-east-1", **config):
    return boto3.client(service, endpoint_url=endpoint, region_name=region,
                        aws_access_key_id="AKIDPIPEMU", aws_secret_access_key="secret",
                        config=Config(retries={"max_attempts": 1}, **config))


def error_code(fn, *args, **kwargs):
    """The AWS error code a call fails with (AssertionError if it succeeds)."""
    try:
        fn(*args, **kwargs)
    except fn.__self__.exceptions.ClientError as e:
        return e.response["Error"]["Code"]
    raise AssertionError(f"{fn.__name__} succeeded, expected an error")


def error_of(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except fn.__self__.exceptions.ClientError as e:
        return e.response
    raise AssertionError(f"{fn.__name__} succeeded, expected an error")


def check(cond, message):
    if not cond:
        raise AssertionError(message)
