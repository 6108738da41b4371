<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/about.py" line="86"/>
        <source>About portfolio-desktop</source>
        <extracomment>The libraries the application ships with, and their licences as their metadata declares them (License-Expression, else License, else the classifier). The frozen application bundles their metadata (packaging/portfolio-desktop.spec reads this list), so the versions show there too; a library that is not installed is left out. tests/test_packaging.py holds this list to the metadata and to what the application imports.</extracomment>
        <translation>À propos de portfolio-desktop</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/about.py" line="88"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/about.py" line="90"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/about.py" line="91"/>
        <source>Data folder</source>
        <translation>Dossier des données</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/about.py" line="92"/>
        <source>Log folder</source>
        <translation>Dossier du journal</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/about.py" line="98"/>
        <source>The R&amp;amp;D project portfolio of competitiveness clusters.</source>
        <translation>Le portefeuille de projets de R&amp;amp;D des pôles de compétitivité.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/about.py" line="109"/>
        <source>Bundled libraries</source>
        <translation>Bibliothèques incluses</translation>
    </message>
</context>
<context>
    <name>ClusterDialog</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="83"/>
        <source>New cluster</source>
        <translation>Nouveau pôle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="83"/>
        <source>Cluster</source>
        <translation>Pôle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="88"/>
        <source>e.g. IR</source>
        <translation>ex. IR</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="91"/>
        <source>e.g. Images &amp; Réseaux</source>
        <translation>ex. Images &amp; Réseaux</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="100"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="101"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="102"/>
        <source>Regions</source>
        <translation>Régions</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="105"/>
        <source>The code is how imported and exported workbooks name the cluster (16 characters at most). Renaming a cluster keeps all its projects.</source>
        <translation>Le code est le nom du pôle dans les classeurs importés et exportés (16 caractères au plus). Renommer un pôle garde tous ses projets.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="138"/>
        <source>Create cluster %1</source>
        <translation>Créer le pôle %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="141"/>
        <source>Rename cluster %1 to %2</source>
        <translation>Renommer le pôle %1 en %2</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="143"/>
        <source>Edit cluster %1</source>
        <translation>Modifier le pôle %1</translation>
    </message>
</context>
<context>
    <name>ClusterMergeDialog</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="191"/>
        <source>Merge a cluster</source>
        <translation>Fusionner un pôle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="195"/>
        <source>Every project of “%1” moves into the cluster chosen below, and “%1” is deleted. Projects keep their reference: the merge is refused if both clusters hold a project under the same reference.</source>
        <translation>Tous les projets de « %1 » passent dans le pôle choisi ci-dessous, et « %1 » est supprimé. Les projets gardent leur référence : la fusion est refusée si les deux pôles ont un projet de même référence.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="203"/>
        <source>Cluster kept</source>
        <translation>Pôle conservé</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="204"/>
        <source>Choose the cluster kept…</source>
        <translation>Choisissez le pôle conservé…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="214"/>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="219"/>
        <source>Merge into:</source>
        <translation>Fusionner dans :</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="230"/>
        <source>%Ln project(s)</source>
        <translation>
            <numerusform>%Ln projet</numerusform>
            <numerusform>%Ln projets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="250"/>
        <source>Choose the cluster that keeps the %Ln project(s) of “%1”.</source>
        <translation>
            <numerusform>Choisissez le pôle qui garde le projet de « %1 ».</numerusform>
            <numerusform>Choisissez le pôle qui garde les %Ln projets de « %1 ».</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="253"/>
        <source>Choose the cluster to merge “%1” into.</source>
        <translation>Choisissez le pôle dans lequel fusionner « %1 ».</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="260"/>
        <source>The %Ln project(s) of “%1” will move into “%2”, and “%1” will be deleted.</source>
        <translation>
            <numerusform>Le seul projet de « %1 » passera dans « %2 », et « %1 » sera supprimé.</numerusform>
            <numerusform>Les %Ln projets de « %1 » passeront dans « %2 », et « %1 » sera supprimé.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="265"/>
        <source>“%1” holds no project: it will be deleted.</source>
        <translation>« %1 » n&apos;a aucun projet : il sera supprimé.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="267"/>
        <source>You can undo the merge (Edit › Undo).</source>
        <translation>Vous pourrez annuler la fusion (Édition › Annuler).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="268"/>
        <source>“%1” will then hold %Ln project(s).</source>
        <translation>
            <numerusform>« %1 » aura alors %Ln projet.</numerusform>
            <numerusform>« %1 » aura alors %Ln projets.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClustersView</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="64"/>
        <source>Search a code, a name, a region…</source>
        <translation>Chercher un code, un nom, une région…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="71"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="72"/>
        <source>Cluster</source>
        <translation>Pôle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="73"/>
        <source>Regions</source>
        <translation>Régions</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="74"/>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="89"/>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="96"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="90"/>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="98"/>
        <source>Merge into…</source>
        <translation>Fusionner dans…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="91"/>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="109"/>
        <source>Show projects</source>
        <translation>Voir les projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="92"/>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="106"/>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="262"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="95"/>
        <source>New cluster…</source>
        <translation>Nouveau pôle…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="102"/>
        <source>Moves every project of the selected cluster into another one, then deletes it.</source>
        <translation>Fait passer tous les projets du pôle choisi dans un autre, puis le supprime.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="126"/>
        <source>Each project belongs to one cluster; workbooks name it by its code. Merging a cluster into another moves all its projects there. Only a cluster without projects can be deleted.</source>
        <translation>Chaque projet appartient à un pôle ; les classeurs le désignent par son code. Fusionner un pôle dans un autre y fait passer tous ses projets. Seul un pôle sans projet peut être supprimé.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="175"/>
        <source>%1 of %Ln cluster(s)</source>
        <translation>
            <numerusform>%1 sur %Ln pôle</numerusform>
            <numerusform>%1 sur %Ln pôles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="178"/>
        <source>%Ln cluster(s)</source>
        <translation>
            <numerusform>%Ln pôle</numerusform>
            <numerusform>%Ln pôles</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="232"/>
        <source>Merge cluster %1 into %2</source>
        <translation>Fusionner le pôle %1 dans %2</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="236"/>
        <source>Cannot merge</source>
        <translation>Fusion impossible</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="246"/>
        <source>“%1” cannot be deleted: %Ln project(s) belong to it. Merge it into another cluster instead.</source>
        <translation>
            <numerusform>« %1 » ne peut pas être supprimé : %Ln projet y est rattaché. Fusionnez-le plutôt dans un autre pôle.</numerusform>
            <numerusform>« %1 » ne peut pas être supprimé : %Ln projets y sont rattachés. Fusionnez-le plutôt dans un autre pôle.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="255"/>
        <source>“%1” is the only cluster: the portfolio needs one.</source>
        <translation>« %1 » est le seul pôle : le portefeuille en a besoin d&apos;un.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="263"/>
        <source>Delete the cluster “%1”? You can undo this.</source>
        <translation>Supprimer le pôle « %1 » ? Vous pourrez annuler.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="268"/>
        <source>Delete cluster %1</source>
        <translation>Supprimer le pôle %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="270"/>
        <source>Cannot delete</source>
        <translation>Suppression impossible</translation>
    </message>
