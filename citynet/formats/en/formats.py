"""English formats for the hub's international readers: 16 October 2019, 09:00 (day first,
as in Citynet's other member countries, and the same order as the Indonesian pages)."""

from django.conf.locale.en.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
