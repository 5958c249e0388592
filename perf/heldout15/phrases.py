# -*- coding: utf-8 -*-
"""Sentences people write when they paste credentials, in 13 languages.

NAMED: {n} is what the secret is ("Stripe key", a localized "password"), {v} the value.
BARE: only {v}; used only with self-identifying formats (a prefix says what it is).
PW: {v} is a password; the sentence names it in the language.
NEG: {x} is a harmless value (kind given by the key).
"""

NAMED = {
    "en": ["here is the staging {n}: {v}", "the {n} for prod is {v} — please don't share it", "can you try with this {n}? {v}",
           "new {n} after rotation: {v}", "{n} = {v} (valid until Friday)", "I put the {n} in the vault but for now use {v}",
           "FYI the {n} we use in CI is {v}", "this {n} seems to be expired: {v}", "use {v} as the {n} for the demo"],
    "de": ["Hier ist der {n} für Staging: {v}", "Der {n} für Prod lautet {v}, bitte nicht weitergeben", "Kannst du es mal mit diesem {n} probieren? {v}",
           "Neuer {n} nach der Rotation: {v}", "Der {n} ({v}) läuft am Freitag ab", "Zum Testen kannst du {v} als {n} nehmen"],
    "fr": ["voici la {n} de préprod : {v}", "la {n} de prod est {v}, ne la partage pas stp", "tu peux essayer avec cette {n} ? {v}",
           "nouvelle {n} après rotation : {v}", "j'ai mis la {n} {v} dans le .env, ça marche chez toi ?"],
    "es": ["aquí tienes la {n} de staging: {v}", "la {n} de producción es {v}, no la compartas", "¿puedes probar con esta {n}? {v}",
           "nueva {n} tras la rotación: {v}", "usa {v} como {n} mientras tanto"],
    "pt": ["segue a {n} de homologação: {v}", "a {n} de produção é {v}, não compartilhe", "consegue testar com essa {n}? {v}",
           "nova {n} depois da rotação: {v}", "coloquei a {n} {v} no .env"],
    "ja": ["ステージングの{n}はこちらです: {v}", "本番の{n}は {v} です。共有しないでください", "この{n}で試してもらえますか？ {v}",
           "ローテーション後の新しい{n}: {v}", "{n}（{v}）は金曜日に失効します"],
    "zh": ["测试环境的{n}是 {v}", "生产环境{n}：{v}，请勿外传", "你用这个{n}试一下？{v}", "轮换后的新{n}：{v}", "我把{n} {v} 放到 .env 里了"],
    "ru": ["вот {n} от стейджинга: {v}", "{n} для прода: {v}, никому не пересылай", "попробуй с этим {n}: {v}", "новый {n} после ротации: {v}",
           "я положил {n} {v} в .env"],
    "ko": ["스테이징 {n}는 {v} 입니다", "운영 {n}: {v} (외부 공유 금지)", "이 {n}로 한번 테스트해 주세요: {v}", "로테이션 후 새 {n}: {v}"],
    "it": ["ecco la {n} di staging: {v}", "la {n} di produzione è {v}, non condividerla", "puoi provare con questa {n}? {v}"],
    "nl": ["hier is de {n} voor staging: {v}", "de {n} voor productie is {v}, niet delen aub", "kun je het met deze {n} proberen? {v}"],
    "pl": ["tu jest {n} do stagingu: {v}", "{n} produkcyjny to {v}, nie udostępniaj", "spróbuj z tym {n}: {v}"],
    "tr": ["staging için {n}: {v}", "prod {n} şu: {v}, lütfen paylaşmayın", "bu {n} ile dener misin? {v}"],
}

