# plexgate på svenska. Samma id:n och variabler som en.ftl.

## Every page
lang-choose = Språk
back-to-start = Tillbaka till start
start = Börja
start-again = Börja om
continue = Fortsätt
continue-to = Fortsätt till { $app }
back-to = Tillbaka till { $app }
home = Start
sign-in-with-plex = Logga in med Plex
sign-out = Logga ut
open-plex = Öppna Plex
your-libraries = Dina bibliotek

## Dates and times
month-1 = jan.
month-2 = feb.
month-3 = mars
month-4 = apr.
month-5 = maj
month-6 = juni
month-7 = juli
month-8 = aug.
month-9 = sep.
month-10 = okt.
month-11 = nov.
month-12 = dec.
date = { $day } { $month } { $year }
date-time = { $date } { $time } UTC
list-and = { $rest } och { $last }
rel-now = alldeles nyss
rel-minutes-ago =
    { $n ->
        [one] för 1 minut sedan
        *[other] för { $n } minuter sedan
    }
rel-hours-ago =
    { $n ->
        [one] för 1 timme sedan
        *[other] för { $n } timmar sedan
    }
rel-days-ago =
    { $n ->
        [one] för 1 dag sedan
        *[other] för { $n } dagar sedan
    }
rel-months-ago =
    { $n ->
        [one] för 1 månad sedan
        *[other] för { $n } månader sedan
    }
rel-years-ago =
    { $n ->
        [one] för 1 år sedan
        *[other] för { $n } år sedan
    }
rel-in-minutes =
    { $n ->
        [one] om 1 minut
        *[other] om { $n } minuter
    }
rel-in-hours =
    { $n ->
        [one] om 1 timme
        *[other] om { $n } timmar
    }
rel-in-days =
    { $n ->
        [one] om 1 dag
        *[other] om { $n } dagar
    }
rel-in-months =
    { $n ->
        [one] om 1 månad
        *[other] om { $n } månader
    }
rel-in-years =
    { $n ->
        [one] om 1 år
        *[other] om { $n } år
    }

## Welcome and invite pages
welcome-default-title = Välkommen
welcome-default-text = Logga in med ditt Plex-konto för att få tillgång till den här Plex-servern.
welcome-shared-by = en Plex-server som delas av { $owner }
welcome-you-get = Du får:
welcome-plex-hint = Plex egen sida ber dig logga in och kan säga att en annan enhet loggar in: det är den här sidan.
welcome-not-ready = Inte klart än: ägaren håller fortfarande på att ställa in servern. Kom tillbaka lite senare.
invite-title = Du är inbjuden
invite-text = Du har blivit inbjuden till den här Plex-servern. Logga in med ditt Plex-konto för att gå med.
invite-unknown-title = Inbjudningslänken hittades inte
invite-unknown = Den här inbjudningslänken finns inte. Kontrollera att du kopierade hela, eller be om en ny.
invite-expired-title = Inbjudningslänken har gått ut
invite-expired = Den här inbjudningslänken har gått ut. Be den som skickade den om en ny.
invite-used-up-title = Inbjudningslänken är förbrukad
invite-used-up = Den här inbjudningslänken har använts så många gånger som den tillåter. Be om en ny.
invite-revoked-title = Inbjudningslänken är avstängd
invite-revoked = Ägaren har stängt av den här inbjudningslänken. Be om en ny.
invite-off-title = Inbjudningslänkar är avstängda
invite-off = Den här servern tar inte emot inbjudningslänkar just nu. Be ägaren att lägga till ditt Plex-konto.

## Signing in
waiting-title = Nästan klart
waiting-unconfirmed = Plex har inte bekräftat din inloggning än.
waiting-press-continue = Om du loggade in på Plex sida, vänta en stund och tryck på Fortsätt.
flow-gone-title = Försök igen
flow-gone = Den här inloggningen har gått ut eller redan använts, så inget hände.
flow-gone-start-again = Börja om från början.
flow-expired = Den här inloggningen har gått ut eller redan använts. Börja om.

