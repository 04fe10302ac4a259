"""Agency logos for the demo, drawn with Pillow so the demo needs no image files."""

from __future__ import annotations

import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection

from learning.fonts import FONTS


def agency_logo(title: str, initials: str, colour: tuple[int, int, int]):
    """A wagtail image titled `title`: an emblem with `initials` beside a wave; reused if present."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    width, height = 480, 160
    picture = PillowImage.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle((8, 8, 152, 152), radius=28, fill=colour)
    # Three waves: the water sector, which these demo agencies serve.
    for row in range(3):
        y = 96 + row * 16
        draw.arc((24, y - 10, 80, y + 10), 200, 340, fill="white", width=5)
        draw.arc((80, y - 10, 136, y + 10), 200, 340, fill="white", width=5)
    initials_font = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 44)
    draw.text((80, 58), initials, font=initials_font, fill="white", anchor="mm")
    words = title.split()
    middle = (len(words) + 1) // 2
    lines = [" ".join(words[:middle]), " ".join(words[middle:])]
    # The largest size at which the longer line still fits beside the emblem.
    size = 30
    while size > 12:
        words_font = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), size)
        if max(draw.textlength(line, font=words_font) for line in lines) <= width - 190:
            break
        size -= 1
    draw.text((176, 80), lines[0], font=words_font, fill=colour, anchor="ls")
    draw.text((176, 80 + size + 8), lines[1], font=words_font, fill=colour, anchor="ls")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    # Images belong to a collection; a database emptied by a test has lost the root
    # that Wagtail's migration made, as it lost the page root seed_demo rebuilds.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower())
    return image_model.objects.create(title=title, file=ImageFile(buffer, name=f"{slug}-logo.png"))
