"""Events in the admin (speakers, registrations, attendance) and on other apps' pages
(city profiles, practices, the home page), plus their share of the demo data."""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from citynet.sections import CITY_SECTIONS, HOME_SECTIONS
from practices.models.practice import PRACTICE_SECTIONS

from .admin_views import AttendanceView, RegistrationViewSet, registration_policy
from .models import EventIndexPage, EventPage, EventSession, Speaker, live_events

CITY_EVENTS_SHOWN = 10
HOME_EVENTS_SHOWN = 3


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = _("Speakers")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["name", "title", "organisation", "city"]
    search_fields = ["name", "organisation"]


register_snippet(SpeakerViewSet)


@hooks.register("register_admin_viewset")
def register_registrations():
    return RegistrationViewSet("events_registration")


@hooks.register("register_admin_urls")
def attendance_urls():
    return [
        path(
            "events/<int:event_id>/attendance/",
            AttendanceView.as_view(),
            name="events_attendance",
        )
    ]


def _attendance_button(page, user, priority):
    is_event = issubclass(page.specific_class or type(page), EventPage)
    if is_event and registration_policy.user_has_permission(user, "view"):
        return PageMenuItem(
            _("Registrations and attendance"),
            reverse("events_attendance", args=[page.pk]),
            icon_name="group",
            priority=priority,
            page=page,
        )
    return None


@hooks.register("register_page_listing_more_buttons")
def attendance_listing_button(page, user, next_url=None):
    button = _attendance_button(page, user, 70)
    if button:
        yield button


@hooks.register("register_page_header_buttons")
def attendance_header_button(page, user, view_name, next_url=None):
    button = _attendance_button(page, user, 70)
    if button:
        yield button


# Sections on other pages ---------------------------------------------------------------


@hooks.register(CITY_SECTIONS)
def city_events(city, request):
    """Events a city hosted or took part in (links may point at either language's city)."""
    from django.db.models import Q

    events = list(
        live_events(city.locale_id)
        .filter(
            Q(host_city__translation_key=city.translation_key)
            | Q(participating_cities__translation_key=city.translation_key)
        )
        .distinct()
        .order_by("-start", "-pk")[: CITY_EVENTS_SHOWN + 1]
    )
    if not events:
        return None
    return {
        "heading": _("Events"),
        "template": "events/includes/city_events.html",
        "events": events[:CITY_EVENTS_SHOWN],
        "more": len(events) > CITY_EVENTS_SHOWN,
        "index": EventIndexPage.for_locale(city.locale_id),
        "city": city,
    }


@hooks.register(PRACTICE_SECTIONS)
def practice_sessions(practice, request):
    """Sessions where this practice (in any language) was presented."""
    sessions = list(
        EventSession.objects.filter(
            practices__translation_key=practice.translation_key,
            event__in=live_events(practice.locale_id),
        )
        .select_related("event")
        .distinct()
        .order_by("-day", "-starts_at", "pk")[:20]
    )
    if not sessions:
        return None
    return {
        "heading": _("Presented at"),
        "template": "events/includes/practice_sessions.html",
        "sessions": sessions,
    }


@hooks.register(HOME_SECTIONS)
def upcoming_events(home, request):
    from citynet.page_cache import changes_at

    events = list(
        live_events(home.locale_id)
        .filter(end__gte=timezone.now())
        .order_by("start", "pk")[:HOME_EVENTS_SHOWN]
    )
    # The list changes when one of them ends (and the next one takes its place).
    changes_at(request, min((event.end for event in events), default=None))
    return {
        "heading": _("Upcoming events"),
        "template": "events/includes/home_events.html",
        "events": events,
        "index": EventIndexPage.for_locale(home.locale_id),
    }


@hooks.register("citynet_demo_data")
def load_events_demo(command):
    from .demo import load_demo_events

    load_demo_events(command)


@hooks.register("citynet_search_kinds", order=30)
def register_search_kind():
    from .search_kind import event_kind

    return event_kind()
