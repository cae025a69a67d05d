"""Member cities: the listing at /<lang>/cities/ and one profile page per city.

A CityPage is also the unit of editorial permission: saving a new one provisions the
city's editors group and collection in the same transaction (see citynet.provisioning).
"""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Collection, Page
from wagtail.search import index

from citynet.geography import COUNTRY_CHOICES, INDONESIA, PROVINCE_CHOICES
from citynet.listing import noindex_filtered
from citynet.sections import CITY_SECTIONS, collect_sections
from citynet.visibility import public_pages

# Renditions shown in listings and on the profile; prefetched so a page of cities costs
# the same number of queries whatever its length.
LISTING_LOGO_SPEC = "fill-96x96"
PROFILE_LOGO_SPEC = "max-240x240"

COHORT_YEARS = (2017, 2018, 2019)
COHORT_CHOICES = [(year, str(year)) for year in COHORT_YEARS]


class CityKind(models.TextChoices):
    KOTA = "kota", _("City (kota)")
    KABUPATEN = "kabupaten", _("Regency (kabupaten)")
    OTHER = "other", _("Other local government")


class Membership(models.TextChoices):
    FULL = "full", _("Full member")
    ASSOCIATE = "associate", _("Associate member")


class CityIndexPage(Page):
    """Every member city of this locale, filterable by province, kind, cohort and membership."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown above the list of cities."),
    )

    parent_page_types = ["citynet.HomePage"]
    subpage_types = ["citynet.CityPage"]
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]

    per_page = 24

    class Meta:
        verbose_name = _("city index page")
        verbose_name_plural = _("city index pages")

    def cities(self):
        return (
            public_pages(CityPage.objects.child_of(self))
            .select_related("locale")
            .prefetch_related(
                Prefetch(
                    "logo",
                    queryset=get_image_model().objects.prefetch_renditions(LISTING_LOGO_SPEC),
                )
            )
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        from citynet.filters import CityFilter

        context = super().get_context(request, *args, **kwargs)
        city_filter = CityFilter(request.GET, self.cities(), scope=self.pk)
        paginator = Paginator(city_filter.results, self.per_page)
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update(
            city_filter=city_filter,
            page_obj=page_obj,
            cities=page_obj.object_list,
            logo_spec=LISTING_LOGO_SPEC,
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        return noindex_filtered(request, response)


def parent_city_id(page):
    """The city a new page (practice, plan, or a copy or translation of one) sits under."""
    parent = page.get_parent()
    return parent.pk if parent and parent.specific_class is CityPage else None


class CityPage(Page):
    """A member city's profile; its practices, plan and events attach below it.

    Other apps add their lists to the profile through the `citynet_city_sections` hook
    (citynet.sections).
    """

    official_name = models.CharField(
        _("official name"),
        max_length=255,
        help_text=_("The local government's official name, e.g. 'Pemerintah Kota Kupang'."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=CityKind.choices,
        default=CityKind.KOTA,
        help_text=_("Indonesian cities are a kota (city) or a kabupaten (regency)."),
    )
    country = models.CharField(
        _("country"),
        max_length=5,
        choices=COUNTRY_CHOICES,
        default=INDONESIA,
        help_text=_("Citynet spans the Asia-Pacific; most hub members are in Indonesia."),
    )
    province = models.CharField(
        _("province"),
        max_length=60,
        choices=PROVINCE_CHOICES,
        blank=True,
        help_text=_("Required for cities in Indonesia; leave empty elsewhere."),
    )
    population = models.PositiveIntegerField(
        _("population"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100_000_000)],
        help_text=_("Latest official figure; leave empty if unknown."),
    )
    head_title = models.CharField(
        _("title of the head of region"),
        max_length=100,
        blank=True,
        help_text=_("e.g. Wali Kota (mayor) or Bupati (regent)."),
    )
    head_name = models.CharField(
        _("name of the head of region"),
        max_length=150,
        blank=True,
        help_text=_("The current mayor or regent."),
    )
    membership = models.CharField(
        _("Citynet membership"),
        max_length=20,
        choices=Membership.choices,
        default=Membership.FULL,
        help_text=_("Local governments are full members; institutes and NGOs are associates."),
    )
    member_since = models.PositiveSmallIntegerField(
        _("member since"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1987), MaxValueValidator(2100)],
        help_text=_("Year the city joined Citynet (the network was founded in 1987)."),
    )
    smart_city_cohort = models.PositiveSmallIntegerField(
        _("smart-city cohort"),
        null=True,
        blank=True,
        choices=COHORT_CHOICES,
        help_text=_("Year the city was selected for Gerakan Menuju 100 Smart City, if it was."),
    )
    website = models.URLField(_("website"), blank=True, help_text=_("The city's official site."))
    contact_name = models.CharField(
        _("contact person"), max_length=150, blank=True, help_text=_("Who answers other cities.")
    )
    contact_role = models.CharField(
        _("contact's role"),
        max_length=150,
        blank=True,
        help_text=_("e.g. Head of Diskominfo (communication and informatics office)."),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo or image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The city's emblem or a photo; shown square in listings."),
    )
    intro = RichTextField(
        _("short introduction"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Two or three sentences about the city and its smart-city work."),
    )
    # Set by provisioning, shared by all translations of the city; never edited by hand.
    editors_group = models.ForeignKey(
        Group,
        verbose_name=_("editors group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    collection = models.ForeignKey(
        Collection,
        verbose_name=_("collection"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    parent_page_types = ["citynet.CityIndexPage"]
    exclude_fields_in_copy = ["editors_group", "collection"]

    content_panels = Page.content_panels + [
        FieldPanel("official_name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("country"), FieldPanel("province")]),
        FieldPanel("population"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("head_title"), FieldPanel("head_name")])],
            heading=_("Head of region"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("membership"), FieldPanel("member_since")]),
                FieldPanel("smart_city_cohort"),
            ],
            heading=_("Networks"),
        ),
        FieldPanel("intro"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_role")]),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Contact"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("official_name"),
        index.SearchField("intro"),
        index.FilterField("province"),
        index.FilterField("kind"),
        index.FilterField("smart_city_cohort"),
    ]

    class Meta:
        verbose_name = _("member city")
        verbose_name_plural = _("member cities")

    def clean(self):
        super().clean()
        if self.country == INDONESIA and not self.province:
            raise ValidationError({"province": _("Choose the province of this Indonesian city.")})
        if self.country != INDONESIA and self.province:
            raise ValidationError(
                {"province": _("Provinces apply to Indonesian cities only; leave it empty.")}
            )

    def save(self, *args, **kwargs):
        from citynet import provisioning

        is_new = self._state.adding
        update_fields = kwargs.get("update_fields")
        with transaction.atomic():
            super().save(*args, **kwargs)
            if is_new:
                provisioning.provision_city(self)
            elif update_fields is None or "title" in update_fields:
                provisioning.sync_city_names(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["logo_spec"] = PROFILE_LOGO_SPEC
        context["sections"] = collect_sections(CITY_SECTIONS, self, request)
        return context
