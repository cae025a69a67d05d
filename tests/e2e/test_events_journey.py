"""A visitor registers for the demo's upcoming webinar, gets the confirmation page and,
from the link in the confirmation email, cancels; axe-core checks every page."""

import re
import time

import pytest

from .conftest import MAILBOX
from .test_journeys import assert_accessible

pytestmark = pytest.mark.e2e


def email_to(address, timeout=10):
    """The newest email the demo server wrote for `address`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        messages = (
            sorted(MAILBOX.glob("*.log"), key=lambda p: p.stat().st_mtime)
            if MAILBOX.exists()
            else []
        )
        for path in reversed(messages):
            text = path.read_text(encoding="utf-8", errors="replace")
            if f"To: {address}" in text:
                return text
        time.sleep(0.2)
    raise AssertionError(f"no email to {address} in {MAILBOX}")


def test_register_for_the_upcoming_webinar_and_cancel_from_the_email(page):
    page.goto("/en/events/")
    assert_accessible(page)
    upcoming = page.get_by_role("region", name="Upcoming events")
    upcoming.get_by_role("link", name="Webinar: writing a smart-city master plan").click()
    page.wait_for_url("**/en/events/master-plan-webinar/")
    assert "WIB" in page.locator(".lead").inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Register", exact=True).first.click()
    form = page.locator("form.registration-form")
    form.get_by_label("Name").fill("Yohanes Ndun")
    form.get_by_label("Email").fill("yohanes@example.org")
    form.get_by_label("Organisation").fill("Diskominfo Kota Kupang")
    form.get_by_label("Member city").select_option(label="Kota Kupang")
    form.get_by_role("button", name="Register").click()

    page.wait_for_url("**/en/events/master-plan-webinar/registration/**")
    assert "You are registered" in page.get_by_role("status").inner_text()
    assert page.locator(".registration-status").inner_text().startswith("Confirmed")
    assert_accessible(page)
    confirmation_url = page.url

    email = email_to("yohanes@example.org")
    assert "Registration confirmed" in email
    link = re.search(r"https?://\S+/registration/[\w-]+/", email).group(0)
    assert link == confirmation_url

    page.goto(link)
    page.get_by_role("button", name="Cancel my registration").click()
    page.wait_for_load_state()
    assert "Your registration is cancelled" in page.get_by_role("status").inner_text()
    assert page.locator(".registration-status").inner_text().startswith("Cancelled")
    assert "Registration cancelled" in email_to("yohanes@example.org")
    assert_accessible(page)


def test_kupang_seminar_page_in_indonesian(page):
    page.goto("/id/acara/kupang-2019-smart-city-strategy/")
    assert page.locator("html").get_attribute("lang") == "id"
    assert "WITA" in page.locator(".lead").inner_text()
    agenda = page.get_by_role("region", name="Agenda")
    assert agenda.get_by_role("heading", level=3).count() == 3
    assert "Konferensi pers" in agenda.inner_text()
    assert "Pendaftaran sudah ditutup." in page.locator("#register").inner_text()
    assert_accessible(page)
