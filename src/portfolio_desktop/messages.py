"""Words for the codes that the lower layers return: rule violations, environment errors, progress.

`domain`, `storage` and `services` speak in codes and parameters; the command line and the desktop
turn them into a sentence here, in French (the default) or English. Parameters named like amounts
(`*_cents` or in `MONEY_PARAMS`) are formatted as money in the chosen language.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import date, datetime

from .domain.money import format_count, format_money

LANGUAGES = ("fr", "en")
MONEY_PARAMS = {"granted", "requested", "paid", "shares", "total_cents", "rounded"}
#: Parameters that hold a project status code, shown as the status's label.
STATUS_PARAMS = {"status", "from", "to", "step"}
#: Numbers that are not counts, written as they are: years, numbers of a thing (import no. 1234,
#: row 10234 of a sheet, a revision), sizes in a unit the template names.
NOT_COUNTS = {
    "year", "start", "end", "batch", "row", "rowid", "line", "page", "pages", "revision",
    "version", "seconds", "size_mb", "limit_mb", "width", "height", "score", "min", "max",
}  # fmt: skip

#: code → (French, English). Keep both languages for every code (a test checks it).
CATALOGUE: dict[str, tuple[str, str]] = {
    # Rules
    "required": ("Ce champ est obligatoire.", "This field is required."),
    "reference_format": (
        "La référence ne peut contenir que des lettres, chiffres et « - _ . / » (64 au plus).",
        "The reference may only hold letters, digits and '- _ . /' (64 at most).",
    ),
    "reference_taken": (
        "La référence {reference} existe déjà dans ce pôle.",
        "Reference {reference} already exists in this cluster.",
    ),
    "acronym_or_title_required": (
        "Donnez au moins un acronyme ou un intitulé.",
        "Give at least an acronym or a title.",
    ),
    "amount_negative": ("Un montant ne peut pas être négatif.", "An amount cannot be negative."),
    "amount_unreadable": (
        "Montant illisible : tapez par exemple 1 300 000,50 ou 750 k€.",
        "Unreadable amount: type for example 1,300,000.50 or 750k€.",
    ),
    "amount_too_large": (
        "Ce montant est démesuré (plus de 1 000 Md€).",
        "This amount is beyond reason (over €1,000bn).",
    ),
    "eligible_exceeds_budget": (
        "Les dépenses éligibles dépassent le budget total.",
        "Eligible costs exceed the total budget.",
    ),
    "granted_exceeds_requested": (
        "L'aide accordée ({granted}) dépasse l'aide demandée ({requested}) ; cochez « dérogation » si c'est voulu.",
        "Granted funding ({granted}) exceeds the request ({requested}); tick 'override' if this is intended.",
    ),
    "paid_exceeds_granted": (
        "Le versé ({paid}) dépasse l'accordé ({granted}).",
        "The amount paid ({paid}) exceeds the amount granted ({granted}).",
    ),
    "domain_duplicate": ("Un domaine apparaît deux fois.", "A domain appears twice."),
    "domain_other_pole": (
        "« {domain} » est un domaine de la feuille de route du pôle « {pole} » : un projet d'un "
        "autre pôle ne peut pas y être rattaché.",
        "'{domain}' is a domain of the '{pole}' cluster's roadmap: a project of another cluster "
        "cannot be tagged with it.",
    ),
    "domain_pole_in_use": (
        "« {domain} » ne peut pas devenir un domaine du seul pôle « {pole} » : {count} "
        "{count|projet d'un autre pôle y est rattaché|projets d'autres pôles y sont rattachés}.",
        "'{domain}' cannot become a domain of the '{pole}' cluster only: {count} "
        "{count|project of another cluster is|projects of other clusters are} tagged with it.",
    ),
    "cluster_has_domains": (
        "« {name} » ne peut pas être supprimé : {count} {count|domaine de sa feuille de route "
        "lui appartient. Rattachez-le|domaines de sa feuille de route lui appartiennent. "
        "Rattachez-les} à tous les pôles ou à un autre pôle d'abord.",
        "'{name}' cannot be deleted: {count} {count|domain of its roadmap belongs to it. Share "
        "it|domains of its roadmap belong to it. Share them} with every cluster, or give "
        "{count|it|them} to another, first.",
    ),
    "domain_percent_range": (
        "Chaque part de domaine doit être comprise entre 1 et 100 %.",
        "Each domain share must be between 1 and 100%.",
    ),
    "domain_split_sum": (
        "La répartition par domaine totalise {total} % au lieu de 100 %.",
        "The domain split adds up to {total}% instead of 100%.",
    ),
    "score_range": (
        "La note doit être comprise entre {min} et {max}.",
        "The score must be between {min} and {max}.",
    ),
    "date_before": (
        "Cette date précède la {other}.",
        "This date comes before the {other}.",
    ),
    "partner_duplicate": (
        "Une organisation figure deux fois parmi les partenaires.",
        "An organisation is listed twice among the partners.",
    ),
    "lead_partner_several": (
        "Un projet n'a qu'un seul porteur.",
        "A project has only one lead partner.",
    ),
    "partner_budgets_exceed_total": (
        "Les budgets des partenaires ({shares}) dépassent le budget total ({total_cents}).",
        "The partners' budgets ({shares}) exceed the total budget ({total_cents}).",
    ),
    "beneficiary_not_partner": (
        "Le bénéficiaire doit être un partenaire du projet.",
        "The beneficiary must be a partner of the project.",
    ),
    "siren_invalid": (
        "Ce SIREN n'est pas valide (9 chiffres, clé de Luhn).",
        "This SIREN is not valid (9 digits, Luhn checksum).",
    ),
    "siret_invalid": (
        "Ce SIRET n'est pas valide (14 chiffres, clé de Luhn).",
        "This SIRET is not valid (14 digits, Luhn checksum).",
    ),
    "siret_siren_mismatch": (
        "Le SIRET ne commence pas par le SIREN.",
        "The SIRET does not start with the SIREN.",
    ),
    "colour_format": ("Couleur attendue au format #RRVVBB.", "Colour expected as #RRGGBB."),
    "conflict_of_interest": (
        "Cet expert est lié à une organisation du projet (conflit d'intérêts).",
        "This expert is tied to an organisation of the project (conflict of interest).",
    ),
    "transition_not_allowed": (
        "Un projet « {from} » ne peut pas passer à « {to} ».",
        "A '{from}' project cannot move to '{to}'.",
    ),
    # The portfolio's invariants (domain/rules.py: check_project_change, check_project_state)
    "granted_before_labelling": (
        "Aide accordée sur un projet « {status} » : une aide n'est accordée qu'à partir de la labellisation.",
        "Funding granted to a '{status}' project: funding is granted only from the label on.",
    ),
    "granted_on_refused_project": (
        "Aide accordée sur un projet « {status} » : ce statut dit qu'il n'y a pas de financement.",
        "Funding granted to a '{status}' project: that status says there is no funding.",
    ),
    "paid_before_funding_decision": (
        "Aide versée sur un projet « {status} » sans décision de financement enregistrée.",
        "Funding paid to a '{status}' project with no funding decision on file.",
    ),
    "granted_exceeds_budget": (
        "L'aide accordée ({granted}) dépasse le budget total ({total_cents}).",
        "The funding granted ({granted}) exceeds the total budget ({total_cents}).",
    ),
    "granted_exceeds_eligible": (
        "Les subventions accordées ({granted}) dépassent les dépenses éligibles ({eligible_cents}).",
        "The grants ({granted}) exceed the eligible costs ({eligible_cents}).",
    ),
    "date_in_future": (
        "La {other} ({day}) est dans le futur.",
        "The {other} ({day}) is in the future.",
    ),
    "step_date_beyond_status": (
        "La {other} est renseignée alors que le projet est au statut « {status} ».",
        "The {other} is filled in although the project is '{status}'.",
    ),
    "step_date_missing": (
        "Le projet est au statut « {status} » sans {other}.",
        "The project is '{status}' but has no {other}.",
    ),
    "status_skips_steps": (
        "Le statut passe de « {from} » à « {to} » sans les étapes {steps}.",
        "The status moves from '{from}' to '{to}', skipping {steps}.",
    ),
    "status_off_path": (
        "Le statut passe de « {from} » à « {to} », à rebours du cycle de vie.",
        "The status moves from '{from}' to '{to}', against the project's life cycle.",
    ),
    "status_unknown": ("Statut inconnu « {value} ».", "Unknown status '{value}'."),
    "code_unknown": (
        "Valeur inconnue « {value} » pour {other}.",
        "Unknown value '{value}' for {other}.",
    ),
    "evaluation_expert_twice": (
        "L'expert {expert} a évalué ce projet deux fois : une seule évaluation par expert.",
        "Expert {expert} evaluated this project twice: one evaluation per expert.",
    ),
    "conflict_of_interest_expert": (
        "L'expert {expert} est lié à {organisations}, partenaire du projet (conflit d'intérêts).",
        "Expert {expert} is tied to {organisations}, a partner of the project (conflict of interest).",
    ),
    "name_taken": ("Ce nom est déjà utilisé.", "This name is already in use."),
    "in_use": (
        "Impossible de supprimer : encore utilisé par {count} {count|enregistrement|enregistrements}.",
        "Cannot delete: still used by {count} {count|record|records}.",
    ),
    "stale_record": (
        "Cet enregistrement a été modifié ailleurs depuis son ouverture.",
        "This record was changed elsewhere since you opened it.",
    ),
    "not_found": ("Cet enregistrement n'existe plus.", "This record no longer exists."),
    # Environment
    "db_newer": (
        "La base {path} a été créée par une version plus récente de l'application (révision {revision}). "
        "Elle n'a pas été modifiée ; mettez l'application à jour pour l'ouvrir.",
        "The database {path} was written by a newer version of the application (revision {revision}). "
        "It was left untouched; update the application to open it.",
    ),
    "db_not_portfolio": (
        "Le fichier {path} n'est pas une base de portefeuille.",
        "The file {path} is not a portfolio database.",
    ),
    "db_locked": (
        "La base {path} est occupée : un autre programme (ou une autre écriture : un import, une "
        "restauration) la verrouille encore après 10 s d'attente. Rien n'a été enregistré ; "
        "réessayez dans un instant.",
        "The database {path} is busy: another program (or another write: an import, a restore) "
        "still holds its lock after waiting 10 s. Nothing was saved; try again in a moment.",
    ),
    "db_unknown_revision": (
        "La base {path} est à une révision du schéma que cette version ne connaît pas "
        "(révision {revision}, ni plus ancienne ni plus récente que les siennes : une version de "
        "développement ?). Elle n'a pas été modifiée.",
        "The database {path} is at a schema revision this version does not know (revision "
        "{revision}, neither older nor newer than its own: a development build?). It was left "
        "untouched.",
    ),
    "db_emptied": (
        "La base {path} est vide (0 octet) alors que des sauvegardes en existent : son contenu a "
        "été perdu, elle n'a pas été recréée. La plus récente sauvegarde date du "
        "{taken_at:%d/%m/%Y à %H:%M} : portfolio-desktop restore {backup} --db {path}",
        "The database {path} is empty (0 bytes) although backups of it exist: its content was "
        "lost; it was not re-created. The newest backup is from {taken_at:%Y-%m-%d %H:%M}: "
        "portfolio-desktop restore {backup} --db {path}",
    ),
    "db_read_only": (
        "La base {path} est en lecture seule : la modification n'a pas été enregistrée.",
        "The database {path} is read-only: the change was not saved.",
    ),
    "db_read_only_folder": (
        "La base {path} est sur un disque ou dans un dossier en lecture seule : elle ne peut pas "
        "être ouverte ainsi (SQLite écrit ses fichiers de travail à côté d'elle). Rien n'a été "
        "modifié ; copiez-la dans un dossier où vous pouvez écrire.",
        "The database {path} is on a read-only disk or in a read-only folder: it cannot be "
        "opened there (SQLite writes its working files beside it). Nothing was changed; copy it "
        "to a folder you can write to.",
    ),
    "disk_full": (
        "Le disque est plein : rien n'a été enregistré. Libérez de la place puis réessayez.",
        "The disk is full: nothing was saved. Free some space and try again.",
    ),
    "db_corrupt": (
        "La base {path} est endommagée : rien n'y a été écrit. « portfolio-desktop backups » "
        "liste ses sauvegardes, « portfolio-desktop restore » en remet une en place.",
        "The database {path} is damaged: nothing was written to it. 'portfolio-desktop "
        "backups' lists its backups, 'portfolio-desktop restore' puts one back.",
    ),
    "db_corrupt_backup": (
        "La base {path} est endommagée : rien n'y a été écrit. La plus récente sauvegarde saine "
        "date du {taken_at:%d/%m/%Y à %H:%M} : portfolio-desktop restore {backup} --db {path}",
        "The database {path} is damaged: nothing was written to it. The newest good backup is "
        "from {taken_at:%Y-%m-%d %H:%M}: portfolio-desktop restore {backup} --db {path}",
    ),
    "db_unreachable": (
        "Impossible d'ouvrir la base {path}.",
        "Cannot open the database {path}.",
    ),
    "backup_failed": (
        "La sauvegarde {path} a échoué ({reason}) ; l'opération a été annulée.",
        "The backup {path} failed ({reason}); the operation was cancelled.",
    ),
    "demo_db_not_empty": (
        "La base {path} contient déjà des projets : la démonstration se crée dans une base vide.",
        "The database {path} already holds projects: the demo goes into an empty database.",
    ),
    "file_not_found": ("Fichier introuvable : {path}.", "File not found: {path}."),
    # Integrity check (portfolio-desktop check)
    "check_integrity": (
        "Contrôle d'intégrité SQLite : {detail}",
        "SQLite integrity check: {detail}",
    ),
    "check_value_text": (
        "Valeur illisible dans {table}.{column} (ligne {rowid}) : ce texte n'est pas de l'UTF-8, "
        "des octets du fichier ont été abîmés.",
        "Unreadable value in {table}.{column} (row {rowid}): this text is not UTF-8, bytes of "
        "the file were damaged.",
    ),
    "check_value_type": (
        "Valeur illisible dans {table}.{column} (ligne {rowid}) : ce n'est pas un nombre entier "
        "comme il se doit, des octets du fichier ont été abîmés.",
        "Unreadable value in {table}.{column} (row {rowid}): not the whole number it must be, "
        "bytes of the file were damaged.",
    ),
    "check_value_date": (
        "Valeur illisible dans {table}.{column} (ligne {rowid}) : ce n'est pas une date valide, "
        "des octets du fichier ont été abîmés.",
        "Unreadable value in {table}.{column} (row {rowid}): not a valid date, bytes of the "
        "file were damaged.",
    ),
    "check_foreign_key": (
        "Référence cassée : {table} #{rowid} → {parent}.",
        "Broken reference: {table} #{rowid} → {parent}.",
    ),
    "check_summary_stale": (
        "Projet {reference} : totaux résumés périmés (recalculés par « check --repair »).",
        "Project {reference}: stale summary totals (recomputed by 'check --repair').",
    ),
    "check_project_error": ("Projet {reference} : {message}", "Project {reference}: {message}"),
    "check_project_warning": (
        "Projet {reference} (à vérifier) : {message}",
        "Project {reference} (to check): {message}",
    ),
    "check_organisation_error": (
        "Organisation {name} : {message}",
        "Organisation {name}: {message}",
    ),
    "check_organisation_warning": (
        "Organisation {name} (à vérifier) : {message}",
        "Organisation {name} (to check): {message}",
    ),
    "check_progress_projects": ("Contrôle des projets…", "Checking the projects…"),
    "check_summary": (
        "{errors} {errors|erreur|erreurs}, {warnings} {warnings|avertissement|avertissements}.",
        "{errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}.",
    ),
    "check_ok": ("Aucun problème trouvé.", "No problem found."),
    # -- export -- (services/excel_export.py, the export command and dialog)
    "export_not_xlsx": (
        "Le fichier {path} doit porter l'extension .xlsx.",
        "The file {path} must have the .xlsx extension.",
    ),
    "export_target_is_folder": (
        "{path} est un dossier : choisissez un nom de fichier.",
        "{path} is a folder: choose a file name.",
    ),
    "export_folder_missing": (
        "Le dossier {path} n'existe pas.",
        "The folder {path} does not exist.",
    ),
    "export_target_locked": (
        "Le classeur {path} est ouvert dans un autre programme : fermez-le puis réessayez. "
        "Le fichier existant n'a pas été modifié.",
        "The workbook {path} is open in another program: close it and try again. "
        "The existing file was left unchanged.",
    ),
    "export_target_read_only": (
        "Le classeur {path} est en lecture seule : il n'a pas été modifié. Choisissez un autre nom.",
        "The workbook {path} is read-only: it was left unchanged. Choose another name.",
    ),
    "export_folder_read_only": (
        "Impossible d'écrire dans le dossier {path} (lecture seule ou accès refusé).",
        "Cannot write in the folder {path} (read-only or access denied).",
    ),
    "export_write_failed": (
        "L'écriture de {path} a échoué ({reason}) ; le fichier existant n'a pas été modifié.",
        "Writing {path} failed ({reason}); the existing file was left unchanged.",
    ),
    "export_too_many_rows": (
        "La feuille {sheet} aurait {rows} lignes, au-delà des {limit} qu'accepte Excel : filtrez l'export.",
        "The sheet {sheet} would hold {rows} rows, beyond the {limit} Excel accepts: filter the export.",
    ),
    "export_unknown_value": (
        "{option} : valeur inconnue « {value} ».",
        "{option}: unknown value '{value}'.",
    ),
    "export_done": (
        "{projects} {projects|projet|projets}, {lines} {lines|ligne|lignes} de financement → {path}",
        "{projects} {projects|project|projects}, {lines} funding {lines|line|lines} → {path}",
    ),
    "export_template_done": ("Modèle vierge → {path}", "Blank template → {path}"),
    "export_truncated": (
        "Attention : des textes de plus de 32 767 caractères ont été tronqués (feuille {sheet}).",
        "Warning: texts longer than 32,767 characters were cut (sheet {sheet}).",
    ),
    "export_yes": ("Oui", "Yes"),
    "export_no": ("Non", "No"),
    "export_validation_title": ("Valeur non prévue", "Unexpected value"),
    "export_validation_list": (
        "Choisissez une valeur de la liste déroulante.",
        "Choose a value from the drop-down list.",
    ),
    "export_validation_score": (
        "La note est un entier de 0 à 4.",
        "The score is a whole number from 0 to 4.",
    ),
    "export_validation_amount": (
        "Un montant est un nombre positif, en euros.",
        "An amount is a positive number, in euros.",
    ),
    "export_workbook_title": ("Portefeuille de projets", "Project portfolio"),
    "export_summary_heading": ("Portefeuille de projets — synthèse", "Project portfolio — summary"),
    "export_summary_scope": ("Périmètre", "Scope"),
    "export_summary_scope_all": ("Tout le portefeuille", "The whole portfolio"),
    "export_summary_scope_filtered": ("Vue filtrée", "Filtered view"),
    "export_summary_date": ("Exporté le", "Exported on"),
    "export_summary_projects": ("Projets", "Projects"),
    "export_summary_granted": ("Aide accordée (€)", "Funding granted (€)"),
    "export_summary_by_year_domain": (
        "Aide accordée par année et par domaine (€)",
        "Funding granted by year and domain (€)",
    ),
    "export_summary_year": ("Année", "Year"),
    "export_summary_unclassified": ("Non classé", "Unclassified"),
    "export_summary_total": ("Total", "Total"),
    "export_summary_no_year": ("Sans année", "No year"),
    "export_summary_by_funder": (
        "Aide accordée par financeur (€)",
        "Funding granted by funder (€)",
    ),
    "export_summary_funder": ("Financeur", "Funder"),
    "export_summary_funder_kind": ("Type", "Kind"),
    "export_summary_lines": ("Lignes", "Lines"),
    "export_chart_by_domain": (
        "Aide accordée par année et par domaine",
        "Funding granted by year and domain",
    ),
    "export_chart_over_time": ("Aide accordée par année", "Funding granted by year"),
    "export_chart_by_funder": ("Aide accordée par financeur", "Funding granted by funder"),
    "export_progress_start": ("Préparation de l'export…", "Preparing the export…"),
    "export_progress_projects": ("Écriture des projets…", "Writing the projects…"),
    "export_progress_funding": ("Écriture des financements…", "Writing the funding lines…"),
    "export_progress_partners": ("Écriture des partenaires…", "Writing the partners…"),
    "export_progress_organisations": ("Écriture des organisations…", "Writing the organisations…"),
    "export_progress_reference": (
        "Écriture des listes de référence…",
        "Writing the reference lists…",
    ),
    "export_progress_summary": ("Calcul de la synthèse…", "Computing the summary…"),
    "export_progress_saving": ("Enregistrement du classeur…", "Saving the workbook…"),
    "export_progress_done": ("Export terminé.", "Export finished."),
    # -- end of export --
    # -- import -- (services/excel_import/, the import and undo-import commands, the import wizard)
    "import_file_empty": (
        "Le fichier {path} est vide (ou ne contient aucune feuille).",
        "The file {path} is empty (or holds no sheet).",
    ),
    "import_file_too_large": (
        "Le fichier {path} pèse {size_mb} Mo, au-delà des {limit_mb} Mo qu'accepte l'import.",
        "The file {path} weighs {size_mb} MB, beyond the {limit_mb} MB the import accepts.",
    ),
    "import_encrypted": (
        "Le classeur {path} est protégé par un mot de passe : enregistrez-le sans mot de passe puis réessayez.",
        "The workbook {path} is password-protected: save it without a password and try again.",
    ),
    "import_not_spreadsheet": (
        "Le fichier {path} n'est pas un classeur (.xlsx, .xlsm, .xls, .ods) ni un fichier CSV.",
        "The file {path} is not a workbook (.xlsx, .xlsm, .xls, .ods) nor a CSV file.",
    ),
    "import_html_spreadsheet": (
        "Le fichier {path} est une page web ou un classeur XML 2003 déguisé : ouvrez-le dans votre tableur et enregistrez-le en .xlsx.",
        "The file {path} is a web page or an XML 2003 workbook in disguise: open it in your spreadsheet and save it as .xlsx.",
    ),
    "import_corrupt": (
        "Le classeur {path} est endommagé ou tronqué et ne peut pas être lu ({reason}).",
        "The workbook {path} is damaged or truncated and cannot be read ({reason}).",
    ),
    # The reasons of import_corrupt (its `reason` parameter is one of these codes).
    "import_reason_zip": ("sa structure zip est abîmée", "its zip structure is damaged"),
    "import_reason_truncated": ("il s'arrête avant la fin", "it stops before its end"),
    "import_reason_deflate": (
        "une de ses parties compressées est abîmée",
        "one of its compressed parts is damaged",
    ),
    "import_reason_checksum": (
        "une de ses parties ne correspond pas à sa somme de contrôle",
        "one of its parts does not match its checksum",
    ),
    "import_reason_compression": (
        "une de ses parties est compressée d'une façon inconnue",
        "one of its parts is compressed in an unknown way",
    ),
    "import_reason_no_workbook": ("il ne contient pas de classeur", "it holds no workbook"),
    "import_reason_xml": (
        "son contenu XML est mal formé",
        "its XML content is malformed",
    ),
    "import_reason_cell_reference": (
        "une cellule y porte une référence illisible",
        "a cell in it has an unreadable reference",
    ),
    "import_reason_reader": (
        "le lecteur de classeurs n'a pas pu l'interpréter ; les détails sont dans le journal",
        "the workbook reader could not make sense of it; the details are in the log",
    ),
    "import_reason_csv": ("son texte CSV est mal formé", "its CSV text is malformed"),
    "import_format_unsupported": (
        "Le fichier {path} est au format {format}, que l'import ne lit pas : ouvrez-le dans votre tableur et enregistrez-le au format .xlsx.",
        "The file {path} is in the {format} format, which the import does not read: open it in your spreadsheet and save it as .xlsx.",
    ),
    "import_csv_nul": (
        "Le fichier {path} contient un caractère nul (ligne {line}), qu'aucun tableur n'écrit : enregistrez-le à nouveau depuis votre tableur.",
        "The file {path} holds a NUL character (line {line}), which no spreadsheet writes: save it again from your spreadsheet.",
    ),
    "import_csv_undecodable": (
        "Le fichier {path} ne se lit pas en {encoding} : ligne {line}, {bytes|l'octet|les octets} {byte} n'y {bytes|forme|forment} aucun caractère (« {excerpt} »). Enregistrez-le à nouveau depuis votre tableur au format « CSV UTF-8 ».",
        "The file {path} cannot be read as {encoding}: on line {line}, {bytes|byte|bytes} {byte} {bytes|stands|stand} for no character ('{excerpt}'). Save it again from your spreadsheet as 'CSV UTF-8'.",
    ),
    "import_csv_mixed_encoding": (
        "Le fichier {path} est en UTF-8, mais la ligne {line} contient {bytes|un octet|des octets} d'un autre encodage, {byte} (« {excerpt} ») : lu d'un seul encodage, une partie de son texte serait fausse. Corrigez cette ligne, ou enregistrez le fichier à nouveau depuis votre tableur au format « CSV UTF-8 ».",
        "The file {path} is UTF-8, but line {line} holds {bytes|a byte|bytes} of another encoding, {byte} ('{excerpt}'): read in any one encoding, part of its text would be wrong. Correct that line, or save the file again from your spreadsheet as 'CSV UTF-8'.",
    ),
    "import_csv_read_as": (
        "Le fichier {path} n'est pas en UTF-8 : il a été lu en {encoding}.",
        "The file {path} is not UTF-8: it was read as {encoding}.",
    ),
    "import_cell_too_large": (
        "Une cellule de {path} contient plus de {limit} caractères, au-delà de ce que lit l'import (Excel en admet 32 767).",
        "A cell of {path} holds more than {limit} characters, beyond what the import reads (Excel allows 32,767).",
    ),
    "import_check_too_long": (
        "La vérification du classeur {path} a dépassé {seconds} secondes : il a été refusé par précaution.",
        "Checking the workbook {path} took more than {seconds} seconds: it was refused as a precaution.",
    ),
    "import_reader_memory": (
        "La lecture du classeur {path} demandait plus de {limit_mb} Mo de mémoire : il a été refusé par précaution.",
        "Reading the workbook {path} needed more than {limit_mb} MB of memory: it was refused as a precaution.",
    ),
    "import_reader_crashed": (
        "La lecture du classeur {path} a échoué (le lecteur de classeurs s'est arrêté) : il a été refusé ; les détails sont dans le journal.",
        "Reading the workbook {path} failed (the workbook reader stopped): it was refused; the details are in the log.",
    ),
    "import_zip_bomb": (
        "Le classeur {path} se décompresse bien au-delà de sa taille ({entry}) : il a été refusé par précaution.",
        "The workbook {path} inflates far beyond its size ({entry}): it was refused as a precaution.",
    ),
    "import_zip_bomb_parts": (
        "Le classeur {path} se décompresse bien au-delà de sa taille ({parts} parties, {size_mb} Mo une fois décompressé) : il a été refusé par précaution.",
        "The workbook {path} inflates far beyond its size ({parts} parts, {size_mb} MB inflated): it was refused as a precaution.",
    ),
    "import_zip_too_many_parts": (
        "Le classeur {path} compte {parts} parties, au-delà des {limit} que lit l'import : il a été refusé par précaution.",
        "The workbook {path} has {parts} parts, beyond the {limit} the import reads: it was refused as a precaution.",
    ),
    "import_xml_entities": (
        "Le classeur {path} contient des déclarations XML interdites dans un classeur ({entry}) : il a été refusé.",
        "The workbook {path} holds XML declarations that no workbook needs ({entry}): it was refused.",
    ),
    "import_sheet_too_large": (
        "Une feuille de {path} s'étend sur {rows} lignes × {columns} colonnes, au-delà des {limit} cellules que lit l'import.",
        "A sheet of {path} spans {rows} rows × {columns} columns, beyond the {limit} cells the import reads.",
    ),
    "import_sheet_too_large_unknown": (
        "Une feuille de {path} compte plus des {limit} cellules que lit l'import.",
        "A sheet of {path} holds more than the {limit} cells the import reads.",
    ),
    "import_sheet_too_many_rows": (
        "Une feuille de {path} va jusqu'à la ligne {rows}, au-delà des {limit} lignes d'une feuille Excel.",
        "A sheet of {path} goes down to row {rows}, beyond the {limit} rows of an Excel sheet.",
    ),
    "import_sheet_too_many_columns": (
        "Une feuille de {path} a {columns} colonnes, au-delà des {limit} colonnes d'une feuille Excel.",
        "A sheet of {path} has {columns} columns, beyond the {limit} columns of an Excel sheet.",
    ),
    "import_profile_unknown": (
        "Aucun profil d'import ne s'appelle « {profile} ».",
        "No import profile is called '{profile}'.",
    ),
    "import_profile_mismatch": (
        "Le profil « {profile} » ne reconnaît pas les colonnes de {path}.",
        "The profile '{profile}' does not recognise the columns of {path}.",
    ),
    "import_no_sheet": (
        "Aucune feuille du classeur n'a d'en-têtes reconnus : associez les colonnes à la main.",
        "No sheet of the workbook has headers we recognise: map the columns by hand.",
    ),
    "import_sheet_no_header": (
        "Feuille ignorée : aucune ligne d'en-têtes reconnue.",
        "Sheet left out: no header row recognised.",
    ),
    "import_sheet_summary": (
        "Feuille de synthèse : ignorée.",
        "Summary sheet: left out.",
    ),
    "import_sheet_left_out": ("Feuille non importée.", "Sheet not imported."),
    "import_sheet_not_in_profile": (
        "Feuille ignorée par le profil.",
        "Sheet left out by the profile.",
    ),
    "import_missing_column": (
        "Colonne obligatoire absente : « {column} ».",
        "Required column missing: '{column}'.",
    ),
    "import_missing_column_value": (
        "Il faut une colonne « {column} » pour créer cette ligne.",
        "A '{column}' column is needed to create this line.",
    ),
    "import_required_status": (
        "Statut obligatoire pour créer ce projet.",
        "A status is required to create this project.",
    ),
    "import_bad_amount": ("Montant illisible : « {value} ».", "Unreadable amount: '{value}'."),
    "import_amount_too_large": (
        "Montant démesuré : « {value} » (plus de 1 000 Md€).",
        "Amount beyond reason: '{value}' (over €1,000bn).",
    ),
    "import_cell_error": (
        "Cellule en erreur dans le classeur : « {value} » (une formule n'a pas abouti) ; corrigez-la dans le classeur.",
        "Error cell in the workbook: '{value}' (a formula failed); correct it in the workbook.",
    ),
    "import_ambiguous_amount": (
        "Montant ambigu : « {value} » peut se lire avec des décimales ou des milliers ; écrivez par exemple 1 250,00 ou 1,25.",
        "Ambiguous amount: '{value}' reads with decimals or with thousands; write 1,250.00 or 1.25, say.",
    ),
    "import_bad_date": ("Date illisible : « {value} ».", "Unreadable date: '{value}'."),
    "import_date_year_only": (
        "Date incomplète : « {value} » (il faut le jour, le mois et l'année).",
        "Incomplete date: '{value}' (day, month and year are needed).",
    ),
    "import_date_month_first": (
        "Date « {value} » écrite mois d'abord : attendu jour/mois/année.",
        "Date '{value}' is written month first: day/month/year expected.",
    ),
    "import_bad_bool": (
        "Valeur « {value} » : attendu Oui ou Non.",
        "Value '{value}': Yes or No expected.",
    ),
    "import_bad_number": (
        "Nombre entier attendu : « {value} ».",
        "Whole number expected: '{value}'.",
    ),
    "import_unknown_status": ("Statut inconnu : « {value} ».", "Unknown status: '{value}'."),
    "import_unknown_instrument": (
        "Type d'aide inconnu : « {value} ».",
        "Unknown instrument: '{value}'.",
    ),
    "import_unknown_kind": (
        "Type d'organisation inconnu : « {value} ».",
        "Unknown organisation kind: '{value}'.",
    ),
    "import_unknown_funder_kind": (
        "Type de financeur inconnu : « {value} ».",
        "Unknown funder kind: '{value}'.",
    ),
    "import_unknown_role": ("Rôle inconnu : « {value} ».", "Unknown role: '{value}'."),
    "import_unknown_region": ("Région inconnue : « {value} ».", "Unknown region: '{value}'."),
    "import_unknown_domain": (
        "Domaine inconnu : « {value} ».",
        "Unknown domain: '{value}'.",
    ),
    "import_unknown_domain_suggest": (
        "Domaine inconnu : « {value} » (vouliez-vous dire « {suggestion} » ?).",
        "Unknown domain: '{value}' (did you mean '{suggestion}'?).",
    ),
    "import_ambiguous_value": (
        "Valeur ambiguë : « {value} » peut désigner {candidates}.",
        "Ambiguous value: '{value}' could mean {candidates}.",
    ),
    "import_ambiguous_funder": (
        "Financeur « {value} » ambigu : il ressemble à {candidates}. Écrivez le nom exact, ou associez-le.",
        "Funder '{value}' is ambiguous: it looks like {candidates}. Write the exact name, or map it.",
    ),
    "import_ambiguous_organisation": (
        "{count} organisations s'appellent « {value} » : précisez le SIREN.",
        "{count} organisations are called '{value}': give the SIREN.",
    ),
    "import_domain_share_missing": (
        "Part manquante pour « {value} » : écrivez « Domaine 60 %; Autre 40 % ».",
        "Share missing for '{value}': write 'Domain 60 %; Other 40 %'.",
    ),
    "import_domain_share_whole": (
        "Part non entière : « {value} ».",
        "Share is not a whole percentage: '{value}'.",
    ),
    "import_text_too_long": (
        "Texte trop long ({max} caractères au plus).",
        "Text too long ({max} characters at most).",
    ),
    "import_cluster_required": (
        "Indiquez le pôle : la base en contient plusieurs.",
        "Give the cluster: the database holds several.",
    ),
    "import_duplicate_reference": (
        "Référence {reference} en double dans le fichier (déjà ligne {row}).",
        "Reference {reference} appears twice in the file (already on row {row}).",
    ),
    "import_conflicting_value": (
        "Valeur différente de celle de la ligne {row} pour le projet {reference}.",
        "Value differs from row {row} for project {reference}.",
    ),
    "import_unknown_project": (
        "Projet {reference} introuvable (ni dans le fichier ni dans la base).",
        "Project {reference} not found (neither in the file nor in the database).",
    ),
    "import_project_rejected": (
        "Ligne écartée : le projet {reference} est refusé.",
        "Row left out: project {reference} is rejected.",
    ),
    "import_skip_blank": ("Ligne vide.", "Blank row."),
    "import_skip_total": ("Ligne de totaux.", "Totals row."),
    "import_skip_header": ("En-têtes répétés.", "Repeated headers."),
    "import_skip_no_organisation": (
        "Aucune organisation indiquée.",
        "No organisation given.",
    ),
    "import_skip_duplicate_partner": (
        "Même organisation que la ligne {row} pour ce projet : réunie avec elle.",
        "Same organisation as row {row} for this project: merged with it.",
    ),
    # The error report's columns: what became of a row not imported, why, its row number.
    "error_report_outcome": ("Résultat", "Outcome"),
    "error_report_reason": ("Motif", "Reason"),
    "error_report_row": ("Ligne", "Row"),
    "error_report_rejected": ("Rejetée", "Rejected"),
    "error_report_skipped": ("Ignorée", "Skipped"),
    "error_report_blank_rows": (
        "{count} lignes vides, de la ligne {start} à la ligne {end}.",
        "{count} blank rows, rows {start} to {end}.",
    ),
    "import_error_report_written": (
        "Lignes non importées écrites dans {path} : {rejected} {rejected|rejetée|rejetées}, "
        "{skipped} {skipped|ignorée|ignorées}.",
        "Rows not imported written to {path}: {rejected} rejected, {skipped} skipped.",
    ),
    "import_error_report_none": (
        "Aucune ligne à renvoyer : le rapport d'erreurs n'est pas écrit.",
        "No row to send back: the error report is not written.",
    ),
    "import_batch_unknown": ("Aucun import n°{batch}.", "No import #{batch}."),
    "import_batch_undone": (
        "L'import n°{batch} a déjà été annulé.",
        "Import #{batch} was already undone.",
    ),
    "import_undo_later": (
        "Un import plus récent a modifié les mêmes enregistrements : annulez-le d'abord.",
        "A later import changed the same records: undo it first.",
    ),
    "import_undo_stale": (
        "{count} {count|enregistrement|enregistrements} de l'import n°{batch} {count|a été modifié|ont été modifiés} depuis : l'annulation est refusée.",
        "{count} {count|record|records} of import #{batch} {count|was|were} edited since: the undo is refused.",
    ),
    "import_undo_refused": ("Annulation impossible.", "Cannot undo."),
    "import_checking": ("Vérification du fichier…", "Checking the file…"),
    "import_reading": ("Lecture du classeur…", "Reading the workbook…"),
    "import_checking_rows": ("Contrôle des lignes…", "Checking the rows…"),
    "import_writing": ("Enregistrement…", "Saving…"),
    "import_undoing": ("Annulation de l'import…", "Undoing the import…"),
    "import_done": (
        "{projects} {projects|projet créé|projets créés}, {updated} mis à jour, {unchanged} {unchanged|inchangé|inchangés} ; "
        "{lines} {lines|ligne de financement créée|lignes de financement créées} ; import n°{batch}.",
        "{projects} {projects|project|projects} created, {updated} updated, {unchanged} unchanged; "
        "{lines} funding {lines|line|lines} created; import #{batch}.",
    ),
    "import_dry_run_done": (
        "Simulation : {projects} {projects|projet|projets} à créer, {updated} à mettre à jour, {unchanged} {unchanged|inchangé|inchangés} ; rien n'a été écrit.",
        "Dry run: {projects} {projects|project|projects} to create, {updated} to update, {unchanged} unchanged; nothing was written.",
    ),
    "import_nothing_written": (
        "{count} {count|erreur|erreurs} : rien n'a été importé (--valid-only importe les lignes valides).",
        "{count} {count|error|errors}: nothing was imported (--valid-only imports the valid rows).",
    ),
    "import_undone": (
        "Import n°{batch} annulé : {deleted} {deleted|enregistrement supprimé|enregistrements supprimés}, {restored} {restored|rétabli|rétablis}.",
        "Import #{batch} undone: {deleted} {deleted|record|records} deleted, {restored} restored.",
    ),
    # -- end of import --
}


def current_language() -> str:
    """French unless PORTFOLIO_DESKTOP_LANG says `en` (the desktop passes its preference)."""
    lang = os.environ.get("PORTFOLIO_DESKTOP_LANG", "fr")[:2].lower()
    return lang if lang in LANGUAGES else "fr"


#: `{count|erreur|erreurs}`: the word agreeing with the number `count` (French: 0 and 1 take the
#: singular; English: 1 only). The number itself is written `{count}`, as any parameter.
_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def plural(template: str, params: Mapping[str, object], lang: str) -> str:
    """The template with each `{name|one|many}` replaced by the form `params[name]` asks for."""

    def form(match: re.Match[str]) -> str:
        value = params.get(match.group(1))
        if not isinstance(value, int | float) or isinstance(value, bool):
            return match.group(3)
        one = abs(value) < 2 if lang == "fr" else value == 1
        return match.group(2) if one else match.group(3)

    return _PLURAL.sub(form, template)


def text(code: str, params: Mapping[str, object] | None = None, lang: str | None = None) -> str:
    """The sentence for a code; unknown codes fall back to the code itself, never to a crash."""
    lang = lang or current_language()
    templates = CATALOGUE.get(code)
    if templates is None:
        return code if not params else f"{code} {dict(params)}"
    template = plural(templates[0 if lang == "fr" else 1], params or {}, lang)
    values: dict[str, object] = {}
    for key, value in (params or {}).items():
        if isinstance(value, int) and (key in MONEY_PARAMS or key.endswith("_cents")):
            values[key] = format_money(value, lang)
        elif key == "other" and isinstance(value, str):
            values[key] = label("Field", value, lang)  # a field's code becomes its name
        elif key in STATUS_PARAMS and isinstance(value, str):
            values[key] = label("ProjectStatus", value, lang)
        elif key == "steps" and isinstance(value, (list, tuple)):
            quote = "« {} »" if lang == "fr" else "'{}'"
            values[key] = ", ".join(
                quote.format(label("ProjectStatus", str(v), lang)) for v in value
            )
        elif isinstance(value, date) and not isinstance(value, datetime):
            # A datetime keeps its own format spec in the template ({taken_at:%Y-%m-%d %H:%M}).
            values[key] = value.strftime("%d/%m/%Y") if lang == "fr" else value.isoformat()
        elif key == "reason" and isinstance(value, str) and value in CATALOGUE:
            values[key] = text(value, None, lang)  # a reason's code becomes its words
        elif type(value) is int and key not in NOT_COUNTS:
            values[key] = format_count(value, lang)  # « 1 379 projets », "1,379 projects"
        else:
            values[key] = value
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


# -- labels of the closed lists (enums): one place for the desktop, the workbooks and the importer --

#: (list, code) → (French, English). `list` is the enum's class name.
LABELS: dict[tuple[str, str], tuple[str, str]] = {
    ("ProjectStatus", "draft"): ("Brouillon", "Draft"),
    ("ProjectStatus", "submitted"): ("Déposé", "Submitted"),
    ("ProjectStatus", "evaluated"): ("Expertisé", "Evaluated"),
    ("ProjectStatus", "labelled"): ("Labellisé", "Labelled"),
    ("ProjectStatus", "not_labelled"): ("Non labellisé", "Not labelled"),
    ("ProjectStatus", "funded"): ("Financé", "Funded"),
    ("ProjectStatus", "not_funded"): ("Non financé", "Not funded"),
    ("ProjectStatus", "running"): ("En cours", "Running"),
    ("ProjectStatus", "closed"): ("Terminé", "Closed"),
    ("ProjectStatus", "abandoned"): ("Abandonné", "Abandoned"),
    ("OrganisationKind", "startup"): ("Start-up", "Start-up"),
    ("OrganisationKind", "sme"): ("PME", "SME"),
    ("OrganisationKind", "midcap"): ("ETI", "Mid-cap"),
    ("OrganisationKind", "large_company"): ("Grand groupe", "Large company"),
    ("OrganisationKind", "research"): ("Laboratoire de recherche", "Research lab"),
    ("OrganisationKind", "higher_education"): ("Enseignement supérieur", "University or school"),
    ("OrganisationKind", "public_body"): ("Organisme public", "Public body"),
    ("OrganisationKind", "association"): ("Association", "Association"),
    ("FunderKind", "state"): ("État", "State"),
    ("FunderKind", "state_agency"): ("Agence de l'État", "State agency"),
    ("FunderKind", "region"): ("Région", "Region"),
    ("FunderKind", "local_authority"): ("Collectivité locale", "Local authority"),
    ("FunderKind", "eu"): ("Union européenne", "European Union"),
    ("FunderKind", "private"): ("Privé", "Private"),
    ("Instrument", "grant"): ("Subvention", "Grant"),
    ("Instrument", "repayable_advance"): ("Avance remboursable", "Repayable advance"),
    ("Instrument", "loan"): ("Prêt", "Loan"),
    ("Instrument", "equity"): ("Fonds propres", "Equity"),
    ("Instruments", "grant"): ("subventions", "grants"),
    ("Instruments", "repayable_advance"): ("avances remboursables", "repayable advances"),
    ("Instruments", "loan"): ("prêts", "loans"),
    ("Instruments", "equity"): ("fonds propres", "equity"),
    ("PartnerRole", "lead"): ("Porteur", "Lead partner"),
    ("PartnerRole", "partner"): ("Partenaire", "Partner"),
    ("PartnerRole", "subcontractor"): ("Sous-traitant", "Subcontractor"),
    ("Recommendation", "label"): ("Labelliser", "Label"),
    ("Recommendation", "label_with_reservations"): (
        "Labelliser avec réserves",
        "Label with reservations",
    ),
    ("Recommendation", "revise"): ("À retravailler", "Revise"),
    ("Recommendation", "reject"): ("Ne pas labelliser", "Do not label"),
    ("Maturity", "initial"): ("Initial", "Initial"),
    ("Maturity", "aware"): ("Sensibilisé", "Aware"),
    ("Maturity", "engaged"): ("Engagé", "Engaged"),
    ("Maturity", "advanced"): ("Avancé", "Advanced"),
    ("Maturity", "exemplary"): ("Exemplaire", "Exemplary"),
    ("Maturity", "partial"): ("Évaluation partielle", "Partly assessed"),
    ("Field", "submitted_on"): ("date de dépôt", "submission date"),
    ("Field", "evaluated_on"): ("date d'expertise", "evaluation date"),
    ("Field", "labelling_decided_on"): ("date de labellisation", "labelling date"),
    ("Field", "funding_decided_on"): ("date de décision de financement", "funding decision date"),
    ("Field", "start_on"): ("date de début", "start date"),
    ("Field", "end_on"): ("date de fin", "end date"),
    ("Field", "closed_on"): ("date de clôture", "closing date"),
    ("Field", "decision_on"): ("date de décision", "decision date"),
    ("Field", "instrument"): ("type d'aide", "instrument"),
    ("Field", "role"): ("rôle", "role"),
    ("Field", "kind"): ("type d'organisation", "kind of organisation"),
    ("Field", "recommendation"): ("recommandation", "recommendation"),
    ("Field", "abandoned_on"): ("date d'abandon", "abandonment date"),
    ("Field", "member_since"): ("date d'adhésion", "membership start"),
    ("Field", "member_until"): ("fin d'adhésion", "membership end"),
    ("Criterion", "carbon"): ("Impact carbone", "Carbon impact"),
    ("Criterion", "resources"): ("Ressources naturelles", "Natural resources"),
    ("Criterion", "recyclability"): ("Recyclabilité", "Recyclability"),
    ("Criterion", "energy"): ("Dépendance énergétique", "Energy dependence"),
    ("Criterion", "ethics"): (
        "Éthique et responsabilité sociale",
        "Ethics and social responsibility",
    ),
}


def label(kind: str, code: str, lang: str | None = None) -> str:
    """The label of a code of a closed list (`label("ProjectStatus", "funded")` → `Financé`)."""
    pair = LABELS.get((kind, code))
    if pair is None:
        return code
    return pair[0 if (lang or current_language()) == "fr" else 1]


def labels(kind: str, lang: str | None = None) -> dict[str, str]:
    """code → label for every code of a closed list, in declaration order."""
    return {code: label(kind, code, lang) for (k, code) in LABELS if k == kind}


# -- charts -- (issue 6: services/analytics.py, charts.py, report.py, the chart/report commands)
CATALOGUE.update(
    {
        # Chart titles and axes
        "chart_funding_over_time": (
            "Aide accordée par année, par {by}",
            "Funding granted per year, by {by}",
        ),
        "chart_pipeline": ("Entonnoir des projets", "Project pipeline"),
        "chart_funding_by_domain": ("Aide accordée par domaine", "Funding granted by domain"),
        "chart_funding_by_funder": ("Aide accordée par financeur", "Funding granted by funder"),
        "chart_partners_by_kind": (
            "Partenaires par type d'organisation",
            "Partners by type of organisation",
        ),
        "chart_partners_by_region": ("Partenaires par région", "Partners by region"),
        "chart_maturity": ("Maturité numérique responsable", "Responsible-digital maturity"),
        "chart_maturity_levels": ("Projets par niveau de maturité", "Projects by maturity level"),
        "chart_maturity_criteria": (
            "Note moyenne par critère (0 à 4)",
            "Mean score per criterion (0 to 4)",
        ),
        "chart_key_figures": ("Chiffres clés", "Key figures"),
        "stack_domain": ("domaine", "domain"),
        "stack_funder": ("financeur", "funder"),
        "stack_funder_kind": ("type de financeur", "type of funder"),
        "stack_instrument": ("type d'aide", "instrument"),
        "stack_region": ("région", "region"),
        "axis_granted": ("Aide accordée", "Funding granted"),
        "axis_cumulative": ("Cumul", "Cumulative"),
        "chart_other": ("Autres", "Others"),
        "chart_unclassified": ("Non classé", "Unclassified"),
        "chart_no_region": ("Sans région", "No region"),
        "chart_not_given": ("Non renseigné", "Not given"),
        "chart_not_assessed": ("Non évalué", "Not assessed"),
        "chart_empty": ("Aucune donnée pour ce filtre.", "No data for this filter."),
        # Hover texts (exact values)
        "tip_segment": (
            "{label} — {year}\n{amount}\nTotal {year} : {total}",
            "{label} — {year}\n{amount}\nTotal {year}: {total}",
        ),
        "tip_cumulative": ("Cumul fin {year} : {amount}", "Cumulative to end of {year}: {amount}"),
        "tip_bar": (
            "{label}\n{value} ({share} du total)",
            "{label}\n{value} ({share} of the total)",
        ),
        "tip_step": (
            "{step} : {count} {count|projet|projets}\n{rate} de l'étape précédente",
            "{step}: {count} {count|project|projects}\n{rate} of the previous step",
        ),
        "tip_first_step": (
            "{step} : {count} {count|projet|projets}",
            "{step}: {count} {count|project|projects}",
        ),
        "tip_score": ("{label} : {score} sur 4", "{label}: {score} out of 4"),
        # Key figures
        "kf_submitted": ("Projets déposés", "Projects submitted"),
        "kf_evaluated": ("Projets expertisés", "Projects evaluated"),
        "kf_labelled": ("Projets labellisés", "Projects labelled"),
        "kf_funded": ("Projets financés", "Projects funded"),
        "kf_rate": ("{rate} de l'étape précédente", "{rate} of the previous step"),
        "kf_granted": ("Aide accordée", "Funding granted"),
        "kf_average": ("Aide moyenne par projet financé", "Average funding per funded project"),
        "kf_sme_share": ("Part des PME parmi les partenaires", "Share of SMEs among partners"),
        "kf_sme_detail": (
            "{sme} participations de PME sur {partners}",
            "{sme} SME participations out of {partners}",
        ),
        "kf_leverage": ("Effet de levier", "Leverage"),
        "kf_leverage_detail": (
            "budget total ÷ aide publique, sur {count} {count|projet financé|projets financés}",
            "total budget ÷ public funding, over {count} funded {count|project|projects}",
        ),
        "kf_leverage_left_out": (
            "({count} sans budget ou sans aide publique {count|écarté|écartés})",
            "({count} without a budget or public funding left out)",
        ),
        "kf_granted_detail": ("{exact} de {instruments}", "{exact} in {instruments}"),
        "kf_granted_beside": (
            "{granted} ; à côté : {items}",
            "{granted}; beside them: {items}",
        ),
        "kf_average_detail": (
            "sur {count} {count|projet financé ayant|projets financés ayant} une aide",
            "over {count} funded {count|project|projects} with funding",
        ),
        "kf_average_left_out": (
            "({count} sans aide {count|écarté|écartés})",
            "({count} without funding left out)",
        ),
        "kf_sme_left_out": (
            "({count} de type inconnu {count|écartée|écartées})",
            "({count} of unknown kind left out)",
        ),
        # What a chart sums, and what its shares are of
        "chart_note_instruments": ("Montants : {instruments}", "Amounts: {instruments}"),
        "chart_note_beside": ("à côté, non comptés : {items}", "beside, not counted: {items}"),
        "chart_note_shares": (
            "parts du total de toutes les barres{including}",
            "shares of the total of every bar{including}",
        ),
        "chart_note_including": (", {names} compris", ", {names} included"),
        "chart_partly_assessed": ("Évaluation partielle", "Partly assessed"),
        "kf_projects": (
            "{count} {count|projet|projets} dans le filtre",
            "{count} {count|project|projects} in the filter",
        ),
        # The executive report
        "report_title": ("Portefeuille de projets R&D", "R&D project portfolio"),
        "report_subtitle": ("Rapport de synthèse", "Executive report"),
        "report_date": ("Édité le {date}", "Issued on {date}"),
        "report_filters": ("Filtres appliqués", "Filters applied"),
        "report_no_filter": (
            "Aucun filtre : tout le portefeuille.",
            "No filter: the whole portfolio.",
        ),
        "report_largest": (
            "Les {count} projets financés les plus aidés",
            "The {count} funded projects with the most funding",
        ),
        "report_none_funded": (
            "Aucun projet financé dans ce filtre.",
            "No funded project in this filter.",
        ),
        "report_col_reference": ("Référence", "Reference"),
        "report_col_acronym": ("Acronyme", "Acronym"),
        "report_col_title": ("Intitulé", "Title"),
        "report_col_lead": ("Porteur", "Lead partner"),
        "report_col_status": ("Statut", "Status"),
        "report_col_granted": ("Aide accordée", "Funding granted"),
        "report_page": ("Page {page} sur {pages}", "Page {page} of {pages}"),
        "report_progress_figures": ("Calcul des chiffres…", "Computing the figures…"),
        "report_progress_charts": ("Dessin des graphiques…", "Drawing the charts…"),
        "report_progress_writing": ("Écriture du PDF…", "Writing the PDF…"),
        "report_done": ("Rapport enregistré : {path}", "Report saved: {path}"),
        "chart_done": ("Graphique enregistré : {path}", "Chart saved: {path}"),
        # Filters in words
        "filter_search": ("Recherche : « {value} »", "Search: '{value}'"),
        "filter_clusters": ("Pôles : {values}", "Clusters: {values}"),
        "filter_statuses": ("Statuts : {values}", "Statuses: {values}"),
        "filter_domains": ("Domaines : {values}", "Domains: {values}"),
        "filter_regions": ("Régions : {values}", "Regions: {values}"),
        "filter_funders": ("Financeurs : {values}", "Funders: {values}"),
        "filter_funder_kinds": ("Types de financeur : {values}", "Types of funder: {values}"),
        "filter_instruments": ("Types d'aide : {values}", "Instruments: {values}"),
        "filter_calls": ("Appels à projets : {values}", "Calls for proposals: {values}"),
        "filter_years": ("Années de dépôt : {range}", "Submission years: {range}"),
        "filter_funding_years": ("Années de financement : {range}", "Funding years: {range}"),
        "filter_organisation_kinds": (
            "Types de partenaire : {values}",
            "Types of partner: {values}",
        ),
        "filter_organisations": ("Partenaires : {values}", "Partners: {values}"),
        "filter_responsible_yes": (
            "Projets « numérique responsable » seulement",
            "Responsible-digital projects only",
        ),
        "filter_responsible_no": (
            "Projets hors « numérique responsable »",
            "Projects outside responsible digital",
        ),
        "filter_reached": (
            "Projets parvenus à l'étape « {step} » (historique des statuts)",
            "Projects that reached the '{step}' step (status history)",
        ),
        "filter_project_ids": (
            "{count} {count|projet choisi|projets choisis} un par un (à revoir)",
            "{count} {count|project|projects} picked one by one (to review)",
        ),
        "filter_picked": ("{count} {count|choisi|choisis}", "{count} picked"),
        "filter_incomplete": (
            "Projets sans {fields}",
            "Projects without {fields}",
        ),
        "filter_import_batch": (
            "Projets de l'import n° {batch}",
            "Projects of import no. {batch}",
        ),
        "incomplete_domains": ("domaine", "a domain"),
        "incomplete_lead": ("porteur", "a lead partner"),
        "incomplete_budget": ("budget", "a budget"),
        "words_or": ("ou", "or"),
        "range_from": ("à partir de {start}", "from {start}"),
        "range_to": ("jusqu'à {end}", "up to {end}"),
        "range_between": ("de {start} à {end}", "{start} to {end}"),
        "month_1": ("janvier", "January"),
        "month_2": ("février", "February"),
        "month_3": ("mars", "March"),
        "month_4": ("avril", "April"),
        "month_5": ("mai", "May"),
        "month_6": ("juin", "June"),
        "month_7": ("juillet", "July"),
        "month_8": ("août", "August"),
        "month_9": ("septembre", "September"),
        "month_10": ("octobre", "October"),
        "month_11": ("novembre", "November"),
        "month_12": ("décembre", "December"),
        # Command line and files
        "chart_bad_format": (
            "Format non pris en charge : {path} (choisissez .png, .svg ou .pdf).",
            "Unsupported format: {path} (choose .png, .svg or .pdf).",
        ),
        "report_not_pdf": (
            "Le rapport s'enregistre en PDF : {path} doit finir par .pdf.",
            "The report is a PDF: {path} must end with .pdf.",
        ),
        "chart_folder_missing": (
            "Le dossier {path} n'existe pas.",
            "The folder {path} does not exist.",
        ),
        "chart_write_failed": (
            "L'écriture de {path} a échoué ({reason}) ; le fichier existant n'a pas été modifié.",
            "Writing {path} failed ({reason}); the existing file was left unchanged.",
        ),
    }
)


# -- reference data -- (issue 3: the organisations, funders, domains and experts screens)
CATALOGUE.update(
    {
        "email_invalid": (
            "Adresse électronique mal formée (exemple : prenom.nom@exemple.fr).",
            "Malformed e-mail address (for example: first.last@example.com).",
        ),
    }
)


# -- self-test -- (issue 8: selftest.py, `portfolio-desktop --self-test`)
CATALOGUE.update(
    {
        "selftest_title": (
            "Autotest de portfolio-desktop {version} (Python {python}, SQLite {sqlite}, {kind}, "
            "{system})",
            "portfolio-desktop {version} self-test (Python {python}, SQLite {sqlite}, {kind}, "
            "{system})",
        ),
        "selftest_frozen": ("application autonome", "standalone application"),
        "selftest_not_frozen": ("installation Python", "Python installation"),
        "selftest_step_installation": ("installation", "installation"),
        "selftest_step_database": ("base de données", "database"),
        "selftest_step_demo": ("démo", "demo"),
        "selftest_step_export": ("export", "export"),
        "selftest_step_import": ("import", "import"),
        "selftest_step_chart": ("graphique", "chart"),
        "selftest_step_desktop": ("bureau", "desktop"),
        "selftest_line_ok": (
            "ok      {step} : {detail} ({seconds} s)",
            "ok      {step}: {detail} ({seconds} s)",
        ),
        "selftest_line_failed": ("ÉCHEC   {step} : {reason}", "FAILED  {step}: {reason}"),
        "selftest_line_skipped": (
            "sauté   {step} : une étape dont il dépend a échoué",
            "skipped {step}: a step it depends on failed",
        ),
        "selftest_installation_done": (
            "ressources dans {resources}, {translations} {translations|traduction compilée|traductions compilées}, {migrations} {migrations|migration|migrations}",
            "resources in {resources}, {translations} compiled {translations|translation|translations}, {migrations} {migrations|migration|migrations}",
        ),
        "selftest_database_done": (
            "base créée par les migrations, révision {revision}",
            "database created by the migrations, revision {revision}",
        ),
        "selftest_demo_done": (
            "{projects} {projects|projet|projets}, {lines} {lines|ligne|lignes} de financement, {total_cents} accordés",
            "{projects} {projects|project|projects}, {lines} funding {lines|line|lines}, {total_cents} granted",
        ),
        "selftest_export_done": (
            "{projects} {projects|projet écrit|projets écrits} dans {file} ({size})",
            "{projects} {projects|project|projects} written to {file} ({size})",
        ),
        "selftest_import_done": (
            "{projects} projets et {lines} lignes relus dans une base vide ; mêmes chiffres que l'original",
            "{projects} projects and {lines} lines read back into an empty database; same figures as the original",
        ),
        "selftest_chart_done": (
            "{file}, {width} × {height} px, {size}",
            "{file}, {width} × {height} px, {size}",
        ),
        "selftest_desktop_done": (
            "fenêtre principale affichée (plateforme {platform}), {pages} pages ouvertes",
            "main window shown (platform {platform}), {pages} pages opened",
        ),
        "selftest_passed": (
            "Autotest réussi : {total} étapes sur {total} en {seconds} s.",
            "Self-test passed: {total} of {total} steps in {seconds} s.",
        ),
        "selftest_failed": (
            "Autotest en échec : {failed} {failed|étape|étapes} en échec et {skipped} {skipped|sautée|sautées} sur {total} ({seconds} s). Détails dans le journal : {log}",
            "Self-test failed: {failed} {failed|step|steps} failed and {skipped} skipped of {total} ({seconds} s). Details in the log: {log}",
        ),
        "selftest_missing_file": ("fichier manquant : {path}", "missing file: {path}"),
        "selftest_schema_not_current": (
            "la base n'est pas à la dernière révision du schéma (trouvée : {revision})",
            "the database is not at the newest schema revision (found: {revision})",
        ),
        "selftest_count_mismatch": (
            "{what} : {expected} attendus, {found} trouvés",
            "{what}: {expected} expected, {found} found",
        ),
        "selftest_bad_file": (
            "{path} n'est pas un fichier du format attendu",
            "{path} is not a file of the expected format",
        ),
        "selftest_import_refused": (
            "le classeur exporté est refusé à l'import : {errors} {errors|erreur|erreurs}, dont : {first}",
            "the exported workbook is refused on import: {errors} {errors|error|errors}, first: {first}",
        ),
        "selftest_round_trip_differs": (
            "les chiffres relus diffèrent de l'original : {keys}",
            "the figures read back differ from the original: {keys}",
        ),
        "selftest_chart_too_small": (
            "image trop petite : {width} × {height} px, {size} octets",
            "image too small: {width} × {height} px, {size} bytes",
        ),
        "selftest_icon_unreadable": (
            "l'icône SVG ne se dessine pas (greffon SVG de Qt absent ?)",
            "the SVG icon does not draw (Qt's SVG plugin missing?)",
        ),
        "selftest_window_hidden": (
            "la fenêtre principale ne s'est pas affichée",
            "the main window did not show",
        ),
        "selftest_page_missing": (
            "la page « {page} » ne s'ouvre pas",
            "page '{page}' does not open",
        ),
    }
)
# -- end of self-test --

# -- safety -- (issue 7: backups, locks, damaged files, network folders, history, team server)
CATALOGUE.update(
    {
        "db_damaged": (
            "La base {path} est endommagée. Elle a été mise de côté sous {moved_to} (rien n'a été "
            "supprimé). La plus récente sauvegarde saine date du {taken_at:%d/%m/%Y à %H:%M}.",
            "The database {path} is damaged. It was moved aside to {moved_to} (nothing was "
            "deleted). The newest good backup is from {taken_at:%Y-%m-%d %H:%M}.",
        ),
        "db_damaged_no_backup": (
            "La base {path} est endommagée. Elle a été mise de côté sous {moved_to} (rien n'a été "
            "supprimé) ; aucune sauvegarde saine n'a été trouvée.",
            "The database {path} is damaged. It was moved aside to {moved_to} (nothing was "
            "deleted); no good backup was found.",
        ),
        "db_in_use_read_only": (
            "La base {path} est déjà ouverte par {user} sur le poste {host} (depuis {since}) : "
            "elle est ouverte ici en lecture seule.",
            "The database {path} is already open by {user} on {host} (since {since}): it is "
            "open here read-only.",
        ),
        "db_in_use_needs_update": (
            "La base {path} est ouverte par {user} sur le poste {host} et doit être mise à jour "
            "pour cette version : fermez-la d'abord sur ce poste.",
            "The database {path} is open by {user} on {host} and needs an update for this "
            "version: close it there first.",
        ),
        "db_network_folder": (
            "La base {path} est dans un dossier réseau ({name}). Les verrous de fichiers n'y sont "
            "pas toujours fiables : travaillez sur une copie locale, ou passez en mode équipe "
            "(serveur PostgreSQL) pour travailler à plusieurs.",
            "The database {path} is in a network folder ({name}). File locks are not always "
            "reliable there: work on a local copy, or use team mode (a PostgreSQL server) to "
            "work together.",
        ),
        "db_sync_folder": (
            "La base {path} est dans un dossier synchronisé ({name}). Le logiciel de "
            "synchronisation peut copier le fichier au milieu d'une écriture ou créer des "
            "copies en conflit : placez la base hors de ce dossier, ou passez en mode équipe.",
            "The database {path} is in a synchronised folder ({name}). The sync client may copy "
            "the file in the middle of a write or create conflicting copies: keep the database "
            "outside that folder, or use team mode.",
        ),
        "server_unreachable": (
            "Le serveur {path} ne répond pas (arrêté, réseau coupé ?). Rien n'a été enregistré : "
            "réessayez quand il sera de nouveau joignable.",
            "The server {path} does not answer (stopped, network down?). Nothing was saved: try "
            "again when it can be reached.",
        ),
        "server_busy": (
            "Le serveur {path} est occupé : une autre écriture y tient le verrou des écritures "
            "depuis plus de 10 s. Rien n'a été enregistré ; réessayez dans un instant.",
            "The server {path} is busy: another write has held the writers' lock for more than "
            "10 s. Nothing was saved; try again in a moment.",
        ),
        "server_read_only": (
            "Votre compte sur {path} peut consulter le portefeuille mais pas le modifier : rien "
            "n'a été enregistré.",
            "Your account on {path} can read the portfolio but not change it: nothing was saved.",
        ),
        "server_login_failed": (
            "Le serveur {path} a refusé l'identifiant ou le mot de passe.",
            "The server {path} refused the user name or the password.",
        ),
        "server_certificate": (
            "L'identité du serveur {path} n'a pas pu être vérifiée ({reason}). Vérifiez le "
            "fichier de l'autorité de certification et le nom du serveur.",
            "The identity of the server {path} could not be verified ({reason}). Check the "
            "certificate authority file and the server name.",
        ),
        "server_password_needed": (
            "Mot de passe nécessaire pour {account}.",
            "A password is needed for {account}.",
        ),
        "keyring_unavailable": (
            "Aucun trousseau système n'est disponible : le mot de passe ne servira que pour "
            "cette session.",
            "No system keyring is available: the password will only last for this session.",
        ),
        "history_created": ("créé", "created"),
        "history_deleted": ("supprimé", "deleted"),
        "history_restored": ("rétabli", "restored"),
        "history_source_form": ("formulaire", "form"),
        "history_source_import": ("import n° {batch}", "import #{batch}"),
        "history_source_undo": ("annulation", "undo"),
        "history_source_undo-import": (
            "annulation de l'import n° {batch}",
            "undo of import #{batch}",
        ),
        "history_source_merge": ("fusion", "merge"),
        "history_source_unknown": ("autre", "other"),
        "backup_reason_daily": ("quotidienne", "daily"),
        "backup_reason_migration": ("avant mise à jour", "before an update"),
        "backup_reason_import": ("avant import", "before an import"),
        "backup_reason_restore": ("avant restauration", "before a restore"),
        "backup_reason_manual": ("manuelle", "manual"),
        "backup_done": ("Sauvegarde vérifiée : {path}", "Verified backup: {path}"),
        "backup_server_side": (
            "{path} est un serveur : ses sauvegardes sont l'affaire de son administrateur "
            "(pg_dump).",
            "{path} is a server: its backups are its administrator's job (pg_dump).",
        ),
        "backup_restored": (
            "Sauvegarde remise en place dans {path} ; l'ancien fichier est gardé : {kept}",
            "Backup put back in {path}; the previous file is kept: {kept}",
        ),
        "db_in_use_restore": (
            "La base {path} est ouverte par {user} sur le poste {host} : fermez-la avant de "
            "restaurer une sauvegarde.",
            "The database {path} is open by {user} on {host}: close it before restoring a backup.",
        ),
        "history_project_unknown": (
            "Aucun projet de référence {reference}.",
            "No project with reference {reference}.",
        ),
        "server_url_needed": (
            "{path} n'est pas l'adresse d'un serveur (postgresql+psycopg://…).",
            "{path} is not a server address (postgresql+psycopg://…).",
        ),
        "server_admin_needed": (
            "Le serveur {path} a refusé : le compte {user} n'a pas les droits d'administrateur "
            "(il faut un superutilisateur, ou le propriétaire de la base avec le droit "
            "CREATEROLE). Rien n'a été modifié.",
            "The server {path} refused: the account {user} does not have administrator rights "
            "(a superuser is needed, or the database's owner with CREATEROLE). Nothing was "
            "changed.",
        ),
        "server_ready": (
            "Serveur prêt : rôles créés, schéma à la révision {revision}.",
            "Server ready: roles created, schema at revision {revision}.",
        ),
        "server_new_password": (
            "Mot de passe de {name} : ",
            "Password for {name}: ",
        ),
        "server_password_empty": (
            "Mot de passe vide : rien n'a été fait.",
            "Empty password: nothing was done.",
        ),
        "server_user_ready": (
            "Identifiant {name} prêt (rôle {role}).",
            "Login {name} ready (role {role}).",
        ),
    }
)
LABELS.update(
    {
        ("HistoryTable", "project"): ("projet", "project"),
        ("HistoryTable", "funding_line"): ("ligne de financement", "funding line"),
        ("HistoryTable", "participation"): ("partenaire", "partner"),
        ("HistoryTable", "evaluation"): ("expertise", "evaluation"),
        ("HistoryTable", "organisation"): ("organisation", "organisation"),
        ("HistoryTable", "funder"): ("financeur", "funder"),
        ("HistoryTable", "call"): ("appel à projets", "call for proposals"),
        ("HistoryTable", "domain"): ("domaine", "domain"),
        ("HistoryTable", "expert"): ("expert", "expert"),
        ("HistoryTable", "cluster"): ("pôle", "cluster"),
        ("HistoryField", "cluster_id"): ("pôle", "cluster"),
        ("HistoryField", "reference"): ("référence", "reference"),
        ("HistoryField", "acronym"): ("acronyme", "acronym"),
        ("HistoryField", "title"): ("intitulé", "title"),
        ("HistoryField", "summary"): ("résumé", "summary"),
        ("HistoryField", "call_id"): ("appel à projets", "call for proposals"),
        ("HistoryField", "status"): ("statut", "status"),
        ("HistoryField", "submitted_on"): ("date de dépôt", "submission date"),
        ("HistoryField", "evaluated_on"): ("date d'expertise", "evaluation date"),
        ("HistoryField", "labelling_decided_on"): ("date de labellisation", "labelling date"),
        ("HistoryField", "funding_decided_on"): (
            "date de décision de financement",
            "funding decision date",
        ),
        ("HistoryField", "closed_on"): ("date de clôture", "closing date"),
        ("HistoryField", "abandoned_on"): ("date d'abandon", "abandonment date"),
        ("HistoryField", "start_on"): ("date de début", "start date"),
        ("HistoryField", "end_on"): ("date de fin", "end date"),
        ("HistoryField", "total_budget_cents"): ("budget total", "total budget"),
        ("HistoryField", "eligible_costs_cents"): ("dépenses éligibles", "eligible costs"),
        ("HistoryField", "keywords"): ("mots-clés", "keywords"),
        ("HistoryField", "notes"): ("notes", "notes"),
        ("HistoryField", "responsible_digital"): ("numérique responsable", "responsible digital"),
        ("HistoryField", "rd_carbon"): ("impact carbone", "carbon impact"),
        ("HistoryField", "rd_resources"): ("ressources naturelles", "natural resources"),
        ("HistoryField", "rd_recyclability"): ("recyclabilité", "recyclability"),
        ("HistoryField", "rd_energy"): ("dépendance énergétique", "energy dependence"),
        ("HistoryField", "rd_ethics"): (
            "éthique et responsabilité sociale",
            "ethics and social responsibility",
        ),
        ("HistoryField", "domains"): ("répartition par domaine", "domain split"),
        ("HistoryField", "regions"): ("régions", "regions"),
        ("HistoryField", "schedule"): ("échéancier", "payment schedule"),
        ("HistoryField", "payments"): ("versements reçus", "payments received"),
        ("HistoryField", "shares"): ("répartition entre partenaires", "split over partners"),
        ("HistoryField", "spread"): ("montants par année", "amounts per year"),
        ("HistoryMoney", "undated"): ("date inconnue", "date unknown"),
        ("HistoryMoney", "released"): ("libérée", "released"),
        ("HistoryField", "funder_id"): ("financeur", "funder"),
        ("HistoryField", "instrument"): ("type d'aide", "instrument"),
        ("HistoryField", "beneficiary_id"): ("bénéficiaire", "beneficiary"),
        ("HistoryField", "requested_cents"): ("aide demandée", "requested"),
        ("HistoryField", "granted_cents"): ("aide accordée", "granted"),
        ("HistoryField", "paid_cents"): ("aide versée", "paid"),
        ("HistoryField", "decision_on"): ("date de décision", "decision date"),
        ("HistoryField", "granted_override"): ("dérogation", "override"),
        ("HistoryField", "organisation_id"): ("organisation", "organisation"),
        ("HistoryField", "role"): ("rôle", "role"),
        ("HistoryField", "budget_cents"): ("budget", "budget"),
        ("HistoryField", "expert_id"): ("expert", "expert"),
        ("HistoryField", "score_innovation"): ("note innovation", "innovation score"),
        ("HistoryField", "score_consortium"): ("note consortium", "consortium score"),
        ("HistoryField", "score_impact"): ("note impact", "impact score"),
        ("HistoryField", "score_feasibility"): ("note faisabilité", "feasibility score"),
        ("HistoryField", "opinion"): ("avis", "opinion"),
        ("HistoryField", "recommendation"): ("recommandation", "recommendation"),
        ("HistoryField", "name"): ("nom", "name"),
        ("HistoryField", "kind"): ("catégorie", "kind"),
        ("HistoryField", "siren"): ("SIREN", "SIREN"),
        ("HistoryField", "siret"): ("SIRET", "SIRET"),
        ("HistoryField", "region"): ("région", "region"),
        ("HistoryField", "city"): ("ville", "city"),
        ("HistoryField", "is_member"): ("adhérent", "member"),
        ("HistoryField", "member_since"): ("date d'adhésion", "membership start"),
        ("HistoryField", "member_until"): ("fin d'adhésion", "membership end"),
        ("HistoryField", "programme"): ("programme", "programme"),
        ("HistoryField", "year"): ("année", "year"),
        ("HistoryField", "colour"): ("couleur", "colour"),
        ("HistoryField", "active"): ("actif", "active"),
        ("HistoryField", "position"): ("rang", "position"),
        ("HistoryField", "email"): ("courriel", "e-mail"),
        ("HistoryField", "affiliation"): ("rattachement", "affiliation"),
        ("HistoryField", "code"): ("code", "code"),
    }
)
# -- end of safety --

# --- write path (one write model: storage/apply; the invariants' warnings an import accepts)
CATALOGUE.update(
    {
        "import_warnings_accepted": (
            "{count} {count|avertissement accepté|avertissements acceptés} par l'import "
            "(enregistrés dans l'historique) :",
            "{count} {count|warning|warnings} accepted by the import (recorded in the history):",
        ),
        "import_cells_read_otherwise": (
            "{count} {count|cellule lue|cellules lues} autrement {count|qu'écrite|qu'écrites}, "
            "{count|importée|importées} :",
            "{count} {count|cell|cells} read otherwise than written, imported:",
        ),
        "import_warnings_to_accept": (
            "{count} {count|avertissement|avertissements} : importer les accepte "
            "(l'historique les enregistre) :",
            "{count} {count|warning|warnings}: importing accepts them (the history records them):",
        ),
        "import_warnings_more": (
            "… et {count} {count|autre|autres}.",
            "… and {count} more.",
        ),
    }
)
# --- end of write path

# --- the demo's progress steps (services/demo.py reports them to the progress dialog)
CATALOGUE.update(
    {
        "demo_projects": ("Création des projets…", "Creating the projects…"),
        "demo_reference_data": (
            "Création des listes de référence…",
            "Creating the reference lists…",
        ),
        "demo_writing": ("Écriture dans la base…", "Writing to the database…"),
        "demo_summaries": ("Calcul des synthèses…", "Computing the summaries…"),
        "demo_done": ("Démonstration prête.", "Demo ready."),
    }
)
# --- real import layouts (issue 12: header row, --map, --set, --mapping, rows accounted for)
CATALOGUE.update(
    {
        "import_option_pair": (
            "L'option {option} attend NOM=VALEUR, pas « {value} ».",
            "The option {option} expects NAME=VALUE, not '{value}'.",
        ),
        "import_header_row_invalid": (
            "La ligne d'en-têtes est comptée à partir de 1, pas {row}.",
            "The header row is counted from 1, not {row}.",
        ),
        "import_header_row_empty": (
            "Aucune feuille n'a d'en-têtes reconnus sur la ligne {row} : associez ses colonnes "
            "avec --map.",
            "No sheet has headers we recognise on row {row}: map its columns with --map.",
        ),
        "import_map_unknown_header": (
            "Aucune feuille n'a de colonne « {header} ».",
            "No sheet has a column '{header}'.",
        ),
        "import_map_unknown_field": (
            "« {field} » n'est pas un champ que la colonne « {header} » peut remplir.",
            "'{field}' is not a field the column '{header}' can fill.",
        ),
        "import_set_unknown_field": (
            "« {field} » n'est pas un champ des feuilles importées.",
            "'{field}' is not a field of the sheets imported.",
        ),
        "import_mapping_file_unreadable": (
            "Le fichier d'association {path} ne peut pas être lu : {reason}",
            "The mapping file {path} cannot be read: {reason}",
        ),
        "import_mapping_file_invalid": (
            "Le fichier d'association {path} n'est pas au format attendu ({reason}).",
            "The mapping file {path} is not in the expected format ({reason}).",
        ),
        "import_funded_lines_rejected": (
            "Le projet financé « {reference} » est laissé de côté : toutes ses lignes de "
            "financement sont en erreur (il serait financé à 0 €).",
            "The funded project '{reference}' is left out: all its funding lines are in error "
            "(it would be funded with €0).",
        ),
        "import_region_several": (
            "Région « {value} » : plusieurs régions à la fois, lue comme aucune région.",
            "Region '{value}': several regions at once, read as no region.",
        ),
        "import_date_placeholder": (
            "Date {value} : une date mise à la place d'une date absente (importée telle quelle, "
            "à vérifier).",
            "Date {value}: a date written where there was none (imported as it is, to check).",
        ),
        "import_date_implausible": (
            "Date {value} : loin de la période d'un portefeuille (importée telle quelle, à "
            "vérifier).",
            "Date {value}: far outside a portfolio's period (imported as it is, to check).",
        ),
        "import_amount_below_the_cent": (
            "Montant « {value} » : des fractions de centime, arrondi au centime le plus proche "
            "({rounded}).",
            "Amount '{value}': fractions of a cent, rounded to the nearest cent ({rounded}).",
        ),
        "import_value_ignored": (
            "Valeur « {value} » ignorée, comme choisi : lue comme vide.",
            "Value '{value}' ignored, as chosen: read as empty.",
        ),
        "import_amount_not_communicated": (
            "Montant « {value} » (non communiqué) : lu comme vide.",
            "Amount '{value}' (not communicated): read as empty.",
        ),
        "import_title_cut": (
            "Intitulé de plus de {max} caractères : coupé, le texte entier est mis dans le résumé.",
            "Title longer than {max} characters: cut, the whole text put in the summary.",
        ),
        "import_skip_nothing_mapped": (
            "Ligne vide dans les colonnes importées.",
            "Row empty in the columns imported.",
        ),
        "import_title_from_beneficiary": (
            "Objet absent : le projet prend le nom de son bénéficiaire.",
            "No object given: the project is named after its beneficiary.",
        ),
        "import_rows_summary": (
            "{sheet} : {read} {read|ligne lue|lignes lues} — {imported} "
            "{imported|importée|importées}, {merged} {merged|fusionnée|fusionnées}, {skipped} "
            "{skipped|ignorée|ignorées}, {invalid} en erreur.",
            "{sheet}: {read} {read|row read|rows read} — {imported} imported, {merged} merged, "
            "{skipped} skipped, {invalid} invalid.",
        ),
    }
)
# --- end of real import layouts
# --- submissions and follow-up (issue 15: storage/submissions.py, services/follow_up.py, `due`)
LABELS.update(
    {
        ("LabelDecision", "labelled"): ("Labellisé", "Labelled"),
        ("LabelDecision", "labelled_with_reservations"): (
            "Labellisé avec réserves",
            "Labelled with reservations",
        ),
        ("LabelDecision", "support_letter"): ("Lettre de soutien", "Letter of support"),
        ("LabelDecision", "refused"): ("Refusé", "Refused"),
        ("FunderDecision", "funded"): ("Financé", "Funded"),
        ("FunderDecision", "not_funded"): ("Non financé", "Not funded"),
        ("Outcome", "awaiting_label"): ("En attente du label", "Awaiting the label"),
        ("Outcome", "label_refused"): ("Label refusé", "Label refused"),
        ("Outcome", "awaiting_funder"): ("En attente du financeur", "Awaiting the funder"),
        ("Outcome", "funded"): ("Financé", "Funded"),
        ("Outcome", "not_funded"): ("Non financé", "Not funded"),
        ("Outcome", "withdrawn"): ("Retiré", "Withdrawn"),
        ("FollowUpKind", "milestone"): ("Jalon", "Milestone"),
        ("FollowUpKind", "deliverable"): ("Livrable", "Deliverable"),
        ("FollowUpKind", "interim_report"): ("Rapport intermédiaire", "Interim report"),
        ("FollowUpKind", "final_report"): ("Rapport final", "Final report"),
        ("Standing", "done"): ("Fait", "Done"),
        ("Standing", "overdue"): ("En retard", "Overdue"),
        ("Standing", "due"): ("À échéance", "Due"),
        ("Standing", "later"): ("Plus tard", "Later"),
        ("HistoryField", "label_decision"): ("décision de labellisation", "label decision"),
        ("HistoryField", "label_decided_on"): ("date de labellisation", "labelling date"),
        ("HistoryField", "committee_id"): ("comité", "committee"),
        ("HistoryField", "label_override"): (
            "motif de labellisation sans expertise",
            "reason for labelling without evaluation",
        ),
        ("HistoryField", "funder_decision"): ("décision du financeur", "funder's decision"),
        ("HistoryField", "funder_decided_on"): (
            "date de décision du financeur",
            "funder's decision date",
        ),
        ("HistoryField", "withdrawn_on"): ("date de retrait", "withdrawal date"),
        ("HistoryField", "held_on"): ("date de séance", "meeting date"),
        ("HistoryField", "members"): ("membres", "members"),
        ("HistoryField", "due_on"): ("échéance", "due date"),
        ("HistoryField", "done_on"): ("date de réalisation", "done on"),
    }
)
CATALOGUE.update(
    {
        "label_without_evaluation": (
            "Le projet {reference} n'a aucune expertise : sa labellisation demande un motif "
            "(dérogation) enregistré.",
            "Project {reference} has no evaluation: labelling it needs a recorded reason "
            "(override).",
        ),
        "import_unknown_choice": (
            "Valeur inconnue : « {value} » (valeurs possibles : {choices}).",
            "Unknown value: '{value}' (possible values: {choices}).",
        ),
        "import_unknown_name": (
            "« {value} » introuvable (ni dans le fichier ni dans la base).",
            "'{value}' not found (neither in the file nor in the database).",
        ),
        "import_ambiguous_name": (
            "« {value} » désigne plusieurs enregistrements : écrivez le nom exact.",
            "'{value}' matches several records: write the exact name.",
        ),
        "import_sheet_follow_up": (
            "Feuille lue à part (experts, expertises, comités, dépôts ou échéances).",
            "Sheet read apart (experts, evaluations, committees, submissions or deadlines).",
        ),
        "import_skip_unknown_tie": (
            "Lien de l'expert avec « {value} » laissé de côté : organisation introuvable "
            "(ni dans le fichier ni dans la base).",
            "The expert's tie to '{value}' left out: organisation not found (neither in the "
            "file nor in the database).",
        ),
        "due_reports_late": (
            "{count} {count|rapport en retard|rapports en retard}",
            "{count} {count|report overdue|reports overdue}",
        ),
        "due_milestones_late": (
            "{count} {count|jalon ou livrable en retard|jalons ou livrables en retard}",
            "{count} {count|milestone or deliverable overdue|milestones or deliverables overdue}",
        ),
        "due_reports_soon": (
            "{count} {count|rapport attendu|rapports attendus} dans les {days} prochains jours",
            "{count} {count|report|reports} due in the next {days} days",
        ),
        "due_milestones_soon": (
            "{count} {count|jalon ou livrable|jalons ou livrables} dans les {days} prochains jours",
            "{count} {count|milestone or deliverable|milestones or deliverables} due in the next "
            "{days} days",
        ),
        "due_nothing": (
            "Rien en retard ni attendu dans les {days} prochains jours.",
            "Nothing overdue or due in the next {days} days.",
        ),
        "due_overdue_title": ("En retard", "Overdue"),
        "due_soon_title": (
            "Dans les {days} prochains jours",
            "In the next {days} days",
        ),
        "due_days_late": (
            "{count} {count|jour|jours} de retard",
            "{count} {count|day|days} late",
        ),
        "due_bad_days": (
            "Nombre de jours invalide : {value} (un entier de 0 à 3 650).",
            "Invalid number of days: {value} (a whole number from 0 to 3,650).",
        ),
        "due_bad_today": (
            "Date invalide : {value} (attendu : AAAA-MM-JJ).",
            "Invalid date: {value} (expected: YYYY-MM-DD).",
        ),
        "sheet_unknown_project": (
            "Aucun projet de référence {reference}.",
            "No project has the reference {reference}.",
        ),
        "sheet_ambiguous_project": (
            "{count} projets ont la référence {reference} (un par pôle) : la fiche en vise un seul.",
            "{count} projects have the reference {reference} (one per cluster): a sheet is for one.",
        ),
        "sheet_written": ("Fiche projet écrite : {path}", "Project sheet written: {path}"),
        "sheet_title": ("Fiche projet", "Project sheet"),
        "sheet_identity": ("Identité et étapes", "Identity and steps"),
        "sheet_status": ("Statut", "Status"),
        "sheet_call": ("Appel à projets", "Call"),
        "sheet_domains": ("Domaines", "Domains"),
        "sheet_regions": ("Régions", "Regions"),
        "sheet_budget": ("Budget", "Budget"),
        "sheet_granted": ("Aide accordée", "Granted"),
        "sheet_requested": ("Demandé", "Requested"),
        "sheet_period": ("Période", "Period"),
        "sheet_consortium": (
            "Consortium ({count} {count|partenaire|partenaires})",
            "Consortium ({count} {count|partner|partners})",
        ),
        "sheet_organisation": ("Organisation", "Organisation"),
        "sheet_kind": ("Type", "Kind"),
        "sheet_role": ("Rôle", "Role"),
        "sheet_funding": ("Financement", "Funding"),
        "sheet_funder": ("Financeur", "Funder"),
        "sheet_instrument": ("Type d'aide", "Instrument"),
        "sheet_decision": ("Décision", "Decision"),
        "sheet_submissions": (
            "Dépôts et labels ({count} {count|dépôt|dépôts})",
            "Submissions and labels ({count} {count|submission|submissions})",
        ),
        "sheet_submitted": ("Déposé le", "Submitted"),
        "sheet_label": ("Label du pôle", "Cluster's label"),
        "sheet_funder_answer": ("Réponse du financeur", "Funder's answer"),
        "sheet_evaluations": (
            "Expertises ({count} {count|avis|avis})",
            "Evaluations ({count} {count|opinion|opinions})",
        ),
        "sheet_criterion_innovation": ("Innovation", "Innovation"),
        "sheet_criterion_consortium": ("Consortium", "Consortium"),
        "sheet_criterion_impact": ("Impact", "Impact"),
        "sheet_criterion_feasibility": ("Faisabilité", "Feasibility"),
        "sheet_follow_up": (
            "Jalons, livrables et rapports ({count})",
            "Milestones, deliverables and reports ({count})",
        ),
        "sheet_due": ("Échéance", "Due"),
        "sheet_what": ("Quoi", "What"),
        "sheet_done": ("Fait / reçu", "Done / received"),
        "sheet_late": ("en retard", "overdue"),
        "sheet_none": ("Aucun.", "None."),
        "sheet_more": ("… et {count} {count|autre|autres}", "… and {count} more"),
        "import_duplicate_name": (
            "« {value} » figure déjà plus haut dans cette feuille.",
            "'{value}' is already listed above in this sheet.",
        ),
    }
)
# -- end of submissions and follow-up --
# --- as of a date, snapshots, decks, the national view (issue 16)
CATALOGUE.update(
    {
        "as_of_bad_date": (
            "{option} : « {value} » n'est pas une date (écrivez 31/12/2025 ou 2025-12-31).",
            "{option}: '{value}' is not a date (write 2025-12-31 or 31/12/2025).",
        ),
        "as_of_future": (
            "{option} : le {value} n'est pas encore passé ; choisissez aujourd'hui ou un jour passé.",
            "{option}: {value} has not come yet; choose today or a day gone by.",
        ),
        "report_as_of": ("Au {date}", "As of {date}"),
        "chart_filter": ("Filtre : {words}", "Filter: {words}"),
        "chart_poles": ("Les pôles côte à côte", "The clusters side by side"),
        "chart_pole_line": (
            "{amount} · {funded} {funded|financé|financés} sur {projects}",
            "{amount} · {funded} funded of {projects}",
        ),
        "tip_pole": (
            "{name} : {amount} d'aide accordée, {funded} {funded|projet financé|projets "
            "financés} sur {projects}",
            "{name}: {amount} granted, {funded} funded {funded|project|projects} of {projects}",
        ),
        "chart_no_filter": (
            "Tout le portefeuille (aucun filtre)",
            "The whole portfolio (no filter)",
        ),
        "report_poles": (
            "{count|Pôle|Pôles} : {names}",
            "{count|Cluster|Clusters}: {names}",
        ),
        "snapshot_name_empty": (
            "Donnez un nom à l'instantané (par exemple « Rapport annuel 2025 »).",
            'Give the snapshot a name (for example "Annual report 2025").',
        ),
        "snapshot_name_taken": (
            "Un instantané s'appelle déjà « {name} » ; choisissez un autre nom.",
            "A snapshot is already called '{name}'; choose another name.",
        ),
        "snapshot_unknown": (
            "Aucun instantané ne s'appelle « {name} » (snapshot list les énumère).",
            "No snapshot is called '{name}' (snapshot list lists them).",
        ),
        "snapshot_names_needed": (
            "snapshot {action} attend {count} {count|nom|noms} d'instantané.",
            "snapshot {action} takes {count} snapshot {count|name|names}.",
        ),
        "snapshot_taken": (
            "Instantané « {name} » au {date} enregistré : {count} {count|projet|projets}, "
            "{granted} d'aide accordée.",
            "Snapshot '{name}' as of {date} saved: {count} {count|project|projects}, "
            "{granted} granted.",
        ),
        "snapshot_deleted": ("Instantané « {name} » supprimé.", "Snapshot '{name}' deleted."),
        "snapshot_compare_title": (
            "« {first} » (au {first_date}) → « {second} » (au {second_date})",
            "'{first}' (as of {first_date}) → '{second}' (as of {second_date})",
        ),
        "snapshot_whole": ("Tout le portefeuille", "The whole portfolio"),
        "snapshot_total_granted": ("Aide accordée", "Funding granted"),
        "snapshot_total_projects": ("Projets", "Projects"),
        "snapshot_total_funded": ("Projets financés", "Projects funded"),
        "snapshot_total_budget": ("Budget total", "Total budget"),
        "snapshot_pole_granted": ("Aide accordée par pôle", "Funding granted per cluster"),
        "snapshot_pole_projects": ("Projets par pôle", "Projects per cluster"),
        "snapshot_pole_funded": ("Projets financés par pôle", "Projects funded per cluster"),
        "snapshot_domain_granted": ("Aide accordée par domaine", "Funding granted per domain"),
        "snapshot_funder_granted": ("Aide accordée par financeur", "Funding granted per funder"),
        "snapshot_status_projects": ("Projets par statut", "Projects per status"),
        "deck_not_pptx": (
            "Le diaporama s'enregistre en PowerPoint : {path} doit finir par .pptx.",
            "The deck is a PowerPoint file: {path} must end with .pptx.",
        ),
        "deck_done": ("Diaporama enregistré : {path}", "Deck saved: {path}"),
        "cluster_name_empty": ("Donnez un nom au pôle.", "Give the cluster a name."),
        "cluster_code_invalid": (
            "Code de pôle « {value} » invalide : de 1 à 16 caractères.",
            "Invalid cluster code '{value}': 1 to 16 characters.",
        ),
        "cluster_code_taken": (
            "Un pôle a déjà le code « {value} ».",
            "A cluster already has the code '{value}'.",
        ),
        "cluster_name_taken": (
            "Un pôle s'appelle déjà « {value} ».",
            "A cluster is already called '{value}'.",
        ),
        "cluster_unknown": ("Ce pôle n'existe pas (n° {value}).", "No such cluster (no. {value})."),
        "cluster_merge_itself": (
            "Un pôle ne se fusionne pas avec lui-même.",
            "A cluster cannot be merged into itself.",
        ),
        "cluster_merge_clash": (
            "Fusion refusée : les deux pôles ont des projets de même référence ({references}) ; "
            "renommez-les d'abord.",
            "Merge refused: both clusters hold projects with the same reference ({references}); "
            "rename them first.",
        ),
        "cluster_values_needed": (
            "cluster {action} attend {count} {count|valeur|valeurs}.",
            "cluster {action} takes {count} {count|value|values}.",
        ),
        "cluster_in_use": (
            "« {name} » ne peut pas être supprimé : {count} {count|projet y est rattaché|projets "
            "y sont rattachés}. Fusionnez-le plutôt dans un autre pôle.",
            "'{name}' cannot be deleted: {count} {count|project belongs|projects belong} to it. "
            "Merge it into another cluster instead.",
        ),
        "cluster_saved": ("Pôle enregistré.", "Cluster saved."),
        "cluster_merged": (
            "{count} {count|projet passé|projets passés} de « {merged} » à « {kept} » ; "
            "« {merged} » est supprimé.",
            "{count} {count|project|projects} moved from '{merged}' to '{kept}'; "
            "'{merged}' is removed.",
        ),
        "report_poles_many": (
            "{count} pôles de compétitivité",
            "{count} competitiveness clusters",
        ),
    }
)
# --- end of issue 16
# --- money (tranches, payments, cofinancing, aid-rate rules)
LABELS.update(
    {
        ("TrancheKind", "advance"): ("Avance", "Advance"),
        ("TrancheKind", "interim"): ("Versement intermédiaire", "Interim payment"),
        ("TrancheKind", "balance"): ("Solde", "Balance"),
        ("CostBase", "eligible_costs"): ("dépenses éligibles", "eligible costs"),
        ("CostBase", "marginal_costs"): ("coûts marginaux", "marginal costs"),
        ("CostBase", "full_costs"): ("coûts complets", "full costs"),
    }
)
# -- end of money --

# --- money (import of the money sheets)
CATALOGUE.update(
    {
        "import_sheet_money": (
            "Feuille d'échéancier, de versements, de cofinancements ou de taux d'aide : lue après "
            "les lignes de financement.",
            "Payment schedule, payments, cofinancing or aid-rate sheet: read after the funding "
            "lines.",
        ),
        "import_money_required": ("Valeur obligatoire absente.", "Required value missing."),
        "import_money_negative": (
            "Un montant ne peut pas être négatif : « {value} ».",
            "An amount cannot be negative: '{value}'.",
        ),
        "import_money_rate": (
            "Taux attendu entre 0 et 100 % : « {value} ».",
            "Rate expected between 0 and 100%: '{value}'.",
        ),
        "import_money_value": (
            "Valeur inconnue : « {value} ».",
            "Unknown value: '{value}'.",
        ),
        "import_money_line_unknown": (
            "La ligne de financement n° {line} n'est ni dans le classeur ni dans le portefeuille.",
            "Funding line no. {line} is neither in the workbook nor in the portfolio.",
        ),
        "import_money_partner_unknown": (
            "Partenaire inconnu « {name} » (ligne de financement n° {line}).",
            "Unknown partner '{name}' (funding line no. {line}).",
        ),
        "import_money_rule_unknown": (
            "Règle de taux d'aide pour « {name} » : ni cet appel ni ce financeur n'existe.",
            "Aid-rate rule for '{name}': neither this call nor this funder exists.",
        ),
        "import_money_rule_invalid": (
            "Règle de taux d'aide pour « {name} » refusée : {reason}",
            "Aid-rate rule for '{name}' refused: {reason}",
        ),
    }
)
# -- end of money --

# --- aid-rate rules entered on the Funders & calls screen (issue 14)
CATALOGUE.update(
    {
        "rule_rate_range": (
            "Le taux maximal doit être compris entre 0 et 100 %.",
            "The maximum rate must be between 0 and 100%.",
        ),
        "rule_scope_required": (
            "Choisissez l'appel à projets ou le financeur auquel la règle s'applique.",
            "Choose the call for proposals or the funder the rule applies to.",
        ),
        "rule_scope_both": (
            "Une règle s'applique à un appel à projets ou à un financeur, pas aux deux.",
            "A rule applies to a call for proposals or to a funder, not both.",
        ),
        "rule_instrument_call": (
            "Le type d'aide ne se précise que pour une règle de financeur.",
            "An instrument is given only for a funder's rule.",
        ),
        "rule_scope_missing": (
            "Cet appel à projets ou ce financeur n'existe plus.",
            "This call for proposals or funder no longer exists.",
        ),
        "rule_kind_unknown": (
            "Catégorie de partenaire inconnue : « {value} ».",
            "Unknown kind of partner: '{value}'.",
        ),
        "rule_value_unknown": ("Valeur inconnue : « {value} ».", "Unknown value: '{value}'."),
        "rule_source_long": (
            "La source tient en {max} caractères au plus.",
            "The source holds {max} characters at most.",
        ),
        "rule_duplicate": (
            "Cet appel (ou ce financeur pour ce type d'aide) a déjà une règle pour cette "
            "catégorie de partenaire : modifiez-la plutôt.",
            "This call (or this funder for this instrument) already has a rule for this kind "
            "of partner: edit it instead.",
        ),
        "rule_missing": (
            "Cette règle de taux d'aide n'existe plus (supprimée entre-temps ?).",
            "This aid-rate rule no longer exists (deleted meanwhile?).",
        ),
    }
)
LABELS.update(
    {
        ("HistoryTable", "aid_rate_rule"): ("règle de taux d'aide", "aid-rate rule"),
        ("HistoryField", "partner_kind"): ("catégorie de partenaire", "kind of partner"),
        ("HistoryField", "max_rate_bp"): ("taux maximal", "maximum rate"),
        ("HistoryField", "base"): ("assiette", "cost base"),
        ("HistoryField", "source"): ("source", "source"),
    }
)
# -- end of aid-rate rules --
