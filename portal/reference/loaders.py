"""Load the reference data shipped in this folder: parties, their development status records
and the Development Agenda registry.

Each loader takes an app registry so that a data migration can pass its historical models
and `manage.py load_reference_data` the current ones. Both are idempotent: rows are matched
on their natural key (party code, cluster letter, recommendation number) and updated.
"""

import csv
import datetime
import json
from collections.abc import Iterator
from pathlib import Path

from django.apps import apps as django_apps

HERE = Path(__file__).resolve().parent
MEMBER_STATES_FILE = HERE / "member_states.csv"
ORGANISATIONS_FILE = HERE / "organisations.csv"
DEVELOPMENT_AGENDA_FILE = HERE / "development_agenda.json"
# The recommendations' texts in the five other languages: the portal team's translations.
DEVELOPMENT_AGENDA_TEXTS_FILE = HERE / "development_agenda_texts.json"
DEVELOPMENT_STATUS_FILE = HERE / "development_status.csv"

# The six UN languages, as model field suffixes (django-modeltranslation names zh-hans zh_hans).
LANGUAGE_FIELDS = {"en": "en", "fr": "fr", "es": "es", "ar": "ar", "zh": "zh_hans", "ru": "ru"}


def _known(model, values: dict) -> dict:
    """Only the fields the model has: a data migration passes an older, historical model."""
    names = {field.name for field in model._meta.get_fields()}
    return {key: value for key, value in values.items() if key in names}


def read_commented_csv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a CSV whose leading lines starting with '#' name its sources."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        yield from csv.DictReader(lines)


def _names(row: dict[str, str], field: str = "name") -> dict[str, str]:
    names = {
        f"{field}_{suffix}": row.get(f"name_{lang}", "").strip()
        for lang, suffix in LANGUAGE_FIELDS.items()
    }
    names[field] = names[f"{field}_en"]
    return names


def load_parties(apps=django_apps) -> int:
    """Create or update the member states and regional organisations; returns the count."""
    party_model = apps.get_model("portal", "Party")
    count = 0
    for row in read_commented_csv(MEMBER_STATES_FILE):
        defaults = {
            "kind": "state",
            "iso3": row["iso3"],
            "region": row["bureau"],
            "is_asean": row["is_asean"] == "1",
            "membership_note": row.get("membership_note", ""),
            **_names(row),
        }
        party_model.objects.update_or_create(
            code=row["code"], defaults=_known(party_model, defaults)
        )
        count += 1
    for row in read_commented_csv(ORGANISATIONS_FILE):
        organisation, _ = party_model.objects.update_or_create(
            code=row["code"],
            defaults={"kind": "organisation", "iso3": "", "region": "", **_names(row)},
        )
        members = party_model.objects.filter(code__in=row["members"].split())
        organisation.members.set(members)
        count += 1
    return count


def load_development_agenda(apps=django_apps) -> int:
    """Create or update the six clusters and the 45 recommendations; returns the count."""
    cluster_model = apps.get_model("portal", "Cluster")
    recommendation_model = apps.get_model("portal", "Recommendation")
    data = json.loads(DEVELOPMENT_AGENDA_FILE.read_text(encoding="utf-8"))
    clusters = {}
    for item in data["clusters"]:
        clusters[item["letter"]], _ = cluster_model.objects.update_or_create(
            letter=item["letter"], defaults=_translated("title", item["title"])
        )
    for item in data["recommendations"]:
        defaults = {
            "cluster": clusters[item["cluster"]],
            "text": item["text"],
            "immediate_implementation": item["immediate_implementation"],
            "immediate_implementation_source": item.get("immediate_implementation_source", ""),
            **_translated("short_title", item["short_title"]),
        }
        recommendation_model.objects.update_or_create(
            number=item["number"], defaults=_known(recommendation_model, defaults)
        )
    return len(clusters) + len(data["recommendations"])


def load_recommendation_texts(apps=django_apps) -> int:
    """Set each recommendation's text in the six languages; returns how many were set.

    English comes from the agenda file, the rest from the translations file; a language the
    translations file lacks is cleared, so the page falls back to (and says) English.
    Call after `load_development_agenda`, and from a migration whose models have the
    text_<language> columns.
    """
    recommendation_model = apps.get_model("portal", "Recommendation")
    agenda = json.loads(DEVELOPMENT_AGENDA_FILE.read_text(encoding="utf-8"))
    translations = json.loads(DEVELOPMENT_AGENDA_TEXTS_FILE.read_text(encoding="utf-8"))["texts"]
    for item in agenda["recommendations"]:
        texts = {**translations.get(str(item["number"]), {}), "en": item["text"]}
        recommendation_model.objects.filter(number=item["number"]).update(
            **{
                f"text_{suffix}": texts.get(lang) or None
                for lang, suffix in LANGUAGE_FIELDS.items()
            }
        )
    return len(agenda["recommendations"])


def _translated(field: str, values: dict[str, str]) -> dict[str, str]:
    out = {f"{field}_{suffix}": values.get(lang, "") for lang, suffix in LANGUAGE_FIELDS.items()}
    out[field] = values["en"]
    return out


def _date(value: str):
    return datetime.date.fromisoformat(value) if value else None


def load_development_status(apps=django_apps) -> int:
    """Replace every party's development status records with the file's; returns the count.

    Idempotent: the file is the whole truth, so the records are deleted and written again
    (nothing refers to them). Call inside a transaction.
    """
    party_model = apps.get_model("portal", "Party")
    status_model = apps.get_model("portal", "DevelopmentStatus")
    parties = dict(party_model.objects.values_list("code", "pk"))
    records = []
    for row in read_commented_csv(DEVELOPMENT_STATUS_FILE):
        if row["code"] not in parties:
            raise ValueError(f"development_status.csv: unknown party {row['code']!r}")
        records.append(
            status_model(
                party_id=parties[row["code"]],
                kind=row["kind"],
                starts=_date(row["starts"]),
                ends=_date(row["ends"]),
                basis=row["basis"],
                source_title=row["source_title"],
                source_url=row["source_url"],
                checked_on=_date(row["checked_on"]),
                recheck_by=_date(row["recheck_by"]),
                note=row["note"],
            )
        )
    status_model.objects.all().delete()
    status_model.objects.bulk_create(records)
    return len(records)


def load_all(apps=django_apps) -> dict[str, int]:
    counts = {
        "parties": load_parties(apps),
        "statuses": load_development_status(apps),
        "registry": load_development_agenda(apps),
    }
    load_recommendation_texts(apps)
    return counts
