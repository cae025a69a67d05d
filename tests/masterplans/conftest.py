"""Master plans on top of the two-city site: the seeded templates, a started plan, and
form data for posting plans through the real Wagtail admin edit view."""

from decimal import Decimal

import pytest
from wagtail import blocks
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from citynet.models import Dimension, DimensionElement
from masterplans.drafting import start_plan
from masterplans.models import (
    MasterPlanPage,
    MasterPlanTemplate,
    Programme,
    ProgrammeBudget,
    ProgrammeIndicator,
)


@pytest.fixture
def id_template(db):
    return MasterPlanTemplate.objects.get(locale=Locale.objects.get(language_code="id"))


@pytest.fixture
def en_template(db):
    return MasterPlanTemplate.objects.get(locale=Locale.objects.get(language_code="en"))


@pytest.fixture
def practice_tree(site_tree):
    from tests.practices.conftest import build_practice_tree

    return build_practice_tree(site_tree)


@pytest.fixture
def kupang_plan(site_tree, id_template, editor_kupang):
    """A draft plan for Kupang (Indonesian tree), 2019-2029, just started."""
    return start_plan(site_tree.kupang_id, id_template, 2019, editor_kupang)


@pytest.fixture
def live_plan(kupang_plan, editor_kupang):
    """Kupang's plan published with three budgeted programmes, two with KPIs."""
    from .progress_helpers import published_plan

    return published_plan(kupang_plan, editor_kupang)


# Filling plans in code ----------------------------------------------------------------

FILLERS = {
    "narrative": lambda v: {"body": "<p>Teks bagian.</p>"},
    "readiness": lambda v: {
        name: {"part_1": "Cukup", "part_2": "", "part_3": "", "score": "3", "evidence": "Data"}
        for name in ("structure", "infrastructure", "superstructure")
    },
    "vision": lambda v: {"vision": "Kupang cerdas", "missions": ["Layanan publik"], "goals": []},
    "dimension_strategy": lambda v: {
        "elements": [{**item, "strategy": "<p>Strategi.</p>"} for item in v.get("elements", [])]
    },
    "monitoring": lambda v: {
        "indicators": [
            {
                "indicator": "Indeks SPBE",
                "aspect": "outcome",
                "frequency": "annual",
                "agency": "Bappeda",
            }
        ]
    },
}


def filled_sections(plan, skip=()):
    """The plan's stream as raw data with every section filled, except keys in `skip`
    (emptied)."""
    raw = []
    for item in plan.sections.raw_data:
        value = dict(item["value"])
        filler = FILLERS.get(item["type"])
        if value["key"] in skip:
            value = {name: value[name] for name in ("key", "title", "guidance")}
        elif filler:
            value.update(filler(value))
        raw.append({**item, "value": value})
    return raw


def add_programme(
    plan,
    title="Mal pelayanan publik",
    dimension="smart-governance",
    *,
    element=None,
    quick_win=False,
    start=2019,
    end=2021,
    budget=(),
    kpis=(),
    practices=(),
):
    """An in-memory programme on `plan` (save a revision to keep it)."""
    programme = Programme(
        title=title,
        dimension=Dimension.objects.get(slug=dimension),
        element=DimensionElement.objects.get(slug=element) if element else None,
        quick_win=quick_win,
        start_year=start,
        end_year=end,
        lead_agency="Diskominfo",
    )
    programme.budget_lines = [
        ProgrammeBudget(year=year, amount=Decimal(amount), funding_source=source)
        for year, amount, source in budget
    ]
    programme.indicators = [
        ProgrammeIndicator(indicator=name, unit="%", baseline=b, target=t, target_year=y)
        for name, b, t, y in kpis
    ]
    programme.practices = list(practices)
    plan.programmes.add(programme)
    return programme


def complete_plan(plan, user=None):
    """Fill every section and give the plan a budgeted quick win; returns the draft."""
    from wagtail.blocks import StreamValue

    page = plan.get_latest_revision_as_object()
    page.sections = StreamValue(
        MasterPlanPage._meta.get_field("sections").stream_block, filled_sections(page), is_lazy=True
    )
    add_programme(page, quick_win=True, budget=[(2019, 1_000_000, "apbd")])
    page.save_revision(user=user)
    return page


