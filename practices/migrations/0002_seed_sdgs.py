"""The 17 Sustainable Development Goals, with their official Indonesian names."""

from django.db import migrations

GOALS = [
    (1, "No Poverty", "Tanpa Kemiskinan"),
    (2, "Zero Hunger", "Tanpa Kelaparan"),
    (3, "Good Health and Well-being", "Kehidupan Sehat dan Sejahtera"),
    (4, "Quality Education", "Pendidikan Berkualitas"),
    (5, "Gender Equality", "Kesetaraan Gender"),
    (6, "Clean Water and Sanitation", "Air Bersih dan Sanitasi Layak"),
    (7, "Affordable and Clean Energy", "Energi Bersih dan Terjangkau"),
    (8, "Decent Work and Economic Growth", "Pekerjaan Layak dan Pertumbuhan Ekonomi"),
    (9, "Industry, Innovation and Infrastructure", "Industri, Inovasi dan Infrastruktur"),
    (10, "Reduced Inequalities", "Berkurangnya Kesenjangan"),
    (11, "Sustainable Cities and Communities", "Kota dan Permukiman yang Berkelanjutan"),
    (12, "Responsible Consumption and Production", "Konsumsi dan Produksi yang Bertanggung Jawab"),
    (13, "Climate Action", "Penanganan Perubahan Iklim"),
    (14, "Life Below Water", "Ekosistem Lautan"),
    (15, "Life on Land", "Ekosistem Daratan"),
    (
        16,
        "Peace, Justice and Strong Institutions",
        "Perdamaian, Keadilan dan Kelembagaan yang Tangguh",
    ),
    (17, "Partnerships for the Goals", "Kemitraan untuk Mencapai Tujuan"),
]


def seed(apps, schema_editor):
    Goal = apps.get_model("practices", "SustainableDevelopmentGoal")
    for number, name_en, name_id in GOALS:
        Goal.objects.get_or_create(number=number, defaults={"name_en": name_en, "name_id": name_id})


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
