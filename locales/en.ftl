# plexgate's English catalogue: the reference every other catalogue follows (same ids, same
# variables). Messages whose id ends in "-html" may hold <strong> and are shown as HTML; their
# variables are escaped. Keep sentences short: friends read them on 360 px phones.

## Every page
lang-choose = Language
back-to-start = Back to the start
start = Start
start-again = Start again
continue = Continue
continue-to = Continue to { $app }
back-to = Back to { $app }
home = Home
sign-in-with-plex = Sign in with Plex
sign-out = Sign out
open-plex = Open Plex
your-libraries = Your libraries

## Dates and times
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
date = { $day } { $month } { $year }
date-time = { $date }, { $time } UTC
list-and = { $rest } and { $last }
rel-now = just now
rel-minutes-ago =
    { $n ->
        [one] 1 minute ago
        *[other] { $n } minutes ago
    }
rel-hours-ago =
    { $n ->
        [one] 1 hour ago
        *[other] { $n } hours ago
    }
rel-days-ago =
    { $n ->
        [one] 1 day ago
        *[other] { $n } days ago
    }
rel-months-ago =
    { $n ->
        [one] 1 month ago
        *[other] { $n } months ago
    }
rel-years-ago =
    { $n ->
        [one] 1 year ago
        *[other] { $n } years ago
    }
rel-in-minutes =
    { $n ->
        [one] in 1 minute
        *[other] in { $n } minutes
    }
rel-in-hours =
    { $n ->
        [one] in 1 hour
        *[other] in { $n } hours
    }
rel-in-days =
    { $n ->
        [one] in 1 day
        *[other] in { $n } days
    }
rel-in-months =
    { $n ->
        [one] in 1 month
        *[other] in { $n } months
    }
rel-in-years =
    { $n ->
        [one] in 1 year
        *[other] in { $n } years
    }

## Welcome and invite pages
welcome-default-title = Welcome
welcome-default-text = Sign in with your Plex account to get access to this Plex server.
welcome-shared-by = a Plex server shared by { $owner }
welcome-you-get = You will get:
welcome-plex-hint = Plex's own page will ask you to sign in and may say another device is signing in: that is this page.
welcome-not-ready = Not ready yet: the owner is still setting this server up. Please come back a little later.
invite-title = You're invited
invite-text = You have been invited to this Plex server. Sign in with your Plex account to join.
invite-unknown-title = Invite link not found
invite-unknown = This invite link does not exist. Check that you copied all of it, or ask for a new one.
invite-expired-title = Invite link expired
invite-expired = This invite link has expired. Ask the person who sent it for a new one.
invite-used-up-title = Invite link used up
invite-used-up = This invite link has been used as many times as it allows. Ask for a new one.
invite-revoked-title = Invite link turned off
invite-revoked = The owner has turned this invite link off. Ask them for a new one.
invite-off-title = Invite links are off
invite-off = This server does not use invite links right now. Ask the owner to add your Plex account instead.

## Signing in
waiting-title = Almost there
waiting-unconfirmed = Plex has not confirmed your sign-in yet.
waiting-press-continue = If you signed in on Plex's page, wait a moment and press Continue.
flow-gone-title = Try again
flow-gone = This sign-in has expired or was already used, so nothing happened.
flow-gone-start-again = Please start again from the beginning.
flow-expired = This sign-in has expired or was already used. Please start again.

## "You're in" and "Almost there"
joined-title = You're in
almost-title = Almost there
almost-being-set-up-html = Your access to <strong>{ $server }</strong> is being set up.
almost-failed = Plex did not finish the job. The owner has been told and will sort it out; you do not need to do anything.
almost-next = What happens next
almost-email-html = Expect an email from Plex inviting you to <strong>{ $server }</strong>. Accept it (or accept it in the Plex app under your friends and invites).
almost-come-back-html = Or come back to this page later and sign in again: plexgate then accepts it for you and shows "You're in".
joined-access-html = You now have access to <strong>{ $server }</strong>. Three steps to watching:
joined-access-until-html = You now have access to <strong>{ $server }</strong> until { $date_html }. Three steps to watching:
joined-get-app = Get the Plex app
joined-devices = On your phone, tablet, TV or computer:
joined-iphone = iPhone and iPad
joined-android = Android
joined-tv = TV and others
joined-sign-in-as = Sign in as { $name }
joined-same-account-html = Open the app and sign in with the same Plex account you just used here: <strong>{ $name }</strong>.
joined-find = Find your libraries
joined-shows-up-html = In Plex, <strong>{ $server }</strong> shows up with:
joined-open-plex-browser = Open Plex in this browser
signed-in-as = Signed in with Plex as { $name }.
see-your-access = See your access
onboarding-default = **What next?** Open Plex on your TV, phone or computer and sign in with the same Plex account. The shared libraries appear under this server's name. If Plex asks, accept the invitation from the owner.

