"""Admin views: start a plan from a template, add sections a template gained, the draft
PDF, and a listing of the plans a user may edit with their completeness."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

from citynet.models import CityPage
from citynet.visibility import public_pages
from practices.models import PracticePage

from ..drafting import add_template_sections, new_template_sections, start_plan
from ..exports import TABLES, export_data, to_csv, to_xlsx
from ..models import MasterPlanPage, MasterPlanTemplate, ProgressReportPage
from ..models.plan import PLAN_YEAR_MAX, PLAN_YEAR_MIN
from ..pdf import pdf_response
from ..progress import file_report, open_years
from .evaluation import can_evaluate


def can_start_plan(city, user):
    return city.permissions_for_user(user).can_add_subpage()


def can_file_report(plan, user):
    """Add permission on the plan's subtree. (Wagtail's can_add_subpage() is False here:
    reports are not creatable from its "Add child page" menu, they are filed.)"""
    if not user.is_active:
        return False
    return user.is_superuser or "add" in plan.permissions_for_user(user).permissions


def editable_plan(user, plan_id):
    """The plan if `user` may edit it; another city's editor gets a 404, not a hint."""
    plan = get_object_or_404(MasterPlanPage, pk=plan_id)
    if not plan.permissions_for_user(user).can_edit():
        raise Http404
    return plan


class StartPlanForm(forms.Form):
    template = forms.ModelChoiceField(
        queryset=MasterPlanTemplate.objects.none(),
        label=gettext_lazy("Template"),
        empty_label=None,
        help_text=gettext_lazy("The outline the plan follows, with guidance for each section."),
    )
    start_year = forms.IntegerField(
        label=gettext_lazy("Start year"),
        min_value=PLAN_YEAR_MIN,
        max_value=PLAN_YEAR_MAX,
        help_text=gettext_lazy("The first year of the plan."),
    )

    def __init__(self, *args, city, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = MasterPlanTemplate.objects.filter(
            locale_id=city.locale_id
        )


class StartPlanView(WagtailAdminTemplateMixin, FormView):
    template_name = "masterplans/admin/start_plan.html"
    form_class = StartPlanForm
    header_icon = "doc-full-inverse"

    def dispatch(self, request, city_id):
        self.city = get_object_or_404(CityPage, pk=city_id)
        if not can_start_plan(self.city, request.user):
            raise PermissionDenied
        return super().dispatch(request, city_id)

    def get_page_title(self):
        return _("Start a master plan")

    def get_page_subtitle(self):
        return self.city.title

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "city": self.city}

    def get_initial(self):
        return {"start_year": timezone.localdate().year}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            city=self.city,
            has_templates=self.get_form().fields["template"].queryset.exists(),
            existing=MasterPlanPage.objects.child_of(self.city).order_by("-start_year"),
        )
        return context

    def form_valid(self, form):
        plan = start_plan(
            self.city,
            form.cleaned_data["template"],
            form.cleaned_data["start_year"],
            self.request.user,
        )
        messages.success(
            self.request,
            _("Master plan '%(title)s' started from the template. Fill in its sections.")
            % {"title": plan.title},
        )
        return redirect("wagtailadmin_pages:edit", plan.pk)


class AddSectionsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "masterplans/admin/add_sections.html"
    header_icon = "doc-full-inverse"

    def dispatch(self, request, plan_id):
        self.plan = editable_plan(request.user, plan_id)
        return super().dispatch(request, plan_id)

    def get_page_title(self):
        return _("Sections the template gained")

    def get_page_subtitle(self):
        return self.plan.get_admin_display_title()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest = self.plan.get_latest_revision_as_object()
        context.update(
            plan=self.plan,
            new_sections=new_template_sections(latest),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.plan.pk]),
        )
        return context

    def post(self, request, plan_id):
        if self.plan.get_lock() and self.plan.get_lock().for_user(request.user):
            messages.error(request, _("The plan is locked; unlock it to add sections."))
            return redirect("wagtailadmin_pages:edit", self.plan.pk)
        added = add_template_sections(self.plan, request.user)
        if added:
            messages.success(
                request,
                _("Added %(count)s sections from the template: %(titles)s.")
                % {"count": len(added), "titles": ", ".join(s["title"] for s in added)},
            )
        else:
            messages.info(request, _("The plan already has every section of its template."))
        return redirect("wagtailadmin_pages:edit", self.plan.pk)


