# -*- coding: utf-8 -*-
"""Prose in 16 languages: passwords/tokens said in sentences, neutral chat, and UI label words."""

LANGS = ["en", "de", "es", "fr", "pt", "ru", "zh", "ja", "ko", "hi", "tr", "pl", "id", "vi", "it", "nl"]

SYS = ["staging db", "prod postgres", "the VPN", "root on bastion", "Jenkins admin", "the mysql replica", "Grafana", "the NAS",
       "the shared mailbox", "kafka broker", "the wifi", "Keycloak admin", "the sftp drop", "redis", "the router", "the build box"]

# {sys} system, {S} secret
PW = {
    "en": ["my password for the {sys} is {S}", "pw for {sys} -> {S}", "the {sys} password is {S} btw", "login is admin / {S}",
           "Password for {sys}: {S} (don't share)", "fyi {sys} creds: user deploy, pass {S}", "I reset it, new password = {S}"],
    "de": ["das Passwort für {sys} ist {S}", "Passwort: {S} (bitte nicht weitergeben)", "Zugang {sys}: Benutzer admin, Kennwort {S}",
           "hab das Passwort geändert, neu ist {S}"],
    "es": ["la contraseña de {sys} es {S}", "contraseña: {S}", "usuario admin y la clave es {S}", "te paso la contraseña del {sys}: {S}"],
    "fr": ["le mot de passe est {S}", "le mot de passe pour {sys} c'est {S}", "identifiants {sys} : admin / mot de passe {S}", "mdp : {S}"],
    "pt": ["a senha do {sys} é {S}", "senha: {S}", "usuário root, senha {S}", "mudei a senha do {sys} para {S}"],
    "ru": ["пароль от {sys}: {S}", "пароль {S}", "логин admin, пароль {S}", "новый пароль для {sys} — {S}"],
    "zh": ["{sys}的密码是{S}", "密码：{S}", "账号 admin，密码 {S}", "把{sys}的密码改成了 {S}"],
    "ja": ["{sys}のパスワードは{S}です", "パスワード：{S}", "ユーザー admin / パスワード {S}", "{sys} のパスワードを {S} に変更しました"],
    "ko": ["{sys} 비밀번호는 {S} 입니다", "비밀번호: {S}", "계정 admin, 비번 {S}", "{sys} 암호를 {S}(으)로 바꿨어요"],
    "hi": ["{sys} का पासवर्ड {S} है", "पासवर्ड: {S}", "यूज़र admin, पासवर्ड {S}"],
    "tr": ["{sys} şifresi {S}", "parola: {S}", "kullanıcı admin, şifre {S}", "{sys} için yeni şifre {S}"],
    "pl": ["hasło do {sys} to {S}", "hasło: {S}", "login admin, hasło {S}", "zmieniłem hasło do {sys} na {S}"],
    "id": ["kata sandi {sys} adalah {S}", "password-nya {S}", "user admin, sandi {S}"],
    "vi": ["mật khẩu của {sys} là {S}", "mật khẩu: {S}", "tài khoản admin, mật khẩu {S}"],
    "it": ["la password di {sys} è {S}", "password: {S}", "utente admin, la password è {S}", "ho cambiato la password del {sys} in {S}"],
    "nl": ["het wachtwoord voor {sys} is {S}", "wachtwoord: {S}", "gebruiker admin, wachtwoord {S}"],
}

# {what} description, {S} secret (structured token)
TOK = {
    "en": ["use this token locally: {S}", "here's the {what}: {S}", "I exported {what} as {S} but it still 401s", "try with {S}",
           "the key that works on my machine is {S}", "{what}={S} — can you wire it in?"],
    "de": ["nimm diesen Token lokal: {S}", "hier ist der {what}: {S}", "mein Key ist {S}, trotzdem 403"],
    "es": ["usa este token en local: {S}", "aquí está la {what}: {S}", "con la clave {S} me da 401"],
    "fr": ["utilise ce jeton en local : {S}", "voici la clé {what} : {S}", "avec {S} j'ai une 401"],
    "pt": ["usa esse token localmente: {S}", "aqui está a chave {what}: {S}"],
    "ru": ["используй этот токен локально: {S}", "вот ключ {what}: {S}"],
    "zh": ["本地用这个 token：{S}", "这是{what}：{S}"],
    "ja": ["ローカルではこのトークンを使って: {S}", "{what} はこれです: {S}"],
    "ko": ["로컬에서는 이 토큰 쓰세요: {S}", "{what} 여기 있어요: {S}"],
    "hi": ["लोकल में यह टोकन इस्तेमाल करो: {S}", "{what} यह है: {S}"],
    "tr": ["yerelde bu token'ı kullan: {S}", "{what} şu: {S}"],
    "pl": ["użyj tego tokena lokalnie: {S}", "tu jest {what}: {S}"],
    "id": ["pakai token ini di lokal: {S}", "ini {what}-nya: {S}"],
    "vi": ["dùng token này ở local: {S}", "đây là {what}: {S}"],
    "it": ["usa questo token in locale: {S}", "ecco la chiave {what}: {S}"],
    "nl": ["gebruik deze token lokaal: {S}", "hier is de {what}: {S}"],
}

