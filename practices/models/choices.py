"""A practice's fixed vocabularies and limits, shared by the page, its inline models, the
forms and the listing's filters."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

PROSE_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]
YEAR_MIN, YEAR_MAX = 1945, 2100
YEAR_VALIDATORS = [MinValueValidator(YEAR_MIN), MaxValueValidator(YEAR_MAX)]


class PracticeStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    PILOT = "pilot", _("Pilot")
    OPERATING = "operating", _("Operating")
    SCALED = "scaled", _("Scaled up")
    DISCONTINUED = "discontinued", _("Discontinued")


class FundingSource(models.TextChoices):
    APBD = "apbd", _("APBD (regional budget)")
    APBN = "apbn", _("APBN (national budget)")
    CSR = "csr", _("CSR (corporate social responsibility)")
    PARTNERSHIP = "partnership", _("Partnership")
    GRANT = "grant", _("Grant or donor")
    OTHER = "other", _("Other")


CURRENCY_CHOICES = [
    ("IDR", "IDR"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("KRW", "KRW"),
    ("JPY", "JPY"),
    ("PHP", "PHP"),
    ("INR", "INR"),
    ("MYR", "MYR"),
]
