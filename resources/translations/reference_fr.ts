<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AidRateRuleDialog</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/aid_rate_rule_dialog.py" line="60"/>
        <source>New aid-rate rule</source>
        <translation>Nouvelle règle de taux d&apos;aide</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/aid_rate_rule_dialog.py" line="60"/>
        <source>Aid-rate rule</source>
        <translation>Règle de taux d&apos;aide</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/aid_rate_rule_dialog.py" line="66"/>
        <source>Call for proposals</source>
        <translation>Appel à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/aid_rate_rule_dialog.py" line="68"/>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/aid_rate_rule_dialog.py" line="85"/>
        <source>All instruments</source>
        <translation>Tous instruments</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/aid_rate_rule_dialog.py" line="118"/>
        <source>e.g. the call&apos;s specifications, 2013 edition</source>
        <translation>ex. cahier des charges de l&apos;appel, édition 2013</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/aid_rate_rule_dialog.py" line="120"/>
        <source>Applies to</source>
        <translation>S&apos;applique à</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/aid_rate_rule_dialog.py" line="121"/>
        <source>Kind of partner</source>
        <translation>Catégorie de partenaire</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/aid_rate_rule_dialog.py" line="122"/>
        <source>Maximum rate</source>
        <translation>Taux maximal</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/aid_rate_rule_dialog.py" line="123"/>
        <source>Cost base</source>
        <translation>Assiette</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/aid_rate_rule_dialog.py" line="129"/>
        <source>A call&apos;s own rule comes first; without one, the rule of the project&apos;s funder (for its instrument, or for every instrument) applies. Start-ups fall under the SME rule and universities under the research one, unless a rule names them.</source>
        <translation>La règle de l&apos;appel prime ; à défaut, celle du financeur du projet (pour son type d&apos;aide, ou pour tous) s&apos;applique. Les start-up relèvent de la règle des PME et l&apos;enseignement supérieur de celle des laboratoires, sauf règle qui les nomme.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/aid_rate_rule_dialog.py" line="124"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/aid_rate_rule_dialog.py" line="185"/>
        <source>Create aid-rate rule %1</source>
        <translation>Créer la règle de taux d&apos;aide %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/aid_rate_rule_dialog.py" line="187"/>
        <source>Edit aid-rate rule %1</source>
        <translation>Modifier la règle de taux d&apos;aide %1</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="266"/>
        <source>New call for proposals</source>
        <translation>Nouvel appel à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="266"/>
        <source>Call for proposals</source>
        <translation>Appel à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="281"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="282"/>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="283"/>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="284"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="309"/>
        <source>Create call %1</source>
        <translation>Créer l&apos;appel %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="309"/>
        <source>Edit call %1</source>
        <translation>Modifier l&apos;appel %1</translation>
    </message>
</context>
<context>
    <name>DomainDialog</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="330"/>
        <source>New domain</source>
        <translation>Nouveau domaine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="330"/>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="337"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="348"/>
        <source>Active (offered when classifying projects)</source>
        <translation>Actif (proposé pour classer les projets)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="355"/>
        <source>Every cluster</source>
        <translation>Tous les pôles</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="360"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="361"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="365"/>
        <source>Cluster</source>
        <translation>Pôle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="368"/>
        <source>Renaming a domain keeps every project&apos;s split. An inactive domain stays on the projects that use it but is no longer offered for new splits.</source>
        <translation>Renommer un domaine conserve la répartition de chaque projet. Un domaine inactif reste sur les projets qui l&apos;utilisent mais n&apos;est plus proposé pour de nouvelles répartitions.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="374"/>
        <source>A domain of one cluster&apos;s roadmap is offered to that cluster&apos;s projects only.</source>
        <translation>Un domaine de la feuille de route d&apos;un pôle n&apos;est proposé qu&apos;aux projets de ce pôle.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="404"/>
        <source>Colour of the domain</source>
        <translation>Couleur du domaine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="424"/>
        <source>Create domain %1</source>
        <translation>Créer le domaine %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="428"/>
        <source>Rename domain %1 to %2</source>
        <translation>Renommer le domaine %1 en %2</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="429"/>
        <source>Edit domain %1</source>
        <translation>Modifier le domaine %1</translation>
    </message>
