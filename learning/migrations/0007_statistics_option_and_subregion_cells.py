"""Option cells, and the sub-region in the situation cells: the two reports that
still read a million rows.

The options chosen in first attempts were counted from the attempts' JSON
answers at every request, and the breakdown by sub-region grouped every
progress row. The option cells keep those counts per question, option and
situation, exact in the same transaction as every write, as the question
cells are: a new trigger on `learning_quizattempt` counts each first
attempt. The situation cells gain the row's sub-region (0 for none), which
splits few of them, since a learner's sub-region rarely changes. The
progress row's functions of `0002_statistics_triggers` are replaced by ones
that write the sub-region, count a change of sub-region alone, and move the
row's first attempt between option cells when its situation changes (the
SQL written out, both versions, as in 0002). Both kinds of cells are filled
here from the rows already recorded, under a lock that keeps them from
changing meanwhile, so they are exact from the start without a rebuild; on
other databases the reports keep reading the rows.
"""

from django.db import migrations, models


class RunSQLOnPostgreSQL(migrations.RunSQL):
    """RunSQL that does nothing on other databases."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


LOCK = "LOCK TABLE learning_moduleprogress, learning_quizattempt IN SHARE MODE"

# One progress row's contribution (sign 1 or -1) to every cell it counts in, as
# in 0002, with the sub-region in the situation cells and, where the row's
# answers move (`with_answers`: only when its situation changed), its first
# attempt's options.
PROGRESS_APPLY = """
CREATE OR REPLACE FUNCTION learning_stats_progress_apply(
  r learning_moduleprogress, sign integer, with_answers boolean)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  lang text := CASE WHEN r.completed_language = '' THEN r.started_language ELSE r.completed_language END;
  who bigint := COALESCE(r.user_id, 0);
  sec bigint := COALESCE(r.sector_id, 0);
  sub bigint := COALESCE(r.subregion_id, 0);
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
    (learner, region_id, sector_id, organisation_size, subregion_id,
     rows, completed, score_sum, score_count, first_tries, first_passes, shared)
  VALUES (who, r.region_id, sec, r.organisation_size, sub,
     sign, sign * done, sign * score, sign * scored, sign * tried, sign * passed, false)
  ON CONFLICT (learner, region_id, sector_id, organisation_size, subregion_id) DO UPDATE SET
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

  -- Its first attempt's options, counted under its situation.
  INSERT INTO learning_statisticsoptioncell AS c
    (module_key, question_id, choice, answer_language, region_id, sector_id, organisation_size,
     language, learners)
  SELECT r.module_key, o.question_id, o.choice, o.answer_language, r.region_id, sec,
     r.organisation_size, lang, sign * o.learners
  FROM (
    SELECT q.key AS question_id, chosen.value AS choice, t.language AS answer_language,
           count(*) AS learners
    FROM learning_quizattempt t, jsonb_each(t.answers) q, jsonb_array_elements_text(q.value) chosen
    WHERE t.progress_id = r.id AND t.number = 1 AND t.module_key = r.module_key
    GROUP BY 1, 2, 3
    UNION ALL
    SELECT q.key, '', t.language, count(*)
    FROM learning_quizattempt t, jsonb_each(t.answers) q
    WHERE t.progress_id = r.id AND t.number = 1 AND t.module_key = r.module_key
      AND jsonb_array_length(q.value) > 0
    GROUP BY 1, 3
  ) o
  ON CONFLICT (module_key, question_id, choice, answer_language, region_id, sector_id,
    organisation_size, language)
  DO UPDATE SET learners = c.learners + EXCLUDED.learners;
END $$
"""

# As in 0002, with a change of sub-region alone counted too.
PROGRESS_CHANGED = """
CREATE OR REPLACE FUNCTION learning_stats_progress_changed() RETURNS trigger
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
      OLD.subregion_id, OLD.sector_id, OLD.organisation_size, OLD.counts_in_statistics)
     IS NOT DISTINCT FROM
     (NEW.user_id, NEW.module_key, NEW.started_at, NEW.completed_at, NEW.best_score,
      NEW.first_attempt_passed, NEW.started_language, NEW.completed_language, NEW.region_id,
      NEW.subregion_id, NEW.sector_id, NEW.organisation_size, NEW.counts_in_statistics) THEN
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

