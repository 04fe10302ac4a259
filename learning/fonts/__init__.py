"""DejaVu Sans, which covers every language of the site (õ, ž, č, ľ, ...) in PDF documents.

Here, at the lowest layer that writes PDFs (certificates), so that the
organisation records and programme reports above use the same files.
"""

from pathlib import Path

FONTS = Path(__file__).resolve().parent
