"""Shared media on a real S3-compatible server (moto_server on a local port).

Images, renditions, documents and plan PDFs go to the bucket; every read still passes the
app's permission check, and nothing in the bucket is handed out by address."""

import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, PageViewRestriction

from citynet.settings.storages import s3_storages
from events.models import EventMaterial
from masterplans import pdf
from masterplans.drafting import start_plan
from masterplans.models import MasterPlanTemplate
from tests.events.conftest import build_event_tree
from tests.masterplans.test_public import build_plan
from tests.s3 import MotoServer

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()


@pytest.fixture(scope="module")
def moto():
    server = MotoServer().start()
    yield server
    server.stop()


@pytest.fixture
def bucket(moto, settings):
    """Fresh media and private buckets, configured the way an operator would (AWS_*)."""
    media, private = moto.new_bucket("media"), moto.new_bucket("private")
    settings.STORAGES = {**settings.STORAGES, **s3_storages(moto.environment(media, private))}
    s3 = moto.client()

    def keys(name):
        listing = s3.list_objects_v2(Bucket=name)
        return {item["Key"] for item in listing.get("Contents", [])}

    def body(name, key):
        return s3.get_object(Bucket=name, Key=key)["Body"].read()

    return type(
        "Buckets", (), {"media": media, "private": private, "keys": keys, "body": body, "s3": s3}
    )


def test_settings_switch_to_s3_only_with_a_bucket():
    assert s3_storages({}) == {}
    built = s3_storages({"AWS_STORAGE_BUCKET_NAME": "hub", "AWS_DEFAULT_ACL": ""})
    assert built["default"]["OPTIONS"]["bucket_name"] == "hub"
    assert built["private"]["OPTIONS"]["bucket_name"] == "hub"
    assert built["private"]["OPTIONS"]["location"] != built["default"]["OPTIONS"]["location"]
    assert built["default"]["OPTIONS"]["default_acl"] is None
    assert built["default"]["OPTIONS"]["file_overwrite"] is False


def test_image_upload_and_rendition_live_in_the_bucket_and_are_served_by_the_app(
    bucket, site_tree, client, editor_kupang
):
    image = Image.objects.create(
        title="Pantai Lasiana", file=get_test_image_file(), collection=site_tree.kupang.collection
    )
    rendition = image.get_rendition("fill-80x60")
    keys = bucket.keys(bucket.media)
    assert f"media/{image.file.name}" in keys and f"media/{rendition.file.name}" in keys
    # Two uploads with the same file name stay two objects.
    twin = Image.objects.create(
        title="Twin", file=get_test_image_file(), collection=image.collection
    )
    assert twin.file.name != image.file.name

    # The address is the app's own path, never the bucket.
    assert rendition.url == f"/media/{rendition.file.name}"
    assert "127.0.0.1" not in rendition.url and "Signature" not in rendition.url
    assert client.get(rendition.url).status_code == 404  # not used by a public page yet
    city = site_tree.kupang
    city.logo = image
    city.save_revision().publish()
    response = client.get(rendition.url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    served = b"".join(response.streaming_content)
    assert served == bucket.body(bucket.media, f"media/{rendition.file.name}")
    assert (rendition.width, rendition.height) == (80, 60)

    # Objects are private in the bucket itself: no grant to everyone.
    acl = bucket.s3.get_object_acl(Bucket=bucket.media, Key=f"media/{image.file.name}")
    assert not [g for g in acl["Grants"] if "AllUsers" in json.dumps(g)]


def test_documents_download_from_the_bucket_only_while_public(bucket, site_tree, client):
    events = build_event_tree(site_tree)
    document = Document.objects.create(
        title="Materi seminar",
        file=ContentFile(b"%PDF-1.4 slides from Kupang", name="materi.pdf"),
        collection=site_tree.kupang.collection,
    )
    assert f"media/{document.file.name}" in bucket.keys(bucket.media)
    EventMaterial.objects.create(event=events.past, document=document, title="Slides")
    events.past.save_revision().publish()
    url = reverse("wagtaildocs_serve", args=[document.pk, document.filename])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 slides from Kupang"

    # The event page becomes restricted: its document has no public address any more.
    PageViewRestriction.objects.create(page=events.past, restriction_type="login")
    assert client.get(url).status_code == 404
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert document.file.url == f"/media/{document.file.name}"  # the app's path, checked


def test_plan_pdf_is_stored_in_the_private_bucket_and_fetched_from_it(
    bucket, site_tree, editor_kupang, client, django_capture_on_commit_callbacks
):
    template = MasterPlanTemplate.objects.get(locale=Locale.objects.get(language_code="id"))
    plan = start_plan(site_tree.kupang_id, template, 2019, editor_kupang)
    with django_capture_on_commit_callbacks(execute=True):
        plan = build_plan(plan)
    name = pdf.stored_name(plan.pk, plan.live_revision_id, "id")
    response = client.get(plan.url + "pdf/")
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    assert f"private/{name}" in bucket.keys(bucket.private)
    assert not [k for k in bucket.keys(bucket.media) if k.endswith(".pdf")]
    assert bucket.body(bucket.private, f"private/{name}") == response.content
    with pytest.raises(NotImplementedError):
        storages["private"].url(name)
    # A newer published revision forgets the old PDF in the bucket too.
    with django_capture_on_commit_callbacks(execute=True):
        plan.save_revision().publish()
    assert f"private/{name}" not in bucket.keys(bucket.private)


def test_readyz_reports_the_bucket_and_fails_when_it_is_gone(bucket, client, settings):
    body = client.get("/readyz").json()
    assert body["checks"]["storage"]["ok"]
    assert body["checks"]["storage"]["default"]["backend"] == "MediaS3Storage"
    settings.STORAGES = {
        **settings.STORAGES,
        **s3_storages(
            {
                "AWS_STORAGE_BUCKET_NAME": "citynet-missing",
                "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:1",
                "AWS_ACCESS_KEY_ID": "x",
                "AWS_SECRET_ACCESS_KEY": "x",
                "AWS_S3_REGION_NAME": "us-east-1",
            }
        ),
    }
    assert default_storage.__class__.__name__  # the lazy default follows the new settings
    response = client.get("/readyz")
    assert response.status_code == 503 and not response.json()["checks"]["storage"]["ok"]
