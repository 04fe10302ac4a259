"""An optional sub-region on learner profiles, organisations and progress rows.

The progress row keeps it as part of the learner's situation, like the region.
The statistics triggers of 0002 are left as they are: the cells are not cut
by sub-region (the report by sub-region reads the rows), and an update that
changes nothing but the sub-region leaves the cells alone, as their trigger
compares only the columns they are cut by.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('learning', '0004_reading_position'),
        ('modules', '0007_subregions'),
    ]

    operations = [
        migrations.AddField(
            model_name='learnerprofile',
            name='subregion',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='modules.subregion', verbose_name='sub-region'),
        ),
        migrations.AddField(
            model_name='moduleprogress',
            name='subregion',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='modules.subregion'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='subregion',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='modules.subregion', verbose_name='sub-region'),
        ),
    ]
