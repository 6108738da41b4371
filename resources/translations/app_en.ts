<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="675"/>
        <source>Delete %Ln project(s)? You can undo this.</source>
        <translation>
            <numerusform>Delete %Ln project? You can undo this.</numerusform>
            <numerusform>Delete %Ln projects? You can undo this.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="682"/>
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
