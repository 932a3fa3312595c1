# plexgate in het Nederlands. Dezelfde id's en variabelen als en.ftl.

## Every page
lang-choose = Taal
back-to-start = Terug naar het begin
start = Beginnen
start-again = Opnieuw beginnen
continue = Doorgaan
continue-to = Door naar { $app }
back-to = Terug naar { $app }
home = Start
sign-in-with-plex = Inloggen met Plex
sign-out = Uitloggen
open-plex = Plex openen
your-libraries = Je bibliotheken

## Dates and times
month-1 = jan
month-2 = feb
month-3 = mrt
month-4 = apr
month-5 = mei
month-6 = jun
month-7 = jul
month-8 = aug
month-9 = sep
month-10 = okt
month-11 = nov
month-12 = dec
date = { $day } { $month } { $year }
date-time = { $date }, { $time } UTC
list-and = { $rest } en { $last }
rel-now = zojuist
rel-minutes-ago =
    { $n ->
        [one] 1 minuut geleden
        *[other] { $n } minuten geleden
    }
rel-hours-ago =
    { $n ->
        [one] 1 uur geleden
        *[other] { $n } uur geleden
    }
rel-days-ago =
    { $n ->
        [one] 1 dag geleden
        *[other] { $n } dagen geleden
    }
rel-months-ago =
    { $n ->
        [one] 1 maand geleden
        *[other] { $n } maanden geleden
    }
rel-years-ago =
    { $n ->
        [one] 1 jaar geleden
        *[other] { $n } jaar geleden
    }
rel-in-minutes =
    { $n ->
        [one] over 1 minuut
        *[other] over { $n } minuten
    }
rel-in-hours =
    { $n ->
        [one] over 1 uur
        *[other] over { $n } uur
    }
rel-in-days =
    { $n ->
        [one] over 1 dag
        *[other] over { $n } dagen
    }
rel-in-months =
    { $n ->
        [one] over 1 maand
        *[other] over { $n } maanden
    }
rel-in-years =
    { $n ->
        [one] over 1 jaar
        *[other] over { $n } jaar
    }

## Welcome and invite pages
welcome-default-title = Welkom
welcome-default-text = Log in met je Plex-account om toegang te krijgen tot deze Plex-server.
welcome-shared-by = een Plex-server gedeeld door { $owner }
welcome-you-get = Je krijgt:
welcome-plex-hint = De pagina van Plex vraagt je om in te loggen en meldt misschien dat een ander apparaat inlogt: dat is deze pagina.
welcome-not-ready = Nog niet klaar: de eigenaar is deze server nog aan het instellen. Kom later nog eens terug.
invite-title = Je bent uitgenodigd
invite-text = Je bent uitgenodigd voor deze Plex-server. Log in met je Plex-account om mee te doen.
invite-unknown-title = Uitnodigingslink niet gevonden
invite-unknown = Deze uitnodigingslink bestaat niet. Controleer of je hem helemaal hebt gekopieerd, of vraag om een nieuwe.
invite-expired-title = Uitnodigingslink verlopen
invite-expired = Deze uitnodigingslink is verlopen. Vraag de afzender om een nieuwe.
invite-used-up-title = Uitnodigingslink opgebruikt
invite-used-up = Deze uitnodigingslink is zo vaak gebruikt als mag. Vraag om een nieuwe.
invite-revoked-title = Uitnodigingslink uitgeschakeld
invite-revoked = De eigenaar heeft deze uitnodigingslink uitgeschakeld. Vraag om een nieuwe.
invite-off-title = Uitnodigingslinks staan uit
invite-off = Deze server accepteert nu geen uitnodigingslinks. Vraag de eigenaar om je Plex-account toe te voegen.

## Signing in
waiting-title = Bijna klaar
waiting-unconfirmed = Plex heeft je aanmelding nog niet bevestigd.
waiting-press-continue = Heb je ingelogd op de pagina van Plex? Wacht even en tik op Doorgaan.
flow-gone-title = Probeer het opnieuw
flow-gone = Deze aanmelding is verlopen of al gebruikt, dus er is niets gebeurd.
flow-gone-start-again = Begin opnieuw vanaf het begin.
flow-expired = Deze aanmelding is verlopen of al gebruikt. Begin opnieuw.

