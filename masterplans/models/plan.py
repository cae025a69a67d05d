"""A city's smart-city master plan: sections from its template, and programmes.

The plan is a page under its city, so drafts, review, revisions and comparison are
Wagtail's own. Programmes (with their yearly budget lines and KPIs) are child objects of
the page, so they are part of every revision; the roadmap and budget are computed from
them, never typed in.
"""

from decimal import Decimal

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from modelcluster.queryset import FakeQuerySet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from citynet.models import CityPage, Dimension, DimensionElement
from citynet.models.cities import parent_city_id
from citynet.visibility import public_pages
from practices.chooser import PracticesChooserWidget
from practices.models import FundingSource, PracticePage

from ..blocks import SECTION_BLOCKS
from ..forms import MasterPlanForm
from ..panels import PlanStatusPanel, SuggestionsPanel
from .templates import MasterPlanTemplate

PLAN_YEAR_MIN, PLAN_YEAR_MAX = 2000, 2100
YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2200)]
# Budgets are whole rupiah; 18 digits hold a hundred quadrillion, more than any city's.
AMOUNT_DIGITS = 18


class Term(models.TextChoices):
    """Indonesian master plans sort programmes by when they finish: within the first year,
    within the five-year RPJMD period, or later in the ten-year horizon."""

    SHORT = "short", _("Short term")
    MEDIUM = "medium", _("Medium term")
    LONG = "long", _("Long term")


SHORT_TERM_YEARS, MEDIUM_TERM_YEARS = 1, 5


def term_for(plan_start_year, end_year):
    years = end_year - plan_start_year + 1
    if years <= SHORT_TERM_YEARS:
        return Term.SHORT
    if years <= MEDIUM_TERM_YEARS:
        return Term.MEDIUM
    return Term.LONG


class PlanIncomplete(PermissionDenied):
    """Raised when something tries to publish a plan whose required sections are empty."""


