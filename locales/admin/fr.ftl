# Catalogue d'administration français de plexgate : mêmes ids et variables que locales/admin/en.ftl.

## Every admin page
adm-nav = Pages d'administration
adm-signed-in-owner = Connecté en tant que { $name }, propriétaire du serveur
adm-signed-in-coadmin = Connecté en tant que { $name }, co-administrateur
adm-nothing-yet = Rien pour l'instant.
adm-reconnect = Reconnecter Plex
adm-invite-create = Créer un lien d'invitation
adm-allowlist = Liste d'autorisation
adm-save = Enregistrer
adm-remove = Retirer
adm-revoke = Révoquer
adm-edit = Modifier
adm-preview = Aperçu
adm-actions = Actions
adm-account = Compte
adm-libraries = Bibliothèques
adm-note = Note
adm-name = Nom
adm-title = Titre
adm-text = Texte
adm-empty-no-end = (vide : sans fin)
adm-for-you = (pour vous)
adm-access-days = Accès pendant combien de jours
adm-account-any = Identifiant de compte Plex, nom d'utilisateur ou e-mail
adm-set-in-config = (défini dans la configuration)

## Dashboard
adm-dash-attention = À traiter
adm-dash-sharing-html = Partage de <strong>{ $server }</strong>
adm-dash-see-friends = Voir ce que voient les amis
adm-dash-glance = En un coup d'œil
adm-dash-with-access = Avec accès
adm-dash-waiting = En attente d'acceptation
adm-dash-failed = Partage échoué
adm-dash-removal-failed = Retrait non confirmé
adm-dash-asking = Demandes d'accès
adm-dash-invites = Liens d'invitation en service
adm-dash-held = Retraits suspendus
adm-dash-held-text-html = La réconciliation a trouvé plus de comptes expirés que <code>reconcile.max_removals</code> et n'en a retiré aucun.
adm-dash-held-keep = Les garder (abandonner)
adm-dash-held-remove = Les retirer tous
adm-dash-held-confirm-text = Chaque compte listé ci-dessus perd maintenant son accès sur Plex.
adm-dash-held-confirm = Oui, les retirer tous
adm-dash-recent = Événements récents
adm-dash-all-activity = Toute l'activité