</context>
<context>
    <name>DomainsView</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="80"/>
        <source>Domain</source>
        <extracomment>Colours offered to a new domain, in turn (Okabe–Ito: readable by colour-blind readers).</extracomment>
        <translation>Domaine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="81"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="82"/>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="83"/>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="84"/>
        <source>Cluster</source>
        <translation>Pôle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="84"/>
        <source>Every cluster</source>
        <translation>Tous les pôles</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="98"/>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="106"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="99"/>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="117"/>
        <source>Show projects</source>
        <translation>Voir les projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="100"/>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="111"/>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="101"/>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="114"/>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="102"/>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="108"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="105"/>
        <source>New…</source>
        <translation>Nouveau…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="132"/>
        <source>The order here is the order of the domains in lists, legends and charts. Inactive domains stay on the projects that use them but are not offered for new splits.</source>
        <translation>L&apos;ordre ci-dessus est celui des domaines dans les listes, les légendes et les graphiques. Les domaines inactifs restent sur les projets qui les utilisent mais ne sont plus proposés pour de nouvelles répartitions.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="222"/>
        <source>“%1” cannot be deleted: %Ln project(s) are classified in it. Make it inactive instead: it will no longer be offered for new splits.</source>
        <translation>
            <numerusform>« %1 » ne peut pas être supprimé : %Ln projet y est classé. Rendez-le plutôt inactif : il ne sera plus proposé pour de nouvelles répartitions.</numerusform>
            <numerusform>« %1 » ne peut pas être supprimé : %Ln projets y sont classés. Rendez-le plutôt inactif : il ne sera plus proposé pour de nouvelles répartitions.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="232"/>
        <source>Delete the domain “%1”? You can undo this.</source>
        <translation>Supprimer le domaine « %1 » ? Vous pourrez annuler.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="233"/>
        <source>Delete domain %1</source>
        <translation>Supprimer le domaine %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="248"/>
        <source>Move domain %1 up</source>
        <translation>Monter le domaine %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="248"/>
        <source>Move domain %1 down</source>
        <translation>Descendre le domaine %1</translation>
    </message>
</context>
<context>
    <name>ExpertDialog</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="455"/>
        <source>New expert</source>
        <translation>Nouvel expert</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="455"/>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="461"/>
        <source>first.last@example.fr</source>
        <translation>prenom.nom@exemple.fr</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="464"/>
        <source>No domain</source>
        <translation>Aucun domaine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="466"/>
        <source>%1 (inactive)</source>
        <translation>%1 (inactif)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="474"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="481"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="484"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="498"/>
        <source>An expert tied to an organisation (employer, board seat, shareholding…) cannot evaluate the projects it takes part in.</source>
        <translation>Un expert lié à une organisation (employeur, mandat, participation…) ne peut pas expertiser les projets auxquels elle participe.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="506"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="507"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="508"/>
        <source>Affiliation</source>
        <translation>Rattachement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="509"/>
        <source>Domains covered</source>
        <translation>Domaines couverts</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="510"/>
        <source>Tied to</source>
        <translation>Lié à</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="513"/>
        <source>Evaluations</source>
        <translation>Expertises</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="513"/>
        <source>%Ln evaluation(s)</source>
        <translation>
            <numerusform>%Ln expertise</numerusform>
            <numerusform>%Ln expertises</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="543"/>
        <source>Tie the expert to…</source>
        <translation>Lier l&apos;expert à…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="573"/>
        <source>Create expert %1</source>
        <translation>Créer l&apos;expert %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="573"/>
        <source>Edit expert %1</source>
        <translation>Modifier l&apos;expert %1</translation>
    </message>
</context>
<context>
    <name>ExpertsView</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/experts_view.py" line="91"/>
        <source>Search a name, an e-mail, a domain, an organisation…</source>
        <translation>Chercher un nom, un courriel, un domaine, une organisation…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/experts_view.py" line="98"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/experts_view.py" line="99"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/experts_view.py" line="100"/>
        <source>Affiliation</source>
        <translation>Rattachement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/experts_view.py" line="101"/>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/experts_view.py" line="102"/>
        <source>Tied to</source>
        <translation>Lié à</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/experts_view.py" line="103"/>
        <source>Evaluations</source>
        <translation>Expertises</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/experts_view.py" line="115"/>
        <location filename="../../src/portfolio_desktop/ui/views/experts_view.py" line="118"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/experts_view.py" line="115"/>
        <location filename="../../src/portfolio_desktop/ui/views/experts_view.py" line="120"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/experts_view.py" line="117"/>
        <source>New…</source>
        <translation>Nouveau…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/experts_view.py" line="163"/>
        <source>%Ln expert(s)</source>
        <translation>
            <numerusform>%Ln expert</numerusform>
            <numerusform>%Ln experts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/experts_view.py" line="198"/>
        <source>“%1” cannot be deleted: %Ln evaluation(s) written by this expert are kept with the projects.</source>
        <translation>
            <numerusform>« %1 » ne peut pas être supprimé : %Ln expertise rédigée par cet expert est conservée avec les projets.</numerusform>
            <numerusform>« %1 » ne peut pas être supprimé : %Ln expertises rédigées par cet expert sont conservées avec les projets.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/experts_view.py" line="208"/>
        <source>Delete the expert “%1”? You can undo this.</source>
        <translation>Supprimer l&apos;expert « %1 » ? Vous pourrez annuler.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/experts_view.py" line="209"/>
        <source>Delete expert %1</source>
        <translation>Supprimer l&apos;expert %1</translation>
    </message>
