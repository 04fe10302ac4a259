"""Estonian: the dates people type, which Django's Estonian formats do not list.

Without these, an Estonian form reads only ISO dates and the American
"12/01/2025" (Django's global default), and a date typed as Estonians write
it, "01.12.2025", is refused. The first is the one date fields show.
ISO dates (links, bookmarks) are still read: Django adds them to every list.
"""

DATE_INPUT_FORMATS = [
    "%d.%m.%Y",  # '25.10.2006'
    "%d.%m.%y",  # '25.10.06'
]
# Thousands are grouped in Estonian ("12 345"), by the separator Django gives
# (a no-break space); Django's formats leave grouping off.
NUMBER_GROUPING = 3
# Django's Estonian formats give no date with a time, so the global default
# ("dets. 2, 2026, 1:06 e.l.") showed beside Estonian dates ("2. detsember 2026").
DATETIME_FORMAT = "j. F Y, G:i"
SHORT_DATETIME_FORMAT = "d.m.Y G:i"
