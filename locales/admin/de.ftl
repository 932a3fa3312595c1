# plexgates deutscher Admin-Katalog: dieselben Ids und Variablen wie locales/admin/en.ftl.

## Every admin page
adm-nav = Admin-Seiten
adm-signed-in-owner = Angemeldet als { $name }, Besitzer des Servers
adm-signed-in-coadmin = Angemeldet als { $name }, Co-Admin
adm-nothing-yet = Noch nichts.
adm-reconnect = Plex neu verbinden
adm-invite-create = Einladungslink erstellen
adm-allowlist = Freigabeliste
adm-save = Speichern
adm-remove = Entfernen
adm-revoke = Widerrufen
adm-edit = Bearbeiten
adm-preview = Vorschau
adm-actions = Aktionen
adm-account = Konto
adm-libraries = Mediatheken
adm-note = Notiz
adm-name = Name
adm-title = Titel
adm-text = Text
adm-empty-no-end = (leer: kein Ende)
adm-for-you = (für dich)
adm-access-days = Zugang für wie viele Tage
adm-account-any = Plex-Konto-ID, Benutzername oder E-Mail
adm-set-in-config = (in der Konfiguration gesetzt)

## Dashboard
adm-dash-attention = Braucht deine Aufmerksamkeit
adm-dash-sharing-html = Freigegeben wird <strong>{ $server }</strong>
adm-dash-see-friends = Ansehen, was Freunde sehen
adm-dash-glance = Auf einen Blick
adm-dash-with-access = Mit Zugang
adm-dash-waiting = Warten auf Annahme
adm-dash-failed = Freigabe fehlgeschlagen
adm-dash-removal-failed = Entfernen nicht bestätigt
adm-dash-asking = Bitten um Zugang
adm-dash-invites = Einladungslinks in Gebrauch
adm-dash-held = Zurückgehaltene Entfernungen
adm-dash-held-text-html = Der Abgleich fand mehr abgelaufene Konten als <code>reconcile.max_removals</code> erlaubt und hat keines davon entfernt.
adm-dash-held-keep = Behalten (verwerfen)
adm-dash-held-remove = Alle entfernen
adm-dash-held-confirm-text = Jedes oben genannte Konto verliert jetzt den Zugang auf Plex.
adm-dash-held-confirm = Ja, alle entfernen
adm-dash-recent = Letzte Ereignisse
adm-dash-all-activity = Alle Aktivitäten

## Access
adm-acc-asking = Bitten um Zugang
adm-acc-asked = angefragt
adm-acc-approve = { $name } zulassen
adm-acc-days = Tage Zugang
adm-acc-approve-share = Zulassen und freigeben
adm-acc-decline = Ablehnen
adm-acc-decline-text = { $name } erfährt davon nichts; nichts wird freigegeben.
adm-acc-decline-confirm = Ja, { $name } ablehnen
adm-acc-add = Jemanden hinzufügen
adm-acc-add-submit = Zur Freigabeliste hinzufügen
adm-acc-access = Zugang
adm-acc-signed-in = (hat sich angemeldet)
adm-acc-not-signed-in = (noch nicht angemeldet)
adm-acc-days-from-joining =
    { $n ->
        [one] 1 Tag ab dem Beitritt
        *[other] { $n } Tage ab dem Beitritt
    }
adm-acc-no-end = ohne Ende
adm-acc-save-changes-share = Speichern ändert die Freigabe von { $name } auf Plex sofort.
adm-acc-save-entry = { $name } speichern
adm-acc-remove-text = { $name } kann nicht mehr beitreten. Bestehender Zugang bleibt, bis du ihn unter Benutzer entfernst.
adm-acc-remove-confirm = Ja, { $name } entfernen
adm-acc-nobody = Noch niemand auf der Freigabeliste.
adm-who-may-join = Wer beitreten darf
adm-acc-open-warning-html = Die Regel ist <strong>offen</strong>: Jeder, der sich mit Plex anmeldet, bekommt Zugang.
adm-acc-policy = Regel:
adm-acc-policy-in-config = (in der Konfiguration gesetzt: access.policy)
adm-policy-invite = Personen auf der Freigabeliste oder mit Einladungslink
adm-policy-allowlist = Nur Personen auf der Freigabeliste (Einladungslinks aus)
adm-policy-open = Jeder, der sich mit Plex anmeldet
adm-acc-coadmins = Co-Admins
adm-acc-coadmins-text = Co-Admins verwalten Zugang, Einladungen, Mediatheken und Benutzer; nur du verwaltest Co-Admins, Einstellungen, Schlüssel und Sicherungen.
adm-acc-coadmin-remove-text = { $name } kann die Admin-Seiten nicht mehr öffnen.
adm-acc-coadmin-remove-label = Ja, Co-Admin { $name } entfernen
adm-acc-no-coadmins = Keine Co-Admins.
adm-acc-coadmin-add = Co-Admin hinzufügen
adm-acc-coadmin-add-submit = Als Co-Admin hinzufügen

