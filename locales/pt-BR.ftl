# plexgate em português do Brasil. Mesmos ids e variáveis de en.ftl.

## Every page
lang-choose = Idioma
back-to-start = Voltar ao início
start = Começar
start-again = Começar de novo
continue = Continuar
continue-to = Continuar para { $app }
back-to = Voltar para { $app }
home = Início
sign-in-with-plex = Entrar com o Plex
sign-out = Sair
open-plex = Abrir o Plex
your-libraries = Suas bibliotecas

## Dates and times
month-1 = jan.
month-2 = fev.
month-3 = mar.
month-4 = abr.
month-5 = mai.
month-6 = jun.
month-7 = jul.
month-8 = ago.
month-9 = set.
month-10 = out.
month-11 = nov.
month-12 = dez.
date = { $day } de { $month } de { $year }
date-time = { $date }, { $time } UTC
list-and = { $rest } e { $last }
rel-now = agora mesmo
rel-minutes-ago =
    { $n ->
        [one] há 1 minuto
        *[other] há { $n } minutos
    }
rel-hours-ago =
    { $n ->
        [one] há 1 hora
        *[other] há { $n } horas
    }
rel-days-ago =
    { $n ->
        [one] há 1 dia
        *[other] há { $n } dias
    }
rel-months-ago =
    { $n ->
        [one] há 1 mês
        *[other] há { $n } meses
    }
rel-years-ago =
    { $n ->
        [one] há 1 ano
        *[other] há { $n } anos
    }
rel-in-minutes =
    { $n ->
        [one] em 1 minuto
        *[other] em { $n } minutos
    }
rel-in-hours =
    { $n ->
        [one] em 1 hora
        *[other] em { $n } horas
    }
rel-in-days =
    { $n ->
        [one] em 1 dia
        *[other] em { $n } dias
    }
rel-in-months =
    { $n ->
        [one] em 1 mês
        *[other] em { $n } meses
    }
rel-in-years =
    { $n ->
        [one] em 1 ano
        *[other] em { $n } anos
    }

## Welcome and invite pages
welcome-default-title = Boas-vindas
welcome-default-text = Entre com sua conta Plex para ter acesso a este servidor Plex.
welcome-shared-by = um servidor Plex compartilhado por { $owner }
welcome-you-get = Você vai receber:
welcome-plex-hint = A página do Plex vai pedir que você entre e pode dizer que outro dispositivo está entrando: é esta página.
welcome-not-ready = Ainda não está pronto: o dono ainda está configurando este servidor. Volte um pouco mais tarde.
invite-title = Você foi convidado
invite-text = Você foi convidado para este servidor Plex. Entre com sua conta Plex para participar.
invite-unknown-title = Link de convite não encontrado
invite-unknown = Este link de convite não existe. Confira se você copiou o link inteiro ou peça um novo.
invite-expired-title = Link de convite expirado
invite-expired = Este link de convite expirou. Peça um novo a quem enviou.
invite-used-up-title = Link de convite esgotado
invite-used-up = Este link de convite já foi usado o número máximo de vezes. Peça um novo.
invite-revoked-title = Link de convite desativado
invite-revoked = O dono desativou este link de convite. Peça um novo a ele.
invite-off-title = Links de convite desativados
invite-off = Este servidor não aceita links de convite no momento. Peça ao dono para adicionar sua conta Plex.

## Signing in
waiting-title = Quase lá
waiting-unconfirmed = O Plex ainda não confirmou seu login.
waiting-press-continue = Se você entrou na página do Plex, espere um pouco e toque em Continuar.
flow-gone-title = Tente de novo
flow-gone = Este login expirou ou já foi usado, então nada aconteceu.
flow-gone-start-again = Comece de novo desde o início.
flow-expired = Este login expirou ou já foi usado. Comece de novo.

## "You're in" and "Almost there"
joined-title = Você entrou
almost-title = Quase lá
almost-being-set-up-html = Seu acesso a <strong>{ $server }</strong> está sendo preparado.
almost-failed = O Plex não terminou o trabalho. O dono já foi avisado e vai resolver; você não precisa fazer nada.
almost-next = O que acontece agora
almost-email-html = Você vai receber um e-mail do Plex com um convite para <strong>{ $server }</strong>. Aceite (ou aceite no app Plex, em amigos e convites).
almost-come-back-html = Ou volte a esta página mais tarde e entre de novo: o plexgate aceita o convite por você.
joined-access-html = Agora você tem acesso a <strong>{ $server }</strong>. Três passos para assistir:
joined-access-until-html = Você tem acesso a <strong>{ $server }</strong> até { $date_html }. Três passos para assistir:
joined-get-app = Baixe o app Plex
joined-devices = No celular, tablet, TV ou computador:
joined-iphone = iPhone e iPad
joined-android = Android
joined-tv = TV e outros
joined-sign-in-as = Entre como { $name }
joined-same-account-html = Abra o app e entre com a mesma conta Plex que você usou aqui: <strong>{ $name }</strong>.
joined-find = Encontre suas bibliotecas
joined-shows-up-html = No Plex, <strong>{ $server }</strong> aparece com:
joined-open-plex-browser = Abrir o Plex neste navegador
signed-in-as = Conectado ao Plex como { $name }.
see-your-access = Ver seu acesso
onboarding-default = **E agora?** Abra o Plex na TV, no celular ou no computador e entre com a mesma conta Plex. As bibliotecas compartilhadas aparecem com o nome deste servidor. Se o Plex pedir, aceite o convite do dono.

