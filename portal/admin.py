from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

import portal.activities.admin
import portal.matching.admin
import portal.notifications.admin  # noqa: F401  (registers the outbox in the admin)
from portal import services
from portal.admin_development import DevelopmentStatusInline, development_status_filter
from portal.models import (
    Cluster,
    Consultant,
    Membership,
    Party,
    Recommendation,
    StatusKind,
    User,
)

# The admin's side bar lists every app on every page, checking each model's permissions: a
# dozen queries per page for staff who are not superusers. The index page lists them anyway.
admin.site.enable_nav_sidebar = False


class MembershipInline(admin.StackedInline):
    model = Membership
    autocomplete_fields = ["party"]
    can_delete = True
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "email", "first_name", "last_name", "is_staff", "bureau", "party"]
    list_filter = [*BaseUserAdmin.list_filter, "bureau"]
    list_select_related = ["membership__party"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        (_("Regional bureau"), {"fields": ["bureau"]}),
    ]

    @admin.display(description=_("party"))
    def party(self, user):
        return user.party

    ROLE_FIELDS = {"is_staff", "is_superuser", "is_active", "bureau", "groups", "user_permissions"}

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Memberships and bureau decide which requests a user sees: keep the groups in step.
        services.sync_role_groups(form.instance)
        # A changed role ends the user's other sessions; not the editor's own.
        role_changed = self.ROLE_FIELDS & set(form.changed_data) or any(
            formset.has_changed() for formset in formsets
        )
        if change and role_changed and form.instance != request.user:
            services.end_all_sessions(form.instance)


@admin.register(Party)
class PartyAdmin(TranslationAdmin):
    list_display = ["name", "code", "iso3", "kind", "region", "status_today"]
    list_filter = ["kind", "region", development_status_filter(), "is_asean"]
    search_fields = ["name", "code", "iso3"]
    filter_horizontal = ["members"]
    inlines = [DevelopmentStatusInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_status(timezone.localdate())

    def save_model(self, request, obj, form, change):
        services.save_party(obj)  # its requests follow a change of region

    @admin.display(description=_("development status today"))
    def status_today(self, party):
        labels = [
            label
            for flag, label in (
                (party.status_ldc, _("LDC")),
                (party.status_lldc, _("LLDC")),
                (party.status_sids, _("SIDS")),
            )
            if flag
        ]
        if party.status_grouping:
            labels.insert(0, StatusKind(party.status_grouping).label)
        return ", ".join(str(label) for label in labels) or "—"


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "party", "role"]
    list_filter = ["role", "party__region"]
    list_select_related = ["user", "party"]
    search_fields = ["user__username", "user__email", "party__name", "party__code"]
    autocomplete_fields = ["user", "party"]

    def save_model(self, request, obj, form, change):
        services.set_membership(obj.user, obj.party, obj.role, actor=request.user)

    def history_view(self, request, object_id, extra_context=None):
        # simple-history looks the id up as typed: anything but a number is no membership.
        if not str(object_id).isdigit():
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def delete_model(self, request, obj):
        services.end_membership(obj.user, actor=request.user)

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        # The bulk action too: ending a membership also takes away the party's group.
        for membership in queryset.select_related("user"):
            services.end_membership(membership.user, actor=request.user)


class RecommendationInline(admin.TabularInline):
    model = Recommendation
    fields = ["number", "short_title", "immediate_implementation"]
    extra = 0
    show_change_link = True


@admin.register(Cluster)
class ClusterAdmin(TranslationAdmin):
    list_display = ["letter", "title"]
    inlines = [RecommendationInline]


@admin.register(Recommendation)
class RecommendationAdmin(TranslationAdmin):
    list_display = ["number", "short_title", "cluster", "immediate_implementation"]
    list_filter = ["cluster", "immediate_implementation"]
    search_fields = ["short_title", "text"]


@admin.register(Consultant)
class ConsultantAdmin(admin.ModelAdmin):
    list_display = ["name", "nationality", "is_listed", "email"]
    list_filter = ["is_listed"]
    list_select_related = ["nationality"]
    search_fields = ["name", "biography", "email"]
    autocomplete_fields = ["nationality"]
