"""boto3's default (legacy) retries against a throttling or failing chime.

Usage: boto3_retries.py ENDPOINT N
Creates N accounts, each of which must succeed through retries, then checks
that exactly N were stored, and prints how many retries it took.
"""
import sys

import boto3
from botocore.config import Config

endpoint, n = sys.argv[1], int(sys.argv[2])
chime = boto3.client("chime", endpoint_url=endpoint, region_name="us-east-1",
                     aws_access_key_id="test", aws_secret_access_key="test",
                     config=Config(retries={"mode": "legacy", "max_attempts": 15}))
retries = 0
for i in range(n):
    resp = chime.create_account(Name=f"retried-{i}")
    retries += resp["ResponseMetadata"]["RetryAttempts"]
stored = 0
for page in chime.get_paginator("list_accounts").paginate(Name="retried-"):
    stored += len(page["Accounts"])
    retries += page["ResponseMetadata"]["RetryAttempts"]
assert stored == n, (stored, n)
print(f"boto3: {n} creates acknowledged and stored after {retries} retries")
