"""The two-server set-up, run for real (bin/cluster-smoke; CI runs it).

Starts a throwaway PostgreSQL database, Redis, an S3-compatible server (moto), two gunicorn
app servers on two ports and one task worker, all with the production settings, then acts as
users would: the secretariat publishes a practice through server A and server B shows it at
once; the search finds it after the worker ran; a plan's PDF is drawn by the worker into the
bucket and downloaded from B; 100 concurrent registrations split across A and B never
overbook; a worker killed in the middle of a task is replaced and the task completes.
Everything started is stopped again by process id, and the database dropped.
"""

import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg2
import requests
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.s3 import MotoServer, free_port  # noqa: E402

PYTHON = sys.executable
BIN = Path(PYTHON).parent
SERVER = os.environ.get("CLUSTER_SMOKE_POSTGRES", "postgres://postgres@127.0.0.1:5432")
CAPACITY = 40
REGISTRATIONS = 100


def say(ok, text):
    print(f"{'ok  ' if ok else 'FAIL'} {text}", flush=True)
    if not ok:
        raise SystemExit(f"cluster smoke failed: {text}")


def wait_for(what, check, timeout=120, interval=0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = check()
        except (OSError, requests.RequestException):
            result = None
        if result:
            return result
        time.sleep(interval)
    say(False, f"{what} (waited {timeout} s)")


class Processes:
    """Children started by the smoke run, stopped by pid at the end."""

    def __init__(self, logs):
        self.logs, self.children = logs, {}

    def start(self, name, command, env):
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 (closed in stop)
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
        self.children[name] = (process, log)
        return process

    def stop(self, name, sig=signal.SIGTERM):
        process, log = self.children.pop(name)
        if process.poll() is None:
            process.send_signal(sig)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()

    def stop_all(self):
        for name in list(self.children):
            self.stop(name)


class Browser:
    """A client behind the TLS-terminating proxy: says X-Forwarded-Proto: https and keeps
    cookies itself (they are Secure, and this hop is plain HTTP, as behind a real proxy)."""

    def __init__(self, base):
        self.base, self.cookies = base, {}
        self.http = requests.Session()

    def request(self, method, path, **kwargs):
        headers = {
            "X-Forwarded-Proto": "https",
            "Referer": f"https://{self.base.split('://', 1)[1]}{path}",
            **kwargs.pop("headers", {}),
        }
        response = self.http.request(
            method,
            self.base + path,
            headers=headers,
            cookies=self.cookies,
            allow_redirects=False,
            timeout=60,
            **kwargs,
        )
        self.cookies.update({c.name: c.value for c in response.cookies})
        return response

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, data, **kwargs):
        return self.request("POST", path, data=data, **kwargs)


