"""Public registration: the form's POST, and the signed link to view or cancel."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import seating
from .models import Registration, RegistrationStatus
from .notifications import queue_registration_email
from .rate_limits import allow_registration
from .registration_forms import RegistrationForm


def _base_url(request):
    return request.build_absolute_uri("/")


def _registration_url(page, registration):
    return page.url + page.reverse_subpage("registration", args=[registration.token])


@never_cache
def register(request, page):
    if request.method != "POST":
        return HttpResponseRedirect(page.url + "#register")
    if not allow_registration(request):
        messages.error(
            request,
            _("Too many registration attempts from your network. Please try again later."),
        )
        response = page.render(request, context_overrides={"throttled": True})
        response.status_code = 429
        return response
    form = RegistrationForm(request.POST, locale_id=page.locale_id)
    if not form.is_valid():
        return page.render(request, context_overrides={"registration_form": form})
    try:
        registration = seating.register(
            page, form.save(commit=False), get_language(), _base_url(request)
        )
    except seating.RegistrationClosed:
        messages.error(request, _("Registration for this event is not open."))
        return HttpResponseRedirect(page.url)
    except seating.AlreadyRegistered as duplicate:
        queue_registration_email(duplicate.registration, "registered", _base_url(request))
        form.add_error(
            "email",
            _(
                "This email address is already registered for this event. We have sent "
                "the link to view or cancel the registration to it again."
            ),
        )
        return page.render(request, context_overrides={"registration_form": form})
    if registration.status == RegistrationStatus.CONFIRMED:
        messages.success(
            request, _("You are registered. We have sent a confirmation to your email.")
        )
    else:
        messages.warning(
            request,
            _(
                "The event is full: you are on the waiting list. We will email you if a "
                "seat becomes free."
            ),
        )
    return HttpResponseRedirect(_registration_url(page, registration))


@never_cache
def manage_registration(request, page, token):
    registration = Registration.from_token(token)
    if registration is None or registration.event.translation_key != page.translation_key:
        raise Http404
    if request.method == "POST":
        if request.POST.get("action") == "cancel":
            if registration.status != RegistrationStatus.CANCELLED:
                seating.cancel(registration, _base_url(request))
                messages.success(request, _("Your registration is cancelled."))
            return HttpResponseRedirect(_registration_url(page, registration))
        raise Http404
    response = page.render(
        request,
        template="events/registration.html",
        context_overrides={
            "registration": registration,
            "waiting_position": _waiting_position(registration),
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def _waiting_position(registration):
    if registration.status != RegistrationStatus.WAITLISTED:
        return None
    return (
        Registration.objects.filter(
            event_id=registration.event_id,
            status=RegistrationStatus.WAITLISTED,
            created_at__lte=registration.created_at,
        )
        .exclude(created_at=registration.created_at, pk__gt=registration.pk)
        .count()
    )
