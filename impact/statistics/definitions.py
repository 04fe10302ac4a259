"""What each figure of the impact reports is: one name, one definition.

The same `Definition` as the learners' statistics (`learning.statistics.definitions`),
so that the reports name a figure one way on the page, in the export and in
the programme report. A text holding `%(k)s` is completed by the
definition's `name_text` and `definition_text`.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from learning.statistics.definitions import FIGURES as LEARNER_FIGURES
from learning.statistics.definitions import Definition

FIGURES: dict[str, Definition] = {
    # The groups, as in the learners' breakdowns but read from the check records.
    "region": Definition(
        _("Region"), _("The region in the learner's profile when they took the check.")
    ),
    "subregion": Definition(
        _("Sub-region"),
        _(
            "The sub-region in the learner's profile when they took the check, with its "
            "region; a region's learners who gave none are its “Not given” row."
        ),
    ),
    "sector": Definition(
        _("Sector"), _("The sector in the learner's profile when they took the check.")
    ),
    "organisation_size": Definition(
        _("Organisation size"),
        _("The size of the learner's organisation when they took the check, as they gave it."),
    ),
    "language": Definition(_("Language"), _("The language the learner took the check in.")),
    "programme": LEARNER_FIGURES["programme"],
    # Learning gain.
    "gain_learners": Definition(
        _("Learners with both checks"),
        _(
            "Learners who took both the baseline check and the final check of the programme, "
            "counted once per programme: only they count in the scores and the gain."
        ),
    ),
    "baseline_only": Definition(
        _("Learners with the baseline check only"),
        _(
            "Learners who took the baseline check but not yet the final check: they do not "
            "count in the scores or the gain."
        ),
    ),
    "mean_baseline": Definition(
        _("Mean baseline score (%)"),
        _(
            "The mean of the baseline scores of the learners with both checks; a score is the "
            "share of the check's questions answered right, in percent, rounded down."
        ),
    ),
    "mean_final": Definition(
        _("Mean final score (%)"),
        _("The mean of the final scores of the learners with both checks."),
    ),
    "normalised_gain": Definition(
        _("Normalised learning gain (%)"),
        _(
            "(mean final score − mean baseline score) / (100 − mean baseline score), in "
            "percent: the share of what the group did not know before that it knew after. "
            "None when the mean baseline score is 100."
        ),
    ),
    "retention_learners": Definition(
        _("Learners with the final and retention checks"),
        _(
            "Learners who took both the final check and, weeks later, the retention check, "
            "counted once per programme."
        ),
    ),
    "mean_retention": Definition(
        _("Mean retention score (%)"),
        _("The mean of the retention scores of the learners with the final and retention checks."),
    ),
    "retention_rate": Definition(
        _("Retention (%)"),
        _(
            "The mean retention score divided by the mean final score of the same learners, in "
            "percent: how much of what they knew at the end they still knew weeks later."
        ),
    ),
    # Survey results.
    "survey_question": Definition(_("Question"), _("The survey question, as it asks it.")),
    "survey_group": Definition(
        _("Group"),
        _(
            "“All respondents” for the question's figures, or the region, sector or "
            "organisation size of the respondents counted in the row."
        ),
    ),
    "survey_respondents": Definition(
        _("Respondents"),
        _(
            "Responses that answered the question: one per person for a survey answered "
            "signed in, one per submitted form for an anonymous survey."
        ),
    ),
    "survey_answer": Definition(
        _("Answer"),
        _(
            "A level of the agreement scale, one of the options, or a free-text answer "
            "(listed only under the free-text rule)."
        ),
    ),
    "survey_chosen": Definition(
        _("Respondents who gave it"),
        _("Respondents who chose the level or the option, counted once each."),
    ),
    "survey_share": Definition(
        _("Share of respondents (%)"),
        _(
            "“Respondents who gave it” divided by the question's “Respondents”, as a "
            "percentage; with several options allowed the shares add up to more than 100."
        ),
    ),
}
