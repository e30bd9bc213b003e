from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from enforcement import permissions, selectors, services
from enforcement.attendance import attendance_differences, prefill_rows
from enforcement.forms import AttendeeFormSet


@require_GET
def programme_list(request):
    return render(
        request, "enforcement/programme_list.html", {"programmes": selectors.programme_list()}
    )


@require_GET
def programme_detail(request, pk: int):
    """The programme's story in order: missions, meetings, recommendations, practices, figures."""
    user = request.user
    programme = selectors.programme_for_page(pk)
    if programme is None:
        raise Http404
    for mission in programme.missions.all():
        mission.show_findings = permissions.can_see_mission_findings(user, mission)
    coordinators = [
        {"coordinator": c, "show_contact": permissions.can_see_coordinator_contact(user, c)}
        for c in programme.coordinators.all()
    ]
    context = {
        "programme": programme,
        "coordinators": coordinators,
        "is_staff": permissions.is_staff(user),
        **selectors.programme_story(programme, user),
    }
    return render(request, "enforcement/programme_detail.html", context)


@require_GET
def meeting_detail(request, pk: int):
    meeting = permissions.get_meeting_for_user(request.user, pk)
    show_names = permissions.can_see_attendee_names(request.user)
    context = {
        "meeting": meeting,
        "attendance": selectors.meeting_attendance(meeting),
        "attendees": selectors.meeting_attendees(meeting) if show_names else None,
        "practices": selectors.meeting_practices(meeting, request.user),
        "can_edit": show_names,
    }
    return render(request, "enforcement/meeting_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_attendees(request, pk: int):
    """Staff record attendees; the form is pre-filled with the default 1 + 2 rows per party."""
    meeting = permissions.get_meeting_for_user(request.user, pk, for_edit=True)
    parties = selectors.meeting_parties(meeting)
    form_kwargs = {"parties": parties}
    if request.method == "POST":
        formset = AttendeeFormSet(request.POST, form_kwargs=form_kwargs)
        if formset.is_valid():
            rows = [form.attendee for form in formset if form.attendee]
            services.add_attendees(meeting, request.user, rows)
            messages.success(request, _("%(count)s attendees recorded.") % {"count": len(rows)})
            for note in attendance_differences(meeting):
                messages.info(request, note)
            return redirect(meeting)
    else:
        formset = AttendeeFormSet(initial=prefill_rows(meeting, parties), form_kwargs=form_kwargs)
    context = {"meeting": meeting, "formset": formset}
    return render(request, "enforcement/meeting_attendees.html", context)
