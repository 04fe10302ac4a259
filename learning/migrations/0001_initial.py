"""Learners' records, statistics access and the statistics cells' tables.

The cells' triggers follow in 0002. Columns are in the order of the schema
these migrations replaced, not the models' field order (which Django does
not compare), so a database made either way dumps the same.
"""

import django.db.models.deletion
import django.db.models.functions.text
import learning.models.certificates
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('modules', '0002_region_privacy_contact'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='StatisticsSummaryState',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('time_zone', models.CharField(max_length=64)),
                ('built_at', models.DateTimeField()),
            ],
        ),
        migrations.CreateModel(
            name='ManagerRegions',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='manager_regions', to=settings.AUTH_USER_MODEL, verbose_name='manager')),
                ('regions', models.ManyToManyField(blank=True, related_name='+', to='modules.region', verbose_name='regions')),
            ],
            options={
                'verbose_name': "manager's regions",
                'verbose_name_plural': "managers' regions",
                'permissions': [('view_statistics', 'Can view statistics for assigned regions'), ('view_all_regions', 'Can view statistics for all regions')],
            },
        ),
        migrations.CreateModel(
            name='Organisation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('size', models.CharField(blank=True, choices=[('micro', 'Micro (1–9 employees)'), ('small', 'Small (10–49 employees)'), ('medium', 'Medium (50–249 employees)'), ('large', 'Large (250 or more employees)')], max_length=10, verbose_name='size')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='modules.region', verbose_name='region')),
                ('sector', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='modules.sector', verbose_name='sector')),
            ],
            options={
                'verbose_name': 'organisation',
                'verbose_name_plural': 'organisations',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='ModuleProgress',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('module_key', models.UUIDField(db_index=True)),
                ('module_title', models.CharField(max_length=255)),
                ('started_at', models.DateTimeField()),
                ('completed_at', models.DateTimeField(blank=True, null=True)),
                ('best_score', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('attempt_count', models.PositiveIntegerField(default=0)),
                ('completed_language', models.CharField(blank=True, max_length=7)),
                ('organisation_size', models.CharField(blank=True, choices=[('micro', 'Micro (1–9 employees)'), ('small', 'Small (10–49 employees)'), ('medium', 'Medium (50–249 employees)'), ('large', 'Large (250 or more employees)')], max_length=10)),
                ('counts_in_statistics', models.BooleanField(default=False)),
                ('module_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='modules.modulepage')),
                ('region', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='modules.region')),
                ('sector', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='modules.sector')),
                ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='module_progress', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='learning.organisation')),
                ('started_language', models.CharField(blank=True, max_length=7)),
                ('first_attempt_passed', models.BooleanField(blank=True, null=True)),
            ],
            options={
                'verbose_name': 'module progress',
                'verbose_name_plural': 'module progress',
            },
        ),
        migrations.CreateModel(
            name='LearnerProfile',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('full_name', models.CharField(max_length=150, verbose_name='name on certificates')),
                ('organisation_size', models.CharField(blank=True, choices=[('micro', 'Micro (1–9 employees)'), ('small', 'Small (10–49 employees)'), ('medium', 'Medium (50–249 employees)'), ('large', 'Large (250 or more employees)')], max_length=10, verbose_name='organisation size')),
                ('preferred_language', models.CharField(choices=[('en', 'English'), ('et', 'Eesti'), ('fr', 'Français'), ('it', 'Italiano'), ('sk', 'Slovenčina'), ('sl', 'Slovenščina'), ('es', 'Español')], default='en', max_length=7, verbose_name='preferred language')),
                ('statistics_consent', models.BooleanField(default=False, verbose_name='consent to anonymous statistics')),
                ('statistics_consent_at', models.DateTimeField(blank=True, null=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='modules.region', verbose_name='region')),
                ('sector', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='modules.sector', verbose_name='sector')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='learner_profile', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='learners', to='learning.organisation', verbose_name='organisation')),
            ],
            options={
                'verbose_name': 'learner profile',
                'verbose_name_plural': 'learner profiles',
            },
        ),
        migrations.CreateModel(
            name='QuizAttempt',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('number', models.PositiveIntegerField()),
                ('submission_token', models.UUIDField(unique=True)),
                ('module_key', models.UUIDField(db_index=True)),
                ('language', models.CharField(max_length=7)),
                ('submitted_at', models.DateTimeField(auto_now_add=True)),
                ('answers', models.JSONField()),
                ('snapshot', models.JSONField()),
                ('score', models.PositiveSmallIntegerField()),
                ('correct_count', models.PositiveSmallIntegerField()),
                ('question_count', models.PositiveSmallIntegerField()),
                ('pass_mark', models.PositiveSmallIntegerField()),
                ('passed', models.BooleanField()),
                ('module_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='modules.modulepage')),
                ('progress', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attempts', to='learning.moduleprogress')),
                ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='quiz_attempts', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'quiz attempt',
                'verbose_name_plural': 'quiz attempts',
                'ordering': ['-submitted_at'],
            },
        ),
        migrations.CreateModel(
            name='QuestionResult',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('module_key', models.UUIDField()),
                ('question_id', models.CharField(max_length=64)),
                ('language', models.CharField(max_length=7)),
                ('is_correct', models.BooleanField()),
                ('attempt', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='results', to='learning.quizattempt')),
                ('progress', models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='learning.moduleprogress')),
            ],
            options={
                'verbose_name': 'question result',
                'verbose_name_plural': 'question results',
            },
        ),
        migrations.CreateModel(
            name='StatisticsLearnerCell',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('region_id', models.BigIntegerField()),
                ('sector_id', models.BigIntegerField()),
                ('organisation_size', models.CharField(max_length=10)),
                ('language', models.CharField(max_length=7)),
                ('learner', models.BigIntegerField()),
                ('rows', models.IntegerField(default=0)),
                ('completed', models.IntegerField(default=0)),
                ('score_sum', models.BigIntegerField(default=0)),
                ('score_count', models.IntegerField(default=0)),
                ('first_tries', models.IntegerField(default=0)),
                ('first_passes', models.IntegerField(default=0)),
                ('shared', models.BooleanField(default=False)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('learner', 'region_id', 'sector_id', 'organisation_size', 'language'), name='statistics_learner_cell_key')],
            },
        ),
        migrations.CreateModel(
            name='StatisticsModuleCell',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('region_id', models.BigIntegerField()),
                ('sector_id', models.BigIntegerField()),
                ('organisation_size', models.CharField(max_length=10)),
                ('language', models.CharField(max_length=7)),
                ('module_key', models.UUIDField()),
                ('rows', models.IntegerField(default=0)),
                ('completed', models.IntegerField(default=0)),
                ('score_sum', models.BigIntegerField(default=0)),
                ('score_count', models.IntegerField(default=0)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('module_key', 'region_id', 'sector_id', 'organisation_size', 'language'), name='statistics_module_cell_key')],
            },
        ),
        migrations.CreateModel(
            name='StatisticsPeriodCell',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('region_id', models.BigIntegerField()),
                ('sector_id', models.BigIntegerField()),
                ('organisation_size', models.CharField(max_length=10)),
                ('learner', models.BigIntegerField()),
                ('kind', models.CharField(max_length=5)),
                ('period', models.DateField()),
                ('completions', models.IntegerField(default=0)),
                ('shared', models.BooleanField(default=False)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('kind', 'learner', 'period', 'region_id', 'sector_id', 'organisation_size'), name='statistics_period_cell_key')],
            },
        ),
        migrations.CreateModel(
            name='StatisticsProgrammeCell',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('region_id', models.BigIntegerField()),
                ('sector_id', models.BigIntegerField()),
                ('organisation_size', models.CharField(max_length=10)),
                ('programme_key', models.UUIDField()),
                ('learner', models.BigIntegerField()),
                ('rows', models.IntegerField(default=0)),
                ('completed', models.IntegerField(default=0)),
                ('score_sum', models.BigIntegerField(default=0)),
                ('score_count', models.IntegerField(default=0)),
                ('shared', models.BooleanField(default=False)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('programme_key', 'learner', 'region_id', 'sector_id', 'organisation_size'), name='statistics_programme_cell_key')],
            },
        ),
        migrations.CreateModel(
            name='StatisticsProgrammeModule',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('programme_key', models.UUIDField()),
                ('module_key', models.UUIDField()),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('module_key', 'programme_key'), name='statistics_programme_module_key')],
            },
        ),
        migrations.CreateModel(
            name='StatisticsQuestionCell',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('region_id', models.BigIntegerField()),
                ('sector_id', models.BigIntegerField()),
                ('organisation_size', models.CharField(max_length=10)),
                ('language', models.CharField(max_length=7)),
                ('module_key', models.UUIDField()),
                ('question_id', models.CharField(max_length=64)),
                ('answer_language', models.CharField(max_length=7)),
                ('learners', models.IntegerField(default=0)),
                ('answers', models.IntegerField(default=0)),
                ('correct', models.IntegerField(default=0)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('module_key', 'question_id', 'answer_language', 'region_id', 'sector_id', 'organisation_size', 'language'), name='statistics_question_cell_key')],
            },
        ),
        migrations.CreateModel(
            name='StatisticsSituationCell',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('region_id', models.BigIntegerField()),
                ('sector_id', models.BigIntegerField()),
                ('organisation_size', models.CharField(max_length=10)),
                ('rows', models.IntegerField(default=0)),
                ('completed', models.IntegerField(default=0)),
                ('score_sum', models.BigIntegerField(default=0)),
                ('score_count', models.IntegerField(default=0)),
                ('first_tries', models.IntegerField(default=0)),
                ('first_passes', models.IntegerField(default=0)),
                ('shared', models.BooleanField(default=False)),
                ('learner', models.BigIntegerField()),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('learner', 'region_id', 'sector_id', 'organisation_size'), name='statistics_situation_cell_key')],
            },
        ),
        migrations.CreateModel(
            name='Certificate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(default=learning.models.certificates.new_certificate_code, max_length=20, unique=True)),
                ('kind', models.CharField(choices=[('module', 'Module'), ('programme', 'Programme')], max_length=10)),
                ('subject_key', models.UUIDField()),
                ('title', models.CharField(max_length=255)),
                ('learner_name', models.CharField(max_length=150)),
                ('region_name', models.CharField(blank=True, max_length=100)),
                ('language', models.CharField(max_length=7)),
                ('score', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('completed_at', models.DateTimeField()),
                ('issued_at', models.DateTimeField(auto_now_add=True)),
                ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='certificates', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'certificate',
                'verbose_name_plural': 'certificates',
                'constraints': [models.UniqueConstraint(fields=('user', 'kind', 'subject_key'), name='unique_certificate_per_subject')],
            },
        ),
        migrations.AddConstraint(
            model_name='organisation',
            constraint=models.UniqueConstraint(django.db.models.functions.text.Lower('name'), models.F('region'), name='unique_organisation_name_per_region'),
        ),
        migrations.AddIndex(
            model_name='moduleprogress',
            index=models.Index(fields=['region', 'completed_at'], name='progress_region_completed'),
        ),
        migrations.AddIndex(
            model_name='moduleprogress',
            index=models.Index(fields=['region', 'started_at'], name='progress_region_started'),
        ),
        migrations.AddIndex(
            model_name='moduleprogress',
            index=models.Index(fields=['module_key', 'completed_at'], name='progress_module_completed'),
        ),
        migrations.AddIndex(
            model_name='moduleprogress',
            index=models.Index(condition=models.Q(('counts_in_statistics', True)), fields=['region', 'user'], include=('started_at', 'completed_at', 'best_score', 'module_key', 'sector', 'organisation_size', 'first_attempt_passed', 'started_language', 'completed_language'), name='progress_stats_by_region'),
        ),
        migrations.AddIndex(
            model_name='moduleprogress',
            index=models.Index(condition=models.Q(('counts_in_statistics', True)), fields=['user'], include=('region', 'started_at', 'completed_at', 'best_score', 'module_key', 'sector', 'organisation_size', 'first_attempt_passed', 'started_language', 'completed_language'), name='progress_stats_by_learner'),
        ),
        migrations.AddConstraint(
            model_name='moduleprogress',
            constraint=models.UniqueConstraint(fields=('user', 'module_key'), name='unique_progress_per_module'),
        ),
        migrations.AddConstraint(
            model_name='quizattempt',
            constraint=models.UniqueConstraint(fields=('progress', 'number'), name='unique_attempt_number'),
        ),
        migrations.AddIndex(
            model_name='questionresult',
            index=models.Index(fields=['module_key', 'question_id'], name='result_module_question'),
        ),
        migrations.AddIndex(
            model_name='questionresult',
            index=models.Index(fields=['module_key', 'progress'], include=('question_id', 'language', 'is_correct'), name='result_module_progress'),
        ),
    ]
