from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lodestar.accounts.actions import do_create_api_token, do_revoke_api_token
from lodestar.accounts.forms import ProfileForm
from lodestar.accounts.models import ApiToken
from lodestar.accounts.users import signed_in_user


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        messages.success(request, _("Your profile was saved."))
        translation.activate(user.language)
        return redirect(f"/{user.language}/account/profile/")
    tokens = ApiToken.objects.filter(user=signed_in_user(request), revoked_at__isnull=True)
    return render(request, "accounts/profile.html", {"form": form, "tokens": tokens})


@login_required
@require_POST
def create_token(request: HttpRequest) -> HttpResponse:
    name = request.POST.get("name", "").strip() or _("API token")
    token, key = do_create_api_token(signed_in_user(request), name)
    messages.success(
        request,
        _("Your new token “%(name)s”: %(key)s — copy it now, it will not be shown again.")
        % {"name": token.name, "key": key},
    )
    return redirect("accounts:profile")


@login_required
@require_POST
def revoke_token(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=signed_in_user(request))
    do_revoke_api_token(token)
    messages.success(request, _("The token is revoked."))
    return redirect("accounts:profile")
