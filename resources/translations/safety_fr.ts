<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_dialog.py" line="53"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_dialog.py" line="146"/>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_dialog.py" line="61"/>
        <source>Backups are made every day the portfolio is opened, before every update of the application and before every large import. Restoring one first keeps the current portfolio as a backup too: nothing is lost.</source>
        <translation>Une sauvegarde est faite chaque jour d&apos;ouverture du portefeuille, avant chaque mise à jour de l&apos;application et avant chaque import important. En restaurer une garde d&apos;abord le portefeuille actuel en sauvegarde : rien n&apos;est perdu.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_dialog.py" line="68"/>
        <source>Taken on</source>
        <translation>Prise le</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_dialog.py" line="68"/>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_dialog.py" line="68"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_dialog.py" line="80"/>
        <source>Restore…</source>
        <translation>Restaurer…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_dialog.py" line="83"/>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_dialog.py" line="86"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_dialog.py" line="101"/>
        <source>A server is backed up by its administrator.</source>
        <translation>Un serveur est sauvegardé par son administrateur.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_dialog.py" line="131"/>
        <source>No backup yet.</source>
        <translation>Aucune sauvegarde pour l&apos;instant.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_dialog.py" line="148"/>
        <source>Put back the portfolio as it was on %1? The current portfolio is kept as a backup first, and the change can be undone the same way.</source>
        <translation>Remettre le portefeuille tel qu&apos;il était le %1 ? Le portefeuille actuel est d&apos;abord gardé en sauvegarde, et l&apos;opération peut être défaite de la même façon.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_dialog.py" line="165"/>
        <source>Backup saved.</source>
        <translation>Sauvegarde enregistrée.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/conflict_dialog.py" line="167"/>
        <source>Changed by someone else</source>
        <translation>Modifié par quelqu&apos;un d&apos;autre</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/conflict_dialog.py" line="174"/>
        <source>Someone saved this project after you opened it. Nothing has been overwritten: compare the two versions and choose.</source>
        <translation>Quelqu&apos;un a enregistré ce projet après que vous l&apos;avez ouvert. Rien n&apos;a été écrasé : comparez les deux versions et choisissez.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/conflict_dialog.py" line="184"/>
        <source>Last change: %1 by %2 (%3).</source>
        <translation>Dernière modification : %1 par %2 (%3).</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/conflict_dialog.py" line="191"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/conflict_dialog.py" line="191"/>
        <source>Yours (not saved)</source>
        <translation>La vôtre (non enregistrée)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/conflict_dialog.py" line="191"/>
        <source>Theirs (saved)</source>
        <translation>L&apos;autre (enregistrée)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/conflict_dialog.py" line="204"/>
        <source>(the same content, saved again)</source>
        <translation>(le même contenu, enregistré de nouveau)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/conflict_dialog.py" line="221"/>
        <source>Keep theirs and reload</source>
        <translation>Garder l&apos;autre et recharger</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/conflict_dialog.py" line="223"/>
        <source>Your changes are dropped; the form shows theirs.</source>
        <translation>Vos modifications sont abandonnées ; le formulaire affiche l&apos;autre version.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/conflict_dialog.py" line="225"/>
        <source>Overwrite with mine</source>
        <translation>Remplacer par la mienne</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/conflict_dialog.py" line="228"/>
        <source>Your version is saved over theirs; the history keeps both.</source>
        <translation>Votre version remplace l&apos;autre ; l&apos;historique garde les deux.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/conflict_dialog.py" line="230"/>
        <source>Back to the form</source>
        <translation>Revenir au formulaire</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/conflict_dialog.py" line="274"/>
        <source>Deleted elsewhere</source>
        <translation>Supprimé ailleurs</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/conflict_dialog.py" line="275"/>
        <source>Someone deleted this project after you opened it. Your changes were not saved; an undo on their side, or a backup, can bring the project back.</source>
        <translation>Quelqu&apos;un a supprimé ce projet après que vous l&apos;avez ouvert. Vos modifications n&apos;ont pas été enregistrées ; une annulation de son côté, ou une sauvegarde, peut faire revenir le projet.</translation>
    </message>
