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


def too_many_requests(request, exception=None):
    """A rate limit was hit (codes asked too often, say): say so and when to try again."""
    return render(request, "429.html", status=429)


class RateLimitedMiddleware:
    """allauth raises ``RateLimited`` from some flows (a second sign-up with the same number
    within 30 s); answer the friendly 429 page rather than a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from allauth.core.exceptions import RateLimited

        if isinstance(exception, RateLimited):
            return too_many_requests(request, exception)
        return None
