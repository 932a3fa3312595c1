# plexgate en français. Mêmes identifiants et variables que en.ftl.

## Every page
lang-choose = Langue
back-to-start = Retour à l'accueil
start = Commencer
start-again = Recommencer
continue = Continuer
continue-to = Continuer vers { $app }
back-to = Retour à { $app }
home = Accueil
sign-in-with-plex = Se connecter avec Plex
sign-out = Se déconnecter
open-plex = Ouvrir Plex
your-libraries = Vos bibliothèques

## Dates and times
month-1 = janv.
month-2 = févr.
month-3 = mars
month-4 = avr.
month-5 = mai
month-6 = juin
month-7 = juil.
month-8 = août
month-9 = sept.
month-10 = oct.
month-11 = nov.
month-12 = déc.
date = { $day } { $month } { $year }
date-time = { $date }, { $time } UTC
list-and = { $rest } et { $last }
rel-now = à l'instant
rel-minutes-ago =
    { $n ->
        [one] il y a 1 minute
        *[other] il y a { $n } minutes
    }
rel-hours-ago =
    { $n ->
        [one] il y a 1 heure
        *[other] il y a { $n } heures
    }
rel-days-ago =
    { $n ->
        [one] il y a 1 jour
        *[other] il y a { $n } jours
    }
rel-months-ago =
    { $n ->
        [one] il y a 1 mois
        *[other] il y a { $n } mois
    }
rel-years-ago =
    { $n ->
        [one] il y a 1 an
        *[other] il y a { $n } ans
    }
rel-in-minutes =
    { $n ->
        [one] dans 1 minute
        *[other] dans { $n } minutes
    }
rel-in-hours =
    { $n ->
        [one] dans 1 heure
        *[other] dans { $n } heures
    }
rel-in-days =
    { $n ->
        [one] dans 1 jour
        *[other] dans { $n } jours
    }
rel-in-months =
    { $n ->
        [one] dans 1 mois
        *[other] dans { $n } mois
    }
rel-in-years =
    { $n ->
        [one] dans 1 an
        *[other] dans { $n } ans
    }

## Welcome and invite pages
welcome-default-title = Bienvenue
welcome-default-text = Connectez-vous avec votre compte Plex pour accéder à ce serveur Plex.
welcome-shared-by = un serveur Plex partagé par { $owner }
welcome-you-get = Vous aurez accès à :
welcome-plex-hint = La page de Plex vous demandera de vous connecter et indiquera peut-être qu'un autre appareil se connecte : c'est cette page.
welcome-not-ready = Pas encore prêt : le propriétaire configure encore ce serveur. Revenez un peu plus tard.
invite-title = Vous êtes invité
invite-text = Vous êtes invité sur ce serveur Plex. Connectez-vous avec votre compte Plex pour le rejoindre.
invite-unknown-title = Lien d'invitation introuvable
invite-unknown = Ce lien d'invitation n'existe pas. Vérifiez que vous l'avez copié en entier, ou demandez-en un nouveau.
invite-expired-title = Lien d'invitation expiré
invite-expired = Ce lien d'invitation a expiré. Demandez-en un nouveau à la personne qui vous l'a envoyé.
invite-used-up-title = Lien d'invitation épuisé
invite-used-up = Ce lien d'invitation a été utilisé autant de fois que prévu. Demandez-en un nouveau.
invite-revoked-title = Lien d'invitation désactivé
invite-revoked = Le propriétaire a désactivé ce lien d'invitation. Demandez-lui-en un nouveau.
invite-off-title = Les liens d'invitation sont désactivés
invite-off = Ce serveur n'accepte pas de liens d'invitation pour le moment. Demandez au propriétaire d'ajouter votre compte Plex.

## Signing in
waiting-title = Presque fini
waiting-unconfirmed = Plex n'a pas encore confirmé votre connexion.
waiting-press-continue = Si vous vous êtes connecté sur la page de Plex, patientez un instant puis appuyez sur Continuer.
flow-gone-title = Réessayez
flow-gone = Cette connexion a expiré ou a déjà servi : rien ne s'est passé.
flow-gone-start-again = Recommencez depuis le début.
flow-expired = Cette connexion a expiré ou a déjà servi. Recommencez.

