from django import template

from citynet.templatetags.citynet_formats import grouped

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def idr(value):
    """Whole rupiah with the active language's grouping (1.250.000 in Indonesian), for table
    cells whose caption names the currency; elsewhere `rupiah` writes Rp before it."""
    return grouped(value)
