<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="77"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="178"/>
        <source>Export to Excel</source>
        <translation>Exporter vers Excel</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="80"/>
        <source>The whole portfolio</source>
        <translation>Tout le portefeuille</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="81"/>
        <source>The projects of the current view</source>
        <translation>Les projets de la vue actuelle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="82"/>
        <source>A blank template (headers and drop-down lists only)</source>
        <translation>Un modèle vierge (en-têtes et listes déroulantes seulement)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="88"/>
        <source>No filter is applied to the projects table.</source>
        <translation>Aucun filtre n&apos;est appliqué à la table des projets.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="99"/>
        <source>Where to save the workbook (.xlsx)</source>
        <translation>Où enregistrer le classeur (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="101"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="115"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="124"/>
        <source>Workbook language:</source>
        <translation>Langue du classeur :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="125"/>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="127"/>
        <source>What to export:</source>
        <translation>Que faut-il exporter ?</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="162"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="162"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="166"/>
        <source>The projects of the current view (%Ln project(s))</source>
        <translation>
            <numerusform>Les projets de la vue actuelle (%Ln projet)</numerusform>
            <numerusform>Les projets de la vue actuelle (%Ln projets)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="180"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="216"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="268"/>
        <source>Export cancelled. The existing file, if any, was left unchanged.</source>
        <translation>Export annulé. Le fichier existant, s&apos;il y en a un, n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="254"/>
        <source>Blank template saved to %1.</source>
        <translation>Modèle vierge enregistré dans %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="256"/>
        <source>%Ln project(s) exported to %1.</source>
        <translation>
            <numerusform>%Ln projet exporté dans %1.</numerusform>
            <numerusform>%Ln projets exportés dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="68"/>
        <source>The export failed unexpectedly; the existing file was left unchanged.</source>
        <translation>L&apos;export a échoué de façon inattendue ; le fichier existant n&apos;a pas été modifié.</translation>
    </message>
</context>
</TS>
