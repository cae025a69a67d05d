"""Demo practices in English and Indonesian, marked as sample content.

Named programmes (Sidoarjo's online permitting, SIPRAJA and SIDIRA; Kupang's PADI, QBaca,
UData and managed Wi-Fi) are real; years, budgets, indicator values and transfer links are
illustrative, and every practice says so on its page.
"""

from decimal import Decimal

from citynet.models import CityPage, Dimension, DimensionElement
from practices.models import (
    PracticeIndexPage,
    PracticeIndicator,
    PracticePage,
    SustainableDevelopmentGoal,
)

SAMPLE_EN = "<p><em>Sample content for the demo site: figures and years are illustrative.</em></p>"
SAMPLE_ID = "<p><em>Konten contoh untuk situs demo: angka dan tahun bersifat ilustratif.</em></p>"

# slug, city, dimension, elements, sdgs, tags, status, start, budget (IDR), funding,
# adapted_from (slug), then English and Indonesian: title, summary, problem, solution,
# results, transferability; indicators (name_en, name_id, unit, baseline, achieved, year).
PRACTICES = [
    {
        "slug": "online-permitting",
        "city": "sidoarjo",
        "dimension": "smart-governance",
        "elements": ["public-service", "bureaucracy"],
        "sdgs": [8, 16],
        "tags": ["perizinan", "online services"],
        "status": "scaled",
        "start": 2008,
        "budget": 2_500_000_000,
        "funding": "apbd",
        "en": (
            "Online business permits",
            "Sidoarjo was the first region recognised for issuing permits online, so "
            "entrepreneurs no longer queue at several offices.",
            "Permits needed visits to several offices and took weeks.",
            "One online portal takes applications, tracks each step and issues the permit.",
            "Applicants follow their file online and most permits are issued in days.",
            "A single permit office, clear service standards and a legal basis for "
            "electronic signatures.",
        ),
        "id": (
            "Perizinan usaha online",
            "Sidoarjo adalah daerah pertama yang diakui menerbitkan izin secara online, "
            "sehingga pelaku usaha tidak lagi antre di banyak kantor.",
            "Izin harus diurus ke beberapa kantor dan memakan waktu berminggu-minggu.",
            "Satu portal online menerima permohonan, melacak setiap tahap, dan menerbitkan izin.",
            "Pemohon memantau berkas secara online dan sebagian besar izin terbit dalam hitungan hari.",
            "Satu kantor perizinan terpadu, standar pelayanan yang jelas, dan dasar hukum "
            "tanda tangan elektronik.",
        ),
        "indicators": [
            ("Days to issue a business permit", "Hari penerbitan izin usaha", "days", 21, 3, 2018)
        ],
    },
    {
        "slug": "sipraja",
        "city": "sidoarjo",
        "dimension": "smart-governance",
        "elements": ["public-service"],
        "sdgs": [16],
        "tags": ["pelayanan publik", "desa"],
        "status": "operating",
        "start": 2017,
        "budget": 900_000_000,
        "funding": "apbd",
        "en": (
            "SIPRAJA: village services online",
            "SIPRAJA lets residents request letters and permits from their village and "
            "sub-district online.",
            "Residents travelled to the sub-district office for routine letters.",
            "An online service system links villages, sub-districts and agencies.",
            "Routine letters are requested from home and collected once ready.",
            "Village staff trained to process requests and a reliable connection in every village office.",
        ),
        "id": (
            "SIPRAJA: layanan desa online",
            "SIPRAJA memungkinkan warga mengajukan surat dan izin dari desa dan kecamatan secara online.",
            "Warga harus datang ke kantor kecamatan untuk surat-surat rutin.",
            "Sistem layanan online menghubungkan desa, kecamatan, dan perangkat daerah.",
            "Surat rutin diajukan dari rumah dan diambil setelah selesai.",
            "Perangkat desa yang terlatih dan koneksi yang andal di setiap kantor desa.",
        ),
        "indicators": [],
    },
    {
        "slug": "sidira-digital-library",
        "city": "sidoarjo",
        "dimension": "smart-society",
        "elements": ["learning-ecosystem"],
        "sdgs": [4],
        "tags": ["perpustakaan digital", "literasi"],
        "status": "operating",
        "start": 2018,
        "budget": 350_000_000,
        "funding": "apbd",
        "en": (
            "SIDIRA digital library",
            "The SIDIRA app lends e-books from the regency library to any resident's phone.",
            "The library's collection reached few readers outside the town centre.",
            "A mobile app lends e-books with the same rules as paper loans.",
            "Readers borrow from every sub-district, including students after school hours.",
            "Licences for e-books and a library team that curates the collection.",
        ),
        "id": (
            "Perpustakaan digital SIDIRA",
            "Aplikasi SIDIRA meminjamkan buku elektronik perpustakaan daerah ke ponsel warga.",
            "Koleksi perpustakaan hanya menjangkau sedikit pembaca di luar pusat kota.",
            "Aplikasi ponsel meminjamkan buku elektronik dengan aturan yang sama seperti buku cetak.",
            "Pembaca dari semua kecamatan meminjam, termasuk pelajar di luar jam sekolah.",
            "Lisensi buku elektronik dan tim perpustakaan yang mengkurasi koleksi.",
        ),
        "indicators": [
            ("Monthly e-book loans", "Peminjaman buku elektronik per bulan", "loans", 0, 4000, 2019)
        ],
    },
    {
        "slug": "padi-digital-library",
        "city": "kupang",
        "dimension": "smart-society",
        "elements": ["learning-ecosystem"],
        "sdgs": [4],
        "tags": ["perpustakaan digital", "literasi"],
        "status": "pilot",
        "start": 2016,
        "budget": None,
        "funding": "partnership",
        "adapted_from": "sidira-digital-library",
        "en": (
            "PADI digital library",
            "Kupang offers the Pustaka Digital (PADI) library and the QBaca reading app, "
            "first under a 12-month free scheme.",
            "Books were scarce outside the city library.",
            "Residents read e-books through PADI and QBaca on their phones.",
            "The programme contributed to Kupang's Smart City Nusantara 2016 award.",
            "A partner offering a trial period, then a budget line to keep the licences.",
        ),
        "id": (
            "Perpustakaan digital PADI",
            "Kupang menyediakan Pustaka Digital (PADI) dan aplikasi QBaca, awalnya dengan skema gratis 12 bulan.",
            "Buku sulit didapat di luar perpustakaan kota.",
            "Warga membaca buku elektronik melalui PADI dan QBaca di ponsel.",
            "Program ini turut mengantar Kupang meraih penghargaan Smart City Nusantara 2016.",
            "Mitra yang memberi masa uji coba, lalu anggaran untuk mempertahankan lisensi.",
        ),
        "indicators": [],
    },
    {
        "slug": "managed-public-wifi",
        "city": "kupang",
        "dimension": "smart-society",
        "elements": ["community-interaction"],
        "sdgs": [9, 11],
        "tags": ["wifi", "internet publik"],
        "status": "operating",
        "start": 2016,
        "budget": 600_000_000,
        "funding": "apbd",
        "en": (
            "Managed public Wi-Fi",
            "Kupang runs managed Wi-Fi access points, with free access in sub-district offices and parks.",
            "Many residents could not afford mobile data to use online services.",
            "Ten managed access points first, then free Wi-Fi in sub-district offices and parks.",
            "Residents use public services online from places they already visit.",
            "Access points managed centrally and a clear policy for fair use.",
        ),
        "id": (
            "Wi-Fi publik terkelola",
            "Kupang mengelola titik akses Wi-Fi, dengan akses gratis di kantor kelurahan dan taman.",
            "Banyak warga tidak mampu membeli kuota untuk layanan online.",
            "Sepuluh titik akses terkelola, lalu Wi-Fi gratis di kantor kelurahan dan taman.",
            "Warga memakai layanan publik online dari tempat yang biasa mereka kunjungi.",
            "Titik akses yang dikelola terpusat dan kebijakan penggunaan yang adil.",
        ),
        "indicators": [("Managed access points", "Titik akses terkelola", "points", 0, 10, 2016)],
    },
    {
        "slug": "udata-social-listening",
        "city": "kupang",
        "dimension": "smart-governance",
        "elements": ["policy"],
        "sdgs": [16],
        "tags": ["analitik", "media sosial"],
        "status": "pilot",
        "start": 2016,
        "budget": None,
        "funding": "partnership",
        "en": (
            "UData social-media listening",
            "Kupang used UData analytics to see what residents say about city services online.",
            "Complaints on social media went unnoticed by the agencies concerned.",
            "An analytics tool groups public posts by topic and agency.",
            "Agencies see recurring complaints and answer them faster.",
            "Someone in each agency who reads the reports and acts on them.",
        ),
        "id": (
            "Analitik media sosial UData",
            "Kupang memakai analitik UData untuk melihat pendapat warga tentang layanan kota di media sosial.",
            "Keluhan di media sosial tidak sampai ke perangkat daerah terkait.",
            "Alat analitik mengelompokkan unggahan publik menurut topik dan perangkat daerah.",
            "Perangkat daerah melihat keluhan berulang dan menanggapinya lebih cepat.",
            "Petugas di setiap perangkat daerah yang membaca laporan dan menindaklanjutinya.",
        ),
        "indicators": [],
    },
    {
        "slug": "city-branding",
        "city": "kupang",
        "dimension": "smart-branding",
        "elements": ["tourism-branding", "city-appearance"],
        "sdgs": [8, 11],
        "tags": ["branding", "pariwisata"],
        "status": "operating",
        "start": 2020,
        "budget": 750_000_000,
        "funding": "apbd",
        "en": (
            "Smart branding for Kupang",
            "Kupang's branding work on tourism and the city's appearance was recognised with "
            "a smart branding award in 2021.",
            "Visitors knew Kupang only as a transit point.",
            "A shared city identity used by tourism, business and public spaces.",
            "Recognition in 2021 and a consistent image across the city's channels.",
            "Agreement between agencies on one identity and who maintains it.",
        ),
        "id": (
            "Smart branding Kota Kupang",
            "Kerja branding Kupang di bidang pariwisata dan wajah kota diakui dengan "
            "penghargaan smart branding pada 2021.",
            "Wisatawan hanya mengenal Kupang sebagai tempat transit.",
            "Identitas kota bersama yang dipakai pariwisata, bisnis, dan ruang publik.",
            "Pengakuan pada 2021 dan citra yang konsisten di semua kanal kota.",
            "Kesepakatan antarperangkat daerah tentang satu identitas dan pengelolanya.",
        ),
        "indicators": [],
    },
    {
        "slug": "festival-calendar",
        "city": "banyuwangi",
        "dimension": "smart-branding",
        "elements": ["tourism-branding"],
        "sdgs": [8],
        "tags": ["pariwisata", "festival"],
        "status": "scaled",
        "start": 2012,
        "budget": 5_000_000_000,
        "funding": "apbd",
        "en": (
            "A year-round festival calendar",
            "A published calendar of cultural festivals brings visitors throughout the year.",
            "Visitors came for one attraction and left the same day.",
            "Festivals planned a year ahead and promoted together.",
            "Longer stays and more income for local businesses.",
            "Communities that own the festivals and a calendar kept stable for years.",
        ),
        "id": (
            "Kalender festival sepanjang tahun",
            "Kalender festival budaya yang diumumkan mendatangkan wisatawan sepanjang tahun.",
            "Wisatawan datang untuk satu atraksi dan pulang di hari yang sama.",
            "Festival direncanakan setahun sebelumnya dan dipromosikan bersama.",
            "Masa tinggal lebih lama dan pendapatan lebih besar bagi usaha lokal.",
            "Komunitas yang memiliki festival dan kalender yang stabil dari tahun ke tahun.",
        ),
        "indicators": [],
    },
    {
        "slug": "home-care-health",
        "city": "makassar",
        "dimension": "smart-living",
        "elements": ["health"],
        "sdgs": [3],
        "tags": ["kesehatan", "layanan rumah"],
        "status": "operating",
        "start": 2017,
        "budget": 3_000_000_000,
        "funding": "apbd",
        "en": (
            "Health care at home",
            "Health workers visit residents at home after a call to a single number.",
            "Elderly and poor residents struggled to reach health centres.",
            "A call centre dispatches health-centre teams in cars equipped for basic care.",
            "Residents who could not travel receive checks and referrals at home.",
            "Health-centre staff on rotation and a call centre open around the clock.",
        ),
        "id": (
            "Layanan kesehatan di rumah",
            "Tenaga kesehatan mengunjungi warga di rumah setelah warga menelepon satu nomor.",
            "Warga lanjut usia dan kurang mampu sulit menjangkau puskesmas.",
            "Pusat panggilan mengirim tim puskesmas dengan mobil berperalatan dasar.",
            "Warga yang tidak bisa bepergian mendapat pemeriksaan dan rujukan di rumah.",
            "Jadwal giliran tenaga puskesmas dan pusat panggilan yang buka 24 jam.",
        ),
        "indicators": [
            ("Home visits per month", "Kunjungan rumah per bulan", "visits", 0, 1200, 2019)
        ],
    },
    {
        "slug": "traffic-command-centre",
        "city": "bandung",
        "dimension": "smart-living",
        "elements": ["mobility"],
        "sdgs": [11],
        "tags": ["command centre", "lalu lintas"],
        "status": "operating",
        "start": 2015,
        "budget": 8_000_000_000,
        "funding": "apbd",
        "en": (
            "Traffic watch from the command centre",
            "Cameras and reports come together in a command centre that manages traffic.",
            "Agencies saw congestion and incidents late and separately.",
            "A command centre shows cameras, reports and signals on one screen.",
            "Incidents are handled sooner and signal timing follows real traffic.",
            "Data-sharing agreements between agencies and staff for every shift.",
        ),
        "id": (
            "Pemantauan lalu lintas dari command centre",
            "Kamera dan laporan warga dihimpun di command centre yang mengelola lalu lintas.",
            "Perangkat daerah mengetahui kemacetan dan kejadian terlambat dan terpisah.",
            "Command centre menampilkan kamera, laporan, dan lampu lalu lintas dalam satu layar.",
            "Kejadian ditangani lebih cepat dan pengaturan lampu mengikuti lalu lintas nyata.",
            "Kesepakatan berbagi data antarperangkat daerah dan petugas untuk setiap giliran.",
        ),
        "indicators": [],
    },
    {
        "slug": "flood-early-warning",
        "city": "semarang",
        "dimension": "smart-environment",
        "elements": ["environmental-protection"],
        "sdgs": [11, 13],
        "tags": ["banjir", "peringatan dini"],
        "status": "operating",
        "start": 2016,
        "budget": 1_800_000_000,
        "funding": "grant",
        "en": (
            "Flood early warning",
            "Water-level sensors warn neighbourhoods before rivers overflow.",
            "Residents learned of floods when water reached their homes.",
            "Sensors on rivers send levels to a dashboard and alerts to neighbourhood leaders.",
            "Families move belongings and people in time.",
            "Sensors maintained after the grant ends and alert rules agreed with neighbourhoods.",
        ),
        "id": (
            "Peringatan dini banjir",
            "Sensor tinggi muka air memperingatkan warga sebelum sungai meluap.",
            "Warga baru tahu ada banjir ketika air masuk ke rumah.",
            "Sensor di sungai mengirim data ke dasbor dan peringatan ke ketua RT/RW.",
            "Keluarga sempat memindahkan barang dan orang.",
            "Perawatan sensor setelah hibah berakhir dan aturan peringatan yang disepakati warga.",
        ),
        "indicators": [],
    },
    {
        "slug": "waste-banks",
        "city": "denpasar",
        "dimension": "smart-environment",
        "elements": ["waste"],
        "sdgs": [11, 12],
        "tags": ["bank sampah", "daur ulang"],
        "status": "scaled",
        "start": 2014,
        "budget": 400_000_000,
        "funding": "csr",
        "en": (
            "Neighbourhood waste banks",
            "Residents deposit sorted waste and earn savings, so less waste reaches the landfill.",
            "Mixed waste filled the landfill and little was recycled.",
            "Waste banks in neighbourhoods buy sorted waste and record each family's savings.",
            "More waste is sorted at home and recyclers get cleaner material.",
            "A buyer for recyclables and volunteers who run each bank.",
        ),
        "id": (
            "Bank sampah lingkungan",
            "Warga menyetor sampah terpilah dan menabung, sehingga sampah ke TPA berkurang.",
            "Sampah tercampur memenuhi TPA dan sedikit yang didaur ulang.",
            "Bank sampah di lingkungan membeli sampah terpilah dan mencatat tabungan tiap keluarga.",
            "Lebih banyak sampah dipilah di rumah dan pendaur ulang mendapat bahan lebih bersih.",
            "Pembeli barang daur ulang dan relawan yang mengelola setiap bank sampah.",
        ),
        "indicators": [("Waste sorted at source", "Sampah terpilah dari sumber", "%", 5, 20, 2020)],
    },
    {
        "slug": "cashless-regional-tax",
        "city": "jambi",
        "dimension": "smart-economy",
        "elements": ["financial-transactions"],
        "sdgs": [8, 16],
        "tags": ["non tunai", "pajak daerah"],
        "status": "operating",
        "start": 2018,
        "budget": 700_000_000,
        "funding": "apbd",
        "en": (
            "Cashless regional tax payments",
            "Regional taxes and fees are paid through banks and e-wallets instead of cash.",
            "Cash payments were slow to record and hard to reconcile.",
            "Bills carry a payment code accepted by banks, shops and e-wallets.",
            "Payments are recorded the same day and cash handling has stopped.",
            "A regional bank partner and a regulation that allows electronic payment.",
        ),
        "id": (
            "Pembayaran pajak daerah non-tunai",
            "Pajak dan retribusi daerah dibayar melalui bank dan dompet digital, bukan tunai.",
            "Pembayaran tunai lambat dicatat dan sulit direkonsiliasi.",
            "Tagihan memuat kode bayar yang diterima bank, toko, dan dompet digital.",
            "Pembayaran tercatat di hari yang sama dan penanganan uang tunai berhenti.",
            "Bank daerah sebagai mitra dan peraturan yang membolehkan pembayaran elektronik.",
        ),
        "indicators": [],
    },
    {
        "slug": "village-marketplace",
        "city": "sleman",
        "dimension": "smart-economy",
        "elements": ["industry-ecosystem", "welfare"],
        "sdgs": [1, 8],
        "tags": ["umkm", "pasar online"],
        "status": "pilot",
        "start": 2020,
        "budget": 250_000_000,
        "funding": "apbd",
        "en": (
            "Online marketplace for small producers",
            "Small producers sell through a regency marketplace with shared delivery.",
            "Small producers depended on middlemen to reach buyers.",
            "A marketplace lists local products and pools deliveries.",
            "Producers reach buyers directly and keep more of the price.",
            "Training for producers and a delivery partner.",
        ),
        "id": (
            "Pasar online untuk UMKM",
            "UMKM berjualan melalui pasar online kabupaten dengan pengiriman bersama.",
            "UMKM bergantung pada tengkulak untuk menjangkau pembeli.",
            "Pasar online menampilkan produk lokal dan menggabungkan pengiriman.",
            "Produsen menjangkau pembeli langsung dan mendapat bagian harga lebih besar.",
            "Pelatihan bagi produsen dan mitra pengiriman.",
        ),
        "indicators": [],
    },
    {
        "slug": "solar-street-lights",
        "city": "badung",
        "dimension": "smart-environment",
        "elements": ["energy"],
        "sdgs": [7, 13],
        "tags": ["energi surya", "penerangan jalan"],
        "status": "operating",
        "start": 2019,
        "budget": 2_200_000_000,
        "funding": "apbd",
        "en": (
            "Solar street lights",
            "Solar-powered street lights light village roads without grid connections.",
            "Village roads were dark and grid extension was costly.",
            "Solar lights with batteries installed along village roads.",
            "Safer roads at night and lower electricity bills.",
            "A maintenance contract for batteries.",
        ),
        "id": (
            "Penerangan jalan tenaga surya",
            "Lampu jalan tenaga surya menerangi jalan desa tanpa sambungan listrik.",
            "Jalan desa gelap dan perluasan jaringan listrik mahal.",
            "Lampu surya dengan baterai dipasang di sepanjang jalan desa.",
            "Jalan lebih aman di malam hari dan tagihan listrik lebih rendah.",
            "Kontrak perawatan baterai.",
        ),
        "indicators": [],
    },
    {
        "slug": "online-permits-medan",
        "city": "medan",
        "dimension": "smart-governance",
        "elements": ["public-service"],
        "sdgs": [8, 16],
        "tags": ["perizinan", "online services"],
        "status": "pilot",
        "start": 2019,
        "budget": 1_200_000_000,
        "funding": "apbd",
        "adapted_from": "online-permitting",
        "en": (
            "Online permits, learned from Sidoarjo",
            "Medan adapted Sidoarjo's online permitting for its own permit office.",
            "Permit applicants waited weeks and visited several offices.",
            "An online portal modelled on Sidoarjo's, after a study visit.",
            "Fewer visits and a public record of each application's progress.",
            "A study visit and a partner city willing to share its procedures.",
        ),
        "id": (
            "Perizinan online, belajar dari Sidoarjo",
            "Medan mengadaptasi perizinan online Sidoarjo untuk kantor perizinannya.",
            "Pemohon izin menunggu berminggu-minggu dan mendatangi beberapa kantor.",
            "Portal online yang meniru Sidoarjo, setelah kunjungan belajar.",
            "Kunjungan berkurang dan kemajuan setiap permohonan tercatat terbuka.",
            "Kunjungan belajar dan daerah mitra yang bersedia berbagi prosedur.",
        ),
        "indicators": [],
    },
    {
        "slug": "school-e-learning",
        "city": "tangerang-selatan",
        "dimension": "smart-society",
        "elements": ["learning-ecosystem"],
        "sdgs": [4],
        "tags": ["pendidikan", "literasi"],
        "status": "operating",
        "start": 2020,
        "budget": 1_000_000_000,
        "funding": "apbd",
        "adapted_from": "sidira-digital-library",
        "en": (
            "E-learning for public schools",
            "Public schools share lessons and reading material on one city platform.",
            "Schools prepared material separately and pupils lacked books at home.",
            "A city platform with lessons, assignments and a digital reading shelf.",
            "Pupils keep learning at home and teachers reuse each other's material.",
            "Devices or data for pupils who lack them, and teacher training.",
        ),
        "id": (
            "Pembelajaran daring untuk sekolah negeri",
            "Sekolah negeri berbagi materi dan bahan bacaan di satu platform kota.",
            "Sekolah menyiapkan materi sendiri-sendiri dan siswa tidak punya buku di rumah.",
            "Platform kota berisi materi, tugas, dan rak baca digital.",
            "Siswa tetap belajar di rumah dan guru memakai ulang materi rekan.",
            "Perangkat atau kuota bagi siswa yang membutuhkan, dan pelatihan guru.",
        ),
        "indicators": [],
    },
]