def draft_pdf(request, plan_id):
    """The latest draft as a PDF, for the city's editors and the secretariat."""
    plan = editable_plan(request.user, plan_id)
    latest = plan.get_latest_revision_as_object()
    return pdf_response(
        latest,
        request,
        revision_id=plan.latest_revision_id,
        pending_template="masterplans/admin/pdf_pending.html",
    )


class PlanListView(WagtailAdminTemplateMixin, TemplateView):
    """The plans a user may edit, with status and completeness of their latest draft."""

    template_name = "masterplans/admin/plan_list.html"
    header_icon = "doc-full-inverse"
    per_page = 25

    def get_page_title(self):
        return _("Master plans")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        editable = PagePermissionPolicy().instances_user_has_any_permission_for(
            self.request.user, ["change"]
        )
        plans = MasterPlanPage.objects.filter(pk__in=editable.values("pk")).order_by("title", "pk")
        page_obj = Paginator(plans, self.per_page).get_page(self.request.GET.get("page"))
        rows = list(page_obj.object_list)
        revisions = Revision.objects.in_bulk(
            [p.latest_revision_id for p in rows if p.latest_revision_id]
        )
        cities = CityPage.objects.in_bulk([p.city_id for p in rows if p.city_id])
        context.update(
            page_obj=page_obj,
            rows=[
                {
                    "plan": plan,
                    "city": cities.get(plan.city_id),
                    "completeness": (
                        revisions[plan.latest_revision_id].as_object()
                        if plan.latest_revision_id in revisions
                        else plan
                    ).completeness(),
                }
                for plan in rows
            ],
        )
        return context


class FileReportForm(forms.Form):
    year = forms.TypedChoiceField(
        label=gettext_lazy("Year"),
        coerce=int,
        help_text=gettext_lazy("The year the report covers."),
    )

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, str(y)) for y in reversed(years)]


class FileReportView(WagtailAdminTemplateMixin, FormView):
    """Start a year's progress report on a published plan, its rows filled from the plan."""

    template_name = "masterplans/admin/file_report.html"
    form_class = FileReportForm
    header_icon = "tasks"

    def dispatch(self, request, plan_id):
        plan = get_object_or_404(MasterPlanPage, pk=plan_id)
        # Another city's editor learns nothing, not even that the plan exists.
        if not can_file_report(plan, request.user):
            raise Http404
        self.plan = plan
        self.years = open_years(plan, timezone.localdate().year)
        return super().dispatch(request, plan_id)

    def get_page_title(self):
        return _("File a progress report")

    def get_page_subtitle(self):
        return self.plan.get_admin_display_title()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "years": self.years}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            plan=self.plan,
            years=self.years,
            reports=ProgressReportPage.objects.child_of(self.plan).order_by("-year"),
        )
        return context

    def post(self, request, *args, **kwargs):
        if not self.plan.live:
            messages.error(request, _("Publish the plan before reporting on it."))
            return redirect("masterplans_file_report", self.plan.pk)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        year = form.cleaned_data["year"]
        report, created = file_report(self.plan, year, self.request.user)
        if not created:
            # A double submit: the first request filed it.
            messages.info(
                self.request, _("The report for %(year)s is already filed.") % {"year": year}
            )
            return redirect("wagtailadmin_pages:edit", report.pk)
        messages.success(
            self.request,
            _("Progress report %(year)s started with the plan's programmes. Fill it in.")
            % {"year": year},
        )
        return redirect("wagtailadmin_pages:edit", report.pk)


def exportable_plans(user, city_id):
    """The plans `user` may export: every city's for the secretariat, their own cities'
    for a city editor; `city_id` narrows to one city (another city's is a 404)."""
    plans = MasterPlanPage.objects.all()
    if not can_evaluate(user):
        editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
        cities = CityPage.objects.filter(pk__in=editable.values("pk"))
        plans = plans.filter(city__in=cities)
    else:
        cities = CityPage.objects.all()
    if city_id:
        city = (
            cities.filter(pk=city_id).first() if city_id.isdigit() and len(city_id) < 12 else None
        )
        if city is None:
            raise Http404
        plans = plans.filter(city__translation_key=city.translation_key)
    return plans


