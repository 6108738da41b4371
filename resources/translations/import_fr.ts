<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="221"/>
        <source>The file</source>
        <translation>Le fichier</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="224"/>
        <source>An Excel workbook (.xlsx, .xlsm, .xls), an OpenDocument sheet (.ods) or a CSV file.</source>
        <translation>Un classeur Excel (.xlsx, .xlsm, .xls), une feuille OpenDocument (.ods) ou un fichier CSV.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="228"/>
        <source>The file to import</source>
        <translation>Le fichier à importer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="230"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="236"/>
        <source>Recognise the layout automatically</source>
        <translation>Reconnaître la disposition automatiquement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="244"/>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="245"/>
        <source>Mapping profile:</source>
        <translation>Profil de correspondance :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="262"/>
        <source>%1 (built in)</source>
        <translation>%1 (fourni)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="270"/>
        <source>Import a workbook</source>
        <translation>Importer un classeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="271"/>
        <source>Workbooks (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)</source>
        <translation>Classeurs (*.xlsx *.xlsm *.xls *.ods *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="289"/>
        <source>Reading the file…</source>
        <translation>Lecture du fichier…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="306"/>
        <source>Reading cancelled.</source>
        <translation>Lecture annulée.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="313"/>
        <source>%n sheet(s) read</source>
        <translation>
            <numerusform>%n feuille lue</numerusform>
            <numerusform>%n feuilles lues</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="315"/>
        <source>the portfolio&apos;s own layout: no mapping needed.</source>
        <translation>la disposition du portefeuille lui-même : aucune correspondance à faire.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="317"/>
        <source>recognised by the profile %1.</source>
        <translation>reconnu par le profil %1.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="319"/>
        <source>columns mapped by their names; check them on the next page.</source>
        <translation>colonnes associées d&apos;après leur nom ; vérifiez-les à la page suivante.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="321"/>
        <source>no sheet has headers we recognise; map them on the next page.</source>
        <translation>aucune feuille n&apos;a d&apos;en-têtes reconnus ; associez-les à la page suivante.</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="818"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="823"/>
        <source>Cancel the import</source>
        <translation>Annuler l&apos;import</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="841"/>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="853"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="878"/>
        <source>Imported (import no. %1).</source>
        <translation>Importé (import n° %1).</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="880"/>
        <source>Projects: %1 created, %2 updated.</source>
        <translation>Projets : %1 créé(s), %2 mis à jour.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="883"/>
        <source>Funding lines: %1 created, %2 updated.</source>
        <translation>Lignes de financement : %1 créée(s), %2 mise(s) à jour.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="887"/>
        <source>%n row(s) in error were left out.</source>
        <translation>
            <numerusform>%n ligne en erreur a été écartée.</numerusform>
            <numerusform>%n lignes en erreur ont été écartées.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="890"/>
        <source>Nothing was written: the rows changed since the preview. Go back and check again.</source>
        <translation>Rien n&apos;a été écrit : les lignes ont changé depuis l&apos;aperçu. Revenez en arrière et vérifiez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="899"/>
        <source>Import cancelled: nothing was written.</source>
        <translation>Import annulé : rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="905"/>
        <source>Nothing was written.</source>
        <translation>Rien n&apos;a été écrit.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="117"/>
        <source>Import a workbook</source>
        <extracomment>Problems the user can settle by saying what a value means, and the list it belongs to.</extracomment>
        <translation>Importer un classeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="126"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="198"/>
        <source>Something went wrong; nothing was written.</source>
        <translation>Une erreur est survenue ; rien n&apos;a été écrit.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="346"/>
        <source>Sheets and columns</source>
        <translation>Feuilles et colonnes</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="349"/>
        <source>Check what each column holds. Values the check does not recognise can be mapped below.</source>
        <translation>Vérifiez ce que contient chaque colonne. Les valeurs que le contrôle ne reconnaît pas peuvent être associées ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="355"/>
        <source>Not imported</source>
        <translation>Non importée</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="363"/>
        <source>Sheet:</source>
        <translation>Feuille :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="365"/>
        <source>Holds:</source>
        <translation>Contient :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="367"/>
        <source>Headers on row:</source>
        <translation>En-têtes en ligne :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="371"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="381"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="371"/>
        <source>Examples</source>
        <translation>Exemples</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="371"/>
        <source>Imported as</source>
        <translation>Importée comme</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="373"/>
        <source>(not imported)</source>
        <translation>(non importée)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="381"/>
        <source>Value as written</source>
        <translation>Valeur écrite</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="381"/>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="381"/>
        <source>Means</source>
        <translation>Signifie</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="387"/>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="393"/>
        <source>Name of the mapping, to reuse it next time</source>
        <translation>Nom de la correspondance, pour la réutiliser la prochaine fois</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="394"/>
        <source>Save as a profile</source>
        <translation>Enregistrer comme profil</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="408"/>
        <source>Values to map:</source>
        <translation>Valeurs à associer :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="428"/>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="428"/>
        <source>Funding lines</source>
        <translation>Lignes de financement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="428"/>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="429"/>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="429"/>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="429"/>
        <source>Funders</source>
        <translation>Financeurs</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="430"/>
        <source>Calls for proposals</source>
        <translation>Appels à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="430"/>
        <source>Clusters</source>
        <translation>Pôles</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="499"/>
        <source>The mapping changed: check again.</source>
        <translation>La correspondance a changé : vérifiez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="522"/>
        <source>Checking the rows…</source>
        <translation>Contrôle des lignes…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="539"/>
        <source>Every row can be read.</source>
        <translation>Toutes les lignes sont lisibles.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="542"/>
        <source>%n error(s); the preview lists them all.</source>
        <translation>
            <numerusform>%n erreur ; l&apos;aperçu la détaille.</numerusform>
            <numerusform>%n erreurs ; l&apos;aperçu les détaille toutes.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="543"/>
        <source>Map the values above, then check again.</source>
        <translation>Associez les valeurs ci-dessus, puis vérifiez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="575"/>
        <source>(leave as it is)</source>
        <translation>(laisser telle quelle)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="588"/>
        <source>(a new funder, as written)</source>
        <translation>(un nouveau financeur, tel qu&apos;écrit)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="602"/>
        <source>Saved: the profile %1 will be proposed for similar files.</source>
        <translation>Enregistré : le profil %1 sera proposé pour les fichiers semblables.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="626"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="627"/>
        <source>Nothing has been written yet.</source>
        <translation>Rien n&apos;a encore été écrit.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="632"/>
        <source>Import the valid rows only (leave out the rows in error)</source>
        <translation>Importer seulement les lignes valides (écarter les lignes en erreur)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="635"/>
        <source>Show unchanged records too</source>
        <translation>Afficher aussi les enregistrements inchangés</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="638"/>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="638"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="638"/>
        <source>Which</source>
        <translation>Lequel</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="638"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="644"/>
        <source>Sheet</source>
        <translation>Feuille</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="638"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="644"/>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="638"/>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="644"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="644"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="650"/>
        <source>Save the error report…</source>
        <translation>Enregistrer le rapport d&apos;erreurs…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="654"/>
        <source>Errors:</source>
        <translation>Erreurs :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="677"/>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="677"/>
        <source>Funding line</source>
        <translation>Ligne de financement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="678"/>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="678"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="679"/>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="679"/>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="679"/>
        <source>Call</source>
        <translation>Appel à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="680"/>
        <source>Cluster</source>
        <translation>Pôle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="685"/>
        <source>created</source>
        <translation>créé</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="685"/>
        <source>updated</source>
        <translation>mis à jour</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="686"/>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="699"/>
        <source>Checking the rows…</source>
        <translation>Contrôle des lignes…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="714"/>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="714"/>
        <source>Funding lines</source>
        <translation>Lignes de financement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="715"/>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="715"/>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="716"/>
        <source>Funders</source>
        <translation>Financeurs</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="716"/>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="717"/>
        <source>Calls for proposals</source>
        <translation>Appels à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="717"/>
        <source>Clusters</source>
        <translation>Pôles</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="724"/>
        <source>%1: %2 created, %3 updated, %4 unchanged</source>
        <translation>%1 : %2 créé(s), %3 mis à jour, %4 inchangé(s)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="731"/>
        <source>%n row(s) skipped (blank, totals, repeated headers).</source>
        <translation>
            <numerusform>%n ligne ignorée (vide, totaux, en-têtes répétés).</numerusform>
            <numerusform>%n lignes ignorées (vides, totaux, en-têtes répétés).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="735"/>
        <source>%n error(s).</source>
        <translation>
            <numerusform>%n erreur.</numerusform>
            <numerusform>%n erreurs.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="739"/>
        <source>Nothing will be imported until they are corrected, unless you import the valid rows only.</source>
        <translation>Rien ne sera importé tant qu&apos;elles ne sont pas corrigées, sauf si vous importez seulement les lignes valides.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="743"/>
        <source>Nothing to import: the portfolio already holds all of it.</source>
        <translation>Rien à importer : le portefeuille contient déjà tout.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="747"/>
        <source>Errors (%n):</source>
        <translation>
            <numerusform>Erreurs (%n) :</numerusform>
            <numerusform>Erreurs (%n) :</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="775"/>
        <source>Save the error report</source>
        <translation>Enregistrer le rapport d&apos;erreurs</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="777"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="791"/>
        <source>Error report saved to %1.</source>
        <translation>Rapport d&apos;erreurs enregistré dans %1.</translation>
    </message>
</context>
</TS>
