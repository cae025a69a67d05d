"""What a practice page holds inline (edited in its panels, saved with its revisions):
measured results, a photo gallery and documents."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Orderable

from .choices import YEAR_VALIDATORS


class PracticeIndicator(Orderable):
    """A measured result: baseline before, what was achieved, and when."""

    page = ParentalKey(
        "practices.PracticePage", on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(
        _("indicator"), max_length=200, help_text=_("e.g. Days to issue a business permit")
    )
    unit = models.CharField(_("unit"), max_length=50, blank=True, help_text=_("e.g. days, %"))
    baseline = models.DecimalField(
        _("baseline"),
        max_digits=18,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The value before the practice started."),
    )
    achieved = models.DecimalField(
        _("achieved"),
        max_digits=18,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The latest measured value."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Year of the achieved value."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel(
            [FieldPanel("unit"), FieldPanel("baseline"), FieldPanel("achieved"), FieldPanel("year")]
        ),
    ]
    api_fields = [APIField(f) for f in ("name", "unit", "baseline", "achieved", "year")]

    class Meta(Orderable.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")


class PracticeImage(Orderable):
    page = ParentalKey(
        "practices.PracticePage", on_delete=models.CASCADE, related_name="gallery_images"
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A photo of the practice at work; uploads go to your city's collection."),
    )
    caption = models.CharField(
        _("caption"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows; read aloud to visitors who cannot see it."),
    )

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class PracticeDocument(Orderable):
    page = ParentalKey("practices.PracticePage", on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A report, regulation or guide that another city could use."),
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
