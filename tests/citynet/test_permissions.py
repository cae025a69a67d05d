"""A city editor never sees or changes another city's pages, drafts, images or documents."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, WorkflowState

from citynet.models import CityPage

from .admin_forms import city_form_data

pytestmark = pytest.mark.django_db

SECRET = "Rahasia Sidoarjo draft"
DENIED = (302, 403, 404)


@pytest.fixture
def sidoarjo_draft(site_tree):
    """Sidoarjo with an unpublished draft whose title nobody outside Sidoarjo may read."""
    sidoarjo = site_tree.sidoarjo
    sidoarjo.title = SECRET
    revision = sidoarjo.save_revision()
    return sidoarjo, revision


@pytest.fixture
def sidoarjo_files(site_tree):
    collection = site_tree.sidoarjo.collection
    image = get_image_model().objects.create(
        title="Foto rahasia Sidoarjo", file=get_test_image_file(), collection=collection
    )
    document = get_document_model().objects.create(
        title="Dokumen rahasia Sidoarjo", collection=collection
    )
    return image, document


def png_upload(name="logo.png"):
    return SimpleUploadedFile(name, get_test_image_file().file.getvalue(), "image/png")


def assert_denied(response, secret=SECRET, client=None):
    """Refused: a 403/404, or a redirect (possibly via another view of the same page) that
    ends on the admin home page; the secret never appears on the way."""
    for _hop in range(3):
        assert response.status_code in DENIED, response.status_code
        assert secret not in response.content.decode()
        if response.status_code != 302 or response["Location"] == reverse("wagtailadmin_home"):
            return
        assert client is not None, f"unexpected redirect to {response['Location']}"
        response = client.get(response["Location"])
    raise AssertionError("too many redirects")


@pytest.mark.parametrize(
    "name,kwargs",
    [
        ("edit", {}),
        ("preview_on_edit", {}),
        ("view_draft", {}),
        ("delete", {}),
        ("unpublish", {}),
        ("move", {}),
        ("copy", {}),
        ("history", {}),
        ("revisions_index", {}),
        ("workflow_history", {}),
        ("set_privacy", {}),
        ("usage", {}),
    ],
)
def test_other_citys_page_admin_views_are_refused(kupang_client, sidoarjo_draft, name, kwargs):
    sidoarjo, _revision = sidoarjo_draft
    response = kupang_client.get(reverse(f"wagtailadmin_pages:{name}", args=[sidoarjo.pk]))
    assert_denied(response, client=kupang_client)


def test_other_citys_revision_view_and_compare_are_refused(kupang_client, sidoarjo_draft):
    sidoarjo, revision = sidoarjo_draft
    view = reverse("wagtailadmin_pages:revisions_view", args=[sidoarjo.pk, revision.pk])
    assert_denied(kupang_client.get(view))
    compare = reverse(
        "wagtailadmin_pages:revisions_compare", args=[sidoarjo.pk, "live", revision.pk]
    )
    assert_denied(kupang_client.get(compare))


def test_other_citys_page_cannot_be_changed_by_post(kupang_client, site_tree, sidoarjo_draft):
    sidoarjo, _revision = sidoarjo_draft
    edit = reverse("wagtailadmin_pages:edit", args=[sidoarjo.pk])
    data = city_form_data(sidoarjo, title="Diambil alih")
    assert_denied(kupang_client.post(edit, data))
    assert_denied(kupang_client.post(edit, {**data, "action-publish": "publish"}))
    assert_denied(kupang_client.post(reverse("wagtailadmin_pages:delete", args=[sidoarjo.pk])))
    assert_denied(kupang_client.post(reverse("wagtailadmin_pages:unpublish", args=[sidoarjo.pk])))
    assert_denied(kupang_client.post(reverse("wagtailadmin_pages:lock", args=[sidoarjo.pk])))
    move = reverse("wagtailadmin_pages:move_confirm", args=[sidoarjo.pk, site_tree.kupang.pk])
    assert_denied(kupang_client.post(move))
    copy = reverse("wagtailadmin_pages:copy", args=[sidoarjo.pk])
    assert_denied(
        kupang_client.post(
            copy,
            {"new_title": "Salinan", "new_slug": "salinan", "new_parent_page": site_tree.kupang.pk},
        )
    )
    add = reverse("wagtailadmin_pages:add_subpage", args=[sidoarjo.pk])
    assert_denied(kupang_client.get(add))

    fresh = CityPage.objects.get(pk=sidoarjo.pk)
    assert fresh.live and fresh.title == "Kabupaten Sidoarjo"
    assert fresh.get_parent().pk == site_tree.cities.pk
    assert not fresh.locked
    assert fresh.latest_revision.content["title"] == SECRET
    assert not Page.objects.filter(slug="salinan").exists()


def test_explorer_hides_other_cities(kupang_client, site_tree, sidoarjo_draft):
    response = kupang_client.get(reverse("wagtailadmin_explore", args=[site_tree.cities.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Kota Kupang" in body
    assert "Sidoarjo" not in body
    search = kupang_client.get(reverse("wagtailadmin_pages:search"), {"q": "Sidoarjo"})
    assert search.status_code == 200
    assert f"/admin/pages/{site_tree.sidoarjo.pk}/" not in search.content.decode()
    assert SECRET not in search.content.decode()


@pytest.mark.parametrize(
    "app,chooser,which",
    [("wagtailimages", "wagtailimages_chooser", 0), ("wagtaildocs", "wagtaildocs_chooser", 1)],
)
def test_other_citys_files_are_refused(kupang_client, sidoarjo_files, app, chooser, which):
    item = sidoarjo_files[which]
    secret = item.title
    assert_denied(kupang_client.get(reverse(f"{app}:edit", args=[item.pk])), secret)
    assert_denied(kupang_client.get(reverse(f"{app}:delete", args=[item.pk])), secret)
    assert_denied(kupang_client.post(reverse(f"{app}:delete", args=[item.pk])), secret)
    assert type(item).objects.filter(pk=item.pk).exists()
    listing = kupang_client.get(reverse(f"{app}:index"))
    assert listing.status_code == 200 and secret not in listing.content.decode()
    assert secret not in kupang_client.get(reverse(f"{chooser}:choose")).content.decode()


def test_editor_uploads_into_own_city_collection_only(kupang_client, site_tree):
    add = reverse("wagtailimages:add")
    response = kupang_client.get(add)
    assert response.status_code == 200
    assert "Kabupaten Sidoarjo" not in response.content.decode()
    # Naming Sidoarjo's collection in the upload is refused; nothing is stored there.
    kupang_client.post(
        add,
        {
            "title": "Disusupkan",
            "file": png_upload(),
            "collection": site_tree.sidoarjo.collection_id,
        },
    )
    assert not get_image_model().objects.filter(collection=site_tree.sidoarjo.collection).exists()
    kupang_client.post(add, {"title": "Logo Kupang", "file": png_upload()})
    image = get_image_model().objects.get(title="Logo Kupang")
    assert image.collection_id == site_tree.kupang.collection_id


def test_editor_edits_own_city_and_submits_for_review(kupang_client, site_tree, editor_kupang):
    kupang = site_tree.kupang
    edit = reverse("wagtailadmin_pages:edit", args=[kupang.pk])
    assert kupang_client.get(edit).status_code == 200
    kupang.title = "Kupang draft title"
    kupang.save_revision()
    draft = kupang_client.get(reverse("wagtailadmin_pages:view_draft", args=[kupang.pk]))
    assert draft.status_code == 200 and "Kupang draft title" in draft.content.decode()

    data = city_form_data(kupang, title="Kota Kupang (revisi)")
    response = kupang_client.post(edit, {**data, "action-publish": "publish"})
    assert response.status_code == 302
    fresh = CityPage.objects.get(pk=kupang.pk)
    assert fresh.title == "Kota Kupang", "an editor's publish must not go live"

    response = kupang_client.post(edit, {**data, "action-submit": "submit"})
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(kupang.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Secretariat review"
    assert CityPage.objects.get(pk=kupang.pk).title == "Kota Kupang"


def test_secretariat_approves_and_publishes(client, site_tree, editor_kupang, secretariat_user):
    kupang = site_tree.kupang
    client.force_login(editor_kupang)
    edit = reverse("wagtailadmin_pages:edit", args=[kupang.pk])
    client.post(edit, {**city_form_data(kupang, title="Kota Kupang Cerdas"), "action-submit": "1"})
    state = WorkflowState.objects.get(object_id=str(kupang.pk))

    # Kupang's editor cannot approve their own submission.
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[kupang.pk, "approve", state.current_task_state.pk],
    )
    client.post(approve)
    assert CityPage.objects.get(pk=kupang.pk).title == "Kota Kupang"

    client.force_login(secretariat_user)
    response = client.post(approve)
    assert response.status_code in (200, 302)
    assert CityPage.objects.get(pk=kupang.pk).title == "Kota Kupang Cerdas"


def test_editor_cannot_delete_own_city(kupang_client, site_tree):
    # An unpublished city with no translation left is what Wagtail alone would let an
    # editor delete (they may delete draft-only leaf pages they can change).
    site_tree.kupang_id.delete()
    site_tree.kupang.unpublish()
    delete = reverse("wagtailadmin_pages:delete", args=[site_tree.kupang.pk])
    response = kupang_client.post(delete)
    assert response.status_code == 302
    assert CityPage.objects.filter(pk=site_tree.kupang.pk).exists()


def test_editor_cannot_bulk_delete_own_city(kupang_client, site_tree):
    # Wagtail already stops editors without publish rights deleting live pages; an
    # unpublished city is the case only our guard covers.
    site_tree.kupang.unpublish()
    site_tree.kupang_id.unpublish()
    bulk_delete = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    url = f"{bulk_delete}?id={site_tree.kupang.pk}&id={site_tree.kupang_id.pk}"
    response = kupang_client.post(url)
    assert response.status_code == 302
    assert CityPage.objects.filter(pk=site_tree.kupang.pk).exists()
    assert CityPage.objects.filter(pk=site_tree.kupang_id.pk).exists()


def test_editor_cannot_bulk_delete_another_city(kupang_client, site_tree):
    bulk_delete = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    kupang_client.post(f"{bulk_delete}?id={site_tree.sidoarjo.pk}")
    assert CityPage.objects.filter(pk=site_tree.sidoarjo.pk).exists()


def test_secretariat_bulk_deletes_a_city(secretariat_client, site_tree):
    bulk_delete = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    url = f"{bulk_delete}?id={site_tree.kupang.pk}&id={site_tree.kupang_id.pk}"
    assert secretariat_client.post(url).status_code == 302
    assert not CityPage.objects.filter(slug="kupang").exists()


def test_secretariat_deletes_city_through_admin(secretariat_client, site_tree):
    group_id = site_tree.kupang.editors_group_id
    for page in (site_tree.kupang_id, site_tree.kupang):
        delete = reverse("wagtailadmin_pages:delete", args=[page.pk])
        assert secretariat_client.post(delete).status_code == 302
    assert not CityPage.objects.filter(slug="kupang").exists()
    from django.contrib.auth.models import Group

    assert not Group.objects.filter(pk=group_id).exists()


def test_secretariat_creates_city_through_admin(secretariat_client, site_tree):
    add = reverse("wagtailadmin_pages:add", args=["citynet", "citypage", site_tree.cities.pk])
    assert secretariat_client.get(add).status_code == 200
    data = city_form_data(title="Kota Ambon", slug="ambon", province="Maluku")
    response = secretariat_client.post(add, {**data, "action-publish": "publish"})
    assert response.status_code == 302, response.content.decode()[:2000]
    ambon = CityPage.objects.get(slug="ambon")
    assert ambon.live
    assert ambon.editors_group.name == "Kota Ambon editors"
    assert ambon.collection.name == "Kota Ambon"


def test_city_form_errors_are_clear_and_save_nothing(secretariat_client, site_tree):
    add = reverse("wagtailadmin_pages:add", args=["citynet", "citypage", site_tree.cities.pk])
    data = city_form_data(
        title="Kota Rusak",
        slug="rusak",
        province="",
        population="999999999999",
        member_since="abc",
        website="not a url",
    )
    response = secretariat_client.post(add, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"province", "population", "member_since", "website"} <= set(errors)
    assert not CityPage.objects.filter(slug="rusak").exists()


def test_editor_cannot_create_cities(kupang_client, site_tree):
    add = reverse("wagtailadmin_pages:add", args=["citynet", "citypage", site_tree.cities.pk])
    assert_denied(kupang_client.get(add))
    assert_denied(kupang_client.post(add, city_form_data(title="Kota Liar", slug="liar")))
    assert not CityPage.objects.filter(slug="liar").exists()
