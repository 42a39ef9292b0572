"""pytest fixtures that run the tests against a chime server.

The server starts once per test session (``chime server --dev``, in memory,
on a free port) and every test starts from the server's start state: the
``reset`` before each test puts every AWS account back to the fixtures and
the example account. Set CHIME_BIN to the chime binary when it is not on
PATH, and CHIME_FIXTURES to a fixtures file to start from your own data.
"""

import json
import os
import subprocess
import threading

import boto3
import pytest
from botocore.config import Config

CHIME = os.environ.get("CHIME_BIN", "chime")
EXAMPLE_ACCOUNT = "12a3456b-7c89-012d-3456-78901e23fg45"


@pytest.fixture(scope="session")
def chime_endpoint():
    """Starts the server and yields its endpoint URL; stops it at the end."""
    args = [CHIME, "server", "--dev", "--listen", "127.0.0.1:0"]
    if os.environ.get("CHIME_FIXTURES"):
        args += ["--fixtures", os.environ["CHIME_FIXTURES"]]
    server = subprocess.Popen(args, stderr=subprocess.PIPE, text=True)
    endpoint = None
    for line in server.stderr:  # JSON log lines; the ready line names the address
        entry = json.loads(line)
        if entry.get("msg") == "chime server ready":
            endpoint = entry["address"]
            break
    if endpoint is None:
        server.kill()
        pytest.fail("chime server did not start")
    # The server logs a line per request: keep reading them, or the pipe
    # fills and the server waits on it.
    threading.Thread(target=server.stderr.read, daemon=True).start()
    yield endpoint
    server.terminate()
    server.wait(timeout=30)


def admin(endpoint, *args):
    """Runs one of chime's admin-* commands against the server, JSON out."""
    out = subprocess.run(
        [CHIME, *args, "--endpoint-url", endpoint, "--output", "json"],
        check=True, capture_output=True, text=True,
        env={**os.environ, "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_REGION": "us-east-1"},
    ).stdout
    return json.loads(out) if out.strip() else None


@pytest.fixture
def chime(chime_endpoint):
    """A boto3 Chime client of a server reset to its start state, with an
    empty journal.

    Retries are off, so that a throttled or failing call shows at once.
    """
    admin(chime_endpoint, "admin-reset-state", "--scope", "All")
    admin(chime_endpoint, "admin-delete-requests")
    return boto3.client(
        "chime",
        endpoint_url=chime_endpoint,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
        config=Config(retries={"total_max_attempts": 1}),
    )


@pytest.fixture
def journal(chime_endpoint):
    """Lists the requests the server answered: journal("CreateUser")."""
    def requests(operation=None):
        args = ["admin-list-requests"]
        if operation:
            args += ["--operation", operation]
        return admin(chime_endpoint, *args)["Requests"]
    return requests
