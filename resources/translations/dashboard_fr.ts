<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr" sourcelanguage="en">
  <context>
    <name>ChartCanvas</name>
    <message>
      <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="130" />
      <source>Export…</source>
      <extracomment>Dots per inch of a printed chart (A4 landscape: about 2,300 pixels across). A bar, a segment or a funnel step was clicked: what it stands for (`analytics.filter_for`). The user chose a file to export this chart to (a .png, .svg or .pdf path). The canvas shows the figure as last built (a drawing asked for has arrived on screen). The print preview of the chart is open (the dialog). The last picture drawn, shown by the canvas's paint events.</extracomment>
      <translation>Exporter…</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="131" />
      <source>Save this chart as PNG, SVG or PDF</source>
      <translation>Enregistrer ce graphique en PNG, SVG ou PDF</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="135" />
      <source>Print…</source>
      <translation>Imprimer…</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="136" />
      <source>Print this chart, with a preview</source>
      <translation>Imprimer ce graphique, avec un aperçu</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="291" />
      <source>funding-over-time</source>
      <translation>aide-par-annee</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="292" />
      <source>pipeline</source>
      <translation>entonnoir-des-projets</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="293" />
      <source>funding-by-domain</source>
      <translation>aide-par-domaine</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="294" />
      <source>funding-by-funder</source>
      <translation>aide-par-financeur</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="295" />
      <source>partners-by-kind</source>
      <translation>partenaires-par-type</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="296" />
      <source>partners-by-region</source>
      <translation>partenaires-par-region</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="297" />
      <source>responsible-digital-maturity</source>
      <translation>maturite-numerique-responsable</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="303" />
      <source>PNG image (*.png)</source>
      <translation>Image PNG (*.png)</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="304" />
      <source>SVG drawing (*.svg)</source>
      <translation>Dessin SVG (*.svg)</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="305" />
      <source>PDF document (*.pdf)</source>
      <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/widgets/chart_canvas.py" line="310" />
      <source>Export the chart</source>
      <translation>Exporter le graphique</translation>
    </message>
  </context>
  <context>
    <name>DashboardView</name>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="198" />
      <source>Stack funding by</source>
      <extracomment>The charts under the key figures, two a row after funding over time (full width). Below this width of the charts' area (logical pixels) the paired charts go one a row: two side by side would be too narrow to read (tests/services/test_chart_layout.py checks both). Where each chart's data comes from in `analytics.Overview`. The data changes (`AppContext.data_changed` scopes) that change the figures. The user clicked a bar or a funnel step: the filter of the projects behind it. Funding over time was repainted for the current filter (tests and the benchmark wait on it). The key figures and the other charts were updated for the current filter. A project to open in the editor (a double-click in a list of projects). The portfolio itself; `db` is it, or its copy as it stood at the « Au » day.</extracomment>
      <translation>Empiler l'aide par</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="200" />
      <source>Executive report…</source>
      <translation>Rapport de synthèse…</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="203" />
      <source>A PDF with the key figures, every chart and the largest funded projects</source>
      <translation>Un PDF avec les chiffres clés, tous les graphiques et les projets financés les plus aidés</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="206" />
      <source>Print…</source>
      <translation>Imprimer…</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="208" />
      <source>Print the dashboard page, with a preview</source>
      <translation>Imprimer la page du tableau de bord, avec un aperçu</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="213" />
      <source>As of</source>
      <translation>Au</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="216" />
      <source>Show the figures as the portfolio stood at the end of a past day</source>
      <translation>Montrer les chiffres du portefeuille tel qu'il était au soir d'un jour passé</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="352" />
      <source>Rebuilding the portfolio as it stood on %1…</source>
      <extracomment>What the figures are of, in words: the filter (a filtered funnel of four equal bars must not read as the portfolio's conversion).</extracomment>
      <translation>Reconstitution du portefeuille tel qu'il était le %1…</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="395" />
      <source>Preparing the charts…</source>
      <translation>Préparation des graphiques…</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="457" />
      <source>Computing the figures…</source>
      <translation>Calcul des chiffres…</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="588" />
      <source>The figures could not be computed.</source>
      <translation>Les chiffres n'ont pas pu être calculés.</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="596" />
      <source>Domain</source>
      <translation>Domaine</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="597" />
      <source>Funder</source>
      <translation>Financeur</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="598" />
      <source>Type of funder</source>
      <translation>Type de financeur</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="599" />
      <source>Instrument</source>
      <translation>Type d'aide</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="600" />
      <source>Region</source>
      <translation>Région</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="625" />
      <source>Chart saved: %1</source>
      <translation>Graphique enregistré : %1</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="631" />
      <source>portfolio-report</source>
      <translation>rapport-portefeuille</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="635" />
      <source>Save the executive report</source>
      <translation>Enregistrer le rapport de synthèse</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="637" />
      <source>PDF document (*.pdf)</source>
      <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="649" />
      <source>Writing the report…</source>
      <translation>Écriture du rapport…</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/dashboard_view.py" line="653" />
      <source>Report saved: %1</source>
      <translation>Rapport enregistré : %1</translation>
    </message>
  </context>
  <context>
    <name>MovementTable</name>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="79" />
      <source>By</source>
      <translation>Par</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="80" />
      <source>Item</source>
      <translation>Élément</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="81" />
      <source>Figure</source>
      <translation>Chiffre</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="83" />
      <source>First</source>
      <translation>Premier</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="86" />
      <source>Second</source>
      <translation>Second</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="89" />
      <source>Change</source>
      <translation>Écart</translation>
    </message>
  </context>
  <context>
    <name>SnapshotTable</name>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="48" />
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="49" />
      <source>As of</source>
      <translation>Au</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="50" />
      <source>Taken on</source>
      <translation>Pris le</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="51" />
      <source>By</source>
      <translation>Par</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="52" />
      <source>Projects</source>
      <translation>Projets</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="53" />
      <source>Funded</source>
      <translation>Financés</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="55" />
      <source>Aid granted</source>
      <translation>Aide accordée</translation>
    </message>
  </context>
  <context>
    <name>SnapshotsView</name>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="212" />
      <source>Take a snapshot…</source>
      <translation>Prendre un instantané…</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="215" />
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="381" />
      <source>Delete</source>
      <translation>Supprimer</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="241" />
      <source>Compare</source>
      <translation>Comparer</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="243" />
      <source>with</source>
      <translation>avec</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="254" />
      <source>No snapshot yet. Take one to keep the figures of a day as they were — the annual report's at 31 December, say — and compare them with another day's.</source>
      <translation>Aucun instantané pour l'instant. Prenez-en un pour garder les chiffres d'un jour tels qu'ils étaient — ceux du rapport annuel au 31 décembre, par exemple — et les comparer à ceux d'un autre jour.</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="343" />
      <source>Whole portfolio</source>
      <translation>Tout le portefeuille</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="344" />
      <source>Cluster</source>
      <translation>Pôle</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="345" />
      <source>Domain</source>
      <translation>Domaine</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="346" />
      <source>Funder</source>
      <translation>Financeur</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="347" />
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="350" />
      <source>Aid granted</source>
      <translation>Aide accordée</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="351" />
      <source>Projects</source>
      <translation>Projets</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="352" />
      <source>Projects funded</source>
      <translation>Projets financés</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="353" />
      <source>Total budget</source>
      <translation>Budget total</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="383" />
      <source>Delete the snapshot “%1” (as of %2)? Its figures cannot be computed again exactly as they were kept.</source>
      <translation>Supprimer l'instantané « %1 » (au %2) ? Ses chiffres ne pourront plus être retrouvés exactement tels qu'ils ont été gardés.</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="396" />
      <source>Cannot delete</source>
      <translation>Suppression impossible</translation>
    </message>
  </context>
  <context>
    <name>TakeSnapshotDialog</name>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="114" />
      <source>Take a snapshot</source>
      <translation>Prendre un instantané</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="119" />
      <source>Annual report %1</source>
      <translation>Rapport annuel %1</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="121" />
      <source>Snapshot of %1</source>
      <translation>Instantané du %1</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="130" />
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="131" />
      <source>As of the end of</source>
      <translation>Au soir du</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="134" />
      <source>The figures are those of the portfolio as it stood that day (from the status and change history). They are kept as they are: later edits and imports never change them.</source>
      <translation>Les chiffres sont ceux du portefeuille tel qu'il était ce jour-là (d'après l'historique des statuts et des modifications). Ils sont gardés tels quels : les modifications et imports ultérieurs ne les changent jamais.</translation>
    </message>
    <message>
      <location filename="../../src/portfolio_desktop/ui/views/snapshots_view.py" line="154" />
      <source>Take the snapshot</source>
      <translation>Prendre l'instantané</translation>
    </message>
  </context>
</TS>