# plexgate po polsku. Te same identyfikatory i zmienne co w en.ftl.

## Every page
lang-choose = Język
back-to-start = Wróć na początek
start = Zacznij
start-again = Zacznij od nowa
continue = Dalej
continue-to = Przejdź do { $app }
back-to = Wróć do { $app }
home = Start
sign-in-with-plex = Zaloguj się przez Plex
sign-out = Wyloguj się
open-plex = Otwórz Plex
your-libraries = Twoje biblioteki

## Dates and times
month-1 = sty
month-2 = lut
month-3 = mar
month-4 = kwi
month-5 = maj
month-6 = cze
month-7 = lip
month-8 = sie
month-9 = wrz
month-10 = paź
month-11 = lis
month-12 = gru
date = { $day } { $month } { $year }
date-time = { $date }, { $time } UTC
list-and = { $rest } i { $last }
rel-now = przed chwilą
rel-minutes-ago =
    { $n ->
        [one] 1 minutę temu
        [few] { $n } minuty temu
        [many] { $n } minut temu
        *[other] { $n } minut temu
    }
rel-hours-ago =
    { $n ->
        [one] 1 godzinę temu
        [few] { $n } godziny temu
        [many] { $n } godzin temu
        *[other] { $n } godzin temu
    }
rel-days-ago =
    { $n ->
        [one] 1 dzień temu
        [few] { $n } dni temu
        [many] { $n } dni temu
        *[other] { $n } dni temu
    }
rel-months-ago =
    { $n ->
        [one] 1 miesiąc temu
        [few] { $n } miesiące temu
        [many] { $n } miesięcy temu
        *[other] { $n } miesięcy temu
    }
rel-years-ago =
    { $n ->
        [one] 1 rok temu
        [few] { $n } lata temu
        [many] { $n } lat temu
        *[other] { $n } lat temu
    }
rel-in-minutes =
    { $n ->
        [one] za 1 minutę
        [few] za { $n } minuty
        [many] za { $n } minut
        *[other] za { $n } minut
    }
rel-in-hours =
    { $n ->
        [one] za 1 godzinę
        [few] za { $n } godziny
        [many] za { $n } godzin
        *[other] za { $n } godzin
    }
rel-in-days =
    { $n ->
        [one] za 1 dzień
        [few] za { $n } dni
        [many] za { $n } dni
        *[other] za { $n } dni
    }
rel-in-months =
    { $n ->
        [one] za 1 miesiąc
        [few] za { $n } miesiące
        [many] za { $n } miesięcy
        *[other] za { $n } miesięcy
    }
rel-in-years =
    { $n ->
        [one] za 1 rok
        [few] za { $n } lata
        [many] za { $n } lat
        *[other] za { $n } lat
    }

## Welcome and invite pages
welcome-default-title = Witaj
welcome-default-text = Zaloguj się kontem Plex, aby uzyskać dostęp do tego serwera Plex.
welcome-shared-by = serwer Plex udostępniany przez { $owner }
welcome-you-get = Otrzymasz:
welcome-plex-hint = Strona Plex poprosi o zalogowanie i może napisać, że loguje się inne urządzenie: to właśnie ta strona.
welcome-not-ready = Jeszcze niegotowe: właściciel wciąż konfiguruje ten serwer. Wróć trochę później.
invite-title = Masz zaproszenie
invite-text = Zaproszono cię na ten serwer Plex. Zaloguj się kontem Plex, aby dołączyć.
invite-unknown-title = Nie znaleziono linku z zaproszeniem
invite-unknown = Taki link z zaproszeniem nie istnieje. Sprawdź, czy skopiowano go w całości, albo poproś o nowy.
invite-expired-title = Link z zaproszeniem wygasł
invite-expired = Ten link z zaproszeniem wygasł. Poproś osobę, która go wysłała, o nowy.
invite-used-up-title = Link z zaproszeniem wykorzystany
invite-used-up = Ten link z zaproszeniem użyto już tyle razy, ile pozwala. Poproś o nowy.
invite-revoked-title = Link z zaproszeniem wyłączony
invite-revoked = Właściciel wyłączył ten link z zaproszeniem. Poproś go o nowy.
invite-off-title = Linki z zaproszeniem są wyłączone
invite-off = Ten serwer nie przyjmuje teraz linków z zaproszeniem. Poproś właściciela o dodanie twojego konta Plex.

