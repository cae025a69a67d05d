"""Starting a plan from a template, and bringing in sections the template gained later.

The plan keeps a snapshot of the template's sections (key, title, guidance, kind,
dimension, required): the template may change or disappear, the plan stays readable and
checkable. Sections are matched by key.
"""

from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.blocks import StreamValue
from wagtail.log_actions import log

from citynet.models import Dimension

from .models import MasterPlanPage
from .models.templates import SectionKind


def section_value(section, language):
    """The block value a new section starts with: template text plus empty content."""
    value = {"key": section["key"], "title": section["title"], "guidance": section["guidance"]}
    if section["kind"] == SectionKind.DIMENSION_STRATEGY and section.get("dimension"):
        dimension = Dimension.objects.filter(slug=section["dimension"]).first()
        if dimension:
            with translation.override(language):
                value["elements"] = [
                    {"element": e.slug, "element_name": e.label, "strategy": ""}
                    for e in dimension.elements.all()
                ]
    return value


def _raw_blocks(sections, language):
    return [{"type": s["kind"], "value": section_value(s, language)} for s in sections]


def plan_title(city, template, start_year):
    end_year = start_year + template.horizon_years
    with translation.override(template.locale.language_code):
        return _("Smart city master plan of %(city)s %(start)s–%(end)s") % {
            "city": city.title,
            "start": start_year,
            "end": end_year,
        }


def _unique_slug(city, base):
    slug, n = base, 1
    taken = set(city.get_children().values_list("slug", flat=True))
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def start_plan(city, template, start_year, user):
    """Create a draft MasterPlanPage under `city`, its sections in the template's order."""
    snapshot = template.snapshot()
    sections_field = MasterPlanPage._meta.get_field("sections")
    plan = MasterPlanPage(
        title=plan_title(city, template, start_year),
        slug=_unique_slug(
            city, slugify(f"master-plan-{start_year}-{start_year + template.horizon_years}")
        ),
        locale_id=city.locale_id,
        plan_template=template,
        template_snapshot=snapshot,
        horizon_years=template.horizon_years,
        start_year=start_year,
        live=False,
        owner=user,
    )
    plan.sections = StreamValue(
        sections_field.stream_block,
        _raw_blocks(snapshot["sections"], template.locale.language_code),
        is_lazy=True,
    )
    city.add_child(instance=plan)
    log(instance=plan, action="wagtail.create", user=user)
    plan.save_revision(user=user, log_action=True)
    return plan


def new_template_sections(plan):
    """Sections the plan's template has now that the plan's snapshot lacks, in order."""
    if not plan.plan_template_id:
        return []
    template = plan.plan_template
    known = {s["key"] for s in plan.snapshot_sections}
    return [s.as_snapshot() for s in template.sections.all() if s.key not in known]


@transaction.atomic
def add_template_sections(plan, user):
    """Append the template's new sections to the plan's latest draft, as a new revision."""
    page = plan.get_latest_revision_as_object()
    added = new_template_sections(page)
    if not added:
        return []
    language = page.plan_template.locale.language_code
    raw = list(page.sections.raw_data) + _raw_blocks(added, language)
    page.sections = StreamValue(
        MasterPlanPage._meta.get_field("sections").stream_block, raw, is_lazy=True
    )
    snapshot = dict(page.template_snapshot)
    snapshot["sections"] = list(snapshot.get("sections", [])) + added
    page.template_snapshot = snapshot
    page.save_revision(user=user, log_action=True)
    return added
