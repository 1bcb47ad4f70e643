"""Starts one of llmcost's fakes for an SDK script: runs the ignored test hook `test` (which calls
`test_env::serve_for_sdk`), waits for the URL it writes, and returns the process and the URL."""
import os, subprocess, tempfile, time


def start(test, seconds):
    url_file = tempfile.mktemp()
    env = dict(os.environ, LLMCOST_FAKE_URL_FILE=url_file, LLMCOST_FAKE_SECONDS=str(seconds))
    server = subprocess.Popen(
        ["cargo", "test", "--quiet", "--test", "cli", test, "--", "--ignored", "--nocapture"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for _ in range(600):
        if os.path.exists(url_file) and open(url_file).read():
            break
        time.sleep(0.5)
    return server, open(url_file).read()


def run_node(script, url):
    """Runs `script` with Node and the Octokit modules (`OCTOKIT`, default /tmp/octo/node_modules),
    the fake's URL as its first argument; prints and returns its standard output."""
    node_path = os.environ.get("OCTOKIT", "/tmp/octo/node_modules")
    out = subprocess.run(["node", "-e", script, url], env=dict(os.environ, NODE_PATH=node_path),
                         capture_output=True, text=True, timeout=60)
    print(out.stdout, out.stderr, end="")
    return out.stdout
