"""Staff approve providers in the admin; needs, resources and matches are read here only.

Every change of a need, a resource or a match goes through portal.matching.services (the
site's pages); the admin shows them to staff and links to where they are brokered.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.matching import applications, services
from portal.matching import permissions as matching_permissions
from portal.models import Match, Need, Provider, ProviderApplication, Resource


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "status", "approved_at"]
    list_filter = ["status", "kind"]
    search_fields = ["name"]
    fields = ["name", "kind", "status", "description", "website", "consultant", "members"]
    readonly_fields = ["status"]
    autocomplete_fields = ["members"]
    raw_id_fields = ["consultant"]
    actions = ["approve"]

    @admin.action(description=_("Approve the selected providers"))
    def approve(self, request, queryset):
        for provider in queryset.exclude(status=Provider.Status.APPROVED):
            services.approve_provider(provider, actor=request.user)
        messages.success(request, _("The providers are approved."))


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Need)
class NeedAdmin(_ReadOnly):
    list_display = ["title", "party", "status", "visibility", "published_at"]
    list_filter = ["status", "visibility"]
    search_fields = ["title"]
    list_select_related = ["party"]


@admin.register(Resource)
class ResourceAdmin(_ReadOnly):
    list_display = ["title", "provider", "offer_type", "capacity", "status"]
    list_filter = ["status", "offer_type"]
    search_fields = ["title", "provider__name"]
    list_select_related = ["provider"]


@admin.register(Match)
class MatchAdmin(_ReadOnly):
    list_display = ["need", "resource", "status", "score", "proposed_at", "concluded_at"]
    list_filter = ["status"]
    list_select_related = ["need", "resource"]


@admin.register(ProviderApplication)
class ProviderApplicationAdmin(admin.ModelAdmin):
    """Staff decide on confirmed applications; approving creates the account and the provider."""

    list_display = ["organisation", "kind", "email", "status", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["organisation", "email"]
    fields = [
        "organisation",
        "kind",
        "website",
        "description",
        "contact_name",
        "email",
        "language",
        "status",
        "decline_reason",
        "provider",
    ]
    readonly_fields = [
        "organisation",
        "kind",
        "website",
        "description",
        "contact_name",
        "email",
        "language",
        "status",
        "provider",
    ]
    actions = ["approve", "decline"]

    def has_add_permission(self, request):
        return False

    # Any member of staff may decide (the service checks it again); no one adds or deletes.
    def has_module_permission(self, request):
        return matching_permissions.is_staff(request.user)

    def has_view_permission(self, request, obj=None):
        return matching_permissions.is_staff(request.user)

    def has_change_permission(self, request, obj=None):
        return matching_permissions.is_staff(request.user)

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Approve the selected applications (creates their accounts)"))
    def approve(self, request, queryset):
        self._decide(request, queryset, applications.approve_application, {})

    @admin.action(description=_("Decline the selected applications (with their reasons)"))
    def decline(self, request, queryset):
        for application in queryset:
            self._decide(
                request,
                [application],
                applications.decline_application,
                {"reason": application.decline_reason},
            )

    def _decide(self, request, queryset, service, extra) -> None:
        for application in queryset:
            try:
                service(application, actor=request.user, **extra)
            except ValidationError as error:
                messages.error(request, f"{application}: {' '.join(error.messages)}")
            else:
                messages.success(request, _("%(name)s: done.") % {"name": application})
