# plexgate's English admin catalogue: the admin pages and the owner's setup steps. German and
# French follow it (same ids, same variables); readers of other languages get these pages in
# English. Ids start with "adm-"; "-html" ids may hold <strong> or <code> and are shown as HTML.

## Every admin page
adm-nav = Admin pages
adm-signed-in-owner = Signed in as { $name }, the server's owner
adm-signed-in-coadmin = Signed in as { $name }, co-admin
adm-nothing-yet = Nothing yet.
adm-reconnect = Reconnect Plex
adm-invite-create = Create an invite link
adm-allowlist = Allowlist
adm-save = Save
adm-remove = Remove
adm-revoke = Revoke
adm-edit = Edit
adm-preview = Preview
adm-actions = Actions
adm-account = Account
adm-libraries = Libraries
adm-note = Note
adm-name = Name
adm-title = Title
adm-text = Text
adm-empty-no-end = (empty: no end)
adm-for-you = (for you)
adm-access-days = Access for how many days
adm-account-any = Plex account id, username or email
adm-set-in-config = (set in config)

## Dashboard
adm-dash-attention = Needs attention
adm-dash-sharing-html = Sharing <strong>{ $server }</strong>
adm-dash-see-friends = See what friends see
adm-dash-glance = At a glance
adm-dash-with-access = With access
adm-dash-waiting = Waiting to accept
adm-dash-failed = Sharing failed
adm-dash-removal-failed = Removal not confirmed
adm-dash-asking = Asking for access
adm-dash-invites = Invite links in use
adm-dash-held = Held removals
adm-dash-held-text-html = The reconciler found more expired accounts than <code>reconcile.max_removals</code> and removed none of them.
adm-dash-held-keep = Keep them (discard)
adm-dash-held-remove = Remove them all
adm-dash-held-confirm-text = Every account listed above loses access on Plex now.
adm-dash-held-confirm = Yes, remove them all
adm-dash-recent = Recent events
adm-dash-all-activity = All activity

## Access
adm-acc-asking = Asking for access
adm-acc-asked = asked
adm-acc-approve = Approve { $name }
adm-acc-days = Days of access
adm-acc-approve-share = Approve and share
adm-acc-decline = Decline
adm-acc-decline-text = { $name } is not told; nothing is shared.
adm-acc-decline-confirm = Yes, decline { $name }
adm-acc-add = Add someone
adm-acc-add-submit = Add to allowlist
adm-acc-access = Access
adm-acc-signed-in = (has signed in)
adm-acc-not-signed-in = (not signed in yet)
adm-acc-days-from-joining =
    { $n ->
        [one] 1 day from joining
        *[other] { $n } days from joining
    }
adm-acc-no-end = no end
adm-acc-save-changes-share = Saving changes { $name }'s share on Plex at once.
adm-acc-save-entry = Save { $name }
adm-acc-remove-text = { $name } can no longer join. Access they already have stays until you remove it on Users.
adm-acc-remove-confirm = Yes, remove { $name }
adm-acc-nobody = Nobody on the allowlist yet.
adm-who-may-join = Who may join
adm-acc-open-warning-html = The policy is <strong>open</strong>: anyone who signs in with Plex gets access.
adm-acc-policy = Policy:
adm-acc-policy-in-config = (set in config: access.policy)
adm-policy-invite = People on the allowlist or with an invite link
adm-policy-allowlist = Only people on the allowlist (invite links off)
adm-policy-open = Anyone who signs in with Plex
adm-acc-coadmins = Co-admins
adm-acc-coadmins-text = Co-admins manage access, invites, libraries and users; only you manage co-admins, settings, keys and backups.
adm-acc-coadmin-remove-text = { $name } can no longer open the admin pages.
adm-acc-coadmin-remove-label = Yes, remove co-admin { $name }
adm-acc-no-coadmins = No co-admins.
adm-acc-coadmin-add = Add a co-admin
adm-acc-coadmin-add-submit = Add co-admin

## Activity
adm-act-filter = Filter
adm-act-account-hint = (Plex username, email or account id)
adm-act-kind = What happened
adm-act-everything = Everything
adm-act-show = Show
adm-act-show-all = Show everything
adm-act-older = Older

