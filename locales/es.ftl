# plexgate en español. Mismos identificadores y variables que en.ftl.

## Every page
lang-choose = Idioma
back-to-start = Volver al inicio
start = Empezar
start-again = Empezar de nuevo
continue = Continuar
continue-to = Continuar a { $app }
back-to = Volver a { $app }
home = Inicio
sign-in-with-plex = Iniciar sesión con Plex
sign-out = Cerrar sesión
open-plex = Abrir Plex
your-libraries = Tus bibliotecas

## Dates and times
month-1 = ene
month-2 = feb
month-3 = mar
month-4 = abr
month-5 = may
month-6 = jun
month-7 = jul
month-8 = ago
month-9 = sept
month-10 = oct
month-11 = nov
month-12 = dic
date = { $day } { $month } { $year }
date-time = { $date }, { $time } UTC
list-and = { $rest } y { $last }
rel-now = ahora mismo
rel-minutes-ago =
    { $n ->
        [one] hace 1 minuto
        *[other] hace { $n } minutos
    }
rel-hours-ago =
    { $n ->
        [one] hace 1 hora
        *[other] hace { $n } horas
    }
rel-days-ago =
    { $n ->
        [one] hace 1 día
        *[other] hace { $n } días
    }
rel-months-ago =
    { $n ->
        [one] hace 1 mes
        *[other] hace { $n } meses
    }
rel-years-ago =
    { $n ->
        [one] hace 1 año
        *[other] hace { $n } años
    }
rel-in-minutes =
    { $n ->
        [one] en 1 minuto
        *[other] en { $n } minutos
    }
rel-in-hours =
    { $n ->
        [one] en 1 hora
        *[other] en { $n } horas
    }
rel-in-days =
    { $n ->
        [one] en 1 día
        *[other] en { $n } días
    }
rel-in-months =
    { $n ->
        [one] en 1 mes
        *[other] en { $n } meses
    }
rel-in-years =
    { $n ->
        [one] en 1 año
        *[other] en { $n } años
    }

## Welcome and invite pages
welcome-default-title = Bienvenido
welcome-default-text = Inicia sesión con tu cuenta de Plex para acceder a este servidor Plex.
welcome-shared-by = un servidor Plex compartido por { $owner }
welcome-you-get = Tendrás acceso a:
welcome-plex-hint = La página de Plex te pedirá que inicies sesión y puede decir que otro dispositivo está iniciando sesión: es esta página.
welcome-not-ready = Aún no está listo: el propietario sigue configurando este servidor. Vuelve un poco más tarde.
invite-title = Estás invitado
invite-text = Te han invitado a este servidor Plex. Inicia sesión con tu cuenta de Plex para unirte.
invite-unknown-title = Enlace de invitación no encontrado
invite-unknown = Este enlace de invitación no existe. Comprueba que lo copiaste entero o pide uno nuevo.
invite-expired-title = Enlace de invitación caducado
invite-expired = Este enlace de invitación ha caducado. Pide uno nuevo a quien te lo envió.
invite-used-up-title = Enlace de invitación agotado
invite-used-up = Este enlace de invitación ya se usó todas las veces permitidas. Pide uno nuevo.
invite-revoked-title = Enlace de invitación desactivado
invite-revoked = El propietario ha desactivado este enlace de invitación. Pídele uno nuevo.
invite-off-title = Los enlaces de invitación están desactivados
invite-off = Este servidor no acepta enlaces de invitación ahora mismo. Pide al propietario que añada tu cuenta de Plex.

## Signing in
waiting-title = Casi listo
waiting-unconfirmed = Plex aún no ha confirmado tu inicio de sesión.
waiting-press-continue = Si iniciaste sesión en la página de Plex, espera un momento y pulsa Continuar.
flow-gone-title = Inténtalo de nuevo
flow-gone = Este inicio de sesión ha caducado o ya se usó, así que no pasó nada.
flow-gone-start-again = Empieza de nuevo desde el principio.
flow-expired = Este inicio de sesión ha caducado o ya se usó. Empieza de nuevo.