## Signing in
waiting-title = Prawie gotowe
waiting-unconfirmed = Plex nie potwierdził jeszcze logowania.
waiting-press-continue = Jeśli zalogowano się na stronie Plex, poczekaj chwilę i naciśnij Dalej.
flow-gone-title = Spróbuj ponownie
flow-gone = To logowanie wygasło lub zostało już użyte, więc nic się nie stało.
flow-gone-start-again = Zacznij od początku.
flow-expired = To logowanie wygasło lub zostało już użyte. Zacznij od nowa.

## "You're in" and "Almost there"
joined-title = Jesteś w środku
almost-title = Prawie gotowe
almost-being-set-up-html = Trwa przygotowywanie dostępu do <strong>{ $server }</strong>.
almost-failed = Plex nie dokończył zadania. Właściciel już wie i się tym zajmie; nie musisz nic robić.
almost-next = Co dalej
almost-email-html = Dostaniesz e-mail od Plex z zaproszeniem do <strong>{ $server }</strong>. Zaakceptuj je (albo w aplikacji Plex, w sekcji znajomych i zaproszeń).
almost-come-back-html = Możesz też wrócić tu później i zalogować się ponownie: plexgate zaakceptuje zaproszenie za ciebie.
joined-access-html = Masz teraz dostęp do <strong>{ $server }</strong>. Trzy kroki do oglądania:
joined-access-until-html = Masz dostęp do <strong>{ $server }</strong> do { $date_html }. Trzy kroki do oglądania:
joined-get-app = Pobierz aplikację Plex
joined-devices = Na telefon, tablet, telewizor lub komputer:
joined-iphone = iPhone i iPad
joined-android = Android
joined-tv = Telewizory i inne
joined-sign-in-as = Zaloguj się jako { $name }
joined-same-account-html = Otwórz aplikację i zaloguj się tym samym kontem Plex co tutaj: <strong>{ $name }</strong>.
joined-find = Znajdź swoje biblioteki
joined-shows-up-html = W Plex serwer <strong>{ $server }</strong> pojawi się z:
joined-open-plex-browser = Otwórz Plex w tej przeglądarce
signed-in-as = Zalogowano w Plex jako { $name }.
see-your-access = Zobacz swój dostęp
onboarding-default = **Co dalej?** Otwórz Plex na telewizorze, telefonie lub komputerze i zaloguj się tym samym kontem Plex. Udostępnione biblioteki pojawią się pod nazwą tego serwera. Jeśli Plex zapyta, zaakceptuj zaproszenie od właściciela.

## /me
me-title = Twój dostęp
me-signed-in-html = Zalogowano w Plex jako <strong>{ $name }</strong>.
me-server-html = Serwer: <strong>{ $server }</strong>
me-status = Stan: { $status }
me-ends-html = Twój dostęp kończy się { $relative_html }, { $date_html }.
me-no-expiry = Twój dostęp nie wygasa.
me-no-access = Nie masz teraz dostępu do tego serwera.
me-apps = Twoje aplikacje
me-sign-in-first = Zaloguj się przez Plex, aby zobaczyć, które biblioteki możesz oglądać.
status-sharing = w przygotowaniu
status-pending = udostępnione, czeka na twoją akceptację w Plex
status-accepted = aktywny
status-failed = wstrzymany: właściciel już wie
status-removed = usunięty
signed-out-title = Wylogowano
signed-out-text = Wylogowano z tej strony. Plex może nadal cię pamiętać: na wspólnym urządzeniu wyloguj się też na plex.tv.
stale-form-title = Spróbuj ponownie
stale-form = Ten formularz wylogowania jest nieaktualny. Wróć, odśwież stronę i spróbuj ponownie.

## Not on the list, asking for access
not-allowed-title = Nie ma cię na liście
not-allowed-text-html = Zalogowano w Plex jako <strong>{ $name }</strong>. Tego konta nie ma na liście tego serwera, więc nic nie udostępniono.
request-note-label = Wiadomość dla właściciela (opcjonalnie)
request-note-placeholder = Cześć, to ja!
ask-for-access = Poproś o dostęp
request-already = Prośba o dostęp została już wysłana. Właściciel ją rozpatrzy.
wrong-account = Złe konto?
wrong-account-text = Plex pamięta ostatnio używane konto. Aby użyć innego, najpierw wyloguj się na plex.tv, a potem zaloguj się tu ponownie.
open-plextv-signout = Otwórz plex.tv, aby się wylogować
sign-in-another = Zaloguj się innym kontem
ask-sign-in-first = Aby poprosić właściciela o dostęp, najpierw zaloguj się przez Plex.
note-too-long-title = Za długa wiadomość
note-too-long = Wiadomość musi mieć mniej niż { $max } znaków. Spróbuj ponownie.
request-sent-title = Prośba wysłana
request-sent-thanks = Dziękujemy! Właściciel otrzymał twoją prośbę.
request-sent-email = Jeśli ją zaakceptuje, Plex wyśle ci zaproszenie e-mailem: zaakceptuj je, a biblioteki pojawią się w aplikacji Plex.
request-sent-later = Nic nie przyszło po dniu lub dwóch? Wróć tu i zaloguj się ponownie: ta strona pokaże stan twojej prośby.
request-expired-title = Ten formularz wygasł
request-expired = Ten formularz prośby został już użyty lub jest za stary. Zaloguj się ponownie, aby poprosić o dostęp.

