"""The blocks of a master plan's sections, one StructBlock per section kind.

Every section block starts with the template's `key`, `title` and `guidance`, copied when
the plan is started: the writer sees the title and guidance (read-only) in the editor;
the public page and the PDF show the title and never the guidance. `is_filled()` says
whether the writer has done the section, for the completeness check.
"""

from django import forms
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from practices.models.choices import PROSE_FEATURES

from .models.templates import SectionKind


def _has_text(value):
    """True when rich text or plain text holds something a reader would see."""
    if value is None:
        return False
    source = getattr(value, "source", value)
    return bool(strip_tags(str(source)).replace("&nbsp;", " ").strip())


class ReadOnlyTextBlock(blocks.FieldBlock):
    """Text copied from the template (title, guidance): shown to the writer, not edited.

    The form re-copies these from the plan's template snapshot on every save, so a
    tampered post changes nothing.
    """

    def __init__(self, multiline=False, **kwargs):
        attrs = {"readonly": "readonly", "class": "plan-readonly"}
        widget = forms.Textarea(attrs={**attrs, "rows": 3}) if multiline else forms.TextInput(attrs)
        self.field = forms.CharField(required=False, widget=widget)
        super().__init__(**kwargs)

    class Meta:
        default = ""


class SectionKeyBlock(blocks.FieldBlock):
    """Which template section this block fills (hidden in the editor)."""

    def __init__(self, **kwargs):
        self.field = forms.CharField(required=False, widget=forms.HiddenInput)
        super().__init__(**kwargs)

    class Meta:
        default = ""
        form_classname = "plan-hidden"


class SectionBlock(blocks.StructBlock):
    key = SectionKeyBlock(label=_("Section key"))
    title = ReadOnlyTextBlock(label=_("Section"))
    guidance = ReadOnlyTextBlock(multiline=True, label=_("Guidance from the template"))

    kind = None

    class Meta:
        label_format = "{title}"

    def is_filled(self, value, plan):
        raise NotImplementedError


class NarrativeSectionBlock(SectionBlock):
    """Free prose: introduction, regional profile, implementation strategy, closing."""

    body = blocks.RichTextBlock(features=PROSE_FEATURES, required=False, label=_("Text"))
    kind = SectionKind.NARRATIVE

    class Meta:
        icon = "doc-full"
        template = "masterplans/blocks/narrative.html"

    def is_filled(self, value, plan):
        return _has_text(value.get("body"))


SCORE_CHOICES = [(str(n), str(n)) for n in range(1, 6)]


class ReadinessElementValue(blocks.StructValue):
    def parts(self):
        """(label, text) of the element's three parts, for the page and the PDF."""
        names = [name for name in self.block.child_blocks if name.startswith("part_")]
        return [(self.block.child_blocks[name].label, self.get(name)) for name in names]


class ReadinessElementBlock(blocks.StructBlock):
    """One readiness element (structure, infrastructure or superstructure): three parts,
    a self-score from 1 (not ready) to 5 (ready) and the evidence behind it."""

    def __init__(self, part_labels, **kwargs):
        local_blocks = [
            (f"part_{n}", blocks.TextBlock(required=False, label=label, rows=3))
            for n, label in enumerate(part_labels, start=1)
        ]
        local_blocks += [
            (
                "score",
                blocks.ChoiceBlock(
                    choices=SCORE_CHOICES,
                    required=False,
                    label=_("Self-score"),
                    help_text=_("1 = not ready, 5 = fully ready."),
                ),
            ),
            ("evidence", blocks.TextBlock(required=False, label=_("Evidence"), rows=2)),
        ]
        self.part_labels = part_labels
        super().__init__(local_blocks, **kwargs)

    class Meta:
        value_class = ReadinessElementValue

    def is_filled(self, value):
        parts = [value.get(f"part_{n}") for n in range(1, len(self.part_labels) + 1)]
        return bool(value.get("score")) and any(_has_text(p) for p in parts)


