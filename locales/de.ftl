# plexgate auf Deutsch. Gleiche IDs und Variablen wie en.ftl.

## Every page
lang-choose = Sprache
back-to-start = Zurück zum Anfang
start = Los geht's
start-again = Neu beginnen
continue = Weiter
continue-to = Weiter zu { $app }
back-to = Zurück zu { $app }
home = Startseite
sign-in-with-plex = Mit Plex anmelden
sign-out = Abmelden
open-plex = Plex öffnen
your-libraries = Deine Mediatheken

## Dates and times
month-1 = Jan.
month-2 = Feb.
month-3 = März
month-4 = Apr.
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = Aug.
month-9 = Sept.
month-10 = Okt.
month-11 = Nov.
month-12 = Dez.
date = { $day }. { $month } { $year }
date-time = { $date }, { $time } UTC
list-and = { $rest } und { $last }
rel-now = gerade eben
rel-minutes-ago =
    { $n ->
        [one] vor 1 Minute
        *[other] vor { $n } Minuten
    }
rel-hours-ago =
    { $n ->
        [one] vor 1 Stunde
        *[other] vor { $n } Stunden
    }
rel-days-ago =
    { $n ->
        [one] vor 1 Tag
        *[other] vor { $n } Tagen
    }
rel-months-ago =
    { $n ->
        [one] vor 1 Monat
        *[other] vor { $n } Monaten
    }
rel-years-ago =
    { $n ->
        [one] vor 1 Jahr
        *[other] vor { $n } Jahren
    }
rel-in-minutes =
    { $n ->
        [one] in 1 Minute
        *[other] in { $n } Minuten
    }
rel-in-hours =
    { $n ->
        [one] in 1 Stunde
        *[other] in { $n } Stunden
    }
rel-in-days =
    { $n ->
        [one] in 1 Tag
        *[other] in { $n } Tagen
    }
rel-in-months =
    { $n ->
        [one] in 1 Monat
        *[other] in { $n } Monaten
    }
rel-in-years =
    { $n ->
        [one] in 1 Jahr
        *[other] in { $n } Jahren
    }

## Welcome and invite pages
welcome-default-title = Willkommen
welcome-default-text = Melde dich mit deinem Plex-Konto an, um Zugang zu diesem Plex-Server zu bekommen.
welcome-shared-by = ein Plex-Server, geteilt von { $owner }
welcome-you-get = Du bekommst:
welcome-plex-hint = Plex bittet dich auf seiner eigenen Seite um die Anmeldung und meldet vielleicht, dass sich ein anderes Gerät anmeldet: Das ist diese Seite.
welcome-not-ready = Noch nicht bereit: Der Server wird gerade eingerichtet. Bitte schau etwas später wieder vorbei.
invite-title = Du bist eingeladen
invite-text = Du wurdest zu diesem Plex-Server eingeladen. Melde dich mit deinem Plex-Konto an, um beizutreten.
invite-unknown-title = Einladungslink nicht gefunden
invite-unknown = Diesen Einladungslink gibt es nicht. Prüfe, ob du ihn vollständig kopiert hast, oder bitte um einen neuen.
invite-expired-title = Einladungslink abgelaufen
invite-expired = Dieser Einladungslink ist abgelaufen. Bitte die Person, die ihn geschickt hat, um einen neuen.
invite-used-up-title = Einladungslink aufgebraucht
invite-used-up = Dieser Einladungslink wurde so oft benutzt, wie er erlaubt. Bitte um einen neuen.
invite-revoked-title = Einladungslink abgeschaltet
invite-revoked = Der Besitzer hat diesen Einladungslink abgeschaltet. Bitte ihn um einen neuen.
invite-off-title = Einladungslinks sind aus
invite-off = Dieser Server nimmt gerade keine Einladungslinks an. Bitte den Besitzer, dein Plex-Konto hinzuzufügen.

## Signing in
waiting-title = Fast geschafft
waiting-unconfirmed = Plex hat deine Anmeldung noch nicht bestätigt.
waiting-press-continue = Wenn du dich auf der Seite von Plex angemeldet hast, warte kurz und tippe auf Weiter.
flow-gone-title = Bitte neu versuchen
flow-gone = Diese Anmeldung ist abgelaufen oder wurde schon benutzt, daher ist nichts passiert.
flow-gone-start-again = Bitte fang noch einmal von vorn an.
flow-expired = Diese Anmeldung ist abgelaufen oder wurde schon benutzt. Bitte fang neu an.

