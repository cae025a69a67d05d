"""Shared fixtures: a small two-language site with two member cities and their people."""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from citynet.factories import CityIndexPageFactory, CityPageFactory, HomePageFactory, translate
from citynet.models import CityIndexPage, CityPage, HomePage
from citynet.roles import SECRETARIAT


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language: a request in Indonesian leaves its
    language active in the thread, and labels read outside a request would follow it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: cached counts never leak between tests."""
    cache.clear()
    yield
    cache.clear()


@dataclass
class SiteTree:
    home: HomePage
    home_id: HomePage
    cities: CityIndexPage
    cities_id: CityIndexPage
    kupang: CityPage
    kupang_id: CityPage
    sidoarjo: CityPage
    sidoarjo_id: CityPage


@pytest.fixture
def on_disk(settings, tmp_path):
    """Real folders: public media and the private storage, apart, as in production."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "citynet.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private"},
        },
    }
    return tmp_path


@pytest.fixture
def site_tree(db):
    """Home, city index, Kupang and Sidoarjo, each in English and Indonesian."""
    return build_site_tree()


def build_site_tree():
    root = Page.get_first_root_node()
    en = Locale.objects.get(language_code="en")
    home = HomePageFactory(parent=root, locale=en)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    home_id = translate(home, "id", title="Hub Pengetahuan Citynet")
    cities = CityIndexPageFactory(parent=home, locale=en)
    cities_id = translate(cities, "id", title="Daerah anggota")
    kupang = CityPageFactory(
        parent=cities,
        title="Kota Kupang",
        slug="kupang",
        province="Nusa Tenggara Timur",
        smart_city_cohort=2019,
    )
    sidoarjo = CityPageFactory(
        parent=cities,
        title="Kabupaten Sidoarjo",
        slug="sidoarjo",
        kind="kabupaten",
        province="Jawa Timur",
        smart_city_cohort=2017,
    )
    return SiteTree(
        home=home,
        home_id=home_id,
        cities=cities,
        cities_id=cities_id,
        kupang=kupang,
        kupang_id=translate(kupang, "id"),
        sidoarjo=sidoarjo,
        sidoarjo_id=translate(sidoarjo, "id"),
    )


def make_user(username, *groups, superuser=False):
    user = get_user_model().objects.create_user(
        username=username, password="pw", email=f"{username}@example.org"
    )
    if superuser:
        user.is_superuser = user.is_staff = True
        user.save()
    for group in groups:
        user.groups.add(group)
    return user


@pytest.fixture
def editor_kupang(site_tree):
    return make_user("editor.kupang", site_tree.kupang.editors_group)


@pytest.fixture
def editor_sidoarjo(site_tree):
    return make_user("editor.sidoarjo", site_tree.sidoarjo.editors_group)


@pytest.fixture
def secretariat_user(db):
    return make_user("secretariat", Group.objects.get(name=SECRETARIAT))


@pytest.fixture
def kupang_client(client, editor_kupang):
    client.force_login(editor_kupang)
    return client


@pytest.fixture
def secretariat_client(client, secretariat_user):
    client.force_login(secretariat_user)
    return client


@pytest.fixture
def search_sync(settings):
    """Page signals update the public search in this test (off by default, for speed)."""
    settings.SEARCH_SYNC = True


@pytest.fixture
def rebuild_search():
    """Call to write the public search's database index from the pages as they are."""
    from search.indexing import rebuild_database_index

    return rebuild_database_index
