"""The demo plans: Kupang's published 2019-2029 plan and Sidoarjo's draft, from the
Indonesian template, with programmes across the six dimensions."""

import pytest
from django.core.management import call_command

from masterplans.models import MasterPlanIndexPage, MasterPlanPage

pytestmark = pytest.mark.django_db


def test_demo_has_kupangs_published_plan_and_sidoarjos_draft(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_data", verbosity=0)
    call_command("load_demo_data", verbosity=0)  # idempotent
    kupang = MasterPlanPage.objects.get(city__slug="kupang")
    assert kupang.live and kupang.period == "2019\u20132029"
    assert kupang.completeness().complete
    assert kupang.plan_template.locale.language_code == "id"
    programmes = kupang.programme_list
    assert len(programmes) >= 12
    assert len({p.dimension.slug for p in programmes}) == 6
    assert sum(p.quick_win for p in programmes) >= 4
    assert all(p.budget_total for p in programmes)
    assert any(p.indicators.all() for p in programmes)
    assert any(p.practices.all() for p in programmes)
    assert "Konten contoh" in kupang.summary

    sidoarjo = MasterPlanPage.objects.get(city__slug="sidoarjo")
    assert not sidoarjo.live
    draft = sidoarjo.get_latest_revision_as_object()
    assert len(draft.programme_list) >= 12
    assert len({p.dimension_id for p in draft.programme_list}) == 6
    assert draft.completeness().missing  # a draft still being written

    assert client.get(kupang.url).status_code == 200
    assert client.get(kupang.url + "pdf/").status_code == 200
    assert client.get(sidoarjo.url).status_code == 404
    index = MasterPlanIndexPage.objects.get(locale__language_code="en")
    assert index.url == "/en/master-plans/"
    response = client.get(index.url)
    assert response.context["plans"] == [kupang]
    # Programmes share a sort order, so which one comes first is up to the database.
    linked = next(p for p in kupang.programme_list if p.practices.all())
    practice_url = linked.practices.all()[0].url
    assert kupang.title in client.get(practice_url).content.decode()
