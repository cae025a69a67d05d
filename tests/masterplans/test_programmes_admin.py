"""Programmes through the real admin edit view: validation with clear messages, bad input
that saves nothing, and programmes kept in the page's revisions."""

import pytest
from django.urls import reverse

from masterplans.models import MasterPlanPage

from .conftest import plan_form_data, programme_form


def edit(client, plan, programmes, **overrides):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[plan.pk]),
        plan_form_data(plan, programmes=programmes, **overrides),
    )


def latest(plan):
    return MasterPlanPage.objects.get(pk=plan.pk).get_latest_revision_as_object()


def programme_errors(response):
    form = response.context["form"]
    forms = form.formsets["programmes"].forms
    return [
        {
            "programme": dict(f.errors),
            "budget": [dict(b.errors) for b in f.formsets["budget_lines"].forms],
            "kpis": [dict(k.errors) for k in f.formsets["indicators"].forms],
        }
        for f in forms
    ]


def test_programmes_are_saved_in_the_revision(kupang_plan, kupang_client, practice_tree):
    response = edit(
        kupang_client,
        kupang_plan,
        [
            programme_form(
                "Mal pelayanan publik",
                element="public-service",
                quick_win=True,
                start=2019,
                end=2020,
                budget=[(2019, 1_500_000_000, "apbd"), (2020, 500_000_000, "apbn")],
                kpis=[("Izin selesai dalam 3 hari", 20, 90, 2021)],
                practices=[practice_tree.permits],
            )
        ],
    )
    assert response.status_code == 302
    plan = latest(kupang_plan)
    (programme,) = plan.programme_list
    assert programme.quick_win and programme.term == "medium"
    assert programme.budget_total == 2_000_000_000
    assert [k.indicator for k in programme.indicators.all()] == ["Izin selesai dalam 3 hari"]
    assert list(programme.practices.all()) == [practice_tree.permits]
    assert kupang_plan.revisions.count() == 2


@pytest.mark.parametrize(
    ("fields", "where", "field", "message"),
    [
        ({"start": 2022, "end": 2020}, "programme", "end_year", "cannot be before the start"),
        ({"start": 2015, "end": 2020}, "programme", "start_year", "within the plan, 2019"),
        ({"start": 2019, "end": 2035}, "programme", "end_year", "within the plan, 2019"),
        ({"element": "waste"}, "programme", "element", "Choose an element of"),
        ({"budget": [(2019, -5, "apbd")]}, "budget", "amount", "cannot be negative"),
        ({"budget": [(2019, 10**20, "apbd")]}, "budget", "amount", "digits"),
        ({"budget": [(2025, 100, "apbd")]}, "budget", "year", "within the programme"),
        ({"budget": [(2019, 1, "apbd"), (2019, 2, "apbd")]}, "budget", "year", "already"),
        ({"budget": [(2019, 100, "lottery")]}, "budget", "funding_source", "valid choice"),
        ({"kpis": [("Indeks", 1, 2, 2040)]}, "kpis", "target_year", "within the plan"),
        ({"start": "abc"}, "programme", "start_year", "whole number"),
        ({"start": 99999999999}, "programme", "start_year", ""),
        ({"dimension": ""}, "programme", "dimension", "required"),
    ],
)
def test_bad_programmes_get_clear_messages_and_save_nothing(
    kupang_plan, kupang_client, fields, where, field, message
):
    before = kupang_plan.revisions.count()
    kwargs = {"budget": [], "kpis": []}
    kwargs.update(fields)
    title = kwargs.pop("title", "Program")
    response = edit(kupang_client, kupang_plan, [programme_form(title, **kwargs)])
    assert response.status_code == 200
    (errors,) = programme_errors(response)
    found = errors[where] if where == "programme" else next(e for e in errors[where] if e)
    assert field in found, errors
    assert message in " ".join(str(m) for m in found[field])
    assert kupang_plan.revisions.count() == before
    assert latest(kupang_plan).programme_list == []


def test_huge_start_year_on_the_plan_is_a_form_error(kupang_plan, kupang_client):
    response = edit(kupang_client, kupang_plan, [], start_year="99999999999999")
    assert response.status_code == 200
    assert "start_year" in response.context["form"].errors


def test_forged_template_text_is_ignored(kupang_plan, kupang_client):
    data = plan_form_data(kupang_plan)
    data["sections-0-value-title"] = "Forged"
    data["sections-0-value-guidance"] = "Forged guidance"
    response = kupang_client.post(reverse("wagtailadmin_pages:edit", args=[kupang_plan.pk]), data)
    assert response.status_code == 302
    first = latest(kupang_plan).sections[0].value
    assert (first["title"], first["guidance"][:5]) == ("Pendahuluan", "Latar")


def test_sections_the_template_lacks_are_refused(kupang_plan, kupang_client):
    raw = list(kupang_plan.sections.raw_data)
    extra = {"type": "narrative", "value": {"key": "", "title": "", "guidance": "", "body": ""}}
    duplicate = dict(raw[0])
    response = edit(kupang_client, kupang_plan, [], raw_sections=raw + [extra, duplicate])
    assert response.status_code == 200
    errors = " ".join(response.context["form"].non_field_errors())
    assert "remove the added" in errors and "appears twice" in errors


def test_revisions_can_be_compared(kupang_plan, kupang_client, secretariat_client):
    edit(kupang_client, kupang_plan, [programme_form(budget=[(2019, 100, "apbd")])])
    first, second = kupang_plan.revisions.order_by("pk")
    url = reverse(
        "wagtailadmin_pages:revisions_compare", args=[kupang_plan.pk, first.pk, second.pk]
    )
    response = secretariat_client.get(url)
    assert response.status_code == 200
    assert "Mal pelayanan publik" in response.content.decode()