</context>
<context>
    <name>FunderDialog</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="220"/>
        <source>New funder</source>
        <extracomment>The id of the saved row, once written.</extracomment>
        <translation>Nouveau financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="220"/>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="227"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="228"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="244"/>
        <source>Create funder %1</source>
        <translation>Créer le financeur %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="244"/>
        <source>Edit funder %1</source>
        <translation>Modifier le financeur %1</translation>
    </message>
</context>
<context>
    <name>FundersView</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="115"/>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="151"/>
        <source>Funder</source>
        <extracomment>A row to select once the reload a write triggers has answered: (table, id). Which table the user selected in last (&quot;call&quot; or &quot;funder&quot;): whose rules are shown.</extracomment>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="116"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="117"/>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="118"/>
        <source>Funding lines</source>
        <translation>Lignes de financement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="132"/>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="140"/>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="168"/>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="182"/>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="489"/>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="492"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="133"/>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="145"/>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="169"/>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="187"/>
        <source>Show projects</source>
        <translation>Voir les projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="134"/>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="142"/>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="170"/>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="184"/>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="489"/>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="494"/>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="625"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="138"/>
        <source>New funder…</source>
        <translation>Nouveau financeur…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="150"/>
        <source>Call for proposals</source>
        <translation>Appel à projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="152"/>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="153"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="154"/>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="175"/>
        <source>Search calls…</source>
        <translation>Chercher un appel…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="178"/>
        <source>Only the selected funder&apos;s calls</source>
        <translation>Seulement les appels du financeur choisi</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="181"/>
        <source>New call…</source>
        <translation>Nouvel appel…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="203"/>
        <source>Funders</source>
        <translation>Financeurs</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="223"/>
        <source>Calls for proposals</source>
        <translation>Appels à projets</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="304"/>
        <source>%Ln call(s)</source>
        <translation>
            <numerusform>%Ln appel</numerusform>
            <numerusform>%Ln appels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="439"/>
        <source>“%1” cannot be deleted: %Ln project(s) answered this call.</source>
        <translation>
            <numerusform>« %1 » ne peut pas être supprimé : %Ln projet a répondu à cet appel.</numerusform>
            <numerusform>« %1 » ne peut pas être supprimé : %Ln projets ont répondu à cet appel.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="460"/>
        <source>Applies to</source>
        <translation>S&apos;applique à</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="463"/>
        <source>Kind of partner</source>
        <translation>Catégorie de partenaire</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="467"/>
        <source>Maximum rate</source>
        <translation>Taux maximal</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="470"/>
        <source>Cost base</source>
        <translation>Assiette</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="473"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="491"/>
        <source>New rule…</source>
        <translation>Nouvelle règle…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="496"/>
        <source>Only the selected call&apos;s or funder&apos;s rules</source>
        <translation>Seulement les règles de l&apos;appel ou du financeur sélectionné</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="532"/>
        <source>all instruments</source>
        <translation>tous instruments</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="552"/>
        <source>Aid-rate rules</source>
        <translation>Taux d&apos;aide maximaux</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="555"/>
        <source>every call and funder</source>
        <translation>tous les appels et financeurs</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="559"/>
        <source>call %1</source>
        <translation>appel %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="562"/>
        <source>No rule of its own: its projects&apos; partners are checked against their funders&apos; rules, if any. « New rule… » enters the call&apos;s rates.</source>
        <translation>Pas de règle propre : les partenaires de ses projets sont comparés aux règles de leurs financeurs, s&apos;il y en a. « Nouvelle règle… » saisit les taux de l&apos;appel.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="568"/>
        <source>%1 and its calls</source>
        <translation>%1 et ses appels</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="575"/>
        <source>%Ln rule(s)</source>
        <translation>
            <numerusform>%Ln règle</numerusform>
            <numerusform>%Ln règles</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="626"/>
        <source>Delete the aid-rate rule “%1”? You can undo this.</source>
        <translation>Supprimer la règle de taux d&apos;aide « %1 » ? Vous pourrez annuler.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="631"/>
        <source>Delete aid-rate rule %1</source>
        <translation>Supprimer la règle de taux d&apos;aide %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="633"/>
        <source>Cannot delete</source>
        <translation>Suppression impossible</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="390"/>
        <source>“%1” cannot be deleted: %2 funding line(s) and %3 call(s) for proposals still refer to it.</source>
        <translation>« %1 » ne peut pas être supprimé : %2 ligne(s) de financement et %3 appel(s) à projets y font encore référence.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="401"/>
        <source>Delete the funder “%1”? You can undo this.</source>
        <translation>Supprimer le financeur « %1 » ? Vous pourrez annuler.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="402"/>
        <source>Delete funder %1</source>
        <translation>Supprimer le financeur %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="446"/>
        <source>Delete the call “%1”? You can undo this.</source>
        <translation>Supprimer l&apos;appel « %1 » ? Vous pourrez annuler.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="447"/>
        <source>Delete call %1</source>
        <translation>Supprimer l&apos;appel %1</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="70"/>
        <source>New organisation</source>
        <translation>Nouvelle organisation</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="72"/>
        <source>Organisation — %1</source>
        <translation>Organisation — %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="86"/>
        <source>9 digits, e.g. 732 829 320</source>
        <translation>9 chiffres, par exemple 732 829 320</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="90"/>
        <source>14 digits (optional)</source>
        <translation>14 chiffres (facultatif)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="99"/>
        <source>Member of the cluster</source>
        <translation>Adhérente du pôle</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="108"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="109"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="110"/>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="111"/>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="112"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="113"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="115"/>
        <source>Member since</source>
        <translation>Adhérente depuis</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="116"/>
        <source>Member until</source>
        <translation>Adhérente jusqu&apos;au</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="215"/>
        <source>Membership cannot end before it started.</source>
        <translation>L&apos;adhésion ne peut pas finir avant d&apos;avoir commencé.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="225"/>
        <source>%1 digits of %2</source>
        <translation>%1 chiffres sur %2</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="230"/>
        <source>Valid SIREN</source>
        <translation>SIREN valide</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="230"/>
        <source>Valid SIRET</source>
        <translation>SIRET valide</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="263"/>
        <source>Another organisation already has this SIREN: %1. If it is the same one, merge them rather than keep a duplicate (Organisations → Merge).</source>
        <translation>Une autre organisation porte déjà ce SIREN : %1. S&apos;il s&apos;agit de la même, fusionnez-les plutôt que de garder un doublon (Organisations → Fusionner).</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="284"/>
        <source>Create organisation %1</source>
        <translation>Créer l&apos;organisation %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="286"/>
        <source>Edit organisation %1</source>
        <translation>Modifier l&apos;organisation %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_editor.py" line="309"/>
        <source>Changed elsewhere</source>
        <translation>Modifiée ailleurs</translation>
    </message>