## "You're in" and "Almost there"
joined-title = Du bist drin
almost-title = Fast geschafft
almost-being-set-up-html = Dein Zugang zu <strong>{ $server }</strong> wird gerade eingerichtet.
almost-failed = Plex hat die Freigabe nicht abgeschlossen. Der Besitzer weiß Bescheid und kümmert sich darum; du musst nichts tun.
almost-next = Wie es weitergeht
almost-email-html = Du bekommst eine E-Mail von Plex mit einer Einladung zu <strong>{ $server }</strong>. Nimm sie an (oder in der Plex-App unter Freunde und Einladungen).
almost-come-back-html = Oder komm später auf diese Seite zurück und melde dich erneut an: plexgate nimmt die Einladung dann für dich an.
joined-access-html = Du hast jetzt Zugang zu <strong>{ $server }</strong>. In drei Schritten zum Film:
joined-access-until-html = Du hast bis { $date_html } Zugang zu <strong>{ $server }</strong>. In drei Schritten zum Film:
joined-get-app = Hol dir die Plex-App
joined-devices = Für Handy, Tablet, Fernseher oder Computer:
joined-iphone = iPhone und iPad
joined-android = Android
joined-tv = Fernseher und mehr
joined-sign-in-as = Melde dich als { $name } an
joined-same-account-html = Öffne die App und melde dich mit demselben Plex-Konto an wie hier: <strong>{ $name }</strong>.
joined-find = Finde deine Mediatheken
joined-shows-up-html = In Plex erscheint <strong>{ $server }</strong> mit:
joined-open-plex-browser = Plex im Browser öffnen
signed-in-as = Mit Plex angemeldet als { $name }.
see-your-access = Deinen Zugang ansehen
onboarding-default = **Und jetzt?** Öffne Plex auf deinem Fernseher, Handy oder Computer und melde dich mit demselben Plex-Konto an. Die geteilten Mediatheken erscheinen unter dem Namen dieses Servers. Falls Plex fragt, nimm die Einladung des Besitzers an.

## /me
me-title = Dein Zugang
me-signed-in-html = Mit Plex angemeldet als <strong>{ $name }</strong>.
me-server-html = Server: <strong>{ $server }</strong>
me-status = Status: { $status }
me-ends-html = Dein Zugang endet { $relative_html }, am { $date_html }.
me-no-expiry = Dein Zugang läuft nicht ab.
me-no-access = Du hast gerade keinen Zugang zu diesem Server.
me-apps = Deine Apps
me-sign-in-first = Melde dich mit Plex an, um zu sehen, welche Mediatheken du schauen kannst.
status-sharing = wird eingerichtet
status-pending = für dich freigegeben, wartet darauf, dass du in Plex annimmst
status-accepted = aktiv
status-failed = hängt: Der Besitzer weiß Bescheid
status-removed = entfernt
signed-out-title = Du bist abgemeldet
signed-out-text = Du bist von dieser Seite abgemeldet. Plex selbst kennt dich vielleicht noch: Melde dich an einem geteilten Gerät auch bei plex.tv ab.
stale-form-title = Bitte neu versuchen
stale-form = Dieses Abmeldeformular ist veraltet. Geh zurück, lade die Seite neu und versuche es noch einmal.

## Not on the list, asking for access
not-allowed-title = Nicht auf der Liste
not-allowed-text-html = Du hast dich bei Plex als <strong>{ $name }</strong> angemeldet. Dieses Konto steht nicht auf der Liste dieses Servers, daher wurde nichts geteilt.
request-note-label = Eine Nachricht an den Besitzer (freiwillig)
request-note-placeholder = Hallo, ich bin's!
ask-for-access = Zugang anfragen
request-already = Du hast schon Zugang angefragt. Der Besitzer sieht sich deine Anfrage an.
wrong-account = Falsches Konto?
wrong-account-text = Plex merkt sich das zuletzt benutzte Konto. Für ein anderes melde dich erst bei plex.tv ab und dann hier neu an.
open-plextv-signout = plex.tv zum Abmelden öffnen
sign-in-another = Mit einem anderen Konto anmelden
ask-sign-in-first = Um den Besitzer um Zugang zu bitten, melde dich zuerst mit Plex an.
note-too-long-title = Nachricht zu lang
note-too-long = Bitte halte die Nachricht unter { $max } Zeichen und versuche es noch einmal.
request-sent-title = Anfrage gesendet
request-sent-thanks = Danke! Der Besitzer hat deine Anfrage.
request-sent-email = Wenn er zustimmt, schickt dir Plex eine Einladung per E-Mail: Nimm sie an, dann erscheinen die Mediatheken in deiner Plex-App.
request-sent-later = Nach ein, zwei Tagen noch nichts da? Komm hierher zurück und melde dich erneut an: Dann siehst du, wie es um deine Anfrage steht.
request-expired-title = Dieses Formular ist abgelaufen
request-expired = Dieses Anfrageformular wurde schon benutzt oder ist zu alt. Melde dich erneut an, um Zugang anzufragen.