def publish(plan, user=None):
    revision = MasterPlanPage.objects.get(pk=plan.pk).get_latest_revision()
    revision.publish(user=user)
    return MasterPlanPage.objects.get(pk=plan.pk)


# Posting through the admin ----------------------------------------------------------------


def block_data(block, value, prefix, out):
    """Flatten a block value into the form fields Wagtail's editor would post."""
    if isinstance(block, blocks.StreamBlock):
        out[f"{prefix}-count"] = str(len(value))
        for i, child in enumerate(value):
            out[f"{prefix}-{i}-type"] = child.block_type
            out[f"{prefix}-{i}-deleted"] = ""
            out[f"{prefix}-{i}-order"] = str(i)
            out[f"{prefix}-{i}-id"] = child.id or ""
            block_data(child.block, child.value, f"{prefix}-{i}-value", out)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            block_data(child_block, value.get(name), f"{prefix}-{name}", out)
    elif isinstance(block, blocks.ListBlock):
        items = list(value or [])
        out[f"{prefix}-count"] = str(len(items))
        for i, item in enumerate(items):
            out[f"{prefix}-{i}-deleted"] = ""
            out[f"{prefix}-{i}-order"] = str(i)
            out[f"{prefix}-{i}-id"] = ""
            block_data(block.child_block, item, f"{prefix}-{i}-value", out)
    elif isinstance(block, blocks.RichTextBlock):
        source = getattr(value, "source", value) or ""
        out[prefix] = rich_text(source) if source else rich_text("")
    else:
        out[prefix] = "" if value is None else str(value)
    return out


def programme_form(
    title="Mal pelayanan publik",
    dimension="smart-governance",
    *,
    element="",
    quick_win=False,
    start=2019,
    end=2021,
    lead_agency="DPMPTSP",
    budget=(),
    kpis=(),
    practices=(),
    **overrides,
):
    dimension_pk = Dimension.objects.get(slug=dimension).pk if dimension else ""
    element_pk = DimensionElement.objects.get(slug=element).pk if element else ""
    values = {
        "title": title,
        "dimension": str(dimension_pk),
        "element": str(element_pk),
        "description": "",
        "quick_win": "on" if quick_win else "",
        "start_year": str(start),
        "end_year": str(end),
        "lead_agency": lead_agency,
        "partners": "",
        "budget_lines": inline_formset(
            [{"year": str(y), "amount": str(a), "funding_source": s} for y, a, s in budget]
        ),
        "indicators": inline_formset(
            [
                {
                    "indicator": n,
                    "unit": "%",
                    "baseline": str(b),
                    "target": str(t),
                    "target_year": str(y),
                }
                for n, b, t, y in kpis
            ]
        ),
    }
    values.update(overrides)
    return values, [str(p.pk) for p in practices]


def plan_form_data(plan, programmes=(), raw_sections=None, **overrides):
    """Everything the edit view posts for `plan`: core fields, sections, programmes."""
    page = plan.get_latest_revision_as_object()
    stream_block = MasterPlanPage._meta.get_field("sections").stream_block
    sections = page.sections
    if raw_sections is not None:
        from wagtail.blocks import StreamValue

        sections = StreamValue(stream_block, raw_sections, is_lazy=True)
    forms = [values for values, _practices in programmes]
    values = {
        "title": page.title,
        "slug": page.slug,
        "start_year": str(page.start_year),
        "summary": page.summary,
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
        "programmes": inline_formset(forms),
    }
    values.update(overrides)
    data = nested_form_data(values)
    block_data(stream_block, sections, "sections", data)
    # Multi-value fields go in after flattening (nested_form_data numbers lists).
    for i, (_values, practice_ids) in enumerate(programmes):
        if practice_ids:
            data[f"programmes-{i}-practices"] = practice_ids
    return data
