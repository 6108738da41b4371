<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DomainsView</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/domains_view.py" line="222"/>
        <source>“%1” cannot be deleted: %Ln project(s) are classified in it. Make it inactive instead: it will no longer be offered for new splits.</source>
        <translation>
            <numerusform>“%1” cannot be deleted: %Ln project is classified in it. Make it inactive instead: it will no longer be offered for new splits.</numerusform>
            <numerusform>“%1” cannot be deleted: %Ln projects are classified in it. Make it inactive instead: they will no longer be offered for new splits.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpertDialog</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/reference_editors.py" line="513"/>
        <source>%Ln evaluation(s)</source>
        <translation>
            <numerusform>%Ln evaluation</numerusform>
            <numerusform>%Ln evaluations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpertsView</name>
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
            <numerusform>“%1” cannot be deleted: %Ln evaluation written by this expert is kept with the projects.</numerusform>
            <numerusform>“%1” cannot be deleted: %Ln evaluations written by this expert are kept with the projects.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FundersView</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="304"/>
        <source>%Ln call(s)</source>
        <translation>
            <numerusform>%Ln call</numerusform>
            <numerusform>%Ln calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="439"/>
        <source>“%1” cannot be deleted: %Ln project(s) answered this call.</source>
        <translation>
            <numerusform>“%1” cannot be deleted: %Ln project answered this call.</numerusform>
            <numerusform>“%1” cannot be deleted: %Ln projects answered this call.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/funders_view.py" line="575"/>
        <source>%Ln rule(s)</source>
        <translation>
            <numerusform>%Ln rule</numerusform>
            <numerusform>%Ln rules</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganisationMergeDialog</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_merge.py" line="77"/>
        <source>%Ln project(s)</source>
        <translation>
            <numerusform>%Ln project</numerusform>
            <numerusform>%Ln projects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_merge.py" line="93"/>
        <source>%Ln project participation(s) will move to “%1”. You can undo the merge.</source>
        <translation>
            <numerusform>%Ln project participation will move to “%1”. You can undo the merge.</numerusform>
            <numerusform>%Ln project participations will move to “%1”. You can undo the merge.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganisationPickerDialog</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/organisation_picker.py" line="120"/>
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganisationsView</name>
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
            <numerusform>%1: %Ln project</numerusform>
            <numerusform>%1: %Ln projects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="249"/>
        <source>Delete %Ln organisation(s)? You can undo this.</source>
        <translation>
            <numerusform>Delete %Ln organisation? You can undo this.</numerusform>
            <numerusform>Delete %Ln organisations? You can undo this.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="257"/>
        <source>Delete %Ln organisation(s)</source>
        <translation>
            <numerusform>Delete %Ln organisation</numerusform>
            <numerusform>Delete %Ln organisations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/organisations_view.py" line="276"/>
        <source>Merge %Ln organisation(s) into %1</source>
        <translation>
            <numerusform>Merge %Ln organisation into %1</numerusform>
            <numerusform>Merge %Ln organisations into %1</numerusform>
        </translation>
    </message>
</context>
</TS>
