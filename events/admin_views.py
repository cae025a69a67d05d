"""The secretariat's registration tools in the admin: a filterable, exportable list of
registrations and a per-event attendance sheet.

Who sees what is decided in one place, `visible_registrations`: the secretariat sees
every registration; a city's editors see their own city's registrants for events their
city hosts, and cannot change them. Every view below starts from that queryset, so a
registration outside it is a 404, never a leak.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import EventPage, Registration, RegistrationStatus
from .models.registration import cities_edited_by, visible_registrations


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Registrations come only from the public form (no "add"); city editors may view."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        if super().user_has_permission(user, action):
            return True
        return action == "view" and user.is_active and _edits_a_city(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and visible_registrations(user).filter(pk=instance.pk).exists()
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Registration.objects.none()
        return visible_registrations(user)


def _edits_a_city(user):
    """Asked on every admin page (menu item); answered once per request's user object."""
    if not hasattr(user, "_citynet_edits_a_city"):
        user._citynet_edits_a_city = cities_edited_by(user).exists()
    return user._citynet_edits_a_city


registration_policy = RegistrationPermissionPolicy(Registration)
register_permission_policy(Registration, registration_policy)


class VisibleOnlyMixin:
    def get_base_queryset(self):
        return visible_registrations(self.request.user).select_related("event", "city")

    def get_object(self, queryset=None):
        pk = self.kwargs.get(getattr(self, "pk_url_kwarg", "pk")) or getattr(self, "pk", None)
        return get_object_or_404(visible_registrations(self.request.user), pk=pk)


class RegistrationIndexView(VisibleOnlyMixin, generic.IndexView):
    pass


class RegistrationEditView(VisibleOnlyMixin, generic.EditView):
    pass


class RegistrationInspectView(VisibleOnlyMixin, generic.InspectView):
    pass


class RegistrationDeleteView(VisibleOnlyMixin, generic.DeleteView):
    pass


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "group"
    menu_label = gettext_lazy("Registrations")
    menu_order = 310
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = RegistrationIndexView
    edit_view_class = RegistrationEditView
    inspect_view_class = RegistrationInspectView
    delete_view_class = RegistrationDeleteView
    list_display = ["name", "email", "event", "city_label", "status", "attended", "created_at"]
    list_filter = ["status", "event", "city", "attended"]
    search_fields = ["name", "email", "organisation"]
    # Only attendance is edited here: seats change through the public form's rules.
    form_fields = ["attended"]
    inspect_view_fields = [
        "event",
        "name",
        "email",
        "organisation",
        "city",
        "other_city",
        "role",
        "needs",
        "status",
        "attended",
        "language",
        "created_at",
        "cancelled_at",
    ]
    list_export = [
        "event",
        "name",
        "email",
        "organisation",
        "city_label",
        "role",
        "needs",
        "get_status_display",
        "attended",
        "language",
        "created_at",
        "cancelled_at",
    ]
    export_headings = {
        "city_label": gettext_lazy("City"),
        "get_status_display": gettext_lazy("Status"),
    }
    export_filename = "registrations"


def attendance_rows(registrations):
    """Per city: confirmed, waiting list, cancelled and attended counts."""
    rows = (
        registrations.values("city__title", "other_city")
        .annotate(
            confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
            waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
            cancelled=Count("pk", filter=Q(status=RegistrationStatus.CANCELLED)),
            attended=Count("pk", filter=Q(attended=True)),
        )
        .order_by("city__title", "other_city")
    )
    return [
        {**row, "city": row["city__title"] or row["other_city"] or _("(no city given)")}
        for row in rows
    ]


class AttendanceView(WagtailAdminTemplateMixin, TemplateView):
    """Counts per city for one event, and (for the secretariat, once the event has begun)
    a sheet to mark who attended."""

    template_name = "events/admin/attendance.html"
    header_icon = "group"

    def dispatch(self, request, event_id):
        if not registration_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        page = get_object_or_404(EventPage, pk=event_id)
        self.event = page.registration_event()
        self.registrations = visible_registrations(request.user).filter(event=self.event)
        self.can_mark = registration_policy.user_has_permission(request.user, "change")
        # Another city's editor learns nothing, not even that the event has registrants.
        hosts = cities_edited_by(request.user).filter(pk=self.event.host_city_id)
        if not self.can_mark and not hosts.exists():
            raise Http404
        return super().dispatch(request, event_id)

    def get_page_title(self):
        return _("Attendance")

    def get_page_subtitle(self):
        return self.event.title

    @property
    def started(self):
        return self.event.start <= timezone.now()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = attendance_rows(self.registrations)
        context.update(
            event=self.event,
            rows=rows,
            totals={
                key: sum(row[key] for row in rows)
                for key in ("confirmed", "waitlisted", "cancelled", "attended")
            },
            can_mark=self.can_mark and self.started,
            started=self.started,
            confirmed=self.registrations.filter(status=RegistrationStatus.CONFIRMED)
            .select_related("city")
            .order_by("name", "pk"),
            registrations_url=reverse("events_registration:index") + f"?event={self.event.pk}",
        )
        return context

    def post(self, request, event_id):
        if not self.can_mark:
            raise PermissionDenied
        if not self.started:
            messages.error(request, _("Attendance can be marked once the event has begun."))
            return redirect("events_attendance", event_id=event_id)
        confirmed = self.registrations.filter(status=RegistrationStatus.CONFIRMED)
        present = set()
        for value in request.POST.getlist("attended"):
            if value.isdigit() and len(value) < 19:
                present.add(int(value))
        with transaction.atomic():
            marked = confirmed.filter(pk__in=present).update(attended=True)
            confirmed.exclude(pk__in=present).update(attended=False)
        messages.success(
            request,
            _("Attendance saved: %(marked)d of %(total)d attended.")
            % {"marked": marked, "total": confirmed.count()},
        )
        return redirect("events_attendance", event_id=event_id)
