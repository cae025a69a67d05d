"""`load_demo_data`: a complete demo in one command, and a second run changes nothing."""

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Collection, GroupPagePermission, Page, Revision, Site

from citynet.management.commands.load_demo_data import DEMO_PASSWORD, city_rows
from citynet.models import CityPage, HomePage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "last_revision": Revision.objects.order_by("-pk").values_list("pk", flat=True).first(),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "redirects": Redirect.objects.count(),
        "users": list(
            get_user_model().objects.values_list("username", "password").order_by("username")
        ),
    }


@pytest.fixture
def demo(db):
    call_command("load_demo_data", verbosity=0)


def test_loader_is_idempotent(demo):
    first = snapshot()
    call_command("load_demo_data", verbosity=0)
    assert snapshot() == first
    assert first["redirects"] == 0


def test_demo_has_homes_cities_and_translations(demo, client):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert {h.locale.language_code for h in HomePage.objects.all()} == {"en", "id"}
    rows = city_rows()
    assert len(rows) >= 25
    english = CityPage.objects.filter(locale__language_code="en")
    indonesian = CityPage.objects.filter(locale__language_code="id")
    assert english.count() == indonesian.count() == len(rows)
    assert {"kupang", "sidoarjo"} <= set(english.values_list("slug", flat=True))
    # Slugs stay unique where a kota and a kabupaten share a name.
    assert {"tangerang", "kabupaten-tangerang"} <= set(english.values_list("slug", flat=True))
    for url in ("/en/", "/id/", "/en/cities/", "/id/daerah/", "/en/cities/kupang/"):
        assert client.get(url).status_code == 200, url
    assert "Sample data" in client.get("/en/cities/kupang/").content.decode()


def test_demo_accounts_can_do_what_the_readme_says(demo):
    admin = authenticate(username="admin", password=DEMO_PASSWORD)
    assert admin is not None and admin.is_superuser
    secretariat = authenticate(username="secretariat", password=DEMO_PASSWORD)
    assert list(secretariat.groups.values_list("name", flat=True)) == ["Secretariat"]
    kupang = CityPage.objects.get(slug="kupang", locale__language_code="en")
    sidoarjo = CityPage.objects.get(slug="sidoarjo", locale__language_code="en")
    editor = authenticate(username="editor.kupang", password=DEMO_PASSWORD)
    assert list(editor.groups.all()) == [kupang.editors_group]
    assert kupang.permissions_for_user(editor).can_edit()
    assert not kupang.permissions_for_user(editor).can_publish()
    assert not sidoarjo.permissions_for_user(editor).can_edit()
    other = authenticate(username="editor.sidoarjo", password=DEMO_PASSWORD)
    assert sidoarjo.permissions_for_user(other).can_edit()
    assert not kupang.permissions_for_user(other).can_edit()
