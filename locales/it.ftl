# plexgate in italiano. Stessi identificatori e variabili di en.ftl.

## Every page
lang-choose = Lingua
back-to-start = Torna all'inizio
start = Inizia
start-again = Ricomincia
continue = Continua
continue-to = Continua su { $app }
back-to = Torna a { $app }
home = Home
sign-in-with-plex = Accedi con Plex
sign-out = Esci
open-plex = Apri Plex
your-libraries = Le tue librerie

## Dates and times
month-1 = gen
month-2 = feb
month-3 = mar
month-4 = apr
month-5 = mag
month-6 = giu
month-7 = lug
month-8 = ago
month-9 = set
month-10 = ott
month-11 = nov
month-12 = dic
date = { $day } { $month } { $year }
date-time = { $date }, { $time } UTC
list-and = { $rest } e { $last }
rel-now = proprio ora
rel-minutes-ago =
    { $n ->
        [one] 1 minuto fa
        *[other] { $n } minuti fa
    }
rel-hours-ago =
    { $n ->
        [one] 1 ora fa
        *[other] { $n } ore fa
    }
rel-days-ago =
    { $n ->
        [one] 1 giorno fa
        *[other] { $n } giorni fa
    }
rel-months-ago =
    { $n ->
        [one] 1 mese fa
        *[other] { $n } mesi fa
    }
rel-years-ago =
    { $n ->
        [one] 1 anno fa
        *[other] { $n } anni fa
    }
rel-in-minutes =
    { $n ->
        [one] tra 1 minuto
        *[other] tra { $n } minuti
    }
rel-in-hours =
    { $n ->
        [one] tra 1 ora
        *[other] tra { $n } ore
    }
rel-in-days =
    { $n ->
        [one] tra 1 giorno
        *[other] tra { $n } giorni
    }
rel-in-months =
    { $n ->
        [one] tra 1 mese
        *[other] tra { $n } mesi
    }
rel-in-years =
    { $n ->
        [one] tra 1 anno
        *[other] tra { $n } anni
    }

## Welcome and invite pages
welcome-default-title = Benvenuto
welcome-default-text = Accedi con il tuo account Plex per usare questo server Plex.
welcome-shared-by = un server Plex condiviso da { $owner }
welcome-you-get = Avrai accesso a:
welcome-plex-hint = La pagina di Plex ti chiederà di accedere e potrebbe dire che un altro dispositivo sta accedendo: è questa pagina.
welcome-not-ready = Non ancora pronto: il proprietario sta ancora configurando il server. Torna un po' più tardi.
invite-title = Sei stato invitato
invite-text = Sei stato invitato su questo server Plex. Accedi con il tuo account Plex per entrare.
invite-unknown-title = Link di invito non trovato
invite-unknown = Questo link di invito non esiste. Controlla di averlo copiato per intero o chiedine uno nuovo.
invite-expired-title = Link di invito scaduto
invite-expired = Questo link di invito è scaduto. Chiedine uno nuovo a chi te l'ha mandato.
invite-used-up-title = Link di invito esaurito
invite-used-up = Questo link di invito è stato usato tutte le volte consentite. Chiedine uno nuovo.
invite-revoked-title = Link di invito disattivato
invite-revoked = Il proprietario ha disattivato questo link di invito. Chiedigliene uno nuovo.
invite-off-title = I link di invito sono disattivati
invite-off = Questo server al momento non accetta link di invito. Chiedi al proprietario di aggiungere il tuo account Plex.

## Signing in
waiting-title = Ci siamo quasi
waiting-unconfirmed = Plex non ha ancora confermato il tuo accesso.
waiting-press-continue = Se hai effettuato l'accesso sulla pagina di Plex, attendi un attimo e premi Continua.
flow-gone-title = Riprova
flow-gone = Questo accesso è scaduto o è già stato usato, quindi non è successo nulla.
flow-gone-start-again = Ricomincia dall'inizio.
flow-expired = Questo accesso è scaduto o è già stato usato. Ricomincia.

