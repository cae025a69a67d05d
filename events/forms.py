"""The admin form for events: times typed in the event's own zone, and checks that span the
event and its agenda (which the model's clean() cannot see)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from events.zones import as_local, from_local, zone
from practices.chooser import prime

ZONED_FIELDS = ("start", "end", "registration_opens", "registration_closes")


class EventPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_cities()
        if "sessions" in self.formsets:
            prime(self.formsets["sessions"].forms)
        # Show stored UTC times as wall-clock times of the event's zone.
        tz = zone(self.instance.time_zone)
        for name in ZONED_FIELDS:
            value = getattr(self.instance, name, None)
            if name in self.fields and value is not None:
                self.initial[name] = as_local(value, tz)

    def _limit_cities(self):
        """Offer the member cities of the page's language (each city exists once per
        language), keeping whatever is already chosen so an edit never drops it."""
        from citynet.models import CityPage

        locale = self.instance.locale if self.instance.locale_id else None
        if locale is None and self.parent_page is not None:
            locale = self.parent_page.locale
        if locale is None:
            return
        for name in ("host_city", "participating_cities"):
            if name not in self.fields:
                continue
            chosen = []
            if self.instance.pk and name == "host_city" and self.instance.host_city_id:
                chosen = [self.instance.host_city_id]
            elif self.instance.pk and name == "participating_cities":
                chosen = [city.pk for city in self.instance.participating_cities.all()]
            self.fields[name].queryset = CityPage.objects.filter(
                Q(locale=locale) | Q(pk__in=chosen)
            ).order_by("title")

    def clean(self):
        cleaned = super().clean()
        tz = zone(cleaned.get("time_zone") or self.instance.time_zone)
        for name in ZONED_FIELDS:
            if cleaned.get(name) is not None:
                cleaned[name] = from_local(cleaned[name], tz)
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The event must end after it starts."))
        opens, closes = cleaned.get("registration_opens"), cleaned.get("registration_closes")
        if closes and not opens:
            self.add_error(
                "registration_opens", _("Set when registration opens, or leave both empty.")
            )
        if opens and closes and closes <= opens:
            self.add_error("registration_closes", _("Registration must close after it opens."))
        if closes and end and closes > end:
            self.add_error(
                "registration_closes", _("Registration must close before the event ends.")
            )
        if opens and end and opens >= end:
            self.add_error("registration_opens", _("Registration must open before the event ends."))
        if cleaned.get("kind") == "webinar" and not cleaned.get("online_url"):
            self.add_error("online_url", _("A webinar needs its online link."))
        if start and end and end > start:
            self._check_sessions(start.astimezone(tz).date(), end.astimezone(tz).date())
        return cleaned

    def _check_sessions(self, first_day, last_day):
        formset = self.formsets.get("sessions")
        if formset is None:
            return
        for form in formset.forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            day = form.cleaned_data.get("day")
            starts, ends = form.cleaned_data.get("starts_at"), form.cleaned_data.get("ends_at")
            if day and not first_day <= day <= last_day:
                form.add_error(
                    "day",
                    _("Choose a day of the event (%(first)s to %(last)s).")
                    % {"first": first_day.isoformat(), "last": last_day.isoformat()},
                )
            if starts and ends and ends <= starts:
                form.add_error("ends_at", _("A session must end after it starts."))
