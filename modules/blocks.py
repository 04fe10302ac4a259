"""StreamField blocks for lessons and quizzes.

Quiz questions are StreamField blocks rather than inline models: a block's
id is copied unchanged into every translation by wagtail-localize and kept
across edits and syncs, so a question and each of its choices keep one
identity in all languages. `is_correct` is a BooleanBlock, which
wagtail-localize synchronises instead of offering it for translation.
See docs/architecture.md.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import blocks
from wagtail.admin.telepath import register
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockAdapter, StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

INLINE_FEATURES = ["bold", "italic", "link", "ol", "ul"]
MIN_CHOICES = 2
MAX_CHOICES = 8


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video URL"), help_text=_("A YouTube, Vimeo or similar link."))
    title = blocks.CharBlock(
        label=_("Title"), max_length=200, help_text=_("Names the video for screen readers.")
    )
    transcript = blocks.TextBlock(label=_("Transcript"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("tip", _("Tip")), ("warning", _("Warning"))],
        default="tip",
    )
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "blocks/callout.html"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    items = blocks.ListBlock(blocks.TextBlock(label=_("Item"), max_length=300), label=_("Items"))

    class Meta:
        icon = "list-ul"
        label = _("Checklist")
        template = "blocks/checklist.html"


class TakeawaysBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(blocks.CharBlock(label=_("Takeaway"), max_length=300), **kwargs)

    class Meta:
        icon = "pick"
        label = _("Key takeaways")
        template = "blocks/takeaways.html"


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=INLINE_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph.html",
    )
    image = ImageWithCaptionBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    checklist = ChecklistBlock()
    takeaways = TakeawaysBlock()


class LessonSectionWidget(forms.TextInput):
    """A text input that the admin script replaces with a list of the lesson's headings.

    The input itself stays (hidden) and holds the value: Wagtail's block
    widgets read and restore their state through it, while the headings are
    only known in the browser, where the editor may be changing them.
    """

    def __init__(self, attrs=None):
        super().__init__(
            {
                "data-controller": "lesson-section",
                "data-lesson-section-none-value": _("No particular section"),
                "data-lesson-section-missing-value": _("A section that is no longer in the lesson"),
                **(attrs or {}),
            }
        )


class LessonSectionBlock(blocks.FieldBlock):
    """The id of a `heading` block in the same module's lesson, or empty.

    Block ids are the same in every translation, so the reference holds in
    all languages. Deliberately not a CharBlock: wagtail-localize offers
    CharBlocks for translation and copies other field blocks unchanged.
    That the heading exists is checked by `ModulePage.clean`, which sees the
    lesson; a block on its own cannot.
    """

    def __init__(self, required=False, help_text=None, **kwargs):
        self.field = forms.CharField(
            required=required, max_length=64, help_text=help_text, widget=LessonSectionWidget()
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "title"
        default = ""


def _lesson_section_block() -> LessonSectionBlock:
    return LessonSectionBlock(
        label=_("Lesson section this question tests"),
        help_text=_("Learners who miss this question can be sent back to this section."),
    )


class AnswerOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    is_correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.TextBlock(
        label=_("Feedback"),
        required=False,
        help_text=_("Shown after submission to a learner who picked this answer."),
    )

    summary_kind = "answer"

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class ChoiceQuestionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Question"))
    # Answers fold in the editor once written (modules/static/modules/js/quiz-editor.js).
    choices = blocks.ListBlock(
        AnswerOptionBlock(), label=_("Answers"), min_num=MIN_CHOICES, max_num=MAX_CHOICES
    )
    explanation = blocks.TextBlock(
        label=_("Explanation"),
        required=False,
        help_text=_("Shown after submission, whatever the learner answered."),
    )
    section = _lesson_section_block()

    summary_kind = "choice"

    # Subclasses say how many correct answers a question may have.
    min_correct = 1
    max_correct: int | None = None

    def clean(self, value):
        # The answer rules are checked even when another field has an error,
        # so the editor sees every problem of the question at once.
        try:
            cleaned = super().clean(value)
            errors = {}
        except StructBlockValidationError as error:
            cleaned, errors = value, dict(error.block_errors)
        choices = list(cleaned["choices"])
        existing = errors.get("choices")
        non_block_errors = list(existing.non_block_errors.as_data()) if existing else []
        if len(choices) < MIN_CHOICES:
            # Instead of Wagtail's "The minimum number of items is 2".
            non_block_errors = [ValidationError(_("Give at least two answers to choose from."))]
        else:
            correct = sum(1 for choice in choices if choice["is_correct"])
            if correct < self.min_correct or (
                self.max_correct is not None and correct > self.max_correct
            ):
                non_block_errors.append(ValidationError(self.correct_count_message))
        if non_block_errors:
            errors["choices"] = ListBlockValidationError(
                block_errors=existing.block_errors if existing else None,
                non_block_errors=non_block_errors,
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return cleaned


class SingleChoiceQuestionBlock(ChoiceQuestionBlock):
    max_correct = 1
    correct_count_message = _("Mark exactly one answer as correct.")

    class Meta:
        icon = "radio-empty"
        label = _("Single choice")


class MultipleChoiceQuestionBlock(ChoiceQuestionBlock):
    correct_count_message = _("Mark at least one answer as correct.")

    class Meta:
        icon = "tasks"
        label = _("Multiple choice")


class TrueFalseQuestionBlock(blocks.StructBlock):
    summary_kind = "true_false"

    statement = blocks.TextBlock(label=_("Statement"))
    is_true = blocks.BooleanBlock(label=_("The statement is true"), required=False)
    explanation = blocks.TextBlock(label=_("Explanation"), required=False)
    feedback_true = blocks.TextBlock(label=_("Feedback for answering “true”"), required=False)
    feedback_false = blocks.TextBlock(label=_("Feedback for answering “false”"), required=False)
    section = _lesson_section_block()

    class Meta:
        icon = "check"
        label = _("True or false")


class QuizStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()

    class Meta:
        max_num = 30
        # A long quiz reads as a list of one-line summaries; a question opens
        # when the editor works on it (or when it has an error).
        collapsed = True


class QuizBlockAdapter(StructBlockAdapter):
    """Question and answer blocks with a one-line summary in their collapsed header.

    Wagtail shows the block type and the first field's text there; editors
    also need the number of answers and which is correct, which only the
    browser knows while they edit. The words of the summary are translated here.
    """

    js_constructor = "modules.blocks.QuizBlock"

    def js_args(self, block):
        name, children, meta = super().js_args(block)
        meta["summary"] = {
            "kind": block.summary_kind,
            # Indexed by the number of answers, so each language keeps its plural forms.
            "answers": [
                ngettext("%(count)d answer", "%(count)d answers", count) % {"count": count}
                for count in range(MAX_CHOICES + 1)
            ],
            "correct": str(_("correct: %(answers)s")),
            "noCorrect": str(_("no correct answer yet")),
            "isCorrect": str(_("correct")),
            "true": str(_("True")),
            "false": str(_("False")),
        }
        return [name, children, meta]

    @cached_property
    def media(self):
        return forms.Media(js=[*super().media._js, "modules/js/quiz-editor.js"])


register(QuizBlockAdapter(), AnswerOptionBlock)
register(QuizBlockAdapter(), ChoiceQuestionBlock)
register(QuizBlockAdapter(), TrueFalseQuestionBlock)
