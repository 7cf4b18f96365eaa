"""Quiz grading: a pure function over question blocks and submitted option ids.

The lesson page never carries the correct answers; the view that receives the form calls
``grade_quiz`` and shows what it returns. Bad submissions raise ``QuizSubmissionError`` with a
message meant for the learner.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from .constants import QuestionKind

MAX_SELECTIONS_PER_QUESTION = 8
MAX_OPTION_ID_LENGTH = 64


class QuizSubmissionError(ValueError):
    """The submission does not match the quiz: unknown ids, missing answers, oversize values."""


@dataclass(frozen=True)
class OptionResult:
    id: str
    text: str
    is_correct: bool
    selected: bool
    feedback: str


@dataclass(frozen=True)
class QuestionResult:
    id: str
    number: int
    prompt: str
    kind: str
    score: Decimal  # 0..1
    options: list[OptionResult]
    explanation: str

    @property
    def status(self) -> str:
        if self.score == 1:
            return "correct"
        if self.score == 0:
            return "incorrect"
        return "partial"


@dataclass(frozen=True)
class QuizResult:
    questions: list[QuestionResult] = field(default_factory=list)

    @property
    def score_percent(self) -> int:
        if not self.questions:
            return 0
        total = sum((q.score for q in self.questions), Decimal(0)) / len(self.questions) * 100
        return int(total.quantize(Decimal(1), rounding=ROUND_HALF_UP))

    @property
    def correct_count(self) -> int:
        return sum(1 for q in self.questions if q.score == 1)

    def passed(self, pass_mark_percent: int) -> bool:
        return self.score_percent >= pass_mark_percent


def _question_score(kind: str, correct: set[str], selected: set[str]) -> Decimal:
    if kind != QuestionKind.MULTIPLE:
        return Decimal(1) if selected == correct else Decimal(0)
    # Multiple choice: credit for each correct option chosen, minus each wrong one, floor 0.
    hits = len(selected & correct)
    misses = len(selected - correct)
    raw = Decimal(max(hits - misses, 0)) / Decimal(len(correct))
    return raw.quantize(Decimal("0.0001"))


def grade_quiz(questions: Iterable, submitted: Mapping[str, list[str]]) -> QuizResult:
    """Grade ``submitted`` (question block id -> chosen option ids) against ``questions``.

    ``questions`` are the bound ``question`` blocks of a lesson's quiz stream (anything with
    ``.id`` and ``.value`` holding ``kind``, ``prompt``, ``options``, ``explanation``).
    Every question must be answered, each with option ids of that question only.
    """
    questions = list(questions)
    known = {str(q.id) for q in questions}
    unknown = set(submitted) - known
    if unknown:
        raise QuizSubmissionError(_("The answers do not match this quiz. Reload the lesson and try again."))

    results = []
    for number, question in enumerate(questions, start=1):
        value = question.value
        chosen = submitted.get(str(question.id)) or []
        if not chosen:
            raise QuizSubmissionError(_("Please answer question %(number)s.") % {"number": number})
        if len(chosen) > MAX_SELECTIONS_PER_QUESTION or any(len(c) > MAX_OPTION_ID_LENGTH for c in chosen):
            raise QuizSubmissionError(_("The answers do not match this quiz. Reload the lesson and try again."))
        options = [(str(bound.id), bound.value) for bound in value["options"].bound_blocks]
        option_ids = {option_id for option_id, _option in options}
        selected = set(chosen)
        if not selected <= option_ids:
            raise QuizSubmissionError(
                _("An answer to question %(number)s is not one of its options. Reload the lesson and try again.")
                % {"number": number}
            )
        if value["kind"] != QuestionKind.MULTIPLE and len(selected) != 1:
            raise QuizSubmissionError(_("Choose exactly one answer for question %(number)s.") % {"number": number})
        correct = {option_id for option_id, option in options if option["is_correct"]}
        results.append(
            QuestionResult(
                id=str(question.id),
                number=number,
                prompt=value["prompt"],
                kind=value["kind"],
                score=_question_score(value["kind"], correct, selected),
                options=[
                    OptionResult(
                        id=option_id,
                        text=option["text"],
                        is_correct=option_id in correct,
                        selected=option_id in selected,
                        feedback=option["feedback"],
                    )
                    for option_id, option in options
                ],
                explanation=value["explanation"],
            )
        )
    return QuizResult(questions=results)
