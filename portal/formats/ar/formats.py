# Django's Arabic formats leave the date-times to the English defaults and group thousands
# with a full stop; these follow CLDR for Arabic written with Western digits (as here).
DATETIME_FORMAT = "j F، Y، H:i"
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y H:i"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
