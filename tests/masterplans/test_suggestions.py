"""Peer suggestions: thin or behind dimensions, practices of that dimension from other
cities (never the plan's own), closest to the plan's programmes and likest cities first;
using one links it from the plan."""

from decimal import Decimal

import pytest
from django.urls import reverse

from citynet.factories import CityPageFactory, translate
from citynet.models import Dimension
from masterplans.models import MasterPlanPage, Programme, ProgrammeStatus
from masterplans.progress import file_report
from masterplans.suggestions import needs, suggest, suggestions
from practices.factories import PracticeIndexPageFactory
from tests.practices.conftest import make_practice

from .conftest import add_programme, complete_plan, publish
from .progress_helpers import fill, publish_report


def dimension(slug):
    return Dimension.objects.get(slug=slug)


@pytest.fixture
def peers(site_tree):
    """Indonesian practices: two of Sidoarjo's (Jawa Timur), one of a Nusa Tenggara Timur
    city like Kupang, and one of Kupang's own, in smart environment and governance."""
    PracticeIndexPageFactory(parent=site_tree.home)
    ende = CityPageFactory(
        parent=site_tree.cities, title="Kabupaten Ende", slug="ende",
        province="Nusa Tenggara Timur", smart_city_cohort=2019,
    )  # fmt: skip
    ende_id = translate(ende, "id")
    env = dimension("smart-environment")
    make = make_practice
    return {
        "compost": make(site_tree.sidoarjo_id, title="Kompos pasar", slug="kompos",
                        summary="Sampah pasar diolah menjadi kompos.", dimension=env),
        "bank": make(site_tree.sidoarjo_id, title="Bank sampah digital Sidoarjo", slug="bank",
                     summary="Warga menabung sampah terpilah lewat aplikasi.", dimension=env),
        "solar": make(ende_id, title="Lampu jalan tenaga surya", slug="surya",
                      summary="Penerangan jalan dengan panel surya.", dimension=env),
        "own": make(site_tree.kupang_id, title="Bank sampah Kupang", slug="bank-kupang",
                    summary="Bank sampah di kelurahan.", dimension=env),
        "permits": make(site_tree.sidoarjo_id, title="Izin daring", slug="izin",
                        summary="Perizinan daring.", dimension=dimension("smart-governance")),
    }  # fmt: skip


@pytest.fixture
def thin_plan(kupang_plan, editor_kupang):
    """Kupang's plan, published: governance well funded, one small waste programme."""
    page = complete_plan(kupang_plan, editor_kupang)  # governance quick win, 1,000,000
    add_programme(page, "Layanan izin", budget=[(2019, 50_000_000, "apbd")])
    add_programme(
        page, "Pemilahan sampah rumah tangga", "smart-environment",
        budget=[(2020, 1_000_000, "apbd")],
    )  # fmt: skip
    page.save_revision()
    return publish(kupang_plan)


def other_published_plan(site_tree, id_template, user):
    from masterplans.drafting import start_plan

    plan = start_plan(site_tree.sidoarjo_id, id_template, 2019, user)
    page = complete_plan(plan, user)
    add_programme(page, "Bank sampah", "smart-environment", budget=[(2019, 40_000_000, "apbd")])
    page.save_revision()
    return publish(plan)


def test_thin_dimensions_on_known_data(thin_plan, site_tree, id_template, editor_sidoarjo):
    other_published_plan(site_tree, id_template, editor_sidoarjo)
    found = {need.dimension.slug: need for need in needs(thin_plan)}
    # Governance has two programmes and most of the budget; the rest have none or one.
    assert "smart-governance" not in found
    env = found["smart-environment"]
    assert env.programmes == 1 and env.reasons == ["few programmes"]
    assert env.share == Decimal("1.9")  # 1 of 52 million
    assert set(found) == {
        "smart-branding", "smart-economy", "smart-living", "smart-society", "smart-environment",
    }  # fmt: skip


def test_budget_share_below_the_cohort_median(thin_plan, site_tree, id_template, editor_sidoarjo):
    page = thin_plan.get_latest_revision_as_object()
    add_programme(page, "Kompos", "smart-environment", budget=[(2021, 100_000, "apbd")])
    page.save_revision()
    plan = publish(thin_plan)
    other_published_plan(site_tree, id_template, editor_sidoarjo)  # environment ~97%
    env = {n.dimension.slug: n for n in needs(plan)}["smart-environment"]
    assert env.programmes == 2
    assert env.reasons == ["budget share well below the cohort's median"]
    assert env.share < env.cohort_median * Decimal("0.5")


def test_behind_targets_from_the_latest_report(thin_plan, editor_kupang):
    report, _ = file_report(thin_plan, 2019, editor_kupang)
    publish_report(fill(report, {"Layanan izin": (ProgrammeStatus.DELAYED, False, [], {})}))
    governance = {n.dimension.slug: n for n in needs(thin_plan)}["smart-governance"]
    assert governance.reasons == ["behind its targets"]


