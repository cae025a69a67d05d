"""A city's yearly progress report on its published master plan.

A report is a page under its plan, so it has drafts, revisions, the secretariat's review
workflow and the city editors' permissions from the page tree, like the plan itself. Its
rows point at the published plan's programmes and KPIs (the rows the database holds are
the live plan's) and keep a copy of their titles, so a report stays readable after the
plan drops a programme.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Orderable, Page

from citynet.models import CityPage
from practices.models import FundingSource

from ..progress_forms import ProgressInlinePanel, ProgressReportForm
from .plan import AMOUNT_DIGITS, YEAR_VALIDATORS, MasterPlanPage, Programme, ProgrammeIndicator


class ProgrammeStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    DELAYED = "delayed", _("Delayed")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class EvidenceDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    caption = blocks.CharBlock(label=_("caption"), max_length=200, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")


class EvidenceImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), max_length=200, required=False)

    class Meta:
        icon = "image"
        label = _("Image")


class EvidenceLinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("address"))
    title = blocks.CharBlock(label=_("title"), max_length=200)

    class Meta:
        icon = "link"
        label = _("Link")


EVIDENCE_BLOCKS = [
    ("document", EvidenceDocumentBlock()),
    ("image", EvidenceImageBlock()),
    ("link", EvidenceLinkBlock()),
]


class ProgressReportPage(Page):
    """What a city carried out of its plan in one year, filed for the secretariat's review."""

    plan = models.ForeignKey(
        MasterPlanPage,
        verbose_name=_("master plan"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="progress_reports",
    )
    city = models.ForeignKey(
        CityPage,
        verbose_name=_("city"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="progress_reports",
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=YEAR_VALIDATORS,
        help_text=_("The year the report covers; one report per plan and year."),
    )
    narrative = models.TextField(
        _("narrative"),
        max_length=4000,
        blank=True,
        help_text=_("A short account of the year: what went well, what was delayed and why."),
    )
    evidence = StreamField(
        EVIDENCE_BLOCKS,
        blank=True,
        verbose_name=_("evidence"),
        help_text=_("Documents, photos and links that show the work done."),
    )

    parent_page_types = ["masterplans.MasterPlanPage"]
    subpage_types = []
    # Filed from "File a progress report" on the plan, which fills in the plan's programmes.
    is_creatable = False
    base_form_class = ProgressReportForm

    content_panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("year")]),
        FieldPanel("narrative"),
        ProgressInlinePanel(
            "programme_progress",
            heading=_("Programmes"),
            label=_("Programme"),
            help_text=_(
                "One row per programme of the published plan: its status, the budget "
                "realised this year by funding source, and each KPI's achieved value."
            ),
        ),
        FieldPanel("evidence"),
    ]
    promote_panels = [MultiFieldPanel([FieldPanel("slug")], heading=_("Address"))]
    api_fields = [
        APIField(name)
        for name in ("plan", "city", "year", "narrative", "programme_progress", "evidence")
    ]

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.depth else None
        if parent is not None and (self._state.adding or self.plan_id is None):
            plan = parent.specific
            if isinstance(plan, MasterPlanPage):
                self.plan_id, self.city_id = plan.pk, plan.city_id
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["rows"] = report_rows(self)
        return context


