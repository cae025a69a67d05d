"""Load the demo site: home pages in both languages, member cities, demo accounts, and
whatever other apps add through the `citynet_demo_data` hook (called with this command).

Idempotent: whatever already exists (matched by slug or username) is left untouched, so a
second run changes nothing and an edited demo site is never overwritten.
"""

import csv
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.text import slugify
from wagtail import hooks
from wagtail.models import Locale, Page, Site
from wagtail.users.models import UserProfile

from citynet.models import CityIndexPage, CityPage, HomePage
from citynet.models.cities import CityKind
from citynet.roles import SECRETARIAT
from citynet.search_hooks import bulk_load

CITIES_CSV = Path(__file__).resolve().parents[2] / "demo" / "cities.csv"
DEMO_PASSWORD = "citynet-demo"  # for the demo only; the README says so
SAMPLE_EN = "Sample data for the demo site."
SAMPLE_ID = "Data contoh untuk situs demo."

CITY_FACTS = {
    "kupang": (
        "Kupang is the capital of Nusa Tenggara Timur. It won a Smart City Nusantara award in "
        "2016 and hosted the Citynet Indonesia seminar on smart-city strategy in October 2019.",
        "Kupang adalah ibu kota Nusa Tenggara Timur. Kota ini meraih penghargaan Smart City "
        "Nusantara 2016 dan menjadi tuan rumah seminar Citynet Indonesia tentang strategi "
        "smart city pada Oktober 2019.",
    ),
    "sidoarjo": (
        "Sidoarjo heads the Citynet Indonesia chapter and was the first region recognised for "
        "online permitting.",
        "Sidoarjo memimpin Citynet Indonesia dan merupakan daerah pertama yang diakui karena "
        "menerapkan perizinan online.",
    ),
    "banjarbaru": (
        "Banjarbaru's mayor was vice-president of the Citynet Indonesia chapter in 2019.",
        "Wali Kota Banjarbaru menjabat wakil presiden Citynet Indonesia pada 2019.",
    ),
}


def city_rows():
    """Rows of the cohort list with a slug each: the name without 'Kota'/'Kabupaten',
    keeping the prefix only where a kota and a kabupaten share a name."""
    with CITIES_CSV.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        row["base"] = row["name"].split(" ", 1)[1]
    bases = [row["base"] for row in rows]
    for row in rows:
        duplicated = bases.count(row["base"]) > 1
        row["slug"] = slugify(
            row["name"] if duplicated and row["kind"] == "kabupaten" else row["base"]
        )
    return rows