BARE = {
    "en": ["can you check why {v} returns 401?", "{v}", "works with {v} on my machine", "try {v}", "oops, meant to paste that into the .env: {v}"],
    "de": ["warum liefert {v} einen 401?", "bei mir geht es mit {v}", "hier: {v}"],
    "fr": ["pourquoi {v} renvoie une 401 ?", "chez moi ça marche avec {v}", "tiens : {v}"],
    "es": ["¿por qué {v} devuelve 401?", "a mí me funciona con {v}", "toma: {v}"],
    "pt": ["por que {v} retorna 401?", "aqui funciona com {v}", "toma: {v}"],
    "ja": ["{v} だと401が返ってきます", "手元では {v} で動きました", "これです → {v}"],
    "zh": ["{v} 返回 401，帮忙看下？", "我这边用 {v} 是好的", "给你：{v}"],
    "ru": ["почему {v} отдаёт 401?", "у меня работает с {v}", "держи: {v}"],
    "ko": ["{v} 로 호출하면 401이 나와요", "제 쪽에서는 {v} 로 잘 됩니다", "여기요: {v}"],
    "it": ["perché {v} restituisce 401?", "da me funziona con {v}"],
    "nl": ["waarom geeft {v} een 401?", "bij mij werkt het met {v}"],
    "pl": ["czemu {v} zwraca 401?", "u mnie działa z {v}"],
    "tr": ["{v} neden 401 dönüyor?", "bende {v} ile çalışıyor"],
}

PW = {
    "en": ["the password for the db is {v}", "db password: {v}", "login is admin / {v}", "pw for the staging box: {v}", "the wifi password is {v}"],
    "de": ["Das Passwort für die Datenbank lautet {v}", "Passwort: {v}", "Login ist admin / Passwort {v}", "Kennwort für den Staging-Server: {v}"],
    "fr": ["le mot de passe de la base est {v}", "mot de passe : {v}", "identifiant admin, mot de passe {v}"],
    "es": ["la contraseña es {v}", "contraseña de la base de datos: {v}", "usuario admin y contraseña {v}"],
    "pt": ["a senha do banco é {v}", "senha: {v}", "usuário admin, senha {v}"],
    "ja": ["DBのパスワードは {v} です", "パスワード：{v}", "管理者アカウントのパスワードは「{v}」です"],
    "zh": ["数据库密码：{v}", "密码是 {v}", "管理员账号 admin，密码 {v}"],
    "ru": ["пароль от базы: {v}", "пароль: {v}", "логин admin, пароль {v}"],
    "ko": ["DB 비밀번호는 {v} 예요", "비밀번호: {v}", "관리자 계정 비밀번호는 {v} 입니다"],
    "it": ["la password del database è {v}", "password: {v}"],
    "nl": ["het wachtwoord is {v}", "wachtwoord van de database: {v}"],
    "pl": ["hasło do bazy to {v}", "hasło: {v}"],
    "tr": ["veritabanı şifresi {v}", "şifre: {v}"],
}

KEYWORD = {  # how the secret is called, per language (for NAMED when the human name is generic)
    "en": {"key": "API key", "token": "token"}, "de": {"key": "API-Schlüssel", "token": "Token"}, "fr": {"key": "clé API", "token": "jeton"},
    "es": {"key": "clave API", "token": "token"}, "pt": {"key": "chave de API", "token": "token"}, "ja": {"key": "APIキー", "token": "トークン"},
    "zh": {"key": "API 密钥", "token": "令牌"}, "ru": {"key": "API-ключ", "token": "токен"}, "ko": {"key": "API 키", "token": "토큰"},
    "it": {"key": "chiave API", "token": "token"}, "nl": {"key": "API-sleutel", "token": "token"}, "pl": {"key": "klucz API", "token": "token"},
    "tr": {"key": "API anahtarı", "token": "token"},
}

