"""Completeness and the refusal to publish: drafts always save; publishing, submitting
for review and approving need every required section; no path around it."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from masterplans.models import MasterPlanPage, PlanIncomplete

from .conftest import complete_plan, filled_sections, plan_form_data, programme_form


def post(client, plan, action=None, **kwargs):
    data = plan_form_data(plan, **kwargs)
    if action:
        data[action] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=[plan.pk]), data)


def test_completeness_counts_required_sections(kupang_plan):
    state = kupang_plan.completeness()
    assert (state.required_filled, state.required_total, state.percent) == (0, 14, 0)
    draft = complete_plan(kupang_plan)
    state = draft.completeness()
    assert state.complete and state.required_filled == 14
    assert state.filled_total == 16  # the optional narratives were filled too


def test_a_readiness_section_needs_scores_and_text(kupang_plan):
    raw = filled_sections(kupang_plan)
    readiness = next(item for item in raw if item["type"] == "readiness")
    readiness["value"]["infrastructure"]["score"] = ""
    from wagtail.blocks import StreamValue

    plan = kupang_plan.get_latest_revision_as_object()
    plan.sections = StreamValue(
        MasterPlanPage._meta.get_field("sections").stream_block, raw, is_lazy=True
    )
    assert plan.completeness().missing[0] == "Analisis kesiapan daerah"


def test_empty_drafts_always_save(kupang_plan, kupang_client):
    response = post(kupang_client, kupang_plan)
    assert response.status_code == 302
    assert kupang_plan.revisions.count() == 2


def test_publishing_an_incomplete_plan_is_refused_with_the_list(kupang_plan, secretariat_client):
    response = post(
        secretariat_client,
        kupang_plan,
        "action-publish",
        raw_sections=filled_sections(kupang_plan, skip={"visi-misi", "monev"}),
        programmes=[programme_form(quick_win=True, budget=[(2019, 10, "apbd")])],
    )
    assert response.status_code == 200
    message = " ".join(response.context["form"].non_field_errors())
    assert "Visi, misi, tujuan, dan sasaran" in message
    assert "Monitoring dan evaluasi" in message
    assert "Pendahuluan" not in message
    assert not MasterPlanPage.objects.get(pk=kupang_plan.pk).live


def test_submitting_an_incomplete_plan_is_refused(kupang_plan, kupang_client):
    response = post(kupang_client, kupang_plan, "action-submit")
    assert response.status_code == 200
    assert "Missing:" in " ".join(response.context["form"].non_field_errors())
    assert not WorkflowState.objects.filter(object_id=str(kupang_plan.pk)).exists()


def test_programme_sections_need_programmes(kupang_plan, secretariat_client):
    response = post(
        secretariat_client, kupang_plan, "action-publish", raw_sections=filled_sections(kupang_plan)
    )
    message = " ".join(response.context["form"].non_field_errors())
    assert "Program dan kegiatan" in message and "Program quick win" in message
    assert "Peta jalan dan penganggaran" in message


def test_complete_plan_goes_through_review_and_is_published(
    kupang_plan, kupang_client, secretariat_user, client
):
    response = post(
        kupang_client,
        kupang_plan,
        "action-submit",
        raw_sections=filled_sections(kupang_plan),
        programmes=[programme_form(quick_win=True, budget=[(2019, 10, "apbd")])],
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(kupang_plan.pk))
    assert state.status == "in_progress"
    # The city's editor cannot approve their own plan.
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[kupang_plan.pk, "approve", state.current_task_state.pk],
    )
    kupang_client.post(approve)
    assert not MasterPlanPage.objects.get(pk=kupang_plan.pk).live
    client.force_login(secretariat_user)
    response = client.post(approve)
    assert response.status_code == 302
    plan = MasterPlanPage.objects.get(pk=kupang_plan.pk)
    assert plan.live and plan.programme_list[0].quick_win


def test_approving_a_plan_emptied_during_review_is_refused(
    kupang_plan, kupang_client, secretariat_user, client
):
    post(
        kupang_client,
        kupang_plan,
        "action-submit",
        raw_sections=filled_sections(kupang_plan),
        programmes=[programme_form(quick_win=True, budget=[(2019, 10, "apbd")])],
    )
    # During review (the page is locked for its city) a reviewer's draft save empties the
    # vision: drafts are always allowed.
    client.force_login(secretariat_user)
    plan = MasterPlanPage.objects.get(pk=kupang_plan.pk)
    response = post(
        client,
        plan,
        raw_sections=filled_sections(plan, skip={"visi-misi"}),
        programmes=[programme_form(quick_win=True, budget=[(2019, 10, "apbd")])],
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(kupang_plan.pk))
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[kupang_plan.pk, "approve", state.current_task_state.pk],
        )
    )
    # PlanIncomplete is a PermissionDenied: the admin answers with its refusal redirect.
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert not MasterPlanPage.objects.get(pk=kupang_plan.pk).live
    state.refresh_from_db()
    assert state.status == "in_progress"  # the approval rolled back with it


def test_publishing_in_code_refuses_an_incomplete_revision(kupang_plan):
    with pytest.raises(PlanIncomplete):
        kupang_plan.get_latest_revision().publish()
    assert not MasterPlanPage.objects.get(pk=kupang_plan.pk).live
