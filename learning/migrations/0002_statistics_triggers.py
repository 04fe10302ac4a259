"""Row triggers that keep the statistics cells exact (PostgreSQL only).

Every insert, update and delete of a progress row or an answer takes the
row's old contribution out of its cells and adds the new one, in the same
transaction as the write. The SQL is written out here, as it was when the
migration was made: the database is defined by the migrations, never by
application code that happens to be installed later. A change to the
triggers is a new migration.

The period cells are cut in the time zone the last rebuild recorded in
`learning_statisticssummarystate` (read at run time, so nothing here
depends on settings); with no such row the triggers leave the period cells
alone, and the reports read the rows for periods until a rebuild. The
bulk-load switch is the `learning.statistics_bulk_load` setting
(`learning.statistics.rebuild.bulk_load`). Other databases have no
triggers: their reports always read the rows.
"""

from django.conf import settings
from django.db import migrations
from django.utils import timezone


class RunSQLOnPostgreSQL(migrations.RunSQL):
    """RunSQL that does nothing on other databases."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


# One progress row's contribution (sign 1 or -1) to every cell it counts in;
# `with_answers`: its answers too (only when its situation changed).
PROGRESS_APPLY = """
CREATE FUNCTION learning_stats_progress_apply(
  r learning_moduleprogress, sign integer, with_answers boolean)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  lang text := CASE WHEN r.completed_language = '' THEN r.started_language ELSE r.completed_language END;
  who bigint := COALESCE(r.user_id, 0);
  sec bigint := COALESCE(r.sector_id, 0);
  done integer := CASE WHEN r.completed_at IS NOT NULL THEN 1 ELSE 0 END;
  scored integer := CASE WHEN r.completed_at IS NOT NULL AND r.best_score IS NOT NULL THEN 1 ELSE 0 END;
  score bigint := CASE WHEN r.completed_at IS NOT NULL THEN COALESCE(r.best_score, 0) ELSE 0 END;
  tried integer := CASE WHEN r.first_attempt_passed IS NOT NULL THEN 1 ELSE 0 END;
  passed integer := CASE WHEN r.first_attempt_passed THEN 1 ELSE 0 END;
  zone text;
  local_time timestamp;
  created boolean;
  kind_name text;
  day date;
  programme uuid;