## Activity
adm-act-filter = Filtern
adm-act-account-hint = (Plex-Benutzername, E-Mail oder Konto-ID)
adm-act-kind = Was geschah
adm-act-everything = Alles
adm-act-show = Anzeigen
adm-act-show-all = Alles anzeigen
adm-act-older = Ältere

## Apps
adm-apps-fa = Apps mit Forward-Auth
adm-apps-app = App
adm-apps-who-open = Wer sie öffnen darf
adm-apps-signin = Anmeldung
adm-apps-bypass = Ohne Anmeldung offen:
adm-apps-bypass-hint = Nur für Pfade, die die App selbst schützt (ihr API-Schlüssel).
adm-apps-no-bypass = Nichts: Jeder Pfad braucht eine Anmeldung.
adm-apps-fa-none = Noch keine (sso.enabled, [[sso.apps]] oder PUT /api/v1/apps).
adm-apps-oidc = Apps, die sich mit Plex anmelden (OpenID Connect)
adm-apps-oidc-off = Ausgeschaltet: Setze oidc.enabled = true, um sie zu bedienen.
adm-apps-secret-new = Das neue Client-Geheimnis
adm-apps-secret-once = Kopiere es jetzt in die Einstellungen der App: Es wird nur dieses eine Mal gezeigt und gehasht gespeichert.
adm-apps-secret-label = Das Geheimnis (zum Kopieren markieren)
adm-apps-secret-copy = Geheimnis kopieren
adm-apps-add = App hinzufügen
adm-apps-client-id = Client-ID
adm-apps-redirects = Weiterleitungs-URIs
adm-apps-redirects-hint = (eine pro Zeile, exakt)
adm-apps-who-signin = Wer sich anmelden darf
adm-apps-allow-friends = Freunde
adm-apps-allow-admins = Admins
adm-apps-allow-owner = Besitzer
adm-apps-allow-deny = niemand
adm-apps-users = Zusätzlich diese Konten
adm-apps-users-hint = (Benutzernamen, E-Mails oder IDs, durch Kommas getrennt)
adm-apps-public = Öffentlicher Client (Mobil- oder Single-Page-App: kein Geheimnis, PKCE nötig)
adm-apps-add-submit = App hinzufügen
adm-apps-client-id-is = Client-ID { $client }
adm-apps-secret-renew = Neues Geheimnis
adm-apps-secret-renew-text = Das alte Geheimnis funktioniert nicht mehr: { $name } braucht das neue in seinen Einstellungen.
adm-apps-secret-renew-label = Ja, ein neues Geheimnis für { $name }
adm-apps-secret-renew-confirm = Ja, neues Geheimnis erzeugen
adm-apps-remove-text = { $name } kann niemanden mehr mit Plex anmelden.
adm-apps-none = Noch keine Apps.

## Invites
adm-inv-turned-off-html = Die Regel ist <strong>Freigabeliste</strong>: Einladungslinks sind ausgeschaltet und sagen das jedem, der einen öffnet.
adm-inv-new = Dein neuer Einladungslink
adm-inv-new-once = Kopiere ihn jetzt und schick ihn deinem Freund: Er wird nur dieses eine Mal gezeigt.
adm-inv-new-label = Der Link (zum Kopieren markieren)
adm-inv-copy = Link kopieren
adm-inv-links = Einladungslinks
adm-inv-default = Standardmäßig funktioniert ein Link einmal und 7 Tage lang.
adm-inv-max-uses = Wie viele Personen ihn nutzen dürfen
adm-inv-no-limit-hint = (leer: unbegrenzt)
adm-inv-expires-days = Link läuft ab nach Tagen
adm-inv-never-hint = (leer: nie)
adm-inv-create-submit = Einladungslink erstellen
adm-inv-link = Link
adm-inv-state = Zustand
adm-inv-uses = Nutzungen
adm-inv-expires = Ablauf
adm-inv-used-by = Genutzt von
adm-inv-name = Einladung { $n }
adm-inv-state-active = aktiv
adm-inv-state-revoked = widerrufen
adm-inv-state-expired = abgelaufen
adm-inv-state-used-up = aufgebraucht
adm-inv-used = { $n }-mal genutzt
adm-inv-left = noch { $n }
adm-inv-no-limit = unbegrenzt
adm-inv-expired-when = abgelaufen
adm-inv-expires-when = läuft ab
adm-inv-never-expires = läuft nie ab
adm-inv-access-for =
    { $n ->
        [one] Zugang für 1 Tag
        *[other] Zugang für { $n } Tage
    }
