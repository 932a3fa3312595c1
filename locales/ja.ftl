# plexgate 日本語カタログ。ID と変数は en.ftl と同じです。

## Every page
lang-choose = 言語
back-to-start = 最初に戻る
start = はじめる
start-again = 最初からやり直す
continue = 続ける
continue-to = { $app } へ進む
back-to = { $app } に戻る
home = ホーム
sign-in-with-plex = Plex でサインイン
sign-out = サインアウト
open-plex = Plex を開く
your-libraries = あなたのライブラリ

## Dates and times
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月
date = { $year }年{ $month }{ $day }日
date-time = { $date } { $time } UTC
list-and = { $rest }、{ $last }
rel-now = たった今
rel-minutes-ago =
    { $n ->
        *[other] { $n } 分前
    }
rel-hours-ago =
    { $n ->
        *[other] { $n } 時間前
    }
rel-days-ago =
    { $n ->
        *[other] { $n } 日前
    }
rel-months-ago =
    { $n ->
        *[other] { $n } か月前
    }
rel-years-ago =
    { $n ->
        *[other] { $n } 年前
    }
rel-in-minutes =
    { $n ->
        *[other] { $n } 分後
    }
rel-in-hours =
    { $n ->
        *[other] { $n } 時間後
    }
rel-in-days =
    { $n ->
        *[other] { $n } 日後
    }
rel-in-months =
    { $n ->
        *[other] { $n } か月後
    }
rel-in-years =
    { $n ->
        *[other] { $n } 年後
    }

## Welcome and invite pages
welcome-default-title = ようこそ
welcome-default-text = Plex アカウントでサインインすると、この Plex サーバーを利用できます。
welcome-shared-by = { $owner } さんが共有している Plex サーバー
welcome-you-get = 利用できるライブラリ:
welcome-plex-hint = Plex のページでサインインを求められ、別のデバイスがサインイン中と表示されることがあります。それはこのページのことです。
welcome-not-ready = まだ準備中です。オーナーがこのサーバーを設定しています。しばらくしてからもう一度お越しください。
invite-title = 招待されています
invite-text = この Plex サーバーに招待されています。参加するには Plex アカウントでサインインしてください。
invite-unknown-title = 招待リンクが見つかりません
invite-unknown = この招待リンクは存在しません。すべてコピーできているか確認するか、新しいリンクを頼んでください。
invite-expired-title = 招待リンクの期限切れ
invite-expired = この招待リンクは期限が切れています。送ってくれた人に新しいリンクを頼んでください。
invite-used-up-title = 招待リンクの使用上限
invite-used-up = この招待リンクは使用回数の上限に達しました。新しいリンクを頼んでください。
invite-revoked-title = 招待リンクは無効です
invite-revoked = オーナーがこの招待リンクを無効にしました。新しいリンクを頼んでください。
invite-off-title = 招待リンクは使えません
invite-off = このサーバーは現在、招待リンクを受け付けていません。オーナーにあなたの Plex アカウントを追加してもらってください。

## Signing in
waiting-title = もう少しです
waiting-unconfirmed = Plex からまだサインインの確認が届いていません。
waiting-press-continue = Plex のページでサインインした場合は、少し待ってから「続ける」を押してください。
flow-gone-title = もう一度お試しください
flow-gone = このサインインは期限切れか使用済みのため、何も行われませんでした。
flow-gone-start-again = 最初からやり直してください。
flow-expired = このサインインは期限切れか使用済みです。最初からやり直してください。

## "You're in" and "Almost there"
joined-title = 参加できました
almost-title = もう少しです
almost-being-set-up-html = <strong>{ $server }</strong> へのアクセスを準備しています。
almost-failed = Plex の処理が完了しませんでした。オーナーに連絡済みで、対応してもらえます。あなたは何もしなくて大丈夫です。
almost-next = この後の流れ
almost-email-html = Plex から <strong>{ $server }</strong> への招待メールが届きます。承認してください(Plex アプリの友達と招待からも承認できます)。
almost-come-back-html = または、後でこのページに戻ってもう一度サインインしてください。plexgate が代わりに承認します。
joined-access-html = <strong>{ $server }</strong> を利用できるようになりました。視聴までの 3 ステップ:
joined-access-until-html = { $date_html } まで <strong>{ $server }</strong> を利用できます。視聴までの 3 ステップ:
joined-get-app = Plex アプリを入手
joined-devices = スマートフォン、タブレット、テレビ、パソコンで:
joined-iphone = iPhone・iPad
joined-android = Android
joined-tv = テレビほか
joined-sign-in-as = { $name } でサインイン
joined-same-account-html = アプリを開き、ここで使ったのと同じ Plex アカウント <strong>{ $name }</strong> でサインインしてください。
joined-find = ライブラリを探す
joined-shows-up-html = Plex では <strong>{ $server }</strong> に次のライブラリが表示されます:
joined-open-plex-browser = このブラウザーで Plex を開く
signed-in-as = Plex に { $name } としてサインイン中です。
see-your-access = アクセス状況を見る
onboarding-default = **次にすること:** テレビ、スマートフォン、パソコンで Plex を開き、同じ Plex アカウントでサインインしてください。共有されたライブラリはこのサーバーの名前の下に表示されます。Plex に聞かれたら、オーナーからの招待を承認してください。

