"""The progress report's admin form: rows may only name the plan's own programmes and KPIs.

The report's form knows its plan (the parent page) before its formsets are built and hands
it down as `report_plan` (modelcluster's `inherit_kwargs`), so each programme row offers the
published plan's programmes and each KPI row that plan's KPIs: never another city's, and a
forged post naming one is a form error.
"""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.panels import InlinePanel


def _plan_of(parent_page, instance):
    from .models import MasterPlanPage

    page = parent_page
    if page is None and instance is not None and instance.pk:
        page = instance.get_parent()
    page = page.specific if page is not None else None
    return page if isinstance(page, MasterPlanPage) else None


class ProgrammeProgressForm(WagtailAdminModelForm):
    def __init__(self, *args, report_plan=None, **kwargs):
        self.report_plan = report_plan
        super().__init__(*args, **kwargs)
        from .models import Programme

        field = self.fields.get("programme")
        if field is not None:
            field.queryset = Programme.objects.filter(
                plan=report_plan.pk if report_plan else None
            ).order_by("sort_order", "pk")
            field.required = True
            field.empty_label = None

    def clean(self):
        cleaned = super().clean()
        programme = cleaned.get("programme")
        if programme is None or "achievements" not in self.formsets:
            return cleaned
        for form in self.formsets["achievements"].forms:
            form.is_valid()  # nested rows are validated after their parent row's clean()
            indicator = form.cleaned_data.get("indicator")
            if indicator is not None and indicator.programme_id != programme.pk:
                form.add_error(
                    "indicator",
                    _("This KPI belongs to another programme (%(programme)s).")
                    % {"programme": indicator.programme.title},
                )
        return cleaned


class IndicatorAchievementForm(WagtailAdminModelForm):
    def __init__(self, *args, report_plan=None, **kwargs):
        self.report_plan = report_plan
        super().__init__(*args, **kwargs)
        from .models import ProgrammeIndicator

        field = self.fields.get("indicator")
        if field is not None:
            field.queryset = (
                ProgrammeIndicator.objects.filter(
                    programme__plan=report_plan.pk if report_plan else None
                )
                .select_related("programme")
                .order_by("programme__sort_order", "sort_order", "pk")
            )
            field.required = True
            field.label_from_instance = lambda kpi: f"{kpi.programme.title}: {kpi.indicator}"


class BudgetRealisationForm(WagtailAdminModelForm):
    def __init__(self, *args, report_plan=None, **kwargs):
        self.report_plan = report_plan
        super().__init__(*args, **kwargs)


CHILD_FORMS = {
    "programme_progress": ProgrammeProgressForm,
    "achievements": IndicatorAchievementForm,
    "realised_budget": BudgetRealisationForm,
}


class ProgressInlinePanel(InlinePanel):
    """An InlinePanel whose rows get the report's plan (see the module docstring)."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        form = formset.get("form")
        base = CHILD_FORMS[self.relation_name]
        if form is not None and form is not base:
            # Wagtail built a class with deferred required fields: keep that, add ours.
            form = type(form.__name__, (base, form), {})
        formset["form"] = form or base
        formset["inherit_kwargs"] = ["report_plan"]
        return options


class ProgressReportForm(WagtailAdminPageForm):
    def __init__(self, data=None, files=None, parent_page=None, *args, **kwargs):
        self.report_plan = _plan_of(parent_page, kwargs.get("instance"))
        super().__init__(data, files, parent_page, *args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        plan = self.report_plan
        year = cleaned.get("year")
        if plan is not None and year is not None:
            if not plan.start_year <= year <= plan.end_year:
                self.add_error(
                    "year",
                    _("The plan runs from %(start)s to %(end)s.")
                    % {"start": plan.start_year, "end": plan.end_year},
                )
            else:
                from .models import ProgressReportPage

                others = ProgressReportPage.objects.child_of(plan).filter(year=year)
                if self.instance.pk:
                    others = others.exclude(pk=self.instance.pk)
                if others.exists():
                    self.add_error(
                        "year", _("The plan already has a report for %(year)s.") % {"year": year}
                    )
        if not self.is_deferred_validation and not (cleaned.get("narrative") or "").strip():
            # Drafts may wait; a report sent for review or published says what happened.
            self.add_error("narrative", _("Write a short narrative before sending the report."))
        if "programme_progress" in self.formsets:
            self._check_duplicates()
        return cleaned

    def _check_duplicates(self):
        seen = set()
        formset = self.formsets["programme_progress"]
        for form in formset.forms:
            form.is_valid()
            if formset._should_delete_form(form):
                continue
            programme = form.cleaned_data.get("programme")
            if programme is None:
                continue
            if programme.pk in seen:
                form.add_error("programme", _("This programme already has a row in the report."))
            seen.add(programme.pk)
