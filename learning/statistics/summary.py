"""Keeping the statistics cells (learning.models.statistics) exact on PostgreSQL.

Row triggers on progress rows and answers add each row's contribution to
its cells and take away the old one, in the same transaction as the write,
so a report reading the cells sees exactly what a query over the rows would.
Whatever writes the rows (the learner's quiz, erasure, the admin, bulk
loads, a test) goes through the triggers. Each cell belongs to one learner
or counts rows only, so concurrent writes of different learners never wait
for each other.

`rebuild()` recomputes every cell from the rows (`manage.py
refresh_statistics`); bulk loads switch the triggers off for their own
transaction (`bulk_load()`) and rebuild at the end.

The period cells are cut in one time zone, and the programme cells follow
the programmes' modules as they were at the last rebuild; the reports check
both and fall back to the live query when they no longer match, so a
figure is never stale.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import connection, connections, transaction
from django.utils import timezone

# Off while comparing the cells with the live queries (tests, checks).
_enabled: ContextVar[bool] = ContextVar("statistics_cells_enabled", default=True)

# Set (with SET LOCAL) by bulk loads that rebuild the cells afterwards.
BULK_SETTING = "learning.statistics_bulk_load"

_LANGUAGE = "CASE WHEN {r}.completed_language = '' THEN {r}.started_language ELSE {r}.completed_language END"

# Any number for the advisory locks taken while a learner's new cell is checked
# against their other cells, so two transactions cannot both miss each other's.
_LOCK_CLASS = 51247

_TOTALS = (
    "rows = c.rows + EXCLUDED.rows, completed = c.completed + EXCLUDED.completed, "
    "score_sum = c.score_sum + EXCLUDED.score_sum, "
    "score_count = c.score_count + EXCLUDED.score_count"
)
_FIRST_TRIES = (
    "first_tries = c.first_tries + EXCLUDED.first_tries, "
    "first_passes = c.first_passes + EXCLUDED.first_passes"
)


def _mark_shared(table: str, same: str) -> str:
    """plpgsql: after `created`, flag the learner's cells when they have more than one
    (`same`: the columns that must also match, as `o.col = t.col AND ...`)."""
    return f"""
  IF created THEN
    PERFORM pg_advisory_xact_lock({_LOCK_CLASS}, who::integer);
    UPDATE {table} t SET shared = true
    WHERE t.learner = who AND NOT t.shared AND EXISTS (
      SELECT 1 FROM {table} o WHERE o.learner = t.learner AND o.id <> t.id {same});
  END IF;"""  # noqa: S608 - table names and columns are constants


def _install_sql(time_zone: str) -> str:
    tz = time_zone.replace("'", "''")
    lang = _LANGUAGE.format(r="r")
    return f"""
DROP FUNCTION IF EXISTS learning_stats_progress_apply(learning_moduleprogress, integer);
CREATE OR REPLACE FUNCTION learning_stats_progress_apply(
  r learning_moduleprogress, sign integer, with_answers boolean)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  lang text := {lang};
  who bigint := COALESCE(r.user_id, 0);
  sec bigint := COALESCE(r.sector_id, 0);
  done integer := CASE WHEN r.completed_at IS NOT NULL THEN 1 ELSE 0 END;
  scored integer := CASE WHEN r.completed_at IS NOT NULL AND r.best_score IS NOT NULL THEN 1 ELSE 0 END;
  score bigint := CASE WHEN r.completed_at IS NOT NULL THEN COALESCE(r.best_score, 0) ELSE 0 END;
  tried integer := CASE WHEN r.first_attempt_passed IS NOT NULL THEN 1 ELSE 0 END;
  passed integer := CASE WHEN r.first_attempt_passed THEN 1 ELSE 0 END;
  local_time timestamp;
  created boolean;
  kind_name text;
  day date;
  programme uuid;
