"""Master plans in a real browser: Kupang's editor starts a plan from the template, adds a
quick-win programme and tries to submit it; the public reads the published plan and its
PDF. Axe checks the public pages."""

import re

import pytest
from playwright.sync_api import expect

from .test_journeys import assert_accessible

pytestmark = pytest.mark.e2e


@pytest.fixture
def admin_page(browser, demo_server, kupang_editor_in_english):
    """The admin in English (the visitor journeys browse in Indonesian)."""
    context = browser.new_context(base_url=demo_server, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


def login(page, username):
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill("citynet-demo")
    page.get_by_role("button", name=re.compile("Sign in|Masuk")).click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_editor_starts_a_plan_adds_a_quick_win_and_submission_waits_for_sections(admin_page):
    page = admin_page
    login(page, "editor.kupang")
    page.goto("/admin/pages/")
    page.goto("/admin/masterplans/")
    expect(page.get_by_text("Masterplan Smart City Kota Kupang 2019–2029")).to_be_visible()
    # Start a second plan for Kupang (Indonesian tree) from the city's page in the admin.
    city_id = page.evaluate(
        "fetch('/api/v2/pages/?type=citynet.CityPage&slug=kupang&locale=id')"
        ".then(r => r.json()).then(d => d.items[0].id)"
    )
    page.goto(f"/admin/pages/{city_id}/edit/")
    page.goto(f"/admin/masterplans/start/{city_id}/")
    page.get_by_label(re.compile("Start year|Tahun mulai")).fill("2025")
    page.get_by_role("button", name=re.compile("Start the plan|Mulai masterplan")).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    # The template's guidance is there for the writer.
    expect(page.locator("textarea.plan-readonly").first).to_have_value(re.compile("Latar belakang"))
    expect(page.get_by_text(re.compile("0 (of|dari) 14"))).to_be_visible()

    # Programmes tab: one quick win with a budget line.
    page.get_by_role("tab", name=re.compile("Programmes|Program")).click()
    page.get_by_role("button", name=re.compile("Add programme|Tambah program", re.I)).click()
    field = lambda name: page.locator(f"[name='programmes-0-{name}']")  # noqa: E731
    field("title").fill("Layanan adminduk keliling")
    field("dimension").select_option(label="Smart Governance")
    field("quick_win").check()
    field("start_year").fill("2025")
    field("end_year").fill("2026")
    field("lead_agency").fill("Dispendukcapil")
    # It learns from Sidoarjo's permits: found in the practice chooser by title and city, in
    # the plan's language (Wagtail's chooser passes the edited page's locale).
    page.locator("#id_programmes-0-practices [data-practices-add]").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("textbox", name=re.compile("Search term")).fill("perizinan sidoarjo")
    row = modal.locator("tbody tr", has_text="Perizinan usaha online")
    expect(row).to_contain_text("Kabupaten Sidoarjo")
    row.locator("input[type=checkbox]").check()
    modal.get_by_role("button", name="Confirm selection").click()
    chosen = page.locator("[name='programmes-0-practices']")
    expect(chosen).to_have_count(1)
    expect(chosen).to_be_checked()
    expect(page.locator("#id_programmes-0-practices")).to_contain_text(
        "Perizinan usaha online (Kabupaten Sidoarjo)"
    )
    page.get_by_role("button", name=re.compile("Save draft|Simpan draf")).click()
    expect(page.locator(".messages")).to_contain_text("has been updated")
    # Saved with the draft, shown again as a ticked box.
    page.get_by_role("tab", name=re.compile("Programmes|Program")).click()
    expect(page.locator("[name='programmes-0-practices']")).to_be_checked()

    # Submitting waits for the required sections, and says which.
    page.get_by_role("button", name=re.compile("More actions|Tindakan lain")).click()
    page.get_by_role("button", name=re.compile("Submit to|Ajukan ke")).click()
    refusal = page.get_by_text("The plan cannot be published or sent for review")
    expect(refusal).to_be_visible()
    expect(refusal).to_contain_text("Missing: Pendahuluan")


def test_public_reads_the_published_plan_and_its_pdf(page):
    page.goto("/id/rencana-induk/")
    assert_accessible(page)
    page.get_by_role("link", name="Masterplan Smart City Kota Kupang 2019–2029").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kota Kupang")
    # The roadmap, and the two implementation charts of the demo's progress reports.
    expect(page.locator("svg[role=img]").first).to_be_visible()
    expect(page.locator("#implementation svg[role=img]")).to_have_count(2)
    expect(page.get_by_role("navigation", name=re.compile("Daftar isi"))).to_be_visible()
    assert_accessible(page)
    pdf_url = page.get_by_role("link", name=re.compile("Unduh masterplan")).get_attribute("href")
    response = page.request.get(pdf_url)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body()[:5] == b"%PDF-"


def test_template_to_published_plan(admin_page, browser, demo_server):
    """The secretariat adds a short template; Kupang's editor starts a plan from it, adds a
    quick-win programme with a budget and submits; the secretariat approves; the public
    page and the PDF show the quick win."""
    page = admin_page
    login(page, "secretariat")
    page.goto("/admin/snippets/masterplans/masterplantemplate/add/")
    page.locator("[name=name]").fill("Quick-win sprint")
    page.locator("[name=locale]").select_option(label="English")
    page.locator("[name=horizon_years]").fill("3")
    # The form starts with one empty section (min_num=1).
    page.locator("[name='sections-0-key']").fill("quick-wins")
    page.locator("[name='sections-0-title']").fill("Quick wins for citizens")
    page.locator("[name='sections-0-kind']").select_option("quick_wins")
    page.locator("[name='sections-0-guidance']").fill("Name one quick win per dimension.")
    page.get_by_role("button", name="Save").first.click()
    expect(page.locator(".messages")).to_contain_text("Quick-win sprint")
    page.context.clear_cookies()

    login(page, "editor.kupang")
    city_id = page.evaluate(
        "fetch('/api/v2/pages/?type=citynet.CityPage&slug=kupang&locale=en')"
        ".then(r => r.json()).then(d => d.items[0].id)"
    )
    page.goto(f"/admin/masterplans/start/{city_id}/")
    page.get_by_label("Template").select_option(label="Quick-win sprint")
    page.get_by_label("Start year").fill("2026")
    page.get_by_role("button", name="Start the plan").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    plan_edit = page.url
    expect(page.locator("textarea.plan-readonly").first).to_have_value(
        "Name one quick win per dimension."
    )
    page.get_by_role("tab", name="Programmes").click()
    page.get_by_role("button", name=re.compile("Add programme", re.I)).click()
    field = lambda name: page.locator(f"[name='programmes-0-{name}']")  # noqa: E731
    field("title").fill("Same-day birth certificates")
    field("dimension").select_option(label="Smart Governance")
    field("quick_win").check()
    field("start_year").fill("2026")
    field("end_year").fill("2026")
    field("lead_agency").fill("Dispendukcapil")
    page.get_by_role("button", name=re.compile("Add budget line", re.I)).first.click()
    page.locator("[name='programmes-0-budget_lines-0-year']").fill("2026")
    page.locator("[name='programmes-0-budget_lines-0-amount']").fill("750000000")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("Submit to")).click()
    expect(page.locator(".messages")).to_contain_text("submitted")
    page.context.clear_cookies()

    login(page, "secretariat")
    page.goto(plan_edit)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("^Approve and Publish$")).click()
    expect(page.locator(".messages")).to_contain_text("has been updated")

    visitor = browser.new_context(base_url=demo_server, locale="en-GB").new_page()
    visitor.goto("/en/cities/kupang/")
    visitor.get_by_role(
        "link", name=re.compile("Smart city master plan of Kota Kupang 2026")
    ).click()
    expect(visitor.locator("body")).to_contain_text("Same-day birth certificates")
    expect(visitor.locator("#budget-by-source")).to_contain_text("750,000,000")
    assert_accessible(visitor)
    pdf_url = visitor.get_by_role("link", name="Download the plan (PDF)").get_attribute("href")
    response = visitor.request.get(pdf_url)
    assert response.status == 200 and response.body()[:5] == b"%PDF-"
    visitor.context.close()
