"""Demo events: the Citynet Indonesia seminar in Kupang (16-18 October 2019) and one
upcoming webinar with open registration.

Facts from the seminar's press coverage: theme, dates, venue, 23 participating
regencies/cities, the press conference by the chapter president (Regent of Sidoarjo) with
the Mayor of Kupang, and its messages. Session times, the other speakers, which 23 cities
took part, materials and the webinar are sample content, and the pages say so.
"""

from datetime import date, datetime, time, timedelta
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from citynet.management.commands.load_demo_data import city_rows
from citynet.models import CityPage
from practices.models import PracticePage

from .models import EventIndexPage, EventMaterial, EventPage, EventSession, Speaker
from .zones import zone

KUPANG_SLUG = "kupang-2019-smart-city-strategy"
WEBINAR_SLUG = "master-plan-webinar"
SAMPLE_EN = (
    "<p><em>Sample content for the demo site where it goes beyond the press reports.</em></p>"
)
SAMPLE_ID = (
    "<p><em>Konten contoh untuk situs demo, kecuali yang bersumber dari pemberitaan.</em></p>"
)

SPEAKERS = [
    # key, name, title, organisation, city slug
    (
        "president",
        "Saiful Ilah",
        "Regent of Sidoarjo, President of Citynet Indonesia",
        "Citynet Indonesia",
        "sidoarjo",
    ),
    ("mayor", "Jefri Riwu Kore", "Mayor of Kupang", "Pemerintah Kota Kupang", "kupang"),
    (
        "ministry",
        "Kominfo speaker (sample)",
        "Gerakan Menuju 100 Smart City team",
        "Kementerian Komunikasi dan Informatika",
        None,
    ),
    (
        "sidoarjo",
        "Diskominfo Sidoarjo speaker (sample)",
        "Head of e-government",
        "Diskominfo Kabupaten Sidoarjo",
        "sidoarjo",
    ),
    (
        "kupang",
        "Diskominfo Kupang speaker (sample)",
        "Head of informatics",
        "Diskominfo Kota Kupang",
        "kupang",
    ),
]

# day offset, start, end, kind, room, speakers, practices, (title, description) en and id
KUPANG_SESSIONS = [
    (
        0,
        "13:00",
        "15:30",
        "plenary",
        "Ballroom",
        ["president", "mayor", "ministry"],
        [],
        (
            "Opening plenary: smart-city development strategy",
            "Why smart city is about the quality of public services and regional economic growth, not the number of Wi-Fi hotspots.",
        ),
        (
            "Pleno pembukaan: strategi pengembangan smart city",
            "Smart city adalah soal kualitas pelayanan publik dan pertumbuhan ekonomi daerah, bukan jumlah titik Wi-Fi.",
        ),
    ),
    (
        0,
        "16:00",
        "17:00",
        "press_conference",
        "Press room",
        ["president", "mayor"],
        [],
        (
            "Press conference",
            "The chapter president and the Mayor of Kupang on Citynet and Gerakan Menuju 100 Smart City.",
        ),
        (
            "Konferensi pers",
            "Presiden Citynet Indonesia dan Wali Kota Kupang tentang Citynet dan Gerakan Menuju 100 Smart City.",
        ),
    ),
    (
        1,
        "09:00",
        "12:00",
        "panel",
        "Ballroom",
        ["sidoarjo"],
        ["online-permitting", "sipraja", "sidira-digital-library"],
        (
            "Best-practice sharing: public services online",
            "Sidoarjo, first with online permitting, shows how its services moved online.",
        ),
        (
            "Berbagi praktik baik: pelayanan publik online",
            "Sidoarjo, pelopor perizinan online, menunjukkan cara layanannya beralih ke online.",
        ),
    ),
    (
        1,
        "13:00",
        "16:00",
        "panel",
        "Ballroom",
        ["kupang"],
        ["padi-digital-library", "managed-public-wifi", "udata-social-listening"],
        (
            "Best-practice sharing: Kupang's digital services",
            "Digital library, managed public Wi-Fi and social-media listening in Kupang.",
        ),
        (
            "Berbagi praktik baik: layanan digital Kupang",
            "Perpustakaan digital, Wi-Fi publik terkelola, dan analitik media sosial di Kupang.",
        ),
    ),
    (
        2,
        "09:00",
        "11:30",
        "site_visit",
        "",
        ["kupang"],
        ["managed-public-wifi"],
        ("Site visit: free Wi-Fi in parks and sub-district offices", ""),
        ("Kunjungan lapangan: Wi-Fi gratis di taman dan kantor kelurahan", ""),
    ),
    (
        2,
        "13:00",
        "15:00",
        "workshop",
        "Meeting room 1",
        ["ministry"],
        [],
        (
            "Workshop: a master plan that fits the local culture",
            "How to start the 10-year smart-city master plan, and how the chapter can help.",
        ),
        (
            "Lokakarya: master plan yang sesuai budaya daerah",
            "Cara memulai master plan smart city 10 tahun, dan bagaimana Citynet Indonesia dapat membantu.",
        ),
    ),
]