# 0002's functions, restored on the way back.
PROGRESS_APPLY_0002 = """
CREATE OR REPLACE FUNCTION learning_stats_progress_apply(
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

PROGRESS_CHANGED_0002 = """
CREATE OR REPLACE FUNCTION learning_stats_progress_changed() RETURNS trigger
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

# A first attempt's contribution (sign 1 or -1) to its option cells; other
# attempts count in none.
ATTEMPT_APPLY = """
CREATE FUNCTION learning_stats_attempt_apply(t learning_quizattempt, sign integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r learning_moduleprogress;
BEGIN
  IF t.number <> 1 THEN
    RETURN;
  END IF;
  SELECT * INTO r FROM learning_moduleprogress WHERE id = t.progress_id;
  IF NOT FOUND OR NOT r.counts_in_statistics OR r.region_id IS NULL
     OR r.module_key <> t.module_key THEN
    RETURN;
  END IF;
  INSERT INTO learning_statisticsoptioncell AS c
    (module_key, question_id, choice, answer_language, region_id, sector_id, organisation_size,
     language, learners)
  SELECT t.module_key, o.question_id, o.choice, t.language, r.region_id, COALESCE(r.sector_id, 0),
     r.organisation_size,
     CASE WHEN r.completed_language = '' THEN r.started_language ELSE r.completed_language END,
     sign * o.learners
  FROM (
    SELECT q.key AS question_id, chosen.value AS choice, count(*) AS learners
    FROM jsonb_each(t.answers) q, jsonb_array_elements_text(q.value) chosen
    GROUP BY 1, 2
    UNION ALL
    SELECT q.key, '', count(*)
    FROM jsonb_each(t.answers) q
    WHERE jsonb_array_length(q.value) > 0
    GROUP BY 1
  ) o
  ON CONFLICT (module_key, question_id, choice, answer_language, region_id, sector_id,
    organisation_size, language)
  DO UPDATE SET learners = c.learners + EXCLUDED.learners;
END $$
"""

ATTEMPT_CHANGED = """
CREATE FUNCTION learning_stats_attempt_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('learning.statistics_bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  -- Erasing the learner (user_id) and everything else an option cell is not
  -- cut by leave the cells alone.
  IF TG_OP = 'UPDATE' AND (OLD.progress_id, OLD.module_key, OLD.number, OLD.language,
      OLD.answers) IS NOT DISTINCT FROM (NEW.progress_id, NEW.module_key, NEW.number,
      NEW.language, NEW.answers) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM learning_stats_attempt_apply(OLD, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM learning_stats_attempt_apply(NEW, 1);
  END IF;
  RETURN NULL;
END $$
"""

ATTEMPT_TRIGGER = """
CREATE TRIGGER learning_stats_attempt
  AFTER INSERT OR UPDATE OR DELETE ON learning_quizattempt
  FOR EACH ROW EXECUTE FUNCTION learning_stats_attempt_changed()
"""

# The cells of the attempts recorded so far, as `learning.statistics.rebuild`
# computes them.
FILL = """
INSERT INTO learning_statisticsoptioncell
  (module_key, question_id, choice, answer_language, region_id, sector_id, organisation_size,
   language, learners)
SELECT p.module_key, q.key, chosen.value, t.language, p.region_id, COALESCE(p.sector_id, 0),
   p.organisation_size,
   CASE WHEN p.completed_language = '' THEN p.started_language ELSE p.completed_language END,
   count(*)
FROM learning_quizattempt t
JOIN learning_moduleprogress p ON p.id = t.progress_id AND p.module_key = t.module_key
CROSS JOIN LATERAL jsonb_each(t.answers) q
CROSS JOIN LATERAL jsonb_array_elements_text(q.value) chosen
WHERE p.counts_in_statistics AND p.region_id IS NOT NULL AND t.number = 1
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
UNION ALL
SELECT p.module_key, q.key, '', t.language, p.region_id, COALESCE(p.sector_id, 0),
   p.organisation_size,
   CASE WHEN p.completed_language = '' THEN p.started_language ELSE p.completed_language END,
   count(*)
FROM learning_quizattempt t
JOIN learning_moduleprogress p ON p.id = t.progress_id AND p.module_key = t.module_key
CROSS JOIN LATERAL jsonb_each(t.answers) q
WHERE p.counts_in_statistics AND p.region_id IS NOT NULL AND t.number = 1
  AND jsonb_array_length(q.value) > 0
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
"""