</context>
<context>
    <name>ConversionModel</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="65"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="69"/>
        <source>Submitted</source>
        <translation>Déposés</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="70"/>
        <source>Labelled</source>
        <translation>Labellisés</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="71"/>
        <source>Funded</source>
        <translation>Financés</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="72"/>
        <source>Label rate</source>
        <translation>Taux de label</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="73"/>
        <source>Funding rate</source>
        <translation>Taux de financement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="66"/>
        <source>(no call)</source>
        <translation>(sans appel)</translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="91"/>
        <source>Due on</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="92"/>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="93"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="94"/>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="95"/>
        <source>Delay</source>
        <translation>Délai</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="100"/>
        <source>%n day(s) late</source>
        <translation>
            <numerusform>%n jour de retard</numerusform>
            <numerusform>%n jours de retard</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="101"/>
        <source>in %n day(s)</source>
        <translation>
            <numerusform>dans %n jour</numerusform>
            <numerusform>dans %n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="1042"/>
        <source>Evaluation</source>
        <translation>Expertise</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="1051"/>
        <source>Innovation</source>
        <translation>Innovation</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="1052"/>
        <source>Consortium</source>
        <translation>Consortium</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="1053"/>
        <source>Impact</source>
        <translation>Impact</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="1054"/>
        <source>Feasibility</source>
        <translation>Faisabilité</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="1069"/>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="1070"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="1071"/>
        <source>Scores (0–5)</source>
        <translation>Notes (0 à 5)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="1072"/>
        <source>Recommendation</source>
        <translation>Recommandation</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="1073"/>
        <source>Opinion</source>
        <translation>Avis</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/filter_panel.py" line="68"/>
        <source>All</source>
        <extracomment>The criteria this panel has a widget for (the search box is the view&apos;s); every other one of a filter it is shown (a funnel step, a chart&apos;s instrument, the projects of an import left to complete) is kept as it came, said in words under the widgets, until cleared. The criteria of the last filter shown that no widget here edits (`EDITED`).</extracomment>
        <translation>Tous</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/filter_panel.py" line="78"/>
        <source>Submitted from (year)</source>
        <translation>Déposé à partir de (année)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/filter_panel.py" line="79"/>
        <source>Submitted until (year)</source>
        <translation>Déposé jusqu’en (année)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/filter_panel.py" line="82"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/filter_panel.py" line="83"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/filter_panel.py" line="84"/>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/filter_panel.py" line="92"/>
        <source>Drop these criteria</source>
        <extracomment>The kept criteria in words (« Projets parvenus à l&apos;étape « Financé » »), and a button that drops them and keeps the rest.</extracomment>
        <translation>Retirer ces critères</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/filter_panel.py" line="98"/>
        <source>Cluster</source>
        <translation>Pôle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/filter_panel.py" line="99"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/filter_panel.py" line="100"/>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/filter_panel.py" line="101"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/filter_panel.py" line="102"/>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/filter_panel.py" line="103"/>
        <source>Call</source>
        <translation>Appel à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/filter_panel.py" line="107"/>
        <source>Submitted (years)</source>
        <translation>Déposé (années)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/filter_panel.py" line="108"/>
        <source>Partner kind</source>
        <translation>Type de partenaire</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/filter_panel.py" line="109"/>
        <source>Responsible digital</source>
        <translation>Numérique responsable</translation>
    </message>
