"""Which of a plan's sections are filled: the page, the editor and the admin listing show
it, and publishing needs every required section filled.

`check()` works on anything shaped like a plan (`sections`, `snapshot_sections`,
`programme_list`, `section_dimension`): a saved page, a revision, or the editor's posted
form (masterplans.forms), so the same rule answers in all three places.
"""

from dataclasses import dataclass, field


@dataclass
class SectionState:
    key: str
    title: str
    required: bool
    filled: bool


@dataclass
class Completeness:
    sections: list = field(default_factory=list)

    @property
    def missing(self):
        return [s.title for s in self.sections if s.required and not s.filled]

    @property
    def required_total(self):
        return sum(1 for s in self.sections if s.required)

    @property
    def required_filled(self):
        return sum(1 for s in self.sections if s.required and s.filled)

    @property
    def filled_total(self):
        return sum(1 for s in self.sections if s.filled)

    @property
    def percent(self):
        if not self.required_total:
            return 100
        return round(100 * self.required_filled / self.required_total)

    @property
    def complete(self):
        return not self.missing


def check(plan):
    filled = {}
    for child in plan.sections:
        key = child.value.get("key")
        if key and hasattr(child.block, "is_filled"):
            filled[key] = filled.get(key, False) or child.block.is_filled(child.value, plan)
    return Completeness(
        [
            SectionState(s["key"], s["title"], s["required"], filled.get(s["key"], False))
            for s in plan.snapshot_sections
        ]
    )
