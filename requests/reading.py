"""Documents read in place: a Word document's text as HTML, made safe to show in the portal.

mammoth turns the .docx into plain semantic HTML (headings, paragraphs, lists, tables, links);
nh3 then keeps only the tags below: no script, no style, no image (a picture could be a remote
one that tells its sender who read the document and when), and links that carry no referrer.
"""

import mammoth
import nh3

TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "u", "s", "sub", "sup", "br",
    "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "blockquote", "pre",
}  # fmt: skip
ATTRIBUTES = {"a": {"href"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}


def docx_as_html(field_file) -> str:
    """The document's text as sanitised HTML (an empty string if it holds no text)."""
    with field_file.open("rb") as handle:
        converted = mammoth.convert_to_html(handle)
    return nh3.clean(
        converted.value,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