def _paragraph(text, sample=""):
    return f"<p>{text}</p>{sample}"


def _fields(entry, language):
    title, summary, problem, solution, results, transferability = entry[language]
    sample = SAMPLE_EN if language == "en" else SAMPLE_ID
    return {
        "title": title,
        "summary": summary,
        "problem": _paragraph(problem),
        "solution": _paragraph(solution),
        "results": _paragraph(results, sample),
        "transferability": _paragraph(transferability),
    }


def load_demo_practices(command):
    """Called by `load_demo_data`; like it, creates only what does not exist yet."""
    home, home_id = command.home, command.home_id
    id_locale = command.locales["id"]
    index = command.ensure_child(
        home,
        PracticeIndexPage,
        slug="practices",
        title="Best practices",
        show_in_menus=True,
        intro="<p>What member cities did, what it cost and whom to ask. Sample data for the "
        "demo site.</p>",
    )
    command.ensure_translation(
        index,
        id_locale,
        parent=home_id,
        slug="praktik-baik",
        title="Praktik baik",
        show_in_menus=True,
        intro="<p>Apa yang dilakukan daerah anggota, berapa biayanya, dan siapa yang bisa "
        "ditanya. Data contoh untuk situs demo.</p>",
    )
    dimensions = {d.slug: d for d in Dimension.objects.all()}
    elements = {e.slug: e for e in DimensionElement.objects.all()}
    created = {}
    for entry in PRACTICES:
        city = CityPage.objects.get(slug=entry["city"], locale__language_code="en")
        original = created.get(entry.get("adapted_from"))
        practice = PracticePage.objects.child_of(city).filter(slug=entry["slug"]).first()
        if practice is None:
            practice = PracticePage(
                slug=entry["slug"],
                locale=city.locale,
                dimension=dimensions[entry["dimension"]],
                status=entry["status"],
                start_year=entry["start"],
                budget_amount=Decimal(entry["budget"]) if entry["budget"] else None,
                funding_source=entry["funding"],
                contact_name=f"Diskominfo {city.title}",
                contact_role="Sample contact",
                adapted_from=original,
                **_fields(entry, "en"),
            )
            practice.elements = [elements[slug] for slug in entry["elements"]]
            practice.sdgs = list(
                SustainableDevelopmentGoal.objects.filter(number__in=entry["sdgs"])
            )
            practice.tags.add(*entry["tags"])
            practice.indicators = _indicators(entry, "en")
            city.add_child(instance=practice)
            practice.save_revision().publish()
            command.created += 1
        created[entry["slug"]] = practice
        # The translation copies classification and tags; text, indicator names and the
        # adapted-from link (to the original's own translation) are Indonesian.
        command.ensure_translation(
            practice,
            id_locale,
            adapted_from=original.get_translation_or_none(id_locale) if original else None,
            indicators=_indicators(entry, "id"),
            **_fields(entry, "id"),
        )


def _indicators(entry, language):
    return [
        PracticeIndicator(
            name=name_en if language == "en" else name_id,
            unit=unit,
            baseline=baseline,
            achieved=achieved,
            year=year,
        )
        for name_en, name_id, unit, baseline, achieved, year in entry["indicators"]
    ]
