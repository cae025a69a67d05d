"""A new member city gets its own editors, files and review path, kept consistent."""

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Workflow

from citynet import provisioning
from citynet.factories import CityPageFactory
from citynet.models import CityPage

pytestmark = pytest.mark.django_db


def page_codenames(group, page):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def collection_codenames(group, collection):
    return set(
        GroupCollectionPermission.objects.filter(group=group, collection=collection).values_list(
            "permission__codename", flat=True
        )
    )


def test_new_city_gets_group_permissions_and_collection(site_tree):
    kupang = site_tree.kupang
    group = kupang.editors_group
    assert group.name == "Kota Kupang editors"
    assert page_codenames(group, kupang) == {"add_page", "change_page", "lock_page", "unlock_page"}
    assert "publish_page" not in page_codenames(group, kupang)
    assert set(group.permissions.values_list("codename", flat=True)) == {
        "access_admin",
        "submit_translation",
    }
    assert kupang.collection.name == "Kota Kupang"
    assert collection_codenames(group, kupang.collection) == {
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    }
    # Nothing on any other city.
    assert not GroupPagePermission.objects.filter(group=group).exclude(
        page__in=[kupang, site_tree.kupang_id]
    )


def test_translation_shares_the_city_group_and_collection(site_tree):
    kupang_id = CityPage.objects.get(pk=site_tree.kupang_id.pk)
    assert kupang_id.editors_group == site_tree.kupang.editors_group
    assert kupang_id.collection == site_tree.kupang.collection
    assert page_codenames(kupang_id.editors_group, kupang_id) == {
        "add_page",
        "change_page",
        "lock_page",
        "unlock_page",
    }
    assert Group.objects.filter(name__startswith="Kota Kupang editors").count() == 1


def test_copied_city_gets_its_own_group(site_tree):
    copy = site_tree.kupang.copy(update_attrs={"slug": "kupang-2", "title": "Kota Kupang Baru"})
    copy = CityPage.objects.get(pk=copy.pk)
    assert copy.editors_group not in (None, site_tree.kupang.editors_group)
    assert copy.collection != site_tree.kupang.collection


def test_group_names_stay_unique(site_tree):
    other = CityPageFactory(parent=site_tree.cities, title="Kota Kupang", slug="kupang-lain")
    assert other.editors_group.name == "Kota Kupang editors (2)"


def test_renaming_a_city_renames_group_and_collection(site_tree):
    kupang = site_tree.kupang
    kupang.title = "Kota Kupang Raya"
    kupang.save_revision().publish()
    kupang.editors_group.refresh_from_db()
    kupang.collection.refresh_from_db()
    assert kupang.editors_group.name == "Kota Kupang Raya editors"
    assert kupang.collection.name == "Kota Kupang Raya"


def test_renaming_the_translation_leaves_names_alone(site_tree):
    kupang_id = site_tree.kupang_id
    kupang_id.title = "Kupang (terjemahan)"
    kupang_id.save_revision().publish()
    assert Group.objects.get(pk=kupang_id.editors_group_id).name == "Kota Kupang editors"


def test_deleting_city_and_translation_removes_group_and_empty_collection(site_tree):
    group_id = site_tree.kupang.editors_group_id
    collection_id = site_tree.kupang.collection_id
    site_tree.kupang_id.delete()
    assert Group.objects.filter(pk=group_id).exists(), "one translation still stands"
    site_tree.kupang.delete()
    assert not Group.objects.filter(pk=group_id).exists()
    assert not GroupPagePermission.objects.filter(group_id=group_id).exists()
    assert not Collection.objects.filter(pk=collection_id).exists()


def test_deleting_a_city_keeps_its_files_in_an_archived_collection(site_tree):
    collection = site_tree.kupang.collection
    image = get_image_model().objects.create(
        title="Logo", file=get_test_image_file(), collection=collection
    )
    document = get_document_model().objects.create(title="Plan", collection=collection)
    site_tree.kupang_id.delete()
    site_tree.kupang.delete()
    collection.refresh_from_db()
    assert collection.name == "Kota Kupang (archived)"
    assert not GroupCollectionPermission.objects.filter(collection=collection).exists()
    assert get_image_model().objects.filter(pk=image.pk).exists()
    assert get_document_model().objects.filter(pk=document.pk).exists()


def test_deleting_the_city_index_releases_every_city(site_tree):
    groups = [site_tree.kupang.editors_group_id, site_tree.sidoarjo.editors_group_id]
    site_tree.cities_id.delete()
    site_tree.cities.delete()
    assert not Group.objects.filter(pk__in=groups).exists()


def test_failed_provisioning_leaves_no_half_created_city(site_tree, monkeypatch):
    def broken(city):
        raise IntegrityError("simulated failure while provisioning")

    monkeypatch.setattr(provisioning, "provision_city", broken)
    before = (CityPage.objects.count(), Group.objects.count(), Collection.objects.count())
    with pytest.raises(IntegrityError):
        CityPageFactory(parent=site_tree.cities, title="Kota Gagal", slug="gagal")
    after = (CityPage.objects.count(), Group.objects.count(), Collection.objects.count())
    assert after == before
    assert not CityPage.objects.filter(slug="gagal").exists()


def test_secretariat_review_is_the_default_workflow(site_tree):
    workflow = site_tree.kupang.get_workflow()
    assert workflow == Workflow.objects.get(name="Secretariat review")
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Secretariat"]
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