</context>
<context>
    <name>DamagedDialog</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_dialog.py" line="182"/>
        <source>Damaged portfolio</source>
        <translation>Portefeuille endommagé</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_dialog.py" line="187"/>
        <source>Restore that backup now?</source>
        <translation>Restaurer cette sauvegarde maintenant ?</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_dialog.py" line="189"/>
        <source>Restore the backup</source>
        <translation>Restaurer la sauvegarde</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_dialog.py" line="46"/>
        <source>History and imports</source>
        <translation>Historique et imports</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_dialog.py" line="53"/>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_dialog.py" line="53"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_dialog.py" line="53"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_dialog.py" line="53"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_dialog.py" line="53"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_dialog.py" line="63"/>
        <source>Undo this import…</source>
        <translation>Annuler cet import…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_dialog.py" line="72"/>
        <source>Undoing an import removes what it created and puts back what it changed, unless those records were edited since.</source>
        <translation>Annuler un import retire ce qu&apos;il a créé et remet ce qu&apos;il a modifié, sauf si ces enregistrements ont été modifiés depuis.</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_dialog.py" line="83"/>
        <source>Latest changes</source>
        <translation>Dernières modifications</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_dialog.py" line="84"/>
        <source>Imports</source>
        <translation>Imports</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_dialog.py" line="85"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_dialog.py" line="113"/>
        <source>undone %1</source>
        <translation>annulé le %1</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_dialog.py" line="121"/>
        <source>%1 created, %2 updated</source>
        <translation>%1 créé(s), %2 modifié(s)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_dialog.py" line="156"/>
        <source>Undo an import</source>
        <translation>Annuler un import</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_dialog.py" line="157"/>
        <source>Undo import no. %1 (%2)?</source>
        <translation>Annuler l&apos;import n° %1 (%2) ?</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_view.py" line="164"/>
        <source>When</source>
        <extracomment>The kinds of values shown by their label in the user&apos;s language (closed lists).</extracomment>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_view.py" line="165"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_view.py" line="166"/>
        <source>From</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_view.py" line="167"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_view.py" line="168"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_view.py" line="169"/>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_view.py" line="170"/>
        <source>After</source>
        <translation>Après</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/history_view.py" line="205"/>
        <source>All changes</source>
        <translation>Toutes les modifications</translation>
    </message>
</context>
<context>
    <name>SafetyActions</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_actions.py" line="34"/>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_actions.py" line="37"/>
        <source>Connect to a &amp;server…</source>
        <translation>Se connecter à un &amp;serveur…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_actions.py" line="40"/>
        <source>&amp;History and imports…</source>
        <translation>&amp;Historique et imports…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_actions.py" line="102"/>
        <source> (read-only)</source>
        <translation> (lecture seule)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/backup_actions.py" line="112"/>
        <source>About this portfolio</source>
        <translation>À propos de ce portefeuille</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/server_dialog.py" line="39"/>
        <source>Connect to a server</source>
        <translation>Se connecter à un serveur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/server_dialog.py" line="53"/>
        <source>Remember the password in the system keyring</source>
        <translation>Retenir le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/server_dialog.py" line="61"/>
        <source>Verify the server&apos;s certificate and name (recommended)</source>
        <translation>Vérifier le certificat et le nom du serveur (recommandé)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/server_dialog.py" line="62"/>
        <source>Encrypt without checking who answers</source>
        <translation>Chiffrer sans vérifier qui répond</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/server_dialog.py" line="63"/>
        <source>No encryption (this computer only)</source>
        <translation>Sans chiffrement (ce poste seulement)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/server_dialog.py" line="70"/>
        <source>The certificate authority file (.pem, .crt)</source>
        <translation>Le fichier de l&apos;autorité de certification (.pem, .crt)</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/server_dialog.py" line="71"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/server_dialog.py" line="83"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/server_dialog.py" line="84"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/server_dialog.py" line="85"/>
        <source>Database</source>
        <translation>Base</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/server_dialog.py" line="86"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/server_dialog.py" line="87"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/server_dialog.py" line="89"/>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/server_dialog.py" line="90"/>
        <location filename="../../src/portfolio_desktop/ui/dialogs/server_dialog.py" line="114"/>
        <source>Certificate authority</source>
        <translation>Autorité de certification</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/server_dialog.py" line="94"/>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../src/portfolio_desktop/ui/dialogs/server_dialog.py" line="116"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
</context>
</TS>
