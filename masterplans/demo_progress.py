"""Demo progress and evaluation: Kupang's plan with published reports for 2019 and 2020
(statuses, realised budget, KPI values, evidence links), four more cohort cities with small
published plans and a report each, and two evaluation years with sample weights and
scores. Everything is sample data and says so; figures are illustrative, not Kominfo's.
"""

from decimal import Decimal

from .evaluation import start_evaluation
from .models import (
    BudgetRealisation,
    EvaluationYear,
    MasterPlanPage,
    ProgrammeStatus,
    ProgressReportPage,
)
from .progress import file_report

SAMPLE = "Data contoh untuk situs demo: angka bersifat ilustratif."
MILLION = 1_000_000
S = ProgrammeStatus

# programme title: {year: (status, quick win delivered, [(source, IDR millions)], KPI value)}
KUPANG_PROGRESS = {
    "Mal pelayanan publik terpadu": {
        2019: (S.ON_TRACK, False, [("apbd", 1400)], 9),
        2020: (S.DONE, True, [("apbd", 700)], 4),
    },
    "Tanda tangan elektronik untuk surat dinas": {
        2020: (S.ON_TRACK, False, [("apbd", 380)], 35),
    },
    "Portal pariwisata Kupang": {
        2019: (S.DONE, True, [("apbd", 340)], 6500),
        2020: (S.DONE, True, [], 11000),
    },
    "Pasar rakyat dengan pembayaran non-tunai": {
        2019: (S.ON_TRACK, False, [("csr", 300)], 18),
        2020: (S.DELAYED, False, [("apbd", 90)], 27),
    },
    "Puskesmas dengan rekam medis elektronik": {
        2019: (S.ON_TRACK, False, [("apbn", 750)], 3),
        2020: (S.ON_TRACK, True, [("apbd", 780)], 7),
    },
    "Wi-Fi publik di taman dan kelurahan": {
        2019: (S.ON_TRACK, False, [("apbd", 450)], 32),
        2020: (S.DONE, True, [("csr", 280)], 60),
    },
    "Perpustakaan digital PADI untuk sekolah": {
        2020: (S.DELAYED, False, [("apbd", 120)], 2400),
    },
    "Bank sampah digital": {
        2019: (S.ON_TRACK, False, [("apbd", 180)], 90),
        2020: (S.DELAYED, False, [("csr", 60)], 140),
    },
}

KUPANG_NARRATIVE = {
    2019: "Tahun pertama masterplan: mal pelayanan publik dibuka, portal pariwisata terbit, "
    "dan 32 titik Wi-Fi publik aktif di taman dan kelurahan.",
    2020: "Pandemi menunda pasar non-tunai dan bank sampah; layanan izin kini rata-rata empat "
    "hari dan semua taman kota sudah ber-Wi-Fi.",
}

KUPANG_EVIDENCE = {
    2019: [("https://kupangkota.go.id/", "Portal Pemerintah Kota Kupang")],
    2020: [("https://kupangkota.go.id/", "Berita peluncuran Wi-Fi taman kota")],
}

# Small plans for other cohort cities: (slug, start year, programmes, report statuses).
COHORT_PROGRAMMES = [
    ("Layanan perizinan daring", "smart-governance", "public-service", True,
     [(0, 800, "apbd"), (1, 400, "apbd")], ("Izin terbit dalam 3 hari", "%", 20, 90, 3)),
    ("Promosi wisata digital", "smart-branding", "tourism-branding", False,
     [(0, 300, "apbd"), (2, 300, "apbd")], ("Wisatawan per tahun", "ribu", 150, 400, 5)),
    ("Pengelolaan sampah berbasis aplikasi", "smart-environment", "waste", True,
     [(0, 500, "apbd"), (1, 500, "csr")], ("Sampah terpilah", "%", 5, 40, 4)),
]  # fmt: skip

COHORT_CITIES = {
    # slug: (start year, first-year statuses for the three programmes, realised share %)
    "jambi": (2018, (S.DONE, S.ON_TRACK, S.DELAYED), 85),
    "bandung": (2018, (S.DONE, S.DONE, S.ON_TRACK), 95),
    "banyuwangi": (2018, (S.ON_TRACK, S.DONE, S.ON_TRACK), 90),
    "makassar": (2018, (S.DELAYED, S.NOT_STARTED, S.ON_TRACK), 55),
}

# Sample weights (baseline, output, outcome, impact, quick win), not Kominfo's published ones.
EVALUATION_WEIGHTS = {2019: (10, 25, 30, 20, 15), 2020: (15, 20, 30, 20, 15)}


