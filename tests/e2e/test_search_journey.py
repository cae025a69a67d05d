"""A seminar participant searches across cities in a real browser: "izin" finds Sidoarjo's
online permitting, autocomplete offers titles, a province filter and a kind tab narrow the
results, and every page passes axe."""

import re

import pytest

from .test_journeys import assert_accessible

pytestmark = pytest.mark.e2e


def test_izin_finds_online_permitting_then_narrow_and_open(page):
    page.goto("/id/")
    page.get_by_role("navigation", name="Utama").get_by_role("link", name="Cari").click()
    page.wait_for_url("**/id/search/")
    assert_accessible(page)

    box = page.get_by_role("combobox", name="Cari")
    box.fill("izin")
    box.press("Enter")
    page.wait_for_url("**/id/search/?q=izin*")
    hit = page.get_by_role("link", name="Perizinan usaha online")
    assert hit.count() == 1
    assert page.locator(".search-hit mark").count() >= 2  # title and snippet marked
    assert_accessible(page)

    page.locator("select[name=province]").select_option("Jawa Timur")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url(re.compile(r".*province=Jawa\+Timur.*"))
    cities = page.locator(".search-hit .meta").all_inner_texts()
    # Jawa Timur: Sidoarjo's practices, and Banyuwangi's sample plan (perizinan daring).
    assert any("Sidoarjo" in text for text in cities)
    assert all("Sidoarjo" in text or "Banyuwangi" in text for text in cities)
    assert_accessible(page)

    page.get_by_role("link", name="Perizinan usaha online").click()
    page.wait_for_url("**/sidoarjo/online-permitting/")
    assert "Perizinan usaha online" in page.get_by_role("heading", level=1).inner_text()


def test_autocomplete_and_kind_tabs(page):
    page.goto("/en/search/")
    box = page.get_by_role("combobox", name="Search for")
    box.press_sequentially("kup", delay=50)
    option = page.locator("#search-suggestions option").first
    option.wait_for(state="attached")
    assert "Kupang" in option.get_attribute("value")

    box.fill("kupang")
    box.press("Enter")
    page.wait_for_url("**/en/search/?q=kupang*")
    page.get_by_role("navigation", name="Kinds of result").get_by_role(
        "link", name=re.compile("^Events")
    ).click()
    page.wait_for_url("**kind=event*")
    kinds = page.locator(".search-hit .kind").all_inner_texts()
    assert kinds and set(kinds) == {"Events"}
    assert_accessible(page)


def test_nothing_found_offers_a_correction(page):
    page.goto("/en/search/?q=permitt")
    # The closest word the index knows, by trigram similarity: "permit" (0.67) before
    # "permits" (0.6) and "permitting" (0.58).
    link = page.get_by_role("link", name=re.compile(r"^permits?$"))
    assert link.count() == 1
    link.click()
    page.wait_for_url(re.compile(r".*q=permits?$"))
    assert page.locator(".search-hit").count() >= 1
    assert_accessible(page)
