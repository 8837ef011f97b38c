"""Bar charts as SVG, for the cohort report: inline in its page and as files for slides.

Made of elements and escaped text only (no script, no outside reference), so a chart can be
opened on its own or pasted into a board paper. Every chart has a table beside it in the
report that gives the same figures.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape

# The report's palette: one colour per cohort, told apart by their labels as well.
COLOURS = ("#3f51b5", "#b45309")
ROW, BAR, LABEL_WIDTH, PLOT_WIDTH = 34, 12, 230, 360


def bar_chart(
    chart_id: str,
    title: str,
    rows: list[tuple[str, list[float | None]]],
    series: list[str],
    low: float,
    high: float,
    *,
    write: Callable[[object], str],
    nobody: str,
) -> Markup:
    """Horizontal bars: one row per label, one bar per series (cohort), from ``low`` to ``high``;
    ``write`` writes a figure and ``nobody`` says a bar has no one, in the report's language."""
    legend = 24 if len(series) > 1 else 0
    height = 40 + legend + ROW * len(rows) + 24
    width = LABEL_WIDTH + PLOT_WIDTH + 60
    span = (high - low) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-labelledby="{escape(chart_id)}-title" font-family="system-ui, sans-serif" font-size="13">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<text x="0" y="18" font-weight="600" fill="#1a1a1a">{escape(title)}</text>',
    ]
    for n, name in enumerate(series if len(series) > 1 else []):
        x = LABEL_WIDTH + n * 160
        parts.append(f'<rect x="{x}" y="30" width="12" height="12" fill="{COLOURS[n % 2]}"/>')
        parts.append(f'<text x="{x + 18}" y="41" fill="#1a1a1a">{escape(name)}</text>')
    top = 40 + legend
    for r, (label, values) in enumerate(rows):
        y = top + r * ROW
        shown = label if len(label) <= 34 else label[:33] + "…"
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + ROW / 2 + 4}" text-anchor="end" fill="#1a1a1a">{escape(shown)}</text>'
        )
        for n, value in enumerate(values):
            by = y + 4 + n * (BAR + 2) if len(values) > 1 else y + (ROW - BAR) / 2
            if value is None:
                parts.append(f'<text x="{LABEL_WIDTH + 4}" y="{by + BAR - 2}" fill="#4a4a4a">{escape(nobody)}</text>')
                continue
            length = max(0.0, (value - low) / span * PLOT_WIDTH)
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{by}" width="{length:.1f}" height="{BAR}" fill="{COLOURS[n % 2]}"/>'
            )
            parts.append(
                f'<text x="{LABEL_WIDTH + length + 4:.1f}" y="{by + BAR - 2}" fill="#1a1a1a">{write(value)}</text>'
            )
    axis = top + ROW * len(rows) + 4
    parts.append(f'<line x1="{LABEL_WIDTH}" y1="{top}" x2="{LABEL_WIDTH}" y2="{axis}" stroke="#4a4a4a"/>')
    parts.append(f'<text x="{LABEL_WIDTH}" y="{axis + 16}" fill="#4a4a4a">{write(low)}</text>')
    parts.append(
        f'<text x="{LABEL_WIDTH + PLOT_WIDTH}" y="{axis + 16}" text-anchor="end" fill="#4a4a4a">{write(high)}</text>'
    )
    parts.append("</svg>")
    return Markup("\n".join(parts))
