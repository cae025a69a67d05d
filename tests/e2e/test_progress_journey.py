"""A year's progress in a real browser, in Indonesian: Kupang's editor files the report
from the home panel, fills a programme and sends it for review; the secretariat approves;
the public plan page and the secretariat's dashboard show it."""

import re

import pytest
from playwright.sync_api import expect

from .test_journeys import assert_accessible
from .test_masterplan_journey import login

pytestmark = pytest.mark.e2e


def test_editor_files_a_report_and_the_secretariat_publishes_it(page, browser, demo_server):
    login(page, "editor.kupang")
    panel = page.locator("section[aria-labelledby=plan-progress-heading]")
    expect(panel).to_contain_text("Kemajuan masterplan")
    expect(panel).to_contain_text("Laporan terlambat")  # the demo's last report is 2020
    panel.get_by_role("link", name="Buat laporan kemajuan").click()
    expect(page.locator("h1")).to_contain_text("Buat laporan kemajuan")
    page.get_by_label("Tahun").select_option("2021")
    page.get_by_role("button", name="Mulai laporan").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    report_edit = page.url
    expect(page.locator(".messages")).to_contain_text("Laporan kemajuan 2021 dimulai")
    # Rows start from the 2020 report; the first programme is now done.
    first = page.locator("[name='programme_progress-0-status']")
    expect(first).to_have_value("done")
    page.locator("[name='programme_progress-1-status']").select_option("done")
    page.locator("[name=narrative]").fill("Tanda tangan elektronik dipakai di semua dinas.")
    page.get_by_role("button", name=re.compile("Tindakan lainnya|More actions")).click()
    page.get_by_role("button", name=re.compile("^Ajukan ke")).click()
    expect(page.locator(".messages")).to_contain_text("untuk moderasi")
    page.context.clear_cookies()

    login(page, "secretariat")
    page.goto(report_edit)
    page.get_by_role("button", name=re.compile("More actions|Tindakan lainnya")).click()
    page.get_by_role(
        "button",
        name=re.compile("^(Approve|Menyetujui|Setujui) (and|dan) (Publish|Terbitkan)$", re.I),
    ).click()
    expect(page.locator(".messages")).to_contain_text(re.compile("updated|diperbarui"))
    page.goto("/admin/progress/")
    # (Another journey may have published a second Kupang plan: this one is 2019-2029.)
    row = page.locator("#plan-status tr", has_text="Kota Kupang 2019")
    expect(row).to_contain_text("2021")

    visitor = browser.new_context(base_url=demo_server, locale="id-ID").new_page()
    visitor.goto("/id/daerah/kupang/")
    visitor.get_by_role("link", name="Kemajuan sampai 2021").click()
    section = visitor.locator("#implementation")
    expect(section).to_contain_text("Angka sampai laporan kemajuan 2021")
    expect(section.locator("svg")).to_have_count(2)
    expect(section.locator("#programme-status-table")).to_contain_text("Selesai")
    assert_accessible(visitor)
    visitor.context.close()
