"""The master plan's admin form: checks across the plan, its programmes and their budget
lines that single fields cannot make, and the completeness rule for publishing.

Draft saves skip the completeness rule (Wagtail defers required fields for them); every
other action (publish, submit for review, approve) must pass it.
"""

from collections import Counter
from decimal import Decimal
from types import SimpleNamespace

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from practices.chooser import prime

from .completeness import check


def _live_forms(formset):
    """Forms of a formset that hold a row to keep (filled in, not marked for deletion)."""
    for form in formset.forms:
        form.is_valid()  # fills cleaned_data (errors are reported by the formset)
        if formset.can_delete and formset._should_delete_form(form):
            continue
        if not form.has_changed() and form.instance.pk is None:
            continue
        yield form


class MasterPlanForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "programmes" in self.formsets:
            prime(self.formsets["programmes"].forms)

    def clean(self):
        cleaned = super().clean()
        plan = self.instance
        start = cleaned.get("start_year")
        end = start + plan.horizon_years if start else None
        sections = cleaned.get("sections")
        programmes = self._check_programmes(start, end) if "programmes" in self.formsets else []
        if sections is not None:
            self._check_sections(sections)
        if sections is not None and not self.is_deferred_validation and not self.errors:
            draft = SimpleNamespace(
                sections=sections,
                snapshot_sections=plan.snapshot_sections,
                programme_list=programmes,
                section_dimension=plan.section_dimension,
            )
            missing = check(draft).missing
            if missing:
                self.add_error(
                    None,
                    _(
                        "The plan cannot be published or sent for review until its "
                        "required sections are filled. Missing: %(sections)s."
                    )
                    % {"sections": ", ".join(missing)},
                )
        return cleaned

    def _check_sections(self, sections):
        """Re-copy titles and guidance from the template snapshot (the editor shows them
        read-only; a forged post changes nothing) and refuse sections the template lacks."""
        by_key = {s["key"]: s for s in self.instance.snapshot_sections}
        seen = Counter()
        for child in sections:
            key = child.value.get("key")
            template_section = by_key.get(key)
            if template_section is None or template_section["kind"] != child.block_type:
                self.add_error(
                    None,
                    _(
                        "Sections come from the plan's template; remove the added "
                        "'%(kind)s' section."
                    )
                    % {"kind": child.block.label},
                )
                continue
            seen[key] += 1
            if seen[key] == 2:
                self.add_error(
                    None,
                    _("The section '%(title)s' appears twice; keep one.")
                    % {"title": template_section["title"]},
                )
            child.value["title"] = template_section["title"]
            child.value["guidance"] = template_section["guidance"]

    def _check_programmes(self, start, end):
        """Year and taxonomy checks on each programme, its budget lines and KPIs.

        Returns stand-ins for the kept programmes (dimension, quick win, budget) for the
        completeness check, since the page's own programmes are only updated on save.
        """
        kept = []
        for form in _live_forms(self.formsets["programmes"]):
            data = form.cleaned_data
            p_start, p_end = data.get("start_year"), data.get("end_year")
            if p_start and p_end and p_end < p_start:
                form.add_error("end_year", _("The end year cannot be before the start year."))
            if start:
                outside = _("Choose a year within the plan, %(start)s–%(end)s.") % {
                    "start": start,
                    "end": end,
                }
                for name in ("start_year", "end_year"):
                    year = data.get(name)
                    if year and not start <= year <= end:
                        form.add_error(name, outside)
            dimension, element = data.get("dimension"), data.get("element")
            if dimension and element and element.dimension_id != dimension.pk:
                form.add_error(
                    "element",
                    _("Choose an element of %(dimension)s.") % {"dimension": dimension.label},
                )
            total = self._check_budget(form, data.get("start_year"), data.get("end_year"))
            self._check_indicators(form, start, end)
            kept.append(
                SimpleNamespace(
                    dimension_id=dimension.pk if dimension else None,
                    quick_win=bool(data.get("quick_win")),
                    budget_total=total,
                )
            )
        return kept

    def _check_budget(self, programme_form, p_start, p_end):
        total = Decimal(0)
        lines = Counter()
        for form in _live_forms(programme_form.formsets["budget_lines"]):
            data = form.cleaned_data
            year, source = data.get("year"), data.get("funding_source")
            if year and p_start and p_end and not p_start <= year <= p_end:
                form.add_error(
                    "year",
                    _("Choose a year within the programme, %(start)s–%(end)s.")
                    % {"start": p_start, "end": p_end},
                )
            lines[(year, source)] += 1
            if year and lines[(year, source)] == 2:
                form.add_error(
                    "year",
                    _("There is already a budget line for %(year)s from this source.")
                    % {"year": year},
                )
            total += data.get("amount") or 0
        return total

    def _check_indicators(self, programme_form, start, end):
        for form in _live_forms(programme_form.formsets["indicators"]):
            year = form.cleaned_data.get("target_year")
            if year and start and not start <= year <= end:
                form.add_error(
                    "target_year",
                    _("Choose a year within the plan, %(start)s–%(end)s.")
                    % {"start": start, "end": end},
                )


class MasterPlanTemplateForm(WagtailAdminModelForm):
    """Section keys are how plans find their sections: unique, and strategies need a dimension."""

    def clean(self):
        from .models.templates import SectionKind

        cleaned = super().clean()
        seen = set()
        for form in _live_forms(self.formsets["sections"]):
            key, kind = form.cleaned_data.get("key"), form.cleaned_data.get("kind")
            if key in seen:
                form.add_error("key", _("Another section already uses this key."))
            seen.add(key)
            if kind == SectionKind.DIMENSION_STRATEGY and not form.cleaned_data.get("dimension"):
                form.add_error("dimension", _("Choose the dimension this strategy is about."))
        return cleaned