BEGIN
  IF NOT r.counts_in_statistics OR r.region_id IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO learning_statisticssituationcell AS c
    (learner, region_id, sector_id, organisation_size,
     rows, completed, score_sum, score_count, first_tries, first_passes, shared)
  VALUES (who, r.region_id, sec, r.organisation_size,
     sign, sign * done, sign * score, sign * scored, sign * tried, sign * passed, false)
  ON CONFLICT (learner, region_id, sector_id, organisation_size) DO UPDATE SET
    {_TOTALS}, {_FIRST_TRIES}
  RETURNING xmax = 0 INTO created;
  {_mark_shared("learning_statisticssituationcell", "")}
  INSERT INTO learning_statisticslearnercell AS c
    (learner, region_id, sector_id, organisation_size, language,
     rows, completed, score_sum, score_count, first_tries, first_passes, shared)
  VALUES (who, r.region_id, sec, r.organisation_size, lang,
     sign, sign * done, sign * score, sign * scored, sign * tried, sign * passed, false)
  ON CONFLICT (learner, region_id, sector_id, organisation_size, language) DO UPDATE SET
    {_TOTALS}, {_FIRST_TRIES}
  RETURNING xmax = 0 INTO created;
  {_mark_shared("learning_statisticslearnercell", "AND o.language = t.language AND t.language = lang")}
  INSERT INTO learning_statisticsmodulecell AS c
    (module_key, region_id, sector_id, organisation_size, language,
     rows, completed, score_sum, score_count)
  VALUES (r.module_key, r.region_id, sec, r.organisation_size, lang,
     sign, sign * done, sign * score, sign * scored)
  ON CONFLICT (module_key, region_id, sector_id, organisation_size, language) DO UPDATE SET
    {_TOTALS};
  IF done = 1 THEN
    local_time := r.completed_at AT TIME ZONE '{tz}';
    FOREACH kind_name IN ARRAY ARRAY['month', 'week'] LOOP
      day := date_trunc(kind_name, local_time)::date;
      INSERT INTO learning_statisticsperiodcell AS c
        (kind, learner, period, region_id, sector_id, organisation_size, completions, shared)
      VALUES (kind_name, who, day, r.region_id, sec, r.organisation_size, sign, false)
      ON CONFLICT (kind, learner, period, region_id, sector_id, organisation_size)
      DO UPDATE SET completions = c.completions + EXCLUDED.completions
      RETURNING xmax = 0 INTO created;
      {_mark_shared("learning_statisticsperiodcell", "AND o.kind = t.kind AND o.period = t.period AND t.kind = kind_name AND t.period = day")}
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
    DO UPDATE SET {_TOTALS}
    RETURNING xmax = 0 INTO created;
    {_mark_shared("learning_statisticsprogrammecell", "AND o.programme_key = t.programme_key AND t.programme_key = programme")}
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
END $$;

CREATE OR REPLACE FUNCTION learning_stats_progress_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  -- Answers move between question cells only when the row's situation
  -- changes: not on most updates (a new best score, one more attempt).
  moved boolean := TG_OP <> 'UPDATE' OR
    (OLD.module_key, OLD.region_id, OLD.sector_id, OLD.organisation_size,
     OLD.counts_in_statistics, {_LANGUAGE.format(r="OLD")})
    IS DISTINCT FROM
    (NEW.module_key, NEW.region_id, NEW.sector_id, NEW.organisation_size,
     NEW.counts_in_statistics, {_LANGUAGE.format(r="NEW")});
BEGIN
  IF current_setting('{BULK_SETTING}', true) = 'on' THEN
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
END $$;

CREATE OR REPLACE FUNCTION learning_stats_result_apply(a learning_questionresult, sign integer)
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
     r.organisation_size, {_LANGUAGE.format(r="r")},
     CASE WHEN same_language = (CASE WHEN sign = 1 THEN 1 ELSE 0 END) THEN sign ELSE 0 END,
     sign, CASE WHEN a.is_correct THEN sign ELSE 0 END),
    (a.module_key, a.question_id, '', r.region_id, COALESCE(r.sector_id, 0),
     r.organisation_size, {_LANGUAGE.format(r="r")},
     CASE WHEN same_question = (CASE WHEN sign = 1 THEN 1 ELSE 0 END) THEN sign ELSE 0 END,
     sign, CASE WHEN a.is_correct THEN sign ELSE 0 END)
  ON CONFLICT (module_key, question_id, answer_language, region_id, sector_id, organisation_size, language)
  DO UPDATE SET
    learners = c.learners + EXCLUDED.learners, answers = c.answers + EXCLUDED.answers,
    correct = c.correct + EXCLUDED.correct;
END $$;

CREATE OR REPLACE FUNCTION learning_stats_result_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('{BULK_SETTING}', true) = 'on' THEN
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
END $$;

DROP TRIGGER IF EXISTS learning_stats_progress ON learning_moduleprogress;
CREATE TRIGGER learning_stats_progress
  AFTER INSERT OR UPDATE OR DELETE ON learning_moduleprogress
  FOR EACH ROW EXECUTE FUNCTION learning_stats_progress_changed();
DROP TRIGGER IF EXISTS learning_stats_result ON learning_questionresult;
CREATE TRIGGER learning_stats_result
  AFTER INSERT OR UPDATE OR DELETE ON learning_questionresult
  FOR EACH ROW EXECUTE FUNCTION learning_stats_result_changed();
