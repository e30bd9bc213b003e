"""The record of a provision: the columns of the downloads, of the import and of the API.

A download imported back changes nothing because the three read this one list: exports.py
writes each column from `source`, imports.py accepts the imported columns' names as its header
and writes them back to `source`, and the API serializer lists each column's `api_field`.
"""

from dataclasses import dataclass

TEXT, DATE, FLAG = "text", "date", "flag"


@dataclass(frozen=True)
class Column:
    name: str  # the CSV header and the JSON key of downloads and imports
    source: str  # the Provision field (or lookup through a relation) the value comes from
    kind: str = TEXT  # DATE: YYYY-MM-DD; FLAG: true/false
    required: bool = False  # the import refuses a file or a record without it
    imported: bool = True  # False: derived from other columns, accepted and ignored on import
    in_api: bool = True

    @property
    def api_field(self) -> str:
        """The API serializer's field: the model field, or the relation it is read through."""
        return self.source.split("__")[0]


COLUMNS = (
    Column("party", "party__code", required=True),
    Column("category", "category__slug", required=True),
    Column("law_title", "law_title", required=True),
    Column("law_number", "law_number"),
    Column("law_date", "law_date", DATE),
    Column("last_amended", "last_amended", DATE),
    Column("article", "article", required=True),
    Column("text", "text", required=True),
    Column("text_is_excerpt", "text_is_excerpt", FLAG),
    Column("language", "language", required=True),
    Column("implementation_option", "implementation_option"),
    Column("source_url", "source_url"),
    Column("last_verified", "last_verified", DATE),
    Column("note", "note"),
    # The API publishes only published provisions, so it leaves the flag out.
    Column("published", "is_published", FLAG, in_api=False),
    Column("sample", "is_sample", FLAG),
    # verified / unverified-sample / unverified: verified only with a source link and a date of
    # last verification (models.verification).
    Column("verification", "verification", imported=False),
)
IMPORTED = tuple(column for column in COLUMNS if column.imported)
# The import's names, as staff see them on the upload page.
NAMES = tuple(column.name for column in IMPORTED)
REQUIRED = tuple(column.name for column in IMPORTED if column.required)
