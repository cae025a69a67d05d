"""Every spreadsheet export of the admin neutralises cells a spreadsheet would run.

Wagtail's `SpreadsheetExportMixin` writes every list export (our registrations, Wagtail's
own reports) and already stores XLSX formulas as text, but writes CSV cells verbatim, so a
registrant named `=HYPERLINK(...)` runs when the secretariat opens the file. Wrapping its
one per-cell hook once, here, covers every CSV export, present and future.
"""

from functools import wraps

from wagtail.admin.views.mixins import SpreadsheetExportMixin

from citynet.text import spreadsheet_safe


def install():
    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "citynet_safe", False):
        return

    @wraps(original)
    def preprocess_field_value(self, field, value, export_format):
        value = original(self, field, value, export_format)
        return spreadsheet_safe(value) if export_format == self.FORMAT_CSV else value

    preprocess_field_value.citynet_safe = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
