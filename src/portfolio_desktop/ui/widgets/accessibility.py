"""Names for screen readers: every field of a form is named after its label, every table after
what it lists, so that a screen reader reads « Référence, zone de texte » rather than « zone de
texte »."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QWidget


def _label_text(label: QLabel) -> str:
    text = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip().rstrip(":").rstrip("\u00a0 ").strip()


def _first_widget(layout: QLayout) -> QWidget | None:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            return widget
        if inner is not None:
            found = _first_widget(inner)
            if found is not None:
                return found
    return None


def name_fields(root: QWidget) -> None:
    """Gives each field of the forms under `root` its label's text as accessible name (when it
    has none) and makes the label its buddy (its mnemonic then reaches the field)."""
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label_item is None or field_item is None:
                continue
            label = label_item.widget()
            if not isinstance(label, QLabel):
                continue
            field = field_item.widget()
            inner = field_item.layout()
            if field is None and inner is not None:
                field = _first_widget(inner)
            if field is None:
                continue
            if not field.accessibleName():
                field.setAccessibleName(_label_text(label))
            if label.buddy() is None:
                label.setBuddy(field)
