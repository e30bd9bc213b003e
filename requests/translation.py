"""Model fields kept in the six languages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from requests.models import SavedReply


@register(SavedReply)
class SavedReplyTranslation(TranslationOptions):
    fields = ("body",)