</context>
<context>
    <name>FinancingMatrixModel</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="77"/>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="77"/>
        <source>Kind</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="77"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="91"/>
        <source>Aid</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="91"/>
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="91"/>
        <source>Max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="111"/>
        <source>max %1 of %2</source>
        <translation>max. %1 des %2</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="115"/>
        <source>Source: %1</source>
        <translation>Source : %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="117"/>
        <source>Above the rule for this kind of partner</source>
        <translation>Au-dessus de la règle pour cette catégorie de partenaire</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="138"/>
        <source>%1 of %2</source>
        <translation>%1 des %2</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="153"/>
        <source>Not split over partners</source>
        <translation>Non réparti entre partenaires</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="160"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="128"/>
        <source>per funder</source>
        <translation>par financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="129"/>
        <source>per call</source>
        <translation>par appel à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="140"/>
        <source>Conversion</source>
        <translation>Conversion</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="146"/>
        <source>Submissions: labelled → funded</source>
        <translation>Dépôts : labellisés → financés</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="165"/>
        <source>Overdue and due in the next 30 days</source>
        <translation>En retard et à échéance dans les 30 prochains jours</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="197"/>
        <source>Nothing is due.</source>
        <translation>Rien n&apos;est attendu.</translation>
    </message>
</context>
<context>
    <name>FundingGapPanel</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funding_gap_panel.py" line="57"/>
        <source>Funding gap (funded projects, whole portfolio)</source>
        <translation>Écart de financement (projets financés, tout le portefeuille)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funding_gap_panel.py" line="61"/>
        <source>By call</source>
        <translation>Par appel à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funding_gap_panel.py" line="62"/>
        <source>By domain</source>
        <translation>Par domaine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funding_gap_panel.py" line="63"/>
        <source>By pole</source>
        <translation>Par pôle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funding_gap_panel.py" line="64"/>
        <source>Funding gap grouped</source>
        <translation>Regroupement de l&apos;écart de financement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funding_gap_panel.py" line="85"/>
        <source>Not covered: %1 of a budget of %2 (granted %3, asked and not decided %4; %5 funded projects)</source>
        <translation>Non couvert : %1 sur un budget de %2 (accordé %3, demandé et non décidé %4 ; %5 projets financés)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funding_gap_panel.py" line="105"/>
        <source>Call</source>
        <translation>Appel à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funding_gap_panel.py" line="106"/>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funding_gap_panel.py" line="107"/>
        <source>Pole</source>
        <translation>Pôle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funding_gap_panel.py" line="110"/>
        <source>No call</source>
        <translation>Sans appel à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funding_gap_panel.py" line="111"/>
        <source>No domain</source>
        <translation>Sans domaine</translation>
    </message>
</context>
<context>
    <name>GapModel</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funding_gap_panel.py" line="29"/>
        <source>Funded projects</source>
        <extracomment>What the rows are (call, domain, pole), and what a row without a key is: the projects without a call, or without a domain.</extracomment>
        <translation>Projets financés</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funding_gap_panel.py" line="30"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funding_gap_panel.py" line="31"/>
        <source>Granted</source>
        <translation>Accordé</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funding_gap_panel.py" line="33"/>
        <source>Asked, not decided</source>
        <translation>Demandé, non décidé</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funding_gap_panel.py" line="38"/>
        <source>Not covered</source>
        <translation>Non couvert</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funding_gap_panel.py" line="42"/>
        <source>The budget no grant covers, project by project: a project funded above its budget covers no other.</source>
        <translation>Le budget qu&apos;aucune aide ne couvre, projet par projet : un projet financé au-delà de son budget n&apos;en couvre aucun autre.</translation>
    </message>