FILLER = {
    "en": ["Can you fix the failing test in the billing module?", "Why does the container exit with code 137?", "Please refactor this into smaller functions.",
           "The deploy to staging broke after the last merge.", "Here is the output, what am I doing wrong?", "Add retries with exponential backoff."],
    "de": ["Kannst du den fehlschlagenden Test reparieren?", "Warum bricht der Build ab?", "Bitte schreib das in kleinere Funktionen um.", "Hier ist die Ausgabe:"],
    "es": ["¿Puedes arreglar el test que falla?", "El despliegue a staging se rompió.", "Aquí está la salida del comando:"],
    "fr": ["Peux-tu corriger le test qui échoue ?", "Le déploiement en préprod ne marche plus.", "Voici la sortie :"],
    "pt": ["Pode corrigir o teste que está falhando?", "O deploy quebrou depois do merge.", "Segue a saída:"],
    "ru": ["Можешь починить падающий тест?", "После мержа сломался деплой.", "Вот вывод команды:"],
    "zh": ["能帮我修一下失败的测试吗？", "合并之后部署就挂了。", "下面是输出："],
    "ja": ["失敗しているテストを直してもらえますか？", "マージ後にデプロイが壊れました。", "出力は以下です："],
    "ko": ["실패하는 테스트 좀 고쳐줄래요?", "머지 후에 배포가 깨졌어요.", "출력은 다음과 같아요:"],
    "hi": ["क्या तुम फेल हो रहा टेस्ट ठीक कर सकते हो?", "मर्ज के बाद डिप्लॉय टूट गया।", "आउटपुट यह है:"],
    "tr": ["Başarısız olan testi düzeltebilir misin?", "Merge sonrası deploy bozuldu.", "Çıktı şu:"],
    "pl": ["Możesz naprawić padający test?", "Po merge'u deploy przestał działać.", "Oto wynik:"],
    "id": ["Bisa perbaiki test yang gagal?", "Deploy rusak setelah merge.", "Ini output-nya:"],
    "vi": ["Bạn sửa giúp test bị lỗi được không?", "Sau khi merge thì deploy bị hỏng.", "Đây là output:"],
    "it": ["Puoi sistemare il test che fallisce?", "Il deploy si è rotto dopo il merge.", "Ecco l'output:"],
    "nl": ["Kun je de falende test fixen?", "Na de merge is de deploy kapot.", "Hier is de output:"],
}

# UI label strings (negatives: words for password/key/token that are not secrets)
UI = {
    "en": ["Password:", "Forgot password?", "Enter your API key", "Secret", "Confirm password", "Show token", "Password must be at least 12 characters"],
    "de": ["Passwort:", "Passwort vergessen?", "Kennwort bestätigen", "API-Schlüssel eingeben", "Geheimnis"],
    "es": ["Contraseña:", "¿Olvidaste tu contraseña?", "Introduce tu clave de API", "Confirmar contraseña"],
    "fr": ["Mot de passe :", "Mot de passe oublié ?", "Saisissez votre clé API", "Jeton d'accès"],
    "pt": ["Senha:", "Esqueceu a senha?", "Chave de API", "Confirmar senha"],
    "ru": ["Пароль:", "Забыли пароль?", "Введите API-ключ", "Токен доступа"],
    "zh": ["密码：", "忘记密码？", "请输入 API 密钥", "访问令牌"],
    "ja": ["パスワード：", "パスワードをお忘れですか？", "APIキーを入力", "アクセストークン"],
    "ko": ["비밀번호:", "비밀번호를 잊으셨나요?", "API 키 입력", "액세스 토큰"],
    "hi": ["पासवर्ड:", "पासवर्ड भूल गए?", "API कुंजी दर्ज करें"],
    "tr": ["Şifre:", "Şifrenizi mi unuttunuz?", "API anahtarını girin"],
    "pl": ["Hasło:", "Nie pamiętasz hasła?", "Wprowadź klucz API"],
    "id": ["Kata sandi:", "Lupa kata sandi?", "Masukkan kunci API"],
    "vi": ["Mật khẩu:", "Quên mật khẩu?", "Nhập khóa API"],
    "it": ["Password:", "Password dimenticata?", "Inserisci la chiave API"],
    "nl": ["Wachtwoord:", "Wachtwoord vergeten?", "Voer je API-sleutel in"],
}

