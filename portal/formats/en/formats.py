# The portal's English is international (UN) English: day before month, 24-hour clock.
# Only what differs from Django's own locale formats is here (FORMAT_MODULE_PATH).
DATE_FORMAT = "j F Y"  # 5 March 2026
SHORT_DATE_FORMAT = "j M Y"  # 5 Mar 2026, in tables and lists
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
