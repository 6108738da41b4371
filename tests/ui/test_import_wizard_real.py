"""A real grant publication through the import wizard: the header row chosen, a value given for
every row, the funder created, every row accounted for and the file's total imported."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from portfolio_desktop.ui.dialogs.import_wizard import ImportWizard
from portfolio_desktop.ui.tasks import TaskRunner

from ..conftest import corpus

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def count(db: Any, sql: str) -> Any:
    with db.read() as session:
        return session.connection().exec_driver_sql(sql).scalar()


def test_a_scdl_file_through_the_wizard_in_french(qtbot: Any, db: Any, french: None) -> None:
    path = corpus("real_world", "scdl_charente_maritime.xlsx")
    wizard = ImportWizard(db, TaskRunner(synchronous=True), path=path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.mapping_page
    assert wizard.currentPage() is page
    assert page.header_row.value() == 1
    fields = {
        page.columns.index(r, 2).data(Qt.ItemDataRole.EditRole)
        for r in range(page.columns.rowCount())
    }
    assert {"funder", "lead", "title", "line_granted", "decision_on", "instrument"} <= fields
    assert "nomBeneficiaire" in page.reference_note.text()  # references made from the columns
    # Another header row: the first grant read as headers maps almost nothing; back to row 1.
    page.header_row.setValue(2)
    page.header_row.editingFinished.emit()
    assert wizard.setup is not None and wizard.setup.mappings[0].header_row == 2
    page.header_row.setValue(1)
    page.header_row.editingFinished.emit()
    assert wizard.setup.mappings[0].columns[7] == "line_granted"
    # The file has no status: a list of grants awarded is proposed « Financé » for every row.
    assert wizard.setup.mappings[0].fixed == {"status": "funded"}
    assert page.fixed_list.text().startswith("Pour toutes les lignes : Statut = « Financé »")
    page.fixed_clear.click()
    page.check()
    assert "101 erreurs" in page.check_status.text()
    page.fixed_field.setCurrentIndex(page.fixed_field.findData("status"))
    page.fixed_value.setText("Financé")
    page.fixed_button.click()
    assert wizard.setup.mappings[0].fixed == {"status": "Financé"}
    assert "Financé" in page.fixed_list.text()
    page.check()
    assert page.check_status.text() == "Toutes les lignes sont lisibles."
    wizard.next()
    preview = wizard.preview_page
    assert (
        "Subventions : 101 lignes lues — 101 importées, 0 fusionnée, 0 ignorée, 0 en erreur."
        in preview.summary.text()
    )
    assert "Financeurs : 1 créé" in preview.summary.text()
    # The references are made of named columns: the rule that merges the rows of one grant.
    assert (
        "Subventions : pas de colonne de référence ; les lignes dont « nomAttribuant », "
        in preview.summary.text()
    )
    assert "sont un même projet. Chacune lui ajoute une ligne de financement" in (
        preview.summary.text()
    )
    assert preview.row_notes.rowCount() == 0 and not preview.report_button.isEnabled()
    with qtbot.waitSignal(wizard.imported):
        wizard.next()
    assert "101 lignes lues" in wizard.import_page.status.text()
    assert count(db, "SELECT count(*) FROM project WHERE status = 'funded'") == 101
    assert count(db, "SELECT sum(granted_cents) FROM funding_line") == 1_110_923_326
    assert count(db, "SELECT name FROM funder") == "Département de la Charente-Maritime"
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