class ProgrammeProgress(Orderable, ClusterableModel):
    """One programme's year: status, money spent, KPIs reached, a note."""

    report = ParentalKey(
        ProgressReportPage, on_delete=models.CASCADE, related_name="programme_progress"
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="progress",
    )
    programme_title = models.CharField(_("programme title"), max_length=200, editable=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProgrammeStatus.choices,
        default=ProgrammeStatus.NOT_STARTED,
    )
    quick_win_delivered = models.BooleanField(
        _("quick win delivered"),
        default=False,
        help_text=_("For quick wins: delivered to citizens in this year or before."),
    )
    note = models.TextField(
        _("note"), max_length=1000, blank=True, help_text=_("What happened, in a sentence or two.")
    )

    panels = [
        FieldPanel("programme"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("quick_win_delivered")]),
        FieldPanel("note"),
        ProgressInlinePanel(
            "realised_budget", heading=_("Budget realised (IDR)"), label=_("Funding source")
        ),
        ProgressInlinePanel("achievements", heading=_("KPIs achieved"), label=_("KPI")),
    ]
    api_fields = [
        APIField(name)
        for name in (
            "programme",
            "programme_title",
            "status",
            "quick_win_delivered",
            "note",
            "realised_budget",
            "achievements",
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("programme progress")
        verbose_name_plural = _("programme progress")

    def __str__(self):
        return self.programme_title

    @property
    def title_shown(self):
        """The title when filed; a draft row not yet saved shows the programme's own."""
        if self.programme_title:
            return self.programme_title
        return self.programme.title if self.programme_id and self.programme else ""

    def save(self, *args, **kwargs):
        if self.programme_id and self.programme:
            self.programme_title = self.programme.title
        super().save(*args, **kwargs)


class BudgetRealisation(Orderable):
    """Money actually spent on the programme in the report's year, from one source."""

    progress = ParentalKey(
        ProgrammeProgress, on_delete=models.CASCADE, related_name="realised_budget"
    )
    funding_source = models.CharField(
        _("funding source"),
        max_length=20,
        choices=FundingSource.choices,
        default=FundingSource.APBD,
    )
    amount = models.DecimalField(
        _("amount (IDR)"),
        max_digits=AMOUNT_DIGITS,
        decimal_places=0,
        validators=[MinValueValidator(0, message=_("A budget cannot be negative."))],
        help_text=_("Whole rupiah spent in the report's year."),
    )

    panels = [FieldRowPanel([FieldPanel("funding_source"), FieldPanel("amount")])]
    api_fields = [APIField("funding_source"), APIField("amount")]

    class Meta(Orderable.Meta):
        verbose_name = _("realised budget")
        verbose_name_plural = _("realised budget")


class IndicatorAchievement(Orderable):
    """A KPI's value reached by the end of the report's year."""

    progress = ParentalKey(ProgrammeProgress, on_delete=models.CASCADE, related_name="achievements")
    indicator = models.ForeignKey(
        ProgrammeIndicator,
        verbose_name=_("KPI"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="achievements",
    )
    indicator_name = models.CharField(_("KPI name"), max_length=300, editable=False)
    achieved = models.DecimalField(
        _("achieved"),
        max_digits=18,
        decimal_places=2,
        validators=[MaxValueValidator(10**15)],
        help_text=_("The value reached, in the KPI's unit."),
    )

    panels = [FieldRowPanel([FieldPanel("indicator"), FieldPanel("achieved")])]
    api_fields = [APIField("indicator"), APIField("indicator_name"), APIField("achieved")]

    class Meta(Orderable.Meta):
        verbose_name = _("KPI achieved")
        verbose_name_plural = _("KPIs achieved")

    @property
    def name_shown(self):
        if self.indicator_name:
            return self.indicator_name
        return self.indicator.indicator if self.indicator_id and self.indicator else ""

    def save(self, *args, **kwargs):
        if self.indicator_id and self.indicator:
            self.indicator_name = self.indicator.indicator
        super().save(*args, **kwargs)


def report_rows(report):
    """The report's programme rows with their budget and KPI rows, in a fixed number of
    queries on a saved report (in-memory children in previews)."""
    from modelcluster.queryset import FakeQuerySet

    rows = report.programme_progress.all()
    if not isinstance(rows, FakeQuerySet):
        rows = rows.select_related("programme").prefetch_related(
            "realised_budget", "achievements__indicator"
        )
    return list(rows)


class ReportReminder(models.Model):
    """An email sent to one editor about one plan's report for one year: each editor is
    reminded once when a report falls due and once when it is overdue, however many
    workers run the daily check."""

    class Kind(models.TextChoices):
        DUE = "due", _("Due")
        OVERDUE = "overdue", _("Overdue")

    plan = models.ForeignKey(MasterPlanPage, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("report reminder")
        verbose_name_plural = _("report reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "year", "kind", "user"], name="one_reminder_per_editor"
            )
        ]

    def __str__(self):
        return f"{self.plan_id} {self.year} {self.kind} -> {self.user_id}"
