<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr" sourcelanguage="en">
  <context>
    <name>FilePage</name>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="219" />
      <source>The file</source>
      <translation>Le fichier</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="222" />
      <source>An Excel workbook (.xlsx, .xlsm, .xls), an OpenDocument sheet (.ods) or a CSV file.</source>
      <translation>Un classeur Excel (.xlsx, .xlsm, .xls), une feuille OpenDocument (.ods) ou un fichier CSV.</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="226" />
      <source>The file to import</source>
      <translation>Le fichier à importer</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="228" />
      <source>Choose…</source>
      <translation>Choisir…</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="234" />
      <source>Recognise the layout automatically</source>
      <translation>Reconnaître la disposition automatiquement</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="242" />
      <source>File:</source>
      <translation>Fichier :</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="243" />
      <source>Mapping profile:</source>
      <translation>Profil de correspondance :</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="260" />
      <source>%1 (built in)</source>
      <translation>%1 (fourni)</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="267" />
      <source>Import a workbook</source>
      <translation>Importer un classeur</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="269" />
      <source>Workbooks (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)</source>
      <translation>Classeurs (*.xlsx *.xlsm *.xls *.ods *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="287" />
      <source>Reading the file…</source>
      <translation>Lecture du fichier…</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="304" />
      <source>Reading cancelled.</source>
      <translation>Lecture annulée.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="311" />
      <source>%n sheet(s) read</source>
      <translation>
        <numerusform>%n feuille lue</numerusform>
        <numerusform>%n feuilles lues</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="313" />
      <source>the portfolio's own layout: no mapping needed.</source>
      <translation>la disposition du portefeuille lui-même : aucune correspondance à faire.</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="315" />
      <source>recognised by the profile %1.</source>
      <translation>reconnu par le profil %1.</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="317" />
      <source>columns mapped by their names; check them on the next page.</source>
      <translation>colonnes associées d'après leur nom ; vérifiez-les à la page suivante.</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="319" />
      <source>no sheet has headers we recognise; map them on the next page.</source>
      <translation>aucune feuille n'a d'en-têtes reconnus ; associez-les à la page suivante.</translation>
    </message>
  </context>
  <context>
    <name>ImportPage</name>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="809" />
      <source>Import</source>
      <translation>Import</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="814" />
      <source>Cancel the import</source>
      <translation>Annuler l'import</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="832" />
      <source>Importing…</source>
      <translation>Import en cours…</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="844" />
      <source>Cancelling…</source>
      <translation>Annulation…</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="869" />
      <source>Imported (import no. %1).</source>
      <translation>Importé (import n° %1).</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="871" />
      <source>Projects: %1 created, %2 updated.</source>
      <translation>Projets : %1 créé(s), %2 mis à jour.</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="874" />
      <source>Funding lines: %1 created, %2 updated.</source>
      <translation>Lignes de financement : %1 créée(s), %2 mise(s) à jour.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="878" />
      <source>%n row(s) in error were left out.</source>
      <translation>
        <numerusform>%n ligne en erreur a été écartée.</numerusform>
        <numerusform>%n lignes en erreur ont été écartées.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="881" />
      <source>Nothing was written: the rows changed since the preview. Go back and check again.</source>
      <translation>Rien n'a été écrit : les lignes ont changé depuis l'aperçu. Revenez en arrière et vérifiez à nouveau.</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="890" />
      <source>Import cancelled: nothing was written.</source>
      <translation>Import annulé : rien n'a été écrit.</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="896" />
      <source>Nothing was written.</source>
      <translation>Rien n'a été écrit.</translation>
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="115" />
      <source>Import a workbook</source>
      <extracomment>Problems the user can settle by saying what a value means, and the list it belongs to.</extracomment>
      <translation>Importer un classeur</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="124" />
      <source>Import</source>
      <translation>Importer</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="196" />
      <source>Something went wrong; nothing was written.</source>
      <translation>Une erreur est survenue ; rien n'a été écrit.</translation>
    </message>
  </context>
  <context>
    <name>MappingPage</name>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="344" />
      <source>Sheets and columns</source>
      <translation>Feuilles et colonnes</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="347" />
      <source>Check what each column holds. Values the check does not recognise can be mapped below.</source>
      <translation>Vérifiez ce que contient chaque colonne. Les valeurs que le contrôle ne reconnaît pas peuvent être associées ci-dessous.</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="353" />
      <source>Not imported</source>
      <translation>Non importée</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="361" />
      <source>Sheet:</source>
      <translation>Feuille :</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="363" />
      <source>Holds:</source>
      <translation>Contient :</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="365" />
      <source>Headers on row:</source>
      <translation>En-têtes en ligne :</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="369" />
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="378" />
      <source>Column</source>
      <translation>Colonne</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="369" />
      <source>Examples</source>
      <translation>Exemples</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="369" />
      <source>Imported as</source>
      <translation>Importée comme</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="371" />
      <source>(not imported)</source>
      <translation>(non importée)</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="378" />
      <source>Value as written</source>
      <translation>Valeur écrite</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="378" />
      <source>Rows</source>
      <translation>Lignes</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="378" />
      <source>Means</source>
      <translation>Signifie</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="384" />
      <source>Check again</source>
      <translation>Vérifier à nouveau</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="390" />
      <source>Name of the mapping, to reuse it next time</source>
      <translation>Nom de la correspondance, pour la réutiliser la prochaine fois</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="391" />
      <source>Save as a profile</source>
      <translation>Enregistrer comme profil</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="405" />
      <source>Values to map:</source>
      <translation>Valeurs à associer :</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="423" />
      <source>Projects</source>
      <translation>Projets</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="423" />
      <source>Funding lines</source>
      <translation>Lignes de financement</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="423" />
      <source>Partners</source>
      <translation>Partenaires</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="424" />
      <source>Organisations</source>
      <translation>Organisations</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="424" />
      <source>Domains</source>
      <translation>Domaines</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="424" />
      <source>Funders</source>
      <translation>Financeurs</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="425" />
      <source>Calls for proposals</source>
      <translation>Appels à projets</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="491" />
      <source>The mapping changed: check again.</source>
      <translation>La correspondance a changé : vérifiez à nouveau.</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="514" />
      <source>Checking the rows…</source>
      <translation>Contrôle des lignes…</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="531" />
      <source>Every row can be read.</source>
      <translation>Toutes les lignes sont lisibles.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="534" />
      <source>%n error(s); the preview lists them all.</source>
      <translation>
        <numerusform>%n erreur ; l'aperçu la détaille.</numerusform>
        <numerusform>%n erreurs ; l'aperçu les détaille toutes.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="535" />
      <source>Map the values above, then check again.</source>
      <translation>Associez les valeurs ci-dessus, puis vérifiez à nouveau.</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="567" />
      <source>(leave as it is)</source>
      <translation>(laisser telle quelle)</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="580" />
      <source>(a new funder, as written)</source>
      <translation>(un nouveau financeur, tel qu'écrit)</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="594" />
      <source>Saved: the profile %1 will be proposed for similar files.</source>
      <translation>Enregistré : le profil %1 sera proposé pour les fichiers semblables.</translation>
    </message>
  </context>
  <context>
    <name>PreviewPage</name>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="618" />
      <source>Preview</source>
      <translation>Aperçu</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="619" />
      <source>Nothing has been written yet.</source>
      <translation>Rien n'a encore été écrit.</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="624" />
      <source>Import the valid rows only (leave out the rows in error)</source>
      <translation>Importer seulement les lignes valides (écarter les lignes en erreur)</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="627" />
      <source>Show unchanged records too</source>
      <translation>Afficher aussi les enregistrements inchangés</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="630" />
      <source>Record</source>
      <translation>Enregistrement</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="630" />
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="630" />
      <source>Which</source>
      <translation>Lequel</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="630" />
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="636" />
      <source>Sheet</source>
      <translation>Feuille</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="630" />
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="636" />
      <source>Row</source>
      <translation>Ligne</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="630" />
      <source>Changes</source>
      <translation>Modifications</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="636" />
      <source>Column</source>
      <translation>Colonne</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="636" />
      <source>Reason</source>
      <translation>Motif</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="642" />
      <source>Save the error report…</source>
      <translation>Enregistrer le rapport d'erreurs…</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="646" />
      <source>Errors:</source>
      <translation>Erreurs :</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="669" />
      <source>Project</source>
      <translation>Projet</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="669" />
      <source>Funding line</source>
      <translation>Ligne de financement</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="670" />
      <source>Partner</source>
      <translation>Partenaire</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="670" />
      <source>Organisation</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="671" />
      <source>Funder</source>
      <translation>Financeur</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="671" />
      <source>Domain</source>
      <translation>Domaine</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="671" />
      <source>Call</source>
      <translation>Appel à projets</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="672" />
      <source>Cluster</source>
      <translation>Pôle</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="677" />
      <source>created</source>
      <translation>créé</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="677" />
      <source>updated</source>
      <translation>mis à jour</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="678" />
      <source>unchanged</source>
      <translation>inchangé</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="691" />
      <source>Checking the rows…</source>
      <translation>Contrôle des lignes…</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="704" />
      <source>Projects</source>
      <translation>Projets</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="704" />
      <source>Funding lines</source>
      <translation>Lignes de financement</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="705" />
      <source>Partners</source>
      <translation>Partenaires</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="705" />
      <source>Organisations</source>
      <translation>Organisations</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="706" />
      <source>Funders</source>
      <translation>Financeurs</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="706" />
      <source>Domains</source>
      <translation>Domaines</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="707" />
      <source>Calls for proposals</source>
      <translation>Appels à projets</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="707" />
      <source>Clusters</source>
      <translation>Pôles</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="714" />
      <source>%1: %2 created, %3 updated, %4 unchanged</source>
      <translation>%1 : %2 créé(s), %3 mis à jour, %4 inchangé(s)</translation>
    </message>
    <message numerus="yes">
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="721" />
      <source>%n row(s) skipped (blank, totals, repeated headers).</source>
      <translation>
        <numerusform>%n ligne ignorée (vide, totaux, en-têtes répétés).</numerusform>
        <numerusform>%n lignes ignorées (vides, totaux, en-têtes répétés).</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="725" />
      <source>%n error(s).</source>
      <translation>
        <numerusform>%n erreur.</numerusform>
        <numerusform>%n erreurs.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="729" />
      <source>Nothing will be imported until they are corrected, unless you import the valid rows only.</source>
      <translation>Rien ne sera importé tant qu'elles ne sont pas corrigées, sauf si vous importez seulement les lignes valides.</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="733" />
      <source>Nothing to import: the portfolio already holds all of it.</source>
      <translation>Rien à importer : le portefeuille contient déjà tout.</translation>
    </message>
    <message numerus="yes">
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="737" />
      <source>Errors (%n):</source>
      <translation>
        <numerusform>Erreurs (%n) :</numerusform>
        <numerusform>Erreurs (%n) :</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="766" />
      <source>Save the error report</source>
      <translation>Enregistrer le rapport d'erreurs</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="768" />
      <source>Excel workbook (*.xlsx)</source>
      <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="782" />
      <source>Error report saved to %1.</source>
      <translation>Rapport d'erreurs enregistré dans %1.</translation>
    </message>
  </context>
</TS>