## "You're in" and "Almost there"
joined-title = Du är med
almost-title = Nästan klart
almost-being-set-up-html = Din åtkomst till <strong>{ $server }</strong> håller på att ställas in.
almost-failed = Plex blev inte klart. Ägaren vet om det och ordnar det; du behöver inte göra något.
almost-next = Så här går det till
almost-email-html = Du får ett mejl från Plex med en inbjudan till <strong>{ $server }</strong>. Acceptera den (eller i Plex-appen under vänner och inbjudningar).
almost-come-back-html = Eller kom tillbaka hit senare och logga in igen: då accepterar plexgate inbjudan åt dig.
joined-access-html = Nu har du åtkomst till <strong>{ $server }</strong>. Tre steg till att titta:
joined-access-until-html = Du har åtkomst till <strong>{ $server }</strong> till och med { $date_html }. Tre steg till att titta:
joined-get-app = Skaffa Plex-appen
joined-devices = På mobil, surfplatta, tv eller dator:
joined-iphone = iPhone och iPad
joined-android = Android
joined-tv = Tv och annat
joined-sign-in-as = Logga in som { $name }
joined-same-account-html = Öppna appen och logga in med samma Plex-konto som här: <strong>{ $name }</strong>.
joined-find = Hitta dina bibliotek
joined-shows-up-html = I Plex visas <strong>{ $server }</strong> med:
joined-open-plex-browser = Öppna Plex i den här webbläsaren
signed-in-as = Inloggad i Plex som { $name }.
see-your-access = Se din åtkomst
onboarding-default = **Vad nu?** Öppna Plex på tv:n, mobilen eller datorn och logga in med samma Plex-konto. De delade biblioteken visas under den här serverns namn. Om Plex frågar, acceptera ägarens inbjudan.

## /me
me-title = Din åtkomst
me-signed-in-html = Inloggad i Plex som <strong>{ $name }</strong>.
me-server-html = Server: <strong>{ $server }</strong>
me-status = Status: { $status }
me-ends-html = Din åtkomst upphör { $relative_html }, den { $date_html }.
me-no-expiry = Din åtkomst upphör inte.
me-no-access = Du har ingen åtkomst till den här servern just nu.
me-apps = Dina appar
me-sign-in-first = Logga in med Plex för att se vilka bibliotek du kan titta på.
status-sharing = ställs in
status-pending = delad med dig, väntar på att du accepterar i Plex
status-accepted = aktiv
status-failed = fastnat: ägaren vet om det
status-removed = borttagen
signed-out-title = Du är utloggad
signed-out-text = Du är utloggad från den här webbplatsen. Plex kan fortfarande komma ihåg dig: på en delad enhet, logga även ut på plex.tv.
stale-form-title = Försök igen
stale-form = Det här utloggningsformuläret är inaktuellt. Gå tillbaka, ladda om sidan och försök igen.

## Not on the list, asking for access
not-allowed-title = Inte på listan
not-allowed-text-html = Du loggade in i Plex som <strong>{ $name }</strong>. Det kontot finns inte på serverns lista, så inget delades.
request-note-label = Ett meddelande till ägaren (valfritt)
request-note-placeholder = Hej, det är jag!
ask-for-access = Be om åtkomst
request-already = Du har redan bett om åtkomst. Ägaren tittar på din förfrågan.
wrong-account = Fel konto?
wrong-account-text = Plex kommer ihåg det senaste kontot du använde. För att använda ett annat, logga först ut på plex.tv och logga sedan in här igen.
open-plextv-signout = Öppna plex.tv för att logga ut
sign-in-another = Logga in med ett annat konto
ask-sign-in-first = Logga först in med Plex för att be ägaren om åtkomst.
note-too-long-title = För långt meddelande
note-too-long = Håll meddelandet under { $max } tecken och försök igen.
request-sent-title = Förfrågan skickad
request-sent-thanks = Tack! Ägaren har fått din förfrågan.
request-sent-email = Om ägaren godkänner den mejlar Plex en inbjudan till servern: acceptera den, så visas biblioteken i din Plex-app.
request-sent-later = Inget efter en dag eller två? Kom tillbaka hit och logga in igen: då ser du hur det går med din förfrågan.
request-expired-title = Formuläret har gått ut
request-expired = Det här formuläret har redan använts eller är för gammalt. Logga in igen för att be om åtkomst.

