"""The one StreamField block library for lessons.

Every block has its own template under ``templates/blocks/`` and a preview for the editor's
block picker. Renaming a block needs a data migration.

Quiz questions keep their options in a ``ListBlock``: each option carries its own stable ``id``,
so answers point at (lesson translation key, question block id, option id), never at positions.
"""

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from .constants import CalloutKind, QuestionKind

AUDIO_EXTENSIONS = ("mp3", "m4a", "ogg")
VIDEO_EXTENSIONS = ("mp4", "webm")


class LessonImageChooserBlock(ImageChooserBlock):
    """Loads every image of a stream and its existing renditions in two queries in all.

    A lesson of ten images then costs the same number of queries as a lesson of one.
    """

    def bulk_to_python(self, values):
        ids = [value for value in values if value is not None]
        if not ids:
            return [None for _ in values]
        images = get_image_model().objects.prefetch_renditions().in_bulk(ids)
        return [images.get(value) if value is not None else None for value in values]


@deconstructible
class DocumentExtensionValidator:
    """Accept only documents whose file name ends with one of ``extensions``."""

    def __init__(self, extensions: tuple[str, ...], message: str):
        self.extensions = tuple(extensions)
        self.message = message

    def __call__(self, document) -> None:
        if document is None:
            return
        extension = document.file.name.rsplit(".", 1)[-1].lower()
        if extension not in self.extensions:
            raise ValidationError(self.message)

    def __eq__(self, other) -> bool:
        return isinstance(other, DocumentExtensionValidator) and (self.extensions, self.message) == (
            other.extensions,
            other.message,
        )


class RichTextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "blocks/rich_text.html"
        label = _("Text")
        description = _("A short paragraph, list or link.")
        features = ["bold", "italic", "ol", "ul", "link"]
        preview_value = "<p>Mở ứng dụng <b>VNeID</b> trên điện thoại của bạn.</p>"


class CaptionedImageBlock(blocks.StructBlock):
    image = LessonImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=200,
        required=False,
        help_text=_("What the picture shows, for people who cannot see it. Empty: the image's own description."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=200, required=False)

    class Meta:
        icon = "image"
        template = "blocks/captioned_image.html"
        label = _("Image with caption")
        description = _("A picture with a short caption under it.")
        preview_value = {"caption": "Màn hình chính của ứng dụng"}


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step title"), max_length=120)
    text = blocks.RichTextBlock(label=_("What to do"), features=["bold", "italic", "link"])
    image = LessonImageChooserBlock(label=_("Picture"), required=False)
    image_alt_text = blocks.CharBlock(label=_("Picture description"), max_length=200, required=False)
    audio = DocumentChooserBlock(
        label=_("Spoken instructions (audio)"),
        required=False,
        validators=[DocumentExtensionValidator(AUDIO_EXTENSIONS, _("Choose an audio file: MP3, M4A or OGG."))],
    )

    class Meta:
        icon = "list-ol"
        template = "blocks/step.html"
        label = _("Numbered step")
        description = _("One action for the learner, with an optional picture and audio. Steps are numbered in order.")
        preview_value = {"title": "Mở kho ứng dụng", "text": "<p>Mở CH Play hoặc App Store.</p>"}


class VideoBlock(blocks.StructBlock):
    file = DocumentChooserBlock(
        label=_("Video file"),
        required=False,
        validators=[DocumentExtensionValidator(VIDEO_EXTENSIONS, _("Choose a video file: MP4 or WebM."))],
    )
    embed = EmbedBlock(label=_("Or a video link (YouTube…)"), required=False)
    poster = LessonImageChooserBlock(label=_("Poster image"), required=False)
    caption = blocks.CharBlock(label=_("Caption"), max_length=200, required=False)
    transcript = blocks.TextBlock(label=_("Transcript"), required=False)

    class Meta:
        icon = "media"
        template = "blocks/video.html"
        label = _("Video")
        description = _("A short video: an uploaded file or a link to a video site.")
        preview_value = {"caption": "Video hướng dẫn ngắn"}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("file")) == bool(value.get("embed")):
            raise StructBlockValidationError(
                block_errors={"file": ValidationError(_("Give either a video file or a video link, not both."))}
            )
        return value


class AudioBlock(blocks.StructBlock):
    file = DocumentChooserBlock(
        label=_("Audio file"),
        validators=[DocumentExtensionValidator(AUDIO_EXTENSIONS, _("Choose an audio file: MP3, M4A or OGG."))],
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=200, required=False)
    transcript = blocks.TextBlock(label=_("Transcript"), required=False)

    class Meta:
        icon = "radio-full"
        template = "blocks/audio.html"
        label = _("Audio")
        description = _("A short audio clip, for example the lesson read aloud.")
        preview_value = {"caption": "Nghe hướng dẫn"}


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label=_("Kind"), choices=CalloutKind.choices, default=CalloutKind.TIP)
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        template = "blocks/callout.html"
        label = _("Callout")
        description = _("A highlighted box: a tip, a warning or a scam alert.")
        preview_value = {
            "kind": "scam",
            "title": "Cảnh giác",
            "text": "<p>Công an không hướng dẫn kích hoạt tài khoản qua điện thoại.</p>",
        }


class AnswerOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    is_correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.CharBlock(
        label=_("Feedback"),
        max_length=400,
        required=False,
        help_text=_("Shown after answering when this option was chosen."),
    )

    class Meta:
        icon = "radio-empty"
        label = _("Option")


class QuestionBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label=_("Kind"), choices=QuestionKind.choices, default=QuestionKind.SINGLE)
    prompt = blocks.CharBlock(label=_("Question"), max_length=400)
    options = blocks.ListBlock(AnswerOptionBlock(), label=_("Options"), min_num=2, max_num=8)
    explanation = blocks.TextBlock(
        label=_("Explanation"),
        required=False,
        help_text=_("Shown after answering, whatever the answer."),
    )

    class Meta:
        icon = "help"
        template = "blocks/question.html"
        label = _("Quiz question")
        description = _("A question with options and feedback; graded on the server.")
        preview_value = {
            "kind": "true_false",
            "prompt": "Mức độ 2 của VNeID phải đăng ký trực tiếp tại Công an cấp xã.",
            "options": [
                {"text": "Đúng", "is_correct": True, "feedback": ""},
                {"text": "Sai", "is_correct": False, "feedback": ""},
            ],
        }

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["is_correct"])
        kind = value["kind"]
        message = None
        if kind == QuestionKind.MULTIPLE and correct < 1:
            message = _("Mark at least one option as correct.")
        elif kind != QuestionKind.MULTIPLE and correct != 1:
            message = _("Mark exactly one option as correct.")
        elif kind == QuestionKind.TRUE_FALSE and len(value["options"]) != 2:
            message = _("A true/false question has exactly two options.")
        if message:
            raise StructBlockValidationError(block_errors={"options": ValidationError(message)})
        return value


class LessonBodyBlock(blocks.StreamBlock):
    text = RichTextBlock()
    image = CaptionedImageBlock()
    step = StepBlock()
    video = VideoBlock()
    audio = AudioBlock()
    callout = CalloutBlock()


class QuizBlock(blocks.StreamBlock):
    question = QuestionBlock()

    class Meta:
        max_num = 10
