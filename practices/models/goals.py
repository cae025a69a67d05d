"""The 17 UN Sustainable Development Goals, which practices cite like peer platforms do."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from citynet.models.dimensions import BilingualLabelMixin


class SustainableDevelopmentGoal(BilingualLabelMixin, models.Model):
    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_id = models.CharField(_("name (Indonesian)"), max_length=120)

    class Meta:
        ordering = ["number"]
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")

    def __str__(self):
        return _("SDG %(number)s: %(name)s") % {"number": self.number, "name": self.label}
