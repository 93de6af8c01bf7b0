from django.db import migrations

# The alliance's emerging and disruptive technology areas (shared/FACTS.md); cyber defence runs
# across all of them. Codes match lodestar/engine/taxonomy.py.
AREAS = [
    ("ai", "Artificial intelligence", "Intelligence artificielle"),
    ("autonomy", "Autonomy", "Autonomie"),
    ("quantum", "Quantum", "Quantique"),
    ("biotech", "Biotechnology and human enhancement", "Biotechnologies et amélioration humaine"),
    ("hypersonics", "Hypersonics", "Hypersonique"),
    ("space", "Space", "Espace"),
    ("materials", "Novel materials and manufacturing", "Nouveaux matériaux et fabrication"),
    ("energy", "Energy and propulsion", "Énergie et propulsion"),
    ("networks", "Next-generation communication networks", "Réseaux de communication de nouvelle génération"),
    ("data", "Data and computing", "Données et calcul"),
    ("cyber", "Cyber defence", "Cyberdéfense"),
]


def load(apps, schema_editor):
    EdtArea = apps.get_model("core", "EdtArea")
    for position, (code, en, fr) in enumerate(AREAS, start=1):
        EdtArea.objects.update_or_create(
            code=code, defaults={"name_en": en, "name_fr": fr, "position": position}
        )


def unload(apps, schema_editor):
    apps.get_model("core", "EdtArea").objects.filter(code__in=[a[0] for a in AREAS]).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
