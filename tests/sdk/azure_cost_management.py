"""Proves the Azure fakes (tests/cli/fake_azure.rs) speak the real protocol: azure-identity's
ClientSecretCredential (MSAL) gets its token from the fake Entra ID endpoint, and
azure-mgmt-costmanagement's QueryOperations.usage posts the query and reads the answer,
nextLink pages followed with the same body. Azure's SDKs send bearer tokens over HTTPS only, so
this script puts a TLS front (a throwaway self-signed certificate) before the fake, and serves
the OpenID discovery document MSAL reads first (llmcost does not use it). Run once by hand:

    pip install azure-identity azure-mgmt-costmanagement
    python3 tests/sdk/azure_cost_management.py
"""
import http.client, http.server, json, os, ssl, subprocess, sys, tempfile, threading, time, urllib.parse
import fake_server  # tests/sdk/fake_server.py, beside this script
from decimal import Decimal

from azure.identity import ClientSecretCredential
from azure.mgmt.costmanagement import CostManagementClient
from azure.mgmt.costmanagement.models import (QueryDefinition, QueryTimePeriod, QueryDataset, QueryAggregation,
                                              QueryGrouping, QueryFilter, QueryComparisonExpression)

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
CLIENT = "11111111-2222-3333-4444-555555555555"
SECRET = "azSecret~0123456789abcdefghijklmnopqrstu"
SCOPE = "subscriptions/00000000-0000-0000-0000-000000000000"

server, url = fake_server.start("azure::serve_for_azure_sdk", 60)
fake = urllib.parse.urlparse(url)

tmp = tempfile.mkdtemp()
cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
               check=True, capture_output=True)

class Front(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def reply(self, status, body, ctype="application/json"):
        self.send_response(status); self.send_header("content-type", ctype)
        self.send_header("content-length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def do_GET(self):
        if "openid-configuration" in self.path:
            base = f"https://127.0.0.1:{PORT}/{TENANT}"
            return self.reply(200, json.dumps({"token_endpoint": f"{base}/oauth2/v2.0/token",
                "authorization_endpoint": f"{base}/oauth2/v2.0/authorize", "issuer": f"{base}/v2.0",
                "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode"}).encode())
        self.reply(404, b"{}")
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        conn = http.client.HTTPConnection(fake.hostname, fake.port)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
        conn.request("POST", self.path, body, headers)
        r = conn.getresponse(); data = r.read()
        # The fake's nextLink names its own (plain HTTP) origin: rewrite it to this front.
        data = data.replace(f"http://{fake.hostname}:{fake.port}".encode(), f"https://127.0.0.1:{PORT}".encode())
        self.send_response(r.status)
        for k, v in r.getheaders():
            if k.lower() not in ("content-length", "transfer-encoding", "connection"):
                self.send_header(k, v)
        self.send_header("content-length", str(len(data))); self.end_headers(); self.wfile.write(data)

httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Front)
PORT = httpd.server_address[1]
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); ctx.load_cert_chain(cert, key)
httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
threading.Thread(target=httpd.serve_forever, daemon=True).start()
os.environ["REQUESTS_CA_BUNDLE"] = cert
authority = f"https://127.0.0.1:{PORT}"

cred = ClientSecretCredential(TENANT, CLIENT, SECRET, authority=authority, disable_instance_discovery=True)
token = cred.get_token("https://management.azure.com/.default")
print("token:", token.token[:16] + "...", "expires in", token.expires_on - int(time.time()), "s")

client = CostManagementClient(cred, base_url=authority, connection_verify=cert)
query = QueryDefinition(
    type="ActualCost", timeframe="Custom",
    time_period=QueryTimePeriod(from_property="2026-11-01T00:00:00Z", to="2026-11-22T23:59:59Z"),
    dataset=QueryDataset(granularity="Daily",
        aggregation={"totalCost": QueryAggregation(name="Cost", function="Sum")},
        grouping=[QueryGrouping(type="Dimension", name="ResourceId"), QueryGrouping(type="Dimension", name="Meter")],
        filter=QueryFilter(dimensions=QueryComparisonExpression(name="ServiceName", operator="In",
            values_property=["Cognitive Services", "Azure OpenAI", "Foundry Models"]))))
result = client.query.usage(SCOPE, query)
total, pages = Decimal(0), 0
while True:
    pages += 1
    props = result.properties
    cols = [c.name for c in props.columns]
    total += sum(Decimal(str(r[cols.index("Cost")])) for r in props.rows)
    if not props.next_link:
        break
    # The SDK has no pager for usage(): POST the same body to nextLink, as its docs say.
    import requests
    r = requests.post(props.next_link, json=query.as_dict(), verify=cert,
                      headers={"Authorization": "Bearer " + cred.get_token("https://management.azure.com/.default").token})
    r.raise_for_status()
    from azure.mgmt.costmanagement.models import QueryResult
    result = QueryResult(r.json())
print(f"query: {pages} pages, columns {cols}, total EUR {total}")

try:
    ClientSecretCredential(TENANT, CLIENT, "wrong", authority=authority, disable_instance_discovery=True) \
        .get_token("https://management.azure.com/.default")
    print("wrong secret: ACCEPTED (the fake is wrong)"); sys.exit(1)
except Exception as e:
    print("wrong secret refused:", str(e).splitlines()[0][:120])
server.terminate()