NEG = {
    "masked": {"en": "the old key (ending {x}) is revoked", "de": "der alte Key (endet auf {x}) ist widerrufen", "fr": "l'ancienne clé ({x}) est révoquée",
               "es": "la clave vieja ({x}) ya está revocada", "pt": "a chave antiga ({x}) foi revogada", "ja": "古いキー（{x}）は無効化済みです",
               "zh": "旧的密钥（{x}）已经作废", "ru": "старый ключ ({x}) отозван", "ko": "예전 키({x})는 폐기했어요", "it": "la vecchia chiave ({x}) è revocata",
               "nl": "de oude sleutel ({x}) is ingetrokken", "pl": "stary klucz ({x}) jest unieważniony", "tr": "eski anahtar ({x}) iptal edildi"},
    "reference": {"en": "it's in 1Password now: {x}", "de": "liegt jetzt im Vault: {x}", "fr": "c'est dans le coffre maintenant : {x}",
                  "es": "ahora está en el gestor: {x}", "pt": "agora está no cofre: {x}", "ja": "今は {x} から読み込んでます", "zh": "现在从 {x} 读取",
                  "ru": "теперь лежит в {x}", "ko": "이제 {x} 에서 읽어요", "it": "ora è in {x}", "nl": "staat nu in {x}", "pl": "teraz jest w {x}",
                  "tr": "artık {x} içinde"},
    "hash": {"en": "fixed in {x}", "de": "gefixt in {x}", "fr": "corrigé dans {x}", "es": "arreglado en {x}", "pt": "corrigido no commit {x}",
             "ja": "{x} で修正済み", "zh": "已在 {x} 修复", "ru": "починил в {x}", "ko": "{x} 에서 수정했어요", "it": "sistemato in {x}",
             "nl": "opgelost in {x}", "pl": "naprawione w {x}", "tr": "{x} ile düzeltildi"},
    "ident": {"en": "request id {x} if you need it for support", "de": "Request-ID {x}, falls der Support fragt", "fr": "request id : {x}",
              "es": "el request id es {x}", "pt": "request id: {x}", "ja": "リクエストID: {x}", "zh": "请求 ID：{x}", "ru": "request id: {x}",
              "ko": "요청 ID: {x}", "it": "request id: {x}", "nl": "request-id: {x}", "pl": "request id: {x}", "tr": "istek kimliği: {x}"},
    "placeholder": {"en": "in the README it just says {x}", "de": "in der Doku steht nur {x}", "fr": "dans la doc il y a juste {x}",
                    "es": "en la doc solo pone {x}", "pt": "na doc só tem {x}", "ja": "READMEには {x} とだけ書いてあります", "zh": "文档里只写了 {x}",
                    "ru": "в доке написано просто {x}", "ko": "문서에는 {x} 라고만 되어 있어요", "it": "nella doc c'è solo {x}",
                    "nl": "in de docs staat alleen {x}", "pl": "w dokumentacji jest tylko {x}", "tr": "dokümanda sadece {x} yazıyor"},
    "doc": {"en": "the example from the AWS docs ({x}) obviously won't work", "de": "das Beispiel aus der AWS-Doku ({x}) geht natürlich nicht",
            "fr": "l'exemple de la doc AWS ({x}) ne marche pas, évidemment", "es": "el ejemplo de la doc ({x}) no sirve", "pt": "o exemplo da doc ({x}) não funciona",
            "ja": "ドキュメントの例（{x}）はもちろん使えません", "zh": "文档里的示例（{x}）当然不能用", "ru": "пример из доки ({x}) не работает",
            "ko": "문서 예시({x})는 당연히 안 돼요", "it": "l'esempio della doc ({x}) non funziona", "nl": "het voorbeeld uit de docs ({x}) werkt niet",
            "pl": "przykład z dokumentacji ({x}) nie działa", "tr": "dokümandaki örnek ({x}) çalışmaz"},
    "takumo": {"en": "the model answered with {x} instead of the real value", "de": "das Modell hat {x} statt des echten Werts geantwortet",
               "fr": "le modèle a répondu {x} au lieu de la vraie valeur", "es": "el modelo respondió {x} en vez del valor real",
               "pt": "o modelo respondeu {x} em vez do valor real", "ja": "モデルは本物の値ではなく {x} を返しました", "zh": "模型返回的是 {x} 而不是真实值",
               "ru": "модель ответила {x} вместо настоящего значения", "ko": "모델이 실제 값 대신 {x} 를 돌려줬어요", "it": "il modello ha risposto {x}",
               "nl": "het model gaf {x} terug", "pl": "model odpowiedział {x}", "tr": "model gerçek değer yerine {x} döndürdü"},
    "harmless": {"en": "token expiry is {x} seconds", "de": "Token-Ablauf ist {x} Sekunden", "fr": "l'expiration du jeton est de {x} s",
                 "es": "el token caduca en {x} s", "pt": "o token expira em {x} s", "ja": "トークンの有効期限は {x} 秒です", "zh": "令牌过期时间是 {x} 秒",
                 "ru": "токен истекает через {x} секунд", "ko": "토큰 만료는 {x}초예요", "it": "il token scade dopo {x} secondi",
                 "nl": "het token verloopt na {x} seconden", "pl": "token wygasa po {x} sekundach", "tr": "token {x} saniyede sona eriyor"},
    "public": {"en": "the publishable key {x} is fine in the frontend", "de": "der Publishable Key {x} darf ins Frontend",
               "fr": "la clé publique {x} peut aller dans le front", "es": "la clave pública {x} puede ir en el frontend",
               "pt": "a chave pública {x} pode ir no front", "ja": "公開キー {x} はフロントに置いて大丈夫です", "zh": "公开的 key {x} 可以放前端",
               "ru": "публичный ключ {x} можно во фронт", "ko": "공개 키 {x} 는 프론트에 둬도 돼요", "it": "la chiave pubblica {x} va bene nel frontend",
               "nl": "de publieke sleutel {x} mag in de frontend", "pl": "klucz publiczny {x} może być we froncie", "tr": "açık anahtar {x} frontend'de olabilir"},
}