## Other apps (forward auth and OpenID Connect)
app-sign-in-title = Logga in
app-sign-in-to = Logga in på { $app }
app-shared = Den här appen delas av ägaren till den här Plex-servern. Logga in med ditt Plex-konto för att öppna den.
app-shared-named = { $app } delas av ägaren till den här Plex-servern. Logga in med ditt Plex-konto för att öppna den.
app-logout-html = Inloggad i Plex som <strong>{ $name }</strong>. Utloggningen stänger alla appar bakom den här inloggningen.
app-logout-none = Du är inte inloggad, så det finns inget att logga ut från.
no-access-title = Ingen åtkomst
no-access = Du är inloggad i Plex som { $name }, men det kontot får inte öppna { $app }.
no-access-named = Plex-kontot { $name } får inte öppna { $app }.
no-access-closed = { $app } är stängd för alla.
oidc-signed-in-title = Inloggad
oidc-back-to-app = Gå tillbaka till appen och börja om.
oidc-app-gone = Den här appen är inte längre registrerad.
oidc-bad-link-title = Inloggningslänken är ogiltig
oidc-bad-link = Inget hände. Berätta för serverns ägare vilken app som skickade dig hit.
oidc-unknown-client = Den här appen är inte registrerad i plexgate (okänt client_id).
oidc-bad-redirect = { $app } bad om att återvända till en adress den inte är registrerad för (redirect_uri).
oidc-signed-out-title = Utloggad
oidc-signed-out = Du är utloggad från plexgate i den här webbläsaren.
oidc-logout-unknown = Inget ändrades: den här utloggningslänken kom inte från en app som plexgate känner till.

## Error pages
err-not-found-title = Sidan hittades inte
err-not-found = Det finns inget på den här adressen. Kontrollera länken du fick.
err-rate-title = Ta det lugnt
err-rate = För många försök från ditt nätverk. Vänta en minut och försök igen.
err-internal-title = Något gick fel
err-internal = plexgate stötte på ett oväntat problem. Det har loggats; försök igen om en minut.
err-retry-title = Försök igen om en minut
err-plex-slow = Plex svarade inte i tid, så inget ändrades. Försök igen om en minut.
err-disk = plexgate kan inte spara något just nu (disken kan vara full), så inget ändrades. Försök igen om en minut.
err-not-ready-title = Inte klart än
err-not-ready = Den här servern är inte redo att dela än. Ägaren måste bli klar med inställningarna. Kom tillbaka lite senare.
err-busy-title = Hög belastning
err-busy = Väldigt många loggar in just nu. Försök igen om en minut.
err-not-accepted-title = Inte godkänt
err-not-found-thing-title = Hittades inte
err-not-possible-title = Inte möjligt
err-form-refused-title = Formuläret nekades
err-form-refused = Det här formuläret är inaktuellt eller kom inte från den här webbplatsen, så inget ändrades. Gå tillbaka, ladda om sidan och försök igen.
err-too-large-title = För stort
err-too-large = Det här formuläret är större än plexgate tar emot.
err-admins-only-title = Endast administratörer
err-admins-only = Du är inloggad, men det här Plex-kontot är inte administratör för servern. För att använda ett annat konto, logga först ut på plex.tv och logga sedan in igen från administrationssidan.
err-admin-again-title = Logga in igen
err-admin-again = Din administratörssession har upphört (administrationssidorna loggar ut dig efter en stund utan klick).
