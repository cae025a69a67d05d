"""The practice chooser (practices/chooser.py): what it lists, what it refuses, and the widget
on plan programmes and event sessions that uses it, through the real admin views."""

import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.users.models import UserProfile

from citynet.factories import translate
from citynet.models import Dimension
from practices.factories import PracticePageFactory

from .conftest import make_practice

pytestmark = pytest.mark.django_db

CHOOSE = "practice_chooser:choose"
RESULTS = "practice_chooser:choose_results"


def listed(response):
    assert response.status_code == 200
    return [row.title for row in response.context["results"]]


def modal_html(response):
    return json.loads(response.content)["html"]


@pytest.fixture
def drafts(site_tree, practice_tree):
    """A never-published practice of Sidoarjo and a restricted live one of Kupang."""
    draft = PracticePageFactory.build(title="Secret drainage plan", slug="secret-drainage")
    draft.live = False
    site_tree.sidoarjo.add_child(instance=draft)
    draft.save_revision()
    hidden = make_practice(site_tree.kupang, title="Restricted permits pilot", slug="restricted")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    return draft, hidden


def test_lists_live_public_practices_in_the_editors_language(
    kupang_client, editor_kupang, practice_tree, drafts
):
    translate(practice_tree.permits, "id", title="Perizinan daring")
    response = kupang_client.get(reverse(CHOOSE))
    titles = listed(response)
    assert sorted(titles) == ["Digital library", "Online permits", "PADI library", "Public Wi-Fi"]
    html = modal_html(response)
    assert "Kabupaten Sidoarjo" in html  # the city column
    assert "Secret drainage" not in html and "Restricted permits" not in html
    # Every language, or the other one, on request.
    assert len(listed(kupang_client.get(reverse(RESULTS), {"locale": ""}))) == 5
    assert listed(kupang_client.get(reverse(RESULTS), {"locale": "id"})) == ["Perizinan daring"]
    # An editor working in Indonesian sees the Indonesian practices first.
    profile = UserProfile.get_for_user(editor_kupang)
    profile.preferred_language = "id"
    profile.save()
    assert listed(kupang_client.get(reverse(RESULTS))) == ["Perizinan daring"]


def test_search_matches_every_word_in_title_or_city(kupang_client, practice_tree):
    results = reverse(RESULTS)
    assert listed(kupang_client.get(results, {"q": "permit"})) == ["Online permits"]
    assert listed(kupang_client.get(results, {"q": "ONLINE perm"})) == ["Online permits"]
    assert sorted(listed(kupang_client.get(results, {"q": "kupang"}))) == [
        "PADI library",
        "Public Wi-Fi",
    ]
    assert listed(kupang_client.get(results, {"q": "digital sidoarjo"})) == ["Digital library"]
    assert listed(kupang_client.get(results, {"q": "nothing like this"})) == []
    society = Dimension.objects.get(slug="smart-society")
    assert sorted(listed(kupang_client.get(results, {"dimension": society.pk}))) == [
        "Digital library",
        "PADI library",
        "Public Wi-Fi",
    ]


@pytest.mark.parametrize(
    "params",
    [
        {"dimension": "abc"},
        {"dimension": "999999"},
        {"locale": "xx"},
        {"q": "x" * 5000},
        {"q": "' or 1=1 --"},
        {"q": "a b c d e f g h i j k l m n"},
    ],
)
def test_nasty_filters_never_fail(kupang_client, practice_tree, params):
    response = kupang_client.get(reverse(RESULTS), params)
    assert response.status_code == 200


def test_pages_beyond_the_last_are_404(kupang_client, practice_tree):
    assert kupang_client.get(reverse(RESULTS), {"p": "99"}).status_code == 404
    assert kupang_client.get(reverse(RESULTS), {"p": "abc"}).status_code in (200, 404)


def test_chosen_returns_title_and_city_and_refuses_what_is_not_listed(
    kupang_client, practice_tree, drafts
):
    draft, hidden = drafts
    response = kupang_client.get(
        reverse("practice_chooser:chosen", args=[practice_tree.permits.pk])
    )
    result = json.loads(response.content)["result"]
    assert result["title"] == "Online permits (Kabupaten Sidoarjo)"
    assert result["edit_url"] is None
    # Another city's draft, a restricted page, something that is not a practice, junk: 404.
    for pk in (draft.pk, hidden.pk, practice_tree.index.pk, 999999, "abc", "9" * 30):
        assert kupang_client.get(f"{reverse(CHOOSE)}chosen/{pk}/").status_code == 404
    many = kupang_client.get(
        reverse("practice_chooser:chosen_multiple"),
        {"id": [practice_tree.wifi.pk, draft.pk, hidden.pk, "junk", "9" * 30, "-3"]},
    )
    assert [r["id"] for r in json.loads(many.content)["result"]] == [str(practice_tree.wifi.pk)]


def test_the_chooser_is_for_admin_users_only(client, practice_tree):
    assert client.get(reverse(CHOOSE)).status_code == 302  # to the login
    from tests.conftest import make_user

    client.force_login(make_user("visitor"))
    assert client.get(reverse(CHOOSE)).status_code in (302, 403)


def test_chooser_queries_do_not_grow_with_cities(
    kupang_client, practice_tree, django_assert_max_num_queries
):
    kupang_client.get(reverse(CHOOSE))
    with django_assert_max_num_queries(40) as few:
        kupang_client.get(reverse(CHOOSE), {"q": "digital"})
    baseline = len(few.captured_queries)
    call_command("generate_volume_data", cities=500, practices=1000, stderr=None)
    with django_assert_max_num_queries(baseline):
        response = kupang_client.get(reverse(CHOOSE), {"q": "digital"})
    assert response.context["results"].paginator.count > 10
    for params in ({}, {"q": "kota"}, {"p": "3"}):
        with django_assert_max_num_queries(baseline):
            assert kupang_client.get(reverse(RESULTS), params).status_code == 200