"""  # noqa: S608 - the time zone is quoted, the rest is constant


UNINSTALL_SQL = """
DROP TRIGGER IF EXISTS learning_stats_progress ON learning_moduleprogress;
DROP TRIGGER IF EXISTS learning_stats_result ON learning_questionresult;
DROP FUNCTION IF EXISTS learning_stats_progress_changed();
DROP FUNCTION IF EXISTS learning_stats_result_changed();
DROP FUNCTION IF EXISTS learning_stats_progress_apply(learning_moduleprogress, integer);
DROP FUNCTION IF EXISTS learning_stats_progress_apply(learning_moduleprogress, integer, boolean);
DROP FUNCTION IF EXISTS learning_stats_result_apply(learning_questionresult, integer);
"""

_COUNTING = "counts_in_statistics AND region_id IS NOT NULL"
_SITUATION = "COALESCE(user_id, 0), region_id, COALESCE(sector_id, 0), organisation_size"
_ROW_TOTALS = """count(*), count(completed_at),
      COALESCE(sum(best_score) FILTER (WHERE completed_at IS NOT NULL), 0),
      count(best_score) FILTER (WHERE completed_at IS NOT NULL)"""
_SHARED = """
    UPDATE {table} t SET shared = true FROM (
      SELECT learner{same} FROM {table} GROUP BY learner{same} HAVING count(*) > 1
    ) m WHERE m.learner = t.learner{join}
"""


def _shared(table: str, *same: str) -> str:
    return _SHARED.format(
        table=table,
        same="".join(f", {c}" for c in same),
        join="".join(f" AND m.{c} = t.{c}" for c in same),
    )


_PROGRAMME_SQL = [
    f"""
    INSERT INTO learning_statisticsprogrammecell
      (programme_key, learner, region_id, sector_id, organisation_size,
       rows, completed, score_sum, score_count, shared)
    SELECT pm.programme_key, {_SITUATION}, {_ROW_TOTALS}, false
    FROM learning_moduleprogress p
    JOIN learning_statisticsprogrammemodule pm ON pm.module_key = p.module_key
    WHERE {_COUNTING}
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1
    """,  # noqa: S608
    _shared("learning_statisticsprogrammecell", "programme_key"),
]

_REBUILD_SQL = [
    "LOCK TABLE learning_moduleprogress, learning_questionresult IN SHARE MODE",
    "TRUNCATE learning_statisticssituationcell, learning_statisticslearnercell, "
    "learning_statisticsperiodcell, learning_statisticsmodulecell, "
    "learning_statisticsprogrammecell, learning_statisticsquestioncell",
    f"""
    INSERT INTO learning_statisticssituationcell
      (learner, region_id, sector_id, organisation_size,
       rows, completed, score_sum, score_count, first_tries, first_passes, shared)
    SELECT {_SITUATION}, {_ROW_TOTALS},
      count(first_attempt_passed), count(*) FILTER (WHERE first_attempt_passed), false
    FROM learning_moduleprogress p WHERE {_COUNTING}
    GROUP BY 1, 2, 3, 4 ORDER BY 1
    """,  # noqa: S608 - names and fragments are constants
    _shared("learning_statisticssituationcell"),
    f"""
    INSERT INTO learning_statisticslearnercell
      (learner, region_id, sector_id, organisation_size, language,
       rows, completed, score_sum, score_count, first_tries, first_passes, shared)
    SELECT {_SITUATION}, {_LANGUAGE.format(r="p")}, {_ROW_TOTALS},
      count(first_attempt_passed), count(*) FILTER (WHERE first_attempt_passed), false
    FROM learning_moduleprogress p WHERE {_COUNTING}
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1
    """,  # noqa: S608
    _shared("learning_statisticslearnercell", "language"),
    f"""
    INSERT INTO learning_statisticsmodulecell
      (module_key, region_id, sector_id, organisation_size, language,
       rows, completed, score_sum, score_count)
    SELECT module_key, region_id, COALESCE(sector_id, 0), organisation_size,
      {_LANGUAGE.format(r="p")}, {_ROW_TOTALS}
    FROM learning_moduleprogress p WHERE {_COUNTING}
    GROUP BY 1, 2, 3, 4, 5
    """,  # noqa: S608
    f"""
    INSERT INTO learning_statisticsperiodcell
      (kind, learner, region_id, sector_id, organisation_size, period, completions, shared)
    SELECT kind, {_SITUATION}, date_trunc(kind, completed_at AT TIME ZONE %(tz)s)::date,
      count(*), false
    FROM learning_moduleprogress p CROSS JOIN (VALUES ('month'), ('week')) AS kinds (kind)
    WHERE {_COUNTING} AND completed_at IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 6
    """,  # noqa: S608
    _shared("learning_statisticsperiodcell", "kind", "period"),
    *_PROGRAMME_SQL,
    *[
        f"""
    INSERT INTO learning_statisticsquestioncell
      (module_key, question_id, answer_language, region_id, sector_id, organisation_size,
       language, learners, answers, correct)
    SELECT p.module_key, a.question_id, {answer_language}, p.region_id,
      COALESCE(p.sector_id, 0), p.organisation_size, {_LANGUAGE.format(r="p")},
      count(DISTINCT p.id), count(*), count(*) FILTER (WHERE a.is_correct)
    FROM learning_questionresult a
    JOIN learning_moduleprogress p ON p.id = a.progress_id AND p.module_key = a.module_key
    WHERE p.counts_in_statistics AND p.region_id IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    """  # noqa: S608
        # Per answer language, then all languages together.
        for answer_language in ("a.language", "''")
    ],
]

CELL_TABLES = (
    "situationcell",
    "learnercell",
    "periodcell",
    "modulecell",
    "programmecell",
    "questioncell",
)


def install(time_zone: str | None = None) -> None:
    """Create (or replace) the triggers, cutting periods in `time_zone`."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(_install_sql(time_zone or settings.TIME_ZONE))


