"""Proves the Cost Explorer fake (tests/cli/fake_aws.rs) speaks the real protocol: the official
AWS SDK for Python signs requests with SigV4, and the fake verifies every signature, answers
GetDimensionValues and GetCostAndUsage, pages with NextPageToken, and throttles the way Cost
Explorer does. Run once by hand (not in CI: it needs pip):

    pip install boto3
    python3 tests/sdk/boto3_cost_explorer.py
"""
import sys
import fake_server  # tests/sdk/fake_server.py, beside this script
from decimal import Decimal

import boto3
from botocore.config import Config

server, url = fake_server.start("aws::serve_for_boto3", 40)

def client(key, secret):
    return boto3.client("ce", region_name="us-east-1", endpoint_url=url, aws_access_key_id=key,
                        aws_secret_access_key=secret, config=Config(retries={"max_attempts": 1}))

ce = client("AKIAFAKE0000EXAMPLE1", "fakeSecretKey/0123456789abcdefghijklmnopq")
period = {"Start": "2026-11-01", "End": "2026-11-23"}
services = [v["Value"] for v in ce.get_dimension_values(
    TimePeriod=period, Dimension="SERVICE", SearchString="Bedrock", Context="COST_AND_USAGE")["DimensionValues"]]
print("services:", services)
total, pages = Decimal(0), 0
for service in services:
    token = None
    while True:
        kwargs = dict(TimePeriod=period, Granularity="DAILY", Metrics=["UnblendedCost"],
                      GroupBy=[{"Type": "DIMENSION", "Key": "LINKED_ACCOUNT"}, {"Type": "DIMENSION", "Key": "USAGE_TYPE"}],
                      Filter={"And": [{"Dimensions": {"Key": "SERVICE", "Values": [service], "MatchOptions": ["EQUALS"]}},
                                      {"Dimensions": {"Key": "RECORD_TYPE", "Values": ["Usage"], "MatchOptions": ["EQUALS"]}}]})
        if token:
            kwargs["NextPageToken"] = token
        answer = ce.get_cost_and_usage(**kwargs)
        pages += 1
        for day in answer["ResultsByTime"]:
            for group in day["Groups"]:
                total += Decimal(group["Metrics"]["UnblendedCost"]["Amount"])
        token = answer.get("NextPageToken")
        if not token:
            break
print(f"Bedrock usage 2026-11-01..22 through boto3: ${total} in {pages} pages")

# A wrong secret: the fake rejects the signature the way AWS does.
try:
    client("AKIAFAKE0000EXAMPLE1", "wrong").get_dimension_values(TimePeriod=period, Dimension="SERVICE")
    sys.exit("the fake accepted a bad signature")
except ce.exceptions.ClientError as e:
    print("wrong secret:", e.response["Error"]["Code"])
server.terminate()