## Other apps (forward auth and OpenID Connect)
app-sign-in-title = Anmelden
app-sign-in-to = Bei { $app } anmelden
app-shared = Diese App teilt der Besitzer dieses Plex-Servers. Melde dich mit deinem Plex-Konto an, um sie zu öffnen.
app-shared-named = { $app } teilt der Besitzer dieses Plex-Servers. Melde dich mit deinem Plex-Konto an, um es zu öffnen.
app-logout-html = Mit Plex angemeldet als <strong>{ $name }</strong>. Die Abmeldung schließt jede App hinter dieser Anmeldung.
app-logout-none = Du bist nicht angemeldet, es gibt also nichts abzumelden.
no-access-title = Kein Zugang
no-access = Du bist mit Plex als { $name } angemeldet, aber dieses Konto darf { $app } nicht öffnen.
no-access-named = Das Plex-Konto { $name } darf { $app } nicht öffnen.
no-access-closed = { $app } ist für alle geschlossen.
oidc-signed-in-title = Angemeldet
oidc-back-to-app = Geh zurück zur App und fang neu an.
oidc-app-gone = Diese App ist nicht mehr eingetragen.
oidc-bad-link-title = Dieser Anmeldelink ist ungültig
oidc-bad-link = Es ist nichts passiert. Sag dem Besitzer dieses Servers, welche App dich hierher geschickt hat.
oidc-unknown-client = Diese App ist bei plexgate nicht eingetragen (unbekannte client_id).
oidc-bad-redirect = { $app } wollte zu einer Adresse zurück, für die es nicht eingetragen ist (redirect_uri).
oidc-signed-out-title = Abgemeldet
oidc-signed-out = Du bist in diesem Browser von plexgate abgemeldet.
oidc-logout-unknown = Nichts geändert: Dieser Abmeldelink kam nicht von einer App, die plexgate kennt.

## Error pages
err-not-found-title = Seite nicht gefunden
err-not-found = Unter dieser Adresse gibt es nichts. Prüfe den Link, den du bekommen hast.
err-rate-title = Etwas langsamer bitte
err-rate = Zu viele Versuche aus deinem Netz. Warte eine Minute und versuche es dann noch einmal.
err-internal-title = Etwas ist schiefgegangen
err-internal = plexgate ist auf ein unerwartetes Problem gestoßen. Es wurde protokolliert; bitte versuche es in einer Minute noch einmal.
err-retry-title = In einer Minute noch einmal
err-plex-slow = Plex hat nicht rechtzeitig geantwortet, daher wurde nichts geändert. Bitte versuche es in einer Minute noch einmal.
err-disk = plexgate kann gerade nichts speichern (vielleicht ist der Speicher voll), daher wurde nichts geändert. Bitte versuche es in einer Minute noch einmal.
err-not-ready-title = Noch nicht bereit
err-not-ready = Dieser Server ist noch nicht bereit. Der Besitzer muss die Einrichtung noch abschließen. Bitte schau etwas später wieder vorbei.
err-busy-title = Viel los
err-busy = Gerade melden sich sehr viele an. Bitte versuche es in einer Minute noch einmal.
err-not-accepted-title = Nicht angenommen
err-not-found-thing-title = Nicht gefunden
err-not-possible-title = Nicht möglich
err-form-refused-title = Formular abgelehnt
err-form-refused = Dieses Formular ist veraltet oder kam nicht von dieser Seite, daher wurde nichts geändert. Geh zurück, lade die Seite neu und versuche es noch einmal.
err-too-large-title = Zu viel
err-too-large = Dieses Formular ist größer, als plexgate annimmt.
err-admins-only-title = Nur für Admins
err-admins-only = Du bist angemeldet, aber dieses Plex-Konto ist kein Admin dieses Servers. Für ein anderes Konto melde dich erst bei plex.tv ab und dann auf der Admin-Seite neu an.
err-admin-again-title = Bitte erneut anmelden
err-admin-again = Deine Admin-Sitzung ist abgelaufen (Admin-Seiten melden dich nach einer Weile ohne Klick ab).
