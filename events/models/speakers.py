"""Speakers, kept once and reused across sessions and events."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from citynet.models import CityPage


class Speaker(index.Indexed, models.Model):
    """A person who speaks at sessions: the same mayor or expert appears at many events."""

    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(
        _("title or position"),
        max_length=200,
        blank=True,
        help_text=_("e.g. 'Mayor of Kupang' or 'Head of Diskominfo'."),
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    city = models.ForeignKey(
        CityPage,
        verbose_name=_("member city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The member city the speaker represents, if any."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A portrait; shown small beside the name."),
    )
    bio = models.TextField(
        _("short biography"),
        max_length=600,
        blank=True,
        help_text=_("Two or three sentences (max 600 characters)."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("title"), FieldPanel("organisation")]),
        FieldPanel("city"),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return f"{self.name}, {self.title}" if self.title else self.name