def test_suggestions_come_from_other_cities_in_the_dimension(thin_plan, peers):
    practices = suggest(thin_plan, dimension("smart-environment"), limit=10)
    assert peers["own"] not in practices  # never the plan's own city
    assert peers["permits"] not in practices  # another dimension
    assert set(practices) == {peers["compost"], peers["bank"], peers["solar"]}
    by_dimension = {n.dimension.slug: n.practices for n in suggestions(thin_plan)}
    assert "smart-governance" not in by_dimension


def test_closest_to_the_plans_programmes_first(thin_plan, peers, rebuild_search):
    rebuild_search()
    # The plan's waste programme ("pemilahan sampah rumah tangga") is closest to the
    # waste-bank practices; the solar lamps share no word with it.
    practices = suggest(thin_plan, dimension("smart-environment"), limit=3)
    assert practices[-1] == peers["solar"]
    assert practices[0] in (peers["bank"], peers["compost"])


def test_likest_city_first_among_equally_close(thin_plan, peers):
    # Without a search index every practice is equally close: Ende (same province and
    # cohort as Kupang) comes before Sidoarjo.
    practices = suggest(thin_plan, dimension("smart-environment"), limit=3)
    assert practices[0] == peers["solar"]


def test_plan_page_and_editor_show_suggestions(thin_plan, peers, client, kupang_client):
    html = client.get(thin_plan.url).content.decode()
    section = html.split('id="peer-practices"')[1]
    assert "Kompos pasar" in section and "Bank sampah Kupang" not in section
    edit = kupang_client.get(reverse("wagtailadmin_pages:edit", args=[thin_plan.pk]))
    adopt = reverse("masterplans_adopt_practice", args=[thin_plan.pk, peers["compost"].pk])
    assert adopt in edit.content.decode()


def test_using_a_suggestion_links_it_from_the_plan(thin_plan, peers, kupang_client, client):
    url = reverse("masterplans_adopt_practice", args=[thin_plan.pk, peers["compost"].pk])
    page = kupang_client.get(url).content.decode()
    assert "Pemilahan sampah rumah tangga" in page
    response = kupang_client.post(url, {"programme": "2"})  # the waste programme
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[thin_plan.pk])
    draft = MasterPlanPage.objects.get(pk=thin_plan.pk).get_latest_revision_as_object()
    waste = [p for p in draft.programmes.all() if p.title.startswith("Pemilahan")][0]
    assert list(waste.practices.all()) == [peers["compost"]]
    kupang_client.post(url, {"programme": "new"})  # double submit: nothing more
    draft = MasterPlanPage.objects.get(pk=thin_plan.pk).get_latest_revision_as_object()
    assert len(draft.programmes.all()) == 3
    # Once published, the practice's page lists the plan (the other direction).
    revision = MasterPlanPage.objects.get(pk=thin_plan.pk).get_latest_revision()
    revision.publish()
    assert thin_plan.title in client.get(peers["compost"].url).content.decode()


def test_a_new_programme_from_a_suggestion(thin_plan, peers, kupang_client):
    url = reverse("masterplans_adopt_practice", args=[thin_plan.pk, peers["solar"].pk])
    kupang_client.post(url, {"programme": "new"})
    draft = MasterPlanPage.objects.get(pk=thin_plan.pk).get_latest_revision_as_object()
    new = [p for p in draft.programmes.all() if p.title == "Lampu jalan tenaga surya"][0]
    assert new.dimension.slug == "smart-environment"
    assert "Kabupaten Ende" in new.description
    assert list(new.practices.all()) == [peers["solar"]]
    assert Programme.objects.filter(title="Lampu jalan tenaga surya").count() == 0  # a draft


@pytest.mark.parametrize("choice", ["7", "-1", "abc", "", "1" * 50])
def test_bad_choices_change_nothing(thin_plan, peers, kupang_client, choice):
    url = reverse("masterplans_adopt_practice", args=[thin_plan.pk, peers["compost"].pk])
    before = thin_plan.revisions.count()
    response = kupang_client.post(url, {"programme": choice})
    assert response.status_code == 302 and thin_plan.revisions.count() == before


def test_wrong_users_and_own_practices_are_refused(
    thin_plan, peers, client, editor_sidoarjo, kupang_client
):
    url = reverse("masterplans_adopt_practice", args=[thin_plan.pk, peers["compost"].pk])
    client.force_login(editor_sidoarjo)
    before = thin_plan.revisions.count()
    assert client.get(url).status_code == 404
    assert client.post(url, {"programme": "new"}).status_code == 404
    assert thin_plan.revisions.count() == before
    own = reverse("masterplans_adopt_practice", args=[thin_plan.pk, peers["own"].pk])
    assert kupang_client.get(own).status_code == 404
    missing = reverse("masterplans_adopt_practice", args=[thin_plan.pk, 999999])
    assert kupang_client.get(missing).status_code == 404
