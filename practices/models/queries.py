"""The practice queries listings and pages share: live practices of a language, and the
related practices a page suggests."""

from collections import Counter

from citynet.visibility import public_pages

from .practice import PracticePage, PracticeTag

RELATED_COUNT = 3
# Best-scored matches loaded to pick the related practices from (some may be drafts).
RELATED_CANDIDATES = 30


def live_practices(locale_id):
    """Live, public practices of one language, with what their cards show."""
    return public_pages(PracticePage.objects.filter(locale_id=locale_id)).select_related(
        "city", "dimension"
    )


def related_practices(practice):
    """Live practices of the same locale sharing elements or tags, most shared first.

    Matches are read from the two link tables (small rows) and scored here, then only
    the best candidates are loaded: three queries, fast at 20,000 practices, where one
    query joining and counting over every page took half a second.
    """
    # Plain iteration: in previews these are in-memory (modelcluster) querysets.
    element_ids = [element.pk for element in practice.elements.all()]
    tag_ids = [tag.pk for tag in practice.tags.all()]
    # Only live practices of this language compete, so other languages cannot crowd
    # the candidates out.
    scores = Counter(
        PracticePage.elements.through.objects.filter(
            dimensionelement_id__in=element_ids,
            practicepage__locale_id=practice.locale_id,
            practicepage__live=True,
        ).values_list("practicepage_id", flat=True)
    )
    scores.update(
        PracticeTag.objects.filter(
            tag_id__in=tag_ids,
            content_object__locale_id=practice.locale_id,
            content_object__live=True,
        ).values_list("content_object_id", flat=True)
    )
    scores.pop(practice.pk, None)
    candidates = [pk for pk, _score in scores.most_common(RELATED_CANDIDATES)]
    if not candidates:
        return []
    pages = live_practices(practice.locale_id).filter(pk__in=candidates)
    ranked = sorted(pages, key=lambda p: (scores[p.pk], p.first_published_at, p.pk), reverse=True)
    return ranked[:RELATED_COUNT]
