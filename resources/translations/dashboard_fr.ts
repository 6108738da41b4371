<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>ChartCanvas</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="124"/>
        <source>Export…</source>
        <extracomment>A bar, a segment or a funnel step was clicked: what it stands for (`analytics.filter_for`). The user chose a file to export this chart to (a .png, .svg or .pdf path). The canvas shows the figure as last built (a drawing asked for has arrived on screen). The last picture drawn, shown by the canvas&apos;s paint events.</extracomment>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="125"/>
        <source>Save this chart as PNG, SVG or PDF</source>
        <translation>Enregistrer ce graphique en PNG, SVG ou PDF</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="246"/>
        <source>funding-over-time</source>
        <translation>aide-par-annee</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="247"/>
        <source>pipeline</source>
        <translation>entonnoir-des-projets</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="248"/>
        <source>funding-by-domain</source>
        <translation>aide-par-domaine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="249"/>
        <source>funding-by-funder</source>
        <translation>aide-par-financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="250"/>
        <source>partners-by-kind</source>
        <translation>partenaires-par-type</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="251"/>
        <source>partners-by-region</source>
        <translation>partenaires-par-region</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="252"/>
        <source>responsible-digital-maturity</source>
        <translation>maturite-numerique-responsable</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="258"/>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="259"/>
        <source>SVG drawing (*.svg)</source>
        <translation>Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="260"/>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="265"/>
        <source>Export the chart</source>
        <translation>Exporter le graphique</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="161"/>
        <source>Stack funding by</source>
        <extracomment>The charts under the key figures, two a row after funding over time (full width). Where each chart&apos;s data comes from in `analytics.Overview`. The data changes (`AppContext.data_changed` scopes) that change the figures. The user clicked a bar or a funnel step: the filter of the projects behind it. Funding over time was repainted for the current filter (tests and the benchmark wait on it). The key figures and the other charts were updated for the current filter.</extracomment>
        <translation>Empiler l&apos;aide par</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="163"/>
        <source>Executive report…</source>
        <translation>Rapport de synthèse…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="166"/>
        <source>A PDF with the key figures, every chart and the largest funded projects</source>
        <translation>Un PDF avec les chiffres clés, tous les graphiques et les projets financés les plus aidés</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="257"/>
        <source>Preparing the charts…</source>
        <translation>Préparation des graphiques…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="296"/>
        <source>Computing the figures…</source>
        <translation>Calcul des chiffres…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="379"/>
        <source>The figures could not be computed.</source>
        <translation>Les chiffres n&apos;ont pas pu être calculés.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="387"/>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="388"/>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="389"/>
        <source>Type of funder</source>
        <translation>Type de financeur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="390"/>
        <source>Instrument</source>
        <translation>Type d&apos;aide</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="391"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="416"/>
        <source>Chart saved: %1</source>
        <translation>Graphique enregistré : %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="422"/>
        <source>portfolio-report</source>
        <translation>rapport-portefeuille</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="426"/>
        <source>Save the executive report</source>
        <translation>Enregistrer le rapport de synthèse</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="428"/>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="440"/>
        <source>Writing the report…</source>
        <translation>Écriture du rapport…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="444"/>
        <source>Report saved: %1</source>
        <translation>Rapport enregistré : %1</translation>
    </message>
</context>
</TS>