adm-inv-used-by-list = Genutzt von: { $names }
adm-inv-nobody-yet = noch niemand
adm-revoke-confirm = Ja, widerrufen
adm-inv-revoke-text = Mit diesem Link kann niemand mehr beitreten.
adm-inv-revoke-label = Ja, Einladung { $n } widerrufen
adm-inv-none = Noch keine Einladungslinks.

## Libraries
adm-lib-default-set = Die Standardauswahl: was ein neuer Freund bekommt, wenn nichts anderes festgelegt ist
adm-lib-none = Keine Mediatheken gelistet.
adm-lib-fixed = In der Konfiguration gesetzt (access.libraries), die Vorrang hat: Ändere es dort.
adm-lib-save = Standard-Mediatheken speichern
adm-lib-downloads = Downloads für neue Freigaben:
adm-lib-allowed = erlaubt
adm-lib-not-allowed = nicht erlaubt
adm-lib-in-config = in der Konfiguration gesetzt
adm-lib-built-in = eingebauter Standard
adm-lib-refresh = Von plex.tv neu laden
adm-lib-none-ticked = (nichts angekreuzt: die Standardauswahl)
adm-flags = Auf der Freigabe
adm-flags-hint = (angekreuzt wie in deinen Einstellungen)
adm-flag-downloads = Downloads
adm-flag-live-tv = Live-TV
adm-flag-camera = Kamera-Upload

## Settings
adm-set-welcome = Willkommensseite
adm-set-see-welcome = Willkommensseite so ansehen wie Freunde
adm-set-save-welcome = Willkommensseite speichern
adm-set-joined-page = Seite „Du bist drin“
adm-set-markdown = Was Freunde nach dem Beitritt sehen (Markdown)
adm-set-langs = In den Sprachen deiner Freunde
adm-set-langs-text = Freunde lesen plexgate in der Sprache ihres Browsers. Deine Texte oben erscheinen so, wie du sie geschrieben hast; eine Fassung hier ersetzt sie für Freunde, die diese Sprache lesen (ein leeres Feld behält deinen Haupttext).
adm-set-keys = API-Schlüssel
adm-set-key-new = Dein neuer API-Schlüssel. Kopiere ihn jetzt: Er wird nur dieses eine Mal gezeigt.
adm-set-key-label = Der Schlüssel (zum Kopieren markieren)
adm-set-key-copy = Schlüssel kopieren
adm-set-created = Erstellt
adm-set-last-used = Zuletzt benutzt
adm-set-created-when = erstellt
adm-set-last-used-when = zuletzt benutzt
adm-set-never-used = nie benutzt
adm-set-key-revoke-text = Was diesen Schlüssel nutzt, funktioniert dann nicht mehr.
adm-set-key-revoke-label = Ja, Schlüssel { $name } widerrufen
adm-set-no-keys = Keine API-Schlüssel.
adm-set-key-create = API-Schlüssel erstellen
adm-set-key-name-hint = (was ihn nutzt)
adm-set-key-create-submit = API-Schlüssel erstellen
adm-set-backups = Sicherungen
adm-set-backup-now = Jetzt sichern
adm-set-backup-from = Sicherung von
adm-set-no-backups = Noch keine Sicherungen.
adm-set-backup-key-html = Zum Wiederherstellen der gespeicherten Plex-Anmeldung braucht eine Sicherung die Schlüsseldatei (<code>plexgate.key</code>); bewahre beide sicher auf.
adm-set-notifications = Benachrichtigungen
adm-set-notify-test = Test senden
adm-set-notify-none = Keine. Setze notify.webhook_url, notify.discord_url oder notify.ntfy_url in der Konfiguration.
adm-set-config = Aus der Konfiguration (nur lesbar)

