"""Money as each language writes it: Rp 1.250.000 in Indonesian, Rp 1,250,000 in English.

A no-break space keeps "Rp" and its amount on one line. Whole units only: budgets in the hub
are planned in whole rupiah.
"""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format

register = template.Library()

NBSP = "\u00a0"


def grouped(value):
    """A whole amount with the active language's digit grouping ("" for nothing or junk)."""
    if value in (None, ""):
        return ""
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    return number_format(amount, 0, force_grouping=True)


@register.filter
def rupiah(value):
    amount = grouped(value)
    return f"Rp{NBSP}{amount}" if amount else ""


@register.filter
def money(value, currency="IDR"):
    """An amount in its currency: rupiah as Rp, others by their ISO code (USD 12,000)."""
    if not currency or currency == "IDR":
        return rupiah(value)
    amount = grouped(value)
    return f"{currency}{NBSP}{amount}" if amount else ""