## Other apps (forward auth and OpenID Connect)
app-sign-in-title = Logowanie
app-sign-in-to = Zaloguj się do { $app }
app-shared = Tę aplikację udostępnia właściciel tego serwera Plex. Zaloguj się kontem Plex, aby ją otworzyć.
app-shared-named = { $app } udostępnia właściciel tego serwera Plex. Zaloguj się kontem Plex, aby otworzyć.
app-logout-html = Zalogowano w Plex jako <strong>{ $name }</strong>. Wylogowanie zamyka wszystkie aplikacje korzystające z tego logowania.
app-logout-none = Nie jesteś zalogowany, więc nie ma z czego się wylogować.
no-access-title = Brak dostępu
no-access = Zalogowano w Plex jako { $name }, ale to konto nie może otworzyć { $app }.
no-access-named = Konto Plex { $name } nie może otworzyć { $app }.
no-access-closed = { $app } jest zamknięte dla wszystkich.
oidc-signed-in-title = Zalogowano
oidc-back-to-app = Wróć do aplikacji i zacznij od nowa.
oidc-app-gone = Ta aplikacja nie jest już zarejestrowana.
oidc-bad-link-title = Ten link logowania jest nieprawidłowy
oidc-bad-link = Nic się nie stało. Powiedz właścicielowi tego serwera, która aplikacja cię tu wysłała.
oidc-unknown-client = Ta aplikacja nie jest zarejestrowana w plexgate (nieznany client_id).
oidc-bad-redirect = { $app } chce wrócić pod adres, dla którego nie jest zarejestrowana (redirect_uri).
oidc-signed-out-title = Wylogowano
oidc-signed-out = Wylogowano z plexgate w tej przeglądarce.
oidc-logout-unknown = Nic się nie zmieniło: ten link wylogowania nie pochodzi z aplikacji znanej plexgate.

## Error pages
err-not-found-title = Nie znaleziono strony
err-not-found = Pod tym adresem nic nie ma. Sprawdź otrzymany link.
err-rate-title = Zwolnij trochę
err-rate = Za dużo prób z twojej sieci. Odczekaj minutę i spróbuj ponownie.
err-internal-title = Coś poszło nie tak
err-internal = plexgate napotkał nieoczekiwany problem. Został zapisany w logu; spróbuj ponownie za minutę.
err-retry-title = Spróbuj za minutę
err-plex-slow = Plex nie odpowiedział na czas, więc nic się nie zmieniło. Spróbuj ponownie za minutę.
err-disk = plexgate nie może teraz niczego zapisać (dysk może być pełny), więc nic się nie zmieniło. Spróbuj ponownie za minutę.
err-not-ready-title = Jeszcze niegotowe
err-not-ready = Ten serwer nie jest jeszcze gotowy do udostępniania. Właściciel musi dokończyć konfigurację. Wróć trochę później.
err-busy-title = Duży ruch
err-busy = Bardzo dużo osób loguje się teraz. Spróbuj ponownie za minutę.
err-not-accepted-title = Nie przyjęto
err-not-found-thing-title = Nie znaleziono
err-not-possible-title = Niemożliwe
err-form-refused-title = Formularz odrzucony
err-form-refused = Ten formularz jest nieaktualny lub nie pochodzi z tej strony, więc nic się nie zmieniło. Wróć, odśwież stronę i spróbuj ponownie.
err-too-large-title = Za dużo
err-too-large = Ten formularz jest większy, niż przyjmuje plexgate.
err-admins-only-title = Tylko dla administratorów
err-admins-only = Jesteś zalogowany, ale to konto Plex nie jest administratorem tego serwera. Aby użyć innego konta, najpierw wyloguj się na plex.tv, a potem zaloguj się ponownie ze strony administracyjnej.
err-admin-again-title = Zaloguj się ponownie
err-admin-again = Twoja sesja administratora wygasła (strony administracyjne wylogowują po chwili bez kliknięcia).