READINESS_ELEMENTS = {
    "structure": (
        _("Structure"),
        (_("Human resources"), _("Budget and finance"), _("Governance and organisation")),
    ),
    "infrastructure": (
        _("Infrastructure"),
        (_("Physical infrastructure"), _("Digital infrastructure"), _("Social infrastructure")),
    ),
    "superstructure": (
        _("Superstructure"),
        (_("Regulation and policy"), _("Institutions"), _("Implementation")),
    ),
}


class ReadinessSectionValue(blocks.StructValue):
    def elements(self):
        return [(READINESS_ELEMENTS[name][0], self.get(name)) for name in READINESS_ELEMENTS]


class ReadinessSectionBlock(SectionBlock):
    """Readiness analysis of Gerakan Menuju 100 Smart City: three elements of three parts."""

    structure = ReadinessElementBlock(
        READINESS_ELEMENTS["structure"][1], label=READINESS_ELEMENTS["structure"][0]
    )
    infrastructure = ReadinessElementBlock(
        READINESS_ELEMENTS["infrastructure"][1], label=READINESS_ELEMENTS["infrastructure"][0]
    )
    superstructure = ReadinessElementBlock(
        READINESS_ELEMENTS["superstructure"][1], label=READINESS_ELEMENTS["superstructure"][0]
    )
    kind = SectionKind.READINESS

    class Meta:
        icon = "tasks"
        template = "masterplans/blocks/readiness.html"
        value_class = ReadinessSectionValue

    def is_filled(self, value, plan):
        return all(self.child_blocks[name].is_filled(value[name]) for name in READINESS_ELEMENTS)


class GoalBlock(blocks.StructBlock):
    goal = blocks.CharBlock(max_length=300, label=_("Goal"))
    indicator = blocks.CharBlock(max_length=300, required=False, label=_("Key indicator"))
    target = blocks.CharBlock(
        max_length=200, required=False, label=_("Target"), help_text=_("e.g. 90% by 2029")
    )


class VisionSectionBlock(SectionBlock):
    """Vision, mission and goals, aligned with the region's five-year plan (RPJMD)."""

    vision = blocks.TextBlock(required=False, label=_("Vision"), rows=2)
    missions = blocks.ListBlock(
        blocks.CharBlock(max_length=400, label=_("Mission")), default=[], label=_("Missions")
    )
    goals = blocks.ListBlock(GoalBlock(), default=[], label=_("Goals and indicators"))
    kind = SectionKind.VISION

    class Meta:
        icon = "view"
        template = "masterplans/blocks/vision.html"

    def is_filled(self, value, plan):
        return _has_text(value.get("vision")) and any(_has_text(m) for m in value["missions"])


class ElementStrategyBlock(blocks.StructBlock):
    element = SectionKeyBlock(label=_("Element key"))
    element_name = ReadOnlyTextBlock(label=_("Element"))
    strategy = blocks.RichTextBlock(
        features=PROSE_FEATURES,
        required=False,
        label=_("Strategy"),
        help_text=_("What the city will do for this element, and why."),
    )

    class Meta:
        label_format = "{element_name}"


class DimensionStrategySectionBlock(SectionBlock):
    """The strategy for one dimension, element by element (its programmes are listed below)."""

    intro = blocks.RichTextBlock(features=PROSE_FEATURES, required=False, label=_("Overview"))
    elements = blocks.ListBlock(ElementStrategyBlock(), default=[], label=_("Elements"))
    kind = SectionKind.DIMENSION_STRATEGY

    class Meta:
        icon = "cogs"
        template = "masterplans/blocks/dimension_strategy.html"

    def is_filled(self, value, plan):
        return any(_has_text(item.get("strategy")) for item in value["elements"])


class ComputedSectionBlock(SectionBlock):
    """A section whose content comes from the programmes, with room for a note."""

    note = blocks.RichTextBlock(features=PROSE_FEATURES, required=False, label=_("Note"))