</context>
<context>
    <name>OrganisationMergeDialog</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_merge.py" line="36"/>
        <source>Merge organisations</source>
        <translation>Fusionner des organisations</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_merge.py" line="41"/>
        <source>These organisations are the same one. Choose the one to keep: the others are deleted and everything that pointed to them — project participations, funding beneficiaries, expert ties — moves to it.</source>
        <translation>Ces organisations n&apos;en font qu&apos;une. Choisissez celle à garder : les autres sont supprimées et tout ce qui les désignait — participations aux projets, bénéficiaires de financements, liens des experts — passe sur elle.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_merge.py" line="64"/>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_merge.py" line="74"/>
        <source>SIREN %1</source>
        <translation>SIREN %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_merge.py" line="77"/>
        <source>%Ln project(s)</source>
        <translation>
            <numerusform>%Ln projet</numerusform>
            <numerusform>%Ln projets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_merge.py" line="93"/>
        <source>%Ln project participation(s) will move to “%1”. You can undo the merge.</source>
        <translation>
            <numerusform>%Ln participation à un projet passera sur « %1 ». Vous pourrez annuler la fusion.</numerusform>
            <numerusform>%Ln participations à des projets passeront sur « %1 ». Vous pourrez annuler la fusion.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganisationPickerDialog</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_picker.py" line="51"/>
        <source>Choose organisations</source>
        <translation>Choisir des organisations</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_picker.py" line="56"/>
        <source>Name, city or SIREN…</source>
        <translation>Nom, ville ou SIREN…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_picker.py" line="66"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_picker.py" line="67"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_picker.py" line="68"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_picker.py" line="69"/>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_picker.py" line="70"/>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_picker.py" line="90"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_picker.py" line="107"/>
        <source>Type to search.</source>
        <translation>Tapez pour chercher.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_picker.py" line="117"/>
        <source>The first %1 matches; type more to narrow.</source>
        <translation>Les %1 premiers résultats ; précisez la recherche pour affiner.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_picker.py" line="120"/>
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln résultat</numerusform>
            <numerusform>%Ln résultats</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganisationTableModel</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/reference_organisations.py" line="40"/>
        <source>Name</source>
        <extracomment>(key — a sort key of storage.reference.organisation_ids —, attribute of the row, kind)</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/reference_organisations.py" line="41"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/reference_organisations.py" line="42"/>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/reference_organisations.py" line="43"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/reference_organisations.py" line="44"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/reference_organisations.py" line="45"/>
        <source>Member</source>
        <translation>Adhérente</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/models/reference_organisations.py" line="46"/>
        <source>Projects</source>
        <translation>Projets</translation>
    </message>
