"""The Qt binding keeps Python's reference counts right for the values the desktop passes through Qt.

PySide6 6.12.0 handed back None and booleans from QVariants without a reference; every read then
slowly destroyed None itself and the application died ("deallocating None"). This test fails on
such a binding before users do.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QComboBox


class _Emitter(QObject):
    carried = Signal(object)


def test_none_and_booleans_keep_their_reference_counts(qapp, tmp_path) -> None:
    combo = QComboBox()
    combo.addItem("all", None)
    combo.addItem("yes", True)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    emitter = _Emitter()
    received: list[object] = []
    emitter.carried.connect(received.append)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2_000):
        combo.setCurrentIndex(0)
        combo.currentData()
        combo.itemData(1)
        settings.value("missing", None)
        emitter.carried.emit(None)
    received.clear()
    # Other threads may hold or drop a few references meanwhile; a leak of one per call is 2,000+.
    assert abs(sys.getrefcount(None) - none_before) < 500
    assert abs(sys.getrefcount(True) - true_before) < 500
