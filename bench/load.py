"""Load benchmark: requests per second, p50 and p99 under wrk, for the public pages cached and
uncached, beside a static file served by the same server in the same run.

Prepare the benchmark database as bench/practice_pages.py says (20,000 practices), then:

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/citynet_bench
    .venv/bin/python bench/load.py --duration 10

It starts its own Redis and gunicorn (2 sync workers, production settings) on free ports,
drives them with wrk (Debian package `wrk`: 2 threads, 8 connections, a browser's
Accept-Encoding), first with the page cache off (every request rendered; facet counts and
other caches warm, as on a busy site), then with it on (after one warming request per page),
and stops everything it started by process id. The last lines are a Markdown table.
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.request import Request, urlopen

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
ACCEPT_ENCODING = "gzip, deflate, br"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pages(env):
    """(name, path) of the pages to load, found in the benchmark database."""
    script = (
        "from practices.models import PracticePage; from events.models import EventPage\n"
        "p = PracticePage.objects.live().filter(locale__language_code='en')"
        ".order_by('-pk').first()\n"
        "e = EventPage.objects.live().filter(locale__language_code='en').first()\n"
        "print(p.url if p else ''); print(e.url if e else '')"
    )
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    if len(out) < 2:
        sys.exit("No practices or events: prepare the database (see bench/practice_pages.py).")
    practice, event = out[-2:]
    return [
        ("home", "/en/"),
        ("practice", practice),
        ("listing", "/en/practices/"),
        ("listing, page 400", "/en/practices/?page=400"),
        ("event", event),
        ("search", "/en/search/?q=sekolah"),
    ]


def wait_ready(base, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{base} did not start")


def fetch(base, path):
    request = Request(base + path, headers={"Accept-Encoding": ACCEPT_ENCODING})
    with urlopen(request, timeout=60) as response:
        body = response.read()
        return response.headers.get("X-Page-Cache"), len(body)


def to_ms(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def wrk(base, path, duration, connections):
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            "-H",
            f"Accept-Encoding: {ACCEPT_ENCODING}",
            base + path,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.MULTILINE).group(1))
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.MULTILINE).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, p50, p99, int(errors.group(1)) if errors else 0


class Server:
    """gunicorn with 2 sync workers and the production settings."""

    def __init__(self, env, page_cache, logs):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**env, "PAGE_CACHE_ENABLED": "true" if page_cache else "false"}
        name = "cached" if page_cache else "uncached"
        self.log = open(logs / f"gunicorn-{name}.log", "w")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "citynet.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--timeout",
                "120",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        wait_ready(self.base)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)
        self.log.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per page (wrk -d)")
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to the prepared PostgreSQL benchmark database.")

    work = Path(tempfile.mkdtemp(prefix="citynet-load-"))
    redis_port = free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "citynet.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "STATIC_ROOT": str(work / "static"),
        "LOG_LEVEL": "WARNING",
    }
    servers = []
    try:
        collect = [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"]
        subprocess.run(collect, cwd=ROOT, env=env, check=True)
        static = "/static/citynet/css/site.css"
        cases = pages(env)
        rows = []
        for cached in (False, True):
            server = Server(env, cached, work)
            servers.append(server)
            label = "cached" if cached else "uncached"
            rate, p50, p99, errors = wrk(server.base, static, args.duration, args.connections)
            static_rate = rate
            rows.append(("static file (site.css)", label, rate, p50, p99, errors, "", ""))
            for name, path in cases:
                for _ in range(3):  # warm: facet counts, code paths, the page cache
                    status, size = fetch(server.base, path)
                rate, p50, p99, errors = wrk(server.base, path, args.duration, args.connections)
                share = f"{100 * rate / static_rate:.0f}%"
                rows.append((name, label, rate, p50, p99, errors, share, f"{size / 1024:.1f}"))
                print(
                    f"{label:>8} {name:<20} {rate:>8.1f} req/s  p50 {p50:6.1f} ms  "
                    f"p99 {p99:6.1f} ms  ({status}, {size} bytes sent)",
                    flush=True,
                )
            server.stop()
            servers.remove(server)
        print()
        print("| page | page cache | req/s | p50 ms | p99 ms | errors | of static | KB sent |")
        print("|---|---|---|---|---|---|---|---|")
        for name, label, rate, p50, p99, errors, share, size in rows:
            print(
                f"| {name} | {label} | {rate:.0f} | {p50:.1f} | {p99:.1f} | {errors} "
                f"| {share} | {size} |"
            )
    finally:
        for server in servers:
            server.stop()
        redis.send_signal(signal.SIGTERM)
        redis.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
