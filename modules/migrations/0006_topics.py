"""Topics become a vocabulary with a name in every language, like sectors.

The tag table is renamed in place rather than copied: each topic keeps its
id and slug, so every module keeps its topics, and page revisions and
translation sources that refer to topics by id stay valid. The English name
is the tag's name as it was; names in other languages are added by editors
(the Translations report lists the missing ones).
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0005_issuing_agency"),
    ]

    operations = [
        migrations.RenameModel(old_name="TopicTag", new_name="Topic"),
        migrations.AlterModelOptions(
            name="topic",
            options={"ordering": ["name"], "verbose_name": "topic", "verbose_name_plural": "topics"},
        ),
        migrations.AlterField(
            model_name="topic",
            name="name",
            field=models.CharField(max_length=100, unique=True, verbose_name="name (English)"),
        ),
        migrations.AddField(
            model_name="topic",
            name="names",
            field=models.JSONField(blank=True, default=dict, verbose_name="translated names"),
        ),
    ]
