"""The two templates the hub starts with, loaded by a data migration.

The Indonesian outline follows the master plans written under Gerakan Menuju 100 Smart
City (reconstructed from several plans, see DOMAIN.md); the English one is a shorter
Citynet smart-city strategy outline for members outside the programme. The secretariat
changes both in the admin; plans keep the version they started from.
"""

DIMENSION_NAMES_ID = [
    ("smart-governance", "Smart Governance (tata kelola pemerintahan)"),
    ("smart-branding", "Smart Branding (pencitraan daerah)"),
    ("smart-economy", "Smart Economy (ekonomi)"),
    ("smart-living", "Smart Living (lingkungan hidup yang layak)"),
    ("smart-society", "Smart Society (masyarakat)"),
    ("smart-environment", "Smart Environment (lingkungan)"),
]

# key, title, kind, dimension slug, required, guidance
GERAKAN_SECTIONS = (
    [
        (
            "pendahuluan",
            "Pendahuluan",
            "narrative",
            None,
            True,
            "Latar belakang, maksud dan tujuan, dasar hukum (peraturan daerah, RPJMD), serta ruang "
            "lingkup masterplan.",
        ),
        (
            "profil-daerah",
            "Profil, potensi, dan permasalahan daerah",
            "narrative",
            None,
            True,
            "Gambaran geografis, demografis, ekonomi, dan layanan publik; potensi unggulan dan "
            "permasalahan utama yang ingin dijawab smart city.",
        ),
        (
            "analisis-kesiapan",
            "Analisis kesiapan daerah",
            "readiness",
            None,
            True,
            "Nilai kesiapan struktur (SDM, anggaran, tata kelola), infrastruktur (fisik, digital, "
            "sosial), dan suprastruktur (regulasi, kelembagaan, implementasi). Beri skor 1-5 dan "
            "sebutkan buktinya.",
        ),
        (
            "visi-misi",
            "Visi, misi, tujuan, dan sasaran",
            "vision",
            None,
            True,
            "Selaraskan dengan RPJMD. Tuliskan visi smart city, misi, serta tujuan dengan "
            "indikator kunci dan targetnya.",
        ),
    ]
    + [
        (
            f"strategi-{slug.removeprefix('smart-')}",
            f"Strategi {name}",
            "dimension_strategy",
            slug,
            True,
            "Untuk setiap elemen dimensi, jelaskan strategi dan alasannya. Program dan kegiatannya "
            "diisi di tab Program.",
        )
        for slug, name in DIMENSION_NAMES_ID
    ]
    + [
        (
            "program",
            "Program dan kegiatan",
            "programmes",
            None,
            True,
            "Daftar program disusun otomatis dari tab Program, dikelompokkan per dimensi. "
            "Tambahkan catatan bila perlu.",
        ),
        (
            "strategi-implementasi",
            "Strategi implementasi",
            "narrative",
            None,
            False,
            "Kebijakan dan kelembagaan; infrastruktur pendukung (integrasi, jaringan, pusat data, "
            "command center); perubahan pola pikir dan pembangunan komunitas.",
        ),
        (
            "quick-win",
            "Program quick win",
            "quick_wins",
            None,
            True,
            "Program percepatan yang cepat dirasakan warga, biasanya satu per dimensi. Tandai "
            "program sebagai quick win di tab Program.",
        ),
        (
            "peta-jalan",
            "Peta jalan dan penganggaran",
            "roadmap_budget",
            None,
            True,
            "Peta jalan dan tabel anggaran dihitung dari program (tahun, anggaran per tahun, "
            "sumber dana). Jelaskan pelibatan pemangku kepentingan di catatan.",
        ),
        (
            "monev",
            "Monitoring dan evaluasi",
            "monitoring",
            None,
            True,
            "Indikator, frekuensi, dan perangkat daerah penanggung jawab. Evaluasi menilai lima "
            "aspek: baseline, output, outcome, dampak, dan quick win.",
        ),
        (
            "penutup",
            "Penutup dan lampiran",
            "narrative",
            None,
            False,
            "Kesimpulan dan daftar lampiran.",
        ),
    ]
)

CITYNET_SECTIONS = [
    (
        "introduction",
        "Introduction",
        "narrative",
        None,
        True,
        "Why the city is writing this strategy, its mandate and legal basis, and its scope.",
    ),
    (
        "city-profile",
        "City profile and challenges",
        "narrative",
        None,
        True,
        "Population, economy, services and the problems the strategy should solve.",
    ),
    (
        "readiness",
        "Readiness assessment",
        "readiness",
        None,
        True,
        "Score structure, infrastructure and superstructure from 1 to 5 with evidence.",
    ),
    (
        "vision",
        "Vision, mission and goals",
        "vision",
        None,
        True,
        "A short vision, the missions behind it and goals with indicators and targets.",
    ),
    (
        "priorities",
        "Strategic priorities",
        "narrative",
        None,
        False,
        "Which dimensions come first and why; which peer cities the city learns from.",
    ),
    (
        "programmes",
        "Programmes",
        "programmes",
        None,
        True,
        "Listed from the Programmes tab, grouped by dimension.",
    ),
    (
        "quick-wins",
        "Quick wins",
        "quick_wins",
        None,
        True,
        "Programmes citizens will feel within the first year.",
    ),
    (
        "roadmap",
        "Roadmap and budget",
        "roadmap_budget",
        None,
        True,
        "Computed from the programmes' years and yearly budgets; add a note on partners.",
    ),
    (
        "monitoring",
        "Monitoring and evaluation",
        "monitoring",
        None,
        True,
        "Indicators, how often they are measured, and who is responsible.",
    ),
    (
        "knowledge-sharing",
        "Partnerships and knowledge sharing",
        "narrative",
        None,
        False,
        "How the city will share its results with Citynet members and learn from them.",
    ),
]

TEMPLATES = [
    {
        "name": "Masterplan Smart City (Gerakan Menuju 100 Smart City)",
        "language": "id",
        "description": (
            "Kerangka masterplan smart city 10 tahun bagi kabupaten/kota peserta Gerakan "
            "Menuju 100 Smart City: analisis kesiapan, enam dimensi, quick win, peta jalan, "
            "dan monitoring-evaluasi."
        ),
        "sections": GERAKAN_SECTIONS,
    },
    {
        "name": "Citynet smart-city strategy",
        "language": "en",
        "description": (
            "A ten-year smart-city strategy outline for Citynet members: readiness, vision, "
            "programmes on the six dimensions, quick wins, roadmap, budget and monitoring."
        ),
        "sections": CITYNET_SECTIONS,
    },
]
