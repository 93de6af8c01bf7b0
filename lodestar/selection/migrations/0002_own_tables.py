"""Give the selection app's tables their own names and move the content types (and with them the audit
trail and permissions of these models) from the reviews app to this one. Every row is kept."""

from django.db import migrations

MODELS = ['selection', 'selectionentry']


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    AuditEvent = apps.get_model("core", "AuditEvent")
    for model in MODELS:
        old = ContentType.objects.filter(app_label="reviews", model=model).first()
        if old is None:
            continue
        new = ContentType.objects.filter(app_label="selection", model=model).first()
        if new is None:
            old.app_label = "selection"
            old.save(update_fields=["app_label"])
        else:
            # Both exist (the new one made by an earlier run of migrate): keep the new, lose no event.
            AuditEvent.objects.filter(content_type=old).update(content_type=new)
            old.delete()


def restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="selection", model__in=MODELS).update(app_label="reviews")


class Migration(migrations.Migration):
    dependencies = [
        ("selection", "0001_initial"),
        ("reviews", "0005_experts_and_selection_move_out"),
        ("matching", "0002_expert_moves_to_experts"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0002_edt_areas"),
    ]

    operations = [
        migrations.AlterModelTable(name="Selection", table=None),
        migrations.AlterModelTable(name="SelectionEntry", table=None),
        migrations.RunPython(move_content_types, restore_content_types),
    ]
