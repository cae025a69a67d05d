"""The admin form for practices: checks that need the posted many-to-many values or the
parent page, which the model's clean() cannot see. The messages live here so the model's
own clean() (for code paths outside the admin) says exactly the same."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

ADAPTED_SAME_CITY = _("Choose a practice of another city.")


def wrong_elements_message(dimension):
    return _("Choose elements of the dimension %(dimension)s only.") % {
        "dimension": dimension.label
    }


class PracticeForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        dimension = cleaned.get("dimension")
        elements = cleaned.get("elements") or []
        if dimension and any(e.dimension_id != dimension.pk for e in elements):
            self.add_error("elements", wrong_elements_message(dimension))
        original = cleaned.get("adapted_from")
        city_id = self.instance.city_id or getattr(self.parent_page, "pk", None)
        if original and city_id and original.city_id == city_id:
            self.add_error("adapted_from", ADAPTED_SAME_CITY)
        return cleaned
