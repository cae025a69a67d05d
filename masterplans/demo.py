"""Demo master plans: Kupang's published plan (2019-2029) and Sidoarjo's draft, both from
the Indonesian template, with programmes across the six dimensions.

The programmes are sample content written for the demo (their names echo the cities'
known practices); budgets, years and KPI values are illustrative, and the plans say so.
"""

from decimal import Decimal

from wagtail.blocks import StreamValue

from citynet.models import CityPage, Dimension, DimensionElement
from practices.models import PracticePage

from .drafting import start_plan
from .models import (
    MasterPlanIndexPage,
    MasterPlanPage,
    MasterPlanTemplate,
    Programme,
    ProgrammeBudget,
    ProgrammeIndicator,
)

SAMPLE = "Konten contoh untuk situs demo: program, anggaran, dan angka bersifat ilustratif."
MILLION = 1_000_000

# title, dimension, element, quick win, start, end, lead agency,
# budget [(year, IDR millions, source)], KPI (name, unit, baseline, target, year) or None,
# practice slug it learns from or None
KUPANG_PROGRAMMES = [
    (
        "Mal pelayanan publik terpadu",
        "smart-governance",
        "public-service",
        True,
        2019,
        2020,
        "DPMPTSP",
        [(2019, 1500, "apbd"), (2020, 750, "apbd")],
        ("Rata-rata hari penerbitan izin", "hari", 14, 3, 2021),
        "online-permitting",
    ),
    (
        "Tanda tangan elektronik untuk surat dinas",
        "smart-governance",
        "bureaucracy",
        False,
        2020,
        2022,
        "Diskominfo",
        [(2020, 400, "apbd"), (2021, 300, "apbd")],
        ("Surat dinas bertanda tangan elektronik", "%", 0, 80, 2022),
        None,
    ),
    (
        "Satu data Kota Kupang",
        "smart-governance",
        "policy",
        False,
        2021,
        2025,
        "Bappeda",
        [(2021, 600, "apbd"), (2023, 600, "apbd"), (2025, 400, "apbn")],
        ("Dataset terbuka yang diperbarui", "dataset", 20, 200, 2025),
        "udata-social-listening",
    ),
    (
        "Portal pariwisata Kupang",
        "smart-branding",
        "tourism-branding",
        True,
        2019,
        2019,
        "Dinas Pariwisata",
        [(2019, 350, "apbd")],
        ("Kunjungan portal per bulan", "kunjungan", 2000, 15000, 2020),
        None,
    ),
    (
        "Penataan wajah kota tepi pantai",
        "smart-branding",
        "city-appearance",
        False,
        2022,
        2028,
        "Dinas PUPR",
        [(2022, 2500, "apbd"), (2024, 5000, "apbn"), (2026, 2500, "apbd")],
        None,
        None,
    ),
    (
        "Pasar rakyat dengan pembayaran non-tunai",
        "smart-economy",
        "financial-transactions",
        True,
        2019,
        2020,
        "Dinas Perdagangan",
        [(2019, 300, "csr"), (2020, 200, "apbd")],
        ("Pedagang menerima QRIS", "%", 5, 60, 2021),
        None,
    ),
    (
        "Inkubator UMKM digital",
        "smart-economy",
        "industry-ecosystem",
        False,
        2021,
        2024,
        "Dinas Koperasi dan UMKM",
        [(2021, 500, "apbd"), (2022, 500, "partnership")],
        ("UMKM yang berjualan online", "UMKM", 150, 1200, 2024),
        None,
    ),
    (
        "Puskesmas dengan rekam medis elektronik",
        "smart-living",
        "health",
        True,
        2019,
        2021,
        "Dinas Kesehatan",
        [(2019, 800, "apbn"), (2020, 800, "apbd"), (2021, 400, "apbd")],
        ("Puskesmas memakai rekam medis elektronik", "puskesmas", 0, 11, 2021),
        None,
    ),
    (
        "Angkutan kota dengan pelacakan GPS",
        "smart-living",
        "mobility",
        False,
        2023,
        2027,
        "Dinas Perhubungan",
        [(2023, 1200, "apbd"), (2025, 1200, "partnership")],
        None,
        None,
    ),
    (
        "Wi-Fi publik di taman dan kelurahan",
        "smart-society",
        "community-interaction",
        True,
        2019,
        2020,
        "Diskominfo",
        [(2019, 450, "apbd"), (2020, 300, "csr")],
        ("Titik Wi-Fi publik aktif", "titik", 10, 60, 2020),
        "managed-public-wifi",
    ),
    (
        "Perpustakaan digital PADI untuk sekolah",
        "smart-society",
        "learning-ecosystem",
        False,
        2020,
        2023,
        "Dinas Perpustakaan",
        [(2020, 250, "apbd"), (2022, 250, "apbd")],
        ("Pengguna aktif perpustakaan digital", "orang", 1500, 20000, 2023),
        "padi-digital-library",
    ),
    (
        "Kamera keamanan terpadu (command center)",
        "smart-society",
        "security",
        False,
        2021,
        2029,
        "Diskominfo",
        [(2021, 2000, "apbd"), (2024, 3000, "apbn"), (2028, 1500, "apbd")],
        ("Respons darurat kurang dari 15 menit", "%", 30, 90, 2029),
        None,
    ),
    (
        "Bank sampah digital",
        "smart-environment",
        "waste",
        True,
        2019,
        2020,
        "Dinas Lingkungan Hidup",
        [(2019, 200, "apbd"), (2020, 150, "csr")],
        ("Sampah terpilah di bank sampah", "ton/tahun", 50, 400, 2021),
        None,
    ),
    (
        "Penerangan jalan tenaga surya",
        "smart-environment",
        "energy",
        False,
        2022,
        2029,
        "Dinas PUPR",
        [(2022, 1800, "apbd"), (2025, 1800, "apbn"), (2028, 900, "apbd")],
        ("Lampu jalan tenaga surya", "unit", 0, 2500, 2029),
        None,
    ),
]

