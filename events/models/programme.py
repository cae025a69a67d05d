"""What an event page holds inline (edited in its panels, saved with its revisions): the
agenda's sessions and the materials left behind."""

from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from events.zones import combine
from practices.chooser import PracticesChooserWidget

from .choices import MaterialKind, SessionKind
from .speakers import Speaker


class EventSession(ClusterableModel, Orderable):
    """One item of the agenda, on a local day and time of its event."""

    event = ParentalKey("events.EventPage", related_name="sessions", on_delete=models.CASCADE)
    day = models.DateField(_("day"), help_text=_("A day of the event."))
    starts_at = models.TimeField(_("starts"), help_text=_("Local time, e.g. 09:00."))
    ends_at = models.TimeField(_("ends"), help_text=_("Local time, after the start."))
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(
        _("kind"), max_length=20, choices=SessionKind.choices, default=SessionKind.PLENARY
    )
    room = models.CharField(_("room"), max_length=120, blank=True)
    speakers = ParentalManyToManyField(
        Speaker,
        verbose_name=_("speakers"),
        blank=True,
        related_name="sessions",
        help_text=_("Add speakers under Snippets > Speakers first."),
    )
    description = models.TextField(_("description"), max_length=2000, blank=True)
    practices = ParentalManyToManyField(
        "practices.PracticePage",
        verbose_name=_("practices presented"),
        blank=True,
        related_name="presented_in",
        limit_choices_to={"live": True},
        help_text=_("Best practices presented in this session."),
    )
    materials = ParentalManyToManyField(
        "wagtaildocs.Document",
        verbose_name=_("materials"),
        blank=True,
        related_name="+",
        help_text=_("Slides and papers of this session."),
    )

    panels = [
        FieldRowPanel([FieldPanel("day"), FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("title"), FieldPanel("kind"), FieldPanel("room")]),
        FieldPanel("speakers"),
        FieldPanel("description"),
        FieldPanel("practices", widget=PracticesChooserWidget),
        FieldPanel("materials"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return self.title

    @property
    def start(self):
        return combine(self.day, self.starts_at, self.event.tz)

    @property
    def end(self):
        end = combine(self.day, self.ends_at, self.event.tz)
        return end if end > self.start else end + timedelta(days=1)


class EventMaterial(Orderable):
    """A document, slide deck or photo from the event, shown after it."""

    event = ParentalKey("events.EventPage", related_name="materials", on_delete=models.CASCADE)
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("Defaults to the file's title.")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=MaterialKind.choices, default=MaterialKind.DOCUMENT
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("document"), FieldPanel("image")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    @property
    def label(self):
        if self.title:
            return self.title
        item = self.document or self.image
        return item.title if item else ""
