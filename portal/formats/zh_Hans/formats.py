# Django's Simplified Chinese formats group digits by four with no separator; CLDR (and
# mainland usage in tables of figures) groups by three with a comma.
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