## Users
adm-users-everyone-history = Alle, mit Verlauf
adm-users-everyone = Alle mit Zugang
adm-users-invite = Jemanden einladen
adm-users-invite-text = Plex schickt eine Einladung per E-Mail; angenommen wird sie in Plex.
adm-users-account = Plex-Benutzername oder E-Mail
adm-users-invite-submit = Einladen
adm-users-only-access = Nur wer Zugang hat
adm-users-show-history = Verlauf zeigen
adm-users-show-history-removed = Verlauf zeigen ({ $n } entfernt)
adm-users-status = Status
adm-users-joined = Beigetreten
adm-users-outside = außerhalb von plexgate freigegeben
adm-users-before = vor plexgate
adm-users-manage = { $name } verwalten
adm-users-change-libraries = Mediatheken von { $name } ändern
adm-users-ends = Zugang endet
adm-users-no-end = Der Zugang hat kein Ende.
adm-users-extend-days = Um Tage verlängern
adm-users-extend = Verlängern
adm-users-clear-end = Enddatum entfernen
adm-users-end-sessions = Sitzungen beenden
adm-users-end-sessions-text = Meldet { $name } von plexgate und jeder App dahinter ab; der Zugang zu Plex bleibt.
adm-users-end-sessions-confirm = Ja, Sitzungen von { $name } beenden
adm-users-remove = Zugang entfernen
adm-users-remove-text = { $name } verliert jetzt { $libraries } auf Plex.
adm-users-remove-confirm = Ja, Zugang von { $name } entfernen
adm-users-nobody = Noch hat niemand Zugang. Erstelle einen Einladungslink oder füge jemanden zur Freigabeliste hinzu.
adm-users-remove-several = Mehrere entfernen…
adm-users-accounts = Konten
adm-users-remove-yes = Ja, Zugang entfernen
adm-users-remove-mass = Ja, alle entfernen, auch mehr als { $n }
adm-users-remove-chosen = Ausgewählte entfernen

## Setup
adm-setup-step1 = Schritt 1 von 3: Melde dich mit dem Plex-Konto an, dem dein Plex-Server gehört. plexgate behält diese Anmeldung (verschlüsselt), um deine Mediatheken freizugeben, und zeigt sie nie wieder.
adm-setup-connect = Dein Plex-Konto verbinden
adm-setup-config-html = Lieber eine Konfigurationsdatei? Setze <code>PLEXGATE_PLEX_TOKEN</code>, <code>PLEXGATE_PLEX_SERVER</code> und <code>PLEXGATE_ACCESS_LIBRARIES</code> und starte neu; das README erklärt wie.
adm-setup-step2 = Schritt 2 von 3: Welchen Plex-Server möchtest du freigeben?
adm-setup-servers = Deine Server
adm-setup-no-server = Diesem Plex-Konto gehört kein Server, den plexgate freigeben kann.
adm-setup-use-server = Diesen Server nutzen
adm-setup-step3-html = Schritt 3 von 3: Was bekommen Freunde auf <strong>{ $server }</strong>, und wer darf beitreten?
adm-setup-libraries = Mediatheken für neue Freunde
adm-setup-no-libraries = plex.tv hat für diesen Server keine Mediatheken gelistet. Versuche es in einer Minute noch einmal.
adm-setup-libraries-fixed = In der Konfiguration gesetzt (access.libraries).
adm-setup-policy-invite = Personen auf deiner Freigabeliste oder mit Einladungslink
adm-setup-policy-allowlist = Nur Personen auf deiner Freigabeliste
adm-setup-finish = Einrichtung abschließen
adm-setup-title = plexgate einrichten
adm-setup-server-title = Wähle deinen Server
adm-setup-libraries-title = Mediatheken und Regel
adm-setup-already = Schon eingerichtet
adm-setup-already-text = Dieses plexgate hat schon einen Besitzer. Melde dich stattdessen über die Admin-Seite an.
adm-setup-code-needed = Einrichtungscode nötig
adm-setup-code-needed-text = Diese Seite braucht den einmaligen Einrichtungslink, den plexgate beim Start ausgegeben hat.
adm-setup-not-owner = Nicht der Besitzer
adm-setup-not-owner-text = Dieses plexgate hat schon einen Besitzer, und das ist ein anderes Plex-Konto. Nichts wurde geändert.
adm-setup-choose-server = Wähle einen Server.
adm-setup-choose-library = Wähle mindestens eine Mediathek: Freunde bekommen die angekreuzten

