<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="166"/>
        <source>The projects of the current view (%Ln project(s))</source>
        <translation>
            <numerusform>The projects of the current view (%Ln project)</numerusform>
            <numerusform>The projects of the current view (%Ln projects)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/export_dialog.py" line="256"/>
        <source>%Ln project(s) exported to %1.</source>
        <translation>
            <numerusform>%Ln project exported to %1.</numerusform>
            <numerusform>%Ln projects exported to %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
