"""What a reader sees wrong in a drawn chart: text that leaves the figure, tick labels that run
into each other, a legend over the labels or cut with « … »."""

from __future__ import annotations

from typing import Any

TOLERANCE = 1.0  # pixels: anti-aliasing and rounding


def _visible(artist: Any) -> bool:
    return bool(artist.get_visible()) and bool(str(artist.get_text()).strip())


def _box(artist: Any, renderer: Any) -> Any:
    return artist.get_window_extent(renderer)


def _overlap(a: Any, b: Any) -> bool:
    return (
        min(a.x1, b.x1) - max(a.x0, b.x0) > TOLERANCE
        and min(a.y1, b.y1) - max(a.y0, b.y0) > TOLERANCE
    )


def _tick_labels(axis: Any) -> list[Any]:
    """The tick labels drawn: visible, with text, at a tick inside the view."""
    low, high = sorted(axis.get_view_interval())
    span = (high - low) * 1e-9
    shown = []
    for tick in axis.get_major_ticks():
        location = tick.get_loc()
        if not (low - span <= location <= high + span):
            continue
        for label in (tick.label1, tick.label2):
            if _visible(label):
                shown.append(label)
    return shown


def layout_problems(figure: Any) -> list[str]:
    """Every problem found, in words (empty when the chart reads well)."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    frame = figure.bbox
    problems: list[str] = []

    def outside(what: str, box: Any) -> None:
        if (
            box.x0 < frame.x0 - TOLERANCE
            or box.y0 < frame.y0 - TOLERANCE
            or box.x1 > frame.x1 + TOLERANCE
            or box.y1 > frame.y1 + TOLERANCE
        ):
            problems.append(f"{what} leaves the figure")

    labels: list[tuple[str, Any]] = []  # every label a legend must not cover
    for index, ax in enumerate(figure.axes):
        if not ax.get_visible():
            continue
        for name, axis in (("x", ax.xaxis), ("y", ax.yaxis)):
            ticks = _tick_labels(axis)
            boxes = [(label.get_text(), _box(label, renderer)) for label in ticks]
            for text, box in boxes:
                outside(f"axes {index} {name} tick « {text} »", box)
            for i, (text, box) in enumerate(boxes):
                for other, other_box in boxes[i + 1 :]:
                    if _overlap(box, other_box):
                        problems.append(
                            f"axes {index} {name} ticks « {text} » and « {other} » overlap"
                        )
            labels += boxes
            label = axis.get_label()
            if _visible(label):
                outside(f"axes {index} {name} label « {label.get_text()} »", _box(label, renderer))
                labels.append((label.get_text(), _box(label, renderer)))
        title = ax.title
        if _visible(title):
            outside(f"axes {index} title « {title.get_text()} »", _box(title, renderer))
            labels.append((title.get_text(), _box(title, renderer)))
        for text in ax.texts:
            if _visible(text):
                outside(f"axes {index} text « {text.get_text()} »", _box(text, renderer))
    figure_texts = [t for t in figure.texts if _visible(t)]
    suptitle = getattr(figure, "_suptitle", None)
    if suptitle is not None and _visible(suptitle):
        figure_texts.append(suptitle)
    for text in figure_texts:
        outside(f"figure text « {text.get_text()} »", _box(text, renderer))
        labels.append((text.get_text(), _box(text, renderer)))
    legends = [ax.get_legend() for ax in figure.axes if ax.get_legend() is not None]
    legends += list(figure.legends)
    for legend in legends:
        box = legend.get_window_extent(renderer)
        outside("the legend", box)
        for entry in legend.get_texts():
            if str(entry.get_text()).rstrip().endswith("…"):
                problems.append(f"legend entry « {entry.get_text()} » is cut")
        for text, other in labels:
            if _overlap(box, other):
                problems.append(f"the legend covers « {text} »")
    return problems