FILLER = {
    "en": ["deploy is green again", "I'll rotate it after the release", "thanks!", "can someone review my PR?", "standup moved to 10:30",
           "does anyone know why CI is so slow today?", "ok, merging", "let's not paste keys here next time 🙈"],
    "de": ["Deploy ist wieder grün", "ich rotiere ihn nach dem Release", "danke!", "kann jemand meinen PR reviewen?", "Standup ist heute um 10:30"],
    "fr": ["le déploiement est repassé au vert", "je la change après la mise en prod", "merci !", "quelqu'un peut relire ma PR ?"],
    "es": ["el deploy ya está en verde", "la rotamos después del release", "¡gracias!", "¿alguien puede revisar mi PR?"],
    "pt": ["o deploy voltou a ficar verde", "troco depois do release", "valeu!", "alguém revisa meu PR?"],
    "ja": ["デプロイは復旧しました", "リリース後にローテーションします", "ありがとうございます！", "どなたかPRレビューお願いします"],
    "zh": ["部署恢复正常了", "发布之后我再轮换", "谢谢！", "谁帮忙看下我的 PR？"],
    "ru": ["деплой снова зелёный", "после релиза поменяю", "спасибо!", "кто-нибудь глянет мой PR?"],
    "ko": ["배포 다시 정상이에요", "릴리스 후에 교체할게요", "감사합니다!", "PR 리뷰 부탁드려요"],
    "it": ["il deploy è di nuovo verde", "grazie!", "qualcuno può rivedere la mia PR?"],
    "nl": ["deploy is weer groen", "bedankt!", "kan iemand mijn PR reviewen?"],
    "pl": ["deploy znowu zielony", "dzięki!", "ktoś zrobi review mojego PR?"],
    "tr": ["deploy tekrar yeşil", "teşekkürler!", "PR'ımı inceleyebilir mi biri?"],
}

LANGS = [("en", 5), ("de", 2), ("fr", 1.5), ("es", 1.5), ("pt", 1.3), ("ja", 1.5), ("zh", 1.3), ("ru", 1.2), ("ko", 1.2), ("it", 0.6),
         ("nl", 0.5), ("pl", 0.5), ("tr", 0.5)]

PW_WORD = {"en": "password", "de": "Passwort", "fr": "mot de passe", "es": "contraseña", "pt": "senha", "ja": "パスワード", "zh": "密码",
           "ru": "пароль", "ko": "비밀번호", "it": "password", "nl": "wachtwoord", "pl": "hasło", "tr": "şifre"}
