"""Choosing practices from 20,000: a searchable, filterable chooser modal and the widget that
uses it for the links from plan programmes and event sessions to practices.

The links stay many-to-many fields (`Programme.practices`, `EventSession.practices`); only
their widget changes. The old widget rendered every practice as a checkbox, in every
programme and session form, which at 20,000 practices was megabytes per editor page. The
widget renders only the chosen practices (a checked box each, so a link is removed by
unticking it, with or without JavaScript) and a button that opens the chooser in multiple
mode; what is ticked there is added as further checked boxes.

The chooser lists only live, public practices (a draft or a restricted practice of any
city is never listed, and its id is a 404 to the chosen views), ten to a page, in the
language of the page being edited (Wagtail's chooser passes its locale) or else the
editor's; the search matches each word in the title or the city's name, so
"izin" finds "Perizinan ..." and "kupang" a city's practices, on PostgreSQL and SQLite
alike. The form field still refuses any id that is not a live practice.
"""

import json
from functools import reduce
from operator import and_

from django import forms
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm, LocaleFilterMixin
from wagtail.admin.telepath import JSContext
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.models import Locale

from citynet.models import Dimension
from citynet.visibility import public_pages

from .models import PracticePage

MAX_WORDS = 8
MAX_QUERY = 200


def choosable_practices():
    """What the chooser may list or return: live practices outside restricted subtrees."""
    return public_pages(PracticePage.objects.all()).select_related("city", "dimension", "locale")


def matching(practices, text):
    """Practices whose title or city name contains every word of `text`."""
    words = text.split()[:MAX_WORDS]
    if not words:
        return practices
    return practices.filter(
        reduce(and_, (Q(title__icontains=w) | Q(city__title__icontains=w) for w in words))
    )


def label(practice):
    """How a practice reads in the chooser's results and the widget: title and city."""
    city = practice.city.title if practice.city_id else ""
    return f"{practice.title} ({city})" if city else practice.title


