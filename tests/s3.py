"""A real S3-compatible server for the storage tests: moto in server mode, started on a free
port and stopped again by its process id (no mock of boto)."""

import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import boto3

CREDENTIALS = {"aws_access_key_id": "citynet-test", "aws_secret_access_key": "citynet-test"}
REGION = "us-east-1"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class MotoServer:
    def __init__(self):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self):
        moto = Path(sys.executable).with_name("moto_server")
        self.process = subprocess.Popen(
            [str(moto), "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.endpoint + "/moto-api/", timeout=1)
                return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError("moto_server exited at start") from None
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("moto_server did not answer within 30 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def client(self):
        return boto3.client("s3", endpoint_url=self.endpoint, region_name=REGION, **CREDENTIALS)

    def new_bucket(self, prefix="citynet"):
        name = f"{prefix}-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name)
        return name

    def environment(self, bucket, private_bucket=""):
        """The AWS_* variables an operator would set for this server."""
        return {
            "AWS_STORAGE_BUCKET_NAME": bucket,
            "AWS_PRIVATE_BUCKET_NAME": private_bucket,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_ACCESS_KEY_ID": CREDENTIALS["aws_access_key_id"],
            "AWS_SECRET_ACCESS_KEY": CREDENTIALS["aws_secret_access_key"],
        }
