"""Server-rendered SVG charts for the plan's implementation section.

Geometry is computed here and drawn by a template as inline SVG: no chart library reaches
the browser, the charts cost a few hundred bytes, and each is followed by a table holding
the same figures for screen readers and for readers who want the numbers.
"""

from decimal import Decimal

WIDTH, BAR_AREA_HEIGHT, LEFT, BOTTOM = 640, 160, 8, 24


def budget_chart(implementation):
    """Planned and realised budget per plan year as pairs of columns."""
    rows = implementation.budget_rows
    if not rows:
        return None
    top = max([r["planned"] or 0 for r in rows] + [r["realised"] or 0 for r in rows])
    if not top:
        return None
    slot = (WIDTH - LEFT * 2) / len(rows)
    bar = slot * 0.38
    columns = []
    for i, row in enumerate(rows):
        x = LEFT + i * slot + slot * 0.1
        planned_h = float(row["planned"] or 0) / float(top) * BAR_AREA_HEIGHT
        realised_h = float(row["realised"] or 0) / float(top) * BAR_AREA_HEIGHT
        columns.append(
            {
                "year": row["year"],
                "label_x": round(x + bar, 1),
                "planned": _column(x, planned_h),
                "realised": _column(x + bar, realised_h),
            }
        )
    return {
        "width": WIDTH,
        "height": BAR_AREA_HEIGHT + BOTTOM,
        "bar": round(bar, 1),
        "columns": columns,
    }


def _column(x, height):
    return {"x": round(x, 1), "y": round(BAR_AREA_HEIGHT - height, 1), "h": round(height, 1)}


def indicator_chart(implementation):
    """Each KPI's progress from baseline (0%) to target (100%) as a horizontal bar."""
    items = implementation.indicators
    if not items:
        return None
    row_height, bar_left, bar_width = 26, 8, WIDTH - 16
    bars = []
    for i, item in enumerate(items):
        percent = item.percent if item.percent is not None else Decimal(0)
        bars.append(
            {
                "y": i * row_height,
                "width": round(float(percent) / 100 * bar_width, 1),
                "reported": item.percent is not None,
            }
        )
    return {
        "width": WIDTH,
        "height": len(items) * row_height,
        "bar_left": bar_left,
        "bar_width": bar_width,
        "bar_height": 16,
        "bars": bars,
    }
