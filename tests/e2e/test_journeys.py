"""A visitor's first journey, in a real browser, checked by axe-core on every page."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.e2e
BLOCKING = {"serious", "critical"}


def assert_accessible(page):
    results = Axe().run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']]}"
        for v in blocking
    )
    assert not blocking, f"axe found serious or critical violations on {page.url}:\n{report}"


def test_indonesian_home_to_english_to_kupang(page):
    page.goto("/id/")
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.get_by_role("link", name="Langsung ke konten utama").count() == 1
    assert_accessible(page)

    page.locator('.language-switcher a[hreflang="en"]').click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Member cities").click()
    page.wait_for_url("**/en/cities/")
    assert_accessible(page)

    page.get_by_label("Province").select_option("Nusa Tenggara Timur")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/en/cities/?*province=Nusa+Tenggara+Timur*")
    results = page.get_by_role("region", name="1 city")
    assert results.count() == 1
    assert_accessible(page)

    page.get_by_role("link", name="Kota Kupang").click()
    page.wait_for_url("**/en/cities/kupang/")
    assert page.get_by_role("heading", level=1).inner_text() == "Kota Kupang"
    assert "Nusa Tenggara Timur" in page.locator("dl.facts").inner_text()
    assert_accessible(page)

    # And back to Indonesian on the same city.
    page.locator('.language-switcher a[hreflang="id"]').click()
    page.wait_for_url("**/id/daerah/kupang/")
    assert page.locator("html").get_attribute("lang") == "id"
    assert_accessible(page)


def test_filter_practices_open_one_and_follow_adopted_by(page):
    page.goto("/en/practices/")
    assert_accessible(page)
    page.get_by_label("Province").select_option("Jawa Timur")
    page.get_by_label("Dimension").select_option("smart-society")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/en/practices/?*province=Jawa+Timur*dimension=smart-society*")
    cards = page.locator(".practice-card h3")
    assert cards.all_inner_texts() == ["SIDIRA digital library"]
    assert_accessible(page)

    page.get_by_role("link", name="SIDIRA digital library").click()
    page.wait_for_url("**/en/cities/sidoarjo/sidira-digital-library/")
    adopted = page.get_by_role("region", name="Adopted by")
    assert "Kota Kupang (2016)" in adopted.inner_text()
    assert_accessible(page)

    adopted.get_by_role("link", name="Kota Kupang").click()
    page.wait_for_url("**/en/cities/kupang/padi-digital-library/")
    assert page.get_by_role("heading", level=1).inner_text() == "PADI digital library"
    assert "Adapted from a practice of Kabupaten Sidoarjo" in page.content()
    assert_accessible(page)