## Activity: one sentence per event ($actor did it, to $who; $libs are library titles)
adm-ev-someone = jemand
adm-ev-account = Konto { $id }
adm-ev-gone-library = eine Mediathek, die nicht mehr auf dem Server ist
adm-ev-the-libraries = die Mediatheken
adm-ev-share-not-yet = Freigabe für { $who } hat noch nicht geklappt ({ $outcome })
adm-ev-share = plexgate hat { $libs } für { $who } freigegeben
adm-ev-accept = { $who } hat angenommen
adm-ev-adopt = plexgate verwaltet jetzt die Freigabe von { $who }
adm-ev-signin = { $actor } hat sich angemeldet ({ $outcome })
adm-ev-request = { $who } hat um Zugang gebeten
adm-ev-request-approve = { $actor } hat die Anfrage von { $who } zugelassen
adm-ev-request-decline = { $actor } hat die Anfrage von { $who } abgelehnt
adm-ev-allowlist-add = { $actor } hat jemanden zur Freigabeliste hinzugefügt
adm-ev-allowlist-edit = { $actor } hat einen Eintrag der Freigabeliste geändert
adm-ev-allowlist-remove = { $actor } hat jemanden von der Freigabeliste entfernt
adm-ev-invite-create = { $actor } hat einen Einladungslink erstellt
adm-ev-invite-revoke = { $actor } hat einen Einladungslink widerrufen
adm-ev-user-update = { $actor } hat den Zugang von { $who } geändert
adm-ev-remove = { $actor } hat den Zugang von { $who } entfernt ({ $outcome })
adm-ev-expired = Der Zugang von { $who } ist abgelaufen ({ $outcome })
adm-ev-grant-failed = Freigabe für { $who } ist fehlgeschlagen
adm-ev-admin-add = { $actor } hat einen Co-Admin hinzugefügt
adm-ev-admin-remove = { $actor } hat einen Co-Admin entfernt
adm-ev-policy-set = { $actor } hat geändert, wer beitreten darf
adm-ev-libraries-set = { $actor } hat die Standard-Mediatheken geändert
adm-ev-settings-set = { $actor } hat die Einstellungen geändert
adm-ev-setup-server = { $actor } hat den freizugebenden Server gewählt
adm-ev-key-create = { $actor } hat einen API-Schlüssel erstellt
adm-ev-key-revoke = { $actor } hat einen API-Schlüssel widerrufen
adm-ev-sessions-ended = { $actor } hat die Sitzungen von { $who } beendet
adm-ev-owner-token = Die Plex-Verbindung des Besitzers: { $outcome }
adm-ev-app-signin = { $actor } hat sich bei einer App angemeldet
adm-ev-app-denied = Die Regel einer App hat { $actor } abgewiesen
adm-ev-app-logout = { $actor } hat sich von den Apps abgemeldet
adm-ev-sso-untrusted-peer = Ein Proxy, dem plexgate nicht vertraut, wurde abgewiesen
adm-ev-oidc-token-reuse = Ein bereits benutzter Anmeldecode kam zurück und wurde abgewiesen
adm-ev-oidc-client-changed = { $actor } hat die Apps geändert, die sich mit Plex anmelden
adm-ev-reconcile = Der Abgleich hat die Freigaben geprüft ({ $outcome })
adm-ev-other = { $actor }: { $kind } ({ $outcome })
adm-outcome-ok = ok
adm-outcome-failed = fehlgeschlagen
adm-outcome-error = Fehler
adm-outcome-errors = Fehler
adm-outcome-retry = neuer Versuch
adm-outcome-shared = freigegeben
adm-outcome-removed = entfernt
adm-outcome-refused = abgewiesen
adm-outcome-denied = verweigert
adm-outcome-invalid = ungültig
adm-outcome-declined = abgelehnt
adm-outcome-joined = beigetreten
adm-outcome-changed = geändert
adm-outcome-admin = Admin
adm-outcome-setting-up = wird eingerichtet
adm-outcome-already-in = schon drin
adm-outcome-not-allowed = nicht zugelassen
adm-outcome-not-admin = kein Admin
adm-outcome-invite-refused = Einladung abgewiesen
adm-outcome-not-configured = nicht eingerichtet
adm-outcome-unavailable = nicht erreichbar
adm-kind-signin = Anmeldungen
adm-kind-share = Freigaben
adm-kind-accept = Angenommene Freigaben
adm-kind-request = Zugangsanfragen
adm-kind-request_approve = Zugelassene Anfragen
adm-kind-request_decline = Abgelehnte Anfragen
adm-kind-allowlist_add = Zur Freigabeliste hinzugefügt
adm-kind-allowlist_edit = Freigabeliste geändert
adm-kind-allowlist_remove = Von der Freigabeliste entfernt
adm-kind-invite_create = Neue Einladungslinks
adm-kind-invite_revoke = Widerrufene Einladungslinks
adm-kind-user_update = Zugangsänderungen
adm-kind-remove = Entfernter Zugang
adm-kind-expired = Abgelaufener Zugang
adm-kind-grant_failed = Fehlgeschlagene Freigaben
adm-kind-admin_add = Hinzugefügte Co-Admins
adm-kind-admin_remove = Entfernte Co-Admins
adm-kind-policy_set = Regeländerungen
adm-kind-libraries_set = Änderungen der Standard-Mediatheken
adm-kind-settings_set = Änderungen der Einstellungen
adm-kind-key_create = Neue API-Schlüssel
adm-kind-key_revoke = Widerrufene API-Schlüssel
adm-kind-sessions_ended = Beendete Sitzungen
adm-kind-owner_token = Plex-Verbindung des Besitzers
adm-kind-reconcile = Abgleichläufe
adm-kind-notify = Benachrichtigungen

