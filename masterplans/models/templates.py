"""Master-plan templates: the outline a city's plan starts from, kept by the secretariat.

A template is a snippet with revisions; a plan copies the template's sections when it is
started (see masterplans.drafting), so editing a template later never changes a plan.
"""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Locale, Orderable, RevisionMixin

from citynet.models import Dimension

from ..forms import MasterPlanTemplateForm


class SectionKind(models.TextChoices):
    NARRATIVE = "narrative", _("Narrative (rich text)")
    READINESS = "readiness", _("Readiness assessment")
    VISION = "vision", _("Vision and mission")
    DIMENSION_STRATEGY = "dimension_strategy", _("Dimension strategy")
    PROGRAMMES = "programmes", _("Programmes")
    QUICK_WINS = "quick_wins", _("Quick wins")
    ROADMAP_BUDGET = "roadmap_budget", _("Roadmap and budget")
    MONITORING = "monitoring", _("Monitoring and evaluation")


# Kinds whose section is about one dimension (required for a strategy, optional filter for
# a programme list); other kinds ignore a dimension.
DIMENSION_KINDS = {SectionKind.DIMENSION_STRATEGY, SectionKind.PROGRAMMES}


class MasterPlanTemplate(RevisionMixin, ClusterableModel):
    """An official outline (e.g. Gerakan Menuju 100 Smart City) with guidance for writers."""

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("e.g. 'Masterplan Smart City (Gerakan Menuju 100 Smart City)'."),
    )
    locale = models.ForeignKey(
        Locale,
        verbose_name=_("language"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Plans are started from templates in the city page's language."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Who the template is for and where its outline comes from."),
    )
    horizon_years = models.PositiveSmallIntegerField(
        _("horizon in years"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_("How far a plan looks ahead: 10 years for Gerakan Menuju 100 Smart City."),
    )
    base_form_class = MasterPlanTemplateForm

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("locale"), FieldPanel("horizon_years")]),
        FieldPanel("description"),
        InlinePanel(
            "sections",
            heading=_("Sections"),
            label=_("Section"),
            min_num=1,
            help_text=_("In the order they appear in a plan."),
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("master-plan template")
        verbose_name_plural = _("master-plan templates")

    def __str__(self):
        return self.name

    def snapshot(self):
        """What a plan keeps of this template: enough to lay out and check its sections."""
        return {
            "template": self.pk,
            "name": self.name,
            "horizon_years": self.horizon_years,
            "sections": [section.as_snapshot() for section in self.sections.all()],
        }


class TemplateSection(Orderable):
    template = ParentalKey(MasterPlanTemplate, on_delete=models.CASCADE, related_name="sections")
    key = models.SlugField(
        _("key"),
        max_length=60,
        help_text=_(
            "Short stable identifier, unique within the template, e.g. 'quick-wins'. "
            "Plans match their sections to the template by it: do not change it once used."
        ),
    )
    title = models.CharField(_("title"), max_length=200)
    guidance = models.TextField(
        _("guidance for the writer"),
        blank=True,
        help_text=_("Shown beside the section in the editor, never on the public page."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=30,
        choices=SectionKind.choices,
        default=SectionKind.NARRATIVE,
        help_text=_("What the writer fills in; roadmap and budget are computed from programmes."),
    )
    dimension = models.ForeignKey(
        Dimension,
        verbose_name=_("dimension"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "Required for a dimension strategy; for a programme list, shows only that "
            "dimension's programmes."
        ),
    )
    required = models.BooleanField(
        _("required"),
        default=True,
        help_text=_("A plan cannot be published while a required section is empty."),
    )

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("title")]),
        FieldRowPanel(
            [
                FieldPanel("kind"),
                FieldPanel("dimension", widget=forms.Select),
                FieldPanel("required"),
            ]
        ),
        FieldPanel("guidance"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("template section")
        verbose_name_plural = _("template sections")

    def __str__(self):
        return self.title

    def as_snapshot(self):
        return {
            "key": self.key,
            "title": self.title,
            "guidance": self.guidance,
            "kind": self.kind,
            "dimension": self.dimension.slug if self.dimension_id else None,
            "required": self.required,
        }
