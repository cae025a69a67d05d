"""The demo practices: enough variety to try every filter, in both languages."""

import pytest
from django.core.management import call_command

from practices.models import PracticeIndexPage, PracticePage

pytestmark = pytest.mark.django_db


def test_demo_practices_cover_cities_dimensions_languages_and_transfers(client):
    call_command("load_demo_data", verbosity=0)
    english = PracticePage.objects.live().filter(locale__language_code="en")
    indonesian = PracticePage.objects.live().filter(locale__language_code="id")
    assert english.count() >= 15
    assert indonesian.count() == english.count()
    assert english.values("city").distinct().count() >= 8
    assert english.values("dimension").distinct().count() == 6
    assert english.exclude(adapted_from=None).count() >= 2
    assert indonesian.exclude(adapted_from=None).count() >= 2
    for practice in indonesian.exclude(adapted_from=None):
        assert practice.adapted_from.locale.language_code == "id"
    assert all("Sample content" in p.results for p in english)
    assert all("Konten contoh" in p.results for p in indonesian)
    assert PracticeIndexPage.objects.filter(
        locale__language_code="id", slug="praktik-baik"
    ).exists()
    body = client.get("/id/praktik-baik/?q=izin").content.decode()
    assert "Perizinan usaha online" in body

    before = PracticePage.objects.count()
    call_command("load_demo_data", verbosity=0)
    assert PracticePage.objects.count() == before
