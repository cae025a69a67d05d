"""The admin in Bahasa Indonesia in a real browser, where JavaScript draws much of it: the
sidebar and its page explorer, the rich text toolbar and block picker, the side panels, the
image chooser modal. Kupang's demo editor works in Indonesian (new accounts start so)."""

import re

import dj_database_url
import psycopg2
import pytest
from playwright.sync_api import expect

from tests.citynet.english_text import ALLOWLIST, english_pieces

from .conftest import DEMO
from .test_masterplan_journey import login

pytestmark = pytest.mark.e2e

# Every text node a person sees, and the labels screen readers and tooltips read.
SCREEN_TEXT = """() => {
  const foreign = '[lang]:not([lang^="id"]), script, style, svg, code, pre, noscript';
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!el || el.closest(foreign) || !el.checkVisibility()) continue;
    const text = walker.currentNode.textContent.trim();
    if (text) out.push(text);
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    if (el.closest(foreign)) continue;
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = (el.getAttribute(name) || '').trim();
      if (value) out.push(value);
    }
  }
  return out;
}"""


@pytest.fixture(scope="module")
def demo_names(demo_server):
    """Content names in the demo database (titles, groups, collections, workflows)."""
    cfg = dj_database_url.parse(DEMO["database_url"])
    connection = psycopg2.connect(
        dbname=cfg["NAME"], user=cfg["USER"], host=cfg["HOST"], port=cfg["PORT"] or 5432
    )
    queries = (
        "select title from wagtailcore_page union select draft_title from wagtailcore_page",
        "select name from auth_group",
        "select name from wagtailcore_collection",
        "select name from wagtailcore_workflow union select name from wagtailcore_task",
        "select name_en from citynet_dimension union select name_id from citynet_dimension",
    )
    names = set(ALLOWLIST) | {"Editor Kupang", "editor.kupang"}
    with connection, connection.cursor() as cursor:
        for query in queries:
            cursor.execute(query)
            names.update(row[0] for row in cursor.fetchall() if row[0])
    connection.close()
    return sorted((n for n in names if len(n) > 2), key=len, reverse=True)


def english_on_screen(page, names):
    page.wait_for_load_state("networkidle")
    return english_pieces(page.evaluate(SCREEN_TEXT), names)


def test_an_editor_meets_the_admin_in_indonesian(page, demo_names):
    login(page, "editor.kupang")
    found = {}
    expect(page.locator("html")).to_have_attribute("lang", "id")
    found["dashboard"] = english_on_screen(page, demo_names)
    assert "Halaman" in page.evaluate(SCREEN_TEXT)  # the sidebar, drawn by JavaScript

    # The sidebar's page explorer (drawn by JavaScript from the API).
    page.get_by_role("button", name=re.compile("^Halaman$")).click()
    expect(page.locator(".c-page-explorer")).to_be_visible()
    found["page explorer"] = english_on_screen(page, demo_names)
    page.keyboard.press("Escape")

    # The plan editor: template sections as StreamField blocks, programmes, the minimap.
    page.goto("/admin/masterplans/")
    page.get_by_role("link", name=re.compile("Masterplan Smart City Kota Kupang")).first.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    found["plan list and plan editor"] = english_on_screen(page, demo_names)
    page.get_by_role("tab", name="Program").click()
    found["plan programmes"] = english_on_screen(page, demo_names)

    # A new practice: rich text toolbar, block picker, side panels, the image chooser.
    city_id = page.evaluate(
        "fetch('/api/v2/pages/?type=citynet.CityPage&slug=kupang&locale=id')"
        ".then(r => r.json()).then(d => d.items[0].id)"
    )
    page.goto(f"/admin/pages/add/practices/practicepage/{city_id}/")
    editor = page.locator(".Draftail-Editor [contenteditable=true]").first
    editor.click()
    editor.type("/")
    expect(page.get_by_role("listbox").first).to_be_visible()
    found["practice editor, block picker"] = english_on_screen(page, demo_names)
    page.keyboard.press("Escape")
    page.get_by_role("button", name=re.compile("Buka.tutup status")).first.click()
    found["status side panel"] = english_on_screen(page, demo_names)
    page.locator("#id_gallery_images-ADD").click()
    page.get_by_role("button", name=re.compile("Pilih (sebuah )?gambar")).first.click()
    expect(page.locator(".modal-dialog")).to_be_visible()
    found["image chooser"] = english_on_screen(page, demo_names)

    assert {where: text for where, text in found.items() if text} == {}
    # The check can fail: an English label put on the screen is found.
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', "
        "'<button aria-label=\"Delete this page\">x</button>')"
    )
    assert "Delete this page" in english_on_screen(page, demo_names)
