"""An event page: when and where (in the event's own time zone), its agenda of sessions,
who takes part, registration limits and the materials left behind."""

from django import forms
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from citynet.models import CityPage
from citynet.visibility import public_pages
from events.forms import EventPageForm
from events.zones import DEFAULT_TIME_ZONE, TIME_ZONE_CHOICES, zone
from practices.models.choices import PROSE_FEATURES

from .choices import MAX_CAPACITY, EventKind, RegistrationState


class EventPage(RoutablePageMixin, Page):
    """One seminar, workshop, training, congress or webinar.

    Times are stored in UTC and typed and shown in the event's zone (`time_zone`); the
    admin form does the conversion. Sessions keep their local day and time, as a printed
    programme does, and get their instant from the event's zone.
    """

    kind = models.CharField(
        _("kind"), max_length=20, choices=EventKind.choices, default=EventKind.SEMINAR
    )
    theme = models.CharField(
        _("theme"),
        max_length=255,
        blank=True,
        help_text=_("The event's theme, e.g. 'Strategi Pengembangan Smart City'."),
    )
    start = models.DateTimeField(
        _("starts"), help_text=_("Date and time in the event's time zone (below).")
    )
    end = models.DateTimeField(
        _("ends"), help_text=_("Date and time in the event's time zone (below).")
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=TIME_ZONE_CHOICES,
        default=DEFAULT_TIME_ZONE,
        help_text=_("Where the event takes place. All times on this page are in this zone."),
    )
    venue = models.CharField(
        _("venue"),
        max_length=255,
        blank=True,
        help_text=_("e.g. 'Hotel Aston Kupang'. Leave empty for a webinar."),
    )
    address = models.TextField(_("address"), max_length=500, blank=True)
    host_city = models.ForeignKey(
        CityPage,
        verbose_name=_("host city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_events",
        help_text=_("The member city hosting the event. Its editors see its registrants."),
    )
    organiser = models.CharField(
        _("organiser"),
        max_length=255,
        blank=True,
        help_text=_("e.g. 'Citynet Indonesia and the City of Kupang'."),
    )
    description = RichTextField(
        _("description"),
        blank=True,
        features=PROSE_FEATURES,
        help_text=_("What the event is about and who should come."),
    )
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Meeting link for webinars (required for a webinar)."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_CAPACITY)],
        help_text=_(
            "Seats available. Further registrations go on a waiting list. Leave empty for no limit."
        ),
    )
    registration_opens = models.DateTimeField(
        _("registration opens"),
        null=True,
        blank=True,
        help_text=_("Leave empty if the event takes no registrations."),
    )
    registration_closes = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Leave empty to close registration when the event starts."),
    )
    participating_cities = ParentalManyToManyField(
        CityPage,
        verbose_name=_("participating cities"),
        blank=True,
        related_name="events_attended",
        help_text=_("Member cities that took part."),
    )
    summary = RichTextField(
        _("post-event summary"),
        blank=True,
        features=PROSE_FEATURES,
        help_text=_("After the event: what was discussed and agreed."),
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    base_form_class = EventPageForm

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("theme")]),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        FieldRowPanel([FieldPanel("host_city"), FieldPanel("organiser")]),
        FieldPanel("description"),
        FieldPanel("participating_cities", widget=forms.CheckboxSelectMultiple),
    ]
    agenda_panels = [
        InlinePanel("sessions", label=_("Session"), heading=_("Agenda")),
    ]
    registration_panels = [
        FieldPanel("capacity"),
        FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
    ]
    after_panels = [
        FieldPanel("summary"),
        InlinePanel("materials", label=_("Material"), heading=_("Materials")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Event")),
            ObjectList(agenda_panels, heading=_("Agenda")),
            ObjectList(registration_panels, heading=_("Registration")),
            ObjectList(after_panels, heading=_("Summary and materials")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("theme", boost=2),
        index.SearchField("description"),
        index.SearchField("summary"),
        index.SearchField("venue"),
        index.FilterField("kind"),
        index.FilterField("start"),
        index.FilterField("host_city"),
    ]

    api_fields = [
        APIField("kind"),
        APIField("theme"),
        APIField("start"),
        APIField("end"),
        APIField("time_zone"),
        APIField("venue"),
        APIField("address"),
        APIField("host_city"),
        APIField("organiser"),
        APIField("description"),
        APIField("online_url"),
        APIField("capacity"),
        APIField("registration_opens"),
        APIField("registration_closes"),
        APIField("summary"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["start"], name="events_event_start")]

    # Time -------------------------------------------------------------------------------

    @property
    def tz(self):
        return zone(self.time_zone)

    @property
    def zone_abbreviation(self):
        """WIB, WITA, WIT, +08... as people in that place write it."""
        return timezone.localtime(self.start, self.tz).tzname() if self.start else ""

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.tz)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.tz)

    @property
    def is_multi_day(self):
        return self.local_start.date() != self.local_end.date()

    # Registration -----------------------------------------------------------------------

    @property
    def closes_at(self):
        """Registration closes at the set time, or when the event starts."""
        return self.registration_closes or self.start

    def registration_state(self, now=None):
        now = now or timezone.now()
        if self.registration_opens is None:
            return RegistrationState.NOT_OFFERED
        if now < self.registration_opens:
            return RegistrationState.NOT_YET_OPEN
        if now >= self.closes_at:
            return RegistrationState.CLOSED
        return RegistrationState.OPEN

    def registration_event(self):
        """The page registrations belong to: one per event, whatever its language.

        Every translation of an event shares the first one's seats, so a seat taken on
        /id/ is gone on /en/ too. That first page is the translation with the lowest id."""
        if not self.pk:
            return self
        return (
            EventPage.objects.filter(translation_key=self.translation_key).order_by("pk").first()
            or self
        )

    # Agenda -----------------------------------------------------------------------------

    def agenda(self):
        """Sessions grouped by local day, in time order: [(day, [session, ...]), ...].

        Speakers, practices and materials are fetched once for all sessions, and practices
        are shown in this page's language (live ones only)."""
        from citynet.translations import localized

        sessions = sorted(
            self.sessions.prefetch_related("speakers__photo", "practices", "materials"),
            key=lambda s: (s.day, s.starts_at, s.ends_at, s.sort_order or 0),
        )
        practice_map = localized([p for s in sessions for p in s.practices.all()], self.locale_id)
        days = []
        for session in sessions:
            session.event = self
            session.shown_practices = [
                practice_map[p.pk] for p in session.practices.all() if p.pk in practice_map
            ]
            if not days or days[-1][0] != session.day:
                days.append((session.day, []))
            days[-1][1].append(session)
        return days

    def next_change(self, now=None):
        """When this event's page next changes by itself: registration opens or closes, the
        event starts or ends (None once it is over)."""
        now = now or timezone.now()
        moments = (self.registration_opens, self.closes_at, self.start, self.end)
        return min((m for m in moments if m is not None and m > now), default=None)

    def get_context(self, request, *args, **kwargs):
        from citynet.page_cache import changes_at, shared_fragment
        from citynet.translations import localized
        from events.registration_forms import RegistrationForm

        context = super().get_context(request, *args, **kwargs)
        changes_at(request, self.next_change())

        def programme():
            agenda = self.agenda()
            speakers = {}
            for _day, sessions in agenda:
                for session in sessions:
                    for speaker in session.speakers.all():
                        speakers.setdefault(speaker.pk, speaker)
            host = self.host_city
            cities = list(self.participating_cities.all())
            city_map = localized(cities + ([host] if host else []), self.locale_id)
            return {
                "agenda": agenda,
                "speakers": list(speakers.values()),
                "host": city_map.get(host.pk) if host else None,
                "participating": sorted(
                    (city_map[c.pk] for c in cities if c.pk in city_map), key=lambda c: c.title
                ),
                "materials": list(self.materials.select_related("document", "image")),
            }

        # The programme changes only when something is published; seats change all the time.
        if self.pk:
            context.update(shared_fragment("event-programme", self.pk, programme, request))
        else:
            context.update(programme())
        registration_event = self.registration_event()
        state = registration_event.registration_state()
        context.update(registration_state=state, seats=registration_event.seats())
        if state == RegistrationState.OPEN:
            context["registration_form"] = RegistrationForm(locale_id=self.locale_id)
        return context

    def seats(self):
        """Confirmed seats, waiting list and seats left (None when unlimited)."""
        from .registration import RegistrationStatus

        counts = dict(
            self.registrations.values_list("status").annotate(n=models.Count("pk")).order_by()
        )
        confirmed = counts.get(RegistrationStatus.CONFIRMED, 0)
        return {
            "confirmed": confirmed,
            "waitlisted": counts.get(RegistrationStatus.WAITLISTED, 0),
            "left": None if self.capacity is None else max(self.capacity - confirmed, 0),
        }

    # Routes -----------------------------------------------------------------------------

    @path("register/", name="register")
    def register_view(self, request):
        from events.views import register

        return register(request, self)

    @path("registration/<str:token>/", name="registration")
    def registration_view(self, request, token):
        from events.views import manage_registration

        return manage_registration(request, self, token)

    @path("calendar/", name="ics")
    def ics_view(self, request):
        from events.calendar import event_calendar_response

        return event_calendar_response(request, self)

    @path("sessions/<int:session_id>/calendar/", name="session_ics")
    def session_ics_view(self, request, session_id):
        from django.shortcuts import get_object_or_404

        from events.calendar import session_calendar_response

        from .programme import EventSession

        session = get_object_or_404(EventSession, pk=session_id, event=self)
        return session_calendar_response(request, self, session)


def live_events(locale_id):
    """Publicly visible events of one language (citynet.visibility)."""
    return public_pages(EventPage.objects.filter(locale_id=locale_id))
