"""Feeds that feed readers parse, and the read-only JSON API."""

import feedparser
import pytest

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_rss_feed_of_all_practices(client, practice_tree):
    feed = parse(client, "/en/practices/feed/")
    assert feed.version == "rss20"
    assert [e.title for e in feed.entries] == [
        "PADI library",
        "Public Wi-Fi",
        "Digital library",
        "Online permits",
    ]
    entry = feed.entries[0]
    assert entry.link == "http://testserver" + practice_tree.padi.url
    assert entry.summary == practice_tree.padi.summary
    assert entry.tags[0].term == "Smart Society"


def test_atom_feed_per_city_and_dimension(client, practice_tree):
    feed = parse(client, "/en/practices/feed/atom/?city=kupang")
    assert feed.version == "atom10"
    assert {e.title for e in feed.entries} == {"PADI library", "Public Wi-Fi"}
    assert "Kota Kupang" in feed.feed.title
    assert {e.author for e in feed.entries} == {"Kota Kupang"}
    feed = parse(client, "/en/practices/feed/?dimension=smart-governance")
    assert [e.title for e in feed.entries] == ["Online permits"]
    feed = parse(client, "/en/practices/feed/?city=kupang&dimension=smart-governance")
    assert feed.entries == []


def test_unknown_feed_filters_are_404(client, practice_tree):
    assert client.get("/en/practices/feed/?city=atlantis").status_code == 404
    assert client.get("/en/practices/feed/atom/?dimension=x").status_code == 404


def test_feeds_leave_out_unpublished_practices(client, practice_tree):
    practice_tree.wifi.unpublish()
    titles = [e.title for e in parse(client, "/en/practices/feed/").entries]
    assert "Public Wi-Fi" not in titles


def test_listing_advertises_its_feeds(client, practice_tree):
    body = client.get("/en/practices/").content.decode()
    assert 'type="application/rss+xml"' in body and 'href="/en/practices/feed/"' in body


API = "/api/v2/pages/"


def test_api_lists_practices_with_structured_fields(client, practice_tree):
    response = client.get(
        API,
        {
            "type": "practices.PracticePage",
            "fields": "summary,city,dimension,status,start_year,sdgs,tags,indicators",
            "order": "title",
        },
    )
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 4
    first = data["items"][0]
    assert first["title"] == "Digital library"
    assert first["status"] == "operating" and first["start_year"] == 2018
    assert first["city"]["id"] == practice_tree.library.city_id
    assert first["dimension"]["id"] == practice_tree.library.dimension_id
    assert first["tags"] == ["literasi"]


def test_api_filters_by_city_and_dimension(client, practice_tree, site_tree):
    base = {"type": "practices.PracticePage"}
    by_city = client.get(API, {**base, "city": site_tree.kupang.pk}).json()
    assert {i["title"] for i in by_city["items"]} == {"PADI library", "Public Wi-Fi"}
    governance = practice_tree.permits.dimension_id
    by_dimension = client.get(API, {**base, "dimension": governance}).json()
    assert [i["title"] for i in by_dimension["items"]] == ["Online permits"]


def test_api_detail_and_drafts(client, practice_tree):
    detail = client.get(f"{API}{practice_tree.padi.pk}/")
    assert detail.status_code == 200
    body = detail.json()
    assert body["adapted_from"]["id"] == practice_tree.library.pk
    assert body["meta"]["type"] == "practices.PracticePage"
    practice_tree.padi.unpublish()
    assert client.get(f"{API}{practice_tree.padi.pk}/").status_code == 404
    listed = client.get(API, {"type": "practices.PracticePage"}).json()
    assert "PADI library" not in {i["title"] for i in listed["items"]}


def test_api_unknown_ids_are_json_404s(client, practice_tree):
    response = client.get(f"{API}999999/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("search", [" ", "\x00", "permits\x00x"])
def test_api_bad_search_is_400(client, practice_tree, endpoint, search):
    response = client.get(f"/api/v2/{endpoint}/", {"search": search})
    assert response.status_code == 400
    message = response.json()["message"]
    assert "search" in message or "null character" in message


def test_api_search_finds_practices(client, practice_tree, rebuild_search):
    rebuild_search()
    response = client.get(API, {"type": "practices.PracticePage", "search": "permits"})
    assert [i["title"] for i in response.json()["items"]] == ["Online permits"]


def test_api_bad_filters_are_400_not_500(client, practice_tree):
    response = client.get(API, {"type": "practices.PracticePage", "city": "abc"})
    assert response.status_code == 400
    response = client.get(API, {"type": "practices.Nope"})
    assert response.status_code == 400