## Apps
adm-apps-fa = Forward-auth apps
adm-apps-app = App
adm-apps-who-open = Who may open it
adm-apps-signin = Sign-in
adm-apps-bypass = Open without sign-in:
adm-apps-bypass-hint = Only for paths the app protects itself (its API key).
adm-apps-no-bypass = Nothing: every path needs a sign-in.
adm-apps-fa-none = None yet (sso.enabled, [[sso.apps]] or PUT /api/v1/apps).
adm-apps-oidc = Apps that sign in with Plex (OpenID Connect)
adm-apps-oidc-off = Turned off: set oidc.enabled = true to serve these.
adm-apps-secret-new = The new client secret
adm-apps-secret-once = Copy it into the app's settings now: it is shown only this once and stored hashed.
adm-apps-secret-label = The secret (select it to copy)
adm-apps-secret-copy = Copy secret
adm-apps-add = Add an app
adm-apps-client-id = Client id
adm-apps-redirects = Redirect URIs
adm-apps-redirects-hint = (one per line, exact)
adm-apps-who-signin = Who may sign in
adm-apps-allow-friends = friends
adm-apps-allow-admins = admins
adm-apps-allow-owner = owner
adm-apps-allow-deny = nobody
adm-apps-users = Also these accounts
adm-apps-users-hint = (comma-separated usernames, emails or ids)
adm-apps-public = Public client (mobile or single-page app: no secret, PKCE required)
adm-apps-add-submit = Add app
adm-apps-client-id-is = client id { $client }
adm-apps-secret-renew = New secret
adm-apps-secret-renew-text = The old secret stops working: { $name } needs the new one in its settings.
adm-apps-secret-renew-label = Yes, a new secret for { $name }
adm-apps-secret-renew-confirm = Yes, make a new secret
adm-apps-remove-text = { $name } can no longer sign anyone in with Plex.
adm-apps-none = No apps yet.

## Invites
adm-inv-turned-off-html = The policy is <strong>allowlist</strong>: invite links are turned off and say so to anyone who opens one.
adm-inv-new = Your new invite link
adm-inv-new-once = Copy it now and send it to your friend: it is shown only this once.
adm-inv-new-label = The link (select it to copy)
adm-inv-copy = Copy link
adm-inv-links = Invite links
adm-inv-default = By default a link works once and for 7 days.
adm-inv-max-uses = How many people may use it
adm-inv-no-limit-hint = (empty: no limit)
adm-inv-expires-days = Link expires after days
adm-inv-never-hint = (empty: never)
adm-inv-create-submit = Create invite link
adm-inv-link = Link
adm-inv-state = State
adm-inv-uses = Uses
adm-inv-expires = Expires
adm-inv-used-by = Used by
adm-inv-name = Invite { $n }
adm-inv-state-active = active
adm-inv-state-revoked = revoked
adm-inv-state-expired = expired
adm-inv-state-used-up = used up
adm-inv-used = used { $n }
adm-inv-left = { $n } left
adm-inv-no-limit = no limit
adm-inv-expired-when = expired
adm-inv-expires-when = expires
adm-inv-never-expires = never expires
adm-inv-access-for =
    { $n ->
        [one] access for 1 day
        *[other] access for { $n } days
    }
adm-inv-used-by-list = Used by: { $names }
adm-inv-nobody-yet = nobody yet
adm-revoke-confirm = Yes, revoke it
adm-inv-revoke-text = Nobody can join with this link any more.
adm-inv-revoke-label = Yes, revoke invite { $n }
adm-inv-none = No invite links yet.

## Libraries
adm-lib-default-set = The default set: what a new friend gets when nothing else says
adm-lib-none = No libraries listed.
adm-lib-fixed = Set in config (access.libraries), which wins: change it there.
adm-lib-save = Save default libraries
adm-lib-downloads = Downloads for new shares:
adm-lib-allowed = allowed
adm-lib-not-allowed = not allowed
adm-lib-in-config = set in config
adm-lib-built-in = built-in default
adm-lib-refresh = Refresh from plex.tv
adm-lib-none-ticked = (none ticked: the default set)
adm-flags = On the share
adm-flags-hint = (ticked as your settings say)
adm-flag-downloads = Downloads
adm-flag-live-tv = Live TV
adm-flag-camera = Camera upload

