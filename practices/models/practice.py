"""A city's best practice, in the structured case format peer platforms converge on.

Prose goes in rich text; whatever a filter or a comparison needs (dimension, elements,
SDGs, status, years, budget, indicators) is a structured field.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from citynet.models import CityPage, Dimension, DimensionElement
from citynet.models.cities import parent_city_id
from citynet.sections import collect_sections
from citynet.visibility import is_public, public_pages
from practices.forms import ADAPTED_SAME_CITY, PracticeForm, wrong_elements_message

from .choices import (
    CURRENCY_CHOICES,
    PROSE_FEATURES,
    YEAR_VALIDATORS,
    FundingSource,
    PracticeStatus,
)
from .goals import SustainableDevelopmentGoal

# Other apps (events: sessions where a practice was presented) add to the practice page.
PRACTICE_SECTIONS = "practices_practice_sections"


class PracticeTag(TaggedItemBase):
    content_object = ParentalKey(
        "practices.PracticePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class PracticePage(Page):
    """One practice, always under the city that carried it out."""

    select_related_on_serve = ("city", "dimension", "adapted_from")  # citynet.routing

    # Denormalised from the parent so listings filter by city and province without tree joins.
    city = models.ForeignKey(
        CityPage,
        verbose_name=_("city"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="practices",
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("Two or three sentences: what the city did and what changed (max 400)."),
    )
    dimension = models.ForeignKey(
        Dimension,
        verbose_name=_("smart-city dimension"),
        on_delete=models.PROTECT,
        related_name="practices",
        help_text=_("The dimension of Gerakan Menuju 100 Smart City this practice serves most."),
    )
    elements = ParentalManyToManyField(
        DimensionElement,
        verbose_name=_("elements"),
        blank=True,
        related_name="practices",
        help_text=_("Elements of the chosen dimension that the practice addresses."),
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tags"),
        through=PracticeTag,
        blank=True,
        help_text=_("Keywords other cities would search for, e.g. 'perizinan', 'wifi'."),
    )
    sdgs = ParentalManyToManyField(
        SustainableDevelopmentGoal,
        verbose_name=_("sustainable development goals"),
        blank=True,
        related_name="practices",
        help_text=_("The SDGs the practice contributes to."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PracticeStatus.choices,
        default=PracticeStatus.OPERATING,
        help_text=_("Where the practice stands today."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Year the practice started."),
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Leave empty while it is still running."),
    )
    budget_amount = models.DecimalField(
        _("budget"),
        max_digits=18,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Total cost so far, in the currency below."),
    )
    budget_currency = models.CharField(
        _("currency"),
        max_length=3,
        choices=CURRENCY_CHOICES,
        default="IDR",
        help_text=_("Indonesian rupiah unless the budget was in another currency."),
    )
    funding_source = models.CharField(
        _("funding source"),
        max_length=20,
        choices=FundingSource.choices,
        blank=True,
        help_text=_("Where most of the money came from."),
    )
    problem = RichTextField(
        _("problem"),
        blank=True,
        features=PROSE_FEATURES,
        help_text=_("What was wrong before, and for whom."),
    )
    solution = RichTextField(
        _("solution"),
        blank=True,
        features=PROSE_FEATURES,
        help_text=_("What the city did, step by step."),
    )
    results = RichTextField(
        _("results"),
        blank=True,
        features=PROSE_FEATURES,
        help_text=_("What changed; put numbers in the indicators below."),
    )
    obstacles = RichTextField(
        _("obstacles and how they were overcome"),
        blank=True,
        features=PROSE_FEATURES,
        help_text=_("What went wrong and what the team did about it."),
    )
    lessons = RichTextField(
        _("lessons learned"),
        blank=True,
        features=PROSE_FEATURES,
        help_text=_("What the team would do differently."),
    )
    transferability = RichTextField(
        _("transferability"),
        blank=True,
        features=PROSE_FEATURES,
        help_text=_("What another city needs to do the same: people, budget, rules, time."),
    )
    stakeholders = RichTextField(
        _("stakeholders and partners"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Agencies (OPD), companies, universities and communities involved."),
    )
    contact_name = models.CharField(
        _("contact person"), max_length=150, blank=True, help_text=_("Who answers questions.")
    )
    contact_role = models.CharField(
        _("contact's role"),
        max_length=150,
        blank=True,
        help_text=_("e.g. Head of the permit office (DPMPTSP)."),
    )
    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_("Shown publicly so other cities can ask.")
    )
    video_url = models.URLField(
        _("video link"), blank=True, help_text=_("Optional link to a video about the practice.")
    )
    adapted_from = models.ForeignKey(
        "self",
        verbose_name=_("adapted from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adaptations",
        help_text=_("Another city's practice this one was adapted from, if any."),
    )

    parent_page_types = ["citynet.CityPage"]
    subpage_types = []
    exclude_fields_in_copy = ["city"]
    base_form_class = PracticeForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("dimension"),
                FieldPanel("elements", widget=CheckboxSelectMultiple),
                FieldPanel("sdgs", widget=CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("status"), FieldPanel("start_year"), FieldPanel("end_year")]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("budget_amount"),
                        FieldPanel("budget_currency"),
                        FieldPanel("funding_source"),
                    ]
                ),
            ],
            heading=_("Status, years and budget"),
        ),
        FieldPanel("problem"),
        FieldPanel("solution"),
        FieldPanel("results"),
        InlinePanel("indicators", label=_("Indicators"), heading=_("Result indicators")),
        FieldPanel("obstacles"),
        FieldPanel("lessons"),
        FieldPanel("transferability"),
        FieldPanel("stakeholders"),
        FieldPanel("adapted_from"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_role"), FieldPanel("contact_email")]),
            ],
            heading=_("Contact"),
        ),
        InlinePanel("gallery_images", label=_("Images"), heading=_("Images")),
        InlinePanel("documents", label=_("Documents"), heading=_("Documents")),
        FieldPanel("video_url"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("problem"),
        index.SearchField("solution"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.FilterField("status"),
        index.FilterField("start_year"),
        index.FilterField("dimension"),
        index.FilterField("city"),
    ]

    api_fields = [
        APIField("city"),
        APIField("summary"),
        APIField("dimension"),
        APIField("elements"),
        APIField("sdgs"),
        APIField("tags"),
        APIField("status"),
        APIField("start_year"),
        APIField("end_year"),
        APIField("budget_amount"),
        APIField("budget_currency"),
        APIField("funding_source"),
        APIField("problem"),
        APIField("solution"),
        APIField("results"),
        APIField("indicators"),
        APIField("obstacles"),
        APIField("lessons"),
        APIField("transferability"),
        APIField("stakeholders"),
        APIField("contact_name"),
        APIField("contact_role"),
        APIField("adapted_from"),
        APIField("video_url"),
    ]

    class Meta:
        verbose_name = _("best practice")
        verbose_name_plural = _("best practices")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_year and self.end_year and self.end_year < self.start_year:
            errors["end_year"] = _("The end year cannot be before the start year.")
        if self.dimension_id:
            wrong = [e for e in self.elements.all() if e.dimension_id != self.dimension_id]
            if wrong:
                errors["elements"] = wrong_elements_message(self.dimension)
        if self.adapted_from_id:
            if self.pk and self.adapted_from_id == self.pk:
                errors["adapted_from"] = _("A practice cannot be adapted from itself.")
            elif self.city_id and self.adapted_from.city_id == self.city_id:
                errors["adapted_from"] = ADAPTED_SAME_CITY
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self._state.adding or self.city_id is None:
            # A new page (or a copy, or a translation) belongs to the city it is created under.
            self.city_id = parent_city_id(self)
        return super().save(*args, **kwargs)

    def related_practices(self, request=None):
        """Up to three live practices sharing elements or tags (practices.models.queries),
        from the shared cache until the next publish: five queries over the link tables."""
        from citynet.page_cache import shared_fragment

        from .queries import related_practices

        if self.pk is None:
            return related_practices(self)
        return shared_fragment(
            "related-practices", self.pk, lambda: related_practices(self), request
        )

    def adopted_by(self):
        """Live practices of other cities adapted from this one (with their city and year)."""
        return (
            public_pages(self.adaptations.all())
            .select_related("city")
            .order_by("start_year", "city__title")
        )

    @property
    def prose_sections(self):
        """The narrative fields in reading order, with their public headings."""
        return [
            (self.problem, _("Problem")),
            (self.solution, _("Solution")),
            (self.results, _("Results")),
            (self.obstacles, _("Obstacles and how they were overcome")),
            (self.lessons, _("Lessons learned")),
            (self.transferability, _("What another city needs to do the same")),
            (self.stakeholders, _("Stakeholders and partners")),
        ]

    def get_context(self, request, *args, **kwargs):
        from .index import PracticeIndexPage

        context = super().get_context(request, *args, **kwargs)
        context.update(
            practice_index=PracticeIndexPage.for_locale(self.locale_id),
            sections=collect_sections(PRACTICE_SECTIONS, self, request),
            related=self.related_practices(request),
            adopted_by=self.adopted_by(),
            indicators=self.indicators.all(),
            gallery=self.gallery_images.select_related("image").prefetch_related(
                "image__renditions"
            ),
            documents=self.documents.select_related("document"),
            original=(
                self.adapted_from if self.adapted_from_id and is_public(self.adapted_from) else None
            ),
        )
        return context
