"""What each figure of the statistics and organisation reports is: one name, one definition.

The reports take their column headings and card labels from here, show the
definitions under their tables and write them into their exports, so that
a figure cannot be called one thing on the page and another in a download,
and "completed at least one module" is never mistaken for "completed the
programme". A name or definition holding `%(k)s`, `%(language)s` or
`%(programme)s` is completed by `name` and `definition`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Definition:
    name: Promise
    definition: Promise

    def name_text(self, **values) -> str:
        """The name in the active language, its placeholders (`%(k)s`) filled."""
        return _filled(self.name, values)

    def definition_text(self, **values) -> str:
        """The definition in the active language, its placeholders filled."""
        return _filled(self.definition, values)


def _filled(text: Promise, values: dict) -> str:
    return str(text) % values if values else str(text)


FIGURES: dict[str, Definition] = {
    # The learners' statistics: overview, breakdowns, completions over time.
    "registered": Definition(
        _("Learners registered"),
        _(
            "Learners of the regions you may see who consented to statistics and match the "
            "filters on the learner (region, sector, organisation size, language), registered "
            "by the end date if one is set."
        ),
    ),
    "started": Definition(
        _("Learners who started a module"),
        _(
            "Learners who started at least one module matching the filters, counted once each "
            "(in a breakdown, in the row's group: by module, that module; by programme, one of "
            "its modules)."
        ),
    ),
    "completed": Definition(
        _("Learners who completed at least one module"),
        _(
            "Learners who completed at least one module matching the filters, counted once "
            "each (in a breakdown, in the row's group): it is not the number who completed a "
            "whole programme."
        ),
    ),
    "completion_rate": Definition(
        _("Share of starters who completed at least one module (%)"),
        _(
            "“Learners who completed at least one module” divided by “Learners who started a "
            "module”, as a percentage: it is not the share who completed a programme."
        ),
    ),
    "completions": Definition(
        _("Module completions"),
        _(
            "Modules completed by the learners counted: a learner who completed two modules "
            "counts twice."
        ),
    ),
    "average_best_score": Definition(
        _("Average best score (%)"),
        _(
            "The mean, over completed modules, of the learner's best quiz score in the "
            "module, as a percentage."
        ),
    ),
    "first_attempt_pass_rate": Definition(
        _("First-attempt pass rate (%)"),
        _("Of the learners' first quiz attempts at a module, the share that passed."),
    ),
    "currently_certified": Definition(
        _("Learners currently certified"),
        _(
            "Learners registered who hold a certificate that has not ended today: of the "
            "chosen module, of the chosen programme, or else of any module."
        ),
    ),
    # The overview's headline: the programme funnel's figures, for each programme
    # (a card each, named by `OVERVIEW_PROGRAMME_LABELS`).
    "overview_programme_completed": Definition(
        _("Learners who completed all of a programme"),
        _(
            "For each programme, the learners who completed every module it holds today, "
            "counted once each, as in the programme funnel: completing the programme."
        ),
    ),
    "overview_programme_completion_rate": Definition(
        _("Share of starters who completed all of a programme (%)"),
        _(
            "For each programme, the learners who completed every module of it divided by the "
            "learners who started at least one of its modules, as a percentage."
        ),
    ),
    "measure": Definition(_("Measure"), _("The figure, as named and defined here.")),
    "value": Definition(_("Value"), _("The figure's value, or the mark of a hidden figure.")),
    # The programme funnel, one row per programme.
    "programme_registered": Definition(
        _("Learners registered in its regions"),
        _(
            "Learners registered (as in the overview) in the regions the programme is offered "
            "in, or in all your regions if it names none."
        ),
    ),
    "programme_started": Definition(
        _("Learners who started it"),
        _("Learners who started at least one of the programme's modules, counted once each."),
    ),
    "programme_completed": Definition(
        _("Learners who completed all of it"),
        _(
            "Learners who completed every module the programme holds today, counted once each: "
            "completing the programme."
        ),
    ),
    "programme_completion_rate": Definition(
        _("Share of starters who completed all of it (%)"),
        _(
            "“Learners who completed all of it” divided by “Learners who started it”, as a "
            "percentage."
        ),
    ),
    # Completions over time.
    "period": Definition(
        _("Period starting"),
        _("The first day of the month, or the Monday of the week, that the row counts."),
    ),
    "period_completed": Definition(
        _("Learners who completed a module in the period"),
        _(
            "Learners who completed at least one module in the period, counted once per "
            "period: a learner who completed modules in two periods counts in both."
        ),
    ),
    "period_cumulative": Definition(
        _("Learners who completed a module, running total"),
        _(
            "“Learners who completed a module in the period” added up over this period and "
            "every earlier one shown: a learner who completed modules in two periods counts "
            "twice. Hidden from the first period whose figure is hidden on: it would give that "
            "figure away by subtraction."
        ),
    ),
    # The groups of the breakdowns.
    "region": Definition(_("Region"), _("The region given in the learner's profile.")),
    "subregion": Definition(
        _("Sub-region"),
        _(
            "The sub-region given in the learner's profile, with its region; a region's "
            "learners who gave none are its “Not given” row, and a region's rows add up to "
            "its row in “By region”."
        ),
    ),
    "programme": Definition(_("Programme"), _("The programme, by its title.")),
    "module": Definition(_("Module"), _("The module, by its title.")),
    "sector": Definition(_("Sector"), _("The sector given in the learner's profile.")),
    "language": Definition(_("Language"), _("The learner's preferred language.")),
    "organisation_size": Definition(
        _("Organisation size"), _("The size of the learner's organisation, as they gave it.")
    ),
    # Question analysis.
    "question_position": Definition(_("No."), _("The question's place in the module's quiz.")),
    "question_prompt": Definition(
        _("Question"),
        _("The question as the module's version in your admin language asks it, or another."),
    ),
    "question_learners": Definition(
        _("Learners who answered"),
        _("Learners who answered the question in at least one attempt, counted once each."),
    ),
    "question_answers": Definition(
        _("Answers"), _("Answers given to the question, one per attempt.")
    ),
    "question_correct_rate": Definition(
        _("Answered right, all languages (%)"),
        _("Right answers divided by all answers to the question, as a percentage."),
    ),
    "question_language_rate": Definition(
        _("Answered right in %(language)s (%%)"),
        _("Right answers divided by the answers given in a quiz in %(language)s, as a percentage."),
    ),
    "question_language_learners": Definition(
        _("Learners who answered in %(language)s"),
        _("Learners who answered the question in a quiz in %(language)s, counted once each."),
    ),
    "question_language_answers": Definition(
        _("Answers in %(language)s"),
        _("Answers given to the question in a quiz in %(language)s, one per attempt."),
    ),
    "question_respondents": Definition(
        _("Learners who answered on their first attempt"),
        _("Learners whose first attempt at the quiz answered the question, counted once each."),
    ),
    "question_option": Definition(
        _("Option"), _("One of the answers the question offers, as your admin language gives it.")
    ),
    "question_right_option": Definition(
        _("Right option"), _("Whether the option is a right answer to the question.")
    ),
    "question_chosen": Definition(
        _("Learners who chose it on their first attempt"),
        _("Learners who ticked the option on their first attempt at the quiz, counted once each."),
    ),
    "question_chosen_share": Definition(
        _("Chose it on their first attempt (%)"),
        _(
            "“Learners who chose it on their first attempt” divided by “Learners who answered on "
            "their first attempt”, as a percentage; with several right options the shares add up "
            "to more than 100."
        ),
    ),
    # The organisation reports.
    "org_enrolled": Definition(
        _("Organisations enrolled"),
        _("Verified organisations of your regions enrolled in the programme."),
    ),
    "org_small": Definition(
        _("Of which with fewer than %(k)s staff counted (no status)"),
        _(
            "Enrolled organisations with fewer than %(k)s staff who consented to statistics: "
            "they get no status and count neither as active nor as at the target."
        ),
    ),
    "org_active": Definition(
        _("Active: a member started"),
        _(
            "Organisations with at least %(k)s staff counted, at least one of whom started a "
            "module of the programme."
        ),
    ),
    "org_at_target": Definition(
        _("At the target"),
        _(
            "Organisations with at least %(k)s staff counted, where the share of them who "
            "completed every module of the programme reaches its team completion target."
        ),
    ),
    "org_organisation": Definition(_("Organisation"), _("The organisation's registered name.")),
    "org_region": Definition(_("Region"), _("The organisation's region.")),
    "org_sector": Definition(_("Sector"), _("The organisation's sector.")),
    "org_size": Definition(_("Organisation size"), _("The organisation's size, as registered.")),
    "org_programme": Definition(
        _("Programme"), _("The programme the organisation is enrolled in.")
    ),
    "org_due_date": Definition(
        _("Due date"), _("The day by which the organisation is to complete the programme.")
    ),
    "org_staff": Definition(
        _("Staff counted"),
        _(
            "The organisation's staff who consented to statistics, as a band: fewer than "
            "%(k)s, or a range."
        ),
    ),
    "org_status": Definition(
        _("Completion status"),
        _(
            "Not started, in progress, at the target or all completed, from the staff counted "
            "who started or completed every module; none below %(k)s staff counted."
        ),
    ),
    "org_overdue": Definition(
        _("Overdue"),
        _(
            "Whether the due date has passed without every member counted completing the "
            "programme; none below %(k)s staff counted."
        ),
    ),
}


# The overview's card of one programme, for each of the two figures above.
OVERVIEW_PROGRAMME_LABELS: dict[str, Promise] = {
    "overview_programme_completed": _("Learners who completed all of %(programme)s"),
    "overview_programme_completion_rate": _(
        "Share of starters who completed all of %(programme)s (%%)"
    ),
}


def name(key: str, **values) -> str:
    """The figure's name, in the active language, with its placeholders filled."""
    return FIGURES[key].name_text(**values)


def definition(key: str, **values) -> str:
    """The figure's definition, in the active language, with its placeholders filled."""
    return FIGURES[key].definition_text(**values)