## Written by the handlers: tabs and page titles
adm-tab-dashboard = Übersicht
adm-tab-access = Zugang
adm-tab-invites = Einladungen
adm-tab-libraries = Mediatheken
adm-tab-users = Benutzer
adm-tab-activity = Aktivität
adm-tab-apps = Apps
adm-tab-settings = Einstellungen

## Notices after a change
adm-done-allow-added = Zur Freigabeliste hinzugefügt.
adm-done-allow-edited = Eintrag gespeichert. Er gilt, wenn sie sich anmelden.
adm-done-allow-edited-shared = Eintrag gespeichert. Ihre Freigabe auf Plex hat jetzt diese Mediatheken und dieses Enddatum.
adm-done-allow-removed = Von der Freigabeliste entfernt.
adm-done-policy = Zugangsregel gespeichert.
adm-done-admin-added = Co-Admin hinzugefügt.
adm-done-admin-removed = Co-Admin entfernt.
adm-done-approved = Anfrage zugelassen: Der Zugang wird freigegeben.
adm-done-declined = Anfrage abgelehnt.
adm-done-revoked = Einladungslink widerrufen.
adm-done-libraries = Standard-Mediatheken gespeichert.
adm-done-refreshed = Mediathekenliste von plex.tv neu geladen.
adm-done-user-changed = Zugang geändert.
adm-done-user-removed = Zugang entfernt.
adm-done-invited = Einladung verschickt.
adm-done-sessions-ended = Sitzungen beendet: Jede App bittet dieses Konto, sich neu anzumelden.
adm-done-settings = Einstellungen gespeichert.
adm-done-key-revoked = API-Schlüssel widerrufen.
adm-done-key-created = API-Schlüssel erstellt.
adm-done-invite-created = Einladungslink erstellt.
adm-done-preview = Vorschau unten; gespeichert wird erst, wenn du auf Speichern drückst.
adm-done-notify-test-1 = Test für deinen Benachrichtigungskanal eingereiht.
adm-done-notify-test-2 = Test für beide Benachrichtigungskanäle eingereiht.
adm-done-notify-test-3 = Test für alle drei Benachrichtigungskanäle eingereiht.
adm-done-notify-none = Keine Kanäle eingerichtet: Setze notify.webhook_url, notify.discord_url oder notify.ntfy_url.
adm-done-backup = Sicherung erstellt.
adm-done-app-secret = App gespeichert. Ihr Client-Geheimnis steht unten und wird nur dieses eine Mal gezeigt.
adm-done-app-saved = Apps gespeichert.
adm-done-app-removed = App entfernt; ihre Tokens funktionieren bei der nächsten Nutzung nicht mehr.
adm-done-held = Zurückgehaltene Entfernungen erledigt.
adm-done-setup = plexgate ist eingerichtet. Willkommen auf den Admin-Seiten.