WEBINAR_SESSIONS = [
    (0, "09:00", "09:30", "plenary", "", ["president"], [], ("Opening", ""), ("Pembukaan", "")),
    (
        0,
        "09:30",
        "11:00",
        "panel",
        "",
        ["sidoarjo", "kupang"],
        ["online-permitting", "managed-public-wifi"],
        (
            "Quick wins: what member cities delivered first",
            "Programmes citizens felt within a year.",
        ),
        (
            "Quick win: program yang pertama dirasakan warga",
            "Program yang dirasakan warga dalam setahun.",
        ),
    ),
    (
        0,
        "11:00",
        "12:00",
        "workshop",
        "",
        ["ministry"],
        [],
        ("Questions and answers on the master-plan outline", ""),
        ("Tanya jawab tentang kerangka master plan", ""),
    ),
]


def load_demo_events(command):
    """Called by `load_demo_data`; like it, creates only what does not exist yet."""
    id_locale = command.locales["id"]
    index = command.ensure_child(
        command.home,
        EventIndexPage,
        slug="events",
        title="Events",
        show_in_menus=True,
        intro="<p>Seminars, workshops and webinars of Citynet Indonesia. Sample data for the demo site.</p>",
    )
    command.ensure_translation(
        index,
        id_locale,
        parent=command.home_id,
        slug="acara",
        title="Acara",
        show_in_menus=True,
        intro="<p>Seminar, lokakarya, dan webinar Citynet Indonesia. Data contoh untuk situs demo.</p>",
    )
    speakers = {row[0]: _speaker(command, *row) for row in SPEAKERS}
    kupang = _city("kupang")
    kupang_event = EventPage.objects.child_of(index).filter(slug=KUPANG_SLUG).first()
    if kupang_event is None:
        kupang_event = _kupang_seminar(command, index, kupang, speakers)
    command.ensure_translation(
        kupang_event,
        id_locale,
        title="Seminar Citynet Indonesia 2019: Strategi Pengembangan Smart City",
        description=(
            "<p>Seminar dan berbagi praktik baik Forum Citynet Indonesia, dihadiri 23 kabupaten/kota. "
            "Daftar daerah peserta di sini bersifat contoh.</p>" + SAMPLE_ID
        ),
        summary=(
            "<p>Presiden Citynet Indonesia, Bupati Sidoarjo, menegaskan bahwa tujuan utama smart city "
            "adalah meningkatkan pelayanan kepada masyarakat dan pertumbuhan ekonomi daerah. Wali Kota "
            "Kupang menambahkan bahwa smart city bukan soal banyaknya Wi-Fi, melainkan kualitas pelayanan "
            "publik. Daerah didorong menyusun master plan yang sesuai budaya setempat; Sidoarjo disebut "
            "sebagai pelopor perizinan online.</p>"
        ),
        sessions=_sessions(KUPANG_SESSIONS, date(2019, 10, 16), speakers, "id"),
    )
    webinar = EventPage.objects.child_of(index).filter(slug=WEBINAR_SLUG).first()
    if webinar is None:
        webinar = _webinar(command, index, speakers)
    command.ensure_translation(
        webinar,
        id_locale,
        title="Webinar: menyusun master plan smart city",
        theme="Dari kerangka ke program percepatan (quick win)",
        description=(
            "<p>Webinar untuk daerah yang mulai menyusun master plan smart city 10 tahun.</p>"
            + SAMPLE_ID
        ),
        sessions=_sessions(WEBINAR_SESSIONS, webinar.local_start.date(), speakers, "id"),
    )


def _city(slug):
    return CityPage.objects.filter(slug=slug, locale__language_code="en").first()


def _speaker(command, key, name, title, organisation, city_slug):
    speaker = Speaker.objects.filter(name=name).first()
    if speaker is None:
        speaker = Speaker.objects.create(
            name=name,
            title=title,
            organisation=organisation,
            city=_city(city_slug) if city_slug else None,
            bio="Sample biography for the demo site." if "sample" in name else "",
        )
        command.created += 1
    return speaker


def _practices(slugs, language):
    return list(PracticePage.objects.filter(slug__in=slugs, locale__language_code=language))