def uninstall() -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(UNINSTALL_SQL)


def programme_pairs() -> set[tuple]:
    """(programme key, module key) for every module of every programme."""
    from modules.models import ProgrammeModule

    return set(
        ProgrammeModule.objects.values_list(
            "programme__translation_key", "module__translation_key"
        ).distinct()
    )


def _snapshot_programmes() -> None:
    from ..models import StatisticsProgrammeModule

    StatisticsProgrammeModule.objects.all().delete()
    StatisticsProgrammeModule.objects.bulk_create(
        StatisticsProgrammeModule(programme_key=p, module_key=m)
        for p, m in programme_pairs()
        if p is not None and m is not None
    )


def rebuild_programmes() -> None:
    """Recompute the programme cells only, after programmes changed their modules."""
    if connection.vendor != "postgresql":
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '256MB'")
        # The programme cells follow progress rows: none may change meanwhile.
        cursor.execute("LOCK TABLE learning_moduleprogress IN SHARE MODE")
        cursor.execute("TRUNCATE learning_statisticsprogrammecell")
        _snapshot_programmes()
        for sql in _PROGRAMME_SQL:
            cursor.execute(sql)


def rebuild() -> None:
    """Recompute every cell from the progress rows and answers (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return
    from ..models import StatisticsSummaryState

    time_zone = settings.TIME_ZONE
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '256MB'")
        install(time_zone)
        _snapshot_programmes()
        for sql in _REBUILD_SQL:
            cursor.execute(sql.replace("%(tz)s", "%s"), [time_zone] if "%(tz)s" in sql else None)
        StatisticsSummaryState.objects.all().delete()
        StatisticsSummaryState.objects.create(time_zone=time_zone, built_at=timezone.now())
    with connection.cursor() as cursor:
        for table in CELL_TABLES:
            cursor.execute(f"ANALYZE learning_statistics{table}")


@contextmanager
def bulk_load():
    """For a transaction that loads many rows and calls `rebuild()` afterwards:
    the triggers skip its rows (a rebuild is far cheaper than a million
    trigger calls)."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config(%s, 'on', true)", [BULK_SETTING])
    try:
        yield
    finally:
        # Off again, should the transaction go on with other writes.
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, 'off', true)", [BULK_SETTING])


def in_use() -> bool:
    """Whether reports can read the cells: on PostgreSQL, where the triggers keep them."""
    from .routing import statistics_database

    return connections[statistics_database()].vendor == "postgresql" and _enabled.get()


@contextmanager
def live_queries():
    """Reports inside this block read the progress rows, never the cells."""
    token = _enabled.set(False)
    try:
        yield
    finally:
        _enabled.reset(token)


def periods_usable() -> bool:
    """The period cells answer only in the time zone they were cut in."""
    from ..models import StatisticsSummaryState

    if not in_use():
        return False
    state = StatisticsSummaryState.objects.order_by("-built_at").first()
    return state is not None and state.time_zone == timezone.get_current_timezone_name()


def programmes_current() -> bool:
    """Whether the programme cells were built with every programme's current modules."""
    from ..models import StatisticsProgrammeModule

    built = set(StatisticsProgrammeModule.objects.values_list("programme_key", "module_key"))
    return built == {(p, m) for p, m in programme_pairs() if p is not None and m is not None}


def programmes_usable(pairs: dict) -> bool:
    """The programme cells answer only while programmes keep the modules they were built with."""
    from ..models import StatisticsProgrammeModule

    if not in_use():
        return False
    built: dict = {}
    for programme_key, module_key in StatisticsProgrammeModule.objects.values_list(
        "programme_key", "module_key"
    ):
        built.setdefault(programme_key, set()).add(module_key)
    return all(built.get(key) == set(modules) for key, modules in pairs.items())
