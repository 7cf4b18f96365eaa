"""Account-side pages for learners: keep progress on sign-in, carry it to another browser."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .errors import too_many_requests
from .forms import DisplayNameForm
from .learners import forget_anonymous_learner, learner_from_request, merge_offer_for, remember_learner
from .privacy import account_delete, account_deletion_allowed, learner_data_export
from .ratelimit import client_ip, rate_allow
from .selectors import learner_by_resume_code, learner_summary
from .services import (
    learner_for_user,
    learner_merge,
    learner_resume_code_ensure,
    resume_code_normalise,
    user_display_name_set,
)

RESUME_TRIES_PER_IP = 10  # a minute; a code has about 37 bits


def _next_url(request, default: str = "/") -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return default


@login_required
@require_http_methods(["GET", "POST"])
def merge_progress(request):
    """ "Keep the progress made on this device in your account?" after signing in."""
    next_url = _next_url(request)
    source = merge_offer_for(request)
    if source is None:
        return redirect(next_url)
    if request.method == "POST":
        if request.POST.get("action") == "merge":
            learner_merge(source=source, target=learner_for_user(user=request.user))
            messages.success(request, _("Done: the progress from this device is now in your account."))
            response = redirect(next_url)
            forget_anonymous_learner(response)
            return response
        messages.info(request, _("Not merged. The progress made without signing in stays on this device."))
        return redirect(next_url)
    context = {"summary": learner_summary(source), "next": next_url}
    return render(request, "lms/merge_progress.html", context)


@require_http_methods(["GET", "POST"])
def save_progress(request):
    """ "Lưu tiến độ": sign up, or take a short code to continue in another browser."""
    if request.user.is_authenticated:
        return redirect("my_courses")
    learner = learner_from_request(request)
    summary = learner_summary(learner) if learner else None
    code = learner.resume_code if learner else None
    if request.method == "POST" and summary and summary.courses:
        code = learner_resume_code_ensure(learner=learner)
    context = {
        "summary": summary,
        "code": code,
        "resume_url": request.build_absolute_uri(reverse("resume_link", args=[code])) if code else "",
    }
    return render(request, "lms/save_progress.html", context)


def _resume(request, raw_code: str):
    """Continue the progress behind a resume code in this browser. -> response or None (error shown)."""
    if not rate_allow(action="resume", key=client_ip(request), limit=RESUME_TRIES_PER_IP, window_seconds=60):
        return too_many_requests(request)
    code = resume_code_normalise(raw_code)
    target = learner_by_resume_code(code) if code else None
    if target is None:
        return None
    if target.user_id is not None:
        messages.info(request, _("This progress is now kept in an account. Sign in to continue."))
        return redirect("account_login")
    if request.user.is_authenticated:
        try:
            learner_merge(source=target, target=learner_for_user(user=request.user))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("my_courses")
        messages.success(request, _("Done: that progress is now in your account."))
        return redirect("my_courses")
    current = learner_from_request(request)
    if current is not None and current.pk != target.pk:
        learner_merge(source=current, target=target)
    remember_learner(request, target)
    messages.success(request, _("Welcome back: your progress is on this browser now."))
    return redirect("my_courses")


@require_http_methods(["GET", "POST"])
def resume_enter(request):
    """Type a resume code."""
    error = ""
    if request.method == "POST":
        response = _resume(request, request.POST.get("code", ""))
        if response is not None:
            return response
        error = _("This code was not found. Check the letters and numbers and try again.")
    return render(request, "lms/resume.html", {"error": error, "code": request.POST.get("code", "")})


@require_http_methods(["GET", "POST"])
def resume_link(request, code: str):
    """The resume link: a page with one button (link previews in chat apps must not act)."""
    if request.method == "POST":
        response = _resume(request, code)
        if response is not None:
            return response
    if resume_code_normalise(code) == "" or (request.method == "POST"):
        error = _("This code was not found. Check the letters and numbers and try again.")
        return render(request, "lms/resume.html", {"error": error, "code": code}, status=404)
    return render(request, "lms/resume.html", {"link_code": code})


@login_required
@require_http_methods(["GET", "POST"])
def account_home(request):
    """ "Tài khoản của tôi": name (printed on certificates), sign-in details, data and deletion."""
    form = DisplayNameForm(request.POST or None, initial={"display_name": request.user.display_name})
    if request.method == "POST" and form.is_valid():
        user_display_name_set(user=request.user, name=form.cleaned_data["display_name"])
        messages.success(request, _("Your name is saved."))
        return redirect(_next_url(request, reverse("account_home")))
    context = {"form": form, "can_delete": account_deletion_allowed(request.user), "next": _next_url(request, "")}
    return render(request, "lms/account.html", context)


@login_required
@require_http_methods(["GET"])
def account_data(request):
    """Download a copy of everything kept about this account, as JSON."""
    data = learner_data_export(user=request.user)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="cuaso-du-lieu-cua-toi.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete_view(request):
    """Delete the account after an explicit confirmation; learning counts stay, anonymised."""
    if not account_deletion_allowed(request.user):
        messages.error(request, _("Staff and team accounts are closed by an administrator."))
        return redirect("account_home")
    error = ""
    if request.method == "POST":
        if request.POST.get("confirm") == "yes":
            try:
                account_delete(user=request.user)
            except PermissionDenied as refused:
                messages.error(request, str(refused))
                return redirect("account_home")
            logout(request)
            messages.success(request, _("Your account is deleted. Thank you for learning with Cửa Số."))
            return redirect("/")
        error = _("Tick the box to confirm.")
    return render(request, "lms/account_delete.html", {"error": error})
