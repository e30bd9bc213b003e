"""What the API says about categories, provisions and parties."""

from django.utils import timezone
from rest_framework import serializers

from flexibilities.columns import COLUMNS
from flexibilities.models import FlexibilityCategory, Provision
from portal.models import Party


class OptionSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.DictField(child=serializers.CharField())


class CategorySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="flexibilities:api_category_detail", lookup_field="slug"
    )
    page_url = serializers.SerializerMethodField()
    trips_articles = serializers.ListField(child=serializers.CharField())
    implementation_options = OptionSerializer(many=True)
    provision_count = serializers.IntegerField(read_only=True)
    party_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = FlexibilityCategory
        fields = [
            "slug",
            "url",
            "page_url",
            "name",
            "description",
            "trips_articles",
            "implementation_options",
            "ip_area",
            "provision_count",
            "party_count",
        ]

    def get_page_url(self, category) -> str:
        return self.context["request"].build_absolute_uri(category.get_absolute_url())


class PartyBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Party
        fields = ["code", "name"]


_LABELS = {
    "category": ("category_name",),
    "implementation_option": ("implementation_option_label",),
}


class ProvisionSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="flexibilities:api_provision_detail")
    page_url = serializers.SerializerMethodField()
    party = PartyBriefSerializer()
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    category_name = serializers.CharField(source="category.name")
    implementation_option_label = serializers.CharField()
    is_sample = serializers.BooleanField(
        help_text="Sample data for the demonstration: verify against the official text."
    )
    verification = serializers.CharField(
        read_only=True,
        help_text="verified (source link and date of last verification), unverified-sample"
        " or unverified.",
    )

    class Meta:
        model = Provision
        # The record of the downloads (columns.py), in the API's names, with a label beside
        # the category and the option, and the provision's own addresses first.
        fields = [
            "id",
            "url",
            "page_url",
            *(
                name
                for column in COLUMNS
                if column.in_api
                for name in (column.api_field, *_LABELS.get(column.api_field, ()))
            ),
        ]

    def get_page_url(self, provision) -> str:
        return self.context["request"].build_absolute_uri(provision.get_absolute_url())


class PartySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="flexibilities:api_party_detail", lookup_field="code"
    )
    provision_count = serializers.IntegerField(read_only=True)
    # Development status today, from the party's dated records (Party.objects.with_status).
    is_ldc = serializers.BooleanField(source="status_ldc", read_only=True)
    is_lldc = serializers.BooleanField(source="status_lldc", read_only=True)
    is_sids = serializers.BooleanField(source="status_sids", read_only=True)
    is_developing = serializers.SerializerMethodField()
    development_grouping = serializers.CharField(
        source="status_grouping",
        read_only=True,
        allow_null=True,
        help_text="developing, transition or developed (the organisation's grouping).",
    )
    status_as_of = serializers.SerializerMethodField(help_text="The day the status is given for.")

    def get_is_developing(self, party) -> bool:
        return party.status_grouping == "developing"

    def get_status_as_of(self, party) -> str:
        return timezone.localdate().isoformat()

    class Meta:
        model = Party
        fields = [
            "code",
            "url",
            "iso3",
            "name",
            "kind",
            "region",
            "is_ldc",
            "is_lldc",
            "is_sids",
            "is_developing",
            "development_grouping",
            "status_as_of",
            "provision_count",
        ]