## "You're in" and "Almost there"
joined-title = Vous y êtes
almost-title = Presque fini
almost-being-set-up-html = Votre accès à <strong>{ $server }</strong> est en cours de préparation.
almost-failed = Plex n'a pas terminé le partage. Le propriétaire est prévenu et va s'en occuper ; vous n'avez rien à faire.
almost-next = La suite
almost-email-html = Vous allez recevoir un e-mail de Plex vous invitant sur <strong>{ $server }</strong>. Acceptez-le (ou dans l'app Plex, sous amis et invitations).
almost-come-back-html = Ou revenez plus tard sur cette page et reconnectez-vous : plexgate acceptera l'invitation pour vous.
joined-access-html = Vous avez maintenant accès à <strong>{ $server }</strong>. Trois étapes pour regarder :
joined-access-until-html = Vous avez accès à <strong>{ $server }</strong> jusqu'au { $date_html }. Trois étapes pour regarder :
joined-get-app = Installez l'app Plex
joined-devices = Sur votre téléphone, tablette, TV ou ordinateur :
joined-iphone = iPhone et iPad
joined-android = Android
joined-tv = TV et autres
joined-sign-in-as = Connectez-vous en tant que { $name }
joined-same-account-html = Ouvrez l'app et connectez-vous avec le même compte Plex qu'ici : <strong>{ $name }</strong>.
joined-find = Trouvez vos bibliothèques
joined-shows-up-html = Dans Plex, <strong>{ $server }</strong> apparaît avec :
joined-open-plex-browser = Ouvrir Plex dans ce navigateur
signed-in-as = Connecté à Plex en tant que { $name }.
see-your-access = Voir votre accès
onboarding-default = **Et maintenant ?** Ouvrez Plex sur votre TV, téléphone ou ordinateur et connectez-vous avec le même compte Plex. Les bibliothèques partagées apparaissent sous le nom de ce serveur. Si Plex le demande, acceptez l'invitation du propriétaire.

## /me
me-title = Votre accès
me-signed-in-html = Connecté à Plex en tant que <strong>{ $name }</strong>.
me-server-html = Serveur : <strong>{ $server }</strong>
me-status = État : { $status }
me-ends-html = Votre accès prend fin { $relative_html }, le { $date_html }.
me-no-expiry = Votre accès n'expire pas.
me-no-access = Vous n'avez pas accès à ce serveur pour le moment.
me-apps = Vos apps
me-sign-in-first = Connectez-vous avec Plex pour voir les bibliothèques que vous pouvez regarder.
status-sharing = en préparation
status-pending = partagé avec vous, en attente de votre acceptation dans Plex
status-accepted = actif
status-failed = bloqué : le propriétaire est prévenu
status-removed = retiré
signed-out-title = Vous êtes déconnecté
signed-out-text = Vous êtes déconnecté de ce site. Plex peut encore se souvenir de vous : sur un appareil partagé, déconnectez-vous aussi sur plex.tv.
stale-form-title = Réessayez
stale-form = Ce formulaire de déconnexion est périmé. Revenez en arrière, rechargez la page et réessayez.

## Not on the list, asking for access
not-allowed-title = Pas sur la liste
not-allowed-text-html = Vous êtes connecté à Plex en tant que <strong>{ $name }</strong>. Ce compte n'est pas sur la liste de ce serveur : rien n'a été partagé.
request-note-label = Un mot pour le propriétaire (facultatif)
request-note-placeholder = Salut, c'est moi !
ask-for-access = Demander l'accès
request-already = Vous avez déjà demandé l'accès. Le propriétaire va examiner votre demande.
wrong-account = Mauvais compte ?
wrong-account-text = Plex retient le dernier compte utilisé. Pour en utiliser un autre, déconnectez-vous d'abord sur plex.tv, puis reconnectez-vous ici.
open-plextv-signout = Ouvrir plex.tv pour se déconnecter
sign-in-another = Se connecter avec un autre compte
ask-sign-in-first = Pour demander l'accès au propriétaire, connectez-vous d'abord avec Plex.
note-too-long-title = Message trop long
note-too-long = Gardez le message sous { $max } caractères et réessayez.
request-sent-title = Demande envoyée
request-sent-thanks = Merci ! Le propriétaire a reçu votre demande.
request-sent-email = S'il l'accepte, Plex vous enverra une invitation par e-mail : acceptez-la et les bibliothèques apparaîtront dans votre app Plex.
request-sent-later = Rien après un jour ou deux ? Revenez ici et reconnectez-vous : cette page vous dira où en est votre demande.
request-expired-title = Ce formulaire a expiré
request-expired = Ce formulaire de demande a déjà servi ou est trop ancien. Reconnectez-vous pour demander l'accès.

## Other apps (forward auth and OpenID Connect)
app-sign-in-title = Connexion
app-sign-in-to = Se connecter à { $app }
app-shared = Cette app est partagée par le propriétaire de ce serveur Plex. Connectez-vous avec votre compte Plex pour l'ouvrir.
app-shared-named = { $app } est partagé par le propriétaire de ce serveur Plex. Connectez-vous avec votre compte Plex pour l'ouvrir.
app-logout-html = Connecté à Plex en tant que <strong>{ $name }</strong>. La déconnexion ferme toutes les apps derrière cette connexion.
app-logout-none = Vous n'êtes pas connecté : il n'y a rien à déconnecter.
no-access-title = Pas d'accès
no-access = Vous êtes connecté à Plex en tant que { $name }, mais ce compte ne peut pas ouvrir { $app }.
no-access-named = Le compte Plex { $name } ne peut pas ouvrir { $app }.
no-access-closed = { $app } est fermé à tous.
oidc-signed-in-title = Connecté
oidc-back-to-app = Retournez dans l'app et recommencez.
oidc-app-gone = Cette app n'est plus enregistrée.
oidc-bad-link-title = Ce lien de connexion n'est pas valide
oidc-bad-link = Rien ne s'est passé. Dites au propriétaire de ce serveur quelle app vous a envoyé ici.
oidc-unknown-client = Cette app n'est pas enregistrée auprès de plexgate (client_id inconnu).
oidc-bad-redirect = { $app } a demandé à revenir vers une adresse pour laquelle il n'est pas enregistré (redirect_uri).
oidc-signed-out-title = Déconnecté
oidc-signed-out = Vous êtes déconnecté de plexgate dans ce navigateur.
oidc-logout-unknown = Rien n'a changé : ce lien de déconnexion ne vient pas d'une app connue de plexgate.

## Error pages
err-not-found-title = Page introuvable
err-not-found = Il n'y a rien à cette adresse. Vérifiez le lien qu'on vous a donné.
err-rate-title = Doucement
err-rate = Trop de tentatives depuis votre réseau. Attendez une minute, puis réessayez.
err-internal-title = Un problème est survenu
err-internal = plexgate a rencontré un problème inattendu. Il a été noté ; réessayez dans une minute.
err-retry-title = Réessayez dans une minute
err-plex-slow = Plex n'a pas répondu à temps, rien n'a donc changé. Réessayez dans une minute.
err-disk = plexgate ne peut rien enregistrer pour le moment (son disque est peut-être plein), rien n'a donc changé. Réessayez dans une minute.
err-not-ready-title = Pas encore prêt
err-not-ready = Ce serveur n'est pas encore prêt à partager. Le propriétaire doit terminer sa configuration. Revenez un peu plus tard.
err-busy-title = Très demandé
err-busy = Beaucoup de personnes se connectent en ce moment. Réessayez dans une minute.
err-not-accepted-title = Refusé
err-not-found-thing-title = Introuvable
err-not-possible-title = Impossible
err-form-refused-title = Formulaire refusé
err-form-refused = Ce formulaire est périmé ou ne vient pas de ce site : rien n'a changé. Revenez en arrière, rechargez la page et réessayez.
err-too-large-title = Trop volumineux
err-too-large = Ce formulaire dépasse ce que plexgate accepte.
err-admins-only-title = Réservé aux admins
err-admins-only = Vous êtes connecté, mais ce compte Plex n'est pas admin de ce serveur. Pour changer de compte, déconnectez-vous d'abord sur plex.tv, puis reconnectez-vous depuis la page d'administration.
err-admin-again-title = Reconnectez-vous
err-admin-again = Votre session d'administration a pris fin (les pages d'administration vous déconnectent après un moment sans clic).
