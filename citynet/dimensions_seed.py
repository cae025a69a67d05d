"""The Gerakan Menuju 100 Smart City taxonomy: six dimensions, three elements each.

Kept apart from the migration that loads it so demo data and tests can refer to the
same slugs. Labels: English, then Indonesian.
"""

DIMENSIONS = [
    (
        "smart-governance",
        "Smart Governance",
        "Tata Kelola Pemerintahan Cerdas",
        "Public services, bureaucracy and policy that work better for citizens.",
        "Pelayanan publik, birokrasi, dan kebijakan yang lebih baik bagi warga.",
        [
            ("public-service", "Public service", "Pelayanan publik"),
            ("bureaucracy", "Bureaucracy", "Birokrasi"),
            ("policy", "Policy", "Kebijakan"),
        ],
    ),
    (
        "smart-branding",
        "Smart Branding",
        "Pencitraan Daerah Cerdas",
        "How the region presents itself to visitors, investors and its own people.",
        "Cara daerah menampilkan diri kepada wisatawan, investor, dan warganya.",
        [
            ("tourism-branding", "Tourism branding", "Branding pariwisata"),
            ("business-branding", "Business branding", "Branding bisnis"),
            ("city-appearance", "City appearance", "Wajah kota"),
        ],
    ),
    (
        "smart-economy",
        "Smart Economy",
        "Ekonomi Cerdas",
        "A productive local economy that raises welfare and eases transactions.",
        "Ekonomi daerah yang produktif, menyejahterakan, dan memudahkan transaksi.",
        [
            ("industry-ecosystem", "Industry ecosystem", "Ekosistem industri"),
            ("welfare", "Welfare", "Kesejahteraan"),
            (
                "financial-transactions",
                "Financial transaction ecosystem",
                "Ekosistem transaksi keuangan",
            ),
        ],
    ),
    (
        "smart-living",
        "Smart Living",
        "Kehidupan Cerdas",
        "A liveable region: spatial harmony, health and mobility.",
        "Daerah yang layak huni: keharmonisan tata ruang, kesehatan, dan mobilitas.",
        [
            ("spatial-harmony", "Harmony and liveable spatial planning", "Harmonisasi tata ruang"),
            ("health", "Health", "Kesehatan"),
            ("mobility", "Mobility", "Transportasi"),
        ],
    ),
    (
        "smart-society",
        "Smart Society",
        "Masyarakat Cerdas",
        "Citizens who interact, learn and feel safe.",
        "Warga yang berinteraksi, belajar, dan merasa aman.",
        [
            ("community-interaction", "Community interaction", "Interaksi masyarakat"),
            ("learning-ecosystem", "Learning ecosystem", "Ekosistem belajar"),
            ("security", "Security", "Keamanan"),
        ],
    ),
    (
        "smart-environment",
        "Smart Environment",
        "Lingkungan Cerdas",
        "Protecting the environment, managing waste and using energy well.",
        "Melindungi lingkungan, mengelola sampah, dan memanfaatkan energi dengan baik.",
        [
            ("environmental-protection", "Environmental protection", "Proteksi lingkungan"),
            ("waste", "Waste", "Sampah dan limbah"),
            ("energy", "Energy", "Energi"),
        ],
    ),
]