class Command(BaseCommand):
    help = "Load demo content and accounts (idempotent: existing items are left as they are)."

    def handle(self, *args, **options):
        self.created = 0
        # Apps may defer work to the end (the search index is built once, not page by page).
        with bulk_load(), transaction.atomic():
            en = Locale.objects.get_or_create(language_code="en")[0]
            id_ = Locale.objects.get_or_create(language_code="id")[0]
            home = self.ensure_home(en)
            home_id = self.ensure_translation(
                home,
                id_,
                title="Citynet Knowledge Hub",
                lead="Tempat kota-kota anggota Citynet berbagi praktik baik, menyusun master "
                "plan smart city, dan bertemu.",
                intro=f"<p>{SAMPLE_ID} Jelajahi daerah anggota Citynet Indonesia.</p>",
            )
            index = self.ensure_child(
                home,
                CityIndexPage,
                slug="cities",
                title="Member cities",
                show_in_menus=True,
                intro=f"<p>Regencies and cities of the Citynet Indonesia chapter. {SAMPLE_EN}</p>",
            )
            self.ensure_translation(
                index,
                id_,
                parent=home_id,
                slug="daerah",
                title="Daerah anggota",
                show_in_menus=True,
                intro=f"<p>Kabupaten dan kota anggota Citynet Indonesia. {SAMPLE_ID}</p>",
            )
            for row in city_rows():
                self.ensure_city(index, id_, row)
            self.ensure_users()
            self.home, self.home_id = home, home_id
            self.locales = {"en": en, "id": id_}
            # Apps add their own demo content (practices, plans, events) through this hook.
            for hook in hooks.get_hooks("citynet_demo_data"):
                hook(self)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready ({self.created} items created). "
                f"Demo accounts use the password '{DEMO_PASSWORD}' (demo only)."
            )
        )

    # Pages -----------------------------------------------------------------------------

    def ensure_home(self, locale):
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        if site and isinstance(site.root_page.specific, HomePage):
            return site.root_page.specific
        root = Page.get_first_root_node()
        existing = HomePage.objects.filter(locale=locale, depth=2).first()
        if existing is None:
            # Wagtail's starter "Welcome" page holds the slug 'home'; it has no content to keep.
            for page in root.get_children().filter(slug="home"):
                if page.specific_class is Page and not page.get_children().exists():
                    page.delete()
            existing = HomePage(
                title="Citynet Knowledge Hub",
                slug="home",
                locale=locale,
                lead="Where Citynet member cities share what works, draft their smart-city "
                "master plans and meet.",
                intro=f"<p>{SAMPLE_EN} Browse the member cities of Citynet Indonesia.</p>",
            )
            root.add_child(instance=existing)
            existing.save_revision().publish()
            self.created += 1
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        site.root_page = existing
        site.site_name = "Citynet Knowledge Hub"
        site.save()
        return existing

    def ensure_child(self, parent, model, slug, **fields):
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = model(slug=slug, locale=parent.locale, **fields)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.created += 1
        return page

    def ensure_translation(self, page, locale, parent=None, **fields):
        """The page's translation into `locale`, created from a copy of the original.

        With a `parent` and a `slug` the translation is built directly under that parent,
        so a translated slug never leaves redirects behind."""
        existing = page.get_translation_or_none(locale)
        if existing is not None:
            return existing.specific
        if parent is not None:
            translation = type(page)(locale=locale, translation_key=page.translation_key, **fields)
            parent.add_child(instance=translation)
            translation.save_revision().publish()
            self.created += 1
            return translation
        translation = page.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save()
        translation.save_revision().publish()
        self.created += 1
        return translation

    def ensure_city(self, index, id_locale, row):
        kind = row["kind"]
        is_kota = kind == CityKind.KOTA
        facts_en, facts_id = CITY_FACTS.get(row["slug"], ("", ""))
        cohort = int(row["cohort"]) if row["cohort"] else None
        where_en = f"{row['name']} is a {'city' if is_kota else 'regency'} in {row['province']}."
        where_id = (
            f"{row['name']} adalah {'kota' if is_kota else 'kabupaten'} di {row['province']}."
        )
        if cohort:
            where_en += f" It was selected for Gerakan Menuju 100 Smart City in {cohort}."
            where_id += f" Terpilih dalam Gerakan Menuju 100 Smart City tahun {cohort}."
        city = self.ensure_child(
            index,
            CityPage,
            slug=row["slug"],
            title=row["name"],
            official_name=f"Pemerintah {row['name']}",
            kind=kind,
            province=row["province"],
            head_title="Mayor" if is_kota else "Regent",
            smart_city_cohort=cohort,
            intro=f"<p>{where_en} {facts_en} {SAMPLE_EN}</p>".replace("  ", " "),
        )
        self.ensure_translation(
            city,
            id_locale,
            head_title="Wali Kota" if is_kota else "Bupati",
            intro=f"<p>{where_id} {facts_id} {SAMPLE_ID}</p>".replace("  ", " "),
        )
        return city

    # Accounts --------------------------------------------------------------------------

    def ensure_users(self):
        User = get_user_model()
        secretariat = Group.objects.get(name=SECRETARIAT)
        accounts = [
            ("admin", "Admin", "Demo", True, None),
            ("secretariat", "Sekretariat", "Citynet", False, secretariat),
            ("editor.kupang", "Editor", "Kupang", False, self.city_group("kupang")),
            ("editor.sidoarjo", "Editor", "Sidoarjo", False, self.city_group("sidoarjo")),
        ]
        for username, first, last, superuser, group in accounts:
            if User.objects.filter(username=username).exists():
                continue
            user = User(
                username=username,
                first_name=first,
                last_name=last,
                email=f"{username}@example.org",
                is_staff=superuser,
                is_superuser=superuser,
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            if group is not None:
                user.groups.add(group)
            if group is not None and group != secretariat:
                # City editors work in Bahasa Indonesia, as new accounts do (citynet.users).
                profile = UserProfile.get_for_user(user)
                profile.preferred_language = settings.CITYNET_EDITOR_LANGUAGE
                profile.save(update_fields=["preferred_language"])
            self.created += 1

    def city_group(self, slug):
        city = CityPage.objects.filter(slug=slug, locale__language_code="en").first()
        return city.editors_group if city else None
