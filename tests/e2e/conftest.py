"""Browser journeys: a real demo server (migrated, demo data loaded) and Debian's Chromium.

The server runs in its own process on a fresh PostgreSQL database, so the browser sees
exactly what a visitor of the demo would. Without Chromium the journeys are skipped with
the reason shown, unless CITYNET_REQUIRE_BROWSER=1 (CI) turns that into a failure.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import dj_database_url
import psycopg2
import pytest

ROOT = Path(__file__).resolve().parents[2]
# The demo server writes its emails here, one file each, for journeys that follow a link.
MAILBOX = Path(os.environ.get("CITYNET_E2E_MAILBOX", f"/tmp/citynet-e2e-mail-{os.getpid()}"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# The running demo server's database URL, for journeys that read names from it.
DEMO = {}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing_browser():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


@pytest.fixture(scope="session")
def browser():
    reason = _missing_browser()
    if reason:
        if os.environ.get("CITYNET_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests required but {reason}")
        pytest.skip(f"browser journeys skipped: {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _admin_connection(url):
    cfg = dj_database_url.parse(url)
    conn = psycopg2.connect(
        dbname="postgres",
        user=cfg["USER"],
        password=cfg["PASSWORD"],
        host=cfg["HOST"],
        port=cfg["PORT"] or 5432,
    )
    conn.autocommit = True
    return conn, cfg


@pytest.fixture(scope="session")
def demo_server(browser, tmp_path_factory):
    """Base URL of `manage.py runserver` on a fresh database loaded with the demo data."""
    base_url = os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/citynet"
    conn, cfg = _admin_connection(base_url)
    name = f"citynet_e2e_{uuid.uuid4().hex[:8]}"
    with conn.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    host = cfg["HOST"] or "127.0.0.1"
    auth = cfg["USER"] + (f":{cfg['PASSWORD']}" if cfg["PASSWORD"] else "")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "citynet.settings.dev",
        "DATABASE_URL": f"postgres://{auth}@{host}:{cfg['PORT'] or 5432}/{name}",
        "MEDIA_ROOT": str(tmp_path_factory.mktemp("media")),
        "PRIVATE_MEDIA_ROOT": str(tmp_path_factory.mktemp("private")),
        "EMAIL_URL": "",
        "EMAIL_FILE_PATH": str(MAILBOX),
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    server = None
    try:
        for command in (["migrate", "--noinput", "-v0"], ["load_demo_data", "-v0"]):
            subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True)
        port = _free_port()
        log = open(tmp_path_factory.mktemp("server") / "runserver.log", "w")  # noqa: SIM115
        server = subprocess.Popen(
            [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        DEMO["database_url"] = env["DATABASE_URL"]
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/en/", timeout=2)  # noqa: S310
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(f"demo server did not start; see {log.name}") from None
                time.sleep(0.3)
        yield url
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        with conn.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.close()


@pytest.fixture
def page(browser, demo_server):
    context = browser.new_context(base_url=demo_server, locale="id-ID")
    page = context.new_page()
    # Every journey also checks that the Content-Security-Policy blocked nothing the site
    # needs (public pages and Wagtail's admin alike): Chromium reports each refusal.
    refused = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and refused.append(message.text),
    )
    yield page
    context.close()
    assert refused == [], f"the Content-Security-Policy refused: {refused}"


def set_admin_language(username, code):
    """Set a demo account's admin language in the demo database (journey set-up)."""
    cfg = dj_database_url.parse(DEMO["database_url"])
    connection = psycopg2.connect(
        dbname=cfg["NAME"], user=cfg["USER"], host=cfg["HOST"], port=cfg["PORT"] or 5432
    )
    with connection, connection.cursor() as cursor:
        cursor.execute(
            "update wagtailusers_userprofile set preferred_language = %s"
            " where user_id = (select id from auth_user where username = %s)",
            [code, username],
        )
        assert cursor.rowcount == 1, f"{username} has no profile"
    connection.close()


@pytest.fixture
def kupang_editor_in_english(demo_server):
    """Kupang's demo editor works in Indonesian; these journeys read the admin in English."""
    set_admin_language("editor.kupang", "en")
    yield
    set_admin_language("editor.kupang", "id")
