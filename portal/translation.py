"""Model fields shown in the reader's language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from portal.models import Cluster, Party, Recommendation


@register(Party)
class PartyTranslation(TranslationOptions):
    fields = ("name",)


@register(Cluster)
class ClusterTranslation(TranslationOptions):
    fields = ("title",)


@register(Recommendation)
class RecommendationTranslation(TranslationOptions):
    fields = ("short_title", "text")