## /me
me-title = アクセス状況
me-signed-in-html = Plex に <strong>{ $name }</strong> としてサインイン中です。
me-server-html = サーバー: <strong>{ $server }</strong>
me-status = 状態: { $status }
me-ends-html = アクセスは { $relative_html }({ $date_html })に終了します。
me-no-expiry = アクセスに期限はありません。
me-no-access = 現在このサーバーへのアクセス権はありません。
me-apps = あなたのアプリ
me-sign-in-first = 視聴できるライブラリを確認するには、Plex でサインインしてください。
status-sharing = 準備中
status-pending = 共有済み。Plex での承認待ちです
status-accepted = 有効
status-failed = 停止中。オーナーに連絡済みです
status-removed = 削除済み
signed-out-title = サインアウトしました
signed-out-text = このサイトからサインアウトしました。Plex 自体はまだあなたを覚えているかもしれません。共有デバイスでは plex.tv からもサインアウトしてください。
stale-form-title = もう一度お試しください
stale-form = このサインアウトフォームは古くなっています。前のページに戻り、再読み込みしてからもう一度お試しください。

## Not on the list, asking for access
not-allowed-title = リストにありません
not-allowed-text-html = Plex に <strong>{ $name }</strong> としてサインインしました。このアカウントはこのサーバーのリストにないため、何も共有されていません。
request-note-label = オーナーへのメッセージ(任意)
request-note-placeholder = こんにちは、私です!
ask-for-access = アクセスをリクエスト
request-already = すでにアクセスをリクエスト済みです。オーナーが確認します。
wrong-account = 別のアカウントですか?
wrong-account-text = Plex は最後に使ったアカウントを覚えています。別のアカウントを使うには、先に plex.tv でサインアウトしてから、ここでもう一度サインインしてください。
open-plextv-signout = plex.tv を開いてサインアウト
sign-in-another = 別のアカウントでサインイン
ask-sign-in-first = オーナーにアクセスをリクエストするには、まず Plex でサインインしてください。
note-too-long-title = メッセージが長すぎます
note-too-long = メッセージは { $max } 文字未満にして、もう一度お試しください。
request-sent-title = リクエストを送信しました
request-sent-thanks = ありがとうございます。リクエストはオーナーに届きました。
request-sent-email = 承認されると、Plex からサーバーへの招待メールが届きます。承認すると、Plex アプリにライブラリが表示されます。
request-sent-later = 1、2 日たっても届かない場合は、ここに戻ってもう一度サインインしてください。リクエストの状況がわかります。
request-expired-title = このフォームは期限切れです
request-expired = このリクエストフォームは使用済みか古すぎます。アクセスをリクエストするには、もう一度サインインしてください。

## Other apps (forward auth and OpenID Connect)
app-sign-in-title = サインイン
app-sign-in-to = { $app } にサインイン
app-shared = このアプリはこの Plex サーバーのオーナーが共有しています。開くには Plex アカウントでサインインしてください。
app-shared-named = { $app } はこの Plex サーバーのオーナーが共有しています。開くには Plex アカウントでサインインしてください。
app-logout-html = Plex に <strong>{ $name }</strong> としてサインイン中です。サインアウトすると、このサインインで使っているすべてのアプリが閉じます。
app-logout-none = サインインしていないため、サインアウトするものはありません。
no-access-title = アクセスできません
no-access = Plex に { $name } としてサインインしていますが、このアカウントでは { $app } を開けません。
no-access-named = Plex アカウント { $name } では { $app } を開けません。
no-access-closed = { $app } は誰も利用できません。
oidc-signed-in-title = サインインしました
oidc-back-to-app = アプリに戻って最初からやり直してください。
oidc-app-gone = このアプリはもう登録されていません。
oidc-bad-link-title = このサインインリンクは無効です
oidc-bad-link = 何も行われませんでした。どのアプリからここに来たか、このサーバーのオーナーに伝えてください。
oidc-unknown-client = このアプリは plexgate に登録されていません(不明な client_id)。
oidc-bad-redirect = { $app } が登録されていないアドレス(redirect_uri)に戻ろうとしました。
oidc-signed-out-title = サインアウトしました
oidc-signed-out = このブラウザーで plexgate からサインアウトしました。
oidc-logout-unknown = 何も変更されていません。このサインアウトリンクは plexgate が知っているアプリからのものではありません。

## Error pages
err-not-found-title = ページが見つかりません
err-not-found = このアドレスには何もありません。受け取ったリンクを確認してください。
err-rate-title = 少し待ってください
err-rate = お使いのネットワークからの試行が多すぎます。1 分待ってからもう一度お試しください。
err-internal-title = 問題が発生しました
err-internal = plexgate で予期しない問題が発生しました。記録済みです。1 分後にもう一度お試しください。
err-retry-title = 1 分後にもう一度
err-plex-slow = Plex から時間内に応答がなかったため、何も変更されていません。1 分後にもう一度お試しください。
err-disk = plexgate は現在何も保存できません(ディスクがいっぱいの可能性があります)。何も変更されていません。1 分後にもう一度お試しください。
err-not-ready-title = まだ準備中です
err-not-ready = このサーバーはまだ共有の準備ができていません。オーナーが設定を終える必要があります。しばらくしてからもう一度お越しください。
err-busy-title = 混み合っています
err-busy = 現在多くの人がサインインしています。1 分後にもう一度お試しください。
err-not-accepted-title = 受け付けられません
err-not-found-thing-title = 見つかりません
err-not-possible-title = できません
err-form-refused-title = フォームが拒否されました
err-form-refused = このフォームは古いか、このサイトからのものではないため、何も変更されていません。前のページに戻り、再読み込みしてからもう一度お試しください。
err-too-large-title = 大きすぎます
err-too-large = このフォームは plexgate が受け付けるサイズを超えています。
err-admins-only-title = 管理者専用
err-admins-only = サインインしていますが、この Plex アカウントはこのサーバーの管理者ではありません。別のアカウントを使うには、先に plex.tv でサインアウトしてから、管理ページでもう一度サインインしてください。
err-admin-again-title = もう一度サインインしてください
err-admin-again = 管理セッションが終了しました(管理ページはしばらく操作がないとサインアウトします)。
