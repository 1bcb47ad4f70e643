#!/usr/bin/env python3
"""Load on the exporter: N scrapes of /metrics, C at a time, each on its own connection, against
`llmcost serve` on the demo data started under a 1,024 file-descriptor limit (systemd's
default). Prints scrapes/s, latency percentiles, status counts and the server's RSS before, at
its peak and after. Standard library only.

    cargo build --release --locked && python3 benches/serve_load.py             # 10,000 x 500
    python3 benches/serve_load.py --scrapes 2000 --concurrency 200 --bin target/release/llmcost
"""
import argparse
import asyncio
import os
import resource
import socket
import subprocess
import sys
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


async def scrape(port, latencies, statuses):
    started = time.perf_counter()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET /metrics HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
        await writer.drain()
        head = await reader.readline()
        await reader.read()
        writer.close()
        status = head.split()[1].decode() if len(head.split()) > 1 else "none"
    except OSError as e:
        status = type(e).__name__
    latencies.append(time.perf_counter() - started)
    statuses[status] = statuses.get(status, 0) + 1


async def run(port, scrapes, concurrency, latencies, statuses):
    gate = asyncio.Semaphore(concurrency)

    async def one():
        async with gate:
            await scrape(port, latencies, statuses)

    await asyncio.gather(*(one() for _ in range(scrapes)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", default="target/release/llmcost")
    p.add_argument("--scrapes", type=int, default=10_000)
    p.add_argument("--concurrency", type=int, default=500)
    a = p.parse_args()
    # The client needs more descriptors than the server it overloads.
    resource.setrlimit(resource.RLIMIT_NOFILE, (8192, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
    port = free_port()
    server = subprocess.Popen(
        ["sh", "-c", f'ulimit -n 1024 && exec "$0" --demo serve --listen 127.0.0.1:{port}', a.bin],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "LLMCOST_NO_KEYRING": "1"},
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        time.sleep(0.5)
        before = rss_kib(server.pid)
        latencies, statuses = [], {}
        started = time.perf_counter()
        asyncio.run(run(port, a.scrapes, a.concurrency, latencies, statuses))
        elapsed = time.perf_counter() - started
        time.sleep(1)
        peak, after = rss_kib(server.pid, "VmHWM"), rss_kib(server.pid)
        latencies.sort()
        pct = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
        print(f"{a.scrapes} scrapes, {a.concurrency} at a time, server under ulimit -n 1024")
        print(f"  {a.scrapes / elapsed:,.0f} scrapes/s in {elapsed:.2f} s")
        print(f"  latency p50 {pct(0.50):.1f} ms, p99 {pct(0.99):.1f} ms, max {latencies[-1] * 1000:.1f} ms")
        print(f"  statuses {dict(sorted(statuses.items()))}")
        print(f"  server RSS {before / 1024:.1f} MB before, {peak / 1024:.1f} MB peak, {after / 1024:.1f} MB after")
        bad = {k: v for k, v in statuses.items() if k not in ("200", "503")}
        sys.exit(1 if bad else 0)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