## /me
me-title = Your access
me-signed-in-html = Signed in with Plex as <strong>{ $name }</strong>.
me-server-html = Server: <strong>{ $server }</strong>
me-status = Status: { $status }
me-ends-html = Your access ends { $relative_html }, on { $date_html }.
me-no-expiry = Your access does not expire.
me-no-access = You have no access to this server right now.
me-apps = Your apps
me-sign-in-first = Sign in with Plex to see which libraries you can watch.
status-sharing = being set up
status-pending = shared with you, waiting for you to accept it in Plex
status-accepted = active
status-failed = stuck: the owner has been told
status-removed = removed
signed-out-title = You are signed out
signed-out-text = You are signed out of this site. Plex itself may still remember you: on a shared device, also sign out at plex.tv.
stale-form-title = Please try again
stale-form = This sign-out form is out of date. Go back, reload the page and try again.

## Not on the list, asking for access
not-allowed-title = Not on the list
not-allowed-text-html = You signed in to Plex as <strong>{ $name }</strong>. That account is not on this server's list, so nothing was shared.
request-note-label = A note for the owner (optional)
request-note-placeholder = Hi, it's me!
ask-for-access = Ask for access
request-already = You have already asked for access. The owner will look at your request.
wrong-account = Wrong account?
wrong-account-text = Plex remembers the last account you used. To use another one, sign out at plex.tv first, then sign in again here.
open-plextv-signout = Open plex.tv to sign out
sign-in-another = Sign in with another account
ask-sign-in-first = To ask the owner for access, sign in with Plex first.
note-too-long-title = Note too long
note-too-long = Please keep the note under { $max } characters and try again.
request-sent-title = Request sent
request-sent-thanks = Thanks! The owner has your request.
request-sent-email = If they approve it, Plex emails you an invitation to the server: accept it, and the libraries appear in your Plex app.
request-sent-later = Nothing arrived after a day or two? Come back here and sign in again: this page then tells you where your request stands.
request-expired-title = This form has expired
request-expired = This request form was already used or is too old. Sign in again to ask for access.

## Other apps (forward auth and OpenID Connect)
app-sign-in-title = Sign in
app-sign-in-to = Sign in to { $app }
app-shared = This app is shared by the owner of this Plex server. Sign in with your Plex account to open it.
app-shared-named = { $app } is shared by the owner of this Plex server. Sign in with your Plex account to open it.
app-logout-html = Signed in with Plex as <strong>{ $name }</strong>. Signing out closes every app behind this sign-in.
app-logout-none = You are not signed in, so there is nothing to sign out of.
no-access-title = No access
no-access = You are signed in with Plex as { $name }, but that account may not open { $app }.
no-access-named = The Plex account { $name } may not open { $app }.
no-access-closed = { $app } is closed to everyone.
oidc-signed-in-title = Signed in
oidc-back-to-app = Go back to the app and start again.
oidc-app-gone = This app is no longer registered.
oidc-bad-link-title = This sign-in link is not valid
oidc-bad-link = Nothing happened. Tell the owner of this server which app sent you here.
oidc-unknown-client = This app is not registered with plexgate (unknown client_id).
oidc-bad-redirect = { $app } asked to return to an address it is not registered with (redirect_uri).
oidc-signed-out-title = Signed out
oidc-signed-out = You are signed out of plexgate in this browser.
oidc-logout-unknown = Nothing changed: this sign-out link did not come from an app plexgate knows.

## Error pages
err-not-found-title = Page not found
err-not-found = There is nothing at this address. Check the link you were given.
err-rate-title = Slow down a little
err-rate = Too many attempts from your network. Wait a minute, then try again.
err-internal-title = Something went wrong
err-internal = plexgate hit an unexpected problem. It has been logged; please try again in a minute.
err-retry-title = Try again in a minute
err-plex-slow = Plex did not answer in time, so nothing was changed. Please try again in a minute.
err-disk = plexgate cannot save anything right now (its disk may be full), so nothing was changed. Please try again in a minute.
err-not-ready-title = Not ready yet
err-not-ready = This server is not ready to share yet. The owner still has to finish setting it up. Please come back a little later.
err-busy-title = Busy
err-busy = Lots of people are signing in right now. Please try again in a minute.
err-not-accepted-title = Not accepted
err-not-found-thing-title = Not found
err-not-possible-title = Not possible
err-form-refused-title = Form refused
err-form-refused = This form is out of date or did not come from this site, so nothing was changed. Go back, reload the page and try again.
err-too-large-title = Too much
err-too-large = This form is larger than plexgate accepts.
err-admins-only-title = Admins only
err-admins-only = You are signed in, but this Plex account is not an admin of this server. To use another account, sign out at plex.tv first, then sign in again from the admin page.
err-admin-again-title = Please sign in again
err-admin-again = Your admin session has ended (admin pages sign you out after a while without a click).