## "You're in" and "Almost there"
joined-title = Ya estás dentro
almost-title = Casi listo
almost-being-set-up-html = Estamos preparando tu acceso a <strong>{ $server }</strong>.
almost-failed = Plex no terminó el trabajo. El propietario ya está avisado y lo resolverá; no tienes que hacer nada.
almost-next = Qué pasa ahora
almost-email-html = Recibirás un correo de Plex invitándote a <strong>{ $server }</strong>. Acéptalo (o acéptalo en la app de Plex, en amigos e invitaciones).
almost-come-back-html = O vuelve más tarde a esta página e inicia sesión de nuevo: plexgate la aceptará por ti.
joined-access-html = Ya tienes acceso a <strong>{ $server }</strong>. Tres pasos para empezar a ver:
joined-access-until-html = Tienes acceso a <strong>{ $server }</strong> hasta el { $date_html }. Tres pasos para empezar a ver:
joined-get-app = Descarga la app de Plex
joined-devices = En tu móvil, tableta, TV u ordenador:
joined-iphone = iPhone y iPad
joined-android = Android
joined-tv = TV y otros
joined-sign-in-as = Inicia sesión como { $name }
joined-same-account-html = Abre la app e inicia sesión con la misma cuenta de Plex que usaste aquí: <strong>{ $name }</strong>.
joined-find = Encuentra tus bibliotecas
joined-shows-up-html = En Plex, <strong>{ $server }</strong> aparece con:
joined-open-plex-browser = Abrir Plex en este navegador
signed-in-as = Sesión iniciada en Plex como { $name }.
see-your-access = Ver tu acceso
onboarding-default = **¿Y ahora?** Abre Plex en tu TV, móvil u ordenador e inicia sesión con la misma cuenta de Plex. Las bibliotecas compartidas aparecen bajo el nombre de este servidor. Si Plex te lo pide, acepta la invitación del propietario.

## /me
me-title = Tu acceso
me-signed-in-html = Sesión iniciada en Plex como <strong>{ $name }</strong>.
me-server-html = Servidor: <strong>{ $server }</strong>
me-status = Estado: { $status }
me-ends-html = Tu acceso termina { $relative_html }, el { $date_html }.
me-no-expiry = Tu acceso no caduca.
me-no-access = Ahora mismo no tienes acceso a este servidor.
me-apps = Tus apps
me-sign-in-first = Inicia sesión con Plex para ver qué bibliotecas puedes ver.
status-sharing = en preparación
status-pending = compartido contigo, pendiente de que lo aceptes en Plex
status-accepted = activo
status-failed = atascado: el propietario está avisado
status-removed = retirado
signed-out-title = Has cerrado sesión
signed-out-text = Has cerrado sesión en este sitio. Puede que Plex aún te recuerde: en un dispositivo compartido, cierra sesión también en plex.tv.
stale-form-title = Inténtalo de nuevo
stale-form = Este formulario para cerrar sesión está desactualizado. Vuelve atrás, recarga la página e inténtalo de nuevo.

## Not on the list, asking for access
not-allowed-title = No estás en la lista
not-allowed-text-html = Iniciaste sesión en Plex como <strong>{ $name }</strong>. Esa cuenta no está en la lista de este servidor, así que no se compartió nada.
request-note-label = Una nota para el propietario (opcional)
request-note-placeholder = ¡Hola, soy yo!
ask-for-access = Pedir acceso
request-already = Ya has pedido acceso. El propietario revisará tu solicitud.
wrong-account = ¿Cuenta equivocada?
wrong-account-text = Plex recuerda la última cuenta que usaste. Para usar otra, cierra sesión primero en plex.tv y luego vuelve a iniciar sesión aquí.
open-plextv-signout = Abrir plex.tv para cerrar sesión
sign-in-another = Iniciar sesión con otra cuenta
ask-sign-in-first = Para pedir acceso al propietario, inicia sesión primero con Plex.
note-too-long-title = Nota demasiado larga
note-too-long = La nota debe tener menos de { $max } caracteres. Inténtalo de nuevo.
request-sent-title = Solicitud enviada
request-sent-thanks = ¡Gracias! El propietario ya tiene tu solicitud.
request-sent-email = Si la aprueba, Plex te enviará una invitación por correo: acéptala y las bibliotecas aparecerán en tu app de Plex.
request-sent-later = ¿No ha llegado nada en uno o dos días? Vuelve aquí e inicia sesión de nuevo: esta página te dirá cómo va tu solicitud.
request-expired-title = Este formulario ha caducado
request-expired = Este formulario de solicitud ya se usó o es demasiado antiguo. Inicia sesión de nuevo para pedir acceso.

