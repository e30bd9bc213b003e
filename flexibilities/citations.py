"""A provision's citation as reference-manager files: RIS, BibTeX and CSL-JSON.

Each is the same record as the citation line on the provision page (dataset.citation): the
law (title, number, date), the article, the party as jurisdiction, the database as the
container and the provision's stable address with the day it was consulted. The type is
"legislation" (CSL "legislation", RIS "STAT", BibTeX @misc, which every style accepts).
"""

import json

from flexibilities.models import Provision

CONTAINER = "Flexibilities database"
FORMATS = {
    "ris": ("application/x-research-info-systems", "ris"),
    "bib": ("application/x-bibtex", "bib"),
    "json": ("application/vnd.citationstyles.csl+json", "json"),
}


def _title(provision: Provision) -> str:
    return f"{provision.law_title}, {provision.article}"


def ris(provision: Provision, url: str, consulted) -> str:
    lines = [
        ("TY", "STAT"),
        ("TI", _title(provision)),
        ("T2", CONTAINER),
        ("CY", provision.party.name),
        ("M1", provision.law_number),
        ("DA", provision.law_date.strftime("%Y/%m/%d") if provision.law_date else ""),
        ("PY", str(provision.law_date.year) if provision.law_date else ""),
        ("LA", provision.language),
        ("UR", url),
        ("Y2", consulted.strftime("%Y/%m/%d")),
        ("ER", ""),
    ]
    # One line per tag; stored text has no control characters, newlines become spaces.
    return "\r\n".join(
        f"{tag}  - {_one_line(value)}" for tag, value in lines if value or tag == "ER"
    )


def _one_line(value: str) -> str:
    return " ".join(str(value).split())


def _bibtex_escape(value: str) -> str:
    value = _one_line(value)
    for char in "\\{}":
        value = value.replace(char, "")
    for char in "&%$#_":
        value = value.replace(char, "\\" + char)
    return value


def bibtex(provision: Provision, url: str, consulted) -> str:
    fields = {
        "title": _title(provision),
        "howpublished": CONTAINER,
        "organization": provision.party.name,
        "number": provision.law_number,
        "year": str(provision.law_date.year) if provision.law_date else "",
        "language": provision.language,
        "url": url,
        "urldate": consulted.isoformat(),
    }
    body = ",\n".join(
        f"  {name} = {{{_bibtex_escape(value) if name != 'url' else _one_line(value)}}}"
        for name, value in fields.items()
        if value
    )
    return f"@misc{{flexibilities-provision-{provision.pk},\n{body}\n}}\n"


def csl_json(provision: Provision, url: str, consulted) -> str:
    item = {
        "id": f"flexibilities-provision-{provision.pk}",
        "type": "legislation",
        "title": _title(provision),
        "container-title": CONTAINER,
        "jurisdiction": provision.party.name,
        "number": provision.law_number or None,
        "section": provision.article,
        "language": provision.language,
        "URL": url,
        "accessed": {"date-parts": [[consulted.year, consulted.month, consulted.day]]},
    }
    if provision.law_date:
        date = provision.law_date
        item["issued"] = {"date-parts": [[date.year, date.month, date.day]]}
    return json.dumps([{k: v for k, v in item.items() if v is not None}], ensure_ascii=False)


WRITERS = {"ris": ris, "bib": bibtex, "json": csl_json}