## Refusals and errors
adm-owner-only = Nur für den Besitzer
adm-owner-only-text = Nur der Besitzer des Servers kann diese Seite nutzen. Co-Admins verwalten Zugang, Einladungen, Mediatheken und Benutzer.
adm-back-dashboard = Zurück zur Übersicht
adm-back = Zurück
adm-plex-unexpected = plex.tv hat nicht wie erwartet geantwortet, also wurde nichts geändert.
adm-plex-unexpected-retry = plex.tv hat nicht wie erwartet geantwortet, also wurde nichts geändert. Versuche es in einer Minute noch einmal.
adm-library-not-here = Eine der gewählten Mediatheken ist nicht auf diesem Server
adm-days-whole = Die Tage Zugang müssen eine ganze Zahl sein, oder leer für kein Ende
adm-signin-title = Admin-Anmeldung
adm-signin-text = Die Admin-Seiten sind für den Besitzer des Servers und die Co-Admins. Melde dich mit deinem Plex-Konto an.
adm-signin-reconnect-text = plexgate hat die Verbindung zum Plex-Konto des Besitzers verloren. Der Besitzer meldet sich noch einmal mit Plex an, um neu zu verbinden; kein anderes Konto kann das.
adm-backup-not-found-title = Nicht gefunden
adm-backup-not-found = Diese Sicherung gibt es nicht.

## Dashboard: the Plex connection and what needs attention
adm-conn-ready = Mit plex.tv verbunden als { $name }
adm-conn-none = Noch kein Plex-Konto verbunden
adm-conn-resolving = Verbinde mit plex.tv…
adm-conn-unreachable = plex.tv ist noch nicht erreichbar: { $error }
adm-conn-token-invalid = plex.tv akzeptiert die Anmeldung des Besitzers nicht mehr: Plex neu verbinden
adm-conn-needs-reconnect = Diese Installation kann die gespeicherte Plex-Anmeldung nicht lesen (aus einer anderen Installation wiederhergestellt): Plex neu verbinden
adm-conn-misconfigured = Braucht deine Aufmerksamkeit: { $problem }
adm-att-setup-server = Die Einrichtung ist nicht fertig: Freunde sehen „noch nicht bereit“, bis du deinen Server und die Mediatheken wählst.
adm-att-setup-libraries = Die Einrichtung ist nicht fertig: Freunde sehen „noch nicht bereit“, bis du die Mediatheken wählst, die sie bekommen.
adm-att-no-libraries = Noch sind keine Mediatheken gewählt: Freunde sehen „noch nicht bereit“, bis jemand das tut.
adm-att-choose-libraries = Mediatheken wählen
adm-att-open = Die Zugangsregel ist offen: Jeder, der sich mit Plex anmeldet, bekommt Zugang.
adm-att-change-policy = Ändern, wer beitreten darf
adm-att-public-url = server.public_url ist noch der Standard http://localhost:8080: Plex schickt Freunde nach der Anmeldung dorthin zurück. Setze die Adresse, die deine Freunde benutzen.
adm-att-see-settings = Zu den Einstellungen
adm-att-failed =
    { $n ->
        [one] 1 Freigabe ist fehlgeschlagen und braucht dich.
        *[other] { $n } Freigaben sind fehlgeschlagen und brauchen dich.
    }
adm-att-open-users = Benutzer öffnen
adm-att-removal-failed =
    { $n ->
        [one] 1 Entfernung von plex.tv nicht bestätigt: Der Zugang könnte noch bestehen. plexgate versucht es weiter.
        *[other] { $n } Entfernungen von plex.tv nicht bestätigt: Der Zugang könnte noch bestehen. plexgate versucht es weiter.
    }
adm-att-requests =
    { $n ->
        [one] 1 Zugangsanfrage wartet auf dich.
        *[other] { $n } Zugangsanfragen warten auf dich.
    }
adm-att-answer = Anfragen beantworten
adm-att-held =
    { $n ->
        [one] 1 Entfernung wartet auf deine Bestätigung.
        *[other] { $n } Entfernungen warten auf deine Bestätigung.
    }
