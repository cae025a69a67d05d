"""Indonesian formats: 16 Oktober 2019, 09.00 WITA, Rp 1.250.000 on public pages, in the
admin's plan and registration views and in PDFs; English keeps its own (16 October 2019,
09:00, Rp 1,250,000)."""

import re
from datetime import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from wagtail.users.models import UserProfile

from citynet.factories import translate
from citynet.templatetags.citynet_formats import money, rupiah
from events.zones import zone
from masterplans.drafting import start_plan
from masterplans.models import MasterPlanTemplate
from tests.events.conftest import add_registration, build_event_tree
from tests.masterplans.test_public import build_plan, pdf_text

pytestmark = pytest.mark.django_db
NBSP = "\u00a0"


@pytest.mark.parametrize(
    "value, language, expected",
    [
        (1_250_000, "id", f"Rp{NBSP}1.250.000"),
        (1_250_000, "en", f"Rp{NBSP}1,250,000"),
        (Decimal("750000000.00"), "id", f"Rp{NBSP}750.000.000"),
        (0, "id", f"Rp{NBSP}0"),
        (10**17, "id", f"Rp{NBSP}100.000.000.000.000.000"),
        (None, "id", ""),
        ("", "id", ""),
        ("not a number", "id", ""),
    ],
)
def test_rupiah(value, language, expected):
    with translation.override(language):
        assert rupiah(value) == expected


def test_other_currencies_keep_their_code():
    with translation.override("id"):
        assert money(12000, "USD") == f"USD{NBSP}12.000"
        assert money(12000, "IDR") == f"Rp{NBSP}12.000"


def test_dates_and_times_in_each_language():
    moment = datetime(2019, 10, 16, 9, 5, tzinfo=zone("Asia/Makassar"))
    with translation.override("id"):
        assert date_format(moment, "DATE_FORMAT") == "16 Oktober 2019"
        assert date_format(moment, "DATETIME_FORMAT") == "16 Oktober 2019, 09.05"
        assert date_format(moment, "TIME_FORMAT") == "09.05"
    with translation.override("en"):
        assert date_format(moment, "DATETIME_FORMAT") == "16 October 2019, 09:05"


@pytest.fixture
def kupang_seminar(site_tree):
    events = build_event_tree(site_tree)
    seminar_id = translate(events.past, "id", title="Seminar Kupang 2019", slug="seminar-kupang")
    return events.past, seminar_id


def test_event_page_in_indonesian_shows_date_time_and_wita(client, kupang_seminar):
    seminar, seminar_id = kupang_seminar
    body = client.get(seminar_id.url).content.decode()
    assert "16 Oktober 2019, 09.00" in body
    assert "WITA" in body
    assert "09:00" not in re.sub(r'datetime="[^"]*"', "", body)  # machine-readable aside
    english = client.get(seminar.url).content.decode()
    assert "16 October 2019, 09:00" in english


def test_practice_budget_in_rupiah(client, practice_tree_id):
    body = client.get(practice_tree_id.url).content.decode()
    assert f"Rp{NBSP}2.500.000.000" in body


@pytest.fixture
def practice_tree_id(site_tree):
    from tests.practices.conftest import build_practice_tree

    permits = build_practice_tree(site_tree).permits
    permits.budget_amount = 2_500_000_000
    permits.save_revision().publish()
    return translate(permits, "id", title="Perizinan daring", slug="perizinan-daring")


@pytest.fixture
def kupang_plan(site_tree, editor_kupang):
    template = MasterPlanTemplate.objects.get(locale__language_code="id")
    return start_plan(site_tree.kupang_id, template, 2019, editor_kupang)


def test_plan_page_and_pdf_write_rupiah_the_indonesian_way(client, kupang_plan):
    plan = build_plan(kupang_plan)
    body = client.get(plan.url).content.decode()
    assert f"Rp{NBSP}1.000.000.000" in body
    assert "1,000,000,000" not in body
    text = pdf_text(client.get(plan.url + "pdf/").content)
    assert "Rp 1.000.000.000" in text
    assert "2.000.000.000" in text


def test_admin_attendance_view_in_indonesian(client, kupang_seminar, secretariat_user):
    seminar, _seminar_id = kupang_seminar
    add_registration(seminar, "ina@kupangkota.go.id")
    profile = UserProfile.get_for_user(secretariat_user)
    profile.preferred_language = "id"
    profile.save()
    client.force_login(secretariat_user)
    body = client.get(reverse("events_attendance", args=[seminar.pk])).content.decode()
    assert "16 Oktober 2019, 09.00 WITA" in body
    listing = client.get(reverse("events_registration:index")).content.decode()
    assert "ina@kupangkota.go.id" in listing
    # When each registration came in, as Indonesian writes it (3 Desember 2026, 13.43).
    months = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November"
    assert re.search(rf"\b\d{{1,2}} ({months}|Desember) \d{{4}}, \d{{2}}\.\d{{2}}\b", listing)