## Other apps (forward auth and OpenID Connect)
app-sign-in-title = Iniciar sesión
app-sign-in-to = Iniciar sesión en { $app }
app-shared = El propietario de este servidor Plex comparte esta app. Inicia sesión con tu cuenta de Plex para abrirla.
app-shared-named = El propietario de este servidor Plex comparte { $app }. Inicia sesión con tu cuenta de Plex para abrirla.
app-logout-html = Sesión iniciada en Plex como <strong>{ $name }</strong>. Al cerrar sesión se cierran todas las apps que usan este inicio de sesión.
app-logout-none = No has iniciado sesión, así que no hay nada que cerrar.
no-access-title = Sin acceso
no-access = Has iniciado sesión en Plex como { $name }, pero esa cuenta no puede abrir { $app }.
no-access-named = La cuenta de Plex { $name } no puede abrir { $app }.
no-access-closed = { $app } está cerrado para todos.
oidc-signed-in-title = Sesión iniciada
oidc-back-to-app = Vuelve a la app y empieza de nuevo.
oidc-app-gone = Esta app ya no está registrada.
oidc-bad-link-title = Este enlace de inicio de sesión no es válido
oidc-bad-link = No pasó nada. Dile al propietario de este servidor qué app te envió aquí.
oidc-unknown-client = Esta app no está registrada en plexgate (client_id desconocido).
oidc-bad-redirect = { $app } pidió volver a una dirección para la que no está registrada (redirect_uri).
oidc-signed-out-title = Sesión cerrada
oidc-signed-out = Has cerrado sesión en plexgate en este navegador.
oidc-logout-unknown = No ha cambiado nada: este enlace para cerrar sesión no viene de una app que plexgate conozca.

## Error pages
err-not-found-title = Página no encontrada
err-not-found = No hay nada en esta dirección. Revisa el enlace que te dieron.
err-rate-title = Más despacio
err-rate = Demasiados intentos desde tu red. Espera un minuto y vuelve a intentarlo.
err-internal-title = Algo salió mal
err-internal = plexgate tuvo un problema inesperado. Se ha registrado; inténtalo de nuevo en un minuto.
err-retry-title = Inténtalo en un minuto
err-plex-slow = Plex no respondió a tiempo, así que no cambió nada. Inténtalo de nuevo en un minuto.
err-disk = plexgate no puede guardar nada ahora mismo (puede que su disco esté lleno), así que no cambió nada. Inténtalo de nuevo en un minuto.
err-not-ready-title = Aún no está listo
err-not-ready = Este servidor aún no está listo para compartir. El propietario tiene que terminar de configurarlo. Vuelve un poco más tarde.
err-busy-title = Mucha actividad
err-busy = Mucha gente está iniciando sesión ahora mismo. Inténtalo de nuevo en un minuto.
err-not-accepted-title = No aceptado
err-not-found-thing-title = No encontrado
err-not-possible-title = No es posible
err-form-refused-title = Formulario rechazado
err-form-refused = Este formulario está desactualizado o no viene de este sitio, así que no cambió nada. Vuelve atrás, recarga la página e inténtalo de nuevo.
err-too-large-title = Demasiado grande
err-too-large = Este formulario supera lo que plexgate acepta.
err-admins-only-title = Solo administradores
err-admins-only = Has iniciado sesión, pero esta cuenta de Plex no administra este servidor. Para usar otra cuenta, cierra sesión primero en plex.tv y vuelve a entrar desde la página de administración.
err-admin-again-title = Vuelve a iniciar sesión
err-admin-again = Tu sesión de administración ha terminado (las páginas de administración cierran la sesión tras un rato sin clics).