class PracticeFilterForm(LocaleFilterMixin, BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        max_length=MAX_QUERY,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Title or city")}),
    )
    dimension = forms.ModelChoiceField(
        label=_("Dimension"),
        queryset=Dimension.objects.all(),
        required=False,
        empty_label=_("All dimensions"),
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "locale" in self.fields:
            self.fields["locale"].label = _("Language")  # Wagtail's "Locale" is English in id

    def filter(self, objects):
        objects = super().filter(objects)  # the locale
        if self.cleaned_data.get("dimension"):
            objects = objects.filter(dimension=self.cleaned_data["dimension"])
        query = self.cleaned_data.get("q", "").strip()
        if query:
            self.is_searching = True
            self.search_query = query
            objects = matching(objects, query)
        return objects


class PracticeChooseMixin:
    """The listing both the modal and its results use."""

    filter_form_class = PracticeFilterForm
    per_page = 10
    ordering = ("title", "pk")

    def get_object_list(self):
        return choosable_practices()

    def get_filter_form(self):
        """Without a choice, the editor's own language (each practice exists once per
        language; a link to either shows in the reader's language)."""
        data = self.request.GET.copy()
        if "locale" not in data:
            code = (get_language() or "").split("-")[0]
            if Locale.objects.filter(language_code=code).exists():
                data["locale"] = code
        return self.get_filter_form_class()(data)

    def can_create(self):
        return False

    @property
    def columns(self):
        return [
            self.title_column,
            Column("city", label=_("City"), accessor=lambda p: p.city.title if p.city_id else ""),
            Column("dimension", label=_("Dimension"), accessor="dimension"),
            Column("locale", label=_("Language"), accessor=lambda p: p.locale.get_display_name()),
        ]


class PracticeChooseView(PracticeChooseMixin, chooser_views.ChooseView):
    pass


class PracticeChooseResultsView(PracticeChooseMixin, chooser_views.ChooseResultsView):
    pass


class PracticeChosenMixin:
    def get_display_title(self, instance):
        return label(instance)

    def get_edit_item_url(self, instance):
        # The widget links nowhere; no per-practice permission lookups.
        return None


class PracticeChosenView(PracticeChosenMixin, chooser_views.ChosenView):
    def get_object(self, pk):
        return choosable_practices().get(pk=pk)

    def get(self, request, pk):
        from django.http import Http404

        try:
            return self.get_chosen_response(self.get_object(pk))
        except (PracticePage.DoesNotExist, ValueError) as error:
            raise Http404 from error


class PracticeChosenMultipleView(PracticeChosenMixin, chooser_views.ChosenMultipleView):
    def get_objects(self, pks):
        return choosable_practices().filter(pk__in=[pk for pk in pks if pk.isdigit()])


class PracticeChooserViewSet(ChooserViewSet):
    model = PracticePage
    icon = "doc-full"
    choose_one_text = _("Choose practices")
    page_title = _("Choose practices")
    choose_view_class = PracticeChooseView
    choose_results_view_class = PracticeChooseResultsView
    chosen_view_class = PracticeChosenView
    chosen_multiple_view_class = PracticeChosenMultipleView
    # Only the widget below uses it: a ForeignKey to PracticePage keeps the page chooser.
    register_widget = False


practice_chooser_viewset = PracticeChooserViewSet("practice_chooser", url_prefix="practice-chooser")


class PracticesChooserWidget(forms.SelectMultiple):
    """The chosen practices as checked boxes, and a button to add more from the chooser.

    Never iterates the field's choices. The titles come from `known` (filled for every form
    of a page at once by `prime`) or, failing that, from one query for this widget.
    """

    template_name = "practices/widgets/practices_chooser.html"
    known = None

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.known = {}

    def id_for_label(self, id_):
        # The field's label names the "Add practices" button (a div is not labelable).
        return f"{id_}-add" if id_ else id_

    def format_value(self, value):
        if value is None:
            return []
        values = value if isinstance(value, (list, tuple)) else [value]
        return [str(v) for v in values if str(v).isdigit()]

    def chosen(self, ids):
        missing = [int(i) for i in ids if int(i) not in self.known]
        if missing:
            found = PracticePage.objects.filter(pk__in=missing).select_related("city")
            self.known.update({p.pk: p for p in found})
        return [self.known[int(i)] for i in ids if int(i) in self.known]

    def get_context(self, name, value, attrs):
        attrs = self.build_attrs(self.attrs, attrs)
        ids = self.format_value(value)
        chooser = practice_chooser_viewset.widget_class()
        context = JSContext()
        return {
            "widget": {
                "name": name,
                "id": attrs.get("id", name),
                "attrs": {"aria_describedby": attrs.get("aria-describedby", "")},
                "chosen": [(p.pk, label(p)) for p in self.chosen(ids)],
                "chooser": json.dumps(context.pack(chooser)),
            }
        }

    def render(self, name, value, attrs=None, renderer=None):
        return render_to_string(self.template_name, self.get_context(name, value, attrs))

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)

    def value_omitted_from_data(self, data, files, name):
        # Unticking every box posts nothing: that means "no practices", not "unchanged".
        return False

    @property
    def media(self):
        chooser = practice_chooser_viewset.widget_class()
        context = JSContext()
        context.pack(chooser)
        return context.media + forms.Media(js=["practices/js/practices-chooser.js"])


def prime(forms_, field_name="practices"):
    """Load the chosen practices of many forms (a plan's programmes, an event's sessions)
    in one query, so the editor's page costs the same however many links it holds."""
    widgets, ids = [], set()
    for form in forms_:
        if field_name not in form.fields:
            continue
        widget = form.fields[field_name].widget
        if isinstance(widget, PracticesChooserWidget):
            widgets.append(widget)
            ids.update(int(i) for i in widget.format_value(form[field_name].value()))
    if not widgets:
        return
    known = {p.pk: p for p in PracticePage.objects.filter(pk__in=ids).select_related("city")}
    for widget in widgets:
        widget.known = known
