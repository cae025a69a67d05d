from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def idr(value):
    """Whole rupiah with the active language's grouping (1.250.000 in Indonesian)."""
    if value in (None, ""):
        return ""
    return number_format(Decimal(value), 0, force_grouping=True)
