from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import Notification, NotificationPreference
from portal.notifications import events


class NotificationPreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = ["level", "language"]
        widgets = {"level": forms.RadioSelect}
        help_texts = {
            "level": _(
                "Notifications that need your action include requests for information "
                "and reminders of time frames."
            ),
            "language": _("E-mails are written in this language."),
        }


class OutboxFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *Notification.Status.choices],
    )
    event = forms.ChoiceField(
        label=_("Event"),
        required=False,
        choices=lambda: [("", _("All events")), *events.choices()],
    )
    q = forms.CharField(
        label=_("Reference or recipient"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