## "You're in" and "Almost there"
joined-title = Sei dentro
almost-title = Ci siamo quasi
almost-being-set-up-html = Stiamo preparando il tuo accesso a <strong>{ $server }</strong>.
almost-failed = Plex non ha completato l'operazione. Il proprietario è stato avvisato e se ne occuperà; tu non devi fare nulla.
almost-next = Cosa succede ora
almost-email-html = Riceverai un'email da Plex con l'invito a <strong>{ $server }</strong>. Accettalo (oppure nell'app Plex, tra amici e inviti).
almost-come-back-html = Oppure torna più tardi su questa pagina e accedi di nuovo: plexgate accetterà l'invito per te.
joined-access-html = Ora hai accesso a <strong>{ $server }</strong>. Tre passi per iniziare a guardare:
joined-access-until-html = Hai accesso a <strong>{ $server }</strong> fino al { $date_html }. Tre passi per iniziare a guardare:
joined-get-app = Scarica l'app Plex
joined-devices = Su telefono, tablet, TV o computer:
joined-iphone = iPhone e iPad
joined-android = Android
joined-tv = TV e altri
joined-sign-in-as = Accedi come { $name }
joined-same-account-html = Apri l'app e accedi con lo stesso account Plex usato qui: <strong>{ $name }</strong>.
joined-find = Trova le tue librerie
joined-shows-up-html = In Plex, <strong>{ $server }</strong> compare con:
joined-open-plex-browser = Apri Plex in questo browser
signed-in-as = Accesso a Plex come { $name }.
see-your-access = Vedi il tuo accesso
onboarding-default = **E adesso?** Apri Plex su TV, telefono o computer e accedi con lo stesso account Plex. Le librerie condivise compaiono sotto il nome di questo server. Se Plex lo chiede, accetta l'invito del proprietario.

## /me
me-title = Il tuo accesso
me-signed-in-html = Accesso a Plex come <strong>{ $name }</strong>.
me-server-html = Server: <strong>{ $server }</strong>
me-status = Stato: { $status }
me-ends-html = Il tuo accesso termina { $relative_html }, il { $date_html }.
me-no-expiry = Il tuo accesso non scade.
me-no-access = Al momento non hai accesso a questo server.
me-apps = Le tue app
me-sign-in-first = Accedi con Plex per vedere quali librerie puoi guardare.
status-sharing = in preparazione
status-pending = condiviso con te, in attesa che tu accetti in Plex
status-accepted = attivo
status-failed = bloccato: il proprietario è stato avvisato
status-removed = rimosso
signed-out-title = Sei uscito
signed-out-text = Sei uscito da questo sito. Plex potrebbe ricordarti ancora: su un dispositivo condiviso, esci anche da plex.tv.
stale-form-title = Riprova
stale-form = Questo modulo di uscita non è più valido. Torna indietro, ricarica la pagina e riprova.

## Not on the list, asking for access
not-allowed-title = Non sei nella lista
not-allowed-text-html = Hai effettuato l'accesso a Plex come <strong>{ $name }</strong>. Questo account non è nella lista del server, quindi non è stato condiviso nulla.
request-note-label = Un messaggio per il proprietario (facoltativo)
request-note-placeholder = Ciao, sono io!
ask-for-access = Chiedi l'accesso
request-already = Hai già chiesto l'accesso. Il proprietario esaminerà la tua richiesta.
wrong-account = Account sbagliato?
wrong-account-text = Plex ricorda l'ultimo account usato. Per usarne un altro, esci prima da plex.tv, poi accedi di nuovo qui.
open-plextv-signout = Apri plex.tv per uscire
sign-in-another = Accedi con un altro account
ask-sign-in-first = Per chiedere l'accesso al proprietario, accedi prima con Plex.
note-too-long-title = Messaggio troppo lungo
note-too-long = Il messaggio deve avere meno di { $max } caratteri. Riprova.
request-sent-title = Richiesta inviata
request-sent-thanks = Grazie! Il proprietario ha ricevuto la tua richiesta.
request-sent-email = Se la approva, Plex ti manderà un invito via email: accettalo e le librerie compariranno nella tua app Plex.
request-sent-later = Non è arrivato nulla dopo un giorno o due? Torna qui e accedi di nuovo: questa pagina ti dirà a che punto è la richiesta.
request-expired-title = Questo modulo è scaduto
request-expired = Questo modulo di richiesta è già stato usato o è troppo vecchio. Accedi di nuovo per chiedere l'accesso.

## Other apps (forward auth and OpenID Connect)
app-sign-in-title = Accedi
app-sign-in-to = Accedi a { $app }
app-shared = Questa app è condivisa dal proprietario di questo server Plex. Accedi con il tuo account Plex per aprirla.
app-shared-named = { $app } è condivisa dal proprietario di questo server Plex. Accedi con il tuo account Plex per aprirla.
app-logout-html = Accesso a Plex come <strong>{ $name }</strong>. Uscendo chiudi tutte le app che usano questo accesso.
app-logout-none = Non hai effettuato l'accesso, quindi non c'è nulla da cui uscire.
no-access-title = Nessun accesso
no-access = Hai effettuato l'accesso a Plex come { $name }, ma questo account non può aprire { $app }.
no-access-named = L'account Plex { $name } non può aprire { $app }.
no-access-closed = { $app } è chiusa a tutti.
oidc-signed-in-title = Accesso effettuato
oidc-back-to-app = Torna all'app e ricomincia.
oidc-app-gone = Questa app non è più registrata.
oidc-bad-link-title = Questo link di accesso non è valido
oidc-bad-link = Non è successo nulla. Di' al proprietario di questo server quale app ti ha mandato qui.
oidc-unknown-client = Questa app non è registrata in plexgate (client_id sconosciuto).
oidc-bad-redirect = { $app } ha chiesto di tornare a un indirizzo per cui non è registrata (redirect_uri).
oidc-signed-out-title = Uscito
oidc-signed-out = Sei uscito da plexgate in questo browser.
oidc-logout-unknown = Nulla è cambiato: questo link di uscita non viene da un'app che plexgate conosce.

## Error pages
err-not-found-title = Pagina non trovata
err-not-found = A questo indirizzo non c'è nulla. Controlla il link che hai ricevuto.
err-rate-title = Rallenta un po'
err-rate = Troppi tentativi dalla tua rete. Aspetta un minuto e riprova.
err-internal-title = Qualcosa è andato storto
err-internal = plexgate ha avuto un problema imprevisto. È stato registrato; riprova tra un minuto.
err-retry-title = Riprova tra un minuto
err-plex-slow = Plex non ha risposto in tempo, quindi non è cambiato nulla. Riprova tra un minuto.
err-disk = plexgate al momento non riesce a salvare nulla (forse il disco è pieno), quindi non è cambiato nulla. Riprova tra un minuto.
err-not-ready-title = Non ancora pronto
err-not-ready = Questo server non è ancora pronto per la condivisione. Il proprietario deve finire la configurazione. Torna un po' più tardi.
err-busy-title = Molto traffico
err-busy = Molte persone stanno accedendo in questo momento. Riprova tra un minuto.
err-not-accepted-title = Non accettato
err-not-found-thing-title = Non trovato
err-not-possible-title = Non possibile
err-form-refused-title = Modulo rifiutato
err-form-refused = Questo modulo non è più valido o non viene da questo sito, quindi non è cambiato nulla. Torna indietro, ricarica la pagina e riprova.
err-too-large-title = Troppo grande
err-too-large = Questo modulo supera quanto plexgate accetta.
err-admins-only-title = Solo amministratori
err-admins-only = Hai effettuato l'accesso, ma questo account Plex non è amministratore del server. Per usare un altro account, esci prima da plex.tv e poi accedi di nuovo dalla pagina di amministrazione.
err-admin-again-title = Accedi di nuovo
err-admin-again = La sessione di amministrazione è terminata (le pagine di amministrazione ti disconnettono dopo un po' senza clic).