adm-att-review = Ansehen

## Access, apps, invites, libraries, settings, users: handler words
adm-acc-default-set = Standardauswahl
adm-acc-policy-fixed-error = Die Zugangsregel ist in der Konfiguration gesetzt (access.policy / PLEXGATE_ACCESS_POLICY), die Vorrang hat: Ändere sie dort
adm-acc-choose-policy = Wähle, wer beitreten darf: invite, allowlist oder open
adm-acc-share-not-changed = Der Eintrag ist gespeichert, aber die Freigabe von { $name } konnte noch nicht geändert werden: { $reason }
adm-apps-from-config = aus config.toml
adm-apps-set-with-api = gesetzt mit PUT /api/v1/apps
adm-apps-added-here = hier hinzugefügt
adm-apps-kind-public = öffentlich
adm-apps-kind-confidential = vertraulich
adm-apps-rule-deny = Niemand
adm-apps-rule-owner = Nur du
adm-apps-rule-admins = Du und deine Co-Admins
adm-apps-rule-friends = Admins und alle mit Zugang
adm-apps-rule-friends-to = Admins und alle mit Zugang zu { $libraries }
adm-apps-or = oder
adm-apps-rule-and-users = { $rule }, und { $users }
adm-apps-bad-id = Nutze 1 bis 64 Buchstaben, Ziffern, Punkte, Bindestriche oder Unterstriche, zum Beispiel immich.
adm-apps-id-taken = { $id } ist schon auf deiner Liste: Entferne es zuerst oder wähle eine andere ID.
adm-apps-no-redirect = Füge die Adresse hinzu, die die App registriert haben möchte (ihre Weiterleitungs-URI).
adm-apps-bad-redirect = { $uri } ist keine vollständige Adresse: Schreib sie so, wie die App sie zeigt, zum Beispiel https://photos.example.com/auth/login (ohne * und ohne #).
adm-inv-whole-uses = Die Anzahl der Nutzungen muss eine ganze Zahl sein, oder leer
adm-inv-whole-expires = Die Tage bis zum Ablauf des Links müssen eine ganze Zahl sein, oder leer
adm-inv-whole-access = Die Tage Zugang müssen eine ganze Zahl sein, oder leer
adm-lib-empty-refresh = plex.tv hat keine Mediatheken geliefert oder nicht geantwortet, also wurde nichts geändert. Versuche es später noch einmal.
adm-lib-read-failed = Die Mediathekenliste konnte nicht von plex.tv gelesen werden: { $error }
adm-lib-unlisted-title = Mediathek { $id }
adm-lib-unlisted = gerade nicht von plex.tv gelistet
adm-set-libraries-page = auf der Seite Mediatheken gewählt
adm-set-entries =
    { $n ->
        [one] 1 Eintrag
        *[other] { $n } Einträge
    }
adm-set-source-config = Konfigurationsdatei oder PLEXGATE_*-Umgebung
adm-users-them = sie
adm-users-removal-unconfirmed = Entfernen von Plex noch nicht bestätigt: Zugang besteht vielleicht noch
adm-users-st-sharing = wird freigegeben: plexgate versucht es weiter
adm-users-st-pending = wartet, bis { $name } annimmt
adm-users-st-pending-until = wartet, bis { $name } annimmt, bis { $date }
adm-users-st-active = aktiv
adm-users-st-active-until = aktiv bis { $date }
adm-users-st-failed = Freigabe fehlgeschlagen: braucht dich
adm-users-st-removed = Zugang entfernt
adm-users-choose-library = Wähle mindestens eine Mediathek (um den Zugang zu beenden, nutze Zugang entfernen)
adm-users-days-type = Gib ein, wie viele Tage dazukommen (1 bis 3650)
adm-users-days-whole = Die zusätzlichen Tage müssen eine ganze Zahl von 1 bis 3650 sein
adm-users-unknown = Dieses Konto ist hier nicht bekannt
adm-users-choose-whom = Wähle, wessen Zugang entfernt wird
adm-users-tick-confirm = Kreuze „Ja, Zugang entfernen“ zur Bestätigung an
adm-users-mass = Du hast { $n } Konten gewählt, mehr als reconcile.max_removals ({ $max }). Nichts wurde entfernt. Kreuze auch „Ja, alle entfernen“ an.
