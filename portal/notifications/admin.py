"""The outbox in the Django admin: read-only rows and a retry action for staff."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.models import Notification, NotificationPreference
from portal.notifications import services
from portal.roles import is_triage


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "event",
        "recipient",
        "reference",
        "status",
        "attempts",
        "sent_at",
        "short_error",
    ]
    list_filter = ["status", "event", "needs_action"]
    list_select_related = ["recipient"]
    search_fields = ["reference", "recipient__username", "recipient__email"]
    date_hierarchy = "created_at"
    actions = ["retry_delivery"]
    readonly_fields = [field.name for field in Notification._meta.fields]

    def has_add_permission(self, request):
        return False  # rows are written only by notify(), with the change that causes them

    def get_queryset(self, request):
        # The outbox names every request and recipient: the triage desk's, not all staff's.
        queryset = super().get_queryset(request)
        return queryset if is_triage(request.user) else queryset.none()

    @admin.display(description=_("last error"))
    def short_error(self, notification):
        return notification.last_error[:80]

    @admin.action(description=_("Retry delivery of the selected notifications"))
    def retry_delivery(self, request, queryset):
        count = services.retry_notifications(
            queryset.values_list("pk", flat=True), actor=request.user
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d notification queued again.",
                "%(count)d notifications queued again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "level", "language"]
    list_filter = ["level", "language"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__email"]
    autocomplete_fields = ["user"]