def export_plans(request):
    """?format=xlsx (every table, one sheet each) or ?format=csv&table=… for one table;
    &city=<id> for one city."""
    fmt = request.GET.get("format", "xlsx")
    table = request.GET.get("table", "programmes")
    with_scores = can_evaluate(request.user)
    if fmt not in ("xlsx", "csv") or table not in TABLES or (table == "scores" and not with_scores):
        return HttpResponseBadRequest(_("Unknown export format or table."))
    plans = exportable_plans(request.user, request.GET.get("city", ""))
    tables = export_data(plans, with_scores)
    stamp = timezone.localdate().isoformat()
    if fmt == "xlsx":
        response = HttpResponse(
            to_xlsx(tables),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        name = f"citynet-plans-{stamp}.xlsx"
    else:
        response = HttpResponse(to_csv(tables[table]), content_type="text/csv; charset=utf-8")
        name = f"citynet-{table}-{stamp}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class AdoptPracticeView(WagtailAdminTemplateMixin, TemplateView):
    """Use another city's practice in the plan: link it from one of the plan's programmes
    in its dimension, or start a programme from it (in the plan's latest draft). The plan
    then learns from the practice, and the practice's page lists the plan once published."""

    template_name = "masterplans/admin/adopt_practice.html"
    header_icon = "doc-full-inverse"

    def dispatch(self, request, plan_id, practice_id):
        self.plan = editable_plan(request.user, plan_id)
        self.practice = get_object_or_404(
            public_pages(PracticePage.objects.select_related("city", "dimension")),
            pk=practice_id,
        )
        if (
            self.plan.city
            and self.practice.city
            and (self.practice.city.translation_key == self.plan.city.translation_key)
        ):
            raise Http404  # a city's own practice is not a peer suggestion
        self.draft = self.plan.get_latest_revision_as_object()
        # Held as a list and assigned back on save: when the plan has no unpublished changes
        # the "draft" is the live page, whose programmes are fresh rows on every query.
        self.all_programmes = list(self.draft.programmes.all())
        self.programmes = [
            (str(i), p)
            for i, p in enumerate(self.all_programmes)
            if p.dimension_id == self.practice.dimension_id
        ]
        return super().dispatch(request, plan_id, practice_id)

    def get_page_title(self):
        return _("Use a practice in the plan")

    def get_page_subtitle(self):
        return self.plan.get_admin_display_title()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(plan=self.plan, practice=self.practice, programmes=self.programmes)
        return context

    def post(self, request, plan_id, practice_id):
        if self.plan.get_lock() and self.plan.get_lock().for_user(request.user):
            messages.error(request, _("The plan is locked; unlock it to change it."))
            return redirect("wagtailadmin_pages:edit", self.plan.pk)
        choice = request.POST.get("programme", "")
        chosen = dict(self.programmes)
        if choice != "new" and choice not in chosen:
            messages.error(request, _("Choose one of the plan's programmes, or a new one."))
            return redirect("masterplans_adopt_practice", self.plan.pk, self.practice.pk)
        linked = [p for p in self.all_programmes if self.practice in p.practices.all()]
        if linked:
            messages.info(
                request,
                _("'%(programme)s' already learns from this practice.")
                % {"programme": linked[0].title},
            )
            return redirect("wagtailadmin_pages:edit", self.plan.pk)
        if choice == "new":
            programme = programme_from_practice(self.plan, self.practice)
            self.all_programmes.append(programme)
        else:
            programme = chosen[choice]
            programme.practices = [*programme.practices.all(), self.practice]
        self.draft.programmes = self.all_programmes
        self.draft.save_revision(user=request.user, log_action=True)
        messages.success(
            request,
            _("'%(programme)s' now learns from %(practice)s (%(city)s). Check it in the plan.")
            % {
                "programme": programme.title,
                "practice": self.practice.title,
                "city": self.practice.city.title if self.practice.city else "",
            },
        )
        return redirect("wagtailadmin_pages:edit", self.plan.pk)


def programme_from_practice(plan, practice):
    from ..models import Programme

    year = min(max(timezone.localdate().year, plan.start_year), plan.end_year)
    with translation.override(plan.locale.language_code):
        description = _("Adapted from %(practice)s (%(city)s).") % {
            "practice": practice.title,
            "city": practice.city.title if practice.city else "",
        }
    programme = Programme(
        title=practice.title[:200],
        dimension_id=practice.dimension_id,
        description=description,
        start_year=year,
        end_year=year,
        lead_agency="",
    )
    programme.practices = [practice]
    return programme
