"""Content views that are not pages: search."""

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale

from .selectors import MAX_SEARCH_QUERY_LENGTH, search_pages


def search(request):
    query = request.GET.get("q", "")[:MAX_SEARCH_QUERY_LENGTH].strip()
    results = search_pages(query, locale=Locale.get_active()) if query else []
    page = Paginator(results, 20).get_page(request.GET.get("trang"))
    return render(request, "courses/search.html", {"query": query, "results": page, "result_count": len(results)})
