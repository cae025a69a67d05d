"""Generate N member cities and M practices with realistic text, for benchmarks.

    manage.py generate_volume_data --cities 500 --practices 20000

Words come from Indonesian and English smart-city vocabularies; dimensions, elements, tags,
SDGs, statuses and years vary. Pages are bulk-inserted (citynet.volume): they have no
revisions and no editors groups, and keyword search needs `manage.py update_index`
afterwards. Run it on a benchmark database, never on the real site.
"""

import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from taggit.models import Tag

from citynet import facet_cache, page_cache
from citynet.console import progress_bar
from citynet.geography import PROVINCES
from citynet.models import CityIndexPage, CityPage, Dimension
from citynet.volume import bulk_add_children
from practices.models import PracticePage, PracticeTag, SustainableDevelopmentGoal

# Smart-city vocabulary; titles, summaries and prose are drawn from these.
WORDS_ID = (  # noqa: SIM905 - a word list reads best as one string
    "layanan publik perizinan daring warga desa kelurahan kecamatan sekolah puskesmas pasar "
    "sampah air bersih banjir jalan transportasi angkot parkir pajak retribusi anggaran data "
    "aplikasi portal dasbor sensor kamera pelatihan relawan komunitas umkm pariwisata festival "
    "budaya literasi perpustakaan kesehatan ibu anak lansia energi surya lampu internet wifi "
    "keamanan bencana peringatan dini pengaduan transparansi kolaborasi inovasi digital"
).split()
WORDS_EN = (  # noqa: SIM905
    "public service permit online resident village district school clinic market waste water "
    "flood road transport bus parking tax fee budget data app portal dashboard sensor camera "
    "training volunteer community small business tourism festival culture literacy library "
    "health mother child elderly energy solar light internet safety disaster warning complaint "
    "transparency collaboration innovation digital"
).split()
TAGS = sorted(
    {*WORDS_ID[:60], *(f"{a} {b}" for a, b in zip(WORDS_EN[::3], WORDS_EN[1::3], strict=False))}
)
STATUSES = ["idea", "pilot", "operating", "operating", "scaled", "discontinued"]


def sentence(rng, words, n):
    text = " ".join(rng.choice(words) for _ in range(n))
    return text[0].upper() + text[1:] + "."


def paragraph(rng, sentences=3):
    words = rng.choice((WORDS_ID, WORDS_EN))
    return (
        "<p>"
        + " ".join(sentence(rng, words, rng.randint(8, 16)) for _ in range(sentences))
        + "</p>"
    )


class Command(BaseCommand):
    help = "Generate member cities and practices in bulk for benchmarks (not for real sites)."

    def add_arguments(self, parser):
        parser.add_argument("--cities", type=int, default=500)
        parser.add_argument("--practices", type=int, default=20000)
        parser.add_argument("--seed", type=int, default=2019)
        parser.add_argument(
            "--prefix", default="volume", help="Slug prefix; a second run needs another one."
        )

    def handle(self, *args, cities, practices, seed, prefix, **options):
        if cities < 1 or practices < 0:
            raise CommandError("--cities must be at least 1 and --practices at least 0.")
        index = CityIndexPage.objects.filter(locale__language_code="en").first()
        if index is None:
            raise CommandError("No city index page: run `manage.py load_demo_data` first.")
        if CityPage.objects.filter(slug__startswith=f"{prefix}-").exists():
            raise CommandError(f"Volume data with prefix '{prefix}' exists; pass --prefix.")
        rng = random.Random(seed)  # noqa: S311 - repeatable sample text, not secrets
        started = time.monotonic()
        with transaction.atomic():
            new_cities = self.make_cities(index, cities, prefix, rng)
            self.make_practices(new_cities, practices, prefix, rng)
        facet_cache.bump("cities", "practices")  # bulk inserts send no signals
        page_cache.invalidate_all()
        if connection.vendor == "postgresql":
            # Fresh statistics, or the planner assumes the tables are still tiny.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {cities} cities and {practices} practices in "
                f"{time.monotonic() - started:.1f}s. Run `manage.py search_index rebuild` (and "
                "`update_index` for admin search) before benchmarking keyword search."
            )
        )

    def make_cities(self, index, count, prefix, rng):
        pages = []
        for n in range(count):
            kind = rng.choice(("kota", "kabupaten"))
            name = (
                f"{'Kota' if kind == 'kota' else 'Kabupaten'} {sentence(rng, WORDS_ID, 2)[:-1]} {n}"
            )
            pages.append(
                CityPage(
                    title=name,
                    slug=f"{prefix}-city-{n}",
                    official_name=f"Pemerintah {name}",
                    kind=kind,
                    province=rng.choice(PROVINCES),
                    smart_city_cohort=rng.choice((None, 2017, 2018, 2019)),
                    intro=paragraph(rng, 2),
                )
            )
        with progress_bar(self, "cities", count) as bar:
            return bulk_add_children(index, pages, bar.update)

    def make_practices(self, cities, count, prefix, rng):
        dimensions = list(Dimension.objects.prefetch_related("elements"))
        goals = list(SustainableDevelopmentGoal.objects.all())
        tags = [Tag.objects.get_or_create(name=name)[0] for name in TAGS]
        per_city = {}
        for n in range(count):
            city = cities[n % len(cities)]
            dimension = rng.choice(dimensions)
            start = rng.randint(2008, 2025)
            practice = PracticePage(
                title=sentence(rng, rng.choice((WORDS_ID, WORDS_EN)), rng.randint(3, 7))[:-1],
                slug=f"{prefix}-practice-{n}",
                city=city,
                summary=sentence(rng, WORDS_EN, 20)[:390],
                dimension=dimension,
                status=rng.choice(STATUSES),
                start_year=start,
                end_year=rng.choice((None, None, start + rng.randint(0, 4))),
                budget_amount=rng.randint(1, 5000) * 1_000_000,
                funding_source=rng.choice(("apbd", "apbn", "csr", "partnership", "grant")),
                problem=paragraph(rng),
                solution=paragraph(rng),
                results=paragraph(rng),
                lessons=paragraph(rng, 2),
                contact_name="Sample contact",
            )
            practice._volume_elements = rng.sample(
                list(dimension.elements.all()), rng.randint(1, 2)
            )
            practice._volume_goals = rng.sample(goals, rng.randint(1, 3))
            practice._volume_tags = rng.sample(tags, rng.randint(1, 4))
            per_city.setdefault(city.pk, (city, []))[1].append(practice)
        with progress_bar(self, "practices", count) as bar:
            for city, pages in per_city.values():
                bulk_add_children(city, pages, bar.update)
                self.link(pages)

    def link(self, pages):
        elements = PracticePage.elements.through
        goals = PracticePage.sdgs.through
        elements.objects.bulk_create(
            [
                elements(practicepage_id=p.pk, dimensionelement_id=e.pk)
                for p in pages
                for e in p._volume_elements
            ]
        )
        goals.objects.bulk_create(
            [
                goals(practicepage_id=p.pk, sustainabledevelopmentgoal_id=g.pk)
                for p in pages
                for g in p._volume_goals
            ]
        )
        PracticeTag.objects.bulk_create(
            [
                PracticeTag(content_object_id=p.pk, tag_id=t.pk)
                for p in pages
                for t in p._volume_tags
            ]
        )
