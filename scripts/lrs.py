"""Runs the Ralph LRS (file-system backend) on loopback for peercall's xAPI tests.

Ralph's file-system backend writes every POST with the "create" operation, so only the first
POST to a fresh store succeeds; a real LRS appends. This launcher makes the backend append, then
serves Ralph's API in-process with uvicorn.

    RALPH_APP_DIR=... RALPH_RUNSERVER_BACKEND=fs python scripts/lrs.py --port 8100
"""

import argparse

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.data.fs import FSDataBackend

FSDataBackend.default_operation_type = BaseOperationType.APPEND

parser = argparse.ArgumentParser()
parser.add_argument("--host", default="127.0.0.1")
parser.add_argument("--port", type=int, default=8100)
args = parser.parse_args()
uvicorn.run("ralph.api:app", host=args.host, port=args.port, log_level="warning")
