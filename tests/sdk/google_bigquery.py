"""Proves the Google fakes (tests/cli/fake_gcp.rs) speak the real protocol: google-auth's
service_account.Credentials signs its JWT (RS256) with the test key and exchanges it at the
fake token endpoint, which verifies the signature; google-cloud-bigquery's query_and_wait runs
jobs.query with named DATE and ARRAY parameters, polls getQueryResults (with the job's
location) while the job runs, and pages. Run once by hand:

    pip install google-auth google-cloud-bigquery
    python3 tests/sdk/google_bigquery.py
"""
import json, os, sys
import fake_server  # tests/sdk/fake_server.py, beside this script
from datetime import date
from decimal import Decimal

from google.api_core.client_options import ClientOptions
from google.cloud import bigquery
from google.oauth2 import service_account

TABLE = "acme-billing.billing_export.gcp_billing_export_v1_01A2B3_C4D5E6_F7A8B9"
here = os.path.dirname(os.path.abspath(__file__))

server, url = fake_server.start("gcp::serve_for_google_sdk", 60)

info = json.load(open(os.path.join(here, "..", "fixtures", "gcp", "service-account.json")))
info["token_uri"] = url + "/token"
creds = service_account.Credentials.from_service_account_info(
    info, scopes=["https://www.googleapis.com/auth/bigquery.readonly"])
client = bigquery.Client(project="acme-billing", credentials=creds, client_options=ClientOptions(api_endpoint=url))

sql = f"""SELECT FORMAT_DATE('%F', DATE(usage_start_time)) AS day, project.id AS project_id,
  ANY_VALUE(project.name) AS project_name, service.description AS service, sku.description AS sku, currency,
  SUM(CAST(cost AS NUMERIC)) AS cost,
  SUM(IFNULL((SELECT SUM(CAST(c.amount AS NUMERIC)) FROM UNNEST(credits) c), 0)) AS credits
FROM `{TABLE}`
WHERE DATE(_PARTITIONTIME) >= DATE_SUB(@start, INTERVAL 1 DAY) AND usage_start_time >= TIMESTAMP(@start)
  AND usage_start_time < TIMESTAMP(@end) AND service.description IN UNNEST(@services)
GROUP BY day, project_id, service, sku, currency"""
config = bigquery.QueryJobConfig(query_parameters=[
    bigquery.ScalarQueryParameter("start", "DATE", date(2026, 11, 1)),
    bigquery.ScalarQueryParameter("end", "DATE", date(2026, 11, 23)),
    bigquery.ArrayQueryParameter("services", "STRING", ["Vertex AI", "Gemini API", "Generative Language API"]),
])
rows = client.query_and_wait(sql, job_config=config, location="EU", page_size=9)
total, count = Decimal(0), 0
for row in rows:
    count += 1
    total += Decimal(row["cost"]) + (Decimal(row["credits"]) if row["credits"] is not None else 0)
print(f"query_and_wait: {count} rows, net {total} (cost + credits), {rows.total_bytes_processed} bytes processed")

bad = dict(info, client_email="someone-else@acme-billing.iam.gserviceaccount.com")
try:
    service_account.Credentials.from_service_account_info(
        bad, scopes=["https://www.googleapis.com/auth/bigquery.readonly"]).refresh(
            __import__("google.auth.transport.requests", fromlist=["Request"]).Request())
    print("wrong issuer: ACCEPTED (the fake is wrong)"); sys.exit(1)
except Exception as e:
    print("wrong issuer refused:", str(e)[:120])
server.terminate()
