<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ClusterMergeDialog</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="230"/>
        <source>%Ln project(s)</source>
        <translation>
            <numerusform>%Ln project</numerusform>
            <numerusform>%Ln projects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="250"/>
        <source>Choose the cluster that keeps the %Ln project(s) of “%1”.</source>
        <translation>
            <numerusform>Choose the cluster that keeps the project of “%1”.</numerusform>
            <numerusform>Choose the cluster that keeps the %Ln projects of “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="260"/>
        <source>The %Ln project(s) of “%1” will move into “%2”, and “%1” will be deleted.</source>
        <translation>
            <numerusform>The only project of “%1” will move into “%2”, and “%1” will be deleted.</numerusform>
            <numerusform>The %Ln projects of “%1” will move into “%2”, and “%1” will be deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/cluster_editors.py" line="268"/>
        <source>“%1” will then hold %Ln project(s).</source>
        <translation>
            <numerusform>“%1” will then hold %Ln project.</numerusform>
            <numerusform>“%1” will then hold %Ln projects.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClustersView</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="175"/>
        <source>%1 of %Ln cluster(s)</source>
        <translation>
            <numerusform>%1 of %Ln cluster</numerusform>
            <numerusform>%1 of %Ln clusters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="178"/>
        <source>%Ln cluster(s)</source>
        <translation>
            <numerusform>%Ln cluster</numerusform>
            <numerusform>%Ln clusters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/clusters_view.py" line="246"/>
        <source>“%1” cannot be deleted: %Ln project(s) belong to it. Merge it into another cluster instead.</source>
        <translation>
            <numerusform>“%1” cannot be deleted: %Ln project belongs to it. Merge it into another cluster instead.</numerusform>
            <numerusform>“%1” cannot be deleted: %Ln projects belong to it. Merge it into another cluster instead.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="100"/>
        <source>%n day(s) late</source>
        <translation>
            <numerusform>%n day late</numerusform>
            <numerusform>%n days late</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/widgets/follow_up_panel.py" line="101"/>
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="679"/>
        <source>Delete %Ln project(s)? You can undo this.</source>
        <translation>
            <numerusform>Delete %Ln project? You can undo this.</numerusform>
            <numerusform>Delete %Ln projects? You can undo this.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="686"/>
        <source>Delete %Ln project(s)</source>
        <translation>
            <numerusform>Delete %Ln project</numerusform>
            <numerusform>Delete %Ln projects</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/views/timeline_view.py" line="229"/>
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n project</numerusform>
            <numerusform>%n projects</numerusform>
        </translation>
    </message>
</context>
</TS>