def form_fields(form):
    """What a browser would submit for this form, without JavaScript."""
    data = []
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        kind = field.get("type", "text").lower()
        if field.name == "input":
            if kind in ("submit", "button", "image", "file", "reset"):
                continue
            if kind in ("checkbox", "radio") and not field.has_attr("checked"):
                continue
            data.append((name, field.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif field.name == "textarea":
            data.append((name, field.text))
        else:
            chosen = [o for o in field.find_all("option") if o.has_attr("selected")]
            if not chosen and not field.has_attr("multiple"):
                chosen = field.find_all("option")[:1]
            data.extend((name, o.get("value", o.text)) for o in chosen)
    return data


def main():
    work = Path(tempfile.mkdtemp(prefix="cluster-smoke-"))
    procs = Processes(work)
    database = f"citynet_cluster_{os.getpid()}"
    admin = psycopg2.connect(f"{SERVER}/postgres")
    admin.autocommit = True
    moto = MotoServer()
    try:
        admin.cursor().execute(f'CREATE DATABASE "{database}"')
        redis_port = free_port()
        procs.start(
            "redis",
            [
                "redis-server",
                "--port",
                str(redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            os.environ.copy(),
        )
        moto.start()
        bucket = moto.new_bucket("cluster-media")
        private_bucket = moto.new_bucket("cluster-private")
        env = {
            **os.environ,
            **moto.environment(bucket, private_bucket),
            "DJANGO_SETTINGS_MODULE": "citynet.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": f"{SERVER}/{database}",
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "TASKS_BACKEND": "database",
            "TASKS_WORKER_LEASE": "3",
            "STATIC_ROOT": str(work / "static"),
            "EMAIL_FILE_PATH": str(work / "mail"),
            "EVENTS_REGISTRATION_ATTEMPTS": "1000",
            "LOG_FORMAT": "json",
        }
        manage = [PYTHON, "manage.py"]

        def run(*args):
            result = subprocess.run(
                [*manage, *args], cwd=ROOT, env=env, capture_output=True, text=True
            )
            if result.returncode != 0:
                print(result.stdout[-3000:], result.stderr[-3000:])
                say(False, f"manage.py {' '.join(args[:2])}")
            return result.stdout

        wait_for(
            "redis answers",
            lambda: (
                subprocess.run(
                    ["redis-cli", "-p", str(redis_port), "ping"], capture_output=True
                ).returncode
                == 0
            ),
            timeout=20,
        )
        run("check", "--deploy", "--fail-level", "ERROR")
        say(True, "check --deploy passes with Redis, the bucket and the database queue")
        run("migrate", "--noinput", "-v0")
        run("collectstatic", "--noinput", "-v0")
        run("load_demo_data", "-v0")
        # The secretariat limits the webinar to 40 seats (100 people will try).
        run(
            "shell",
            "--no-imports",
            "-c",
            (
                "from events.models import EventPage; "
                "e = EventPage.objects.get("
                "slug='master-plan-webinar', locale__language_code='en'); "
                f"e.capacity = {CAPACITY}; e.save_revision().publish()"
            ),
        )

        servers = {}
        for name in ("a", "b"):
            port = free_port()
            procs.start(
                f"gunicorn-{name}",
                [
                    str(BIN / "gunicorn"),
                    "citynet.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "2",
                    "--timeout",
                    "60",
                ],
                env,
            )
            servers[name] = f"http://127.0.0.1:{port}"
        worker_command = [
            *manage,
            "db_worker",
            "--no-startup-delay",
            "--interval",
            "0.5",
            "--no-reload",
        ]
        procs.start("worker", worker_command, env)
        for name, base in servers.items():
            wait_for(
                f"server {name} ready",
                lambda base=base: requests.get(base + "/readyz", timeout=5).status_code == 200,
            )
        say(True, f"two gunicorn app servers ({servers['a']}, {servers['b']}) and a worker")

        db = psycopg2.connect(env["DATABASE_URL"])
        db.autocommit = True

        def sql(query, *params):
            with db.cursor() as cursor:
                cursor.execute(query, params)
                return cursor.fetchall()

        wait_for(
            "the worker drains the demo's queue",
            lambda: (
                sql(
                    "SELECT count(*) FROM django_tasks_database_dbtaskresult "
                    "WHERE status IN ('READY', 'RUNNING')"
                )[0][0]
                == 0
            ),
            timeout=300,
        )

        # 1. Publish through A, read through B at once.
        a = Browser(servers["a"])
        login = a.get("/admin/login/")
        token = BeautifulSoup(login.text, "html.parser").find(
            "input", {"name": "csrfmiddlewaretoken"}
        )["value"]
        signed_in = a.post(
            "/admin/login/",
            {
                "username": "secretariat",
                "password": "citynet-demo",
                "csrfmiddlewaretoken": token,
                "next": "/admin/",
            },
        )
        say(signed_in.status_code == 302, "the secretariat signs in on A")
        [(page_id,)] = sql(
            "SELECT p.id FROM wagtailcore_page p JOIN wagtailcore_locale l "
            "ON l.id = p.locale_id WHERE p.slug = 'online-permitting' AND l.language_code = 'en'"
        )
        public_url = "/en/cities/sidoarjo/online-permitting/"
        anonymous_b = Browser(servers["b"])
        watched = (public_url, "/en/practices/", "/en/cities/sidoarjo/", "/en/")
        for path in watched:
            anonymous_b.get(path)
            cached = anonymous_b.get(path)
            say(
                cached.headers.get("X-Page-Cache") == "hit",
                f"B answers {path} from the shared page cache before the change",
            )
        edit = a.get(f"/admin/pages/{page_id}/edit/")
        form = BeautifulSoup(edit.text, "html.parser").find("form", id="page-edit-form")
        marker = "kluster" + secrets.token_hex(3)
        title = f"Online business permits {marker}"
        data = [(k, title if k == "title" else v) for k, v in form_fields(form)]
        published = a.post(f"/admin/pages/{page_id}/edit/", data + [("action-publish", "1")])
        say(published.status_code == 302, f"A publishes the practice as '{title}'")
        home = anonymous_b.get("/en/")
        say(home.headers.get("X-Page-Cache") == "miss", "B's cached home page was emptied too")
        for path in watched[:3]:
            response = anonymous_b.get(path)
            say(
                response.status_code == 200 and marker in response.text,
                f"B shows the new title at once on {path} "
                f"(page cache: {response.headers.get('X-Page-Cache')})",
            )

        # 2. The worker indexes it; B's search finds it.
        wait_for(
            "B's search finds the practice after the worker ran",
            lambda: marker in anonymous_b.get(f"/en/search/?q={marker}").text,
            timeout=60,
        )
        say(True, f"B's search finds '{marker}' (indexed by the worker)")

        # 3. The plan's PDF: drawn by the worker into the private bucket, downloaded from B.
        pdf_path = "/id/daerah/kupang/master-plan-2019-2029/pdf/"
        statuses = []

        def pdf_ready():
            response = anonymous_b.get(pdf_path)
            statuses.append(response.status_code)
            return response if response.status_code == 200 else None

        response = wait_for("the plan's PDF from B", pdf_ready, timeout=120, interval=1)
        say(response.content.startswith(b"%PDF-"), f"B serves the plan's PDF ({statuses[:3]}...)")
        keys = [
            o["Key"]
            for o in moto.client().list_objects_v2(Bucket=private_bucket).get("Contents", [])
        ]
        say(
            any(k.startswith("private/masterplans/pdf/") for k in keys),
            "the PDF lies in the private bucket, drawn by the worker",
        )
        media_keys = [
            o["Key"] for o in moto.client().list_objects_v2(Bucket=bucket).get("Contents", [])
        ]
        say(
            any(k.startswith("media/original_images/") for k in media_keys),
            f"uploads live in the media bucket ({len(media_keys)} objects)",
        )

        [(doc_id, doc_file)] = sql("SELECT id, file FROM wagtaildocs_document ORDER BY id LIMIT 1")
        document = anonymous_b.get(f"/documents/{doc_id}/{doc_file.rsplit('/', 1)[1]}")
        stored = moto.client().get_object(Bucket=bucket, Key=f"media/{doc_file}")["Body"].read()
        say(
            document.status_code == 200 and document.content == stored,
            f"B streams the seminar's document from the bucket ({len(stored)} bytes)",
        )

        # 4. 100 concurrent registrations across A and B never overbook.
        event_path = "/en/events/master-plan-webinar/"

        def register(n):
            visitor = Browser(servers["a" if n % 2 else "b"])
            page = BeautifulSoup(visitor.get(event_path).text, "html.parser")
            form = page.find("form", class_="registration-form")  # no token: cached page
            fields = dict(form_fields(form))
            fields.update(
                name=f"Peserta {n}",
                email=f"peserta{n}@example.org",
                organisation="Diskominfo",
                other_city="Kota Ende",
                role="Staf",
            )
            return visitor.post(form["action"], fields).status_code

        with ThreadPoolExecutor(max_workers=REGISTRATIONS) as pool:
            answers = list(pool.map(register, range(REGISTRATIONS)))
        say(
            all(code in (200, 302) for code in answers),
            f"{REGISTRATIONS} concurrent registrations answered ({sorted(set(answers))})",
        )
        counts = dict(
            sql(
                "SELECT r.status, count(*) FROM events_registration r JOIN wagtailcore_page p "
                "ON p.id = r.event_id WHERE p.slug = 'master-plan-webinar' GROUP BY r.status"
            )
        )
        say(
            counts.get("confirmed") == CAPACITY
            and counts.get("waitlisted") == REGISTRATIONS - CAPACITY,
            f"never overbooked: {counts} for {CAPACITY} seats",
        )

        def emails():
            sent = sum(p.read_text().count("\nSubject: ") for p in (work / "mail").glob("*.log"))
            return sent if sent >= REGISTRATIONS else None

        sent = wait_for("the worker sends the registration emails", emails, timeout=180)
        say(True, f"{sent} registration emails sent by the worker")

        # 5. Kill the worker in the middle of a task; a new worker completes it.
        value = "survives-" + secrets.token_hex(3)
        run(
            "shell",
            "--no-imports",
            "-c",
            f"from tests.citynet.queue_tasks import slow_note; slow_note.enqueue('{value}', 8)",
        )

        def task_status():
            rows = sql(
                "SELECT status, worker_ids::text, return_value::text FROM "
                "django_tasks_database_dbtaskresult WHERE args_kwargs::text LIKE %s",
                f"%{value}%",
            )
            return rows[0] if rows else None

        wait_for(
            "the worker starts the slow task",
            lambda: (task_status() or ("",))[0] == "RUNNING",
            timeout=60,
            interval=0.1,
        )
        procs.stop("worker", signal.SIGKILL)
        time.sleep(1)
        say(task_status()[0] == "RUNNING", "worker killed with SIGKILL in the middle of a task")
        procs.start("worker-2", worker_command, env)
        done = wait_for(
            "a new worker completes the task",
            lambda: (s := task_status()) and s[0] == "SUCCESSFUL" and s,
            timeout=90,
        )
        say(
            value in done[2] and done[1].count(",") == 1,
            f"the new worker completed it (workers {done[1]})",
        )
        ready = requests.get(servers["a"] + "/readyz", timeout=5).json()
        say(ready["checks"]["tasks"]["workers"] == 1, f"/readyz on A: {ready['checks']['tasks']}")
        db.close()
        lines = (work / "gunicorn-b.log").read_text().splitlines()
        logged = [line for line in lines if '"logger": "citynet.requests"' in line]
        say(logged and '"request_id": ' in logged[-1], f"B logs JSON request lines ({len(logged)})")
        print("cluster smoke: all checks passed", flush=True)
    finally:
        procs.stop_all()
        moto.stop()
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.close()
        if os.environ.get("CLUSTER_SMOKE_KEEP_LOGS"):
            print(f"logs kept in {work}")
        else:
            subprocess.run(["rm", "-rf", str(work)], check=False)


if __name__ == "__main__":
    main()
