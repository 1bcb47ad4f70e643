"""The official OpenTelemetry protobuf definitions (the `opentelemetry-proto` Python package)
decoding what `llmcost metrics --otlp` pushes: a tiny collector on 127.0.0.1 receives the
OTLP/HTTP protobuf request, which must parse as an ExportMetricsServiceRequest whose gauges carry
the exposition's values, units and attributes.

    pip install opentelemetry-proto && python3 tests/sdk/otlp_decode.py
"""
import http.server, os, subprocess, threading
from opentelemetry.proto.collector.metrics.v1.metrics_service_pb2 import ExportMetricsServiceRequest

received = []


class Collector(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["content-length"]))
        received.append((self.path, self.headers["content-type"], self.headers.get("x-team"), body))
        self.send_response(200)
        self.send_header("content-type", "application/x-protobuf")
        self.end_headers()

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Collector)
threading.Thread(target=server.serve_forever, daemon=True).start()
env = dict(os.environ, LLMCOST_NOW="2026-12-06T10:00:00Z",
           OTEL_EXPORTER_OTLP_ENDPOINT=f"http://127.0.0.1:{server.server_port}", OTEL_EXPORTER_OTLP_HEADERS="x-team=fin%20ops")
subprocess.run(["cargo", "run", "--quiet", "--", "--demo", "metrics", "--otlp"], env=env, check=True)
exposition = subprocess.run(["cargo", "run", "--quiet", "--", "--demo", "metrics"], env=env, check=True,
                            capture_output=True, text=True).stdout
server.shutdown()

path, content_type, team, body = received[0]
assert path == "/v1/metrics" and content_type == "application/x-protobuf" and team == "fin ops", received[0][:3]
request = ExportMetricsServiceRequest.FromString(body)
resource = {a.key: a.value.string_value for a in request.resource_metrics[0].resource.attributes}
assert resource["service.name"] == "llmcost", resource
metrics = {m.name: m for m in request.resource_metrics[0].scope_metrics[0].metrics}
month = metrics["llmcost.spend.month_to_date"]
assert month.unit == "USD" and month.WhichOneof("data") == "gauge"
total = sum(p.as_double for p in month.gauge.data_points)
prom = sum(float(l.rsplit(" ", 1)[1]) for l in exposition.splitlines() if l.startswith("llmcost_spend_month_to_date_usd{"))
assert abs(total - prom) < 1e-6, (total, prom)
attrs = {a.key for a in month.gauge.data_points[0].attributes}
assert {"gen_ai.provider.name", "gen_ai.request.model", "llmcost.workspace"} <= attrs, attrs
budget = {dict((a.key, a.value.string_value) for a in p.attributes)["llmcost.budget"]: p.as_double
          for p in metrics["llmcost.budget.spent"].gauge.data_points}
print(f"decoded {len(metrics)} gauges, {len(month.gauge.data_points)} month points summing to {total:.6f} USD "
      f"(the exposition: {prom:.6f}); resource {resource}; budgets {budget}")
