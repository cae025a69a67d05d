"""The six smart-city dimensions of Gerakan Menuju 100 Smart City, three elements each.

One row per dimension and element carries both labels (English and Indonesian) rather
than a row per locale: practices and plans in either language point at the same element,
so filters and comparisons count across languages.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index


class BilingualLabelMixin:
    """`label` is the name in the active language, falling back to English."""

    def localized(self, field):
        value = getattr(self, f"{field}_id", "") if get_language() == "id" else ""
        return value or getattr(self, f"{field}_en")

    @property
    def label(self):
        return self.localized("name")


class Dimension(BilingualLabelMixin, index.Indexed, ClusterableModel):
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("Short stable identifier used in URLs and filters, e.g. 'smart-governance'."),
    )
    name_en = models.CharField(
        _("name (English)"), max_length=100, help_text=_("e.g. Smart Governance")
    )
    name_id = models.CharField(
        _("name (Indonesian)"), max_length=100, help_text=_("e.g. Smart Governance (Tata Kelola)")
    )
    description_en = models.TextField(
        _("description (English)"), blank=True, help_text=_("One or two sentences.")
    )
    description_id = models.TextField(
        _("description (Indonesian)"), blank=True, help_text=_("One or two sentences.")
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Dimensions are listed in this order.")
    )

    panels = [
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("name_en"), FieldPanel("name_id")]),
        FieldRowPanel([FieldPanel("description_en"), FieldPanel("description_id")]),
        FieldPanel("sort_order"),
        InlinePanel("elements", label=_("Elements"), min_num=1, heading=_("Elements")),
    ]
    search_fields = [
        index.SearchField("name_en"),
        index.SearchField("name_id"),
        index.AutocompleteField("name_en"),
        index.FilterField("slug"),
    ]

    class Meta:
        ordering = ["sort_order", "name_en"]
        verbose_name = _("smart-city dimension")
        verbose_name_plural = _("smart-city dimensions")

    def __str__(self):
        return self.label

    @property
    def description(self):
        return self.localized("description")


class DimensionElement(BilingualLabelMixin, Orderable):
    """An element of a dimension (e.g. Smart Living → health); practices and programmes cite it."""

    dimension = ParentalKey(
        Dimension, on_delete=models.CASCADE, related_name="elements", verbose_name=_("dimension")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_(
            "Short stable identifier, unique across all dimensions, e.g. 'public-service'."
        ),
    )
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_id = models.CharField(_("name (Indonesian)"), max_length=100)

    panels = [FieldPanel("slug"), FieldPanel("name_en"), FieldPanel("name_id")]

    class Meta(Orderable.Meta):
        verbose_name = _("element")
        verbose_name_plural = _("elements")

    def __str__(self):
        return f"{self.dimension.label}: {self.label}"
