"""A person's registration for an event, with its place on the waiting list.

Registrations are personal data: the public sees only counts; the secretariat sees all; a
city's editors see their own city's registrants for events their city hosts
(`visible_registrations`)."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from citynet.models import CityPage

from .event import EventPage

TOKEN_SALT = "events.registration"


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("Waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    event = models.ForeignKey(
        EventPage,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    city = models.ForeignKey(
        CityPage,
        verbose_name=_("member city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    other_city = models.CharField(_("other city or region"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=150, blank=True)
    needs = models.TextField(_("access or dietary needs"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    attended = models.BooleanField(
        _("attended"), null=True, blank=True, help_text=_("Marked after the event.")
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    created_at = models.DateTimeField(_("registered at"), default=timezone.now, db_index=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            # One active registration per address and event; a cancelled one may register again.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled"),
                name="events_one_registration_per_email",
            ),
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def city_label(self):
        return self.city.title if self.city_id else self.other_city

    city_label.fget.short_description = _("city")

    @property
    def token(self):
        """`<pk>-<HMAC>`: the link to view or cancel, unguessable without SECRET_KEY.

        Only letters, digits and '-', so it fits in a Wagtail page route."""
        return f"{self.pk}-{_signature(self.pk)}"

    @classmethod
    def from_token(cls, token):
        """The registration a signed link names, or None for a forged or mangled token."""
        pk, _sep, signature = (token or "").partition("-")
        if not (pk.isdigit() and len(pk) < 19 and signature):
            return None
        if not constant_time_compare(signature, _signature(int(pk))):
            return None
        return cls.objects.select_related("event").filter(pk=int(pk)).first()


def _signature(pk):
    return salted_hmac(TOKEN_SALT, str(pk), algorithm="sha256").hexdigest()


def cities_edited_by(user):
    """Member cities (all translations) whose editors group the user belongs to."""
    keys = CityPage.objects.filter(editors_group__in=user.groups.all()).values("translation_key")
    return CityPage.objects.filter(translation_key__in=keys)


def visible_registrations(user):
    """Registrations a user may see in the admin."""
    from citynet.permissions import is_secretariat

    registrations = Registration.objects.all()
    if user.is_superuser or is_secretariat(user):
        return registrations
    cities = cities_edited_by(user)
    return registrations.filter(event__host_city__in=cities, city__in=cities)