</context>
<context>
    <name>OrganisationsView</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="51"/>
        <source>Search a name, a city or a SIREN…</source>
        <extracomment>Rows to select once the reload that a write triggers has answered.</extracomment>
        <translation>Chercher un nom, une ville ou un SIREN…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="58"/>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="65"/>
        <source>Members only</source>
        <translation>Adhérentes seulement</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="72"/>
        <source>New…</source>
        <translation>Nouvelle…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="75"/>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="102"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="78"/>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="105"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="81"/>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="104"/>
        <source>Merge…</source>
        <translation>Fusionner…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="84"/>
        <source>Select two or more rows that are the same organisation, then merge them.</source>
        <translation>Sélectionnez deux lignes ou plus qui désignent la même organisation, puis fusionnez-les.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="87"/>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="103"/>
        <source>Show projects</source>
        <translation>Voir les projets</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="151"/>
        <source>%Ln organisation(s)</source>
        <translation>
            <numerusform>%Ln organisation</numerusform>
            <numerusform>%Ln organisations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="232"/>
        <source>%1: %Ln project(s)</source>
        <translation>
            <numerusform>%1 : %Ln projet</numerusform>
            <numerusform>%1 : %Ln projets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="249"/>
        <source>Delete %Ln organisation(s)? You can undo this.</source>
        <translation>
            <numerusform>Supprimer %Ln organisation ? Vous pourrez annuler.</numerusform>
            <numerusform>Supprimer %Ln organisations ? Vous pourrez annuler.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="257"/>
        <source>Delete %Ln organisation(s)</source>
        <translation>
            <numerusform>Supprimer %Ln organisation</numerusform>
            <numerusform>Supprimer %Ln organisations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="276"/>
        <source>Merge %Ln organisation(s) into %1</source>
        <translation>
            <numerusform>Fusionner %Ln organisation dans %1</numerusform>
            <numerusform>Fusionner %Ln organisations dans %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="237"/>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="261"/>
        <source>Cannot delete</source>
        <translation>Suppression impossible</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="239"/>
        <source>These organisations take part in projects and cannot be deleted. Remove them from the projects first, or merge them into another organisation.</source>
        <translation>Ces organisations participent à des projets et ne peuvent pas être supprimées. Retirez-les d&apos;abord des projets, ou fusionnez-les avec une autre organisation.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="247"/>
        <source>Delete “%1”? You can undo this.</source>
        <translation>Supprimer « %1 » ? Vous pourrez annuler.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="251"/>
        <source>Delete organisations</source>
        <translation>Supprimer des organisations</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="255"/>
        <source>Delete organisation %1</source>
        <translation>Supprimer l&apos;organisation %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="280"/>
        <source>Cannot merge</source>
        <translation>Fusion impossible</translation>
    </message>
</context>
<context>
    <name>ReferenceView</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/reference_base.py" line="115"/>
        <location filename="../../src/portfolio_desktop/ui/views/reference_base.py" line="126"/>
        <source>Cannot delete</source>
        <extracomment>Show the projects table filtered by this `ProjectFilter` (the main window wires it).</extracomment>
        <translation>Suppression impossible</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/reference_base.py" line="121"/>
        <location filename="../../src/portfolio_desktop/ui/views/reference_base.py" line="178"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/reference_base.py" line="172"/>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
</context>
</TS>