## Settings
adm-set-welcome = Welcome page
adm-set-see-welcome = See the welcome page as friends do
adm-set-save-welcome = Save welcome page
adm-set-joined-page = “You're in” page
adm-set-markdown = What friends see after joining (Markdown)
adm-set-langs = In friends' languages
adm-set-langs-text = Friends read plexgate in their browser's language. Your texts above are shown as you wrote them; a version here replaces them for friends reading that language (an empty field keeps your main text).
adm-set-keys = API keys
adm-set-key-new = Your new API key. Copy it now: it is shown only this once.
adm-set-key-label = The key (select it to copy)
adm-set-key-copy = Copy key
adm-set-created = Created
adm-set-last-used = Last used
adm-set-created-when = created
adm-set-last-used-when = last used
adm-set-never-used = never used
adm-set-key-revoke-text = Whatever uses this key stops working.
adm-set-key-revoke-label = Yes, revoke key { $name }
adm-set-no-keys = No API keys.
adm-set-key-create = Create an API key
adm-set-key-name-hint = (what uses it)
adm-set-key-create-submit = Create API key
adm-set-backups = Backups
adm-set-backup-now = Take a backup now
adm-set-backup-from = Backup from
adm-set-no-backups = No backups yet.
adm-set-backup-key-html = A backup needs the key file (<code>plexgate.key</code>) to restore the stored Plex sign-in; keep both safe.
adm-set-notifications = Notifications
adm-set-notify-test = Send a test
adm-set-notify-none = None. Set notify.webhook_url, notify.discord_url or notify.ntfy_url in config.
adm-set-config = From config (read-only)

## Users
adm-users-everyone-history = Everyone, with history
adm-users-everyone = Everyone with access
adm-users-invite = Invite someone
adm-users-invite-text = Plex emails them an invitation; they accept it in Plex.
adm-users-account = Plex username or email
adm-users-invite-submit = Invite
adm-users-only-access = Only who has access
adm-users-show-history = Show history
adm-users-show-history-removed = Show history ({ $n } removed)
adm-users-status = Status
adm-users-joined = Joined
adm-users-outside = shared outside plexgate
adm-users-before = before plexgate
adm-users-manage = Manage { $name }
adm-users-change-libraries = Change libraries of { $name }
adm-users-ends = Access ends
adm-users-no-end = Access has no end.
adm-users-extend-days = Extend by days
adm-users-extend = Extend
adm-users-clear-end = Remove the end date
adm-users-end-sessions = End sessions
adm-users-end-sessions-text = Signs { $name } out of plexgate and of every app behind it; access to Plex stays.
adm-users-end-sessions-confirm = Yes, end sessions of { $name }
adm-users-remove = Remove access
adm-users-remove-text = { $name } loses { $libraries } on Plex now.
adm-users-remove-confirm = Yes, remove access of { $name }
adm-users-nobody = Nobody has access yet. Create an invite link or add someone to the allowlist.
adm-users-remove-several = Remove several…
adm-users-accounts = Accounts
adm-users-remove-yes = Yes, remove access
adm-users-remove-mass = Yes, remove all of them, even more than { $n }
adm-users-remove-chosen = Remove chosen

## Setup
adm-setup-step1 = Step 1 of 3: sign in with the Plex account that owns your Plex server. plexgate keeps its sign-in (encrypted) to share your libraries, and never shows it again.
adm-setup-connect = Connect your Plex account
adm-setup-config-html = Prefer a config file? Set <code>PLEXGATE_PLEX_TOKEN</code>, <code>PLEXGATE_PLEX_SERVER</code> and <code>PLEXGATE_ACCESS_LIBRARIES</code> and restart instead; the README explains how.
adm-setup-step2 = Step 2 of 3: which Plex server do you want to share?
adm-setup-servers = Your servers
adm-setup-no-server = This Plex account owns no server plexgate can share.
adm-setup-use-server = Use this server
adm-setup-step3-html = Step 3 of 3: what do friends get on <strong>{ $server }</strong>, and who may join?
adm-setup-libraries = Libraries new friends get
adm-setup-no-libraries = plex.tv listed no libraries for this server. Try again in a minute.
adm-setup-libraries-fixed = Set in config (access.libraries).
adm-setup-policy-invite = People on your allowlist or with an invite link
adm-setup-policy-allowlist = Only people on your allowlist
adm-setup-finish = Finish setup
adm-setup-title = Set up plexgate
adm-setup-server-title = Choose your server
adm-setup-libraries-title = Libraries and policy
adm-setup-already = Already set up
adm-setup-already-text = This plexgate already has an owner. Sign in from the admin page instead.
adm-setup-code-needed = Setup code needed
adm-setup-code-needed-text = This page needs the one-time setup link that plexgate printed when it started.
adm-setup-not-owner = Not the owner
adm-setup-not-owner-text = This plexgate already has an owner, and it is another Plex account. Nothing was changed.
adm-setup-choose-server = Choose a server.
adm-setup-choose-library = Choose at least one library: friends get the ones you tick

