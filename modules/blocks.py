"""StreamField blocks for lessons and quizzes.

Quiz questions are StreamField blocks rather than inline models: a block's
id is copied unchanged into every translation by wagtail-localize and kept
across edits and syncs, so a question and each of its choices keep one
identity in all languages. `is_correct` is a BooleanBlock, which
wagtail-localize synchronises instead of offering it for translation.
See docs/architecture.md.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

INLINE_FEATURES = ["bold", "italic", "link", "ol", "ul"]


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
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item"), max_length=300), label=_("Items"))

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


class AnswerOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    is_correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.TextBlock(
        label=_("Feedback"),
        required=False,
        help_text=_("Shown after submission to a learner who picked this answer."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class ChoiceQuestionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Question"))
    choices = blocks.ListBlock(AnswerOptionBlock(), label=_("Answers"), min_num=2, max_num=8)
    explanation = blocks.TextBlock(
        label=_("Explanation"),
        required=False,
        help_text=_("Shown after submission, whatever the learner answered."),
    )

    # Subclasses say how many correct answers a question may have.
    min_correct = 1
    max_correct: int | None = None

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["is_correct"])
        if correct < self.min_correct or (
            self.max_correct is not None and correct > self.max_correct
        ):
            raise StructBlockValidationError(
                block_errors={
                    "choices": ListBlockValidationError(
                        non_block_errors=[ValidationError(self.correct_count_message)]
                    )
                }
            )
        return value


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
    statement = blocks.TextBlock(label=_("Statement"))
    is_true = blocks.BooleanBlock(label=_("The statement is true"), required=False)
    explanation = blocks.TextBlock(label=_("Explanation"), required=False)
    feedback_true = blocks.TextBlock(label=_("Feedback for answering “true”"), required=False)
    feedback_false = blocks.TextBlock(label=_("Feedback for answering “false”"), required=False)

    class Meta:
        icon = "check"
        label = _("True or false")


class QuizStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()

    class Meta:
        max_num = 30
