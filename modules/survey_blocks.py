"""StreamField blocks for awareness surveys.

Like quiz questions, survey questions and their options are blocks so that
wagtail-localize copies their ids unchanged into every translation: answers
given in any language are counted per question and per option. Settings that
decide how an answer is read (whether a question must be answered, the most
characters a free text may hold) are synchronised, not translated.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .blocks import MAX_CHOICES, MIN_CHOICES

LIKERT = "likert"
SURVEY_SINGLE_CHOICE = "single_choice"
SURVEY_MULTIPLE_CHOICE = "multiple_choice"
FREE_TEXT = "free_text"
# A free-text answer may hold at most this many characters, whatever the editor sets.
FREE_TEXT_LIMIT = 2000


class LikertStatementBlock(blocks.StructBlock):
    """A statement rated on the five-point agreement scale, from "Strongly
    disagree" (1) to "Strongly agree" (5); the scale's labels come from the
    interface translations, so every survey uses the same words."""

    statement = blocks.TextBlock(label=_("Statement"))
    required = blocks.BooleanBlock(label=_("An answer is required"), required=False, default=True)

    class Meta:
        icon = "list-ol"
        label = _("Agreement with a statement")


class SurveyOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Option"), max_length=300)

    class Meta:
        icon = "radio-full"
        label = _("Option")


class SurveyChoiceBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Question"))
    options = blocks.ListBlock(
        SurveyOptionBlock(), label=_("Options"), min_num=MIN_CHOICES, max_num=MAX_CHOICES
    )
    required = blocks.BooleanBlock(label=_("An answer is required"), required=False, default=True)


class SurveySingleChoiceBlock(SurveyChoiceBlock):
    class Meta:
        icon = "radio-empty"
        label = _("Single choice")


class SurveyMultipleChoiceBlock(SurveyChoiceBlock):
    class Meta:
        icon = "tasks"
        label = _("Multiple choice")


class FreeTextBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Question"))
    max_length = blocks.IntegerBlock(
        label=_("At most this many characters"),
        default=1000,
        min_value=50,
        max_value=FREE_TEXT_LIMIT,
    )

    class Meta:
        icon = "edit"
        label = _("Free text (optional for respondents)")


class SurveyStreamBlock(blocks.StreamBlock):
    likert = LikertStatementBlock()
    single_choice = SurveySingleChoiceBlock()
    multiple_choice = SurveyMultipleChoiceBlock()
    free_text = FreeTextBlock()

    class Meta:
        min_num = 1
        max_num = 40
        collapsed = True
