"""Both languages: every public page renders, the switcher keeps visitors on their page."""

import re
import subprocess
from pathlib import Path

import pytest
from django.utils import translation
from wagtail.models import Locale

from citynet.factories import CityPageFactory
from citynet.models import Dimension

pytestmark = pytest.mark.django_db
PO = Path(__file__).resolve().parents[2] / "locale" / "id" / "LC_MESSAGES" / "django.po"


def switcher_links(body):
    nav = body.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return dict(re.findall(r'href="([^"]+)" hreflang="(\w+)"', nav))


def public_pages(tree):
    return [
        tree.home,
        tree.home_id,
        tree.cities,
        tree.cities_id,
        tree.kupang,
        tree.kupang_id,
        tree.sidoarjo,
        tree.sidoarjo_id,
    ]


def test_every_public_page_renders_in_its_language(client, site_tree):
    for page in public_pages(site_tree):
        code = page.locale.language_code
        url = page.url
        assert url.startswith(f"/{code}/"), url
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert f'<html lang="{code}">' in body
        assert page.title in body


def test_interface_strings_are_indonesian_on_id_pages(client, site_tree):
    body = client.get(site_tree.cities_id.url).content.decode()
    assert "Saring daerah" in body and "Terapkan filter" in body
    assert "Filter cities" not in body
    body = client.get(site_tree.kupang_id.url).content.decode()
    assert "Keanggotaan Citynet" in body and "Terpilih tahun 2019" in body


def test_switcher_links_to_the_translation(client, site_tree):
    body = client.get(site_tree.kupang.url).content.decode()
    assert switcher_links(body) == {site_tree.kupang_id.url: "id"}
    assert 'aria-current="true" lang="en"' in body
    body = client.get(site_tree.kupang_id.url).content.decode()
    assert switcher_links(body) == {site_tree.kupang.url: "en"}


def test_switcher_falls_back_to_home_without_a_translation(client, site_tree):
    only_english = CityPageFactory(parent=site_tree.cities, title="Kota Inggris", slug="inggris")
    body = client.get(only_english.url).content.decode()
    assert switcher_links(body) == {"/id/": "id"}


def test_root_redirects_by_browser_language(client, site_tree):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="id")["Location"] == "/id/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en")["Location"] == "/en/"


def test_unknown_pages_are_404_in_both_languages(client, site_tree):
    for url in ("/en/cities/atlantis/", "/id/tidak-ada/", "/xx/cities/"):
        # Paths without a language prefix are first sent to /en/…, which then 404s.
        assert client.get(url, follow=True).status_code == 404


def test_menu_shows_the_city_listing_in_each_language(client, site_tree):
    body = client.get(site_tree.home_id.url).content.decode()
    assert f'href="{site_tree.cities_id.url}"' in body
    body = client.get(site_tree.home.url).content.decode()
    assert f'href="{site_tree.cities.url}"' in body


def test_both_content_locales_exist():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "id"}


def test_dimension_labels_follow_the_language():
    governance = Dimension.objects.get(slug="smart-governance")
    with translation.override("id"):
        assert governance.label == "Tata Kelola Pemerintahan Cerdas"
        assert governance.elements.get(slug="public-service").label == "Pelayanan publik"
    with translation.override("en"):
        assert governance.label == "Smart Governance"


def test_indonesian_catalogue_is_complete():
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(PO)],
        capture_output=True,
        text=True,
        check=True,
    )
    stats = result.stderr
    assert "translated" in stats
    assert "untranslated" not in stats and "fuzzy" not in stats, stats


def test_switching_language_keeps_listing_filters_but_not_the_page(client, site_tree):
    body = client.get(site_tree.cities.url, {"kind": "kota", "page": "2"}).content.decode()
    assert switcher_links(body) == {f"{site_tree.cities_id.url}?kind=kota": "id"}
