"""The smart-city taxonomy: seeded by migration, maintained by the secretariat only."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from citynet.dimensions_seed import DIMENSIONS
from citynet.models import Dimension, DimensionElement

pytestmark = pytest.mark.django_db


def test_six_dimensions_with_three_elements_each_are_seeded():
    assert list(Dimension.objects.values_list("slug", flat=True)) == [d[0] for d in DIMENSIONS]
    for dimension in Dimension.objects.all():
        assert dimension.elements.count() == 3
        assert dimension.name_id and dimension.name_en
    assert DimensionElement.objects.get(slug="waste").dimension.slug == "smart-environment"


def dimension_form(dimension, **overrides):
    elements = [
        {"id": e.pk, "slug": e.slug, "name_en": e.name_en, "name_id": e.name_id, "ORDER": i}
        for i, e in enumerate(dimension.elements.all())
    ]
    values = {
        "slug": dimension.slug,
        "name_en": dimension.name_en,
        "name_id": dimension.name_id,
        "description_en": dimension.description_en,
        "description_id": dimension.description_id,
        "sort_order": dimension.sort_order,
        "elements": inline_formset(elements, initial=len(elements)),
    }
    values.update(overrides)
    return nested_form_data(values)


def test_secretariat_edits_labels_in_the_admin(secretariat_client):
    living = Dimension.objects.get(slug="smart-living")
    url = reverse("wagtailsnippets_citynet_dimension:edit", args=[living.pk])
    assert secretariat_client.get(url).status_code == 200
    response = secretariat_client.post(url, dimension_form(living, name_id="Hidup Cerdas"))
    assert response.status_code == 302
    living.refresh_from_db()
    assert living.name_id == "Hidup Cerdas"
    assert living.elements.count() == 3


def test_duplicate_element_slug_is_a_form_error(secretariat_client):
    living = Dimension.objects.get(slug="smart-living")
    url = reverse("wagtailsnippets_citynet_dimension:edit", args=[living.pk])
    data = dimension_form(living)
    data["elements-0-slug"] = "waste"  # belongs to Smart Environment
    response = secretariat_client.post(url, data)
    assert response.status_code == 200
    assert DimensionElement.objects.get(slug="waste").dimension.slug == "smart-environment"
    assert living.elements.filter(slug="spatial-harmony").exists()


def test_city_editors_cannot_change_the_taxonomy(kupang_client):
    living = Dimension.objects.get(slug="smart-living")
    edit = reverse("wagtailsnippets_citynet_dimension:edit", args=[living.pk])
    response = kupang_client.post(edit, dimension_form(living, name_en="Hijacked"))
    assert response.status_code in (302, 403)
    living.refresh_from_db()
    assert living.name_en == "Smart Living"
    listing = kupang_client.get(reverse("wagtailsnippets_citynet_dimension:list"))
    assert listing.status_code in (302, 403)
