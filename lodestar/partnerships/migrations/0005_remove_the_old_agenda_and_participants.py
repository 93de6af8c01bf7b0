"""The agenda and participants of funded workshops now live in their engagement event (0004)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('partnerships', '0004_workshops_become_engagement_events'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='participant',
            name='proposal',
        ),
        migrations.DeleteModel(
            name='AgendaItem',
        ),
        migrations.DeleteModel(
            name='Participant',
        ),
    ]