## Access
adm-acc-asking = Demandes d'accès
adm-acc-asked = a demandé
adm-acc-approve = Accepter { $name }
adm-acc-days = Jours d'accès
adm-acc-approve-share = Accepter et partager
adm-acc-decline = Refuser
adm-acc-decline-text = { $name } n'est pas prévenu ; rien n'est partagé.
adm-acc-decline-confirm = Oui, refuser { $name }
adm-acc-add = Ajouter quelqu'un
adm-acc-add-submit = Ajouter à la liste
adm-acc-access = Accès
adm-acc-signed-in = (s'est connecté)
adm-acc-not-signed-in = (pas encore connecté)
adm-acc-days-from-joining =
    { $n ->
        [one] 1 jour après l'arrivée
        *[other] { $n } jours après l'arrivée
    }
adm-acc-no-end = sans fin
adm-acc-save-changes-share = Enregistrer modifie aussitôt le partage de { $name } sur Plex.
adm-acc-save-entry = Enregistrer { $name }
adm-acc-remove-text = { $name } ne peut plus rejoindre. L'accès déjà obtenu reste jusqu'à ce que vous le retiriez dans Utilisateurs.
adm-acc-remove-confirm = Oui, retirer { $name }
adm-acc-nobody = Personne sur la liste d'autorisation pour l'instant.
adm-who-may-join = Qui peut rejoindre
adm-acc-open-warning-html = La règle est <strong>ouverte</strong> : quiconque se connecte avec Plex obtient l'accès.
adm-acc-policy = Règle :
adm-acc-policy-in-config = (définie dans la configuration : access.policy)
adm-policy-invite = Les personnes de la liste ou munies d'un lien d'invitation
adm-policy-allowlist = Seulement les personnes de la liste (liens d'invitation désactivés)
adm-policy-open = Quiconque se connecte avec Plex
adm-acc-coadmins = Co-administrateurs
adm-acc-coadmins-text = Les co-administrateurs gèrent accès, invitations, bibliothèques et utilisateurs ; vous seul gérez les co-administrateurs, les réglages, les clés et les sauvegardes.
adm-acc-coadmin-remove-text = { $name } ne peut plus ouvrir les pages d'administration.
adm-acc-coadmin-remove-label = Oui, retirer le co-administrateur { $name }
adm-acc-no-coadmins = Aucun co-administrateur.
adm-acc-coadmin-add = Ajouter un co-administrateur
adm-acc-coadmin-add-submit = Ajouter comme co-administrateur

## Activity
adm-act-filter = Filtrer
adm-act-account-hint = (nom d'utilisateur Plex, e-mail ou identifiant de compte)
adm-act-kind = Ce qui s'est passé
adm-act-everything = Tout
adm-act-show = Afficher
adm-act-show-all = Tout afficher
adm-act-older = Plus anciens

## Apps
adm-apps-fa = Applications en forward-auth
adm-apps-app = Application
adm-apps-who-open = Qui peut l'ouvrir
adm-apps-signin = Connexion
adm-apps-bypass = Ouvert sans connexion :
adm-apps-bypass-hint = Seulement pour les chemins que l'application protège elle-même (sa clé d'API).
adm-apps-no-bypass = Rien : chaque chemin demande une connexion.
adm-apps-fa-none = Aucune pour l'instant (sso.enabled, [[sso.apps]] ou PUT /api/v1/apps).
adm-apps-oidc = Applications qui se connectent avec Plex (OpenID Connect)
adm-apps-oidc-off = Désactivé : mettez oidc.enabled = true pour les servir.
adm-apps-secret-new = Le nouveau secret client
adm-apps-secret-once = Copiez-le maintenant dans les réglages de l'application : il n'est montré qu'une fois et stocké haché.
adm-apps-secret-label = Le secret (sélectionnez-le pour le copier)
adm-apps-secret-copy = Copier le secret
adm-apps-add = Ajouter une application
adm-apps-client-id = Identifiant client
adm-apps-redirects = URI de redirection
adm-apps-redirects-hint = (une par ligne, exacte)
adm-apps-who-signin = Qui peut se connecter
adm-apps-allow-friends = les amis
adm-apps-allow-admins = les administrateurs
adm-apps-allow-owner = le propriétaire
adm-apps-allow-deny = personne
adm-apps-users = Ces comptes aussi
adm-apps-users-hint = (noms d'utilisateur, e-mails ou identifiants, séparés par des virgules)
adm-apps-public = Client public (application mobile ou monopage : pas de secret, PKCE obligatoire)
adm-apps-add-submit = Ajouter l'application
adm-apps-client-id-is = identifiant client { $client }
adm-apps-secret-renew = Nouveau secret
adm-apps-secret-renew-text = L'ancien secret cesse de fonctionner : { $name } a besoin du nouveau dans ses réglages.
adm-apps-secret-renew-label = Oui, un nouveau secret pour { $name }
adm-apps-secret-renew-confirm = Oui, créer un nouveau secret
adm-apps-remove-text = { $name } ne peut plus connecter personne avec Plex.
adm-apps-none = Aucune application pour l'instant.

## Invites
adm-inv-turned-off-html = La règle est <strong>liste d'autorisation</strong> : les liens d'invitation sont désactivés et le disent à quiconque en ouvre un.
adm-inv-new = Votre nouveau lien d'invitation
adm-inv-new-once = Copiez-le maintenant et envoyez-le à votre ami : il n'est montré qu'une fois.
adm-inv-new-label = Le lien (sélectionnez-le pour le copier)
adm-inv-copy = Copier le lien
adm-inv-links = Liens d'invitation
adm-inv-default = Par défaut, un lien sert une fois et pendant 7 jours.
adm-inv-max-uses = Combien de personnes peuvent l'utiliser
adm-inv-no-limit-hint = (vide : sans limite)
adm-inv-expires-days = Le lien expire après (jours)
adm-inv-never-hint = (vide : jamais)
adm-inv-create-submit = Créer le lien d'invitation
adm-inv-link = Lien
adm-inv-state = État
adm-inv-uses = Utilisations
adm-inv-expires = Expiration
adm-inv-used-by = Utilisé par
adm-inv-name = Invitation { $n }
adm-inv-state-active = actif
adm-inv-state-revoked = révoqué
adm-inv-state-expired = expiré
adm-inv-state-used-up = épuisé
adm-inv-used = utilisé { $n } fois
adm-inv-left = reste { $n }
adm-inv-no-limit = sans limite
adm-inv-expired-when = expiré
adm-inv-expires-when = expire
adm-inv-never-expires = n'expire jamais
adm-inv-access-for =
    { $n ->
        [one] accès pour 1 jour
        *[other] accès pour { $n } jours
    }
adm-inv-used-by-list = Utilisé par : { $names }
adm-inv-nobody-yet = personne pour l'instant
adm-revoke-confirm = Oui, le révoquer
adm-inv-revoke-text = Plus personne ne peut rejoindre avec ce lien.
adm-inv-revoke-label = Oui, révoquer l'invitation { $n }
adm-inv-none = Aucun lien d'invitation pour l'instant.

## Libraries
adm-lib-default-set = La sélection par défaut : ce que reçoit un nouvel ami quand rien d'autre n'est précisé
adm-lib-none = Aucune bibliothèque listée.
adm-lib-fixed = Défini dans la configuration (access.libraries), qui l'emporte : changez-le là.
adm-lib-save = Enregistrer les bibliothèques par défaut
adm-lib-downloads = Téléchargements pour les nouveaux partages :
adm-lib-allowed = autorisés
adm-lib-not-allowed = non autorisés
adm-lib-in-config = défini dans la configuration
adm-lib-built-in = valeur par défaut intégrée
adm-lib-refresh = Actualiser depuis plex.tv
adm-lib-none-ticked = (rien de coché : la sélection par défaut)
adm-flags = Sur le partage
adm-flags-hint = (cochés selon vos réglages)
adm-flag-downloads = Téléchargements
adm-flag-live-tv = TV en direct
adm-flag-camera = Envoi depuis l'appareil photo

## Settings
adm-set-welcome = Page d'accueil
adm-set-see-welcome = Voir la page d'accueil comme vos amis
adm-set-save-welcome = Enregistrer la page d'accueil
adm-set-joined-page = Page « Vous y êtes »
adm-set-markdown = Ce que voient les amis après leur arrivée (Markdown)
adm-set-langs = Dans les langues de vos amis
adm-set-langs-text = Vos amis lisent plexgate dans la langue de leur navigateur. Vos textes ci-dessus s'affichent tels que vous les avez écrits ; une version ici les remplace pour les amis qui lisent cette langue (un champ vide garde votre texte principal).
adm-set-keys = Clés d'API
adm-set-key-new = Votre nouvelle clé d'API. Copiez-la maintenant : elle n'est montrée qu'une fois.
adm-set-key-label = La clé (sélectionnez-la pour la copier)
adm-set-key-copy = Copier la clé
adm-set-created = Créée
adm-set-last-used = Dernière utilisation
adm-set-created-when = créée
adm-set-last-used-when = utilisée
adm-set-never-used = jamais utilisée
adm-set-key-revoke-text = Tout ce qui utilise cette clé cesse de fonctionner.
adm-set-key-revoke-label = Oui, révoquer la clé { $name }
adm-set-no-keys = Aucune clé d'API.
adm-set-key-create = Créer une clé d'API
adm-set-key-name-hint = (ce qui l'utilise)
adm-set-key-create-submit = Créer la clé d'API
adm-set-backups = Sauvegardes
adm-set-backup-now = Faire une sauvegarde maintenant
adm-set-backup-from = Sauvegarde du
adm-set-no-backups = Aucune sauvegarde pour l'instant.
adm-set-backup-key-html = Pour restaurer la connexion Plex enregistrée, une sauvegarde a besoin du fichier de clé (<code>plexgate.key</code>) ; gardez les deux en lieu sûr.
adm-set-notifications = Notifications
adm-set-notify-test = Envoyer un test
adm-set-notify-none = Aucune. Définissez notify.webhook_url, notify.discord_url ou notify.ntfy_url dans la configuration.
adm-set-config = Depuis la configuration (lecture seule)

## Users
adm-users-everyone-history = Tout le monde, avec l'historique
adm-users-everyone = Tous ceux qui ont accès
adm-users-invite = Inviter quelqu'un
adm-users-invite-text = Plex lui envoie une invitation par e-mail ; elle s'accepte dans Plex.
adm-users-account = Nom d'utilisateur Plex ou e-mail
adm-users-invite-submit = Inviter
adm-users-only-access = Seulement ceux qui ont accès
adm-users-show-history = Afficher l'historique
adm-users-show-history-removed = Afficher l'historique ({ $n } retirés)
adm-users-status = Statut
adm-users-joined = Arrivée
adm-users-outside = partagé hors de plexgate
adm-users-before = avant plexgate
adm-users-manage = Gérer { $name }
adm-users-change-libraries = Changer les bibliothèques de { $name }
adm-users-ends = L'accès se termine
adm-users-no-end = L'accès n'a pas de fin.
adm-users-extend-days = Prolonger de (jours)
adm-users-extend = Prolonger
adm-users-clear-end = Supprimer la date de fin
adm-users-end-sessions = Fermer les sessions
adm-users-end-sessions-text = Déconnecte { $name } de plexgate et de chaque application derrière ; l'accès à Plex reste.
adm-users-end-sessions-confirm = Oui, fermer les sessions de { $name }
adm-users-remove = Retirer l'accès
adm-users-remove-text = { $name } perd maintenant { $libraries } sur Plex.
adm-users-remove-confirm = Oui, retirer l'accès de { $name }
adm-users-nobody = Personne n'a encore accès. Créez un lien d'invitation ou ajoutez quelqu'un à la liste d'autorisation.
adm-users-remove-several = En retirer plusieurs…
adm-users-accounts = Comptes
adm-users-remove-yes = Oui, retirer l'accès
adm-users-remove-mass = Oui, les retirer tous, même plus de { $n }
adm-users-remove-chosen = Retirer la sélection

## Setup
adm-setup-step1 = Étape 1 sur 3 : connectez-vous avec le compte Plex propriétaire de votre serveur Plex. plexgate garde cette connexion (chiffrée) pour partager vos bibliothèques et ne la montre plus jamais.
adm-setup-connect = Connecter votre compte Plex
adm-setup-config-html = Vous préférez un fichier de configuration ? Définissez <code>PLEXGATE_PLEX_TOKEN</code>, <code>PLEXGATE_PLEX_SERVER</code> et <code>PLEXGATE_ACCESS_LIBRARIES</code> puis redémarrez ; le README explique comment.
adm-setup-step2 = Étape 2 sur 3 : quel serveur Plex voulez-vous partager ?
adm-setup-servers = Vos serveurs
adm-setup-no-server = Ce compte Plex ne possède aucun serveur que plexgate puisse partager.
adm-setup-use-server = Utiliser ce serveur
adm-setup-step3-html = Étape 3 sur 3 : que reçoivent les amis sur <strong>{ $server }</strong>, et qui peut rejoindre ?
adm-setup-libraries = Bibliothèques des nouveaux amis
adm-setup-no-libraries = plex.tv n'a listé aucune bibliothèque pour ce serveur. Réessayez dans une minute.
adm-setup-libraries-fixed = Défini dans la configuration (access.libraries).
adm-setup-policy-invite = Les personnes de votre liste ou munies d'un lien d'invitation
adm-setup-policy-allowlist = Seulement les personnes de votre liste
adm-setup-finish = Terminer la configuration
adm-setup-title = Configurer plexgate
adm-setup-server-title = Choisissez votre serveur
adm-setup-libraries-title = Bibliothèques et règle
adm-setup-already = Déjà configuré
adm-setup-already-text = Ce plexgate a déjà un propriétaire. Connectez-vous plutôt depuis la page d'administration.
adm-setup-code-needed = Code de configuration requis
adm-setup-code-needed-text = Cette page demande le lien de configuration à usage unique que plexgate a affiché au démarrage.
adm-setup-not-owner = Pas le propriétaire
adm-setup-not-owner-text = Ce plexgate a déjà un propriétaire, et c'est un autre compte Plex. Rien n'a été modifié.
adm-setup-choose-server = Choisissez un serveur.
adm-setup-choose-library = Choisissez au moins une bibliothèque : les amis reçoivent celles que vous cochez

## Activity: one sentence per event ($actor did it, to $who; $libs are library titles)
adm-ev-someone = quelqu'un
adm-ev-account = compte { $id }
adm-ev-gone-library = une bibliothèque qui n'est plus sur le serveur
adm-ev-the-libraries = les bibliothèques
adm-ev-share-not-yet = Le partage avec { $who } n'a pas encore abouti ({ $outcome })
adm-ev-share = plexgate a partagé { $libs } avec { $who }
adm-ev-accept = { $who } a accepté
adm-ev-adopt = plexgate gère désormais le partage de { $who }
adm-ev-signin = { $actor } s'est connecté ({ $outcome })
adm-ev-request = { $who } a demandé l'accès
adm-ev-request-approve = { $actor } a accepté la demande de { $who }
adm-ev-request-decline = { $actor } a refusé la demande de { $who }
adm-ev-allowlist-add = { $actor } a ajouté quelqu'un à la liste d'autorisation
adm-ev-allowlist-edit = { $actor } a modifié une entrée de la liste d'autorisation
adm-ev-allowlist-remove = { $actor } a retiré quelqu'un de la liste d'autorisation
adm-ev-invite-create = { $actor } a créé un lien d'invitation
adm-ev-invite-revoke = { $actor } a révoqué un lien d'invitation
adm-ev-user-update = { $actor } a modifié l'accès de { $who }
adm-ev-remove = { $actor } a retiré l'accès de { $who } ({ $outcome })
adm-ev-expired = L'accès de { $who } a pris fin ({ $outcome })
adm-ev-grant-failed = Le partage avec { $who } a échoué
adm-ev-admin-add = { $actor } a ajouté un co-administrateur
adm-ev-admin-remove = { $actor } a retiré un co-administrateur
adm-ev-policy-set = { $actor } a changé qui peut rejoindre
adm-ev-libraries-set = { $actor } a changé les bibliothèques par défaut
adm-ev-settings-set = { $actor } a changé les réglages
adm-ev-setup-server = { $actor } a choisi le serveur à partager
adm-ev-key-create = { $actor } a créé une clé d'API
adm-ev-key-revoke = { $actor } a révoqué une clé d'API
adm-ev-sessions-ended = { $actor } a fermé les sessions de { $who }
adm-ev-owner-token = La connexion Plex du propriétaire : { $outcome }
adm-ev-app-signin = { $actor } s'est connecté à une application
adm-ev-app-denied = La règle d'une application a refusé { $actor }
adm-ev-app-logout = { $actor } s'est déconnecté des applications
adm-ev-sso-untrusted-peer = Un proxy auquel plexgate ne fait pas confiance a été refusé
adm-ev-oidc-token-reuse = Un code de connexion déjà utilisé est revenu et a été refusé
adm-ev-oidc-client-changed = { $actor } a changé les applications qui se connectent avec Plex
adm-ev-reconcile = La réconciliation a vérifié les partages ({ $outcome })
adm-ev-other = { $actor } : { $kind } ({ $outcome })
adm-outcome-ok = ok
adm-outcome-failed = échec
adm-outcome-error = erreur
adm-outcome-errors = erreurs
adm-outcome-retry = nouvel essai
adm-outcome-shared = partagé
adm-outcome-removed = retiré
adm-outcome-refused = refusé
adm-outcome-denied = refusé
adm-outcome-invalid = invalide
adm-outcome-declined = décliné
adm-outcome-joined = arrivé
adm-outcome-changed = modifié
adm-outcome-admin = administrateur
adm-outcome-setting-up = en préparation
adm-outcome-already-in = déjà là
adm-outcome-not-allowed = non autorisé
adm-outcome-not-admin = pas administrateur
adm-outcome-invite-refused = invitation refusée
adm-outcome-not-configured = non configuré
adm-outcome-unavailable = indisponible
adm-kind-signin = Connexions
adm-kind-share = Partages
adm-kind-accept = Partages acceptés
adm-kind-request = Demandes d'accès
adm-kind-request_approve = Demandes acceptées
adm-kind-request_decline = Demandes refusées
adm-kind-allowlist_add = Ajouts à la liste
adm-kind-allowlist_edit = Modifications de la liste
adm-kind-allowlist_remove = Retraits de la liste
adm-kind-invite_create = Nouveaux liens d'invitation
adm-kind-invite_revoke = Liens d'invitation révoqués
adm-kind-user_update = Changements d'accès
adm-kind-remove = Accès retirés
adm-kind-expired = Accès expirés
adm-kind-grant_failed = Partages échoués
adm-kind-admin_add = Co-administrateurs ajoutés
adm-kind-admin_remove = Co-administrateurs retirés
adm-kind-policy_set = Changements de règle
adm-kind-libraries_set = Changements des bibliothèques par défaut
adm-kind-settings_set = Changements de réglages
adm-kind-key_create = Nouvelles clés d'API
adm-kind-key_revoke = Clés d'API révoquées
adm-kind-sessions_ended = Sessions fermées
adm-kind-owner_token = Connexion Plex du propriétaire
adm-kind-reconcile = Passages de la réconciliation
adm-kind-notify = Notifications

## Written by the handlers: tabs and page titles
adm-tab-dashboard = Tableau de bord
adm-tab-access = Accès
adm-tab-invites = Invitations
adm-tab-libraries = Bibliothèques
adm-tab-users = Utilisateurs
adm-tab-activity = Activité
adm-tab-apps = Applications
adm-tab-settings = Réglages

## Notices after a change
adm-done-allow-added = Ajouté à la liste d'autorisation.
adm-done-allow-edited = Entrée enregistrée. Elle s'applique à leur connexion.
adm-done-allow-edited-shared = Entrée enregistrée. Leur partage sur Plex a maintenant ces bibliothèques et cette date de fin.
adm-done-allow-removed = Retiré de la liste d'autorisation.
adm-done-policy = Règle d'accès enregistrée.
adm-done-admin-added = Co-administrateur ajouté.
adm-done-admin-removed = Co-administrateur retiré.
adm-done-approved = Demande acceptée : l'accès est en cours de partage.
adm-done-declined = Demande refusée.
adm-done-revoked = Lien d'invitation révoqué.
adm-done-libraries = Bibliothèques par défaut enregistrées.
adm-done-refreshed = Liste des bibliothèques actualisée depuis plex.tv.
adm-done-user-changed = Accès modifié.
adm-done-user-removed = Accès retiré.
adm-done-invited = Invitation envoyée.
adm-done-sessions-ended = Sessions fermées : chaque application demande à ce compte de se reconnecter.
adm-done-settings = Réglages enregistrés.
adm-done-key-revoked = Clé d'API révoquée.
adm-done-key-created = Clé d'API créée.
adm-done-invite-created = Lien d'invitation créé.
adm-done-preview = Aperçu ci-dessous ; rien n'est enregistré tant que vous n'appuyez pas sur Enregistrer.
adm-done-notify-test-1 = Test mis en file pour votre canal de notification.
adm-done-notify-test-2 = Test mis en file pour les deux canaux de notification.
adm-done-notify-test-3 = Test mis en file pour les trois canaux de notification.
adm-done-notify-none = Aucun canal configuré : définissez notify.webhook_url, notify.discord_url ou notify.ntfy_url.
adm-done-backup = Sauvegarde faite.
adm-done-app-secret = Application enregistrée. Son secret client est ci-dessous, montré une seule fois.
adm-done-app-saved = Applications enregistrées.
adm-done-app-removed = Application retirée ; ses jetons cessent de fonctionner à leur prochaine utilisation.
adm-done-held = Retraits suspendus traités.
adm-done-setup = plexgate est configuré. Bienvenue dans les pages d'administration.

## Refusals and errors
adm-owner-only = Réservé au propriétaire
adm-owner-only-text = Seul le propriétaire du serveur peut utiliser cette page. Les co-administrateurs gèrent accès, invitations, bibliothèques et utilisateurs.
adm-back-dashboard = Retour au tableau de bord
adm-back = Retour
adm-plex-unexpected = plex.tv n'a pas répondu comme prévu, donc rien n'a été modifié.
adm-plex-unexpected-retry = plex.tv n'a pas répondu comme prévu, donc rien n'a été modifié. Réessayez dans une minute.
adm-library-not-here = Une des bibliothèques choisies n'est pas sur ce serveur
adm-days-whole = Les jours d'accès doivent être un nombre entier, ou vide pour sans fin
adm-signin-title = Connexion administrateur
adm-signin-text = Les pages d'administration sont pour le propriétaire du serveur et ses co-administrateurs. Connectez-vous avec votre compte Plex.
adm-signin-reconnect-text = plexgate a perdu sa connexion au compte Plex du propriétaire. Le propriétaire se reconnecte une fois avec Plex ; aucun autre compte ne le peut.
adm-backup-not-found-title = Introuvable
adm-backup-not-found = Cette sauvegarde n'existe pas.

## Dashboard: the Plex connection and what needs attention
adm-conn-ready = Connecté à plex.tv en tant que { $name }
adm-conn-none = Aucun compte Plex connecté pour l'instant
adm-conn-resolving = Connexion à plex.tv…
adm-conn-unreachable = plex.tv est encore injoignable : { $error }
adm-conn-token-invalid = plex.tv n'accepte plus la connexion du propriétaire : reconnectez Plex
adm-conn-needs-reconnect = Cette installation ne peut pas lire la connexion Plex enregistrée (restaurée depuis une autre installation) : reconnectez Plex
adm-conn-misconfigured = À traiter : { $problem }
adm-att-setup-server = La configuration n'est pas terminée : les amis voient « pas encore prêt » tant que vous n'avez pas choisi votre serveur et vos bibliothèques.
adm-att-setup-libraries = La configuration n'est pas terminée : les amis voient « pas encore prêt » tant que vous n'avez pas choisi les bibliothèques qu'ils reçoivent.
adm-att-no-libraries = Aucune bibliothèque choisie : les amis voient « pas encore prêt » jusqu'à ce que quelqu'un le fasse.
adm-att-choose-libraries = Choisir les bibliothèques
adm-att-open = La règle d'accès est ouverte : quiconque se connecte avec Plex obtient l'accès.
adm-att-change-policy = Changer qui peut rejoindre
adm-att-public-url = server.public_url vaut encore http://localhost:8080 par défaut : Plex y renvoie les amis après leur connexion. Indiquez l'adresse qu'utilisent vos amis.
adm-att-see-settings = Voir les réglages
adm-att-failed =
    { $n ->
        [one] 1 partage a échoué et vous attend.
        *[other] { $n } partages ont échoué et vous attendent.
    }
adm-att-open-users = Ouvrir Utilisateurs
adm-att-removal-failed =
    { $n ->
        [one] 1 retrait non confirmé par plex.tv : l'accès existe peut-être encore. plexgate réessaie.
        *[other] { $n } retraits non confirmés par plex.tv : l'accès existe peut-être encore. plexgate réessaie.
    }
adm-att-requests =
    { $n ->
        [one] 1 demande d'accès vous attend.
        *[other] { $n } demandes d'accès vous attendent.
    }
adm-att-answer = Répondre aux demandes
adm-att-held =
    { $n ->
        [one] 1 retrait attend votre confirmation.
        *[other] { $n } retraits attendent votre confirmation.
    }
adm-att-review = Les examiner

## Access, apps, invites, libraries, settings, users: handler words
adm-acc-default-set = sélection par défaut
adm-acc-policy-fixed-error = La règle d'accès est définie dans la configuration (access.policy / PLEXGATE_ACCESS_POLICY), qui l'emporte : changez-la là
adm-acc-choose-policy = Choisissez qui peut rejoindre : invite, allowlist ou open
adm-acc-share-not-changed = L'entrée est enregistrée, mais le partage de { $name } n'a pas encore pu être modifié : { $reason }
adm-apps-from-config = depuis config.toml
adm-apps-set-with-api = défini avec PUT /api/v1/apps
adm-apps-added-here = ajouté ici
adm-apps-kind-public = public
adm-apps-kind-confidential = confidentiel
adm-apps-rule-deny = Personne
adm-apps-rule-owner = Vous seul
adm-apps-rule-admins = Vous et vos co-administrateurs
adm-apps-rule-friends = Les administrateurs et tous ceux qui ont accès
adm-apps-rule-friends-to = Les administrateurs et tous ceux qui ont accès à { $libraries }
adm-apps-or = ou
adm-apps-rule-and-users = { $rule }, et { $users }
adm-apps-bad-id = Utilisez de 1 à 64 lettres, chiffres, points, tirets ou soulignés, par exemple immich.
adm-apps-id-taken = { $id } est déjà dans votre liste : retirez-le d'abord, ou choisissez un autre identifiant.
adm-apps-no-redirect = Ajoutez l'adresse que l'application vous demande d'enregistrer (son URI de redirection).
adm-apps-bad-redirect = { $uri } n'est pas une adresse complète : écrivez-la comme l'application l'affiche, par exemple https://photos.example.com/auth/login (sans * ni #).
adm-inv-whole-uses = Le nombre d'utilisations doit être un nombre entier, ou vide
adm-inv-whole-expires = Les jours avant l'expiration du lien doivent être un nombre entier, ou vide
adm-inv-whole-access = Les jours d'accès doivent être un nombre entier, ou vide
adm-lib-empty-refresh = plex.tv n'a renvoyé aucune bibliothèque ou n'a pas répondu, donc rien n'a été modifié. Réessayez plus tard.
adm-lib-read-failed = La liste des bibliothèques n'a pas pu être lue depuis plex.tv : { $error }
adm-lib-unlisted-title = Bibliothèque { $id }
adm-lib-unlisted = pas listée par plex.tv en ce moment
adm-set-libraries-page = choisies sur la page Bibliothèques
adm-set-entries =
    { $n ->
        [one] 1 entrée
        *[other] { $n } entrées
    }
adm-set-source-config = fichier de configuration ou environnement PLEXGATE_*
adm-users-them = cette personne
adm-users-removal-unconfirmed = retrait pas encore confirmé par Plex : l'accès existe peut-être encore
adm-users-st-sharing = partage en cours : plexgate réessaie
adm-users-st-pending = en attente de l'acceptation de { $name }
adm-users-st-pending-until = en attente de l'acceptation de { $name }, jusqu'au { $date }
adm-users-st-active = actif
adm-users-st-active-until = actif jusqu'au { $date }
adm-users-st-failed = partage échoué : vous attend
adm-users-st-removed = accès retiré
adm-users-choose-library = Choisissez au moins une bibliothèque (pour mettre fin à l'accès, utilisez Retirer l'accès)
adm-users-days-type = Indiquez combien de jours ajouter (1 à 3650)
adm-users-days-whole = Les jours à ajouter doivent être un nombre entier de 1 à 3650
adm-users-unknown = Ce compte n'est pas connu ici
adm-users-choose-whom = Choisissez à qui retirer l'accès
adm-users-tick-confirm = Cochez « Oui, retirer l'accès » pour confirmer
adm-users-mass = Vous avez choisi { $n } comptes, plus que reconcile.max_removals ({ $max }). Rien n'a été retiré. Cochez aussi « Oui, les retirer tous ».