## Activity: one sentence per event ($actor did it, to $who; $libs are library titles)
adm-ev-someone = someone
adm-ev-account = account { $id }
adm-ev-gone-library = a library no longer on the server
adm-ev-the-libraries = the libraries
adm-ev-share-not-yet = Sharing with { $who } did not work yet ({ $outcome })
adm-ev-share = plexgate shared { $libs } with { $who }
adm-ev-accept = { $who } accepted
adm-ev-adopt = plexgate took over managing { $who }'s share
adm-ev-signin = { $actor } signed in ({ $outcome })
adm-ev-request = { $who } asked for access
adm-ev-request-approve = { $actor } approved { $who }'s request
adm-ev-request-decline = { $actor } declined { $who }'s request
adm-ev-allowlist-add = { $actor } added someone to the allowlist
adm-ev-allowlist-edit = { $actor } changed an allowlist entry
adm-ev-allowlist-remove = { $actor } removed someone from the allowlist
adm-ev-invite-create = { $actor } created an invite link
adm-ev-invite-revoke = { $actor } revoked an invite link
adm-ev-user-update = { $actor } changed { $who }'s access
adm-ev-remove = { $actor } removed { $who }'s access ({ $outcome })
adm-ev-expired = { $who }'s access ended ({ $outcome })
adm-ev-grant-failed = Sharing with { $who } failed
adm-ev-admin-add = { $actor } added a co-admin
adm-ev-admin-remove = { $actor } removed a co-admin
adm-ev-policy-set = { $actor } changed who may join
adm-ev-libraries-set = { $actor } changed the default libraries
adm-ev-settings-set = { $actor } changed the settings
adm-ev-setup-server = { $actor } chose the server to share
adm-ev-key-create = { $actor } created an API key
adm-ev-key-revoke = { $actor } revoked an API key
adm-ev-sessions-ended = { $actor } ended { $who }'s sessions
adm-ev-owner-token = The owner's Plex connection: { $outcome }
adm-ev-app-signin = { $actor } signed in to an app
adm-ev-app-denied = An app's rule refused { $actor }
adm-ev-app-logout = { $actor } signed out of the apps
adm-ev-sso-untrusted-peer = A proxy plexgate does not trust was refused
adm-ev-oidc-token-reuse = A used sign-in code came back and was refused
adm-ev-oidc-client-changed = { $actor } changed the apps that sign in with Plex
adm-ev-reconcile = The reconciler checked the shares ({ $outcome })
adm-ev-other = { $actor }: { $kind } ({ $outcome })
adm-outcome-ok = ok
adm-outcome-failed = failed
adm-outcome-error = error
adm-outcome-errors = errors
adm-outcome-retry = retry
adm-outcome-shared = shared
adm-outcome-removed = removed
adm-outcome-refused = refused
adm-outcome-denied = denied
adm-outcome-invalid = invalid
adm-outcome-declined = declined
adm-outcome-joined = joined
adm-outcome-changed = changed
adm-outcome-admin = admin
adm-outcome-setting-up = setting up
adm-outcome-already-in = already in
adm-outcome-not-allowed = not allowed
adm-outcome-not-admin = not admin
adm-outcome-invite-refused = invite refused
adm-outcome-not-configured = not configured
adm-outcome-unavailable = unavailable
adm-kind-signin = Sign-ins
adm-kind-share = Shares
adm-kind-accept = Accepted shares
adm-kind-request = Access requests
adm-kind-request_approve = Approved requests
adm-kind-request_decline = Declined requests
adm-kind-allowlist_add = Allowlist additions
adm-kind-allowlist_edit = Allowlist changes
adm-kind-allowlist_remove = Allowlist removals
adm-kind-invite_create = New invite links
adm-kind-invite_revoke = Revoked invite links
adm-kind-user_update = Access changes
adm-kind-remove = Removed access
adm-kind-expired = Expired access
adm-kind-grant_failed = Failed shares
adm-kind-admin_add = Co-admins added
adm-kind-admin_remove = Co-admins removed
adm-kind-policy_set = Policy changes
adm-kind-libraries_set = Default library changes
adm-kind-settings_set = Settings changes
adm-kind-key_create = New API keys
adm-kind-key_revoke = Revoked API keys
adm-kind-sessions_ended = Ended sessions
adm-kind-owner_token = Owner's Plex connection
adm-kind-reconcile = Reconciler runs
adm-kind-notify = Notifications