# sentences that mention a non-secret value next to a secret-ish word; {N} the negative.
# group "from": where the secret is read from (references, paths); "replace": placeholders/examples/masks;
# "public": identifiers that are public by design.
NEGSENT = {
    "en": {"from": ["the token comes from {N}", "the password is read from {N} at startup", "we load the key via {N}, never hardcode it"],
           "replace": ["replace {N} with your key", "set the password to {N} in your local .env and fill it in", "the docs say {N}, that's just the example"],
           "public": ["key id is {N}, that one is public", "the client id {N} is fine to commit"],
           "conn": ["the connection string is {N}, the password is injected separately", "{N} has no credentials in it, that part is fine"]},
    "de": {"from": ["der Token kommt aus {N}", "das Passwort wird aus {N} gelesen"], "replace": ["ersetze {N} durch deinen Schlüssel", "in der Doku steht {N}, das ist nur ein Beispiel"],
           "public": ["die Client-ID {N} ist öffentlich"]},
    "es": {"from": ["el token viene de {N}", "la contraseña se lee de {N}"], "replace": ["reemplaza {N} por tu clave"], "public": ["el client id {N} es público"]},
    "fr": {"from": ["le jeton vient de {N}", "le mot de passe est lu depuis {N}"], "replace": ["remplace {N} par ta clé"], "public": ["l'identifiant client {N} est public"]},
    "pt": {"from": ["o token vem de {N}"], "replace": ["troque {N} pela sua chave"], "public": ["o client id {N} é público"]},
    "ru": {"from": ["пароль берётся из {N}"], "replace": ["замени {N} на свой ключ"], "public": ["client id {N} публичный"]},
    "zh": {"from": ["密码从 {N} 读取"], "replace": ["把 {N} 换成你自己的密钥"], "public": ["client id {N} 是公开的"]},
    "ja": {"from": ["パスワードは {N} から読み込みます"], "replace": ["{N} を自分のキーに置き換えてください"], "public": ["クライアントID {N} は公開情報です"]},
    "ko": {"from": ["비밀번호는 {N} 에서 읽어요"], "replace": ["{N} 를 본인 키로 바꾸세요"], "public": ["클라이언트 ID {N} 는 공개돼도 괜찮아요"]},
    "hi": {"from": ["पासवर्ड {N} से आता है"], "replace": ["{N} को अपनी key से बदलो"]},
    "tr": {"from": ["şifre {N} içinden okunuyor"], "replace": ["{N} yerine kendi anahtarını yaz"]},
    "pl": {"from": ["hasło jest czytane z {N}"], "replace": ["zamień {N} na swój klucz"]},
    "id": {"from": ["password dibaca dari {N}"], "replace": ["ganti {N} dengan key kamu"]},
    "vi": {"from": ["mật khẩu được đọc từ {N}"], "replace": ["thay {N} bằng key của bạn"]},
    "it": {"from": ["la password viene letta da {N}"], "replace": ["sostituisci {N} con la tua chiave"], "public": ["il client id {N} è pubblico"]},
    "nl": {"from": ["het wachtwoord komt uit {N}"], "replace": ["vervang {N} door je eigen sleutel"]},
}
NEG_GROUP = {"ref_env": "from", "ref_secret_manager": "from", "file_path": "from", "ref_ci": "from", "ref_template": "from",
             "placeholder": "replace", "doc_example": "replace", "redacted": "replace", "takumo_token": "replace",
             "public_client_id": "public", "url_no_creds": "conn", "publishable_key": "public"}