def _sessions(rows, first_day, speakers, language):
    sessions = []
    for offset, start, end, kind, room, speaker_keys, practice_slugs, en, id_ in rows:
        title, description = en if language == "en" else id_
        session = EventSession(
            day=first_day + timedelta(days=offset),
            starts_at=time.fromisoformat(start),
            ends_at=time.fromisoformat(end),
            kind=kind,
            room=room,
            title=title,
            description=description,
        )
        session.speakers = [speakers[key] for key in speaker_keys]
        # Links point at the English practices; pages show the reader's language.
        session.practices = _practices(practice_slugs, "en")
        sessions.append(session)
    return sessions


def _participants(kupang):
    """23 member cities: the host, Sidoarjo and Banjarbaru (chapter officers), and 20 more
    from the cohort list (which 20 is sample data)."""
    slugs = ["kupang", "sidoarjo", "banjarbaru"]
    slugs += [row["slug"] for row in city_rows() if row["slug"] not in slugs][:20]
    return list(CityPage.objects.filter(slug__in=slugs, locale__language_code="en"))


def _kupang_seminar(command, index, kupang, speakers):
    wita = zone("Asia/Makassar")
    event = EventPage(
        slug=KUPANG_SLUG,
        locale=index.locale,
        title="Citynet Indonesia seminar 2019: Smart City Development Strategy",
        kind="seminar",
        theme="Strategi Pengembangan Smart City",
        time_zone="Asia/Makassar",
        start=datetime(2019, 10, 16, 13, 0, tzinfo=wita),
        end=datetime(2019, 10, 18, 16, 0, tzinfo=wita),
        venue="Hotel Aston Kupang",
        address="Kupang, Nusa Tenggara Timur",
        host_city=kupang,
        organiser="Citynet Indonesia and the City of Kupang",
        capacity=120,
        registration_opens=datetime(2019, 9, 16, 8, 0, tzinfo=wita),
        registration_closes=datetime(2019, 10, 14, 17, 0, tzinfo=wita),
        description=(
            "<p>Seminar and best-practice sharing of the Citynet Indonesia forum, attended by 23 "
            "regencies and cities. The list of participating cities shown here is illustrative.</p>"
            + SAMPLE_EN
        ),
        summary=(
            "<p>The chapter president, Regent of Sidoarjo, said the main aim of a smart city is better "
            "service to citizens and regional economic growth. The Mayor of Kupang added that a smart "
            "city is not about the number of Wi-Fi hotspots but about the quality of public services. "
            "Cities were encouraged to write a master plan that fits their local culture; Sidoarjo was "
            "named as the first with online permitting.</p>"
        ),
        participating_cities=_participants(kupang),
        sessions=_sessions(KUPANG_SESSIONS, date(2019, 10, 16), speakers, "en"),
        materials=_materials(),
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    command.created += 1
    return event


def _webinar(command, index, speakers):
    wib = zone("Asia/Jakarta")
    day = (timezone.now() + timedelta(days=30)).astimezone(wib).date()
    start = datetime.combine(day, time(9, 0), tzinfo=wib)
    event = EventPage(
        slug=WEBINAR_SLUG,
        locale=index.locale,
        title="Webinar: writing a smart-city master plan",
        kind="webinar",
        theme="From the outline to quick wins",
        time_zone="Asia/Jakarta",
        start=start,
        end=start + timedelta(hours=3),
        online_url="https://meet.example.org/citynet-master-plan",
        host_city=_city("sidoarjo"),
        organiser="Citynet Indonesia",
        capacity=100,
        registration_opens=timezone.now() - timedelta(days=1),
        registration_closes=start - timedelta(hours=12),
        description=(
            "<p>A webinar for cities starting their 10-year smart-city master plan.</p>" + SAMPLE_EN
        ),
        sessions=_sessions(WEBINAR_SESSIONS, day, speakers, "en"),
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    command.created += 1
    return event


def _materials():
    Document = get_document_model()
    Image = get_image_model()
    summary = Document(title="Seminar summary, Kupang 2019 (sample)")
    summary.file.save(
        "kupang-2019-summary.txt",
        ContentFile(
            b"Citynet Indonesia seminar, Kupang, 16-18 October 2019.\n"
            b"Theme: Strategi Pengembangan Smart City.\n"
            b"Sample document for the demo site.\n"
        ),
        save=True,
    )
    photo = Image(title="Seminar photo placeholder (sample)")
    photo.file.save("kupang-2019-placeholder.png", ContentFile(_placeholder_png()), save=False)
    photo.width, photo.height = 960, 540
    photo.save()
    return [
        EventMaterial(title="", kind="report", document=summary),
        EventMaterial(title="", kind="photo", image=photo),
    ]


def _placeholder_png():
    from PIL import Image as PILImage

    buffer = BytesIO()
    PILImage.new("RGB", (960, 540), (11, 92, 173)).save(buffer, format="PNG")
    return buffer.getvalue()