# The situation cells again from the rows, as `learning.statistics.rebuild`
# computes them: with the sub-region (forwards) or without (backwards).
SITUATION_CELLS = [
    "TRUNCATE learning_statisticssituationcell",
    """
INSERT INTO learning_statisticssituationcell
  (learner, region_id, sector_id, organisation_size, subregion_id,
   rows, completed, score_sum, score_count, first_tries, first_passes, shared)
SELECT COALESCE(p.user_id, 0), p.region_id, COALESCE(p.sector_id, 0), p.organisation_size,
   {subregion},
   count(*), count(p.completed_at),
   COALESCE(sum(p.best_score) FILTER (WHERE p.completed_at IS NOT NULL), 0),
   count(p.best_score) FILTER (WHERE p.completed_at IS NOT NULL),
   count(p.first_attempt_passed), count(*) FILTER (WHERE p.first_attempt_passed), false
FROM learning_moduleprogress p
WHERE p.counts_in_statistics AND p.region_id IS NOT NULL
GROUP BY 1, 2, 3, 4, 5 ORDER BY 1
""",
    """
UPDATE learning_statisticssituationcell t SET shared = true FROM (
  SELECT learner FROM learning_statisticssituationcell GROUP BY learner HAVING count(*) > 1
) m WHERE m.learner = t.learner
""",
]
SITUATION_CELLS_BY_SUBREGION = [
    sql.replace("{subregion}", "COALESCE(p.subregion_id, 0)") for sql in SITUATION_CELLS
]
SITUATION_CELLS_0002 = [sql.replace("{subregion}", "0") for sql in SITUATION_CELLS]


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0006_statistics_read_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="StatisticsOptionCell",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("region_id", models.BigIntegerField()),
                ("sector_id", models.BigIntegerField()),
                ("organisation_size", models.CharField(max_length=10)),
                ("language", models.CharField(max_length=7)),
                ("module_key", models.UUIDField()),
                ("question_id", models.CharField(max_length=64)),
                ("choice", models.CharField(max_length=64)),
                ("answer_language", models.CharField(max_length=7)),
                ("learners", models.IntegerField(default=0)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=(
                            "module_key",
                            "question_id",
                            "choice",
                            "answer_language",
                            "region_id",
                            "sector_id",
                            "organisation_size",
                            "language",
                        ),
                        name="statistics_option_cell_key",
                    )
                ],
            },
        ),
        # No attempt or progress row may change until the cells are filled.
        RunSQLOnPostgreSQL(sql=[LOCK], reverse_sql=migrations.RunSQL.noop),
        migrations.AddField(
            model_name="statisticssituationcell",
            name="subregion_id",
            field=models.BigIntegerField(default=0),
        ),
        migrations.RemoveConstraint(
            model_name="statisticssituationcell",
            name="statistics_situation_cell_key",
        ),
        migrations.AddConstraint(
            model_name="statisticssituationcell",
            constraint=models.UniqueConstraint(
                fields=("learner", "region_id", "sector_id", "organisation_size", "subregion_id"),
                name="statistics_situation_cell_key",
            ),
        ),
        RunSQLOnPostgreSQL(
            sql=[PROGRESS_APPLY, PROGRESS_CHANGED, ATTEMPT_APPLY, ATTEMPT_CHANGED, ATTEMPT_TRIGGER],
            reverse_sql=[
                "DROP TRIGGER learning_stats_attempt ON learning_quizattempt",
                "DROP FUNCTION learning_stats_attempt_changed()",
                "DROP FUNCTION learning_stats_attempt_apply(learning_quizattempt, integer)",
                PROGRESS_CHANGED_0002,
                PROGRESS_APPLY_0002,
            ],
        ),
        RunSQLOnPostgreSQL(
            sql=[FILL, *SITUATION_CELLS_BY_SUBREGION],
            reverse_sql=[LOCK, *SITUATION_CELLS_0002],
        ),
    ]