</context>
<context>
    <name>LineMoneyPanel</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="269"/>
        <source>Tranche</source>
        <translation>Tranche</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="270"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="271"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="279"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="288"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="295"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="272"/>
        <source>Released</source>
        <translation>Dégagée</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="278"/>
        <source>Received</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="280"/>
        <source>For tranche</source>
        <translation>Pour la tranche</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="281"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="287"/>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="294"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="311"/>
        <source>Add tranche</source>
        <translation>Ajouter une tranche</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="318"/>
        <source>Add payment</source>
        <translation>Ajouter un versement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="326"/>
        <source>Payment schedule</source>
        <translation>Échéancier des versements</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="328"/>
        <source>Add share</source>
        <translation>Ajouter une part</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="329"/>
        <source>Partners&apos; shares</source>
        <translation>Parts des partenaires</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="332"/>
        <source>Add year</source>
        <translation>Ajouter une année</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="333"/>
        <source>Per year</source>
        <translation>Par année</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="359"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="393"/>
        <source>Choose a funding line above to see its schedule.</source>
        <translation>Choisissez une ligne de financement ci-dessus pour voir son échéancier.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="395"/>
        <source>Line: %1 · granted %2</source>
        <translation>Ligne : %1 · accordé %2</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="411"/>
        <source>Planned %1 · received %2 of granted %3</source>
        <translation>Prévu %1 · reçu %2 sur %3 accordés</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="417"/>
        <source>overdue: %1</source>
        <translation>en retard : %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="220"/>
        <source>Projects</source>
        <extracomment>Pages of the navigation: key, module and class (imported when first shown), title. Shortcuts of the window&apos;s own commands that a text field would take for itself (Ctrl+E is &quot;end of line&quot; in a line edit): they run the command whatever has the focus. Files a user may drop on the window: workbooks start the import wizard on them, portfolio files are opened. The user chose another language in the preferences (the application rebuilds the window). The user asked to open a database (path or URL).</extracomment>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="221"/>
        <source>Organisations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="222"/>
        <source>Funders &amp; calls</source>
        <translation>Financeurs et appels</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="223"/>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="224"/>
        <source>Experts</source>
        <translation>Experts</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="225"/>
        <source>Clusters</source>
        <translation>Pôles</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="226"/>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="227"/>
        <source>Timeline</source>
        <translation>Frise chronologique</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="228"/>
        <source>Snapshots</source>
        <translation>Instantanés</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="246"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="249"/>
        <source>&amp;New portfolio…</source>
        <translation>&amp;Nouveau portefeuille…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="253"/>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="255"/>
        <source>Save a &amp;copy…</source>
        <translation>Enregistrer une &amp;copie…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="258"/>
        <source>&amp;Recent files</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="263"/>
        <source>&amp;Import a workbook…</source>
        <translation>&amp;Importer un classeur…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="267"/>
        <source>&amp;Export…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="271"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="274"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="275"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="275"/>
        <source>&amp;Undo “%1”</source>
        <translation>&amp;Annuler « %1 »</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="279"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="279"/>
        <source>&amp;Redo “%1”</source>
        <translation>&amp;Rétablir « %1 »</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="288"/>
        <source>New &amp;project…</source>
        <translation>Nouveau &amp;projet…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="293"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="300"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="313"/>
        <source>Show or hide the &amp;filters</source>
        <translation>Afficher ou masquer les &amp;filtres</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="320"/>
        <source>&amp;Search projects</source>
        <translation>&amp;Rechercher des projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="324"/>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="327"/>
        <source>Projects to &amp;review</source>
        <translation>Projets à &amp;revoir</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="487"/>
        <source>%1 projects · funding granted %2</source>
        <translation>%1 projets · financement accordé %2</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="629"/>
        <source>Projects to review</source>
        <translation>Projets à revoir</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="325"/>
        <source>Create the &amp;demo portfolio</source>
        <translation>Créer le portefeuille de &amp;démonstration</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="326"/>
        <source>&amp;Check the database</source>
        <translation>&amp;Vérifier la base</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="329"/>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="330"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="331"/>
        <source>&amp;About portfolio-desktop</source>
        <translation>À &amp;propos de portfolio-desktop</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="340"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="381"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="423"/>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="426"/>
        <source>No database open</source>
        <translation>Aucune base ouverte</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="501"/>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="511"/>
        <source>New portfolio</source>
        <translation>Nouveau portefeuille</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="503"/>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="535"/>
        <source>Portfolio databases (*.sqlite)</source>
        <translation>Bases de portefeuille (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="512"/>
        <source>This file already exists; open it instead.</source>
        <translation>Ce fichier existe déjà ; ouvrez-le plutôt.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="520"/>
        <source>Open a portfolio</source>
        <translation>Ouvrir un portefeuille</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="522"/>
        <source>Portfolio databases (*.sqlite *.db);;All files (*)</source>
        <translation>Bases de portefeuille (*.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="533"/>
        <source>Save a copy</source>
        <translation>Enregistrer une copie</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="547"/>
        <source>Copy saved: %1</source>
        <translation>Copie enregistrée : %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="575"/>
        <source>Creating the demo portfolio…</source>
        <translation>Création du portefeuille de démonstration…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="576"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="605"/>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="615"/>
        <source>Check the database</source>
        <translation>Vérifier la base</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="669"/>
        <source>Project %1 saved.</source>
        <translation>Projet %1 enregistré.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="678"/>
        <source>Delete projects</source>
        <translation>Supprimer des projets</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="679"/>
        <source>Delete %Ln project(s)? You can undo this.</source>
        <translation>
            <numerusform>Supprimer %Ln projet ? Vous pourrez annuler.</numerusform>
            <numerusform>Supprimer %Ln projets ? Vous pourrez annuler.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="686"/>
        <source>Delete %Ln project(s)</source>
        <translation>
            <numerusform>Supprimer %Ln projet</numerusform>
            <numerusform>Supprimer %Ln projets</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="695"/>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="790"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
</context>
<context>
    <name>MatrixPage</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="242"/>
        <source>Above their rule: %1</source>
        <translation>Au-dessus de leur règle : %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="248"/>
        <source>Every partner&apos;s rate is within its rule.</source>
        <translation>Le taux de chaque partenaire respecte sa règle.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/financing_views.py" line="251"/>
        <source>No aid-rate rule applies to this project&apos;s call.</source>
        <translation>Aucune règle de taux d&apos;aide ne s&apos;applique à l&apos;appel de ce projet.</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/fields.py" line="24"/>
        <source>amount in euros</source>
        <extracomment>A QDateEdit cannot be empty: its minimum date stands for &quot;no date&quot; and shows as a dash.</extracomment>
        <translation>montant en euros</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/fields.py" line="58"/>
        <source>Not an amount: type for example 1 300 000,50 or 750 k€</source>
        <translation>Montant illisible : tapez par exemple 1 300 000,50 ou 750 k€</translation>
    </message>
</context>
<context>
    <name>OutsideRulesModel</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/rules_panel.py" line="23"/>
        <source>No source noted</source>
        <translation>Source non indiquée</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/rules_panel.py" line="27"/>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/rules_panel.py" line="30"/>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/rules_panel.py" line="32"/>
        <source>Kind</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/rules_panel.py" line="34"/>
        <source>Aid</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/rules_panel.py" line="35"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/rules_panel.py" line="36"/>
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/rules_panel.py" line="38"/>
        <source>Maximum</source>
        <translation>Plafond</translation>
    </message>
</context>
<context>
    <name>OverdueModel</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/payments_panel.py" line="39"/>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/payments_panel.py" line="42"/>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/payments_panel.py" line="43"/>
        <source>Tranche</source>
        <translation>Tranche</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/payments_panel.py" line="44"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/payments_panel.py" line="45"/>
        <source>Not received</source>
        <translation>Non reçu</translation>
    </message>
</context>
<context>
    <name>PaymentsPanel</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/payments_panel.py" line="57"/>
        <source>Payments (whole portfolio)</source>
        <translation>Versements (tout le portefeuille)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/payments_panel.py" line="78"/>
        <source>Overdue: %1 (tranches: %2)</source>
        <translation>En retard : %1 (tranches : %2)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/payments_panel.py" line="83"/>
        <source>received at dates not known: %1</source>
        <translation>reçu à des dates inconnues : %1</translation>
    </message>
</context>
<context>
    <name>PaymentsPerYearModel</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/payments_panel.py" line="27"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/payments_panel.py" line="28"/>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/payments_panel.py" line="29"/>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/preferences.py" line="30"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/preferences.py" line="39"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/preferences.py" line="45"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/preferences.py" line="49"/>
        <source>Numbers, dates and amounts follow the language: 1 300 000,50 € or €1,300,000.50.</source>
        <translation>Les nombres, dates et montants suivent la langue : 1 300 000,50 € ou €1,300,000.50.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/preferences.py" line="53"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/preferences.py" line="87"/>
        <source>Default database</source>
        <translation>Base par défaut</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/preferences.py" line="56"/>
        <source>The projects</source>
        <translation>Les projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/preferences.py" line="57"/>
        <source>The dashboard</source>
        <translation>Le tableau de bord</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/preferences.py" line="61"/>
        <source>Open on</source>
        <translation>Ouvrir sur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/preferences.py" line="65"/>
        <source>…with the saved view “%1” (chosen beside the saved views).</source>
        <translation>…avec la vue enregistrée « %1 » (choisie à côté des vues enregistrées).</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/preferences.py" line="69"/>
        <source>A saved view can be the one to open on (beside the saved views).</source>
        <translation>Une vue enregistrée peut être celle de l&apos;ouverture (à côté des vues enregistrées).</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/preferences.py" line="89"/>
        <source>Portfolio databases (*.sqlite)</source>
        <translation>Bases de portefeuille (*.sqlite)</translation>
    </message>
</context>
<context>
    <name>ProjectEditor</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="175"/>
        <source>General</source>
        <extracomment>domain id → the pole whose roadmap it is (domains every pole shares are not in it). The project&apos;s full change history (issue 7), newest first. Aid-rate rules and organisations&apos; kinds, for the partner × funder matrix. How many of a project&apos;s latest changes the editor shows. Which tab shows the widget of a rule&apos;s field (for pointing at the issue).</extracomment>
        <translation>Général</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="176"/>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="177"/>
        <source>Funding</source>
        <translation>Financements</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="179"/>
        <source>Partners × funders</source>
        <translation>Partenaires × financeurs</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="180"/>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="181"/>
        <source>Pipeline</source>
        <translation>Cycle de vie</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="182"/>
        <source>Responsible digital</source>
        <translation>Numérique responsable</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="183"/>
        <source>Evaluations</source>
        <translation>Expertises</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="185"/>
        <source>Submissions</source>
        <translation>Dépôts et labels</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="186"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="211"/>
        <source>New project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="212"/>
        <source>Project %1</source>
        <translation>Projet %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="242"/>
        <source>Cluster</source>
        <translation>Pôle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="243"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="244"/>
        <source>Acronym</source>
        <translation>Acronyme</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="245"/>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="246"/>
        <source>Call for proposals</source>
        <translation>Appel à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="247"/>
        <source>Regions</source>
        <translation>Régions</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="250"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="252"/>
        <source>Start and end</source>
        <translation>Début et fin</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="253"/>
        <source>Total budget</source>
        <translation>Budget total</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="254"/>
        <source>Eligible costs</source>
        <translation>Dépenses éligibles</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="255"/>
        <source>Keywords</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="256"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="331"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="332"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="333"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="339"/>
        <source>Organisation name…</source>
        <translation>Nom de l&apos;organisation…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="348"/>
        <source>Add partner</source>
        <translation>Ajouter le partenaire</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="351"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="449"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="362"/>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="363"/>
        <source>Instrument</source>
        <translation>Type d&apos;aide</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="364"/>
        <source>Beneficiary</source>
        <translation>Bénéficiaire</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="365"/>
        <source>Requested</source>
        <translation>Demandé</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="366"/>
        <source>Granted</source>
        <translation>Accordé</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="367"/>
        <source>Paid</source>
        <translation>Versé</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="368"/>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="369"/>
        <source>Override</source>
        <translation>Dérogation</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="376"/>
        <source>Add funding line</source>
        <translation>Ajouter une ligne de financement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="379"/>
        <source>Delete line</source>
        <translation>Supprimer la ligne</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="438"/>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="439"/>
        <source>Share (%)</source>
        <translation>Part (%)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="446"/>
        <source>Add domain</source>
        <translation>Ajouter un domaine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="465"/>
        <source>Submitted on</source>
        <translation>Déposé le</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="466"/>
        <source>Evaluated on</source>
        <translation>Expertisé le</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="467"/>
        <source>Labelling decided on</source>
        <translation>Labellisation décidée le</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="468"/>
        <source>Funding decided on</source>
        <translation>Financement décidé le</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="469"/>
        <source>Closed on</source>
        <translation>Terminé le</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="470"/>
        <source>Abandoned on</source>
        <translation>Abandonné le</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="481"/>
        <source>Move to the next step on</source>
        <translation>Passer à l&apos;étape suivante le</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="498"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="504"/>
        <source>Project of the responsible-digital axis</source>
        <translation>Projet de l&apos;axe numérique responsable</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="519"/>
        <source>Maturity</source>
        <translation>Maturité</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="528"/>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="529"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="530"/>
        <source>Innovation</source>
        <translation>Innovation</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="531"/>
        <source>Consortium</source>
        <translation>Consortium</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="532"/>
        <source>Impact</source>
        <translation>Impact</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="533"/>
        <source>Feasibility</source>
        <translation>Faisabilité</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="536"/>
        <source>Recommendation</source>
        <translation>Recommandation</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="541"/>
        <source>Opinion</source>
        <translation>Avis</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="556"/>
        <source>Add evaluation</source>
        <translation>Ajouter une expertise</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="558"/>
        <source>Delete evaluation</source>
        <translation>Supprimer l&apos;expertise</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="569"/>
        <source>Save the project before adding evaluations.</source>
        <translation>Enregistrez le projet avant d&apos;ajouter des expertises.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="697"/>
        <source>Total: %1 %</source>
        <translation>Total : %1 %</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="703"/>
        <source>Partners&apos; budgets: %1 of %2</source>
        <translation>Budgets des partenaires : %1 sur %2</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="711"/>
        <source>Requested %1 · granted %2 · paid %3</source>
        <translation>Demandé %1 · accordé %2 · versé %3</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="746"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="750"/>
        <source>To save this project:</source>
        <translation>Pour enregistrer ce projet :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="790"/>
        <source>New organisation</source>
        <translation>Nouvelle organisation</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="791"/>
        <source>“%1” is not known yet. What kind of organisation is it?</source>
        <translation>« %1 » n&apos;est pas encore connue. De quel type d&apos;organisation s&apos;agit-il ?</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="811"/>
        <source>No funder</source>
        <translation>Aucun financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="811"/>
        <source>Create a funder first (Funders &amp; calls).</source>
        <translation>Créez d&apos;abord un financeur (Financeurs et appels).</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="838"/>
        <source>Create project %1</source>
        <translation>Création du projet %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="848"/>
        <source>Edit project %1</source>
        <translation>Modification du projet %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="953"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="954"/>
        <source>Save your changes before moving the project to the next step?</source>
        <translation>Enregistrer vos modifications avant de passer le projet à l&apos;étape suivante ?</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/project_editor.py" line="969"/>
        <source>Move %1 to %2</source>
        <translation>Passage de %1 à « %2 »</translation>
    </message>
</context>
<context>
    <name>ProjectTableModel</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/project_table.py" line="43"/>
        <source>Cluster</source>
        <extracomment>A role carrying the raw value of a cell (cents, dates, codes) for delegates and tests.</extracomment>
        <translation>Pôle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/project_table.py" line="44"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/project_table.py" line="45"/>
        <source>Acronym</source>
        <translation>Acronyme</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/project_table.py" line="46"/>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/project_table.py" line="47"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/project_table.py" line="48"/>
        <source>Lead partner</source>
        <translation>Porteur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/project_table.py" line="49"/>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/project_table.py" line="50"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/project_table.py" line="51"/>
        <source>Call</source>
        <translation>Appel à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/project_table.py" line="52"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/project_table.py" line="53"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/project_table.py" line="54"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/project_table.py" line="58"/>
        <source>Funding granted</source>
        <translation>Financement accordé</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/project_table.py" line="61"/>
        <source>Funders</source>
        <translation>Financeurs</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/project_table.py" line="63"/>
        <source>Submitted</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/project_table.py" line="66"/>
        <source>Evaluated</source>
        <translation>Expertise</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/project_table.py" line="70"/>
        <source>Labelling decision</source>
        <translation>Décision de labellisation</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/project_table.py" line="75"/>
        <source>Funding decision</source>
        <translation>Décision de financement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/project_table.py" line="80"/>
        <source>Responsible-digital maturity</source>
        <translation>Maturité numérique responsable</translation>
    </message>
</context>
<context>
    <name>ProjectsView</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/projects_view.py" line="83"/>
        <source>Search reference, acronym, title, partner…</source>
        <extracomment>The changes that change the table&apos;s rows, and those that change its filters&apos; lists. The filter shown changed (the dashboard follows it). (number of projects shown, their granted funding in cents) for the status bar.</extracomment>
        <translation>Rechercher une référence, un acronyme, un intitulé, un partenaire…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/projects_view.py" line="86"/>
        <source>Search projects</source>
        <translation>Rechercher des projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/projects_view.py" line="94"/>
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/projects_view.py" line="98"/>
        <source>Saved views</source>
        <translation>Vues enregistrées</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/projects_view.py" line="101"/>
        <source>Save view…</source>
        <translation>Enregistrer la vue…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/projects_view.py" line="105"/>
        <source>Open on it</source>
        <translation>Ouvrir dessus</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/projects_view.py" line="106"/>
        <source>Open the application on this saved view</source>
        <translation>Ouvrir l&apos;application sur cette vue enregistrée</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/projects_view.py" line="112"/>
        <location filename="../../src/portfolio_desktop/ui/views/projects_view.py" line="348"/>
        <source>Delete view</source>
        <translation>Supprimer la vue</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/projects_view.py" line="115"/>
        <source>New project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/projects_view.py" line="136"/>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/projects_view.py" line="158"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/projects_view.py" line="162"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/projects_view.py" line="298"/>
        <source>(current view)</source>
        <translation>(vue courante)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/projects_view.py" line="338"/>
        <source>Save view</source>
        <translation>Enregistrer la vue</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/projects_view.py" line="338"/>
        <source>Name of the view:</source>
        <translation>Nom de la vue :</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/projects_view.py" line="348"/>
        <source>Delete the view “%1”?</source>
        <translation>Supprimer la vue « %1 » ?</translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/rules_panel.py" line="56"/>
        <source>Aid rates above the rules (whole portfolio)</source>
        <extracomment>A project&apos;s id, to open in the editor.</extracomment>
        <translation>Taux d&apos;aide au-delà des règles (tout le portefeuille)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/rules_panel.py" line="75"/>
        <source>Partners above their rule: %1 · projects: %2 · projects checked (aid split over their partners): %3</source>
        <translation>Partenaires au-delà de leur règle : %1 · projets : %2 · projets vérifiés (aide répartie entre partenaires) : %3</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/rules_panel.py" line="84"/>
        <source>No partner above its rule · projects checked (aid split over their partners): %1</source>
        <translation>Aucun partenaire au-delà de sa règle · projets vérifiés (aide répartie entre partenaires) : %1</translation>
    </message>
</context>
<context>
    <name>SubmissionsModel</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="43"/>
        <source>Call</source>
        <translation>Appel à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="44"/>
        <source>Submitted</source>
        <translation>Déposé le</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="45"/>
        <source>Requested</source>
        <translation>Demandé</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="47"/>
        <source>Cluster&apos;s label</source>
        <translation>Label du pôle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="51"/>
        <source>Funder&apos;s answer</source>
        <translation>Réponse du financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="54"/>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
</context>
<context>
    <name>SubmissionsTab</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="102"/>
        <source>(not decided)</source>
        <translation>(non décidé)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="107"/>
        <source>Needed to label a project no expert evaluated</source>
        <translation>Obligatoire pour labelliser un projet sans expertise</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="109"/>
        <source>(awaited)</source>
        <translation>(attendue)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="113"/>
        <source>Add the submission</source>
        <translation>Ajouter le dépôt</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="117"/>
        <source>Call</source>
        <translation>Appel à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="118"/>
        <source>Submitted on</source>
        <translation>Déposé le</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="119"/>
        <source>Cluster&apos;s label</source>
        <translation>Label du pôle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="120"/>
        <source>Label decided on</source>
        <translation>Label décidé le</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="121"/>
        <source>Reason for labelling without evaluation</source>
        <translation>Motif de labellisation sans expertise</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="122"/>
        <source>Funder&apos;s answer</source>
        <translation>Réponse du financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="123"/>
        <source>Answer on</source>
        <translation>Réponse le</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="125"/>
        <source>New submission</source>
        <translation>Nouveau dépôt</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="128"/>
        <source>Each submission keeps its own label; the project&apos;s status follows them.</source>
        <translation>Chaque dépôt garde son propre label ; le statut du projet en découle.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/submissions_tab.py" line="138"/>
        <source>Save the project first: its submissions are added then.</source>
        <translation>Enregistrez d&apos;abord le projet : ses dépôts s&apos;ajoutent ensuite.</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/timeline_view.py" line="83"/>
        <source>No project in this view.</source>
        <extracomment>The user double-clicked a project&apos;s line: its id.</extracomment>
        <translation>Aucun projet dans cette vue.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/timeline_view.py" line="147"/>
        <source>done on %1</source>
        <translation>fait le %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/timeline_view.py" line="149"/>
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/timeline_view.py" line="151"/>
        <source>to come</source>
        <translation>à venir</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/timeline_view.py" line="176"/>
        <source>Running projects</source>
        <extracomment>Asks the main window to show these projects in the table.</extracomment>
        <translation>Projets en cours</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/timeline_view.py" line="177"/>
        <source>Funded and running</source>
        <translation>Financés et en cours</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/timeline_view.py" line="178"/>
        <source>Every funded project, closed ones too</source>
        <translation>Tous les projets financés, clos compris</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/timeline_view.py" line="180"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/timeline_view.py" line="183"/>
        <source>◆ green: done · red: overdue · grey: to come — red line: today</source>
        <translation>◆ vert : fait · rouge : en retard · gris : à venir — trait rouge : aujourd&apos;hui</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/timeline_view.py" line="229"/>
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n projet</numerusform>
            <numerusform>%n projets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/welcome_view.py" line="19"/>
        <source>Welcome to your project portfolio</source>
        <translation>Bienvenue dans votre portefeuille de projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/welcome_view.py" line="24"/>
        <source>This portfolio is empty. How would you like to begin?</source>
        <translation>Ce portefeuille est vide. Par où voulez-vous commencer ?</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/welcome_view.py" line="32"/>
        <source>Explore the demo portfolio</source>
        <translation>Découvrir le portefeuille de démonstration</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/welcome_view.py" line="33"/>
        <source>1,300 projects of a cluster like Images &amp; Réseaux, 2005–2026</source>
        <translation>1 300 projets d&apos;un pôle comme Images &amp; Réseaux, 2005–2026</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/welcome_view.py" line="38"/>
        <source>Import a workbook…</source>
        <translation>Importer un classeur…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/welcome_view.py" line="39"/>
        <source>Projects, partners and funding from an Excel, LibreOffice or CSV file</source>
        <translation>Projets, partenaires et financements depuis un fichier Excel, LibreOffice ou CSV</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/welcome_view.py" line="44"/>
        <source>Start an empty portfolio</source>
        <translation>Commencer un portefeuille vide</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/welcome_view.py" line="45"/>
        <source>Create your first project by hand</source>
        <translation>Saisissez votre premier projet</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/welcome_view.py" line="50"/>
        <source>Open another portfolio file…</source>
        <translation>Ouvrir un autre fichier de portefeuille…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/welcome_view.py" line="51"/>
        <source>A .sqlite file made by this application</source>
        <translation>Un fichier .sqlite créé par cette application</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/errors.py" line="34"/>
        <location filename="../../src/portfolio_desktop/ui/errors.py" line="79"/>
        <source>Cannot do that</source>
        <translation>Opération impossible</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/errors.py" line="53"/>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/errors.py" line="55"/>
        <source>Something went wrong. Your data is safe: the change in progress was cancelled.</source>
        <translation>Un problème est survenu. Vos données sont intactes : la modification en cours a été annulée.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/errors.py" line="61"/>
        <source>The details are in the log file:</source>
        <translation>Les détails sont dans le journal :</translation>
    </message>
</context>
</TS>
