"""The staff page of one request, which holds the whole case.

Summary, then the workflow's actions (each a form with its own button, posting to its own
URL), the reply composer, the timeline, the documents, the activities and who opened the
request. Every action goes through the services; an invalid form comes back beside its field
with the rest of the page, status 400, nothing changed.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from portal.activities.permissions import records_activities
from portal.forms import submitted
from portal.roles import is_triage
from requests import selectors, services
from requests.admin import forms as desk_forms
from requests.admin.display import countdown, is_late
from requests.models import AccessGrant, AccessRecord, Status
from requests.permissions import can_grant_access, can_take, can_work_on
from requests.services import activities as request_activities

# The actions: (url name, form class, message once done).
MOVES = {
    "transition": (desk_forms.TransitionForm, _("The request has moved.")),
    "ask": (desk_forms.AskForm, _("Your question was sent to the party; the clock is stopped.")),
    "pause": (desk_forms.PauseForm, _("The request is paused; the party has been told why.")),
    "resume": (desk_forms.ResumeForm, _("Work on the request has resumed.")),
    "deliver": (desk_forms.DeliverForm, _("The request is delivered.")),
}


class CaseAdminMixin:
    """The case page and its actions, for AssistanceRequestAdmin."""

    def get_urls(self):
        def own(route, view, name):
            return path(
                f"<path:object_id>/{route}",
                self.admin_site.admin_view(view),
                name=f"requests_assistancerequest_{name}",
            )

        urls = [own(f"{name}/", self._move_view(name), name) for name in MOVES]
        urls += [
            own("assign/", self.assign_view, "assign"),
            own("take/", self.take_view, "take"),
            own("reply/", self.reply_view, "reply"),
            own("grant/", self.grant_view, "grant"),
            own("revoke/<int:grant_id>/", self.revoke_view, "revoke"),
        ]
        return urls + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        assistance_request = self._case(request, object_id)
        services.record_access(
            assistance_request, user=request.user, kind=AccessRecord.Kind.STAFF_PAGE
        )
        return self._render_case(request, assistance_request)

    def _case(self, request, object_id):
        assistance_request = self.get_object(request, object_id)
        if assistance_request is None or not self.has_view_permission(request, assistance_request):
            raise Http404
        return assistance_request

    def _forms(self, request, assistance_request, bound) -> dict:
        user = request.user
        made = {}
        for name, (form_class, _done) in MOVES.items():
            made[name] = bound.get(name) or form_class(
                assistance_request=assistance_request, user=user
            )
        made["assign"] = bound.get("assign") or desk_forms.AssignForm(
            initial={"officer": assistance_request.assigned_officer},
            region=assistance_request.party.region,
        )
        made["reply"] = bound.get("reply") or desk_forms.ReplyForm(
            assistance_request=assistance_request,
            user=user,
            may_assign=is_triage(user),
            initial={"language": selectors.party_language(assistance_request)},
        )
        made["grant"] = bound.get("grant") or desk_forms.GrantForm()
        return made

    def _render_case(self, request, assistance_request, status=200, **bound):
        user = request.user
        made = self._forms(request, assistance_request, bound)
        may_work = can_work_on(user, assistance_request)
        activities = request_activities.activities_of(assistance_request)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": assistance_request,
            "title": str(assistance_request),
            "countdown": countdown(assistance_request),
            "late": is_late(assistance_request),
            "forms": made,
            "offered": {name: may_work and made[name].offered() for name in MOVES},
            "may_work": may_work,
            "may_reply": may_work
            and assistance_request.status not in (Status.CLOSED, Status.WITHDRAWN),
            "may_assign": is_triage(user) and assistance_request.status != Status.DRAFT,
            "may_take": can_take(user, assistance_request),
            "may_grant": can_grant_access(user, assistance_request),
            "grants": assistance_request.access_grants.filter(revoked_at=None).select_related(
                "party", "user"
            ),
            "timeline": selectors.case_timeline(assistance_request),
            "documents": selectors.documents(assistance_request),
            "access_log": selectors.access_log(assistance_request),
            "beneficiaries": assistance_request.beneficiaries.all(),
            "activities": activities,
            "activities_completed": request_activities.all_activities_completed(activities),
            "may_record_activity": may_work
            and assistance_request.status in request_activities.LEADS_TO_ACTIVITIES
            and records_activities(user),
        }
        return TemplateResponse(
            request, "admin/requests/assistancerequest/case.html", context, status=status
        )

    def _posted(self, request, object_id):
        if request.method != "POST":
            raise PermissionDenied
        return self._case(request, object_id)

    def _to_case(self, assistance_request):
        return redirect(
            reverse("admin:requests_assistancerequest_change", args=[assistance_request.pk])
        )

    def _done(self, request, assistance_request, message):
        self.message_user(request, message, level=messages.SUCCESS)
        return self._to_case(assistance_request)

    def _move_view(self, name):
        form_class, done = MOVES[name]

        def view(request, object_id):
            assistance_request = self._posted(request, object_id)
            form = form_class(
                request.POST,
                request.FILES,
                assistance_request=assistance_request,
                user=request.user,
            )
            if submitted(
                request,
                form,
                lambda data: services.transition(
                    assistance_request,
                    form.target_status(),
                    actor=request.user,
                    **{k: v for k, v in data.items() if k != "to_status"},
                ),
                done,
            ):
                return self._to_case(assistance_request)
            return self._render_case(request, assistance_request, status=400, **{name: form})

        return view

    def assign_view(self, request, object_id):
        assistance_request = self._posted(request, object_id)
        form = desk_forms.AssignForm(request.POST, region=assistance_request.party.region)
        if submitted(
            request,
            form,
            lambda data: services.assign_officer(
                assistance_request, data["officer"], actor=request.user
            ),
            _("Officer assigned."),
        ):
            return self._to_case(assistance_request)
        return self._render_case(request, assistance_request, status=400, assign=form)

    def take_view(self, request, object_id):
        """ "Take it", from the queue's row or the case page: one POST, then the case."""
        assistance_request = self._posted(request, object_id)
        if not can_take(request.user, assistance_request):
            raise PermissionDenied
        services.take(assistance_request, actor=request.user)
        return self._done(request, assistance_request, _("The request is yours now."))

    def reply_view(self, request, object_id):
        assistance_request = self._posted(request, object_id)
        if not can_work_on(request.user, assistance_request):
            raise PermissionDenied
        if "insert" in request.POST:
            return self._insert_saved_reply(request, assistance_request)
        form = desk_forms.ReplyForm(
            request.POST,
            request.FILES,
            assistance_request=assistance_request,
            user=request.user,
            may_assign=is_triage(request.user),
        )
        if submitted(
            request,
            form,
            lambda data: services.reply(
                assistance_request,
                actor=request.user,
                body=data["body"],
                internal=data["audience"] == "internal",
                attachment=data["attachment"],
                to_status=data["to_status"],
                due_date=data["due_date"],
                expected_status=data["expected_status"] or None,
                assignee=data.get("assignee"),
            ),
            lambda _result: _replied(form.cleaned_data),
        ):
            return self._to_case(assistance_request)
        return self._render_case(request, assistance_request, status=400, reply=form)

    def _insert_saved_reply(self, request, assistance_request):
        """Without JavaScript: the composer again, the saved reply's text (in the language
        chosen) added to it, and its move and officer chosen if they are open here."""
        user = request.user
        chosen = request.POST.get("reply-saved_reply", "")
        saved_reply = selectors.saved_reply(int(chosen), user) if chosen.isdigit() else None
        initial = {
            name: request.POST.get(f"reply-{name}", "")
            for name in ("body", "audience", "to_status", "due_date", "assignee", "language")
            if request.POST.get(f"reply-{name}")  # what is empty keeps the form's default
        }
        initial.setdefault("body", "")
        if saved_reply is not None:
            language = initial.get("language", "")
            text = selectors.fill_saved_reply(saved_reply, assistance_request, language)
            body = initial["body"].rstrip()
            initial["body"] = f"{body}\n\n{text}" if body else text
            initial.setdefault("audience", "party")  # a saved reply is written for the party
            if saved_reply.to_status:
                initial["to_status"] = saved_reply.to_status
            if saved_reply.assignee_id:
                initial["assignee"] = saved_reply.assignee_id
        form = desk_forms.ReplyForm(
            initial=initial,
            assistance_request=assistance_request,
            user=user,
            may_assign=is_triage(user),
        )
        return self._render_case(request, assistance_request, reply=form)

    def grant_view(self, request, object_id):
        assistance_request = self._posted(request, object_id)
        if not can_grant_access(request.user, assistance_request):
            raise PermissionDenied
        form = desk_forms.GrantForm(request.POST)
        if submitted(
            request,
            form,
            lambda data: services.grant_access(assistance_request, actor=request.user, **data),
            _("Access granted."),
        ):
            return self._to_case(assistance_request)
        return self._render_case(request, assistance_request, status=400, grant=form)

    def revoke_view(self, request, object_id, grant_id):
        assistance_request = self._posted(request, object_id)
        if not can_grant_access(request.user, assistance_request):
            raise PermissionDenied
        grant = AccessGrant.objects.filter(
            pk=grant_id, assistance_request=assistance_request
        ).first()
        if grant is None:
            raise Http404
        services.revoke_access(grant, actor=request.user)
        return self._done(request, assistance_request, _("Access revoked."))


def _replied(data) -> str:
    if data["to_status"]:
        return _("Sent, and the request has moved.")
    if data["audience"] == "internal":
        return _("Internal note saved.")
    return _("Reply sent to the party.")