SIDOARJO_PROGRAMMES = [
    (
        "SIPRAJA di semua desa",
        "smart-governance",
        "public-service",
        True,
        2021,
        2022,
        "Diskominfo",
        [(2021, 900, "apbd"), (2022, 600, "apbd")],
        ("Desa melayani lewat SIPRAJA", "desa", 100, 346, 2022),
        "sipraja",
    ),
    (
        "Perizinan online generasi kedua",
        "smart-governance",
        "bureaucracy",
        False,
        2022,
        2025,
        "DPMPTSP",
        [(2022, 700, "apbd"), (2024, 500, "apbd")],
        None,
        "online-permitting",
    ),
    (
        "Branding kawasan UMKM Tanggulangin",
        "smart-branding",
        "business-branding",
        True,
        2021,
        2021,
        "Dinas Koperasi dan UMKM",
        [(2021, 300, "apbd")],
        None,
        None,
    ),
    (
        "Festival kuliner digital",
        "smart-branding",
        "tourism-branding",
        False,
        2022,
        2024,
        "Dinas Pariwisata",
        [(2022, 250, "csr"), (2023, 250, "csr")],
        None,
        None,
    ),
    (
        "Katalog produk lokal online",
        "smart-economy",
        "industry-ecosystem",
        True,
        2021,
        2022,
        "Dinas Perindustrian",
        [(2021, 400, "apbd")],
        None,
        None,
    ),
    (
        "Bantuan sosial tepat sasaran berbasis data",
        "smart-economy",
        "welfare",
        False,
        2022,
        2026,
        "Dinas Sosial",
        [(2022, 500, "apbn"), (2024, 500, "apbn")],
        None,
        None,
    ),
    (
        "Layanan kesehatan keliling dengan pendaftaran online",
        "smart-living",
        "health",
        True,
        2021,
        2022,
        "Dinas Kesehatan",
        [(2021, 600, "apbd")],
        None,
        None,
    ),
    (
        "Rencana tata ruang terbuka untuk warga",
        "smart-living",
        "spatial-harmony",
        False,
        2023,
        2027,
        "Dinas PUPR",
        [(2023, 800, "apbd")],
        None,
        None,
    ),
    (
        "SIDIRA di perpustakaan sekolah",
        "smart-society",
        "learning-ecosystem",
        True,
        2021,
        2022,
        "Dinas Perpustakaan",
        [(2021, 200, "apbd")],
        None,
        "sidira-digital-library",
    ),
    (
        "Pos ronda terhubung",
        "smart-society",
        "security",
        False,
        2023,
        2026,
        "Satpol PP",
        [(2023, 450, "apbd")],
        None,
        None,
    ),
    (
        "Pemantauan banjir dengan sensor",
        "smart-environment",
        "environmental-protection",
        True,
        2021,
        2022,
        "BPBD",
        [(2021, 700, "apbn")],
        None,
        None,
    ),
    (
        "Pengolahan sampah menjadi energi",
        "smart-environment",
        "energy",
        False,
        2024,
        2030,
        "Dinas Lingkungan Hidup",
        [(2024, 3000, "partnership")],
        None,
        None,
    ),
]

SECTION_TEXT = {
    "pendahuluan": "Masterplan ini menerjemahkan visi daerah ke dalam program smart city "
    "sepuluh tahun, selaras dengan RPJMD.",
    "profil-daerah": "Gambaran singkat daerah, potensi unggulan, dan permasalahan layanan "
    "publik yang ingin dijawab.",
    "strategi-implementasi": "Kebijakan dan kelembagaan, infrastruktur pendukung (jaringan, "
    "pusat data, command center), serta pembangunan komunitas.",
    "penutup": "Masterplan ditinjau setiap tahun bersama perangkat daerah dan warga.",
}


