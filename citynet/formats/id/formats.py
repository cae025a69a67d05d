"""Indonesian formats as Indonesian style guides (PUEBI) and government documents write them.

Django's own `id` formats abbreviate months (16 Okt. 2019) and write times as 9.00; the hub
spells months out (16 Oktober 2019) and writes times with two digits and a dot (09.00), the
zone after them (09.00 WITA, from the event's time zone). Numbers group with dots, decimals
with a comma (Django's), so rupiah read Rp 1.250.000 (citynet_formats.rupiah).
"""

from django.conf.locale.id.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H.i"
DATETIME_FORMAT = "j F Y, H.i"
SHORT_DATETIME_FORMAT = "d-m-Y H.i"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