## "You're in" and "Almost there"
joined-title = Je bent binnen
almost-title = Bijna klaar
almost-being-set-up-html = Je toegang tot <strong>{ $server }</strong> wordt ingesteld.
almost-failed = Plex heeft de klus niet afgemaakt. De eigenaar weet het en lost het op; je hoeft niets te doen.
almost-next = Wat er nu gebeurt
almost-email-html = Je krijgt een e-mail van Plex met een uitnodiging voor <strong>{ $server }</strong>. Accepteer die (of in de Plex-app bij vrienden en uitnodigingen).
almost-come-back-html = Of kom later terug naar deze pagina en log opnieuw in: plexgate accepteert de uitnodiging dan voor je.
joined-access-html = Je hebt nu toegang tot <strong>{ $server }</strong>. In drie stappen kijken:
joined-access-until-html = Je hebt tot { $date_html } toegang tot <strong>{ $server }</strong>. In drie stappen kijken:
joined-get-app = Download de Plex-app
joined-devices = Op je telefoon, tablet, tv of computer:
joined-iphone = iPhone en iPad
joined-android = Android
joined-tv = Tv en meer
joined-sign-in-as = Log in als { $name }
joined-same-account-html = Open de app en log in met hetzelfde Plex-account als hier: <strong>{ $name }</strong>.
joined-find = Vind je bibliotheken
joined-shows-up-html = In Plex verschijnt <strong>{ $server }</strong> met:
joined-open-plex-browser = Plex openen in deze browser
signed-in-as = Ingelogd bij Plex als { $name }.
see-your-access = Bekijk je toegang
onboarding-default = **En nu?** Open Plex op je tv, telefoon of computer en log in met hetzelfde Plex-account. De gedeelde bibliotheken staan onder de naam van deze server. Vraagt Plex erom, accepteer dan de uitnodiging van de eigenaar.

## /me
me-title = Je toegang
me-signed-in-html = Ingelogd bij Plex als <strong>{ $name }</strong>.
me-server-html = Server: <strong>{ $server }</strong>
me-status = Status: { $status }
me-ends-html = Je toegang eindigt { $relative_html }, op { $date_html }.
me-no-expiry = Je toegang verloopt niet.
me-no-access = Je hebt op dit moment geen toegang tot deze server.
me-apps = Je apps
me-sign-in-first = Log in met Plex om te zien welke bibliotheken je kunt bekijken.
status-sharing = wordt ingesteld
status-pending = met je gedeeld, wacht tot je het in Plex accepteert
status-accepted = actief
status-failed = vastgelopen: de eigenaar weet het
status-removed = verwijderd
signed-out-title = Je bent uitgelogd
signed-out-text = Je bent uitgelogd van deze site. Plex zelf onthoudt je misschien nog: log op een gedeeld apparaat ook uit op plex.tv.
stale-form-title = Probeer het opnieuw
stale-form = Dit uitlogformulier is verouderd. Ga terug, herlaad de pagina en probeer het opnieuw.

## Not on the list, asking for access
not-allowed-title = Niet op de lijst
not-allowed-text-html = Je bent bij Plex ingelogd als <strong>{ $name }</strong>. Dat account staat niet op de lijst van deze server, dus er is niets gedeeld.
request-note-label = Een bericht voor de eigenaar (optioneel)
request-note-placeholder = Hoi, ik ben het!
ask-for-access = Toegang vragen
request-already = Je hebt al om toegang gevraagd. De eigenaar bekijkt je verzoek.
wrong-account = Verkeerd account?
wrong-account-text = Plex onthoudt het laatst gebruikte account. Wil je een ander gebruiken, log dan eerst uit op plex.tv en log hier opnieuw in.
open-plextv-signout = plex.tv openen om uit te loggen
sign-in-another = Inloggen met een ander account
ask-sign-in-first = Log eerst in met Plex om de eigenaar om toegang te vragen.
note-too-long-title = Bericht te lang
note-too-long = Houd het bericht onder de { $max } tekens en probeer het opnieuw.
request-sent-title = Verzoek verstuurd
request-sent-thanks = Bedankt! De eigenaar heeft je verzoek.
request-sent-email = Keurt de eigenaar het goed, dan mailt Plex je een uitnodiging: accepteer die en de bibliotheken verschijnen in je Plex-app.
request-sent-later = Na een dag of twee nog niets? Kom hier terug en log opnieuw in: dan zie je hoe het met je verzoek staat.
request-expired-title = Dit formulier is verlopen
request-expired = Dit verzoekformulier is al gebruikt of te oud. Log opnieuw in om toegang te vragen.