## /me
me-title = Seu acesso
me-signed-in-html = Conectado ao Plex como <strong>{ $name }</strong>.
me-server-html = Servidor: <strong>{ $server }</strong>
me-status = Status: { $status }
me-ends-html = Seu acesso termina { $relative_html }, em { $date_html }.
me-no-expiry = Seu acesso não expira.
me-no-access = Você não tem acesso a este servidor no momento.
me-apps = Seus apps
me-sign-in-first = Entre com o Plex para ver quais bibliotecas você pode assistir.
status-sharing = sendo preparado
status-pending = compartilhado com você, aguardando você aceitar no Plex
status-accepted = ativo
status-failed = travado: o dono foi avisado
status-removed = removido
signed-out-title = Você saiu
signed-out-text = Você saiu deste site. O Plex ainda pode lembrar de você: em um dispositivo compartilhado, saia também em plex.tv.
stale-form-title = Tente de novo
stale-form = Este formulário de saída está desatualizado. Volte, recarregue a página e tente de novo.

## Not on the list, asking for access
not-allowed-title = Fora da lista
not-allowed-text-html = Você entrou no Plex como <strong>{ $name }</strong>. Essa conta não está na lista deste servidor, então nada foi compartilhado.
request-note-label = Um recado para o dono (opcional)
request-note-placeholder = Oi, sou eu!
ask-for-access = Pedir acesso
request-already = Você já pediu acesso. O dono vai analisar seu pedido.
wrong-account = Conta errada?
wrong-account-text = O Plex lembra a última conta usada. Para usar outra, saia primeiro em plex.tv e depois entre de novo aqui.
open-plextv-signout = Abrir plex.tv para sair
sign-in-another = Entrar com outra conta
ask-sign-in-first = Para pedir acesso ao dono, entre primeiro com o Plex.
note-too-long-title = Recado longo demais
note-too-long = O recado deve ter menos de { $max } caracteres. Tente de novo.
request-sent-title = Pedido enviado
request-sent-thanks = Obrigado! O dono recebeu seu pedido.
request-sent-email = Se ele aprovar, o Plex envia um convite por e-mail: aceite, e as bibliotecas aparecem no seu app Plex.
request-sent-later = Nada chegou depois de um ou dois dias? Volte aqui e entre de novo: esta página mostra como está seu pedido.
request-expired-title = Este formulário expirou
request-expired = Este formulário de pedido já foi usado ou é antigo demais. Entre de novo para pedir acesso.

## Other apps (forward auth and OpenID Connect)
app-sign-in-title = Entrar
app-sign-in-to = Entrar em { $app }
app-shared = Este app é compartilhado pelo dono deste servidor Plex. Entre com sua conta Plex para abri-lo.
app-shared-named = { $app } é compartilhado pelo dono deste servidor Plex. Entre com sua conta Plex para abri-lo.
app-logout-html = Conectado ao Plex como <strong>{ $name }</strong>. Sair fecha todos os apps que usam este login.
app-logout-none = Você não está conectado, então não há do que sair.
no-access-title = Sem acesso
no-access = Você entrou no Plex como { $name }, mas essa conta não pode abrir { $app }.
no-access-named = A conta Plex { $name } não pode abrir { $app }.
no-access-closed = { $app } está fechado para todos.
oidc-signed-in-title = Conectado
oidc-back-to-app = Volte ao app e comece de novo.
oidc-app-gone = Este app não está mais registrado.
oidc-bad-link-title = Este link de login não é válido
oidc-bad-link = Nada aconteceu. Conte ao dono deste servidor qual app enviou você para cá.
oidc-unknown-client = Este app não está registrado no plexgate (client_id desconhecido).
oidc-bad-redirect = { $app } pediu para voltar a um endereço para o qual não está registrado (redirect_uri).
oidc-signed-out-title = Desconectado
oidc-signed-out = Você saiu do plexgate neste navegador.
oidc-logout-unknown = Nada mudou: este link de saída não veio de um app que o plexgate conhece.

## Error pages
err-not-found-title = Página não encontrada
err-not-found = Não há nada neste endereço. Confira o link que você recebeu.
err-rate-title = Mais devagar
err-rate = Tentativas demais a partir da sua rede. Espere um minuto e tente de novo.
err-internal-title = Algo deu errado
err-internal = O plexgate encontrou um problema inesperado. Ele foi registrado; tente de novo em um minuto.
err-retry-title = Tente de novo em um minuto
err-plex-slow = O Plex não respondeu a tempo, então nada mudou. Tente de novo em um minuto.
err-disk = O plexgate não consegue salvar nada agora (o disco pode estar cheio), então nada mudou. Tente de novo em um minuto.
err-not-ready-title = Ainda não está pronto
err-not-ready = Este servidor ainda não está pronto para compartilhar. O dono precisa terminar a configuração. Volte um pouco mais tarde.
err-busy-title = Movimento intenso
err-busy = Muita gente está entrando agora. Tente de novo em um minuto.
err-not-accepted-title = Não aceito
err-not-found-thing-title = Não encontrado
err-not-possible-title = Não é possível
err-form-refused-title = Formulário recusado
err-form-refused = Este formulário está desatualizado ou não veio deste site, então nada mudou. Volte, recarregue a página e tente de novo.
err-too-large-title = Grande demais
err-too-large = Este formulário é maior do que o plexgate aceita.
err-admins-only-title = Só para administradores
err-admins-only = Você está conectado, mas esta conta Plex não é administradora deste servidor. Para usar outra conta, saia primeiro em plex.tv e entre de novo pela página de administração.
err-admin-again-title = Entre de novo
err-admin-again = Sua sessão de administração terminou (as páginas de administração desconectam você depois de um tempo sem cliques).