def _programme(row, locale):
    title, dimension, element, quick, start, end, agency, budget, kpi, practice = row
    programme = Programme(
        title=title,
        dimension=Dimension.objects.get(slug=dimension),
        element=DimensionElement.objects.get(slug=element),
        description=f"{title}. {SAMPLE}",
        quick_win=quick,
        start_year=start,
        end_year=end,
        lead_agency=agency,
    )
    programme.budget_lines = [
        ProgrammeBudget(year=year, amount=Decimal(amount * MILLION), funding_source=source)
        for year, amount, source in budget
    ]
    if kpi:
        name, unit, baseline, target, year = kpi
        programme.indicators = [
            ProgrammeIndicator(
                indicator=name, unit=unit, baseline=baseline, target=target, target_year=year
            )
        ]
    if practice:
        programme.practices = list(
            PracticePage.objects.filter(slug=practice, locale=locale, live=True)
        )
    return programme


def _filled(value, kind, complete):
    key = value["key"]
    if kind == "narrative" and (complete or key in ("pendahuluan", "profil-daerah")):
        value["body"] = f"<p>{SECTION_TEXT.get(key, '')} <em>{SAMPLE}</em></p>"
    elif kind == "readiness":
        for name, score in (("structure", "3"), ("infrastructure", "2"), ("superstructure", "3")):
            value[name] = {
                "part_1": "Tim smart city sudah dibentuk dengan SK kepala daerah.",
                "part_2": "Anggaran tahunan tersedia di APBD.",
                "part_3": "",
                "score": score,
                "evidence": "Hasil bimtek Gerakan Menuju 100 Smart City (contoh).",
            }
    elif kind == "vision":
        value["vision"] = "Daerah yang melayani warganya dengan cepat, terbuka, dan cerdas."
        value["missions"] = [
            "Meningkatkan kualitas pelayanan publik.",
            "Menumbuhkan ekonomi daerah berbasis digital.",
        ]
        value["goals"] = [
            {"goal": "Layanan publik online", "indicator": "Layanan online", "target": "80%"}
        ]
    elif kind == "dimension_strategy" and complete:
        for item in value.get("elements", []):
            item["strategy"] = f"<p>Strategi untuk {item['element_name']}.</p>"
    elif kind == "monitoring" and complete:
        value["indicators"] = [
            {
                "indicator": "Program berjalan sesuai peta jalan",
                "aspect": "outcome",
                "frequency": "semester",
                "agency": "Bappeda",
            },
            {
                "indicator": "Quick win selesai",
                "aspect": "quick_win",
                "frequency": "quarterly",
                "agency": "Diskominfo",
            },
        ]
    elif kind in ("programmes", "quick_wins", "roadmap_budget") and complete:
        value["note"] = f"<p><em>{SAMPLE}</em></p>"
    return value


def _plan(command, city_slug, start_year, rows, summary, complete):
    template = MasterPlanTemplate.objects.filter(locale=command.locales["id"]).first()
    city = CityPage.objects.get(slug=city_slug, locale=command.locales["id"])
    existing = MasterPlanPage.objects.child_of(city).first()
    if existing or template is None:
        return existing
    plan = start_plan(city, template, start_year, None)
    page = plan.get_latest_revision_as_object()
    page.summary = summary
    raw = [
        {**item, "value": _filled(dict(item["value"]), item["type"], complete)}
        for item in page.sections.raw_data
    ]
    page.sections = StreamValue(
        MasterPlanPage._meta.get_field("sections").stream_block, raw, is_lazy=True
    )
    page.programmes = [_programme(row, city.locale) for row in rows]
    revision = page.save_revision()
    if complete:
        revision.publish()
    command.created += 1
    return plan


def load_demo_plans(command):
    """Called by `load_demo_data`; like it, creates only what does not exist yet."""
    index = command.ensure_child(
        command.home,
        MasterPlanIndexPage,
        slug="master-plans",
        title="Master plans",
        show_in_menus=True,
        intro="<p>Published smart-city master plans of member cities, and where they invest. "
        "Sample data for the demo site.</p>",
    )
    command.ensure_translation(
        index,
        command.locales["id"],
        parent=command.home_id,
        slug="rencana-induk",
        title="Masterplan smart city",
        show_in_menus=True,
        intro="<p>Masterplan smart city daerah anggota yang telah terbit, dan ke mana mereka "
        "berinvestasi. Data contoh untuk situs demo.</p>",
    )
    _plan(
        command,
        "kupang",
        2019,
        KUPANG_PROGRAMMES,
        "Masterplan smart city Kota Kupang 2019-2029: layanan publik yang cepat, ekonomi "
        f"digital, dan kota yang bersih. {SAMPLE}",
        complete=True,
    )
    _plan(
        command,
        "sidoarjo",
        2021,
        SIDOARJO_PROGRAMMES,
        f"Draf masterplan smart city Kabupaten Sidoarjo. {SAMPLE}",
        complete=False,
    )
    from .demo_progress import load_demo_progress

    load_demo_progress(command)
