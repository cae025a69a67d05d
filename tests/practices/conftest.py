"""Practices on top of the two-city site: an index per language and a few practices."""

from dataclasses import dataclass

import pytest

from citynet.factories import translate
from citynet.models import Dimension, DimensionElement
from practices.factories import PracticeIndexPageFactory, PracticePageFactory
from practices.models import PracticeIndexPage, PracticePage, SustainableDevelopmentGoal


@dataclass
class PracticeTree:
    index: PracticeIndexPage
    index_id: PracticeIndexPage
    permits: PracticePage  # Sidoarjo, governance/public service, tags perizinan
    library: PracticePage  # Sidoarjo, society/learning
    wifi: PracticePage  # Kupang, society/community interaction
    padi: PracticePage  # Kupang, adapted from the library


def element(slug):
    return DimensionElement.objects.get(slug=slug)


def make_practice(parent, *, elements=(), tags=(), sdgs=(), **fields):
    """A published practice with its many-to-many values in its revision too."""
    practice = PracticePageFactory.build(**fields)
    practice.elements = [element(slug) for slug in elements]
    practice.sdgs = list(SustainableDevelopmentGoal.objects.filter(number__in=sdgs))
    if tags:
        practice.tags.add(*tags)
    parent.add_child(instance=practice)
    practice.save_revision().publish()
    return PracticePage.objects.get(pk=practice.pk)


@pytest.fixture
def practice_tree(site_tree):
    return build_practice_tree(site_tree)


def build_practice_tree(site_tree):
    index = PracticeIndexPageFactory(parent=site_tree.home)
    index_id = translate(index, "id", title="Praktik baik")
    society = Dimension.objects.get(slug="smart-society")
    permits = make_practice(
        site_tree.sidoarjo,
        title="Online permits",
        slug="online-permits",
        summary="Permits issued online.",
        elements=["public-service"],
        tags=["perizinan", "online"],
        sdgs=[16],
        status="scaled",
        start_year=2008,
    )
    library = make_practice(
        site_tree.sidoarjo,
        title="Digital library",
        slug="digital-library",
        dimension=society,
        elements=["learning-ecosystem"],
        tags=["literasi"],
        sdgs=[4],
        start_year=2018,
    )
    wifi = make_practice(
        site_tree.kupang,
        title="Public Wi-Fi",
        slug="public-wifi",
        dimension=society,
        elements=["community-interaction"],
        tags=["wifi", "online"],
        sdgs=[9, 11],
        status="pilot",
        start_year=2016,
    )
    padi = make_practice(
        site_tree.kupang,
        title="PADI library",
        slug="padi",
        dimension=society,
        elements=["learning-ecosystem"],
        tags=["literasi"],
        sdgs=[4],
        start_year=2019,
        adapted_from=library,
    )
    return PracticeTree(index, index_id, permits, library, wifi, padi)