class MasterPlanPage(RoutablePageMixin, Page):
    """A city's smart-city master plan, started from a MasterPlanTemplate."""

    city = models.ForeignKey(
        CityPage,
        verbose_name=_("city"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="master_plans",
    )
    # Not `template`: Page.template is the page's Django template path.
    plan_template = models.ForeignKey(
        MasterPlanTemplate,
        verbose_name=_("template"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="plans",
    )
    # The template's sections as they were when the plan was started (and as later added).
    template_snapshot = models.JSONField(_("template snapshot"), default=dict, editable=False)
    horizon_years = models.PositiveSmallIntegerField(
        _("horizon in years"), default=10, editable=False
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"),
        validators=[MinValueValidator(PLAN_YEAR_MIN), MaxValueValidator(PLAN_YEAR_MAX)],
        help_text=_("First year of the plan; it runs for the template's horizon (e.g. 10 years)."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=600,
        blank=True,
        help_text=_("Two or three sentences for listings: what the plan sets out to change."),
    )
    sections = StreamField(SECTION_BLOCKS, blank=True, verbose_name=_("sections"))

    parent_page_types = ["citynet.CityPage"]
    # Yearly progress reports, filed from "File a progress report" on the published plan.
    subpage_types = ["masterplans.ProgressReportPage"]
    # Plans are started from a template ("Start a master plan" on the city), not added bare.
    is_creatable = False
    exclude_fields_in_copy = ["city"]
    base_form_class = MasterPlanForm

    content_panels = [
        PlanStatusPanel(),
        SuggestionsPanel(),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("start_year")]),
        FieldPanel("summary"),
        FieldPanel("sections"),
    ]
    programme_panels = [
        InlinePanel(
            "programmes",
            heading=_("Programmes"),
            label=_("Programme"),
            help_text=_(
                "Each programme with its years, lead agency, yearly budget and KPIs; the "
                "roadmap and budget tables are computed from them."
            ),
        )
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Plan")),
            ObjectList(programme_panels, heading=_("Programmes")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.FilterField("city"),
        index.FilterField("start_year"),
    ]

    class Meta:
        verbose_name = _("master plan")
        verbose_name_plural = _("master plans")

    # Years and terms -----------------------------------------------------------------

    @property
    def end_year(self):
        return (self.start_year or 0) + (self.horizon_years or 0)

    @property
    def years(self):
        return list(range(self.start_year, self.end_year + 1)) if self.start_year else []

    @property
    def period(self):
        return f"{self.start_year}\u2013{self.end_year}"

    # Sections --------------------------------------------------------------------------

    @property
    def snapshot_sections(self):
        return (self.template_snapshot or {}).get("sections", [])

    @cached_property
    def _dimension_ids(self):
        return dict(Dimension.objects.values_list("slug", "pk"))

    def section_dimension(self, key):
        """The pk of the dimension a template section is about, or None."""
        for section in self.snapshot_sections:
            if section["key"] == key and section.get("dimension"):
                return self._dimension_ids.get(section["dimension"])
        return None

    # Programmes -------------------------------------------------------------------------

    @cached_property
    def programme_list(self):
        """Programmes with their budget lines, indicators and practices, in one pass.

        On a saved page these come from the database (a fixed number of queries however
        many programmes); in previews and revisions they are the in-memory children.
        """
        programmes = self.programmes.all()
        if not isinstance(programmes, FakeQuerySet):
            # Only practices the public may see are linked from the page and its PDF.
            practices = Prefetch("practices", queryset=public_pages(PracticePage.objects.all()))
            programmes = programmes.select_related("dimension", "element").prefetch_related(
                "budget_lines", "indicators", practices
            )
        programmes = list(programmes)
        for programme in programmes:
            programme.term = term_for(self.start_year, programme.end_year or self.start_year)
        return programmes

    def completeness(self):
        from ..completeness import check

        return check(self)

    # Publishing ---------------------------------------------------------------------------

    def publish(self, revision, *args, **kwargs):
        """The last line behind the editor's check: no path publishes an incomplete plan
        (workflow approval from the dashboard, bulk publish, scheduled publishing)."""
        missing = revision.as_object().completeness().missing
        if missing:
            raise PlanIncomplete(
                _("Required sections are empty: %(sections)s") % {"sections": ", ".join(missing)}
            )
        return super().publish(revision, *args, **kwargs)

    def save(self, *args, **kwargs):
        if self._state.adding or self.city_id is None:
            self.city_id = parent_city_id(self)
        return super().save(*args, **kwargs)

    # Public views -------------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        from ..views.public import implementation_context, plan_context

        context = super().get_context(request, *args, **kwargs)
        context.update(plan_context(self))
        context.update(implementation_context(self, request))
        return context

    @path("")
    def plan(self, request):
        return self.render(request)

    @path("pdf/")
    def pdf(self, request):
        from ..pdf import pdf_response

        return pdf_response(self, request, revision_id=self.live_revision_id)


class Programme(Orderable, ClusterableModel):
    """A programme of the plan: what, where in the taxonomy, when, by whom, for how much."""

    plan = ParentalKey(MasterPlanPage, on_delete=models.CASCADE, related_name="programmes")
    title = models.CharField(_("title"), max_length=200)
    dimension = models.ForeignKey(
        Dimension,
        verbose_name=_("dimension"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    element = models.ForeignKey(
        DimensionElement,
        verbose_name=_("element"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("An element of the chosen dimension."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the programme delivers, for whom.")
    )
    quick_win = models.BooleanField(
        _("quick win"),
        default=False,
        help_text=_("Delivered fast and felt directly by citizens (program percepatan)."),
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(
        _("end year"),
        validators=YEAR_VALIDATORS,
        help_text=_("The term (short, medium, long) follows from the end year."),
    )
    lead_agency = models.CharField(
        _("lead agency (OPD)"),
        max_length=200,
        help_text=_("The regional agency that owns it, e.g. Diskominfo, DPMPTSP."),
    )
    partners = models.CharField(
        _("partners"),
        max_length=400,
        blank=True,
        help_text=_("Other agencies, companies, universities or communities involved."),
    )
    practices = ParentalManyToManyField(
        PracticePage,
        verbose_name=_("learns from practices"),
        blank=True,
        related_name="programmes",
        limit_choices_to={"live": True},
        help_text=_("Practices of other cities this programme learns from."),
    )
    # Kept in step with the budget lines on save, so comparisons across plans add up in SQL.
    total_budget = models.DecimalField(
        _("total budget"), max_digits=AMOUNT_DIGITS, decimal_places=0, default=0, editable=False
    )

    panels = [
        FieldPanel("title"),
        # Plain selects: six dimensions need no chooser modal.
        FieldRowPanel([FieldPanel("dimension", widget=forms.Select), FieldPanel("element")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("quick_win"), FieldPanel("start_year"), FieldPanel("end_year")]),
        FieldRowPanel([FieldPanel("lead_agency"), FieldPanel("partners")]),
        InlinePanel("budget_lines", heading=_("Budget per year (IDR)"), label=_("Budget line")),
        InlinePanel("indicators", heading=_("KPIs"), label=_("KPI")),
        FieldPanel("practices", widget=PracticesChooserWidget),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self):
        return self.title

    @property
    def budget_total(self):
        return sum((line.amount or 0 for line in self.budget_lines.all()), Decimal(0))

    def save(self, *args, **kwargs):
        self.total_budget = self.budget_total
        super().save(*args, **kwargs)


class ProgrammeBudget(Orderable):
    """The money a programme needs in one year, and where it comes from."""

    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="budget_lines")
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    amount = models.DecimalField(
        _("amount (IDR)"),
        max_digits=AMOUNT_DIGITS,
        decimal_places=0,
        validators=[MinValueValidator(0, message=_("A budget cannot be negative."))],
        help_text=_("Whole rupiah, e.g. 250000000."),
    )
    funding_source = models.CharField(
        _("funding source"),
        max_length=20,
        choices=FundingSource.choices,
        default=FundingSource.APBD,
    )

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("amount"), FieldPanel("funding_source")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")


class ProgrammeIndicator(Orderable):
    """A KPI: what is measured, from where to where, by when."""

    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="indicators")
    indicator = models.CharField(_("indicator"), max_length=300)
    unit = models.CharField(_("unit"), max_length=50, blank=True, help_text=_("e.g. %, days"))
    baseline = models.DecimalField(
        _("baseline"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(_("target"), max_digits=18, decimal_places=2)
    target_year = models.PositiveSmallIntegerField(_("target year"), validators=YEAR_VALIDATORS)

    panels = [
        FieldPanel("indicator"),
        FieldRowPanel(
            [
                FieldPanel("unit"),
                FieldPanel("baseline"),
                FieldPanel("target"),
                FieldPanel("target_year"),
            ]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")
