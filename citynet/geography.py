"""Where member cities are: Indonesia's 38 provinces and the Asia-Pacific countries Citynet spans.

Stored values are the official (Indonesian) province names and ISO 3166-1 alpha-2 country
codes, so filters and URLs stay stable whatever the interface language.
"""

from django.utils.translation import gettext_lazy as _

# Indonesia's provinces since the 2022 Papua split (38 in all).
PROVINCES = [
    "Aceh",
    "Sumatera Utara",
    "Sumatera Barat",
    "Riau",
    "Kepulauan Riau",
    "Jambi",
    "Sumatera Selatan",
    "Kepulauan Bangka Belitung",
    "Bengkulu",
    "Lampung",
    "DKI Jakarta",
    "Banten",
    "Jawa Barat",
    "Jawa Tengah",
    "DI Yogyakarta",
    "Jawa Timur",
    "Bali",
    "Nusa Tenggara Barat",
    "Nusa Tenggara Timur",
    "Kalimantan Barat",
    "Kalimantan Tengah",
    "Kalimantan Selatan",
    "Kalimantan Timur",
    "Kalimantan Utara",
    "Sulawesi Utara",
    "Gorontalo",
    "Sulawesi Tengah",
    "Sulawesi Barat",
    "Sulawesi Selatan",
    "Sulawesi Tenggara",
    "Maluku",
    "Maluku Utara",
    "Papua",
    "Papua Barat",
    "Papua Barat Daya",
    "Papua Tengah",
    "Papua Pegunungan",
    "Papua Selatan",
]
PROVINCE_CHOICES = [(name, name) for name in PROVINCES]

# Countries with Citynet members or national chapters.
COUNTRY_CHOICES = [
    ("ID", _("Indonesia")),
    ("BD", _("Bangladesh")),
    ("IN", _("India")),
    ("NP", _("Nepal")),
    ("PH", _("Philippines")),
    ("LK", _("Sri Lanka")),
    ("KR", _("South Korea")),
    ("JP", _("Japan")),
    ("MY", _("Malaysia")),
    ("TH", _("Thailand")),
    ("VN", _("Viet Nam")),
    ("KH", _("Cambodia")),
    ("LA", _("Laos")),
    ("MM", _("Myanmar")),
    ("MN", _("Mongolia")),
    ("CN", _("China")),
    ("TW", _("Taiwan")),
    ("PK", _("Pakistan")),
    ("MV", _("Maldives")),
    ("TL", _("Timor-Leste")),
    ("IR", _("Iran")),
    ("AF", _("Afghanistan")),
    ("FJ", _("Fiji")),
    ("PG", _("Papua New Guinea")),
    ("AU", _("Australia")),
    ("OTHER", _("Other")),
]
INDONESIA = "ID"
