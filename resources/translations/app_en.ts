<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="655"/>
        <source>Delete %Ln project(s)? You can undo this.</source>
        <translation>
            <numerusform>Delete %Ln project? You can undo this.</numerusform>
            <numerusform>Delete %Ln projects? You can undo this.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/main_window.py" line="662"/>
        <source>Delete %Ln project(s)</source>
        <translation>
            <numerusform>Delete %Ln project</numerusform>
            <numerusform>Delete %Ln projects</numerusform>
        </translation>
    </message>
</context>
</TS>
