"""Admin registrations for content: the skills snippet and its delete guard."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Skill


class SkillViewSet(SnippetViewSet):
    model = Skill
    icon = "tag"
    menu_label = _("Skills")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "code", "is_household_target", "sort_order"]
    list_filter = ["is_household_target"]
    search_fields = ["name", "code"]


register_snippet(SkillViewSet)


@hooks.register("before_delete_snippet")
def refuse_deleting_skills_in_use(request, instances):
    """A skill that tags a course stays: say so instead of a database error."""
    in_use = [instance for instance in instances if isinstance(instance, Skill) and instance.course_links.exists()]
    if not in_use:
        return None
    for skill in in_use:
        count = skill.course_links.count()
        messages.error(
            request,
            ngettext(
                "The skill “%(name)s” is used by %(count)s course and cannot be deleted. "
                "Remove it from that course first.",
                "The skill “%(name)s” is used by %(count)s courses and cannot be deleted. "
                "Remove it from those courses first.",
                count,
            )
            % {"name": skill.name, "count": count},
        )
    return redirect("wagtailsnippets_courses_skill:list")
