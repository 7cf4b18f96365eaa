"""Error pages in the site's look and language; they never query content."""

from django.shortcuts import render


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def csrf_failure(request, reason=""):
    """The form was too old or came from elsewhere: ask to reload, in the site's language."""
    return render(request, "403_csrf.html", status=403)