def _fill_and_publish(report, rows, narrative, evidence=()):
    page = report.get_latest_revision_as_object()
    page.narrative = f"{narrative} {SAMPLE}"
    for row in page.programme_progress.all():
        entry = rows.get(row.programme_title)
        if entry is None:
            continue
        status, delivered, money, value = entry
        row.status, row.quick_win_delivered = status, delivered
        row.realised_budget = [
            BudgetRealisation(funding_source=source, amount=Decimal(amount * MILLION))
            for source, amount in money
        ]
        for achievement in row.achievements.all():
            if value is not None:
                achievement.achieved = Decimal(value)
    page.evidence = [("link", {"url": url, "title": title}) for url, title in evidence]
    page.save_revision().publish()


def _kupang(command):
    plan = MasterPlanPage.objects.live().filter(city__slug="kupang", locale=command.locales["id"])
    plan = plan.first()
    if plan is None or ProgressReportPage.objects.child_of(plan).exists():
        return plan
    for year in (2019, 2020):
        report, _created = file_report(plan, year, None)
        rows = {
            title: by_year[year] for title, by_year in KUPANG_PROGRESS.items() if year in by_year
        }
        _fill_and_publish(report, rows, KUPANG_NARRATIVE[year], KUPANG_EVIDENCE[year])
        command.created += 1
    return plan


def _cohort_rows(start):
    return [
        (title, dimension, element, quick, start + budget[0][0], start + budget[-1][0],
         "Diskominfo", [(start + dy, amount, source) for dy, amount, source in budget],
         (kpi[0], kpi[1], kpi[2], kpi[3], start + kpi[4]), None)
        for title, dimension, element, quick, budget, kpi in COHORT_PROGRAMMES
    ]  # fmt: skip


def _cohort_city(command, slug, start, statuses, share):
    from .demo import _plan

    plan = _plan(
        command,
        slug,
        start,
        _cohort_rows(start),
        f"Masterplan smart city ringkas untuk situs demo. {SAMPLE}",
        complete=True,
    )
    if plan is None:
        return None
    plan = MasterPlanPage.objects.get(pk=plan.pk)
    if ProgressReportPage.objects.child_of(plan).exists():
        return plan
    for offset in (0, 1):
        year = start + offset
        rows = {}
        for (title, _d, _e, quick, budget, kpi), status in zip(
            COHORT_PROGRAMMES, statuses, strict=True
        ):
            planned = sum(a for dy, a, _s in budget if dy == offset)
            done = status == S.DONE or offset == 1 and status == S.ON_TRACK
            value = kpi[2] + (kpi[3] - kpi[2]) * share * (offset + 1) // 200
            rows[title] = (
                S.DONE if done else status,
                quick and done,
                [("apbd", planned * share // 100)] if planned else [],
                value,
            )
        report, _created = file_report(plan, year, None)
        _fill_and_publish(report, rows, "Ringkasan tahunan.")
        command.created += 1
    return plan


def _evaluations(command, plans):
    for year, weights in EVALUATION_WEIGHTS.items():
        names = ("baseline", "output", "outcome", "impact", "quick_win")
        evaluation_year, created = EvaluationYear.objects.get_or_create(
            year=year,
            defaults={
                **{f"weight_{n}": Decimal(w) for n, w in zip(names, weights, strict=True)},
                "notes": f"Bobot contoh, bukan bobot resmi Kominfo. {SAMPLE}",
            },
        )
        command.created += created
        for i, plan in enumerate(plans):
            evaluation, created = start_evaluation(evaluation_year, plan)
            if not created:
                continue
            # The evaluator's judgement on output and impact, varied per city and year.
            evaluation.score_output = Decimal(60 + (i * 7 + year) % 35)
            evaluation.score_impact = Decimal(55 + (i * 11 + year) % 40)
            for name in names:
                if getattr(evaluation, f"score_{name}") is None:
                    setattr(evaluation, f"score_{name}", Decimal(50))
            evaluation.notes = f"Nilai contoh dari evaluator demo. {SAMPLE}"
            evaluation.save()
            command.created += 1


def load_demo_progress(command):
    """Called from load_demo_plans; creates only what does not exist yet."""
    plans = [_kupang(command)]
    for slug, (start, statuses, share) in COHORT_CITIES.items():
        plans.append(_cohort_city(command, slug, start, statuses, share))
    _evaluations(command, [p for p in plans if p is not None])