BEGIN
  IF NOT r.counts_in_statistics OR r.region_id IS NULL THEN
    RETURN;
  END IF;
  -- A learner's new cell is flagged `shared` when they have another one; the
  -- advisory lock (any number, 51247, and the learner) keeps two transactions
  -- from both missing each other's new cell.
  INSERT INTO learning_statisticssituationcell AS c
    (learner, region_id, sector_id, organisation_size,
     rows, completed, score_sum, score_count, first_tries, first_passes, shared)
  VALUES (who, r.region_id, sec, r.organisation_size,
     sign, sign * done, sign * score, sign * scored, sign * tried, sign * passed, false)
  ON CONFLICT (learner, region_id, sector_id, organisation_size) DO UPDATE SET
    rows = c.rows + EXCLUDED.rows, completed = c.completed + EXCLUDED.completed,
    score_sum = c.score_sum + EXCLUDED.score_sum, score_count = c.score_count + EXCLUDED.score_count,
    first_tries = c.first_tries + EXCLUDED.first_tries,
    first_passes = c.first_passes + EXCLUDED.first_passes
  RETURNING xmax = 0 INTO created;
  IF created THEN
    PERFORM pg_advisory_xact_lock(51247, who::integer);
    UPDATE learning_statisticssituationcell t SET shared = true
    WHERE t.learner = who AND NOT t.shared AND EXISTS (
      SELECT 1 FROM learning_statisticssituationcell o WHERE o.learner = t.learner AND o.id <> t.id);
  END IF;
  INSERT INTO learning_statisticslearnercell AS c
    (learner, region_id, sector_id, organisation_size, language,
     rows, completed, score_sum, score_count, first_tries, first_passes, shared)
  VALUES (who, r.region_id, sec, r.organisation_size, lang,
     sign, sign * done, sign * score, sign * scored, sign * tried, sign * passed, false)
  ON CONFLICT (learner, region_id, sector_id, organisation_size, language) DO UPDATE SET
    rows = c.rows + EXCLUDED.rows, completed = c.completed + EXCLUDED.completed,
    score_sum = c.score_sum + EXCLUDED.score_sum, score_count = c.score_count + EXCLUDED.score_count,
    first_tries = c.first_tries + EXCLUDED.first_tries,
    first_passes = c.first_passes + EXCLUDED.first_passes
  RETURNING xmax = 0 INTO created;
  IF created THEN
    PERFORM pg_advisory_xact_lock(51247, who::integer);
    UPDATE learning_statisticslearnercell t SET shared = true
    WHERE t.learner = who AND NOT t.shared AND EXISTS (
      SELECT 1 FROM learning_statisticslearnercell o WHERE o.learner = t.learner AND o.id <> t.id
        AND o.language = t.language AND t.language = lang);
  END IF;
  INSERT INTO learning_statisticsmodulecell AS c
    (module_key, region_id, sector_id, organisation_size, language,
     rows, completed, score_sum, score_count)
  VALUES (r.module_key, r.region_id, sec, r.organisation_size, lang,
     sign, sign * done, sign * score, sign * scored)
  ON CONFLICT (module_key, region_id, sector_id, organisation_size, language) DO UPDATE SET
    rows = c.rows + EXCLUDED.rows, completed = c.completed + EXCLUDED.completed,
    score_sum = c.score_sum + EXCLUDED.score_sum, score_count = c.score_count + EXCLUDED.score_count;
  IF done = 1 THEN
    -- The time zone the last rebuild cut the periods in; none: no period cells.
    SELECT s.time_zone INTO zone FROM learning_statisticssummarystate s
    ORDER BY s.built_at DESC LIMIT 1;
  END IF;
  IF zone IS NOT NULL THEN
    local_time := r.completed_at AT TIME ZONE zone;
    FOREACH kind_name IN ARRAY ARRAY['month', 'week'] LOOP
      day := date_trunc(kind_name, local_time)::date;
      INSERT INTO learning_statisticsperiodcell AS c
        (kind, learner, period, region_id, sector_id, organisation_size, completions, shared)
      VALUES (kind_name, who, day, r.region_id, sec, r.organisation_size, sign, false)
      ON CONFLICT (kind, learner, period, region_id, sector_id, organisation_size)
      DO UPDATE SET completions = c.completions + EXCLUDED.completions
      RETURNING xmax = 0 INTO created;
      IF created THEN
        PERFORM pg_advisory_xact_lock(51247, who::integer);
        UPDATE learning_statisticsperiodcell t SET shared = true
        WHERE t.learner = who AND NOT t.shared AND EXISTS (
          SELECT 1 FROM learning_statisticsperiodcell o WHERE o.learner = t.learner AND o.id <> t.id
            AND o.kind = t.kind AND o.period = t.period AND t.kind = kind_name AND t.period = day);
      END IF;
    END LOOP;
  END IF;
  FOR programme IN
    SELECT pm.programme_key FROM learning_statisticsprogrammemodule pm
    WHERE pm.module_key = r.module_key
  LOOP
    INSERT INTO learning_statisticsprogrammecell AS c
      (programme_key, learner, region_id, sector_id, organisation_size,
       rows, completed, score_sum, score_count, shared)
    VALUES (programme, who, r.region_id, sec, r.organisation_size,
       sign, sign * done, sign * score, sign * scored, false)
    ON CONFLICT (programme_key, learner, region_id, sector_id, organisation_size)
    DO UPDATE SET
      rows = c.rows + EXCLUDED.rows, completed = c.completed + EXCLUDED.completed,
      score_sum = c.score_sum + EXCLUDED.score_sum, score_count = c.score_count + EXCLUDED.score_count
    RETURNING xmax = 0 INTO created;
    IF created THEN
      PERFORM pg_advisory_xact_lock(51247, who::integer);
      UPDATE learning_statisticsprogrammecell t SET shared = true
      WHERE t.learner = who AND NOT t.shared AND EXISTS (
        SELECT 1 FROM learning_statisticsprogrammecell o WHERE o.learner = t.learner AND o.id <> t.id
          AND o.programme_key = t.programme_key AND t.programme_key = programme);
    END IF;
  END LOOP;
  IF NOT with_answers THEN
    RETURN;
  END IF;
  -- The row's answers, counted under its situation.
  INSERT INTO learning_statisticsquestioncell AS c
    (module_key, question_id, answer_language, region_id, sector_id, organisation_size, language,
     learners, answers, correct)
  SELECT r.module_key, a.question_id, a.answer_language, r.region_id, sec, r.organisation_size, lang,
     sign, sign * a.answers, sign * a.correct
  FROM (
    SELECT question_id, language AS answer_language, count(*) AS answers,
           count(*) FILTER (WHERE is_correct) AS correct
    FROM learning_questionresult
    WHERE module_key = r.module_key AND progress_id = r.id
    GROUP BY question_id, language
    UNION ALL
    SELECT question_id, '', count(*), count(*) FILTER (WHERE is_correct)
    FROM learning_questionresult
    WHERE module_key = r.module_key AND progress_id = r.id
    GROUP BY question_id
  ) a
  ON CONFLICT (module_key, question_id, answer_language, region_id, sector_id, organisation_size, language)
  DO UPDATE SET
    learners = c.learners + EXCLUDED.learners, answers = c.answers + EXCLUDED.answers,
    correct = c.correct + EXCLUDED.correct;
