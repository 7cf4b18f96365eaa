"""Wagtail events, one line each: hand the work to a task after the transaction commits."""

from wagtail.signals import page_published

from .tasks import page_renditions_generate


def _enqueue_renditions(sender, instance, **kwargs) -> None:
    page_renditions_generate.delay_on_commit(instance.pk)


page_published.connect(_enqueue_renditions, dispatch_uid="courses_page_renditions")
