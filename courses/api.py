"""Read-only JSON API over published courses and lessons (DRF, under /api/v1/)."""

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers

from .models import CoursePage, LessonPage
from .selectors import api_courses, api_lessons_of_course


class SkillRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    is_household_target = serializers.BooleanField()


class PageSerializer(serializers.ModelSerializer):
    """Fields every published page shares: its language and its absolute URL."""

    language = serializers.CharField(source="locale.language_code")
    url = serializers.SerializerMethodField()

    common_fields = ["id", "translation_key", "title", "slug", "url", "language"]

    def get_url(self, obj) -> str:
        return obj.get_full_url(request=self.context.get("request")) or ""


class CourseSerializer(PageSerializer):
    skills = serializers.SerializerMethodField()
    lesson_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = CoursePage
        fields = [
            *PageSerializer.common_fields,
            "summary",
            "audience",
            "estimated_minutes",
            "pass_mark_percent",
            "lesson_count",
            "skills",
        ]

    @extend_schema(responses=SkillRefSerializer(many=True))
    def get_skills(self, obj) -> list[dict]:
        return SkillRefSerializer([link.skill for link in obj.skill_links.all()], many=True).data


class LessonSerializer(PageSerializer):
    course_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = LessonPage
        fields = [
            *PageSerializer.common_fields,
            "intro",
            "estimated_minutes",
            "course_id",
        ]

    def get_url(self, obj) -> str:
        return obj.get_full_url(request=self.context.get("request")) or ""


class CourseList(generics.ListAPIView):
    """Published courses, in catalogue order. Filter by ``language`` (vi, en)."""

    serializer_class = CourseSerializer

    def get_queryset(self):
        return api_courses(language=self.request.query_params.get("language"))


class CourseLessonList(generics.ListAPIView):
    """Published lessons of one course, in order. An unknown or unpublished course is a 404."""

    serializer_class = LessonSerializer

    def get_queryset(self):
        return api_lessons_of_course(course_id=self.kwargs["course_id"])


urlpatterns = [
    path("courses/", CourseList.as_view(), name="course-list"),
    path("courses/<int:course_id>/lessons/", CourseLessonList.as_view(), name="course-lesson-list"),
]
