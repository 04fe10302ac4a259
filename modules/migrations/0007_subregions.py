"""Sub-regions: parts of a region, with their ISO 3166-2 code and a name in every language."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('modules', '0006_topics'),
    ]

    operations = [
        migrations.CreateModel(
            name='SubRegion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, verbose_name='name (English)')),
                ('names', models.JSONField(blank=True, default=dict, verbose_name='translated names')),
                ('code', models.CharField(help_text='ISO 3166-2 code of the sub-region, e.g. EE-37. It never changes.', max_length=10, unique=True, verbose_name='code')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='subregions', to='modules.region', verbose_name='region')),
            ],
            options={
                'verbose_name': 'sub-region',
                'verbose_name_plural': 'sub-regions',
                'ordering': ['name'],
            },
        ),
    ]
