"""Issue 14, items 4-9: roles, thread safety, spreadsheet cells, API numbers, control
characters, admin choosers and bulk confirmations, security headers."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page

from citynet.roles import SECRETARIAT
from citynet.text import spreadsheet_safe
from search import text
from tests.conftest import make_user
from tests.events.conftest import add_registration, build_event_tree, registration_data
from tests.events.conftest import post as post  # noqa: F401 - a fixture, used by name

User = get_user_model()


# 4. Roles ---------------------------------------------------------------------------------


@pytest.fixture
def admin_user(db):
    return make_user("root", superuser=True)


def user_form(**fields):
    data = {
        "username": "new.editor",
        "email": "new@example.org",
        "first_name": "Ina",
        "last_name": "Editor",
        "password1": "a-long-enough-password-123",
        "password2": "a-long-enough-password-123",
        "is_active": "on",
    }
    data.update(fields)
    return data


def test_secretariat_cannot_create_a_superuser(secretariat_client, site_tree):
    add = reverse("wagtailusers_users:add")
    form = secretariat_client.get(add).content.decode()
    assert 'name="is_superuser"' not in form
    assert "Kota Kupang editors" in form
    group = site_tree.kupang.editors_group
    secretariat_client.post(add, user_form(is_superuser="on", groups=[group.pk]))
    created = User.objects.get(username="new.editor")
    assert not created.is_superuser
    assert list(created.groups.all()) == [group]


def test_secretariat_cannot_edit_or_demote_a_superuser(secretariat_client, admin_user):
    edit = reverse("wagtailusers_users:edit", args=[admin_user.pk])
    response = secretariat_client.get(edit)
    assert (
        response.status_code in (302, 403) and "root@example.org" not in response.content.decode()
    )
    secretariat_client.post(edit, user_form(username="root", is_active=""))
    admin_user.refresh_from_db()
    assert admin_user.is_superuser and admin_user.is_active
    bulk = reverse("wagtail_bulk_action", args=["wagtailusers", "user", "set_active_state"])
    secretariat_client.post(f"{bulk}?id={admin_user.pk}", {"mark_as_active": ""})
    admin_user.refresh_from_db()
    assert admin_user.is_active


def test_secretariat_manages_only_city_editor_and_secretariat_groups(
    secretariat_client, editor_kupang, site_tree
):
    auditors = Group.objects.create(name="Auditors")
    editor_kupang.groups.add(auditors)
    edit = reverse("wagtailusers_users:edit", args=[editor_kupang.pk])
    form = secretariat_client.get(edit).content.decode()
    assert "Auditors" not in form and SECRETARIAT in form
    secretariat_client.post(
        edit,
        user_form(username="editor.kupang", password1="", password2="", groups=[auditors.pk]),
    )
    # An unknown choice is refused; the hidden group stays; editing works with allowed ones.
    sidoarjo = site_tree.sidoarjo.editors_group
    secretariat_client.post(
        edit, user_form(username="editor.kupang", password1="", password2="", groups=[sidoarjo.pk])
    )
    assert set(editor_kupang.groups.all()) == {auditors, sidoarjo}
    bulk = reverse("wagtail_bulk_action", args=["wagtailusers", "user", "assign_role"])
    secretariat_client.post(f"{bulk}?id={editor_kupang.pk}", {"role": auditors.pk})
    other = make_user("someone")
    secretariat_client.post(f"{bulk}?id={other.pk}", {"role": auditors.pk})
    assert not other.groups.exists()


def test_superuser_still_grants_superuser(client, admin_user):
    client.force_login(admin_user)
    client.post(reverse("wagtailusers_users:add"), user_form(is_superuser="on"))
    assert User.objects.get(username="new.editor").is_superuser


# 5. Thread safety ---------------------------------------------------------------------------

WORDS = [
    "perizinan",
    "pelayanan",
    "layanan",
    "pembangunan",
    "kebersihan",
    "pendidikan",
    "permitting",
    "libraries",
    "running",
    "governance",
    "digitalisasi",
    "masyarakat",
    "keterbukaan",
    "informasi",
    "publik",
]


def test_stemming_is_the_same_under_sixteen_threads():
    expected = {word: text.stems(word) for word in WORDS}
    barrier = threading.Barrier(16)

    def work(offset):
        barrier.wait()
        wrong = 0
        for n in range(200):
            word = WORDS[(offset + n) % len(WORDS)]
            if text.stems(word) != expected[word]:
                wrong += 1
            text.index_terms(" ".join(WORDS))
        return wrong

    with ThreadPoolExecutor(16) as pool:
        assert list(pool.map(work, range(16))) == [0] * 16


# serialized_rollback: start from what the migrations seeded (locales, groups), which the
# flush of an earlier transactional test removes.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_search_under_concurrent_requests(live_server, rebuild_search):
    import urllib.request

    from tests.conftest import build_site_tree
    from tests.practices.conftest import build_practice_tree

    build_practice_tree(build_site_tree())
    rebuild_search()
    queries = ["perizinan", "online permits", "digital library", "pelayanan publik"]

    def fetch(n):
        url = f"{live_server.url}/en/search/?q={queries[n % 4].replace(' ', '+')}"
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, b"<mark>" in response.read()

    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(fetch, range(200)))
    assert [status for status, _ in results] == [200] * 200
    assert sum(found for _, found in results) >= 100  # answers, not just pages


# 6. Spreadsheet cells and API numbers ------------------------------------------------------


@pytest.mark.parametrize(
    "value", ['=HYPERLINK("http://x","y")', "@SUM(A1)", "+1+1", "-2+3", "\tTab", "\rCR"]
)
def test_spreadsheet_safe(value):
    assert spreadsheet_safe(value) == "'" + value
    assert spreadsheet_safe("Maria Ndolu") == "Maria Ndolu"
    assert spreadsheet_safe(-5) == -5


def test_registration_csv_neutralises_formulas(secretariat_client, site_tree):
    events = build_event_tree(site_tree)
    add_registration(
        events.upcoming, "evil@example.org", name='=HYPERLINK("http://x","y")', organisation="+1+1"
    )
    response = secretariat_client.get(reverse("events_registration:index") + "?export=csv")
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in body and "'+1+1" in body
    assert ",=HYPERLINK" not in body and '"=HYPERLINK' not in body


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize(
    "query",
    [
        "offset=9223372036854775808",
        "offset=-1",
        "limit=99999999999999999999",
        "id=9223372036854775808",
        "child_of=99999999999999999999",
        "offset=1e3",
        "offset=%EF%BC%91",  # a full-width digit
    ],
)
def test_api_numbers_out_of_range_are_400(client, site_tree, endpoint, query):
    response = client.get(f"/api/v2/{endpoint}/?{query}")
    if endpoint != "pages" and query.startswith("child_of"):
        assert response.status_code == 400  # not a parameter of files
        return
    assert response.status_code == 400, response.content
    assert "message" in response.json()


def test_api_detail_with_a_huge_id_is_404(client, site_tree):
    assert client.get("/api/v2/pages/99999999999999999999/").status_code == 404


# 7. Control characters ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "field, value",
    [
        ("name", "Maria\r\nBcc: victim@example.org"),
        ("organisation", "Diskominfo\nSubject: hacked"),
        ("role", "Analyst\x07"),
        ("needs", "Kursi roda\x1b[31m"),
    ],
)
def test_registration_refuses_control_characters(site_tree, post, field, value):
    build_event_tree(site_tree)
    response = post("/en/events/webinar/register/", registration_data(**{field: value}))
    assert response.status_code == 200
    assert "control characters" in response.content.decode()
    from events.models import Registration

    assert not Registration.objects.exists()


def test_registration_needs_may_span_lines(site_tree, post):
    build_event_tree(site_tree)
    post("/en/events/webinar/register/", registration_data(needs="Kursi roda\r\nVegetarian"))
    from events.models import Registration

    assert Registration.objects.get().needs.startswith("Kursi roda")


# 8. Choosers and bulk confirmations ------------------------------------------------------


@pytest.fixture
def sidoarjo_draft(site_tree):
    from practices.factories import PracticePageFactory

    draft = PracticePageFactory.build(title="Rahasia Sidoarjo draft", slug="rahasia", live=False)
    site_tree.sidoarjo.add_child(instance=draft)
    draft.save_revision()
    return draft


def test_chooser_hides_other_cities_drafts(kupang_client, site_tree, sidoarjo_draft):
    browse = reverse("wagtailadmin_choose_page_child", args=[site_tree.sidoarjo.pk])
    body = kupang_client.get(browse).content.decode()
    assert "Rahasia Sidoarjo draft" not in body
    search = reverse("wagtailadmin_choose_page_search")
    body = kupang_client.get(search, {"q": "Rahasia"}).content.decode()
    assert "Rahasia Sidoarjo draft" not in body
    # Browsing into the draft itself names it: refused.
    into = reverse("wagtailadmin_choose_page_child", args=[sidoarjo_draft.pk])
    assert kupang_client.get(into).status_code == 404
    # The page's own city editors and the secretariat still find it.
    kupang_client.force_login(make_user("s2", site_tree.sidoarjo.editors_group))
    assert "Rahasia Sidoarjo draft" in kupang_client.get(browse).content.decode()
    assert kupang_client.get(into).status_code == 200


@pytest.mark.parametrize("action", ["publish", "unpublish", "delete", "move"])
def test_bulk_confirmation_hides_other_cities_drafts(
    kupang_client, site_tree, sidoarjo_draft, action
):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    body = kupang_client.get(f"{url}?id={sidoarjo_draft.pk}").content.decode()
    assert "Rahasia Sidoarjo draft" not in body
    # Public pages the editor cannot act on are still named (nothing secret there).
    body = kupang_client.get(f"{url}?id={site_tree.sidoarjo.pk}").content.decode()
    assert "Kabupaten Sidoarjo" in body
    assert Page.objects.filter(pk=sidoarjo_draft.pk).exists()


# 9. Security headers -----------------------------------------------------------------------


def test_public_and_admin_pages_carry_security_headers(client, site_tree, secretariat_user):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    client.force_login(secretariat_user)
    admin = client.get("/admin/")
    assert admin.status_code == 200
    assert "'unsafe-inline'" in admin["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in admin["Content-Security-Policy"]


def test_page_titles_refuse_line_breaks(secretariat_client, site_tree):
    from citynet.models import CityPage
    from tests.citynet.admin_forms import city_form_data

    add = reverse("wagtailadmin_pages:add", args=["citynet", "citypage", site_tree.cities.pk])
    data = city_form_data(title="Kota Ambon\r\nBcc: x@example.org", slug="ambon", province="Maluku")
    response = secretariat_client.post(add, data)
    assert response.status_code == 200
    assert "title" in response.context["form"].errors
    assert not CityPage.objects.filter(slug="ambon").exists()