class ProgrammesSectionBlock(ComputedSectionBlock):
    kind = SectionKind.PROGRAMMES

    class Meta:
        icon = "list-ul"
        template = "masterplans/blocks/programmes.html"

    def is_filled(self, value, plan):
        dimension = plan.section_dimension(value.get("key"))
        return any(dimension is None or p.dimension_id == dimension for p in plan.programme_list)


class QuickWinsSectionBlock(ComputedSectionBlock):
    kind = SectionKind.QUICK_WINS

    class Meta:
        icon = "pick"
        template = "masterplans/blocks/quick_wins.html"

    def is_filled(self, value, plan):
        return any(p.quick_win for p in plan.programme_list)


class RoadmapBudgetSectionBlock(ComputedSectionBlock):
    kind = SectionKind.ROADMAP_BUDGET

    class Meta:
        icon = "date"
        template = "masterplans/blocks/roadmap_budget.html"

    def is_filled(self, value, plan):
        return any(p.budget_total for p in plan.programme_list)


FREQUENCY_CHOICES = [
    ("monthly", _("Monthly")),
    ("quarterly", _("Quarterly")),
    ("semester", _("Every six months")),
    ("annual", _("Yearly")),
]
EVALUATION_ASPECTS = [
    ("baseline", _("Baseline")),
    ("output", _("Output")),
    ("outcome", _("Outcome")),
    ("impact", _("Impact")),
    ("quick_win", _("Quick win")),
]


class MonitoringIndicatorValue(blocks.StructValue):
    def aspect_label(self):
        return dict(EVALUATION_ASPECTS).get(self.get("aspect"), "")

    def frequency_label(self):
        return dict(FREQUENCY_CHOICES).get(self.get("frequency"), "")


class MonitoringIndicatorBlock(blocks.StructBlock):
    indicator = blocks.CharBlock(max_length=300, label=_("Indicator"))
    aspect = blocks.ChoiceBlock(
        choices=EVALUATION_ASPECTS, required=False, label=_("Evaluation aspect")
    )
    frequency = blocks.ChoiceBlock(choices=FREQUENCY_CHOICES, label=_("Frequency"))
    agency = blocks.CharBlock(
        max_length=200, label=_("Responsible agency"), help_text=_("e.g. Bappeda, Diskominfo")
    )

    class Meta:
        value_class = MonitoringIndicatorValue


class MonitoringSectionBlock(SectionBlock):
    """How the plan is followed: the five evaluation aspects, how often, and by whom."""

    intro = blocks.RichTextBlock(features=PROSE_FEATURES, required=False, label=_("Approach"))
    indicators = blocks.ListBlock(MonitoringIndicatorBlock(), default=[], label=_("Indicators"))
    kind = SectionKind.MONITORING

    class Meta:
        icon = "time"
        template = "masterplans/blocks/monitoring.html"

    def is_filled(self, value, plan):
        return len(value["indicators"]) > 0


SECTION_BLOCKS = [
    (SectionKind.NARRATIVE.value, NarrativeSectionBlock(label=_("Narrative"))),
    (SectionKind.READINESS.value, ReadinessSectionBlock(label=_("Readiness assessment"))),
    (SectionKind.VISION.value, VisionSectionBlock(label=_("Vision and mission"))),
    (
        SectionKind.DIMENSION_STRATEGY.value,
        DimensionStrategySectionBlock(label=_("Dimension strategy")),
    ),
    (SectionKind.PROGRAMMES.value, ProgrammesSectionBlock(label=_("Programmes"))),
    (SectionKind.QUICK_WINS.value, QuickWinsSectionBlock(label=_("Quick wins"))),
    (SectionKind.ROADMAP_BUDGET.value, RoadmapBudgetSectionBlock(label=_("Roadmap and budget"))),
    (SectionKind.MONITORING.value, MonitoringSectionBlock(label=_("Monitoring and evaluation"))),
]
