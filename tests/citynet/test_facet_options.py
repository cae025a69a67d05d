"""A facet's options are built in Python (citynet_tags.facet_options) for speed; they must
say exactly what the template language said: escaped, selected, counts localised."""

import pytest
from django.template import Context, Template
from django.utils import translation

from citynet.filters import Facet
from search.query import Facet as SearchFacet
from search.query import FacetValue

TEMPLATE_LOOP = Template(
    "{% for option in facet.options %}"
    '<option value="{{ option.value }}"{% if option.selected %} selected{% endif %}>'
    "{{ option.label }} ({{ option.count }})</option>{% endfor %}"
)
TAG = Template("{% load citynet_tags %}{% facet_options facet %}")


def listing_facet():
    facet = Facet("city", "city__slug", "City", [])
    facet.options = [
        {"value": "kupang", "label": "Kota Kupang", "count": 1234567, "selected": True},
        {"value": 'a"b<c>', "label": "<b>Bold & co</b>", "count": 0, "selected": False},
    ]
    return facet


def search_facet():
    return SearchFacet(
        "tag",
        "Tag",
        [FacetValue("x&y", "<i>tag</i>", 20_000, False), FacetValue("z", "Zed", 3, True)],
    )


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("make", [listing_facet, search_facet])
def test_options_match_what_the_template_rendered(language, make):
    facet = make()
    with translation.override(language):
        fast = TAG.render(Context({"facet": facet}))
        slow = TEMPLATE_LOOP.render(Context({"facet": facet}))
    assert fast == slow
    assert "<b>" not in fast and "<i>" not in fast and 'a"b' not in fast
    assert fast.count(" selected") == 1