## Written by the handlers: tabs and page titles
adm-tab-dashboard = Dashboard
adm-tab-access = Access
adm-tab-invites = Invites
adm-tab-libraries = Libraries
adm-tab-users = Users
adm-tab-activity = Activity
adm-tab-apps = Apps
adm-tab-settings = Settings

## Notices after a change
adm-done-allow-added = Added to the allowlist.
adm-done-allow-edited = Allowlist entry saved. It applies when they sign in.
adm-done-allow-edited-shared = Allowlist entry saved. Their share on Plex now has its libraries and end date.
adm-done-allow-removed = Removed from the allowlist.
adm-done-policy = Access policy saved.
adm-done-admin-added = Co-admin added.
adm-done-admin-removed = Co-admin removed.
adm-done-approved = Request approved: access is being shared.
adm-done-declined = Request declined.
adm-done-revoked = Invite link revoked.
adm-done-libraries = Default libraries saved.
adm-done-refreshed = Library list refreshed from plex.tv.
adm-done-user-changed = Access changed.
adm-done-user-removed = Access removed.
adm-done-invited = Invitation sent.
adm-done-sessions-ended = Sessions ended: every app asks this account to sign in again.
adm-done-settings = Settings saved.
adm-done-key-revoked = API key revoked.
adm-done-key-created = API key created.
adm-done-invite-created = Invite link created.
adm-done-preview = Preview below; nothing is saved until you press Save.
adm-done-notify-test-1 = Test queued for your notification channel.
adm-done-notify-test-2 = Test queued for both notification channels.
adm-done-notify-test-3 = Test queued for all three notification channels.
adm-done-notify-none = No channels configured: set notify.webhook_url, notify.discord_url or notify.ntfy_url.
adm-done-backup = Backup taken.
adm-done-app-secret = App saved. Its client secret is below, shown only this once.
adm-done-app-saved = Apps saved.
adm-done-app-removed = App removed; its tokens stop working at their next use.
adm-done-held = Held removals handled.
adm-done-setup = plexgate is set up. Welcome to the admin pages.

## Refusals and errors
adm-owner-only = Owner only
adm-owner-only-text = Only the server's owner can use this page. Co-admins manage access, invites, libraries and users.
adm-back-dashboard = Back to the dashboard
adm-back = Back
adm-plex-unexpected = plex.tv did not answer as expected, so nothing was changed.
adm-plex-unexpected-retry = plex.tv did not answer as expected, so nothing was changed. Try again in a minute.
adm-library-not-here = One of the chosen libraries is not on this server
adm-days-whole = The days of access must be a whole number, or empty for no end
adm-signin-title = Admin sign-in
adm-signin-text = The admin pages are for the server's owner and co-admins. Sign in with your Plex account.
adm-signin-reconnect-text = plexgate lost its connection to the owner's Plex account. The owner signs in with Plex once more to reconnect; no other account can.
adm-backup-not-found-title = Not found
adm-backup-not-found = No such backup.

## Dashboard: the Plex connection and what needs attention
adm-conn-ready = Connected to plex.tv as { $name }
adm-conn-none = No Plex account connected yet
adm-conn-resolving = Connecting to plex.tv…
adm-conn-unreachable = Cannot reach plex.tv yet: { $error }
adm-conn-token-invalid = plex.tv no longer accepts the owner's sign-in: reconnect Plex
adm-conn-needs-reconnect = This install cannot read the stored Plex sign-in (restored from another install): reconnect Plex
adm-conn-misconfigured = Needs your attention: { $problem }
adm-att-setup-server = Setup is not finished: friends see "not ready yet" until you choose your server and libraries.
adm-att-setup-libraries = Setup is not finished: friends see "not ready yet" until you choose the libraries they get.
adm-att-no-libraries = No libraries are chosen yet: friends see "not ready yet" until someone does.
adm-att-choose-libraries = Choose libraries
adm-att-open = The access policy is open: anyone who signs in with Plex gets access.
adm-att-change-policy = Change who may join
adm-att-public-url = server.public_url is still the default http://localhost:8080: Plex sends friends back there after they sign in. Set it to the address friends use.
adm-att-see-settings = See the settings
adm-att-failed =
    { $n ->
        [one] 1 share failed and needs you.
        *[other] { $n } shares failed and need you.
    }
