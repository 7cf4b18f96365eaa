"""What editors author: the course catalogue as a Wagtail page tree, and skills.

- ``HomePage`` (one per language) -> ``CourseIndexPage`` (the catalogue) -> ``CoursePage`` ->
  ``LessonPage``. The tree is locked from both ends.
- ``Skill``: an editor-managed snippet with a stable ``code`` that never changes. Exactly the five
  skills of the national household target carry ``is_household_target``. Skills are not
  translated per language. ``CourseSkill`` tags a course with skills; a skill in use cannot be
  deleted (PROTECT in the database, a clear message in the admin).
- A lesson's ``quiz`` is a stream of question blocks whose ids (with the lesson's
  ``translation_key``) identify answers.

Learner state never lives here: ``lms`` points at pages by ``translation_key``.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import LessonBodyBlock, QuizBlock
from .constants import DEFAULT_PASS_MARK_PERCENT
from .text import ascii_slug, fold

HOUSEHOLD_TARGET_SKILL_COUNT = 5


class Skill(models.Model):
    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("Short stable code used in reports and links. It cannot be changed later."),
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    is_household_target = models.BooleanField(
        _("household target skill"),
        default=False,
        help_text=_("One of the five basic skills every household should master."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("is_household_target"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.pk:
            original = Skill.objects.filter(pk=self.pk).values_list("code", flat=True).first()
            if original and original != self.code:
                raise ValidationError({"code": _("A skill's code never changes once saved.")})
        if self.is_household_target:
            others = Skill.objects.filter(is_household_target=True).exclude(pk=self.pk).count()
            if others >= HOUSEHOLD_TARGET_SKILL_COUNT:
                raise ValidationError(
                    {"is_household_target": _("Exactly five skills make up the household target; five already do.")}
                )


class AsciiSlugMixin:
    """Fill an empty slug from the title, folded to ASCII ("Đăng ký" -> "dang-ky")."""

    def full_clean(self, *args, **kwargs):
        if not self.slug and self.title:
            self.slug = ascii_slug(self.title)
        return super().full_clean(*args, **kwargs)


class FoldedSearchMixin:
    """Index an accent-folded copy so "dang ky" finds "Đăng ký" on SQLite and PostgreSQL."""

    def search_folded(self) -> str:
        parts = [self.title, getattr(self, "search_description", "")]
        parts.extend(self.folded_search_parts())
        return fold(" ".join(part for part in parts if part))

    def folded_search_parts(self) -> list[str]:
        return []


class HomePage(AsciiSlugMixin, FoldedSearchMixin, Page):
    hero_title = models.CharField(_("headline"), max_length=120, blank=True)
    hero_text = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("hero_title"), FieldPanel("hero_text")]

    search_fields = [*Page.search_fields, index.SearchField("search_folded")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_index_for, featured_courses, skills_with_courses

        context = super().get_context(request, *args, **kwargs)
        context["catalogue"] = course_index_for(self)
        context["featured_courses"] = featured_courses(self)
        context["skills"] = skills_with_courses()
        return context


class CourseIndexPage(AsciiSlugMixin, FoldedSearchMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    search_fields = [*Page.search_fields, index.SearchField("search_folded")]

    parent_page_types = ["courses.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from .selectors import courses_in_catalogue, skills_with_courses

        context = super().get_context(request, *args, **kwargs)
        skill_code = request.GET.get("ky-nang", "")[:40]
        skills = list(skills_with_courses())
        selected = next((skill for skill in skills if skill.code == skill_code), None)
        context["skills"] = skills
        context["selected_skill"] = selected
        context["courses"] = courses_in_catalogue(self, skill=selected)
        return context


class CoursePage(AsciiSlugMixin, FoldedSearchMixin, Page):
    content_kind = "course"

    summary = models.TextField(_("summary"), max_length=400)
    audience = models.CharField(_("who it is for"), max_length=200, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=10, validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pass_mark_percent = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=DEFAULT_PASS_MARK_PERCENT,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    featured = models.BooleanField(_("featured on the home page"), default=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [FieldPanel("estimated_minutes"), FieldPanel("pass_mark_percent"), FieldPanel("featured")],
            heading=_("Details"),
        ),
        InlinePanel("skill_links", label=_("Skills"), heading=_("Skills taught")),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("search_folded"),
        index.FilterField("locale_id"),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("course")
        constraints = [
            models.CheckConstraint(
                condition=Q(pass_mark_percent__lte=100), name="courses_coursepage_pass_mark_at_most_100"
            ),
            models.CheckConstraint(condition=Q(estimated_minutes__gte=1), name="courses_coursepage_minutes_positive"),
        ]

    def folded_search_parts(self) -> list[str]:
        return [self.summary, self.audience]

    @property
    def teaser(self) -> str:
        return self.summary

    @cached_property
    def lessons(self):
        from .selectors import lessons_of_course

        return lessons_of_course(self)

    def get_context(self, request, *args, **kwargs):
        from .selectors import skills_of_course

        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = self.lessons
        context["skills"] = skills_of_course(self)
        return context


class CourseSkill(Orderable):
    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="skill_links")
    skill = models.ForeignKey(Skill, verbose_name=_("skill"), on_delete=models.PROTECT, related_name="course_links")

    panels = [FieldPanel("skill")]

    class Meta(Orderable.Meta):
        verbose_name = _("course skill")
        constraints = [models.UniqueConstraint(fields=["page", "skill"], name="courses_courseskill_unique")]


class LessonPage(AsciiSlugMixin, FoldedSearchMixin, Page):
    content_kind = "lesson"

    intro = models.TextField(_("introduction"), max_length=500, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=3, validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    body = StreamField(LessonBodyBlock(), verbose_name=_("lesson"), blank=True)
    quiz = StreamField(QuizBlock(), verbose_name=_("quiz"), blank=True)
    sources = RichTextField(
        _("sources"),
        blank=True,
        features=["link", "ul"],
        help_text=_("Where the steps come from, with dates. Portals change: name the date you checked."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
        FieldPanel("quiz"),
        FieldPanel("sources"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("search_folded"),
        index.FilterField("locale_id"),
    ]

    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        constraints = [
            models.CheckConstraint(condition=Q(estimated_minutes__gte=1), name="courses_lessonpage_minutes_positive"),
        ]

    def folded_search_parts(self) -> list[str]:
        texts = [self.intro]
        for block in self.body:
            if block.block_type == "step":
                texts.append(block.value["title"])
        return texts

    @property
    def teaser(self) -> str:
        return self.intro

    @property
    def questions(self) -> list:
        return [block for block in self.quiz if block.block_type == "question"]

    def get_context(self, request, *args, **kwargs):
        from .selectors import lesson_neighbours

        context = super().get_context(request, *args, **kwargs)
        course = self.get_parent().specific
        context["course"] = course
        context["previous_lesson"], context["next_lesson"], context["lesson_number"], context["lesson_total"] = (
            lesson_neighbours(self)
        )
        return context
