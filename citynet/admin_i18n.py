"""Wagtail admin labels that Wagtail 8.0.1 translates too early.

`wagtail.admin.viewsets.chooser.ChooserViewSet` sets its default labels with `gettext` (not
`gettext_lazy`) at import time, so they are fixed in the server's language (English) before
any editor's language is known: the image and document choosers' "Search" tab and the
"Choose", "Choose another", "Edit" and "Create" labels of every chooser that keeps the
defaults stay English for an editor in Bahasa Indonesia. Making them lazy again translates
them per request. Report upstream; drop this when Wagtail does the same
(tests/citynet/test_admin_indonesian.py notices).
"""

from django.utils.translation import gettext_lazy

CHOOSER_LABELS = {
    "choose_one_text": "Choose",
    "choose_another_text": "Choose another",
    "edit_item_text": "Edit",
    "search_tab_label": "Search",
    "create_action_label": "Create",
}


def translate_chooser_labels_per_request():
    from wagtail.admin.viewsets.chooser import ChooserViewSet

    for attribute, english in CHOOSER_LABELS.items():
        if getattr(ChooserViewSet, attribute) == english:  # still the import-time string
            setattr(ChooserViewSet, attribute, gettext_lazy(english))


def _lazy_snippet_breadcrumbs(self):
    from django.conf import settings
    from django.urls import reverse_lazy

    items = [{"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")}]
    if getattr(settings, "WAGTAILSNIPPETS_MENU_SHOW_ALL", False) or not (
        self.get_menu_item_is_registered()
    ):
        items.append(
            {"url": reverse_lazy("wagtailsnippets:index"), "label": gettext_lazy("Snippets")}
        )
    return items


def translate_snippet_breadcrumbs_per_request():
    """`SnippetViewSet.breadcrumbs_items` labels "Home" and "Snippets" with `gettext` when the
    URLs are built at startup: every snippet screen's breadcrumbs stay English. The same
    items with lazy labels (Wagtail 8.0.1's logic otherwise unchanged)."""
    from wagtail.snippets.views.snippets import SnippetViewSet

    global ORIGINAL_SNIPPET_BREADCRUMBS
    current = SnippetViewSet.__dict__["breadcrumbs_items"]
    if current.fget is not _lazy_snippet_breadcrumbs:
        ORIGINAL_SNIPPET_BREADCRUMBS = current.fget
        SnippetViewSet.breadcrumbs_items = property(_lazy_snippet_breadcrumbs)


ORIGINAL_SNIPPET_BREADCRUMBS = None
