<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>FilePage</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="400"/>
        <source>%Ln sheet(s) read</source>
        <translation>
            <numerusform>%Ln sheet read</numerusform>
            <numerusform>%Ln sheets read</numerusform>
        </translation>
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
            <numerusform>%Ln created</numerusform>
            <numerusform>%Ln created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="147"/>
        <source>%Ln created</source>
        <translation>
            <numerusform>%Ln created</numerusform>
            <numerusform>%Ln created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="151"/>
        <source>%Ln updated</source>
        <comment>feminine</comment>
        <translation>
            <numerusform>%Ln updated</numerusform>
            <numerusform>%Ln updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="151"/>
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln updated</numerusform>
            <numerusform>%Ln updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="154"/>
        <source>%Ln unchanged</source>
        <comment>feminine</comment>
        <translation>
            <numerusform>%Ln unchanged</numerusform>
            <numerusform>%Ln unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="155"/>
        <source>%Ln unchanged</source>
        <translation>
            <numerusform>%Ln unchanged</numerusform>
            <numerusform>%Ln unchanged</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1349"/>
        <source>%Ln row(s) in error were left out.</source>
        <translation>
            <numerusform>%Ln row in error was left out.</numerusform>
            <numerusform>%Ln rows in error were left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1378"/>
        <source>%Ln imported project(s) to complete</source>
        <translation>
            <numerusform>%Ln imported project to complete</numerusform>
            <numerusform>%Ln imported projects to complete</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportRows</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="918"/>
        <source>%Ln row(s) read</source>
        <translation>
            <numerusform>%Ln row read</numerusform>
            <numerusform>%Ln rows read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="919"/>
        <source>%Ln imported</source>
        <translation>
            <numerusform>%Ln imported</numerusform>
            <numerusform>%Ln imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="920"/>
        <source>%Ln merged</source>
        <translation>
            <numerusform>%Ln merged</numerusform>
            <numerusform>%Ln merged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="921"/>
        <source>%Ln skipped</source>
        <translation>
            <numerusform>%Ln skipped</numerusform>
            <numerusform>%Ln skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="922"/>
        <source>%Ln invalid</source>
        <translation>
            <numerusform>%Ln invalid</numerusform>
            <numerusform>%Ln invalid</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="829"/>
        <source>%Ln error(s); the preview lists them all.</source>
        <translation>
            <numerusform>%Ln error; the preview lists them all.</numerusform>
            <numerusform>%Ln errors; the preview lists them all.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1126"/>
        <source>%Ln cell(s) read otherwise than written, imported: to check below.</source>
        <translation>
            <numerusform>%Ln cell read otherwise than written, imported: to check below.</numerusform>
            <numerusform>%Ln cells read otherwise than written, imported: to check below.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1132"/>
        <source>%Ln error(s).</source>
        <translation>
            <numerusform>%Ln error.</numerusform>
            <numerusform>%Ln errors.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1147"/>
        <source>%Ln warning(s): importing accepts them (the history records them).</source>
        <translation>
            <numerusform>%Ln warning: importing accepts it (the history records it).</numerusform>
            <numerusform>%Ln warnings: importing accepts them (the history records them).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1155"/>
        <source>… and %Ln more.</source>
        <translation>
            <numerusform>… and %Ln more.</numerusform>
            <numerusform>… and %Ln more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1159"/>
        <source>Errors (%Ln)</source>
        <translation>
            <numerusform>Errors (%Ln)</numerusform>
            <numerusform>Errors (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1162"/>
        <source>Rows merged or skipped (%Ln)</source>
        <translation>
            <numerusform>Rows merged or skipped (%Ln)</numerusform>
            <numerusform>Rows merged or skipped (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/portfolio_desktop/ui/dialogs/import_wizard.py" line="1164"/>
        <source>Cells read otherwise (%Ln)</source>
        <translation>
            <numerusform>Cells read otherwise (%Ln)</numerusform>
            <numerusform>Cells read otherwise (%Ln)</numerusform>
        </translation>
    </message>
</context>
</TS>
