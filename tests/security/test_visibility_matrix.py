"""Issue 14, item 2: one notion of "publicly visible" everywhere a page can show up.

For each restricted page, every place first mentions it (so the test can fail), then a
login restriction is added and no anonymous response mentions it any more."""

from datetime import date, time
from io import BytesIO

import pytest
from django.utils.text import slugify
from pypdf import PdfReader
from wagtail.models import Locale, PageViewRestriction

from events.models import EventSession
from masterplans.drafting import start_plan
from masterplans.models import MasterPlanTemplate
from tests.events.conftest import build_event_tree
from tests.masterplans.test_public import build_plan
from tests.practices.conftest import build_practice_tree


@pytest.fixture
def world(site_tree, editor_kupang):
    practices = build_practice_tree(site_tree)
    events = build_event_tree(site_tree)
    session = EventSession(
        day=date(2019, 10, 17), starts_at=time(9), ends_at=time(12), title="Sharing"
    )
    session.practices = [practices.library]
    events.past.sessions.add(session)
    events.past.save_revision().publish()
    template = MasterPlanTemplate.objects.get(locale=Locale.objects.get(language_code="id"))
    plan = start_plan(site_tree.kupang_id, template, 2019, editor_kupang)
    plan = build_plan(plan, practices=[practices.library])
    return {"practices": practices, "events": events, "plan": plan, "site": site_tree}


def pdf_text(data):
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(data)).pages)


def mentions(client, url, page):
    """Whether the anonymous response at `url` names the page or links to it."""
    response = client.get(url)
    assert response.status_code == 200, url
    if response["Content-Type"] == "application/pdf":
        return page.title in pdf_text(response.content)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    body = body.decode()
    return page.title in body or page.url in body


def places_of_practice(world):
    practices, events, plan = world["practices"], world["events"], world["plan"]
    return [
        "/en/practices/",
        "/en/practices/feed/",
        "/en/cities/sidoarjo/",
        practices.padi.url,  # adapted from it
        events.past.url,  # presented at a session
        plan.url,  # a programme learns from it
        plan.url + "pdf/",
        "/api/v2/pages/?type=practices.PracticePage",
        "/en/search/?q=digital+library",
        "/en/search/suggest/?q=digital",
    ]


def places_of_event(world):
    return [
        "/en/events/",
        "/en/events/calendar/",
        "/en/",
        "/en/cities/kupang/",
        "/api/v2/pages/?type=events.EventPage",
        "/en/search/?q=webinar",
        "/en/search/suggest/?q=smart+city+web",
    ]


@pytest.mark.parametrize(
    "target, title, places",
    [
        ("library", "Digital library", places_of_practice),
        ("upcoming", "Smart city webinar", places_of_event),
    ],
)
def test_restricted_page_disappears_from_every_place(
    world, client, rebuild_search, django_capture_on_commit_callbacks, target, title, places
):
    page = getattr(world["practices"], target, None) or getattr(world["events"], target)
    urls = places(world)
    rebuild_search()
    before = [url for url in urls if not mentions(client, url, page)]
    assert before == [], f"these places never showed {title!r}: {before}"

    with django_capture_on_commit_callbacks(execute=True):  # as when the admin commits
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    rebuild_search()
    after = [url for url in urls if mentions(client, url, page)]
    assert after == [], f"{title!r} still shows to the public at {after}"
    # The page itself asks for a login.
    assert client.get(page.url).status_code == 302


def test_restricting_a_city_hides_it_and_everything_below(world, client, rebuild_search):
    site = world["site"]
    PageViewRestriction.objects.create(
        page=site.sidoarjo, restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
    )
    rebuild_search()
    for url in ("/en/cities/", "/en/practices/", "/en/search/?q=sidoarjo", "/en/"):
        body = client.get(url).content.decode()
        assert "Online permits" not in body, url
        assert f'href="{site.sidoarjo.url}"' not in body, url
    # A restricted city is no choice on the registration form either.
    form = client.get(world["events"].upcoming.url).content.decode()
    assert "Kabupaten Sidoarjo" not in form
    assert slugify("Kabupaten Sidoarjo") not in client.get("/en/practices/").content.decode()


def test_public_pages_matches_wagtails_own_notion(world):
    """citynet.visibility says in one query what Wagtail's .live().public() says in two."""
    from wagtail.models import Page

    from citynet.visibility import is_public, public_pages, restricted_paths

    site = world["site"]
    PageViewRestriction.objects.create(page=site.sidoarjo, restriction_type="login")
    PageViewRestriction.objects.create(page=world["events"].upcoming, restriction_type="login")
    ours = set(public_pages().values_list("pk", flat=True))
    wagtails = set(Page.objects.live().public().values_list("pk", flat=True))
    assert ours == wagtails
    assert world["practices"].library.pk not in ours
    restricted = restricted_paths()
    for page in Page.objects.all():
        assert is_public(page, restricted) == (page.pk in ours)
