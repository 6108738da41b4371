<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>ChartCanvas</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="130"/>
        <source>Export…</source>
        <extracomment>Dots per inch of a printed chart (A4 landscape: about 2,300 pixels across). A bar, a segment or a funnel step was clicked: what it stands for (`analytics.filter_for`). The user chose a file to export this chart to (a .png, .svg or .pdf path). The canvas shows the figure as last built (a drawing asked for has arrived on screen). The print preview of the chart is open (the dialog). The last picture drawn, shown by the canvas&apos;s paint events.</extracomment>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="131"/>
        <source>Save this chart as PNG, SVG or PDF</source>
        <translation>Enregistrer ce graphique en PNG, SVG ou PDF</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="135"/>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="136"/>
        <source>Print this chart, with a preview</source>
        <translation>Imprimer ce graphique, avec un aperçu</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="291"/>
        <source>funding-over-time</source>
        <translation>aide-par-annee</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="292"/>
        <source>pipeline</source>
        <translation>entonnoir-des-projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="293"/>
        <source>funding-by-domain</source>
        <translation>aide-par-domaine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="294"/>
        <source>funding-by-funder</source>
        <translation>aide-par-financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="295"/>
        <source>partners-by-kind</source>
        <translation>partenaires-par-type</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="296"/>
        <source>partners-by-region</source>
        <translation>partenaires-par-region</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="297"/>
        <source>responsible-digital-maturity</source>
        <translation>maturite-numerique-responsable</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="303"/>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="304"/>
        <source>SVG drawing (*.svg)</source>
        <translation>Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="305"/>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="310"/>
        <source>Export the chart</source>
        <translation>Exporter le graphique</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="183"/>
        <source>Stack funding by</source>
        <extracomment>The charts under the key figures, two a row after funding over time (full width). Below this width of the charts&apos; area (logical pixels) the paired charts go one a row: two side by side would be too narrow to read (tests/services/test_chart_layout.py checks both). Where each chart&apos;s data comes from in `analytics.Overview`. The data changes (`AppContext.data_changed` scopes) that change the figures. The user clicked a bar or a funnel step: the filter of the projects behind it. Funding over time was repainted for the current filter (tests and the benchmark wait on it). The key figures and the other charts were updated for the current filter. A project to open in the editor (a double-click in a list of projects).</extracomment>
        <translation>Empiler l&apos;aide par</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="185"/>
        <source>Executive report…</source>
        <translation>Rapport de synthèse…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="188"/>
        <source>A PDF with the key figures, every chart and the largest funded projects</source>
        <translation>Un PDF avec les chiffres clés, tous les graphiques et les projets financés les plus aidés</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="191"/>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="193"/>
        <source>Print the dashboard page, with a preview</source>
        <translation>Imprimer la page du tableau de bord, avec un aperçu</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="308"/>
        <source>Preparing the charts…</source>
        <extracomment>What the figures are of, in words: the filter (a filtered funnel of four equal bars must not read as the portfolio&apos;s conversion).</extracomment>
        <translation>Préparation des graphiques…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="370"/>
        <source>Computing the figures…</source>
        <translation>Calcul des chiffres…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="498"/>
        <source>The figures could not be computed.</source>
        <translation>Les chiffres n&apos;ont pas pu être calculés.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="506"/>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="507"/>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="508"/>
        <source>Type of funder</source>
        <translation>Type de financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="509"/>
        <source>Instrument</source>
        <translation>Type d&apos;aide</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="510"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="535"/>
        <source>Chart saved: %1</source>
        <translation>Graphique enregistré : %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="541"/>
        <source>portfolio-report</source>
        <translation>rapport-portefeuille</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="545"/>
        <source>Save the executive report</source>
        <translation>Enregistrer le rapport de synthèse</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="547"/>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="559"/>
        <source>Writing the report…</source>
        <translation>Écriture du rapport…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="563"/>
        <source>Report saved: %1</source>
        <translation>Rapport enregistré : %1</translation>
    </message>
</context>
</TS>
