"""Which collections the secretariat opens to the public (citynet.files)."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="folder-open-inverse")
class FileSettings(BaseGenericSetting):
    """Files are private unless a publicly visible page uses them; a collection chosen here
    makes every file in it public too (e.g. a press kit no page links to)."""

    public_collections = models.ManyToManyField(
        "wagtailcore.Collection",
        verbose_name=_("public collections"),
        blank=True,
        related_name="+",
        help_text=_(
            "Every image and document in these collections can be listed and downloaded by "
            "anyone. Other files are public only while a published, unrestricted page uses them."
        ),
    )

    panels = [FieldPanel("public_collections", widget=forms.CheckboxSelectMultiple)]

    class Meta:
        verbose_name = _("file settings")
        verbose_name_plural = _("file settings")
