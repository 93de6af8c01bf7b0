from django.db import migrations


class Migration(migrations.Migration):
    """ReviewSetup's rows now live in the rules of each stage (0007)."""

    dependencies = [
        ("reviews", "0007_copy_review_setup_into_stage_rules"),
    ]

    operations = [
        migrations.DeleteModel(
            name="ReviewSetup",
        ),
    ]