## Other apps (forward auth and OpenID Connect)
app-sign-in-title = Inloggen
app-sign-in-to = Inloggen bij { $app }
app-shared = Deze app wordt gedeeld door de eigenaar van deze Plex-server. Log in met je Plex-account om hem te openen.
app-shared-named = { $app } wordt gedeeld door de eigenaar van deze Plex-server. Log in met je Plex-account om het te openen.
app-logout-html = Ingelogd bij Plex als <strong>{ $name }</strong>. Uitloggen sluit elke app achter deze aanmelding.
app-logout-none = Je bent niet ingelogd, dus er valt niets uit te loggen.
no-access-title = Geen toegang
no-access = Je bent bij Plex ingelogd als { $name }, maar dat account mag { $app } niet openen.
no-access-named = Het Plex-account { $name } mag { $app } niet openen.
no-access-closed = { $app } is voor iedereen gesloten.
oidc-signed-in-title = Ingelogd
oidc-back-to-app = Ga terug naar de app en begin opnieuw.
oidc-app-gone = Deze app is niet meer geregistreerd.
oidc-bad-link-title = Deze inloglink is ongeldig
oidc-bad-link = Er is niets gebeurd. Vertel de eigenaar van deze server welke app je hierheen stuurde.
oidc-unknown-client = Deze app is niet geregistreerd bij plexgate (onbekende client_id).
oidc-bad-redirect = { $app } wilde terug naar een adres waarvoor het niet geregistreerd is (redirect_uri).
oidc-signed-out-title = Uitgelogd
oidc-signed-out = Je bent in deze browser uitgelogd bij plexgate.
oidc-logout-unknown = Er is niets veranderd: deze uitloglink komt niet van een app die plexgate kent.

## Error pages
err-not-found-title = Pagina niet gevonden
err-not-found = Op dit adres staat niets. Controleer de link die je kreeg.
err-rate-title = Even rustig aan
err-rate = Te veel pogingen vanaf je netwerk. Wacht een minuut en probeer het opnieuw.
err-internal-title = Er ging iets mis
err-internal = plexgate liep tegen een onverwacht probleem aan. Het is gelogd; probeer het over een minuut opnieuw.
err-retry-title = Probeer het over een minuut
err-plex-slow = Plex antwoordde niet op tijd, dus er is niets veranderd. Probeer het over een minuut opnieuw.
err-disk = plexgate kan nu niets opslaan (misschien is de schijf vol), dus er is niets veranderd. Probeer het over een minuut opnieuw.
err-not-ready-title = Nog niet klaar
err-not-ready = Deze server is nog niet klaar om te delen. De eigenaar moet de installatie nog afronden. Kom later nog eens terug.
err-busy-title = Druk
err-busy = Er loggen nu heel veel mensen in. Probeer het over een minuut opnieuw.
err-not-accepted-title = Niet geaccepteerd
err-not-found-thing-title = Niet gevonden
err-not-possible-title = Niet mogelijk
err-form-refused-title = Formulier geweigerd
err-form-refused = Dit formulier is verouderd of kwam niet van deze site, dus er is niets veranderd. Ga terug, herlaad de pagina en probeer het opnieuw.
err-too-large-title = Te groot
err-too-large = Dit formulier is groter dan plexgate accepteert.
err-admins-only-title = Alleen voor beheerders
err-admins-only = Je bent ingelogd, maar dit Plex-account is geen beheerder van deze server. Wil je een ander account gebruiken, log dan eerst uit op plex.tv en log opnieuw in via de beheerpagina.
err-admin-again-title = Log opnieuw in
err-admin-again = Je beheersessie is beëindigd (beheerpagina's loggen je uit na een tijd zonder klik).