adm-att-open-users = Open Users
adm-att-removal-failed =
    { $n ->
        [one] 1 removal not confirmed by plex.tv: they may still have access. plexgate keeps retrying.
        *[other] { $n } removals not confirmed by plex.tv: they may still have access. plexgate keeps retrying.
    }
adm-att-requests =
    { $n ->
        [one] 1 access request waits for you.
        *[other] { $n } access requests wait for you.
    }
adm-att-answer = Answer requests
adm-att-held =
    { $n ->
        [one] 1 removal held back for your confirmation.
        *[other] { $n } removals held back for your confirmation.
    }
adm-att-review = Review them

## Access, apps, invites, libraries, settings, users: handler words
adm-acc-default-set = default set
adm-acc-policy-fixed-error = The access policy is set in config (access.policy / PLEXGATE_ACCESS_POLICY), which wins: change it there
adm-acc-choose-policy = Choose who may join: invite, allowlist or open
adm-acc-share-not-changed = The entry is saved, but { $name }'s share could not be changed yet: { $reason }
adm-apps-from-config = from config.toml
adm-apps-set-with-api = set with PUT /api/v1/apps
adm-apps-added-here = added here
adm-apps-kind-public = public
adm-apps-kind-confidential = confidential
adm-apps-rule-deny = Nobody
adm-apps-rule-owner = Only you
adm-apps-rule-admins = You and your co-admins
adm-apps-rule-friends = Admins and everyone with access
adm-apps-rule-friends-to = Admins and everyone with access to { $libraries }
adm-apps-or = or
adm-apps-rule-and-users = { $rule }, and { $users }
adm-apps-bad-id = Use 1 to 64 letters, digits, dots, dashes or underscores, for example immich.
adm-apps-id-taken = { $id } is already on your list: remove it first, or pick another id.
adm-apps-no-redirect = Add the address the app asks you to register (its redirect URI).
adm-apps-bad-redirect = { $uri } is not a full address: write it as the app shows it, for example https://photos.example.com/auth/login (no * and no #).
adm-inv-whole-uses = The number of uses must be a whole number, or empty
adm-inv-whole-expires = The days until the link expires must be a whole number, or empty
adm-inv-whole-access = The days of access must be a whole number, or empty
adm-lib-empty-refresh = plex.tv answered with no libraries or did not answer, so nothing was changed. Try again later.
adm-lib-read-failed = The library list could not be read from plex.tv: { $error }
adm-lib-unlisted-title = Library { $id }
adm-lib-unlisted = not listed by plex.tv right now
adm-set-libraries-page = chosen on the Libraries page
adm-set-entries =
    { $n ->
        [one] 1 entry
        *[other] { $n } entries
    }
adm-set-source-config = config file or PLEXGATE_* environment
adm-users-them = them
adm-users-removal-unconfirmed = removal not confirmed by Plex yet: may still have access
adm-users-st-sharing = being shared: plexgate keeps trying
adm-users-st-pending = waiting for { $name } to accept
adm-users-st-pending-until = waiting for { $name } to accept until { $date }
adm-users-st-active = active
adm-users-st-active-until = active until { $date }
adm-users-st-failed = sharing failed: needs you
adm-users-st-removed = access removed
adm-users-choose-library = Choose at least one library (to end access, use Remove access)
adm-users-days-type = Type how many days to add (1 to 3650)
adm-users-days-whole = The days to add must be a whole number from 1 to 3650
adm-users-unknown = That account is not known here
adm-users-choose-whom = Choose whose access to remove
adm-users-tick-confirm = Tick "Yes, remove access" to confirm
adm-users-mass = You chose { $n } accounts, more than reconcile.max_removals ({ $max }). Nothing was removed. Also tick "Yes, remove all of them".
