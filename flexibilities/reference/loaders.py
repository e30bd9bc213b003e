"""Load the flexibility categories shipped in this folder (categories.json, source named inside).

The loader takes an app registry so that a data migration can pass its historical models and
the demo loader the current ones. It is idempotent: categories are matched on their slug.
"""

import json
from pathlib import Path

from django.apps import apps as django_apps

HERE = Path(__file__).resolve().parent
CATEGORIES_FILE = HERE / "categories.json"
SAMPLE_PROVISIONS_FILE = HERE / "sample_provisions.json"

# The six UN languages as model field suffixes (django-modeltranslation names zh-hans zh_hans).
LANGUAGE_FIELDS = {"en": "en", "fr": "fr", "es": "es", "ar": "ar", "zh": "zh_hans", "ru": "ru"}


def _translated(field: str, values: dict[str, str]) -> dict[str, str]:
    out = {
        f"{field}_{suffix}": values.get(lang) or None for lang, suffix in LANGUAGE_FIELDS.items()
    }
    out[field] = values["en"]
    return out


def read_categories() -> list[dict]:
    data = json.loads(CATEGORIES_FILE.read_text(encoding="utf-8"))
    return data["categories"] if isinstance(data, dict) else data


def load_categories(apps=django_apps) -> int:
    """Create or update the flexibility categories; returns how many the file holds."""
    category_model = apps.get_model("flexibilities", "FlexibilityCategory")
    items = read_categories()
    for position, item in enumerate(items, start=1):
        category_model.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "position": position,
                "trips_articles": [str(article) for article in item.get("trips_articles", [])],
                "implementation_options": item.get("implementation_options", []),
                "ip_area": item.get("ip_area") or "patents",
                **_translated("name", item["name"]),
                **_translated("description", item.get("description", {"en": ""})),
            },
        )
    return len(items)


def load_source() -> str:
    """The sources of the categories as named in categories.json."""
    data = json.loads(CATEGORIES_FILE.read_text(encoding="utf-8"))
    return data.get("source", "") if isinstance(data, dict) else ""
