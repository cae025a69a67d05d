"""The practice page: structured facts, transfers, related practices, validation, queries."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from citynet.models import Dimension
from practices.models import PracticeIndicator, PracticePage

from .conftest import element, make_practice

pytestmark = pytest.mark.django_db


def test_renders_structured_fields(client, practice_tree):
    permits = practice_tree.permits
    permits.problem = "<p>Queues at five offices.</p>"
    permits.results = "<p>Permits in three days.</p>"
    permits.budget_amount = 2500000000
    permits.funding_source = "apbd"
    permits.indicators = [
        PracticeIndicator(
            name="Days to issue a permit", unit="days", baseline=21, achieved=3, year=2018
        )
    ]
    permits.save_revision().publish()
    body = client.get(permits.url).content.decode()
    for text in (
        "Online permits",
        "Kabupaten Sidoarjo",
        "Smart Governance",
        "Public service",
        "SDG 16",
        "Scaled up",
        "2008",
        "Queues at five offices.",
        "Days to issue a permit",
        "Rp\xa02,500,000,000 · APBD (regional budget)",
        'href="/en/practices/?tag=perizinan"',
    ):
        assert text in body, text


def test_adoption_shows_both_ways(client, practice_tree):
    original = client.get(practice_tree.library.url).content.decode()
    assert "Adopted by" in original
    assert "Kota Kupang" in original and "(2019)" in original
    assert practice_tree.padi.url in original
    adapted = client.get(practice_tree.padi.url).content.decode()
    assert "Adapted from a practice of Kabupaten Sidoarjo" in adapted
    assert practice_tree.library.url in adapted


def test_unpublished_adaptations_are_not_shown(client, practice_tree):
    practice_tree.padi.unpublish()
    assert "Adopted by" not in client.get(practice_tree.library.url).content.decode()


def test_related_practices_share_an_element_or_tag(practice_tree):
    related = list(practice_tree.library.related_practices())
    assert related[0] == practice_tree.padi  # shares element and tag
    assert practice_tree.permits not in related
    assert set(practice_tree.wifi.related_practices()) == {practice_tree.permits}


def _queries(client, url):
    cache.clear()  # measure the uncached path: the worst case
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_detail_query_count_is_constant(client, site_tree, practice_tree):
    url = practice_tree.library.url
    _queries(client, url)
    small = _queries(client, url)
    for i in range(8):
        make_practice(
            site_tree.kupang,
            title=f"Library {i}",
            slug=f"library-{i}",
            dimension=practice_tree.library.dimension,
            elements=["learning-ecosystem"],
            tags=["literasi"],
            adapted_from=practice_tree.library,
        )
    large = _queries(client, url)
    assert large == small, f"{small} queries before, {large} with 8 more related and adoptions"
    # One query per section other apps add (events: sessions; master plans: plans learning
    # from it), each constant.
    assert small <= 36, "the detail page's fixed query budget"


@pytest.mark.parametrize(
    "changes,field",
    [
        ({"start_year": 2020, "end_year": 2019}, "end_year"),
        ({"start_year": 1200}, "start_year"),
        ({"budget_amount": -5}, "budget_amount"),
        ({"contact_email": "not-an-email"}, "contact_email"),
    ],
)
def test_validation_messages(practice_tree, changes, field):
    practice = practice_tree.permits
    for name, value in changes.items():
        setattr(practice, name, value)
    with pytest.raises(ValidationError) as error:
        practice.full_clean()
    assert field in error.value.message_dict


def test_elements_must_belong_to_the_dimension(practice_tree):
    practice = practice_tree.permits
    practice.elements = [element("waste")]
    with pytest.raises(ValidationError) as error:
        practice.full_clean()
    assert "elements" in error.value.message_dict


def test_adapted_from_must_be_another_city(practice_tree):
    practice = practice_tree.padi
    practice.adapted_from = practice_tree.wifi  # also Kupang
    with pytest.raises(ValidationError) as error:
        practice.full_clean()
    assert "adapted_from" in error.value.message_dict
    practice.adapted_from = practice
    with pytest.raises(ValidationError):
        practice.full_clean()


def test_city_follows_the_parent_for_translations_and_moves(practice_tree, site_tree):
    from citynet.factories import translate

    translated = translate(practice_tree.wifi, "id")
    assert translated.city_id == site_tree.kupang_id.pk
    practice_tree.wifi.move(site_tree.sidoarjo, pos="last-child")
    assert PracticePage.objects.get(pk=practice_tree.wifi.pk).city_id == site_tree.sidoarjo.pk


def test_city_page_lists_its_practices_and_home_the_newest(client, site_tree, practice_tree):
    kupang = client.get(site_tree.kupang.url).content.decode()
    assert "PADI library" in kupang and "Public Wi-Fi" in kupang
    assert "Online permits" not in kupang
    assert "/en/practices/feed/?city=kupang" in kupang
    home = client.get(site_tree.home.url).content.decode()
    assert "Newest practices" in home and "PADI library" in home
    empty = client.get(site_tree.kupang_id.url).content.decode()
    assert "Daerah ini belum menerbitkan praktik." in empty


def test_dimensions_in_use_cannot_be_deleted(practice_tree):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        Dimension.objects.get(slug="smart-society").delete()


def test_secretariat_cannot_delete_a_dimension_in_use_through_the_admin(
    secretariat_client, practice_tree
):
    from django.urls import reverse

    society = Dimension.objects.get(slug="smart-society")
    url = reverse("wagtailsnippets_citynet_dimension:delete", args=[society.pk])
    assert secretariat_client.get(url).status_code == 200
    response = secretariat_client.post(url)
    assert response.status_code == 302
    assert Dimension.objects.filter(pk=society.pk).exists()


def test_related_practices_come_from_the_same_language(practice_tree, monkeypatch):
    """Other languages' matches must not crowd out the candidates."""
    from citynet.factories import translate
    from practices.models import queries

    monkeypatch.setattr(queries, "RELATED_CANDIDATES", 1)
    library_id = translate(practice_tree.library, "id", title="Perpustakaan digital")
    padi_id = translate(practice_tree.padi, "id", title="Perpustakaan PADI")
    assert list(library_id.related_practices()) == [padi_id]
