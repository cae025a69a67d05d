"""The volume generator builds a valid tree of live, linked practices (at small scale)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from citynet.models import CityPage
from practices.models import PracticePage, PracticeTag

pytestmark = pytest.mark.django_db


def test_generates_cities_and_practices_in_a_valid_tree(client, site_tree, practice_tree):
    progress = StringIO()
    call_command("generate_volume_data", cities=4, practices=40, stderr=progress)
    assert "40/40" in progress.getvalue()
    assert all(len(problems) == 0 for problems in Page.find_problems())
    cities = CityPage.objects.filter(slug__startswith="volume-city-")
    assert cities.count() == 4
    practices = PracticePage.objects.live().filter(slug__startswith="volume-practice-")
    assert practices.count() == 40
    assert set(practices.values_list("city_id", flat=True)) == set(
        cities.values_list("pk", flat=True)
    )
    assert PracticeTag.objects.filter(content_object__in=practices).count() >= 40
    assert PracticePage.elements.through.objects.filter(practicepage__in=practices).count() >= 40
    sample = practices.first()
    assert all(e.dimension_id == sample.dimension_id for e in sample.elements.all())
    assert client.get(sample.url).status_code == 200
    listing = client.get("/en/practices/")
    assert listing.context["page_obj"].paginator.count == 44
    # Existing pages keep working: a new child still goes after the bulk-inserted ones.
    city = cities.first()
    from .conftest import make_practice

    added = make_practice(city, title="Added later", slug="added-later")
    assert added.get_parent().pk == city.pk
    assert all(len(problems) == 0 for problems in Page.find_problems())


def test_refuses_a_second_run_with_the_same_prefix(site_tree):
    call_command("generate_volume_data", cities=1, practices=2, stderr=StringIO())
    with pytest.raises(CommandError):
        call_command("generate_volume_data", cities=1, practices=2)
    call_command("generate_volume_data", cities=1, practices=2, prefix="more", stderr=StringIO())
    assert CityPage.objects.filter(slug__startswith="more-city-").count() == 1


def test_needs_the_demo_site_first(db):
    with pytest.raises(CommandError, match="load_demo_data"):
        call_command("generate_volume_data", cities=1, practices=1)
