<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="297"/>
        <source>The file</source>
        <translation>Le fichier</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="300"/>
        <source>An Excel workbook (.xlsx, .xlsm, .xls), an OpenDocument sheet (.ods) or a CSV file.</source>
        <translation>Un classeur Excel (.xlsx, .xlsm, .xls), une feuille OpenDocument (.ods) ou un fichier CSV.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="304"/>
        <source>The file to import</source>
        <translation>Le fichier à importer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="305"/>
        <source>File to import</source>
        <translation>Fichier à importer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="313"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="319"/>
        <source>Recognise the layout automatically</source>
        <translation>Reconnaître la disposition automatiquement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="327"/>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="328"/>
        <source>Mapping profile:</source>
        <translation>Profil de correspondance :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="349"/>
        <source>%1 (built in)</source>
        <translation>%1 (fourni)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="357"/>
        <source>Import a workbook</source>
        <translation>Importer un classeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="358"/>
        <source>Workbooks (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)</source>
        <translation>Classeurs (*.xlsx *.xlsm *.xls *.ods *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="376"/>
        <source>Reading the file…</source>
        <translation>Lecture du fichier…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="393"/>
        <source>Reading cancelled.</source>
        <translation>Lecture annulée.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="400"/>
        <source>%Ln sheet(s) read</source>
        <translation>
            <numerusform>%Ln feuille lue</numerusform>
            <numerusform>%Ln feuilles lues</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="402"/>
        <source>the portfolio&apos;s own layout: no mapping needed.</source>
        <translation>la disposition du portefeuille lui-même : aucune correspondance à faire.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="404"/>
        <source>recognised by the profile “%1”.</source>
        <translation>reconnu par le profil « %1 ».</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="408"/>
        <source>columns mapped by their names; check them on the next page.</source>
        <translation>colonnes associées d&apos;après leur nom ; vérifiez-les à la page suivante.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="410"/>
        <source>no sheet has headers we recognise; map them on the next page.</source>
        <translation>aucune feuille n&apos;a d&apos;en-têtes reconnus ; associez-les à la page suivante.</translation>
    </message>
</context>
<context>
    <name>ImportCounts</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="147"/>
        <source>%Ln created</source>
        <comment>feminine</comment>
        <extracomment>Records whose French name is feminine (« lignes de financement créées »).</extracomment>
        <translation>
            <numerusform>%Ln créée</numerusform>
            <numerusform>%Ln créées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="147"/>
        <source>%Ln created</source>
        <translation>
            <numerusform>%Ln créé</numerusform>
            <numerusform>%Ln créés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="151"/>
        <source>%Ln updated</source>
        <comment>feminine</comment>
        <translation>
            <numerusform>%Ln mise à jour</numerusform>
            <numerusform>%Ln mises à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="151"/>
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln mis à jour</numerusform>
            <numerusform>%Ln mis à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="154"/>
        <source>%Ln unchanged</source>
        <comment>feminine</comment>
        <translation>
            <numerusform>%Ln inchangée</numerusform>
            <numerusform>%Ln inchangées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="155"/>
        <source>%Ln unchanged</source>
        <translation>
            <numerusform>%Ln inchangé</numerusform>
            <numerusform>%Ln inchangés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="158"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1259"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1292"/>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1306"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1345"/>
        <source>Imported (import no. %1).</source>
        <translation>Importé (import n° %1).</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1264"/>
        <source>Import status</source>
        <translation>État de l&apos;import</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1269"/>
        <source>Projects left to complete</source>
        <extracomment>What the imported projects still lack (domain, lead, budget), with a link to them.</extracomment>
        <translation>Projets à compléter</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1333"/>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1333"/>
        <source>Funding lines</source>
        <translation>Lignes de financement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1334"/>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1334"/>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1335"/>
        <source>Funders</source>
        <translation>Financeurs</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1335"/>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1336"/>
        <source>Calls for proposals</source>
        <translation>Appels à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1336"/>
        <source>Clusters</source>
        <translation>Pôles</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1349"/>
        <source>%Ln row(s) in error were left out.</source>
        <translation>
            <numerusform>%Ln ligne en erreur a été écartée.</numerusform>
            <numerusform>%Ln lignes en erreur ont été écartées.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1352"/>
        <source>Nothing was written: the rows changed since the preview. Go back and check again.</source>
        <translation>Rien n&apos;a été écrit : les lignes ont changé depuis l&apos;aperçu. Revenez en arrière et vérifiez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1369"/>
        <source>%1 without a domain</source>
        <translation>%1 sans domaine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1370"/>
        <source>%1 without a lead partner</source>
        <translation>%1 sans porteur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1371"/>
        <source>%1 without a budget</source>
        <translation>%1 sans budget</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1378"/>
        <source>%Ln imported project(s) to complete</source>
        <translation>
            <numerusform>%Ln projet importé est à compléter</numerusform>
            <numerusform>%Ln projets importés sont à compléter</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1379"/>
        <source>Show in the table</source>
        <translation>Voir dans le tableau</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1392"/>
        <source>Import cancelled: nothing was written.</source>
        <translation>Import annulé : rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1398"/>
        <source>Nothing was written.</source>
        <translation>Rien n&apos;a été écrit.</translation>
    </message>
</context>
<context>
    <name>ImportProfiles</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="119"/>
        <source>ANR funded projects (DGPIE open data)</source>
        <extracomment>Problems the user can settle by saying what a value means, and the list it belongs to.</extracomment>
        <translation>Projets financés par l&apos;ANR (données ouvertes DGPIE)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="122"/>
        <source>ANR project partners (DGPIE open data)</source>
        <translation>Partenaires des projets ANR (données ouvertes DGPIE)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="125"/>
        <source>CORDIS projects (Horizon Europe)</source>
        <translation>Projets CORDIS (Horizon Europe)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="128"/>
        <source>CORDIS organisations (Horizon Europe)</source>
        <translation>Organisations CORDIS (Horizon Europe)</translation>
    </message>
</context>
<context>
    <name>ImportRows</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="918"/>
        <source>%Ln row(s) read</source>
        <translation>
            <numerusform>%Ln ligne lue</numerusform>
            <numerusform>%Ln lignes lues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="919"/>
        <source>%Ln imported</source>
        <translation>
            <numerusform>%Ln importée</numerusform>
            <numerusform>%Ln importées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="920"/>
        <source>%Ln merged</source>
        <translation>
            <numerusform>%Ln fusionnée</numerusform>
            <numerusform>%Ln fusionnées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="921"/>
        <source>%Ln skipped</source>
        <translation>
            <numerusform>%Ln ignorée</numerusform>
            <numerusform>%Ln ignorées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="922"/>
        <source>%Ln invalid</source>
        <translation>
            <numerusform>%Ln en erreur</numerusform>
            <numerusform>%Ln en erreur</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="925"/>
        <source>%1: %2 — %3, %4, %5, %6.</source>
        <translation>%1 : %2 — %3, %4, %5, %6.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="191"/>
        <source>Import a workbook</source>
        <extracomment>The user asked to see projects (those of the import left to complete): a ProjectFilter.</extracomment>
        <translation>Importer un classeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="200"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="272"/>
        <source>Something went wrong; nothing was written.</source>
        <translation>Une erreur est survenue ; rien n&apos;a été écrit.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="435"/>
        <source>Sheets and columns</source>
        <translation>Feuilles et colonnes</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="438"/>
        <source>Check what each column holds. Values the check does not recognise can be mapped below.</source>
        <translation>Vérifiez ce que contient chaque colonne. Les valeurs que le contrôle ne reconnaît pas peuvent être associées ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="444"/>
        <source>Not imported</source>
        <translation>Non importée</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="452"/>
        <source>Sheet:</source>
        <translation>Feuille :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="454"/>
        <source>Holds:</source>
        <translation>Contient :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="456"/>
        <source>Headers on row:</source>
        <translation>En-têtes en ligne :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="462"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="464"/>
        <source>Set</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="466"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="471"/>
        <source>Same value for all rows:</source>
        <translation>Même valeur pour toutes les lignes :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="479"/>
        <source>Create the funders, calls and domains the portfolio does not have yet</source>
        <translation>Créer les financeurs, appels et domaines que le portefeuille n&apos;a pas encore</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="484"/>
        <source>Put the rows in this cluster</source>
        <translation>Mettre les lignes dans ce pôle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="487"/>
        <source>Several clusters, and the file does not say which its rows belong to:</source>
        <translation>Plusieurs pôles, et le fichier ne dit pas celui de ses lignes :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="501"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="534"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="501"/>
        <source>Examples</source>
        <translation>Exemples</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="501"/>
        <source>Imported as</source>
        <translation>Importée comme</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="501"/>
        <source>Found by</source>
        <translation>Reconnue par</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="504"/>
        <source>(not imported)</source>
        <translation>(non importée)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="507"/>
        <source>its header</source>
        <translation>son en-tête</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="508"/>
        <source>The header is the field&apos;s own name, as the export writes it.</source>
        <translation>L&apos;en-tête est le nom même du champ, tel que l&apos;export l&apos;écrit.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="511"/>
        <source>a known name</source>
        <translation>un nom connu</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="512"/>
        <source>The header is a name in use for this field (« Montant octroyé »…).</source>
        <translation>L&apos;en-tête est un nom en usage pour ce champ (« Montant octroyé »…).</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="515"/>
        <source>the header&apos;s words</source>
        <translation>les mots de l&apos;en-tête</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="517"/>
        <source>The header&apos;s words name this field (case, accents, units and word order set aside). Check the examples.</source>
        <translation>Les mots de l&apos;en-tête désignent ce champ (casse, accents, unités et ordre des mots mis à part). Vérifiez les exemples.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="522"/>
        <source>the profile</source>
        <translation>le profil</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="523"/>
        <source>The profile chosen on the first page maps this column.</source>
        <translation>Le profil choisi à la première page associe cette colonne.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="525"/>
        <source>your choice</source>
        <translation>votre choix</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="525"/>
        <source>You chose this field.</source>
        <translation>Vous avez choisi ce champ.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="534"/>
        <source>Value as written</source>
        <translation>Valeur écrite</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="534"/>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="534"/>
        <source>Means</source>
        <translation>Signifie</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="540"/>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="546"/>
        <source>Name of the mapping, to reuse it next time</source>
        <translation>Nom de la correspondance, pour la réutiliser la prochaine fois</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="547"/>
        <source>Save as a profile</source>
        <translation>Enregistrer comme profil</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="561"/>
        <source>Values to map:</source>
        <translation>Valeurs à associer :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="586"/>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="586"/>
        <source>Funding lines</source>
        <translation>Lignes de financement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="586"/>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="587"/>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="587"/>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="587"/>
        <source>Funders</source>
        <translation>Financeurs</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="588"/>
        <source>Calls for proposals</source>
        <translation>Appels à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="588"/>
        <source>Clusters</source>
        <translation>Pôles</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="695"/>
        <source>For every row: %1</source>
        <translation>Pour toutes les lignes : %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="697"/>
        <source>For the empty cells: %1</source>
        <translation>Pour les cellules vides : %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="709"/>
        <source>The file has no reference column: each project&apos;s reference is made from %1 (the same rows give the same references at every import).</source>
        <translation>Le fichier n&apos;a pas de colonne de référence : la référence de chaque projet est faite de %1 (les mêmes lignes donnent les mêmes références à chaque import).</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="785"/>
        <source>The mapping changed: check again.</source>
        <translation>La correspondance a changé : vérifiez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="808"/>
        <source>Checking the rows…</source>
        <translation>Contrôle des lignes…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="826"/>
        <source>Every row can be read.</source>
        <translation>Toutes les lignes sont lisibles.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="829"/>
        <source>%Ln error(s); the preview lists them all.</source>
        <translation>
            <numerusform>%Ln erreur ; l&apos;aperçu la détaille.</numerusform>
            <numerusform>%Ln erreurs ; l&apos;aperçu les détaille toutes.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="830"/>
        <source>Map the values above, then check again.</source>
        <translation>Associez les valeurs ci-dessus, puis vérifiez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="863"/>
        <source>(leave as it is)</source>
        <translation>(laisser telle quelle)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="864"/>
        <source>(ignore this value: the cell is left empty)</source>
        <translation>(ignorer cette valeur : la cellule est laissée vide)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="878"/>
        <source>(a new funder, as written)</source>
        <translation>(un nouveau financeur, tel qu&apos;écrit)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="892"/>
        <source>Saved: the profile %1 will be proposed for similar files.</source>
        <translation>Enregistré : le profil %1 sera proposé pour les fichiers semblables.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="949"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="950"/>
        <source>Nothing has been written yet.</source>
        <translation>Rien n&apos;a encore été écrit.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="955"/>
        <source>Import the valid rows only (leave out the rows in error)</source>
        <translation>Importer seulement les lignes valides (écarter les lignes en erreur)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="958"/>
        <source>Show unchanged records too</source>
        <translation>Afficher aussi les enregistrements inchangés</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="961"/>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="961"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="961"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="967"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="973"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="980"/>
        <source>Sheet</source>
        <translation>Feuille</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="961"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="967"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="973"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="980"/>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="961"/>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="961"/>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="967"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="980"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="967"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="973"/>
        <source>What became of the row</source>
        <translation>Ce qu&apos;est devenue la ligne</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="980"/>
        <source>How it was read</source>
        <translation>Comment elle a été lue</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="989"/>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="990"/>
        <source>Rows merged or skipped</source>
        <translation>Lignes fusionnées ou ignorées</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="991"/>
        <source>Cells read otherwise</source>
        <translation>Cellules lues autrement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="992"/>
        <source>Save the rows not imported…</source>
        <translation>Enregistrer les lignes non importées…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="995"/>
        <source>A workbook of the rows rejected or skipped, as they were, with their reasons: to send back to whoever sent the file.</source>
        <translation>Un classeur des lignes rejetées ou ignorées, telles qu&apos;elles étaient, avec leurs motifs : à renvoyer à qui a envoyé le fichier.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1024"/>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1024"/>
        <source>Funding line</source>
        <translation>Ligne de financement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1025"/>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1025"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1026"/>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1026"/>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1026"/>
        <source>Call</source>
        <translation>Appel à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1027"/>
        <source>Cluster</source>
        <translation>Pôle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1032"/>
        <source>created</source>
        <translation>créé</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1032"/>
        <source>updated</source>
        <translation>mis à jour</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1033"/>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1040"/>
        <source>Merged with row %1 of the sheet %2 (project %3)</source>
        <translation>Fusionnée avec la ligne %1 de la feuille « %2 » (projet %3)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1046"/>
        <source>Merged with row %1 (project %2)</source>
        <translation>Fusionnée avec la ligne %1 (projet %2)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1051"/>
        <source>Skipped: %1</source>
        <translation>Ignorée : %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1059"/>
        <source>“%1”</source>
        <translation>« %1 »</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1063"/>
        <source>%1: no reference column; the rows whose %2 read the same (case, accents and punctuation aside) are one project.</source>
        <translation>%1 : pas de colonne de référence ; les lignes dont %2 se lisent pareil (casse, accents et ponctuation à part) sont un même projet.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1070"/>
        <source>%1: the rows with the same reference are one project.</source>
        <translation>%1 : les lignes qui portent la même référence sont un même projet.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1074"/>
        <source>Each row adds it a funding line; the project&apos;s columns must be the same on each (a row that differs is an error).</source>
        <translation>Chacune lui ajoute une ligne de financement ; les colonnes du projet doivent y être les mêmes (une ligne qui diffère est en erreur).</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1078"/>
        <source>The same reference in two clusters is two projects.</source>
        <translation>La même référence dans deux pôles fait deux projets.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1092"/>
        <source>Checking the rows…</source>
        <translation>Contrôle des lignes…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1107"/>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1107"/>
        <source>Funding lines</source>
        <translation>Lignes de financement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1108"/>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1108"/>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1109"/>
        <source>Funders</source>
        <translation>Financeurs</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1109"/>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1110"/>
        <source>Calls for proposals</source>
        <translation>Appels à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1110"/>
        <source>Clusters</source>
        <translation>Pôles</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1126"/>
        <source>%Ln cell(s) read otherwise than written, imported: to check below.</source>
        <translation>
            <numerusform>%Ln cellule lue autrement qu&apos;écrite, importée : à vérifier ci-dessous.</numerusform>
            <numerusform>%Ln cellules lues autrement qu&apos;écrites, importées : à vérifier ci-dessous.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1132"/>
        <source>%Ln error(s).</source>
        <translation>
            <numerusform>%Ln erreur.</numerusform>
            <numerusform>%Ln erreurs.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1136"/>
        <source>Nothing will be imported until they are corrected, unless you import the valid rows only.</source>
        <translation>Rien ne sera importé tant qu&apos;elles ne sont pas corrigées, sauf si vous importez seulement les lignes valides.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1140"/>
        <source>Nothing to import: the portfolio already holds all of it.</source>
        <translation>Rien à importer : le portefeuille contient déjà tout.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1147"/>
        <source>%Ln warning(s): importing accepts them (the history records them).</source>
        <translation>
            <numerusform>%Ln avertissement : importer l&apos;accepte (l&apos;historique l&apos;enregistre).</numerusform>
            <numerusform>%Ln avertissements : importer les accepte (l&apos;historique les enregistre).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1155"/>
        <source>… and %Ln more.</source>
        <translation>
            <numerusform>… et %Ln autre.</numerusform>
            <numerusform>… et %Ln autres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1159"/>
        <source>Errors (%Ln)</source>
        <translation>
            <numerusform>Erreurs (%Ln)</numerusform>
            <numerusform>Erreurs (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1162"/>
        <source>Rows merged or skipped (%Ln)</source>
        <translation>
            <numerusform>Lignes fusionnées ou ignorées (%Ln)</numerusform>
            <numerusform>Lignes fusionnées ou ignorées (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1164"/>
        <source>Cells read otherwise (%Ln)</source>
        <translation>
            <numerusform>Cellules lues autrement (%Ln)</numerusform>
            <numerusform>Cellules lues autrement (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1215"/>
        <source>Save the rows not imported</source>
        <translation>Enregistrer les lignes non importées</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1232"/>
        <source>Rows not imported saved to %1.</source>
        <translation>Lignes non importées enregistrées dans %1.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1217"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
</context>
</TS>
