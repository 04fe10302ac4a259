"""The select written in Python gives the markup Django's templates give."""

from __future__ import annotations

import re

import pytest
from django import forms

from learning.forms import SubRegionSelect
from learning.widgets import PlainSelect


def _compact(html: str) -> str:
    """The markup without the line breaks and indentation between tags."""
    return re.sub(r">\s+<", "><", str(html)).strip()


CHOICES = [
    ("", 'All <regions> & "more"'),
    (3, "Eesti"),
    ("Groups", [(7, "Harju maakond"), (8, "Tartu maakond")]),
    ("x'y", "Quote's label"),
]


@pytest.mark.parametrize("value", [None, "", 3, "8", ["3"], "x'y", "missing"])
@pytest.mark.parametrize(
    "attrs", [None, {"id": "id_region", "aria-describedby": "help", "required": True}]
)
def test_a_plain_select_is_djangos_select(value, attrs):
    plain = PlainSelect(choices=CHOICES).render("region", value, attrs)
    django = forms.Select(choices=CHOICES).render("region", value, attrs)
    assert _compact(plain) == _compact(django)
    assert "&lt;regions&gt; &amp; &quot;more&quot;" in plain


def test_the_sub_region_select_keeps_its_regions_for_the_script():
    widget = SubRegionSelect()
    widget.choices = [("", "All sub-regions"), ("Eesti", [(7, "Harju maakond")])]
    widget.region_of = {"7": "3"}
    html = widget.render("subregion", 7, {"id": "id_subregion"})
    assert '<optgroup label="Eesti">' in html
    assert '<option value="7" selected data-region="3">Harju maakond</option>' in html
    assert 'data-subregion-select="region"' in html
