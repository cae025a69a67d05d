"""Issue 14, items 1 and 3: generated PDFs and uploaded files are private by default."""

import os
import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.test import override_settings
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Locale, PageViewRestriction

from citynet.models import FileSettings
from events.models import EventMaterial
from masterplans import pdf
from masterplans.drafting import start_plan
from masterplans.models import MasterPlanTemplate
from tests.conftest import make_user
from tests.events.conftest import build_event_tree
from tests.masterplans.test_public import build_plan

Document = get_document_model()
Image = get_image_model()


@pytest.fixture
def id_template(db):
    return MasterPlanTemplate.objects.get(locale=Locale.objects.get(language_code="id"))


def stored_pdfs(plan_id):
    try:
        return storages["private"].listdir(f"{pdf.FOLDER}/{plan_id}")[1]
    except FileNotFoundError:
        return []


# Plan PDFs -----------------------------------------------------------------------------


def test_previewed_draft_pdfs_leave_nothing_anonymous_can_fetch(
    on_disk, site_tree, id_template, editor_kupang, kupang_client
):
    plan = start_plan(site_tree.kupang_id, id_template, 2019, editor_kupang)
    assert kupang_client.get(reverse("masterplans_draft_pdf", args=[plan.pk])).status_code == 200
    assert stored_pdfs(plan.pk), "the draft PDF is kept (privately) for the next preview"
    kupang_client.logout()

    media = on_disk / "media"
    files = [p for p in media.rglob("*") if p.is_file()] if media.exists() else []
    assert not [p for p in files if p.suffix == ".pdf"], "no PDF under MEDIA_ROOT"
    # Everything under MEDIA_ROOT and in the private storage: nothing answers anonymously.
    private_root = on_disk / "private"
    private = [p.relative_to(private_root) for p in private_root.rglob("*") if p.is_file()]
    assert private
    for relative in [p.relative_to(media) for p in files] + private:
        assert kupang_client.get(f"/media/{relative}").status_code == 404
    # The old guessable name is gone too.
    old_name = f"/media/masterplans/pdf/{plan.pk}/{plan.latest_revision_id}-id.pdf"
    assert kupang_client.get(old_name).status_code == 404
    # Names are keyed: another plan's or revision's name cannot be derived from this one.
    name = pdf.stored_name(plan.pk, plan.latest_revision_id, "id")
    assert re.fullmatch(r"[0-9a-f]{40}\.pdf", name.rsplit("/", 1)[1])
    with override_settings(SECRET_KEY="another-secret-key-entirely"):
        assert pdf.stored_name(plan.pk, plan.latest_revision_id, "id") != name
    with pytest.raises(NotImplementedError):
        storages["private"].url(name)


def test_stored_pdfs_are_removed_on_new_revision_unpublish_and_restriction(
    site_tree, id_template, editor_kupang, client, django_capture_on_commit_callbacks
):
    plan = start_plan(site_tree.kupang_id, id_template, 2019, editor_kupang)
    with django_capture_on_commit_callbacks(execute=True):
        plan = build_plan(plan)
    assert client.get(plan.url + "pdf/").status_code == 200
    live = {pdf.stored_name(plan.pk, plan.live_revision_id, "id").rsplit("/", 1)[1]}
    assert set(stored_pdfs(plan.pk)) == live

    # A newer draft's preview is kept until the next revision; the live PDF stays throughout.
    client.force_login(editor_kupang)
    draft = plan.get_latest_revision_as_object()
    draft.summary = "Draf baru."
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision(user=editor_kupang)
    response = client.get(reverse("masterplans_draft_pdf", args=[plan.pk]))
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert len(stored_pdfs(plan.pk)) == 2 and live <= set(stored_pdfs(plan.pk))
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision(user=editor_kupang)
    assert set(stored_pdfs(plan.pk)) == live
    client.logout()

    # Restricting the city above the plan removes every stored file.
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=site_tree.kupang_id, restriction_type="login")
    assert stored_pdfs(plan.pk) == []
    assert client.get(plan.url + "pdf/").status_code == 302  # to the login page
    PageViewRestriction.objects.all().delete()

    client.get(plan.url + "pdf/")
    assert stored_pdfs(plan.pk)
    with django_capture_on_commit_callbacks(execute=True):
        plan.unpublish()
    assert stored_pdfs(plan.pk) == []
    assert client.get(plan.url + "pdf/").status_code == 404


# Uploaded files ----------------------------------------------------------------------------


def document(title, collection):
    return Document.objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 test", name=f"{title}.pdf"), collection=collection
    )


def listed(client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/")
    assert response.status_code == 200
    return {item["title"] for item in response.json()["items"]}


def serve(client, doc):
    return client.get(reverse("wagtaildocs_serve", args=[doc.pk, doc.filename]))


def test_documents_are_public_only_while_a_public_page_uses_them(
    on_disk, site_tree, client, editor_kupang, editor_sidoarjo
):
    events = build_event_tree(site_tree)
    kupang_files = site_tree.kupang.collection
    loose = document("Draf anggaran Kupang", kupang_files)
    material = document("Materi seminar", kupang_files)
    EventMaterial.objects.create(event=events.past, document=material, title="Slides")
    events.past.save_revision().publish()

    assert listed(client, "documents") == {"Materi seminar"}
    assert serve(client, material).status_code == 200
    assert serve(client, loose).status_code == 404
    # The city's own editors still reach their file; another city's editors do not.
    client.force_login(editor_kupang)
    assert serve(client, loose).status_code == 200
    client.force_login(editor_sidoarjo)
    assert serve(client, loose).status_code == 404
    client.logout()

    # The page becomes restricted: its material is no longer public.
    PageViewRestriction.objects.create(page=events.past, restriction_type="login")
    assert listed(client, "documents") == set()
    assert serve(client, material).status_code == 404

    # A collection the secretariat opens makes its files public.
    press = Collection.get_first_root_node().add_child(name="Press kit")
    kit = document("Press kit", press)
    assert listed(client, "documents") == set()
    FileSettings.load().public_collections.add(press)
    assert listed(client, "documents") == {"Press kit"}
    assert serve(client, kit).status_code == 200


def test_images_and_renditions_are_served_only_when_public(
    on_disk, site_tree, client, editor_kupang
):
    image = Image.objects.create(
        title="Foto draf", file=get_test_image_file(), collection=site_tree.kupang.collection
    )
    rendition = image.get_rendition("max-100x100")
    original = f"/media/{image.file.name}"
    thumb = f"/media/{rendition.file.name}"
    assert listed(client, "images") == set()
    assert client.get(original).status_code == 404
    assert client.get(thumb).status_code == 404
    client.force_login(editor_kupang)
    assert client.get(original).status_code == 200
    client.logout()

    # Used by a live, public page (the city's logo): public, cacheable.
    city = site_tree.kupang
    city.logo = image
    city.save_revision().publish()
    assert listed(client, "images") == {"Foto draf"}
    response = client.get(thumb)
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    assert client.get("/media/documents/anything.pdf").status_code == 404
    assert client.get("/media/../settings.py").status_code == 404
    assert os.path.sep not in Path(image.file.name).name  # a plain name, nothing to traverse


def test_secretariat_sees_file_settings(site_tree, secretariat_client, kupang_client):
    url = reverse("wagtailsettings:edit", args=["citynet", "filesettings"])
    assert secretariat_client.get(url, follow=True).status_code == 200
    editor = make_user("editor.other")
    kupang_client.force_login(editor)
    response = kupang_client.get(url, follow=True)
    assert "public_collections" not in response.content.decode()
