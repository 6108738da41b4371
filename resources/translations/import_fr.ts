<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="292"/>
        <source>The file</source>
        <translation>Le fichier</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="295"/>
        <source>An Excel workbook (.xlsx, .xlsm, .xls), an OpenDocument sheet (.ods) or a CSV file.</source>
        <translation>Un classeur Excel (.xlsx, .xlsm, .xls), une feuille OpenDocument (.ods) ou un fichier CSV.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="299"/>
        <source>The file to import</source>
        <translation>Le fichier à importer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="300"/>
        <source>File to import</source>
        <translation>Fichier à importer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="308"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="314"/>
        <source>Recognise the layout automatically</source>
        <translation>Reconnaître la disposition automatiquement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="322"/>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="323"/>
        <source>Mapping profile:</source>
        <translation>Profil de correspondance :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="344"/>
        <source>%1 (built in)</source>
        <translation>%1 (fourni)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="352"/>
        <source>Import a workbook</source>
        <translation>Importer un classeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="353"/>
        <source>Workbooks (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)</source>
        <translation>Classeurs (*.xlsx *.xlsm *.xls *.ods *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="371"/>
        <source>Reading the file…</source>
        <translation>Lecture du fichier…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="388"/>
        <source>Reading cancelled.</source>
        <translation>Lecture annulée.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="395"/>
        <source>%Ln sheet(s) read</source>
        <translation>
            <numerusform>%Ln feuille lue</numerusform>
            <numerusform>%Ln feuilles lues</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="397"/>
        <source>the portfolio&apos;s own layout: no mapping needed.</source>
        <translation>la disposition du portefeuille lui-même : aucune correspondance à faire.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="399"/>
        <source>recognised by the profile “%1”.</source>
        <translation>reconnu par le profil « %1 ».</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="403"/>
        <source>columns mapped by their names; check them on the next page.</source>
        <translation>colonnes associées d&apos;après leur nom ; vérifiez-les à la page suivante.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="405"/>
        <source>no sheet has headers we recognise; map them on the next page.</source>
        <translation>aucune feuille n&apos;a d&apos;en-têtes reconnus ; associez-les à la page suivante.</translation>
    </message>
</context>
<context>
    <name>ImportCounts</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="142"/>
        <source>%Ln created</source>
        <comment>feminine</comment>
        <extracomment>Records whose French name is feminine (« lignes de financement créées »).</extracomment>
        <translation>
            <numerusform>%Ln créée</numerusform>
            <numerusform>%Ln créées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="142"/>
        <source>%Ln created</source>
        <translation>
            <numerusform>%Ln créé</numerusform>
            <numerusform>%Ln créés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="146"/>
        <source>%Ln updated</source>
        <comment>feminine</comment>
        <translation>
            <numerusform>%Ln mise à jour</numerusform>
            <numerusform>%Ln mises à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="146"/>
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln mis à jour</numerusform>
            <numerusform>%Ln mis à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="149"/>
        <source>%Ln unchanged</source>
        <comment>feminine</comment>
        <translation>
            <numerusform>%Ln inchangée</numerusform>
            <numerusform>%Ln inchangées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="150"/>
        <source>%Ln unchanged</source>
        <translation>
            <numerusform>%Ln inchangé</numerusform>
            <numerusform>%Ln inchangés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="153"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1165"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1198"/>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1212"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1251"/>
        <source>Imported (import no. %1).</source>
        <translation>Importé (import n° %1).</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1170"/>
        <source>Import status</source>
        <translation>État de l&apos;import</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1175"/>
        <source>Projects left to complete</source>
        <extracomment>What the imported projects still lack (domain, lead, budget), with a link to them.</extracomment>
        <translation>Projets à compléter</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1239"/>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1239"/>
        <source>Funding lines</source>
        <translation>Lignes de financement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1240"/>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1240"/>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1241"/>
        <source>Funders</source>
        <translation>Financeurs</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1241"/>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1242"/>
        <source>Calls for proposals</source>
        <translation>Appels à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1242"/>
        <source>Clusters</source>
        <translation>Pôles</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1255"/>
        <source>%Ln row(s) in error were left out.</source>
        <translation>
            <numerusform>%Ln ligne en erreur a été écartée.</numerusform>
            <numerusform>%Ln lignes en erreur ont été écartées.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1258"/>
        <source>Nothing was written: the rows changed since the preview. Go back and check again.</source>
        <translation>Rien n&apos;a été écrit : les lignes ont changé depuis l&apos;aperçu. Revenez en arrière et vérifiez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1275"/>
        <source>%1 without a domain</source>
        <translation>%1 sans domaine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1276"/>
        <source>%1 without a lead partner</source>
        <translation>%1 sans porteur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1277"/>
        <source>%1 without a budget</source>
        <translation>%1 sans budget</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1284"/>
        <source>%Ln imported project(s) to complete</source>
        <translation>
            <numerusform>%Ln projet importé est à compléter</numerusform>
            <numerusform>%Ln projets importés sont à compléter</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1285"/>
        <source>Show in the table</source>
        <translation>Voir dans le tableau</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1298"/>
        <source>Import cancelled: nothing was written.</source>
        <translation>Import annulé : rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1304"/>
        <source>Nothing was written.</source>
        <translation>Rien n&apos;a été écrit.</translation>
    </message>
</context>
<context>
    <name>ImportProfiles</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="114"/>
        <source>ANR funded projects (DGPIE open data)</source>
        <extracomment>Problems the user can settle by saying what a value means, and the list it belongs to.</extracomment>
        <translation>Projets financés par l&apos;ANR (données ouvertes DGPIE)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="117"/>
        <source>ANR project partners (DGPIE open data)</source>
        <translation>Partenaires des projets ANR (données ouvertes DGPIE)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="120"/>
        <source>CORDIS projects (Horizon Europe)</source>
        <translation>Projets CORDIS (Horizon Europe)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="123"/>
        <source>CORDIS organisations (Horizon Europe)</source>
        <translation>Organisations CORDIS (Horizon Europe)</translation>
    </message>
</context>
<context>
    <name>ImportRows</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="833"/>
        <source>%Ln row(s) read</source>
        <translation>
            <numerusform>%Ln ligne lue</numerusform>
            <numerusform>%Ln lignes lues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="834"/>
        <source>%Ln imported</source>
        <translation>
            <numerusform>%Ln importée</numerusform>
            <numerusform>%Ln importées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="835"/>
        <source>%Ln merged</source>
        <translation>
            <numerusform>%Ln fusionnée</numerusform>
            <numerusform>%Ln fusionnées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="836"/>
        <source>%Ln skipped</source>
        <translation>
            <numerusform>%Ln ignorée</numerusform>
            <numerusform>%Ln ignorées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="837"/>
        <source>%Ln invalid</source>
        <translation>
            <numerusform>%Ln en erreur</numerusform>
            <numerusform>%Ln en erreur</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="840"/>
        <source>%1: %2 — %3, %4, %5, %6.</source>
        <translation>%1 : %2 — %3, %4, %5, %6.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="186"/>
        <source>Import a workbook</source>
        <extracomment>The user asked to see projects (those of the import left to complete): a ProjectFilter.</extracomment>
        <translation>Importer un classeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="195"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="267"/>
        <source>Something went wrong; nothing was written.</source>
        <translation>Une erreur est survenue ; rien n&apos;a été écrit.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="430"/>
        <source>Sheets and columns</source>
        <translation>Feuilles et colonnes</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="433"/>
        <source>Check what each column holds. Values the check does not recognise can be mapped below.</source>
        <translation>Vérifiez ce que contient chaque colonne. Les valeurs que le contrôle ne reconnaît pas peuvent être associées ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="439"/>
        <source>Not imported</source>
        <translation>Non importée</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="447"/>
        <source>Sheet:</source>
        <translation>Feuille :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="449"/>
        <source>Holds:</source>
        <translation>Contient :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="451"/>
        <source>Headers on row:</source>
        <translation>En-têtes en ligne :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="457"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="459"/>
        <source>Set</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="461"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="466"/>
        <source>Same value for all rows:</source>
        <translation>Même valeur pour toutes les lignes :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="474"/>
        <source>Create the funders, calls and domains the portfolio does not have yet</source>
        <translation>Créer les financeurs, appels et domaines que le portefeuille n&apos;a pas encore</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="479"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="489"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="479"/>
        <source>Examples</source>
        <translation>Exemples</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="479"/>
        <source>Imported as</source>
        <translation>Importée comme</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="481"/>
        <source>(not imported)</source>
        <translation>(non importée)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="489"/>
        <source>Value as written</source>
        <translation>Valeur écrite</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="489"/>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="489"/>
        <source>Means</source>
        <translation>Signifie</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="495"/>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="501"/>
        <source>Name of the mapping, to reuse it next time</source>
        <translation>Nom de la correspondance, pour la réutiliser la prochaine fois</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="502"/>
        <source>Save as a profile</source>
        <translation>Enregistrer comme profil</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="516"/>
        <source>Values to map:</source>
        <translation>Valeurs à associer :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="540"/>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="540"/>
        <source>Funding lines</source>
        <translation>Lignes de financement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="540"/>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="541"/>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="541"/>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="541"/>
        <source>Funders</source>
        <translation>Financeurs</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="542"/>
        <source>Calls for proposals</source>
        <translation>Appels à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="542"/>
        <source>Clusters</source>
        <translation>Pôles</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="648"/>
        <source>For every row: %1</source>
        <translation>Pour toutes les lignes : %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="650"/>
        <source>For the empty cells: %1</source>
        <translation>Pour les cellules vides : %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="662"/>
        <source>The file has no reference column: each project&apos;s reference is made from %1 (the same rows give the same references at every import).</source>
        <translation>Le fichier n&apos;a pas de colonne de référence : la référence de chaque projet est faite de %1 (les mêmes lignes donnent les mêmes références à chaque import).</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="704"/>
        <source>The mapping changed: check again.</source>
        <translation>La correspondance a changé : vérifiez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="727"/>
        <source>Checking the rows…</source>
        <translation>Contrôle des lignes…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="744"/>
        <source>Every row can be read.</source>
        <translation>Toutes les lignes sont lisibles.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="747"/>
        <source>%Ln error(s); the preview lists them all.</source>
        <translation>
            <numerusform>%Ln erreur ; l&apos;aperçu la détaille.</numerusform>
            <numerusform>%Ln erreurs ; l&apos;aperçu les détaille toutes.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="748"/>
        <source>Map the values above, then check again.</source>
        <translation>Associez les valeurs ci-dessus, puis vérifiez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="780"/>
        <source>(leave as it is)</source>
        <translation>(laisser telle quelle)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="793"/>
        <source>(a new funder, as written)</source>
        <translation>(un nouveau financeur, tel qu&apos;écrit)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="807"/>
        <source>Saved: the profile %1 will be proposed for similar files.</source>
        <translation>Enregistré : le profil %1 sera proposé pour les fichiers semblables.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="864"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="865"/>
        <source>Nothing has been written yet.</source>
        <translation>Rien n&apos;a encore été écrit.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="870"/>
        <source>Import the valid rows only (leave out the rows in error)</source>
        <translation>Importer seulement les lignes valides (écarter les lignes en erreur)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="873"/>
        <source>Show unchanged records too</source>
        <translation>Afficher aussi les enregistrements inchangés</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="876"/>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="876"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="876"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="882"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="888"/>
        <source>Sheet</source>
        <translation>Feuille</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="876"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="882"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="888"/>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="876"/>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="876"/>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="882"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="882"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="888"/>
        <source>What became of the row</source>
        <translation>Ce qu&apos;est devenue la ligne</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="896"/>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="897"/>
        <source>Rows merged or skipped</source>
        <translation>Lignes fusionnées ou ignorées</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="898"/>
        <source>Save the rows not imported…</source>
        <translation>Enregistrer les lignes non importées…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="901"/>
        <source>A workbook of the rows rejected or skipped, as they were, with their reasons: to send back to whoever sent the file.</source>
        <translation>Un classeur des lignes rejetées ou ignorées, telles qu&apos;elles étaient, avec leurs motifs : à renvoyer à qui a envoyé le fichier.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="930"/>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="930"/>
        <source>Funding line</source>
        <translation>Ligne de financement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="931"/>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="931"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="932"/>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="932"/>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="932"/>
        <source>Call</source>
        <translation>Appel à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="933"/>
        <source>Cluster</source>
        <translation>Pôle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="938"/>
        <source>created</source>
        <translation>créé</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="938"/>
        <source>updated</source>
        <translation>mis à jour</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="939"/>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="946"/>
        <source>Merged with row %1 of the sheet %2 (project %3)</source>
        <translation>Fusionnée avec la ligne %1 de la feuille « %2 » (projet %3)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="952"/>
        <source>Merged with row %1 (project %2)</source>
        <translation>Fusionnée avec la ligne %1 (projet %2)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="957"/>
        <source>Skipped: %1</source>
        <translation>Ignorée : %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="965"/>
        <source>“%1”</source>
        <translation>« %1 »</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="969"/>
        <source>%1: no reference column; the rows whose %2 read the same (case, accents and punctuation aside) are one project.</source>
        <translation>%1 : pas de colonne de référence ; les lignes dont %2 se lisent pareil (casse, accents et ponctuation à part) sont un même projet.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="976"/>
        <source>%1: the rows with the same reference are one project.</source>
        <translation>%1 : les lignes qui portent la même référence sont un même projet.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="980"/>
        <source>Each row adds it a funding line; the project&apos;s columns must be the same on each (a row that differs is an error).</source>
        <translation>Chacune lui ajoute une ligne de financement ; les colonnes du projet doivent y être les mêmes (une ligne qui diffère est en erreur).</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="984"/>
        <source>The same reference in two clusters is two projects.</source>
        <translation>La même référence dans deux pôles fait deux projets.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="998"/>
        <source>Checking the rows…</source>
        <translation>Contrôle des lignes…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1013"/>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1013"/>
        <source>Funding lines</source>
        <translation>Lignes de financement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1014"/>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1014"/>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1015"/>
        <source>Funders</source>
        <translation>Financeurs</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1015"/>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1016"/>
        <source>Calls for proposals</source>
        <translation>Appels à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1016"/>
        <source>Clusters</source>
        <translation>Pôles</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1029"/>
        <source>%Ln cell(s) read otherwise than written (amounts not communicated, long titles cut into the summary).</source>
        <translation>
            <numerusform>%Ln cellule lue autrement qu&apos;écrite (montant non communiqué, intitulé trop long coupé dans le résumé).</numerusform>
            <numerusform>%Ln cellules lues autrement qu&apos;écrites (montants non communiqués, intitulés trop longs coupés dans le résumé).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1037"/>
        <source>%Ln row(s) skipped (blank, totals, repeated headers).</source>
        <translation>
            <numerusform>%Ln ligne ignorée (vide, totaux, en-têtes répétés).</numerusform>
            <numerusform>%Ln lignes ignorées (vides, totaux, en-têtes répétés).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1041"/>
        <source>%Ln error(s).</source>
        <translation>
            <numerusform>%Ln erreur.</numerusform>
            <numerusform>%Ln erreurs.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1045"/>
        <source>Nothing will be imported until they are corrected, unless you import the valid rows only.</source>
        <translation>Rien ne sera importé tant qu&apos;elles ne sont pas corrigées, sauf si vous importez seulement les lignes valides.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1049"/>
        <source>Nothing to import: the portfolio already holds all of it.</source>
        <translation>Rien à importer : le portefeuille contient déjà tout.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1056"/>
        <source>%Ln warning(s): importing accepts them (the history records them).</source>
        <translation>
            <numerusform>%Ln avertissement : importer l&apos;accepte (l&apos;historique l&apos;enregistre).</numerusform>
            <numerusform>%Ln avertissements : importer les accepte (l&apos;historique les enregistre).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1064"/>
        <source>… and %Ln more.</source>
        <translation>
            <numerusform>… et %Ln autre.</numerusform>
            <numerusform>… et %Ln autres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1068"/>
        <source>Errors (%Ln)</source>
        <translation>
            <numerusform>Erreurs (%Ln)</numerusform>
            <numerusform>Erreurs (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1071"/>
        <source>Rows merged or skipped (%Ln)</source>
        <translation>
            <numerusform>Lignes fusionnées ou ignorées (%Ln)</numerusform>
            <numerusform>Lignes fusionnées ou ignorées (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1121"/>
        <source>Save the rows not imported</source>
        <translation>Enregistrer les lignes non importées</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1138"/>
        <source>Rows not imported saved to %1.</source>
        <translation>Lignes non importées enregistrées dans %1.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1123"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
</context>
</TS>