END $$
"""

PROGRESS_CHANGED = """
CREATE FUNCTION learning_stats_progress_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  -- Answers move between question cells only when the row's situation
  -- changes: not on most updates (a new best score, one more attempt).
  moved boolean := TG_OP <> 'UPDATE' OR
    (OLD.module_key, OLD.region_id, OLD.sector_id, OLD.organisation_size, OLD.counts_in_statistics,
     CASE WHEN OLD.completed_language = '' THEN OLD.started_language ELSE OLD.completed_language END)
    IS DISTINCT FROM
    (NEW.module_key, NEW.region_id, NEW.sector_id, NEW.organisation_size, NEW.counts_in_statistics,
     CASE WHEN NEW.completed_language = '' THEN NEW.started_language ELSE NEW.completed_language END);
BEGIN
  -- A bulk load rebuilds the cells when it is done.
  IF current_setting('learning.statistics_bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND
     (OLD.user_id, OLD.module_key, OLD.started_at, OLD.completed_at, OLD.best_score,
      OLD.first_attempt_passed, OLD.started_language, OLD.completed_language, OLD.region_id,
      OLD.sector_id, OLD.organisation_size, OLD.counts_in_statistics)
     IS NOT DISTINCT FROM
     (NEW.user_id, NEW.module_key, NEW.started_at, NEW.completed_at, NEW.best_score,
      NEW.first_attempt_passed, NEW.started_language, NEW.completed_language, NEW.region_id,
      NEW.sector_id, NEW.organisation_size, NEW.counts_in_statistics) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM learning_stats_progress_apply(OLD, -1, moved);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM learning_stats_progress_apply(NEW, 1, moved);
  END IF;
  RETURN NULL;
END $$
"""

# One answer's contribution (sign 1 or -1) to its question cells.
RESULT_APPLY = """
CREATE FUNCTION learning_stats_result_apply(a learning_questionresult, sign integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r learning_moduleprogress;
  same_language integer;
  same_question integer;
BEGIN
  SELECT * INTO r FROM learning_moduleprogress WHERE id = a.progress_id;
  IF NOT FOUND OR NOT r.counts_in_statistics OR r.region_id IS NULL
     OR r.module_key <> a.module_key THEN
    RETURN;
  END IF;
  -- After the write: an insert counts the learner if this is their first
  -- answer to the question, a delete uncounts them if it was the last.
  SELECT count(*), count(*) FILTER (WHERE language = a.language)
    INTO same_question, same_language
  FROM learning_questionresult
  WHERE module_key = a.module_key AND progress_id = a.progress_id
    AND question_id = a.question_id;
  INSERT INTO learning_statisticsquestioncell AS c
    (module_key, question_id, answer_language, region_id, sector_id, organisation_size, language,
     learners, answers, correct)
  VALUES
    (a.module_key, a.question_id, a.language, r.region_id, COALESCE(r.sector_id, 0),
     r.organisation_size,
     CASE WHEN r.completed_language = '' THEN r.started_language ELSE r.completed_language END,
     CASE WHEN same_language = (CASE WHEN sign = 1 THEN 1 ELSE 0 END) THEN sign ELSE 0 END,
     sign, CASE WHEN a.is_correct THEN sign ELSE 0 END),
    (a.module_key, a.question_id, '', r.region_id, COALESCE(r.sector_id, 0),
     r.organisation_size,
     CASE WHEN r.completed_language = '' THEN r.started_language ELSE r.completed_language END,
     CASE WHEN same_question = (CASE WHEN sign = 1 THEN 1 ELSE 0 END) THEN sign ELSE 0 END,
     sign, CASE WHEN a.is_correct THEN sign ELSE 0 END)
  ON CONFLICT (module_key, question_id, answer_language, region_id, sector_id, organisation_size, language)
  DO UPDATE SET
    learners = c.learners + EXCLUDED.learners, answers = c.answers + EXCLUDED.answers,
    correct = c.correct + EXCLUDED.correct;
END $$
"""

RESULT_CHANGED = """
CREATE FUNCTION learning_stats_result_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('learning.statistics_bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD.progress_id, OLD.module_key, OLD.question_id, OLD.language,
      OLD.is_correct) IS NOT DISTINCT FROM (NEW.progress_id, NEW.module_key, NEW.question_id,
      NEW.language, NEW.is_correct) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM learning_stats_result_apply(OLD, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM learning_stats_result_apply(NEW, 1);
  END IF;
  RETURN NULL;
END $$
"""

PROGRESS_TRIGGER = """
CREATE TRIGGER learning_stats_progress
  AFTER INSERT OR UPDATE OR DELETE ON learning_moduleprogress
  FOR EACH ROW EXECUTE FUNCTION learning_stats_progress_changed()
"""

RESULT_TRIGGER = """
CREATE TRIGGER learning_stats_result
  AFTER INSERT OR UPDATE OR DELETE ON learning_questionresult
  FOR EACH ROW EXECUTE FUNCTION learning_stats_result_changed()
"""


def record_time_zone(apps, schema_editor):
    # The tables are new and empty, so the (empty) period cells are exact in
    # the configured time zone: record it, as a rebuild would, so the period
    # reports can read the cells from the start.
    if schema_editor.connection.vendor != "postgresql":
        return
    state = apps.get_model("learning", "StatisticsSummaryState")
    state.objects.using(schema_editor.connection.alias).create(
        time_zone=settings.TIME_ZONE, built_at=timezone.now()
    )


def forget_time_zone(apps, schema_editor):
    state = apps.get_model("learning", "StatisticsSummaryState")
    state.objects.using(schema_editor.connection.alias).all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0001_initial"),
    ]

    operations = [
        RunSQLOnPostgreSQL(
            sql=[PROGRESS_APPLY, PROGRESS_CHANGED, RESULT_APPLY, RESULT_CHANGED],
            reverse_sql=[
                "DROP FUNCTION learning_stats_result_changed()",
                "DROP FUNCTION learning_stats_result_apply(learning_questionresult, integer)",
                "DROP FUNCTION learning_stats_progress_changed()",
                "DROP FUNCTION learning_stats_progress_apply("
                "learning_moduleprogress, integer, boolean)",
            ],
        ),
        RunSQLOnPostgreSQL(
            sql=[PROGRESS_TRIGGER, RESULT_TRIGGER],
            reverse_sql=[
                "DROP TRIGGER learning_stats_result ON learning_questionresult",
                "DROP TRIGGER learning_stats_progress ON learning_moduleprogress",
            ],
        ),
        migrations.RunPython(record_time_zone, forget_time_zone),
    ]
