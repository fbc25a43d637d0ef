/*
 * langdata.c - the words of each language that the reader knows: function words, phrases
 * of site chrome, and headings that end an article (see langdata.h for the contract).
 *
 * Every string is written in the reader's normalised form (NFKC, case-folded, typographic
 * marks as ASCII), so German "ss" stands for "ß", Greek words end in "σ" (case folding
 * turns the final "ς" into it), Thai "ำ" is spelt as NFKC splits it, and Persian words
 * that are written with a zero-width non-joiner are spelt without it, as nd_clean leaves
 * them ("میشود").  tests/test_langdata.c checks each string against nd_normalize.
 *
 * Stopwords are the function words of running news prose, each one token as nd_tokenize
 * cuts it: clitics split off by an apostrophe ("l'homme" gives "l") are listed on their
 * own; Chinese and Japanese give single characters, because their text is counted one
 * character at a time; Korean gives whole space-separated words, particles attached;
 * Thai gives words although its text has no spaces between them (for substring counts).
 * Where two languages are close (es/pt/ca/gl/it, cs/sk, hr/sr/sl/bs, da/nb/sv, id/ms,
 * ru/uk/bg), each list keeps the words that tell it from its neighbours.
 *
 * A cue's max_words follows the English table: about 40-60 for phrases that are chrome
 * wherever they appear ("all rights reserved", "subscribe to our newsletter"), 8-15 for
 * words that are also ordinary words ("share", "comments", "print").  For Chinese and
 * Japanese the count is in characters, as the reader counts there.  Cues are matched at
 * the start of a word and may run on into a longer word ("kommentar" also finds
 * "kommentare"), so each is chosen not to start common words of article prose.
 *
 * Tail markers end an article only when they stand (almost) alone on a short line, so
 * they are the headings of related-article boxes, not phrases of prose.
 *
 * Order: English first, then the languages roughly by how much of the web is written in
 * them.  The English lists are those of tokenize.c and boilerplate.c, unchanged.
 */
#include "langdata.h"

#include <stddef.h>

/* For a language whose chrome phrases or tail headings are not known here. */
static const nd_cue no_cues[] = {{NULL, 0}};
static const char *const no_tail[] = {NULL};

/* ---- English (en) ---- */
/* The lists of tokenize.c and boilerplate.c, in their order (three repeated stopwords, "been",
 * "would", "there", written once). */
static const char *const en_stop[] = {
    "a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "between", "both", "but", "by",
    "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even", "few",
    "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
    "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "may", "me",
    "might", "more", "most", "much", "must", "my", "no", "nor", "not", "now", "of", "off",
    "on", "once", "one", "only", "or", "other", "our", "out", "over", "own", "s", "said",
    "same", "says", "she", "should", "so", "some", "such", "t", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
    "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "would", "you", "your", "new", "told", "still",
    "since", "however", "although", "though",
    NULL,
};
static const nd_cue en_cues[] = {
    /* unambiguous chrome */
    {"cookie", 60}, {"privacy policy", 60}, {"terms of use", 60}, {"terms of service", 60},
    {"terms and conditions", 60}, {"all rights reserved", 60}, {"copyright", 40},
    {"newsletter", 50}, {"subscribe", 40}, {"subscribers", 40}, {"leave a reply", 40},
    {"contributed to this report", 40}, {"contributed reporting", 40}, {"full bio", 40},
    {"skip to content", 40}, {"share this", 40}, {"you may also like", 40},
    {"breaking news alert", 40}, {"support us", 60}, {"please support", 60},
    {"getty images", 80}, {"via ap", 80}, {"/ap", 50}, {"/afp", 80}, {"/reuters", 80},
    {"/vcg", 50}, {"/xinhua", 50}, {"/epa", 50}, {"/pa ", 50}, {"shutterstock", 50},
    {"(image:", 50}, {"(photo:", 50}, {"photo by", 80}, {"pictured", 40}, {"(left)", 40},
    {"(right)", 40}, {"(r)", 40}, {"(l)", 40}, {"photo illustration", 40}, {"file photo", 40},
    {"a screenshot of", 40}, {"reporting by", 30}, {"editing by", 30}, {"follow us", 30},
    {"click here", 30}, {"sign up", 30}, {"not responsible for the content", 30},
    {"is a reporter", 45}, {"is a correspondent", 45}, {"is an editor", 45},
    {"is a writer", 45}, {"is a journalist", 45}, {"is a senior", 45}, {"covers film", 45},
    {"send tips", 45}, {"follow him", 20}, {"follow her", 20}, {"written by", 20},
    {"writes about", 45}, {"writes a weekly", 45}, {"writes a fortnightly", 45},
    {"writes a column", 45}, {"about the writer", 60}, {"about the author", 60},
    {"reader-funded", 30}, {"become a member", 30}, {"send us your views", 30},
    {"comments are moderated", 30}, {"keep comments", 30}, {"all content remains", 40},
    /* weaker: only in very short paragraphs */
    {"share", 12}, {"tweet", 12}, {"facebook", 12}, {"whatsapp", 12}, {"pinterest", 12},
    {"linkedin", 12}, {"email", 10}, {"e-mail", 10}, {"print", 8}, {"advertisement", 12},
    {"sponsored", 12}, {"promoted", 12}, {"related", 12}, {"read more", 15}, {"read next", 15},
    {"recommended", 12}, {"trending", 12}, {"most read", 12}, {"most popular", 12},
    {"comments", 12}, {"comment", 8}, {"posted by", 15}, {"published", 12}, {"updated", 12},
    {"min read", 15}, {"back to top", 12}, {"contact us", 15}, {"about us", 15},
    {"write for us", 15}, {"photo:", 40}, {"image:", 40}, {"credit:", 40}, {"video", 8},
    {"watch:", 12}, {"listen", 8}, {"donate", 20}, {"advertise", 12}, {"accessibility", 15},
    {"log in", 12}, {"sign in", 12}, {"more from", 10}, {"follow", 6}, {"getty", 30},
    {NULL, 0},
};
static const char *const en_tail[] = {
    "you may also like", "related stories", "related articles", "related news", "more stories",
    "more from", "trending now", "most read", "most popular", "recommended for you",
    "a message from", "dear readers", "leave a reply", "read more", "you might also like",
    "more on this story", "top stories",
    NULL,
};

/* ---- Spanish (es) ---- */
static const char *const es_stop[] = {
    "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "al", "del", "y", "e", "o",
    "u", "ni", "pero", "sino", "que", "porque", "pues", "como", "cuando", "donde", "mientras",
    "aunque", "si", "ya", "yo", "tú", "él", "ella", "ello", "nosotros", "nosotras", "vosotros",
    "ellos", "ellas", "usted", "ustedes", "me", "te", "se", "nos", "os", "le", "les", "mí",
    "ti", "sí", "conmigo", "consigo", "mi", "mis", "tu", "tus", "su", "sus", "nuestro",
    "nuestra", "nuestros", "nuestras", "suyo", "suya", "suyos", "suyas", "este", "esta",
    "esto", "estos", "estas", "ese", "esa", "eso", "esos", "esas", "aquel", "aquella",
    "aquellos", "aquellas", "cual", "cuales", "quien", "quienes", "cuyo", "cuya", "qué",
    "cuál", "quién", "cómo", "cuándo", "dónde", "cuánto", "a", "ante", "bajo", "con", "contra",
    "de", "desde", "durante", "en", "entre", "hacia", "hasta", "mediante", "para", "por",
    "según", "sin", "sobre", "tras", "es", "son", "era", "eran", "fue", "fueron", "ser",
    "sido", "siendo", "sea", "sean", "será", "serán", "sería", "está", "están", "estaba",
    "estaban", "estar", "estado", "ha", "han", "he", "hemos", "había", "habían", "habrá",
    "habría", "haber", "hay", "puede", "pueden", "podría", "debe", "deben", "tiene", "tienen",
    "no", "nunca", "tampoco", "nada", "nadie", "ningún", "ninguna", "muy", "más", "menos",
    "tan", "tanto", "también", "además", "todavía", "aún", "solo", "sólo", "casi", "siempre",
    "todo", "toda", "todos", "todas", "otro", "otra", "otros", "otras", "mismo", "misma",
    "mismos", "mismas", "cada", "algo", "algún", "alguna", "algunos", "algunas", "así",
    "entonces", "luego", "después", "antes", "ahora", "hoy", "aquí", "allí", "allá", "ahí",
    "bien", "dijo", "afirmó", "aseguró", "señaló", "explicó",
    NULL,
};
static const nd_cue es_cues[] = {
    /* unambiguous chrome */
    {"todos los derechos reservados", 60}, {"derechos reservados", 60},
    {"política de privacidad", 60}, {"política de cookies", 60}, {"aviso legal", 40},
    {"términos y condiciones", 50}, {"condiciones de uso", 50}, {"saltar al contenido", 40},
    {"ir al contenido", 40}, {"suscríbete", 50}, {"suscribirse", 40}, {"suscríbase", 50},
    {"date de alta", 40}, {"regístrate", 30}, {"hazte socio", 40},
    {"contenido exclusivo para", 40}, {"exclusivo para suscriptores", 50},
    {"apoya el periodismo", 50}, {"haz una donación", 40}, {"deja un comentario", 40},
    {"deja tu comentario", 40}, {"compartir en", 30}, {"comparte esta noticia", 30},
    {"enviar por correo", 30}, {"copiar enlace", 20}, {"síguenos en", 40},
    {"te puede interesar", 30}, {"también te puede interesar", 40}, {"puede interesarte", 30},
    {"noticias relacionadas", 20}, {"te recomendamos", 15}, {"lo más leído", 15},
    {"más leídas", 15}, {"con información de", 40}, {"/efe", 80}, {"/europa press", 80},
    /* weaker: only in short paragraphs */
    {"compartir", 10}, {"imprimir", 8}, {"comentarios", 12}, {"comentar", 8},
    {"publicidad", 8}, {"patrocinado", 10}, {"contenido patrocinado", 20},
    {"publicado el", 20}, {"actualizado", 12}, {"tiempo de lectura", 20},
    {"min de lectura", 15}, {"minutos de lectura", 15}, {"leer más", 15},
    {"seguir leyendo", 15}, {"sigue leyendo", 15}, {"ver más", 12}, {"más información", 12},
    {"relacionado", 10}, {"foto:", 40}, {"fotografía:", 40}, {"imagen:", 40},
    {"créditos:", 40}, {"archivo", 6}, {"iniciar sesión", 12}, {"inicia sesión", 12},
    {"acceder", 6}, {"mi cuenta", 12}, {"buscar", 6}, {"buscador", 6}, {"menú", 6},
    {"portada", 6}, {"inicio", 4}, {"volver arriba", 12}, {"contacto", 8}, {"contáctanos", 15},
    {"quiénes somos", 15}, {"mapa del sitio", 15}, {"accesibilidad", 12}, {"aceptar", 6},
    {"rechazar", 6}, {"es redactora", 45}, {"es redactor", 45}, {"es periodista", 45},
    {NULL, 0},
};
static const char *const es_tail[] = {
    "noticias relacionadas", "te puede interesar", "también te puede interesar",
    "puede interesarte", "te recomendamos", "lo más leído", "más leídas", "más noticias",
    "otras noticias", "artículos relacionados", "también te puede gustar",
    NULL,
};

/* ---- German (de) ---- */
static const char *const de_stop[] = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
    "eines", "kein", "keine", "keinen", "keinem", "keiner", "und", "oder", "aber", "doch",
    "sondern", "denn", "dass", "ob", "weil", "wenn", "als", "wie", "wo", "was", "wer", "wen",
    "wem", "wessen", "ich", "du", "er", "sie", "es", "wir", "ihr", "mich", "mir", "dich",
    "dir", "ihn", "ihm", "ihnen", "uns", "euch", "sich", "man", "mein", "meine", "meinen",
    "meinem", "meiner", "sein", "seine", "seinen", "seinem", "seiner", "seines", "ihre",
    "ihren", "ihrem", "ihrer", "ihres", "unser", "unsere", "unseren", "unserem", "unserer",
    "euer", "eure", "dieser", "diese", "dieses", "diesen", "diesem", "jener", "jene", "jenen",
    "jede", "jeder", "jedes", "jeden", "jedem", "welche", "welcher", "welches", "welchen",
    "welchem", "alle", "allen", "aller", "alles", "andere", "anderen", "anderer", "in", "im",
    "ins", "an", "am", "ans", "auf", "aus", "bei", "beim", "mit", "nach", "seit", "von", "vom",
    "vor", "zu", "zum", "zur", "durch", "für", "gegen", "ohne", "um", "über", "unter",
    "zwischen", "neben", "hinter", "bis", "während", "wegen", "trotz", "laut", "gegenüber",
    "ab", "pro", "ist", "sind", "war", "waren", "bin", "bist", "seid", "wird", "werden",
    "wurde", "wurden", "worden", "sei", "wäre", "wären", "gewesen", "hat", "haben", "hatte",
    "hatten", "habe", "hätte", "hätten", "kann", "können", "konnte", "konnten", "könnte",
    "muss", "müssen", "musste", "soll", "sollen", "sollte", "sollten", "will", "wollen",
    "wollte", "darf", "dürfen", "nicht", "nichts", "nur", "noch", "schon", "auch", "sehr",
    "so", "dann", "da", "hier", "dort", "jetzt", "nun", "immer", "wieder", "mehr", "etwa",
    "bereits", "zudem", "jedoch", "also", "sowie", "damit", "dabei", "dazu", "davon", "darauf",
    "daher", "deshalb", "dafür", "darüber", "dagegen", "ausserdem", "allerdings", "zwar",
    "sogar", "ebenfalls", "eher", "ja", "nein", "einmal", "bisher", "sagte", "sagt", "heisst",
    "hiess",
    NULL,
};
static const nd_cue de_cues[] = {
    /* unambiguous chrome */
    {"alle rechte vorbehalten", 60}, {"datenschutzerklärung", 60}, {"datenschutzhinweise", 60},
    {"privatsphäre-einstellungen", 50}, {"nutzungsbedingungen", 50},
    {"allgemeine geschäftsbedingungen", 50}, {"nachdruck nur mit", 40},
    {"zum inhalt springen", 40}, {"zum hauptinhalt", 40}, {"zur navigation springen", 40},
    {"direkt zum inhalt", 40}, {"könnte sie auch interessieren", 40},
    {"könnte sie interessieren", 40}, {"jetzt abonnieren", 50}, {"abonnieren sie", 50},
    {"abo abschliessen", 50}, {"jetzt weiterlesen", 40}, {"weiterlesen mit", 40},
    {"nur für abonnenten", 40}, {"exklusiv für abonnenten", 40},
    {"kostenlos registrieren", 40}, {"kostenlos testen", 30}, {"gratis testen", 30},
    {"jetzt unterstützen", 40}, {"unterstützen sie", 30}, {"jetzt spenden", 40},
    {"unabhängigen journalismus", 40}, {"artikel verschenken", 40}, {"folgen sie uns", 40},
    {"mit material von", 40}, {"mit material der", 40}, {"mit agenturmaterial", 40},
    {"dpa-infocom", 40}, {"picture alliance", 50}, {"imago images", 50}, {"/dpa", 50},
    {"symbolbild", 40}, {"symbolfoto", 40}, {"über den autor", 60}, {"über die autorin", 60},
    {"ist redakteur", 45}, {"ist korrespondent", 45}, {"ist reporter", 45},
    {"ist journalist", 45}, {"fehler gefunden", 30}, {"artikel teilen", 30},
    {"per e-mail versenden", 30}, {"per mail teilen", 30}, {"kommentar schreiben", 30},
    {"jetzt kommentieren", 30},
    /* weaker: only in short paragraphs */
    {"impressum", 15}, {"datenschutz", 12}, {"agb", 8}, {"mediadaten", 20},
    {"barrierefreiheit", 12}, {"über uns", 12}, {"kontakt", 8}, {"foto:", 40}, {"fotos:", 40},
    {"bild:", 40}, {"grafik:", 30}, {"quelle:", 30}, {"bildquelle", 40}, {"archivbild", 30},
    {"autor:", 30}, {"autorin:", 30}, {"zur person", 12}, {"alle artikel von", 30},
    {"mehr zum thema", 20}, {"mehr aus dem ressort", 20}, {"lesen sie auch", 15},
    {"auch interessant", 12}, {"weitere artikel", 12}, {"weitere nachrichten", 12},
    {"verwandte artikel", 15}, {"ähnliche artikel", 15}, {"empfohlene artikel", 15},
    {"meistgelesen", 15}, {"meist gelesen", 15}, {"am meisten gelesen", 15},
    {"schlagworte", 15}, {"schlagwörter", 15}, {"teilen", 8}, {"link kopieren", 20},
    {"drucken", 8}, {"druckversion", 20}, {"artikel merken", 20}, {"merkliste", 15},
    {"artikel anhören", 20}, {"vorlesen", 8}, {"kommentare", 12}, {"kommentar", 8},
    {"kommentieren", 12}, {"leserbrief", 12}, {"anzeige", 5}, {"werbung", 5},
    {"gesponsert", 10}, {"werbefrei", 30}, {"lesezeit", 15}, {"veröffentlicht am", 20},
    {"aktualisiert am", 20}, {"zuletzt aktualisiert", 20}, {"stand:", 12},
    {"transparenzhinweis", 40}, {"weiterlesen", 12}, {"mehr lesen", 12}, {"mehr erfahren", 12},
    {"mehr anzeigen", 12}, {"mehr dazu", 10}, {"alle meldungen", 15}, {"video abspielen", 20},
    {"zum video", 15}, {"abonnieren", 25}, {"anmelden", 8}, {"einloggen", 10}, {"login", 10},
    {"registrieren", 10}, {"abmelden", 8}, {"mein konto", 12}, {"konto erstellen", 20},
    {"alle akzeptieren", 30}, {"akzeptieren", 8}, {"zustimmen", 8}, {"zur startseite", 15},
    {"startseite", 8}, {"menü", 8}, {"suche", 6}, {"nach oben", 10},
    {"zurück zur übersicht", 20}, {"spenden", 8},
    {NULL, 0},
};
static const char *const de_tail[] = {
    "könnte sie auch interessieren", "könnte sie interessieren", "lesen sie auch",
    "weitere artikel", "mehr zum thema", "mehr zu diesem thema", "auch interessant",
    "ebenfalls interessant", "ähnliche artikel", "verwandte artikel", "meistgelesen",
    "mehr aus dem ressort", "empfehlungen der redaktion", "unsere empfehlungen",
    "weitere nachrichten",
    NULL,
};

/* ---- Japanese (ja) ---- */
/* Single characters, particles and auxiliaries in hiragana and a few function kanji. */
static const char *const ja_stop[] = {
    "の", "に", "は", "を", "が", "で", "と", "も", "た", "て", "し", "な", "い", "か", "ら",
    "れ", "る", "す", "ま", "だ", "う", "っ", "ど", "こ", "そ", "あ", "や", "へ", "よ", "ね",
    "ず", "ん", "り", "き", "く", "け", "せ", "つ", "ば", "ご", "お", "等", "的", "中", "者",
    "氏", "後", "約", "各", "同", "以", "及", "又",
    NULL,
};
static const nd_cue ja_cues[] = {
    /* unambiguous chrome (max_words in characters) */
    {"無断転載", 80}, {"無断複製", 80}, {"転載禁止", 80}, {"著作権", 60},
    {"プライバシーポリシー", 80}, {"個人情報保護方針", 80}, {"個人情報の取り扱い", 80},
    {"利用規約", 60}, {"本文へスキップ", 40}, {"メインコンテンツへ", 40}, {"会員登録", 40},
    {"有料会員", 60}, {"この記事は有料会員限定", 80}, {"続きをお読みいただけます", 80},
    {"残り", 12}, {"ニュースレター", 60}, {"メルマガ", 40}, {"この記事を読んだ人", 40},
    {"あわせて読みたい", 30}, {"こちらもおすすめ", 30}, {"おすすめ記事", 30}, {"関連記事", 30},
    {"関連ニュース", 30}, {"人気記事", 30}, {"アクセスランキング", 30}, {"ランキング", 12},
    {"フォローする", 30}, {"写真:", 40}, {"提供:", 40}, {"出典:", 40},
    /* weaker: only in short runs (about two and a half characters to an English word) */
    {"シェア", 30}, {"ツイート", 30}, {"ポスト", 20}, {"ブックマーク", 30}, {"印刷", 15},
    {"コメント", 25}, {"広告", 20}, {"公開日", 50}, {"更新日", 50}, {"続きを読む", 50},
    {"もっと見る", 30}, {"ログイン", 25}, {"検索", 15}, {"メニュー", 20}, {"トップページ", 30},
    {"ホーム", 15}, {"お問い合わせ", 50}, {"会社概要", 50}, {"サイトマップ", 50},
    {"ページトップへ", 30}, {"同意する", 15},
    {NULL, 0},
};
static const char *const ja_tail[] = {
    "関連記事", "関連ニュース", "あわせて読みたい", "こちらもおすすめ", "おすすめ記事",
    "この記事を読んだ人はこちらも", "人気記事", "アクセスランキング",
    NULL,
};

/* ---- French (fr) ---- */
static const char *const fr_stop[] = {
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "ce", "cet",
    "cette", "ces", "et", "ou", "mais", "donc", "or", "ni", "car", "que", "qu", "qui", "quoi",
    "dont", "où", "si", "comme", "quand", "lorsque", "lorsqu", "puisque", "puisqu", "je", "j",
    "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "me", "m", "te", "t", "se", "s",
    "lui", "leur", "leurs", "eux", "moi", "toi", "soi", "y", "en", "mon", "ma", "mes", "ton",
    "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "celui", "celle", "ceux",
    "celles", "ceci", "cela", "ça", "c", "quel", "quelle", "quels", "quelles", "lequel",
    "laquelle", "lesquels", "à", "dans", "par", "pour", "sur", "sous", "avec", "sans", "chez",
    "vers", "entre", "contre", "depuis", "pendant", "avant", "après", "selon", "malgré",
    "parmi", "jusqu", "jusque", "envers", "hors", "dès", "est", "sont", "était", "étaient",
    "été", "être", "sera", "seront", "serait", "seraient", "soit", "fut", "a", "ai", "as",
    "avons", "avez", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "eu",
    "avoir", "peut", "peuvent", "pourrait", "doit", "doivent", "faut", "ne", "n", "pas",
    "plus", "jamais", "rien", "aucun", "aucune", "guère", "aussi", "encore", "déjà", "très",
    "trop", "bien", "tout", "tous", "toute", "toutes", "autre", "autres", "même", "mêmes",
    "alors", "ainsi", "puis", "enfin", "toutefois", "cependant", "pourtant", "néanmoins",
    "notamment", "également", "ici", "là", "non", "oui", "peu", "beaucoup", "moins", "tant",
    "tel", "telle", "dit", "déclaré", "estime", "affirme",
    NULL,
};
static const nd_cue fr_cues[] = {
    /* unambiguous chrome */
    {"tous droits réservés", 60}, {"droits de reproduction", 60},
    {"politique de confidentialité", 60}, {"gestion des cookies", 60},
    {"données personnelles", 30}, {"paramétrer les cookies", 60}, {"conditions générales", 50},
    {"conditions d'utilisation", 50}, {"mentions légales", 40}, {"aller au contenu", 40},
    {"passer au contenu", 40}, {"accéder au contenu", 40}, {"aller au contenu principal", 40},
    {"abonnez-vous", 50}, {"s'abonner", 30}, {"je m'abonne", 40}, {"inscrivez-vous", 40},
    {"déjà abonné", 40}, {"réservé aux abonnés", 50}, {"article réservé", 40},
    {"cet article est réservé", 50}, {"la suite est réservée", 50}, {"il vous reste", 40},
    {"soutenez-nous", 50}, {"faire un don", 30}, {"nous soutenir", 40},
    {"laisser un commentaire", 40}, {"laissez un commentaire", 40},
    {"réagir à cet article", 30}, {"partager cet article", 30}, {"partager sur", 30},
    {"envoyer par e-mail", 30}, {"copier le lien", 20}, {"suivez-nous", 40},
    {"à lire aussi", 15}, {"lire aussi", 15}, {"à découvrir aussi", 15},
    {"vous aimerez aussi", 40}, {"vous pourriez aussi aimer", 40}, {"sur le même sujet", 15},
    {"sur le même thème", 15}, {"les plus lus", 15}, {"articles les plus lus", 20},
    {"avec afp", 40}, {"avec agences", 40}, {"/afp", 80},
    /* weaker: only in short paragraphs */
    {"partager", 10}, {"imprimer", 8}, {"commentaires", 12}, {"commenter", 10}, {"réagir", 8},
    {"publicité", 8}, {"sponsorisé", 10}, {"contenu sponsorisé", 20}, {"publié le", 20},
    {"mis à jour le", 15}, {"mise à jour", 10}, {"temps de lecture", 15},
    {"min de lecture", 15}, {"lire la suite", 15}, {"lire plus", 12}, {"voir plus", 12},
    {"en savoir plus", 15}, {"voir aussi", 12}, {"plus d'infos", 12}, {"photo :", 40},
    {"photo:", 40}, {"crédit photo", 40}, {"crédits photo", 40}, {"illustration :", 30},
    {"légende", 10}, {"par la rédaction", 20}, {"connexion", 8}, {"se connecter", 12},
    {"mon compte", 12}, {"créer un compte", 20}, {"s'inscrire", 12}, {"rechercher", 6},
    {"recherche", 5}, {"menu", 6}, {"accueil", 6}, {"retour à l'accueil", 15},
    {"haut de page", 12}, {"retour en haut", 12}, {"nous contacter", 15},
    {"contactez-nous", 15}, {"qui sommes-nous", 15}, {"plan du site", 15},
    {"accessibilité", 12}, {"tout accepter", 30}, {"accepter", 6}, {"refuser", 6},
    {"est journaliste", 45},
    {NULL, 0},
};
static const char *const fr_tail[] = {
    "à lire aussi", "lire aussi", "sur le même sujet", "sur le même thème",
    "vous aimerez aussi", "vous pourriez aussi aimer", "à découvrir aussi",
    "dans la même rubrique", "articles similaires", "articles liés", "les plus lus",
    "nos autres articles", "les dernières actualités",
    NULL,
};

/* ---- Russian (ru) ---- */
static const char *const ru_stop[] = {
    "и", "в", "во", "не", "на", "с", "со", "что", "как", "а", "но", "по", "к", "ко", "у", "из",
    "о", "об", "от", "до", "за", "для", "же", "бы", "ли", "то", "ни", "при", "под", "над",
    "без", "про", "через", "после", "перед", "между", "или", "либо", "да", "чтобы", "если",
    "когда", "где", "чем", "потому", "поэтому", "так", "также", "тоже", "уже", "еще", "ещё",
    "только", "даже", "очень", "лишь", "ведь", "вот", "я", "ты", "он", "она", "оно", "мы",
    "вы", "они", "меня", "мне", "мной", "тебя", "тебе", "его", "него", "ему", "нему", "ее",
    "её", "нее", "неё", "ей", "ней", "им", "ним", "ими", "ними", "их", "них", "нас", "нам",
    "вас", "вам", "себя", "себе", "собой", "мой", "моя", "мое", "мои", "свой", "своя", "свое",
    "свои", "своего", "своей", "своих", "своим", "нашей", "наш", "наша", "наши", "ваш", "этот",
    "эта", "это", "эти", "этого", "этой", "этом", "этим", "этих", "тот", "та", "те", "того",
    "той", "том", "тех", "такой", "такая", "такие", "таким", "такого", "который", "которая",
    "которое", "которые", "которого", "которой", "котором", "которых", "которым", "кто",
    "чего", "кого", "кому", "весь", "вся", "все", "всё", "всех", "всем", "всего", "каждый",
    "другой", "другие", "других", "сам", "сама", "само", "самом", "самого", "был", "была",
    "было", "были", "быть", "будет", "будут", "есть", "является", "являются", "может", "могут",
    "можно", "нужно", "надо", "должен", "должны", "нет", "никто", "ничего", "никогда", "более",
    "менее", "больше", "меньше", "там", "здесь", "тут", "сейчас", "теперь", "тогда", "потом",
    "затем", "около", "сказал", "сообщил", "заявил", "отметил", "говорит", "однако", "хотя",
    "причем", "кроме", "среди", "против", "вокруг", "вместо", "согласно",
    NULL,
};
static const nd_cue ru_cues[] = {
    /* unambiguous chrome */
    {"все права защищены", 60}, {"политика конфиденциальности", 60},
    {"использование файлов cookie", 60}, {"пользовательское соглашение", 50},
    {"при полном или частичном", 60}, {"перейти к содержанию", 40}, {"подпишитесь", 40},
    {"подписаться", 30}, {"оформить подписку", 40}, {"поддержите", 30}, {"поддержать", 12},
    {"оставьте комментарий", 40}, {"оставить комментарий", 40}, {"поделиться", 12},
    {"отправить по почте", 30}, {"скопировать ссылку", 20}, {"читайте нас", 40},
    {"мы в соцсетях", 40}, {"читайте также", 15}, {"читать также", 15}, {"смотрите также", 15},
    {"вам может быть интересно", 30}, {"по теме", 8}, {"самое читаемое", 15},
    {"популярное", 8}, {"новости партнеров", 20}, {"фото:", 40}, {"источник:", 30},
    /* weaker: only in short paragraphs */
    {"печать", 5}, {"версия для печати", 15}, {"комментарии", 12}, {"комментарий", 8},
    {"реклама", 5}, {"на правах рекламы", 40}, {"опубликовано", 15}, {"обновлено", 15},
    {"время чтения", 15}, {"мин чтения", 15}, {"читать далее", 15}, {"подробнее", 12},
    {"читать полностью", 15}, {"войти", 6}, {"вход", 5}, {"регистрация", 10},
    {"личный кабинет", 12}, {"поиск", 6}, {"меню", 6}, {"главная", 6}, {"наверх", 8},
    {"контакты", 8}, {"о нас", 8}, {"о проекте", 12}, {"редакция", 6}, {"принять", 6},
    {"автор:", 30}, {"- корреспондент", 45}, {"- журналист", 45},
    {NULL, 0},
};
static const char *const ru_tail[] = {
    "читайте также", "читать также", "смотрите также", "вам может быть интересно", "по теме",
    "самое читаемое", "новости партнеров", "другие новости", "похожие новости",
    "последние новости",
    NULL,
};

/* ---- Portuguese (pt) ---- */
static const char *const pt_stop[] = {
    "o", "a", "os", "as", "um", "uma", "uns", "umas", "ao", "aos", "à", "às", "do", "da",
    "dos", "das", "no", "na", "nos", "nas", "num", "numa", "pelo", "pela", "pelos", "pelas",
    "dum", "duma", "e", "ou", "mas", "nem", "que", "porque", "pois", "como", "quando", "onde",
    "enquanto", "embora", "se", "já", "eu", "tu", "ele", "ela", "nós", "vós", "eles", "elas",
    "você", "vocês", "me", "te", "lhe", "lhes", "vos", "si", "mim", "ti", "meu", "minha",
    "meus", "minhas", "teu", "tua", "seu", "sua", "seus", "suas", "nosso", "nossa", "nossos",
    "nossas", "dele", "dela", "deles", "delas", "este", "esta", "isto", "estes", "estas",
    "esse", "essa", "isso", "esses", "essas", "aquele", "aquela", "aquilo", "aqueles",
    "aquelas", "neste", "nesta", "nesse", "nessa", "naquele", "deste", "desta", "desse",
    "dessa", "daquele", "qual", "quais", "quem", "cujo", "cuja", "de", "em", "por", "para",
    "com", "sem", "sobre", "entre", "até", "desde", "contra", "sob", "após", "perante",
    "durante", "segundo", "conforme", "é", "são", "era", "eram", "foi", "foram", "ser", "sido",
    "seja", "sejam", "será", "serão", "seria", "está", "estão", "estava", "estavam", "estar",
    "esteve", "estado", "há", "tem", "têm", "tinha", "tinham", "ter", "teve", "tido", "havia",
    "haver", "houve", "pode", "podem", "poderia", "deve", "devem", "vai", "vão", "não",
    "nunca", "nada", "ninguém", "nenhum", "nenhuma", "também", "tampouco", "muito", "muita",
    "muitos", "muitas", "mais", "menos", "tão", "tanto", "ainda", "apenas", "só", "quase",
    "sempre", "então", "depois", "antes", "agora", "hoje", "aqui", "ali", "lá", "bem", "todo",
    "toda", "todos", "todas", "tudo", "outro", "outra", "outros", "outras", "mesmo", "mesma",
    "cada", "algo", "algum", "alguma", "alguns", "algumas", "disse", "afirmou", "explicou",
    NULL,
};
static const nd_cue pt_cues[] = {
    /* unambiguous chrome */
    {"todos os direitos reservados", 60}, {"direitos reservados", 60},
    {"política de privacidade", 60}, {"política de cookies", 60}, {"termos de uso", 50},
    {"termos e condições", 50}, {"pular para o conteúdo", 40}, {"ir para o conteúdo", 40},
    {"saltar para o conteúdo", 40}, {"assine já", 40}, {"assine", 12}, {"assinante", 20},
    {"exclusivo para assinantes", 50}, {"conteúdo exclusivo", 40}, {"inscreva-se", 40},
    {"cadastre-se", 30}, {"apoie o jornalismo", 50}, {"deixe um comentário", 40},
    {"deixe seu comentário", 40}, {"compartilhe esta notícia", 30}, {"compartilhar no", 30},
    {"partilhar no", 30}, {"enviar por e-mail", 30}, {"copiar link", 20}, {"siga-nos", 40},
    {"leia também", 15}, {"veja também", 15}, {"você pode gostar", 40},
    {"pode te interessar", 30}, {"notícias relacionadas", 20}, {"mais lidas", 15},
    {"mais lidos", 15}, {"com informações de", 40}, {"com agências", 40},
    /* weaker: only in short paragraphs */
    {"compartilhar", 10}, {"compartilhe", 10}, {"partilhar", 10}, {"imprimir", 8},
    {"comentários", 12}, {"comentar", 8}, {"publicidade", 8}, {"patrocinado", 10},
    {"conteúdo patrocinado", 20}, {"publicado em", 15}, {"atualizado em", 15},
    {"tempo de leitura", 15}, {"min de leitura", 15}, {"leia mais", 15}, {"ler mais", 15},
    {"saiba mais", 15}, {"continue lendo", 15}, {"ver mais", 12}, {"foto:", 40},
    {"imagem:", 40}, {"crédito:", 40}, {"reprodução", 10}, {"entrar", 5}, {"fazer login", 12},
    {"minha conta", 12}, {"buscar", 6}, {"pesquisar", 6}, {"menu", 6}, {"página inicial", 10},
    {"voltar ao topo", 12}, {"fale conosco", 15}, {"contato", 8}, {"contacto", 8},
    {"quem somos", 15}, {"expediente", 12}, {"acessibilidade", 12}, {"aceitar", 6},
    {"é repórter", 45}, {"é jornalista", 45},
    {NULL, 0},
};
static const char *const pt_tail[] = {
    "leia também", "veja também", "notícias relacionadas", "mais lidas", "você pode gostar",
    "pode te interessar", "mais notícias", "últimas notícias", "artigos relacionados",
    "recomendados para você",
    NULL,
};

/* ---- Italian (it) ---- */
static const char *const it_stop[] = {
    "il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una", "del", "dello", "della",
    "dei", "degli", "delle", "dell", "al", "allo", "alla", "ai", "agli", "alle", "all", "dal",
    "dallo", "dalla", "dai", "dagli", "dalle", "dall", "nel", "nello", "nella", "nei", "negli",
    "nelle", "nell", "sul", "sullo", "sulla", "sui", "sugli", "sulle", "sull", "col", "coi",
    "e", "ed", "o", "od", "ma", "però", "perché", "poiché", "quindi", "dunque", "anche", "se",
    "come", "quando", "mentre", "dove", "che", "cui", "chi", "io", "tu", "lui", "lei", "egli",
    "ella", "noi", "voi", "loro", "esso", "essa", "essi", "esse", "mi", "ti", "si", "ci", "vi",
    "ne", "li", "me", "te", "ce", "ve", "glielo", "mio", "mia", "miei", "mie", "tuo", "tua",
    "tuoi", "tue", "suo", "sua", "suoi", "sue", "nostro", "nostra", "nostri", "nostre",
    "vostro", "vostra", "questo", "questa", "questi", "queste", "quest", "quello", "quella",
    "quelli", "quelle", "quell", "quel", "quei", "quegli", "di", "a", "da", "in", "con", "su",
    "per", "tra", "fra", "verso", "contro", "senza", "sotto", "sopra", "dopo", "prima",
    "durante", "secondo", "entro", "presso", "oltre", "è", "sono", "era", "erano", "fu",
    "furono", "essere", "stato", "stata", "stati", "state", "sarà", "saranno", "sarebbe",
    "sia", "siano", "ha", "hanno", "ho", "abbiamo", "avete", "aveva", "avevano", "avere",
    "avuto", "avrà", "avrebbe", "può", "possono", "potrebbe", "deve", "devono", "non", "né",
    "nessuno", "nessuna", "niente", "nulla", "mai", "più", "meno", "molto", "molti", "molta",
    "molte", "poco", "tanto", "troppo", "ancora", "già", "sempre", "solo", "soltanto",
    "proprio", "tutto", "tutta", "tutti", "tutte", "altro", "altra", "altri", "altre",
    "stesso", "stessa", "ogni", "ciascuno", "qualche", "alcuni", "alcune", "così", "allora",
    "poi", "ora", "oggi", "qui", "qua", "lì", "là", "c", "d", "po", "detto", "dice", "spiega",
    NULL,
};
static const nd_cue it_cues[] = {
    /* unambiguous chrome */
    {"tutti i diritti riservati", 60}, {"riproduzione riservata", 60},
    {"informativa sulla privacy", 60}, {"informativa cookie", 60}, {"privacy policy", 60},
    {"termini e condizioni", 50}, {"condizioni d'uso", 50}, {"note legali", 40},
    {"vai al contenuto", 40}, {"salta al contenuto", 40}, {"abbonati", 12},
    {"abbonamento", 15}, {"iscriviti", 30}, {"registrati", 6}, {"riservato agli abbonati", 50},
    {"contenuto riservato", 40}, {"sostieni", 30}, {"fai una donazione", 40},
    {"lascia un commento", 40}, {"condividi su", 30}, {"condividi questo articolo", 30},
    {"invia per email", 30}, {"copia link", 20}, {"seguici su", 40},
    {"potrebbe interessarti", 30}, {"ti potrebbe interessare", 30},
    {"potrebbe interessarti anche", 30}, {"articoli correlati", 20}, {"i più letti", 15},
    {"più letti", 15}, {"p.iva", 40}, {"partita iva", 40},
    /* weaker: only in short paragraphs */
    {"condividi", 10}, {"stampa", 4}, {"commenti", 12}, {"commenta", 10}, {"pubblicità", 8},
    {"sponsorizzato", 10}, {"contenuto sponsorizzato", 20}, {"pubblicato il", 15},
    {"aggiornato il", 15}, {"ultimo aggiornamento", 15}, {"tempo di lettura", 15},
    {"min di lettura", 15}, {"minuti di lettura", 15}, {"leggi anche", 15},
    {"leggi tutto", 15}, {"continua a leggere", 15}, {"leggi di più", 15},
    {"scopri di più", 15}, {"foto:", 40}, {"foto di", 12}, {"immagine:", 40}, {"credit:", 40},
    {"ansa", 6}, {"accedi", 8}, {"login", 8}, {"il mio account", 12}, {"cerca", 5},
    {"menu", 6}, {"home page", 8}, {"torna su", 10}, {"torna all'inizio", 12}, {"contatti", 8},
    {"chi siamo", 15}, {"redazione", 6}, {"mappa del sito", 15}, {"accessibilità", 12},
    {"accetta", 6}, {"rifiuta", 6}, {"è giornalista", 45}, {"foto ansa", 60},
    {NULL, 0},
};
static const char *const it_tail[] = {
    "leggi anche", "potrebbe interessarti", "ti potrebbe interessare", "articoli correlati",
    "i più letti", "più letti", "altri articoli", "potrebbe interessarti anche",
    "ultime notizie", "notizie correlate",
    NULL,
};

/* ---- Dutch (nl) ---- */
static const char *const nl_stop[] = {
    "de", "het", "een", "der", "des", "den", "en", "of", "maar", "want", "dus", "omdat", "als",
    "dan", "toen", "terwijl", "hoewel", "zodat", "dat", "wanneer", "waar", "ik", "jij", "je",
    "u", "hij", "zij", "ze", "wij", "we", "jullie", "mij", "me", "hem", "haar", "ons", "hen",
    "hun", "zich", "men", "mijn", "jouw", "zijn", "onze", "uw", "dit", "deze", "die", "welke",
    "welk", "wie", "wat", "waarom", "hoe", "in", "op", "aan", "bij", "met", "van", "voor",
    "na", "naar", "uit", "over", "onder", "tegen", "tussen", "door", "zonder", "tot", "sinds",
    "om", "rond", "volgens", "tijdens", "vanaf", "binnen", "buiten", "langs", "is", "was",
    "waren", "ben", "bent", "wordt", "worden", "werd", "werden", "geworden", "geweest", "zal",
    "zullen", "zou", "zouden", "heeft", "hebben", "had", "hadden", "heb", "hebt", "kan",
    "kunnen", "kon", "konden", "moet", "moeten", "moest", "mag", "mogen", "wil", "willen",
    "wilde", "niet", "geen", "niets", "nooit", "nog", "al", "ook", "wel", "zo", "er", "hier",
    "daar", "nu", "weer", "meer", "minder", "veel", "heel", "erg", "zeer", "alle", "alles",
    "elke", "ieder", "iedereen", "andere", "ander", "zelf", "zelfs", "echter", "toch",
    "alleen", "slechts", "bijna", "daarom", "daardoor", "daarmee", "daarna", "daarbij",
    "daarvan", "waarin", "waarbij", "waarvan", "waarmee", "hierbij", "hiervan", "zegt", "zei",
    "aldus", "s", "t",
    NULL,
};
static const nd_cue nl_cues[] = {
    /* unambiguous chrome */
    {"alle rechten voorbehouden", 60}, {"privacybeleid", 60}, {"privacyverklaring", 60},
    {"cookiebeleid", 60}, {"cookieverklaring", 60}, {"algemene voorwaarden", 50},
    {"gebruiksvoorwaarden", 50}, {"naar de inhoud", 40}, {"ga naar de inhoud", 40},
    {"direct naar", 30}, {"abonneer je", 40}, {"abonneer nu", 40}, {"word abonnee", 40},
    {"schrijf je in", 40}, {"meld je aan", 40}, {"exclusief voor abonnees", 50},
    {"voor abonnees", 30}, {"steun ons", 40}, {"doneer", 20}, {"plaats een reactie", 40},
    {"laat een reactie achter", 40}, {"deel dit artikel", 30}, {"delen via", 30},
    {"link kopiëren", 20}, {"volg ons", 40}, {"lees ook", 15}, {"meer over", 10},
    {"dit vind je misschien ook leuk", 40}, {"gerelateerde artikelen", 20},
    {"meest gelezen", 15},
    /* weaker: only in short paragraphs */
    {"delen", 6}, {"printen", 8}, {"afdrukken", 8}, {"reacties", 12}, {"reageer", 10},
    {"reageren", 10}, {"advertentie", 8}, {"gesponsord", 10}, {"gepubliceerd", 12},
    {"bijgewerkt", 12}, {"leestijd", 15}, {"lees meer", 15}, {"lees verder", 15},
    {"meer lezen", 12}, {"foto:", 40}, {"beeld:", 40}, {"bron:", 30}, {"anp", 6},
    {"inloggen", 10}, {"mijn account", 12}, {"registreren", 10}, {"zoeken", 6}, {"menu", 6},
    {"home", 4}, {"terug naar boven", 12}, {"contact", 8}, {"over ons", 12}, {"colofon", 15},
    {"toegankelijkheid", 12}, {"accepteren", 6}, {"is verslaggever", 45},
    {"is journalist", 45}, {"is redacteur", 45},
    {NULL, 0},
};
static const char *const nl_tail[] = {
    "lees ook", "gerelateerde artikelen", "meest gelezen", "meer over dit onderwerp",
    "dit vind je misschien ook leuk", "meer nieuws", "ook interessant", "andere artikelen",
    NULL,
};

/* ---- Polish (pl) ---- */
static const char *const pl_stop[] = {
    "i", "a", "w", "we", "z", "ze", "na", "do", "o", "od", "po", "za", "przez", "przy", "dla",
    "bez", "pod", "nad", "przed", "między", "u", "ku", "wśród", "według", "wobec", "podczas",
    "mimo", "oprócz", "zamiast", "oraz", "lub", "albo", "ani", "ale", "lecz", "jednak",
    "czyli", "bo", "ponieważ", "gdyż", "więc", "zatem", "jeśli", "jeżeli", "gdy", "kiedy",
    "że", "żeby", "aby", "by", "czy", "jak", "jako", "niż", "ja", "ty", "on", "ona", "ono",
    "my", "wy", "oni", "one", "mnie", "mi", "cię", "ci", "go", "mu", "jego", "jej", "ich",
    "im", "nim", "nią", "nich", "nas", "nam", "was", "wam", "się", "sobie", "siebie", "mój",
    "moja", "moje", "swój", "swoja", "swoje", "swoich", "swoim", "swojego", "swojej", "nasz",
    "nasza", "nasze", "naszych", "wasz", "ten", "ta", "to", "te", "tego", "tej", "tym", "tych",
    "temu", "tę", "tą", "tamten", "taki", "taka", "takie", "tak", "który", "która", "które",
    "którego", "której", "którym", "których", "którzy", "kto", "co", "czego", "czym", "kogo",
    "komu", "jest", "są", "był", "była", "było", "byli", "były", "być", "będzie", "będą",
    "byłby", "jestem", "jesteśmy", "zostać", "został", "została", "zostało", "zostały",
    "zostali", "zostanie", "ma", "mają", "miał", "miała", "miało", "mieli", "mieć", "może",
    "mogą", "można", "musi", "muszą", "trzeba", "należy", "nie", "nic", "nigdy", "żaden",
    "żadne", "też", "także", "również", "już", "jeszcze", "tylko", "bardzo", "bardziej",
    "najbardziej", "więcej", "mniej", "prawie", "nawet", "właśnie", "zawsze", "teraz", "dziś",
    "tu", "tam", "wtedy", "potem", "wszystko", "wszyscy", "wszystkie", "każdy", "każda",
    "każde", "inny", "inna", "inne", "innych", "sam", "sama", "samo", "powiedział",
    "powiedziała", "mówi", "dodał",
    NULL,
};
static const nd_cue pl_cues[] = {
    /* unambiguous chrome */
    {"wszelkie prawa zastrzeżone", 60}, {"prawa zastrzeżone", 60},
    {"polityka prywatności", 60}, {"polityka cookies", 60}, {"regulamin", 15},
    {"przejdź do treści", 40}, {"przejdź do głównej treści", 40}, {"zaloguj się", 20},
    {"załóż konto", 30}, {"zarejestruj się", 30}, {"wykup dostęp", 50},
    {"wykup subskrypcję", 50}, {"subskrypcja", 15}, {"zapisz się", 30},
    {"zostań patronem", 50}, {"wesprzyj nas", 40}, {"dodaj komentarz", 40},
    {"napisz komentarz", 40}, {"udostępnij artykuł", 30}, {"udostępnij na", 30},
    {"skopiuj link", 20}, {"obserwuj nas", 40}, {"zobacz także", 15}, {"zobacz też", 15},
    {"czytaj także", 15}, {"czytaj też", 15}, {"może cię zainteresować", 30}, {"polecamy", 8},
    {"najczęściej czytane", 15}, {"najpopularniejsze", 12}, {"powiązane artykuły", 20},
    {"źródło:", 30}, {"fot.", 30}, {"foto:", 40},
    /* weaker: only in short paragraphs */
    {"udostępnij", 10}, {"drukuj", 8}, {"komentarze", 12}, {"komentarzy", 12}, {"reklama", 5},
    {"artykuł sponsorowany", 30}, {"materiał partnera", 40}, {"opublikowano", 15},
    {"aktualizacja", 10}, {"czas czytania", 15}, {"min czytania", 15}, {"czytaj więcej", 15},
    {"czytaj dalej", 15}, {"zobacz więcej", 12}, {"więcej", 3}, {"zaloguj", 8},
    {"moje konto", 12}, {"szukaj", 6}, {"wyszukaj", 6}, {"menu", 6}, {"strona główna", 8},
    {"do góry", 10}, {"kontakt", 8}, {"o nas", 8}, {"redakcja", 6}, {"dostępność", 10},
    {"akceptuję", 10}, {"zgadzam się", 10}, {"autor:", 30}, {"jest dziennikarką", 45},
    {"jest dziennikarzem", 45},
    {NULL, 0},
};
static const char *const pl_tail[] = {
    "zobacz także", "zobacz też", "czytaj także", "czytaj też", "może cię zainteresować",
    "polecamy", "najczęściej czytane", "powiązane artykuły", "więcej z kategorii", "najnowsze",
    NULL,
};

/* ---- Turkish (tr) ---- */
static const char *const tr_stop[] = {
    "ve", "ile", "ya", "veya", "ama", "fakat", "ancak", "ki", "de", "da", "ise", "hem",
    "çünkü", "eğer", "yani", "oysa", "halbuki", "bir", "bu", "şu", "o", "bunu", "şunu", "onu",
    "bunun", "şunun", "onun", "buna", "şuna", "ona", "bunda", "onda", "bundan", "ondan",
    "bunlar", "şunlar", "onlar", "bunları", "onları", "bunların", "onların", "ben", "sen",
    "biz", "siz", "beni", "seni", "bizi", "sizi", "bana", "sana", "bize", "size", "benim",
    "senin", "bizim", "sizin", "kendi", "kendisi", "kendine", "kendini", "için", "gibi",
    "kadar", "göre", "karşı", "doğru", "sonra", "önce", "beri", "rağmen", "dolayı", "itibaren",
    "üzere", "hakkında", "arasında", "tarafından", "ayrıca", "çok", "daha", "en", "az", "pek",
    "hiç", "her", "bütün", "tüm", "bazı", "birçok", "diğer", "başka", "değil", "var", "yok",
    "mi", "mı", "mu", "mü", "ne", "neden", "nasıl", "nerede", "hangi", "kim", "olan", "olarak",
    "oldu", "olduğu", "olduğunu", "olacak", "olması", "olmak", "olup", "olmuş", "olur", "idi",
    "etti", "eden", "edildi", "edilen", "etmek", "yaptı", "dedi", "söyledi", "belirtti",
    "kaydetti", "açıkladı", "şimdi", "artık", "hâlâ", "hala", "henüz", "zaten", "sadece",
    "yalnızca", "bile", "işte", "böyle", "şöyle", "öyle", "aynı", "yine", "tekrar",
    NULL,
};
static const nd_cue tr_cues[] = {
    /* unambiguous chrome */
    {"tüm hakları saklıdır", 60}, {"her hakkı saklıdır", 60}, {"gizlilik politikası", 60},
    {"çerez politikası", 60}, {"çerezler", 40}, {"kişisel verilerin korunması", 40},
    {"kvkk", 40}, {"kullanım koşulları", 50}, {"içeriğe geç", 40}, {"abone ol", 40},
    {"bültenimize abone", 50}, {"e-bülten", 40}, {"yorum yaz", 30}, {"yorum yapın", 30},
    {"yorumlar", 12}, {"paylaş", 10}, {"bağlantıyı kopyala", 20}, {"bizi takip edin", 40},
    {"bunlar da ilginizi çekebilir", 30}, {"ilginizi çekebilir", 30}, {"ilgili haberler", 15},
    {"benzer haberler", 15}, {"en çok okunanlar", 15}, {"çok okunanlar", 15},
    {"fotoğraf:", 40}, {"kaynak:", 30},
    /* weaker: only in short paragraphs */
    {"yazdır", 8}, {"reklam", 5}, {"sponsorlu", 10}, {"yayınlanma", 15}, {"güncelleme", 12},
    {"okuma süresi", 15}, {"dk okuma", 15}, {"devamını oku", 15}, {"haberin devamı", 15},
    {"daha fazla", 8}, {"giriş yap", 10}, {"üye ol", 12}, {"kayıt ol", 12}, {"arama", 4},
    {"ana sayfa", 8}, {"anasayfa", 8}, {"iletişim", 8}, {"hakkımızda", 12}, {"künye", 12},
    {"kabul et", 10},
    /* capital "İ" folds to "i" and a combining dot above */
    {"i̇çeriğe geç", 40}, {"i̇lgili haberler", 15}, {"i̇letişim", 8}, {"i̇lginizi çekebilir", 30},
    {"haber:", 15}, {"muhabiridir", 45},
    {NULL, 0},
};
static const char *const tr_tail[] = {
    "ilgili haberler", "benzer haberler", "bunlar da ilginizi çekebilir", "ilginizi çekebilir",
    "en çok okunanlar", "çok okunanlar", "diğer haberler", "son dakika haberleri",
    "i̇lgili haberler", "i̇lginizi çekebilir",
    NULL,
};

/* ---- Chinese (zh) ---- */
/* Single characters, simplified and traditional. */
static const char *const zh_stop[] = {
    "的", "了", "是", "在", "和", "也", "就", "都", "而", "及", "与", "着", "或", "等", "将",
    "把", "被", "对", "从", "向", "于", "以", "为", "由", "让", "给", "但", "并", "且", "还",
    "又", "更", "很", "最", "已", "曾", "正", "不", "没", "无", "非", "这", "那", "其", "此",
    "之", "所", "个", "们", "他", "她", "它", "我", "你", "您", "该", "各", "每", "有", "会",
    "能", "可", "要", "应", "须", "得", "地", "过", "吗", "呢", "吧", "么", "哪", "谁", "如",
    "若", "因", "虽", "则", "即", "便", "才", "再", "只", "仅", "至", "自", "据", "称", "说",
    "当", "中", "后", "些", "這", "們", "個", "與", "對", "從", "為", "會", "該", "說", "還",
    "過", "應", "麼", "將", "無", "於", "讓", "給", "雖", "則", "僅", "據", "稱", "著", "後",
    "當", "並", "一",
    NULL,
};
static const nd_cue zh_cues[] = {
    /* unambiguous chrome (max_words in characters) */
    {"版权所有", 80}, {"版權所有", 80}, {"未经授权", 80}, {"未經授權", 80}, {"不得转载", 80},
    {"禁止转载", 80}, {"转载请注明", 80}, {"免责声明", 80}, {"免責聲明", 80}, {"隐私政策", 60},
    {"隱私權政策", 60}, {"用户协议", 60}, {"服务条款", 60}, {"责任编辑", 40}, {"責任編輯", 40},
    {"编辑:", 30}, {"来源:", 40}, {"來源:", 40}, {"原标题", 40}, {"扫码关注", 60},
    {"扫一扫", 40}, {"关注我们", 40}, {"关注公众号", 60}, {"微信公众号", 60}, {"点击查看", 30},
    {"点击进入", 30}, {"相关阅读", 20}, {"相關閱讀", 20}, {"相关新闻", 20}, {"相關新聞", 20},
    {"延伸阅读", 20}, {"延伸閱讀", 20}, {"推荐阅读", 20}, {"热门推荐", 20}, {"热门文章", 20},
    {"猜你喜欢", 20}, {"更多精彩", 30},
    /* weaker: only in short runs (about two and a half characters to an English word) */
    {"分享到", 50}, {"分享", 25}, {"转发", 20}, {"收藏", 20}, {"评论", 20}, {"評論", 20},
    {"打印", 15}, {"广告", 20}, {"廣告", 20}, {"登录", 15}, {"登錄", 15}, {"注册", 15},
    {"首页", 20}, {"首頁", 20}, {"返回顶部", 30}, {"联系我们", 50}, {"聯絡我們", 50},
    {"关于我们", 50}, {"關於我們", 50}, {"网站地图", 50}, {"阅读全文", 50}, {"閱讀全文", 50},
    {"图片来源", 80}, {"圖片來源", 80}, {"图:", 75}, {"圖:", 75}, {"微博", 25}, {"微信", 25},
    {"同意", 10},
    {NULL, 0},
};
static const char *const zh_tail[] = {
    "相关阅读", "相關閱讀", "相关新闻", "相關新聞", "延伸阅读", "延伸閱讀", "推荐阅读",
    "猜你喜欢", "热门推荐", "更多新闻", "相关文章", "相關文章",
    NULL,
};

/* ---- Persian (fa) ---- */
/* Words written with a zero-width non-joiner are spelt without it, as nd_clean leaves them. */
static const char *const fa_stop[] = {
    "و", "در", "به", "از", "که", "این", "را", "با", "است", "برای", "آن", "یک", "خود", "تا",
    "بر", "هم", "نیز", "می", "شد", "شده", "بود", "کرد", "کرده", "های", "ها", "ای", "اما", "یا",
    "اگر", "چون", "زیرا", "پس", "هر", "همه", "دیگر", "بین", "پیش", "بعد", "روی", "زیر",
    "درباره", "میان", "نه", "هیچ", "چه", "چرا", "کجا", "او", "وی", "ما", "شما", "من", "تو",
    "آنها", "آنان", "ایشان", "اند", "ام", "ایم", "اید", "هست", "هستند", "بودند", "باشد",
    "باید", "شود", "شوند", "کند", "کنند", "گفت", "گفته", "همچنین", "چنین", "چنان", "حتی",
    "فقط", "تنها", "بسیار", "خیلی", "بیشتر", "اکنون", "هنوز", "دارد", "دارند", "داشت", "توسط",
    "طی", "علیه", "مانند", "مثل", "اینکه", "آنکه", "همین", "همان", "ولی", "سپس", "میشود",
    "میکند", "میکنند", "میگوید", "نمی",
    NULL,
};
static const nd_cue fa_cues[] = {
    {"کلیه حقوق محفوظ است", 60}, {"تمامی حقوق", 60}, {"حریم خصوصی", 30}, {"اشتراک گذاری", 10},
    {"نظرات", 8}, {"تبلیغات", 5}, {"بیشتر بخوانید", 15}, {"اخبار مرتبط", 15},
    {"پربازدیدترین", 12}, {"عکس:", 40}, {"منبع:", 30},
    {NULL, 0},
};
static const char *const fa_tail[] = {
    "بیشتر بخوانید", "اخبار مرتبط", "پربازدیدترین", "مطالب مرتبط",
    NULL,
};

/* ---- Vietnamese (vi) ---- */
/* Syllables, as spaces separate them. */
static const char *const vi_stop[] = {
    "và", "của", "là", "có", "không", "được", "cho", "với", "các", "những", "một", "này", "đã",
    "sẽ", "đang", "trong", "từ", "khi", "để", "theo", "về", "tại", "đến", "ra", "vào", "lên",
    "cũng", "nhưng", "hay", "hoặc", "nếu", "thì", "mà", "vì", "do", "bởi", "nên", "rằng",
    "như", "đó", "đây", "kia", "ấy", "nào", "gì", "ai", "sao", "bao", "nhiêu", "rất", "hơn",
    "nhất", "lại", "còn", "vẫn", "đều", "chỉ", "mới", "bị", "sau", "trước", "trên", "dưới",
    "giữa", "ông", "bà", "anh", "chị", "họ", "chúng", "tôi", "ta", "mình", "nó", "cả", "mỗi",
    "mọi", "việc", "sự", "cuộc", "thế", "vậy", "thể", "nói", "biết",
    NULL,
};
static const nd_cue vi_cues[] = {
    {"bản quyền thuộc về", 60}, {"chính sách bảo mật", 60}, {"điều khoản sử dụng", 50},
    {"ghi rõ nguồn", 60}, {"đăng ký nhận tin", 40}, {"đăng nhập", 8}, {"bình luận", 8},
    {"chia sẻ", 8}, {"quảng cáo", 5}, {"tin liên quan", 15}, {"bài viết liên quan", 15},
    {"đọc nhiều nhất", 15}, {"xem thêm", 12}, {"ảnh:", 40}, {"nguồn:", 30}, {"tìm kiếm", 5},
    {"liên hệ", 8},
    {NULL, 0},
};
static const char *const vi_tail[] = {
    "tin liên quan", "bài viết liên quan", "đọc nhiều nhất", "tin cùng chuyên mục",
    NULL,
};

/* ---- Indonesian (id) ---- */
static const char *const id_stop[] = {
    "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada", "dalam",
    "oleh", "tidak", "akan", "juga", "ada", "adalah", "karena", "atau", "saat", "sudah",
    "telah", "bisa", "dapat", "lebih", "para", "bahwa", "ia", "dia", "mereka", "kami", "kita",
    "saya", "anda", "aku", "kamu", "engkau", "beliau", "harus", "sebagai", "hingga", "sampai",
    "setelah", "sebelum", "sesudah", "masih", "belum", "namun", "tetapi", "tapi", "jika",
    "kalau", "apabila", "bila", "agar", "supaya", "seperti", "antara", "tersebut", "pun",
    "lagi", "hanya", "saja", "sangat", "bagi", "tentang", "terhadap", "secara", "yakni",
    "yaitu", "maupun", "serta", "sejak", "selama", "ketika", "sedang", "sedangkan", "baik",
    "tanpa", "melalui", "menurut", "kepada", "daripada", "sehingga", "jadi", "maka", "lalu",
    "kemudian", "pula", "bahkan", "semua", "setiap", "beberapa", "banyak", "sedikit", "lain",
    "sama", "sendiri", "apa", "siapa", "mana", "kapan", "mengapa", "bagaimana", "berapa",
    "nya", "sini", "sana", "situ", "begitu", "begini", "demikian", "kata", "ujar", "katanya",
    "ujarnya", "mengatakan", "menjelaskan", "sekitar", "atas", "bawah", "luar", "depan",
    "belakang", "sempat", "kini", "usai", "sejumlah", "kedua",
    NULL,
};
static const nd_cue id_cues[] = {
    /* unambiguous chrome */
    {"hak cipta dilindungi", 60}, {"kebijakan privasi", 60}, {"pedoman media siber", 60},
    {"syarat dan ketentuan", 50}, {"langsung ke konten", 40}, {"berlangganan", 30},
    {"daftar sekarang", 30}, {"dukung kami", 40}, {"tinggalkan komentar", 40},
    {"tulis komentar", 30}, {"bagikan artikel", 30}, {"bagikan", 10}, {"salin tautan", 20},
    {"ikuti kami", 40}, {"baca juga", 15}, {"berita terkait", 15}, {"artikel terkait", 15},
    {"terpopuler", 12}, {"paling banyak dibaca", 15}, {"simak juga", 15}, {"foto:", 40},
    {"sumber:", 30}, {"penulis:", 30}, {"editor:", 30}, {"pewarta:", 30},
    /* weaker: only in short paragraphs */
    {"cetak", 5}, {"komentar", 8}, {"iklan", 5}, {"advertorial", 15}, {"diterbitkan", 12},
    {"diperbarui", 12}, {"waktu baca", 15}, {"menit baca", 15}, {"baca selengkapnya", 15},
    {"selengkapnya", 12}, {"lihat semua", 12}, {"masuk", 3}, {"daftar", 3}, {"cari", 3},
    {"beranda", 6}, {"kontak", 8}, {"tentang kami", 12}, {"redaksi", 6}, {"setuju", 3},
    {NULL, 0},
};
static const char *const id_tail[] = {
    "baca juga", "berita terkait", "artikel terkait", "terpopuler", "berita lainnya",
    "paling banyak dibaca", "rekomendasi",
    NULL,
};

/* ---- Czech (cs) ---- */
static const char *const cs_stop[] = {
    "a", "i", "v", "ve", "na", "s", "se", "z", "ze", "do", "o", "od", "po", "za", "k", "ke",
    "pro", "při", "před", "mezi", "u", "bez", "nad", "pod", "podle", "přes", "kvůli", "během",
    "proti", "kromě", "díky", "vůči", "nebo", "ani", "ale", "však", "jenže", "že", "aby",
    "když", "protože", "proto", "pokud", "jestli", "než", "jako", "až", "tak", "jak", "co",
    "kdo", "kde", "kdy", "proč", "já", "ty", "on", "ona", "ono", "my", "vy", "oni", "ony",
    "mě", "mi", "mne", "tě", "ti", "ho", "mu", "jej", "ji", "jí", "je", "jim", "jich", "jimi",
    "nás", "nám", "vás", "vám", "sebe", "si", "sobě", "můj", "moje", "jeho", "její", "jejich",
    "svůj", "svá", "své", "svou", "svého", "svým", "svých", "náš", "naše", "naší", "váš",
    "ten", "ta", "to", "toho", "té", "tomu", "tom", "tím", "těch", "těm", "tento", "tato",
    "toto", "tyto", "této", "tohoto", "tomto", "takový", "taková", "takové", "který", "která",
    "které", "kterou", "kterého", "kterém", "kterým", "kteří", "kterých", "čeho", "čemu",
    "čím", "koho", "komu", "jsou", "byl", "byla", "bylo", "byli", "byly", "být", "bude",
    "budou", "jsem", "jsme", "jste", "by", "bych", "bychom", "není", "nejsou", "nebyl",
    "nebude", "má", "mají", "měl", "měla", "mělo", "měli", "mít", "může", "mohou", "mohl",
    "mohla", "lze", "musí", "musel", "chce", "chtěl", "ne", "nic", "nikdo", "nikdy", "žádný",
    "žádná", "žádné", "také", "taky", "už", "ještě", "jen", "jenom", "pouze", "velmi", "více",
    "méně", "nejvíce", "skoro", "dokonce", "právě", "vždy", "teď", "nyní", "dnes", "zde",
    "tady", "tam", "pak", "potom", "zatím", "totiž", "tedy", "přitom", "všechno", "všichni",
    "všechny", "všech", "každý", "každá", "každé", "jiný", "jiná", "jiné", "jiných", "sám",
    "sama", "samo", "řekl", "řekla", "uvedl", "uvedla", "dodal",
    NULL,
};
static const nd_cue cs_cues[] = {
    {"všechna práva vyhrazena", 60}, {"zásady ochrany osobních údajů", 60},
    {"ochrana osobních údajů", 40}, {"podmínky užívání", 50}, {"přeskočit na obsah", 40},
    {"přihlásit se", 12}, {"přihlášení", 8}, {"registrace", 8}, {"předplatné", 15},
    {"předplaťte si", 40}, {"podpořte nás", 40}, {"přidat komentář", 40}, {"diskuse", 8},
    {"komentáře", 12}, {"sdílet", 10}, {"sdílejte", 12}, {"tisk", 4}, {"vytisknout", 8},
    {"reklama", 5}, {"mohlo by vás zajímat", 30}, {"související články", 15},
    {"nejčtenější", 12}, {"čtěte také", 15}, {"přečtěte si také", 15}, {"foto:", 40},
    {"zdroj:", 30}, {"autor:", 30}, {"vyhledávání", 6}, {"hledat", 5}, {"kontakty", 8},
    {"o nás", 8}, {"redakce", 6},
    {NULL, 0},
};
static const char *const cs_tail[] = {
    "mohlo by vás zajímat", "související články", "nejčtenější", "čtěte také",
    "přečtěte si také", "další články",
    NULL,
};

/* ---- Korean (ko) ---- */
/* Whole space-separated words (eojeol), particles attached. */
static const char *const ko_stop[] = {
    "그리고", "그러나", "하지만", "또한", "및", "등", "이", "그", "저", "것", "수", "있다",
    "없다", "있는", "없는", "있고", "있어", "있을", "있었다", "한", "할", "하는", "하고", "해",
    "했다", "한다", "하며", "하면", "해서", "했던", "된다", "됐다", "되는", "된", "될", "되고",
    "위해", "위한", "대한", "대해", "통해", "따라", "따르면", "때문에", "함께", "더", "또",
    "다시", "가장", "매우", "아주", "잘", "못", "안", "이번", "지난", "이날", "그는", "그녀는",
    "이는", "이를", "이에", "이후", "이전", "당시", "모든", "각", "여러", "다른", "같은",
    "이런", "그런", "어떤", "무엇", "왜", "어떻게", "언제", "어디", "누가", "우리", "우리는",
    "저희", "나", "그들", "자신", "것은", "것을", "것이", "것으로", "것이다", "것도", "수도",
    "때", "중", "등을", "등이", "등의", "밝혔다", "말했다", "전했다", "설명했다", "강조했다",
    "덧붙였다", "있습니다", "했습니다", "합니다", "입니다", "됩니다", "또는", "혹은", "즉",
    "만약", "비록", "만", "뿐", "좀", "곧", "이미", "아직", "바로", "특히", "다만", "한편",
    "게다가", "따라서", "그래서", "그런데", "그러면", "오히려", "결국", "역시", "모두",
    "대부분", "동안", "예정이다", "이러한", "이와", "있으며", "했으며", "있지만", "했지만",
    "않았다", "않는", "않고", "않은", "않을", "아니라", "아닌",
    NULL,
};
static const nd_cue ko_cues[] = {
    /* unambiguous chrome */
    {"무단전재", 60}, {"무단 전재", 60}, {"재배포 금지", 60}, {"재배포금지", 60},
    {"저작권자", 50}, {"개인정보처리방침", 60}, {"개인정보 처리방침", 60},
    {"개인정보취급방침", 60}, {"이용약관", 50}, {"청소년보호정책", 60}, {"본문 바로가기", 40},
    {"뉴스레터", 40}, {"구독하기", 30}, {"기사제보", 30}, {"제보하기", 30},
    {"댓글을 남겨주세요", 40}, {"공유하기", 20}, {"url 복사", 20}, {"링크 복사", 20},
    {"관련기사", 15}, {"관련 기사", 15}, {"많이 본 뉴스", 15}, {"가장 많이 본", 15},
    {"인기 기사", 15}, {"추천 기사", 15}, {"사진=", 40}, {"사진 =", 40},
    /* weaker: only in short paragraphs */
    {"구독", 8}, {"공유", 6}, {"좋아요", 8}, {"인쇄", 5}, {"스크랩", 8}, {"글자크기", 12},
    {"댓글", 8}, {"광고", 5}, {"입력", 15}, {"수정", 10}, {"승인", 6}, {"로그인", 8},
    {"회원가입", 12}, {"검색", 4}, {"전체메뉴", 10}, {"메뉴", 4}, {"홈", 3}, {"맨 위로", 10},
    {"회사소개", 12}, {"고객센터", 12}, {"기자", 3}, {"동의", 3},
    {NULL, 0},
};
static const char *const ko_tail[] = {
    "관련기사", "관련 기사", "많이 본 뉴스", "가장 많이 본 뉴스", "인기 기사", "추천 기사",
    "함께 볼만한 뉴스", "이 시각 주요뉴스",
    NULL,
};

/* ---- Ukrainian (uk) ---- */
static const char *const uk_stop[] = {
    "і", "й", "та", "в", "у", "на", "з", "із", "зі", "що", "як", "а", "але", "по", "до", "від",
    "для", "за", "про", "при", "під", "над", "без", "через", "після", "перед", "між", "біля",
    "проти", "серед", "щодо", "або", "чи", "якщо", "коли", "де", "ніж", "тому", "бо", "щоб",
    "адже", "проте", "однак", "також", "теж", "вже", "ще", "лише", "тільки", "навіть", "дуже",
    "саме", "зокрема", "ось", "я", "ти", "він", "вона", "воно", "ми", "ви", "вони", "мене",
    "мені", "мною", "тебе", "тобі", "його", "нього", "йому", "ньому", "її", "неї", "їй", "ній",
    "їм", "ним", "ними", "їх", "них", "нас", "нам", "вас", "вам", "себе", "собі", "собою",
    "мій", "моя", "моє", "мої", "свій", "своя", "своє", "свої", "свого", "своєї", "своїх",
    "своїм", "наш", "наша", "наше", "наші", "ваш", "цей", "ця", "це", "ці", "цього", "цієї",
    "цьому", "цим", "цих", "той", "те", "ті", "того", "тієї", "тих", "такий", "така", "таке",
    "такі", "який", "яка", "яке", "які", "якого", "якої", "якому", "яких", "яким", "хто",
    "чого", "чим", "кого", "кому", "весь", "вся", "все", "всі", "всіх", "усі", "усіх", "кожен",
    "кожна", "інший", "інші", "інших", "сам", "сама", "є", "був", "була", "було", "були",
    "бути", "буде", "будуть", "може", "можуть", "можна", "треба", "потрібно", "має", "мають",
    "мав", "мала", "не", "ні", "ніхто", "нічого", "ніколи", "немає", "більш", "більше",
    "менше", "там", "тут", "зараз", "тепер", "тоді", "потім", "сказав", "повідомив", "заявив",
    "зазначив", "каже",
    NULL,
};
static const nd_cue uk_cues[] = {
    /* unambiguous chrome */
    {"всі права захищені", 60}, {"усі права захищено", 60}, {"політика конфіденційності", 60},
    {"використання файлів cookie", 60}, {"перейти до вмісту", 40}, {"перейти до змісту", 40},
    {"підписатися", 30}, {"підпишіться", 40}, {"оформити підписку", 40}, {"підтримайте", 30},
    {"підтримати", 12}, {"залиште коментар", 40}, {"залишити коментар", 40},
    {"поділитися", 12}, {"скопіювати посилання", 20}, {"ми в соцмережах", 40},
    {"читайте також", 15}, {"дивіться також", 15}, {"вас може зацікавити", 30},
    {"за темою", 8}, {"найпопулярніше", 12}, {"найчитаніше", 12}, {"фото:", 40},
    {"джерело:", 30},
    /* weaker: only in short paragraphs */
    {"друк", 5}, {"коментарі", 12}, {"коментар", 8}, {"реклама", 5}, {"на правах реклами", 40},
    {"опубліковано", 15}, {"оновлено", 15}, {"читати далі", 15}, {"детальніше", 12},
    {"докладніше", 12}, {"увійти", 6}, {"вхід", 5}, {"реєстрація", 10}, {"пошук", 6},
    {"меню", 6}, {"головна", 6}, {"контакти", 8}, {"про нас", 8}, {"редакція", 6},
    {"прийняти", 6}, {"автор:", 30}, {"авторка:", 30}, {"- кореспондент", 45},
    {"- журналіст", 45},
    {NULL, 0},
};
static const char *const uk_tail[] = {
    "читайте також", "дивіться також", "вас може зацікавити", "за темою", "найпопулярніше",
    "найчитаніше", "інші новини", "останні новини", "схожі новини",
    NULL,
};

/* ---- Arabic (ar) ---- */
static const char *const ar_stop[] = {
    "في", "من", "على", "إلى", "الى", "عن", "أن", "ان", "إن", "أو", "او", "ما", "لا", "لم",
    "لن", "قد", "كان", "كانت", "يكون", "تكون", "كانوا", "هذا", "هذه", "ذلك", "تلك", "هؤلاء",
    "هناك", "هنا", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "هو", "هي", "هم",
    "هن", "نحن", "أنا", "أنت", "أنتم", "مع", "بين", "بعد", "قبل", "حتى", "خلال", "عند",
    "عندما", "منذ", "حيث", "كما", "كل", "بعض", "غير", "أي", "أكثر", "أقل", "أيضا", "أيضاً",
    "لكن", "ولكن", "بل", "ثم", "إذا", "إذ", "لو", "لأن", "وقد", "وقال", "قال", "وأضاف", "أضاف",
    "وأكد", "أكد", "وأشار", "أشار", "وفي", "ومن", "وهو", "وهي", "وكان", "وكانت", "ولا", "ولم",
    "وأن", "وإن", "وعلى", "وهذا", "وهذه", "وذلك", "فيه", "فيها", "منه", "منها", "عليه",
    "عليها", "إليه", "إليها", "له", "لها", "لهم", "به", "بها", "بهم", "عنه", "عنها", "عنهم",
    "ضد", "نحو", "حول", "لدى", "دون", "تحت", "فوق", "أمام", "وراء", "إلا", "سوى", "ليس",
    "ليست", "يجب", "يمكن", "ضمن", "عبر", "وفق", "وفقا", "بشأن", "مثل", "جدا", "فقط", "الآن",
    "كذلك", "إنه", "إنها", "أنه", "أنها", "أنهم", "بأن", "لقد", "فإن", "فقد", "أما", "إما",
    "سواء", "أحد", "إحدى", "التى", "الي", "مما", "ممن", "عما", "بما", "فيما", "لما", "إنما",
    "حين", "بينما", "وبين", "وبعد", "وقبل", "ومع", "وإلى",
    NULL,
};
static const nd_cue ar_cues[] = {
    /* unambiguous chrome */
    {"جميع الحقوق محفوظة", 60}, {"الحقوق محفوظة", 60}, {"سياسة الخصوصية", 60},
    {"ملفات تعريف الارتباط", 60}, {"شروط الاستخدام", 50}, {"الشروط والأحكام", 50},
    {"انتقل إلى المحتوى", 40}, {"اشترك في النشرة", 50}, {"اشترك الآن", 40}, {"اشترك", 12},
    {"النشرة البريدية", 50}, {"أضف تعليقا", 40}, {"أضف تعليقاً", 40}, {"اترك تعليقا", 40},
    {"شارك", 8}, {"مشاركة", 8}, {"نسخ الرابط", 20}, {"تابعنا على", 40}, {"تابعونا على", 40},
    {"اقرأ أيضا", 15}, {"اقرأ أيضاً", 15}, {"إقرأ أيضا", 15}, {"إقرأ أيضاً", 15},
    {"أخبار ذات صلة", 15}, {"مواضيع ذات صلة", 15}, {"ذات صلة", 8}, {"الأكثر قراءة", 15},
    {"الأكثر مشاهدة", 15}, {"قد يعجبك أيضا", 30}, {"قد يهمك", 30}, {"المصدر:", 30},
    /* weaker: only in short paragraphs */
    {"طباعة", 5}, {"تعليقات", 10}, {"التعليقات", 10}, {"إعلان", 5}, {"محتوى مدعوم", 20},
    {"نشر في", 12}, {"تاريخ النشر", 15}, {"آخر تحديث", 15}, {"اقرأ المزيد", 15}, {"المزيد", 4},
    {"تسجيل الدخول", 12}, {"إنشاء حساب", 20}, {"بحث", 3}, {"القائمة", 4}, {"الرئيسية", 5},
    {"اتصل بنا", 12}, {"من نحن", 12}, {"بقلم", 15}, {"تصوير:", 40}, {"موافق", 3},
    {NULL, 0},
};
static const char *const ar_tail[] = {
    "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "إقرأ أيضاً", "أخبار ذات صلة", "مواضيع ذات صلة",
    "الأكثر قراءة", "قد يعجبك أيضا", "قد يهمك", "أخبار متعلقة", "المزيد من الأخبار",
    NULL,
};

/* ---- Hungarian (hu) ---- */
static const char *const hu_stop[] = {
    "a", "az", "és", "hogy", "nem", "is", "egy", "meg", "de", "van", "volt", "már", "csak",
    "még", "ki", "el", "be", "fel", "le", "össze", "mint", "ha", "mert", "vagy", "sem", "azt",
    "ez", "ezt", "ennek", "annak", "azok", "ezek", "amely", "amelyek", "amelyet", "amelynek",
    "aki", "akik", "akit", "amit", "ami", "amikor", "ahol", "ahogy", "hanem", "pedig",
    "illetve", "szerint", "után", "előtt", "alatt", "között", "miatt", "számára", "mellett",
    "ellen", "óta", "által", "során", "kívül", "felé", "nélkül", "nagyon", "most", "lesz",
    "lett", "lehet", "kell", "kellett", "nincs", "nincsenek", "vannak", "voltak", "lenne",
    "lettek", "azonban", "viszont", "így", "úgy", "akkor", "itt", "ott", "én", "te", "ő", "mi",
    "ti", "ők", "őt", "őket", "neki", "nekik", "vele", "velük", "rá", "tőle", "benne", "arra",
    "erre", "arról", "erről", "abban", "ebben", "ahhoz", "ehhez", "mindig", "sok", "több",
    "minden", "mondta", "közölte", "hozzátette", "egyik", "másik", "saját", "sőt", "tehát",
    "ugyanis", "hiszen", "mintegy", "körül", "s",
    NULL,
};
static const nd_cue hu_cues[] = {
    {"minden jog fenntartva", 60}, {"adatvédelmi tájékoztató", 60},
    {"adatvédelmi nyilatkozat", 60}, {"adatkezelési tájékoztató", 60},
    {"felhasználási feltételek", 50}, {"ugrás a tartalomra", 40}, {"impresszum", 15},
    {"feliratkozás", 20}, {"iratkozzon fel", 40}, {"bejelentkezés", 10}, {"támogass", 30},
    {"hozzászólások", 12}, {"hozzászólás", 10}, {"megosztás", 10}, {"nyomtatás", 8},
    {"hirdetés", 5}, {"kapcsolódó cikkek", 15}, {"legolvasottabb", 12},
    {"ezek is érdekelhetik", 30}, {"fotó:", 40}, {"forrás:", 30}, {"keresés", 5},
    {"kapcsolat", 8},
    {NULL, 0},
};
static const char *const hu_tail[] = {
    "kapcsolódó cikkek", "legolvasottabb", "ezek is érdekelhetik", "további cikkek",
    "friss hírek",
    NULL,
};

/* ---- Swedish (sv) ---- */
static const char *const sv_stop[] = {
    "och", "i", "att", "det", "som", "en", "ett", "på", "är", "av", "för", "med", "till",
    "den", "de", "inte", "om", "han", "hon", "men", "var", "jag", "sig", "från", "vi", "så",
    "kan", "man", "när", "under", "också", "efter", "eller", "nu", "sin", "sitt", "sina",
    "där", "vid", "mot", "ska", "skulle", "kommer", "ut", "får", "finns", "vara", "hade",
    "alla", "andra", "mycket", "än", "här", "då", "sedan", "över", "bara", "blir", "blev",
    "upp", "även", "vad", "vill", "ha", "har", "hur", "mer", "mest", "många", "någon", "något",
    "några", "ingen", "inget", "inga", "hans", "hennes", "deras", "dess", "vår", "vårt",
    "våra", "min", "mitt", "mina", "din", "ditt", "dina", "er", "ert", "era", "dem", "oss",
    "mig", "dig", "honom", "henne", "denna", "detta", "dessa", "vilken", "vilket", "vilka",
    "varför", "vem", "utan", "enligt", "mellan", "genom", "hos", "inom", "bland", "kring",
    "trots", "före", "åt", "ju", "dock", "redan", "fortfarande", "alltid", "aldrig", "kanske",
    "säger", "sa", "sade",
    NULL,
};
static const nd_cue sv_cues[] = {
    {"alla rättigheter förbehållna", 60}, {"integritetspolicy", 60}, {"personuppgifter", 30},
    {"användarvillkor", 50}, {"hoppa till innehållet", 40}, {"prenumerera", 20},
    {"bli prenumerant", 40}, {"logga in", 10}, {"skapa konto", 20}, {"stöd oss", 40},
    {"lämna en kommentar", 40}, {"kommentarer", 12}, {"dela", 4}, {"dela artikeln", 30},
    {"skriv ut", 8}, {"annons", 5}, {"läs också", 15}, {"läs mer", 15}, {"mest läst", 15},
    {"relaterade artiklar", 15}, {"foto:", 40}, {"bild:", 40}, {"sök", 4}, {"meny", 5},
    {"kontakta oss", 15}, {"om oss", 8},
    {NULL, 0},
};
static const char *const sv_tail[] = {
    "läs också", "mest läst", "relaterade artiklar", "fler nyheter", "mer om ämnet",
    "du kanske också gillar",
    NULL,
};

/* ---- Greek (el) ---- */
/* Final sigma written σ, as case folding leaves it. */
static const char *const el_stop[] = {
    "και", "το", "η", "ο", "οι", "τα", "του", "τησ", "των", "τον", "την", "τη", "στο", "στη",
    "στην", "στον", "στα", "στισ", "στουσ", "σε", "από", "με", "για", "που", "να", "θα", "δεν",
    "μη", "μην", "είναι", "ήταν", "έχει", "έχουν", "είχε", "είχαν", "ένα", "μια", "μία",
    "ενόσ", "μιασ", "ένασ", "τισ", "τουσ", "ωσ", "ότι", "όπωσ", "αλλά", "ή", "όμωσ", "αυτό",
    "αυτή", "αυτόσ", "αυτά", "αυτών", "αυτού", "αυτήν", "αυτοί", "αυτέσ", "οποίο", "οποία",
    "οποίοσ", "οποίεσ", "οποίων", "οποίοι", "οποίου", "επίσησ", "ακόμη", "ακόμα", "πολύ",
    "πιο", "μετά", "πριν", "κατά", "προσ", "χωρίσ", "μέχρι", "έωσ", "μεταξύ", "λόγω",
    "σύμφωνα", "δηλαδή", "ενώ", "αν", "εάν", "όταν", "όπου", "πωσ", "πώσ", "τι", "ποιοσ",
    "εμείσ", "εσείσ", "μου", "σου", "μασ", "σασ", "ήδη", "μόνο", "πάντα", "όλα", "όλοι",
    "όλεσ", "όλη", "όλο", "κάθε", "άλλα", "άλλο", "άλλεσ", "άλλοι", "είπε", "δήλωσε",
    "ανέφερε", "έχουμε", "είμαστε", "μπορεί", "πρέπει", "εδώ", "εκεί", "τώρα", "έτσι",
    NULL,
};
static const nd_cue el_cues[] = {
    {"με επιφύλαξη παντόσ δικαιώματοσ", 60}, {"πολιτική απορρήτου", 60}, {"όροι χρήσησ", 50},
    {"μετάβαση στο περιεχόμενο", 40}, {"εγγραφείτε", 30}, {"σύνδεση", 6}, {"σχόλια", 10},
    {"κοινοποίηση", 10}, {"εκτύπωση", 8}, {"διαφήμιση", 5}, {"διαβάστε επίσησ", 15},
    {"διαβάστε ακόμη", 15}, {"σχετικά άρθρα", 15}, {"δημοφιλή", 10}, {"φωτογραφία:", 40},
    {"πηγή:", 30}, {"αναζήτηση", 5}, {"επικοινωνία", 8},
    {NULL, 0},
};
static const char *const el_tail[] = {
    "διαβάστε επίσησ", "διαβάστε ακόμη", "σχετικά άρθρα", "δημοφιλή", "περισσότερα νέα",
    NULL,
};

/* ---- Romanian (ro) ---- */
/* Words with "ș" and "ț" also in the older cedilla forms "ş" and "ţ" where frequent. */
static const char *const ro_stop[] = {
    "și", "şi", "în", "de", "la", "a", "al", "ai", "ale", "cu", "pe", "din", "pentru", "că",
    "care", "este", "sunt", "nu", "se", "o", "un", "una", "unei", "unui", "unor", "mai",
    "fost", "fi", "va", "vor", "ar", "au", "am", "ați", "aţi", "are", "avea", "dar", "sau",
    "ci", "iar", "dacă", "când", "unde", "cum", "ce", "cine", "cel", "cea", "cei", "cele",
    "acest", "această", "acesta", "aceasta", "acestea", "aceștia", "aceştia", "acestui",
    "acestei", "acel", "acea", "acele", "el", "ea", "ei", "ele", "lui", "lor", "îi", "le",
    "îl", "i", "l", "s", "mi", "ne", "vă", "își", "îşi", "după", "înainte", "între", "prin",
    "spre", "despre", "până", "fără", "sub", "peste", "asupra", "către", "decât", "doar",
    "numai", "încă", "deja", "foarte", "tot", "toate", "toți", "toţi", "toată", "fiecare",
    "său", "sa", "săi", "sale", "nostru", "noastră", "noi", "voi", "eu", "tu", "acum", "aici",
    "acolo", "astfel", "însă", "totuși", "totuşi", "deoarece", "potrivit", "conform",
    "declarat", "spus", "afirmat", "anunțat",
    NULL,
};
static const nd_cue ro_cues[] = {
    {"toate drepturile rezervate", 60}, {"politica de confidențialitate", 60},
    {"politica de confidenţialitate", 60}, {"termeni și condiții", 50},
    {"termeni şi condiţii", 50}, {"sari la conținut", 40}, {"abonează-te", 40},
    {"autentificare", 10}, {"susține", 12}, {"lasă un comentariu", 40}, {"comentarii", 12},
    {"distribuie", 10}, {"printează", 8}, {"publicitate", 5}, {"citește și", 15},
    {"citeşte şi", 15}, {"articole similare", 15}, {"cele mai citite", 15}, {"foto:", 40},
    {"sursa:", 30}, {"căutare", 5}, {"contact", 8},
    {NULL, 0},
};
static const char *const ro_tail[] = {
    "citește și", "citeşte şi", "articole similare", "cele mai citite", "știri similare",
    "ştiri similare",
    NULL,
};

/* ---- Danish (da) ---- */
static const char *const da_stop[] = {
    "og", "i", "at", "det", "en", "den", "til", "er", "som", "på", "de", "med", "han", "af",
    "for", "ikke", "der", "var", "mig", "sig", "men", "et", "har", "om", "vi", "min", "havde",
    "ham", "hun", "nu", "over", "da", "fra", "du", "ud", "sin", "sit", "sine", "dem", "os",
    "op", "man", "hans", "hvor", "eller", "hvad", "skal", "selv", "her", "alle", "vil", "blev",
    "kunne", "ind", "når", "være", "dog", "noget", "ville", "jo", "deres", "efter", "ned",
    "skulle", "denne", "end", "dette", "mit", "også", "under", "have", "dig", "anden", "andre",
    "hende", "mine", "alt", "meget", "mod", "disse", "hvis", "din", "nogle", "hos", "blive",
    "mange", "bliver", "hendes", "været", "jer", "sådan", "nogen", "ingen", "intet", "hvem",
    "hvorfor", "hvordan", "hvilken", "hvilke", "mellem", "uden", "gennem", "siden", "før",
    "allerede", "altid", "aldrig", "måske", "stadig", "siger", "sagde", "ifølge", "kan", "så",
    "endnu", "igen", "lige", "tilbage", "længere", "omkring", "derfor", "samt", "mens",
    "fordi", "både", "hele", "begge", "mere",
    NULL,
};
static const nd_cue da_cues[] = {
    {"alle rettigheder forbeholdes", 60}, {"privatlivspolitik", 60}, {"persondatapolitik", 60},
    {"cookiepolitik", 60}, {"spring til indhold", 40}, {"abonnér", 20}, {"abonner", 20},
    {"log ind", 10}, {"opret profil", 20}, {"støt os", 40}, {"skriv en kommentar", 40},
    {"kommentarer", 12}, {"del", 3}, {"del artiklen", 30}, {"print", 8}, {"annonce", 5},
    {"læs også", 15}, {"læs mere", 15}, {"mest læste", 15}, {"relaterede artikler", 15},
    {"foto:", 40}, {"søg", 4}, {"menu", 5}, {"kontakt os", 15}, {"om os", 8},
    {NULL, 0},
};
static const char *const da_tail[] = {
    "læs også", "mest læste", "relaterede artikler", "flere nyheder", "mere om emnet",
    NULL,
};

/* ---- Thai (th) ---- */
/* Words, although Thai text runs them together (for substring counts). */
static const char *const th_stop[] = {
    "ที่", "ของ", "และ", "ใน", "เป็น", "ได้", "ให้", "มี", "ไม่", "จะ", "ว่า", "กับ", "การ", "ความ",
    "ก็", "แต่", "หรือ", "ซึ่ง", "โดย", "จาก", "ไป", "มา", "อยู่", "แล้ว", "นี้", "นั้น", "คือ",
    "เพื่อ", "เมื่อ", "ถ้า", "หาก", "ยัง", "อีก", "ทั้ง", "กัน", "ต้อง", "ถึง", "ตาม", "ต่อ", "ด้วย",
    "เพราะ", "จึง", "ระหว่าง", "หลัง", "ก่อน", "ขณะ", "เขา", "เธอ", "เรา", "ผม", "ฉัน", "ท่าน",
    "พวก", "ตน", "ตัว", "ทุก", "บาง", "หลาย", "อื่น", "เอง", "กล่าว", "ระบุ", "เปิดเผย", "อย่าง",
    "ได้แก่", "รวมถึง", "สําหรับ", "เกี่ยวกับ", "ภายใน", "แม้", "ทําให้", "เคย", "กําลัง", "ควร",
    "อาจ", "ๆ", "ครับ", "ค่ะ", "นะ",
    NULL,
};
static const nd_cue th_cues[] = {
    /* unambiguous chrome */
    {"สงวนลิขสิทธิ์", 60}, {"นโยบายความเป็นส่วนตัว", 60}, {"นโยบายคุกกี้", 60},
    {"ข้อกําหนดการใช้งาน", 50}, {"เงื่อนไขการใช้งาน", 50}, {"ข้ามไปยังเนื้อหา", 40},
    {"สมัครสมาชิก", 30}, {"รับข่าวสาร", 30}, {"แสดงความคิดเห็น", 30}, {"ติดตามเรา", 40},
    {"ข่าวที่เกี่ยวข้อง", 15}, {"บทความที่เกี่ยวข้อง", 15}, {"ข่าวยอดนิยม", 15}, {"อ่านเพิ่มเติม", 15},
    {"อ่านต่อ", 12}, {"ภาพ:", 40}, {"ที่มา:", 30},
    /* weaker: only in short paragraphs */
    {"แชร์", 8}, {"พิมพ์", 4}, {"ความคิดเห็น", 8}, {"โฆษณา", 5}, {"เข้าสู่ระบบ", 8}, {"ค้นหา", 4},
    {"หน้าแรก", 6}, {"ติดต่อเรา", 12}, {"เกี่ยวกับเรา", 12}, {"ผู้เขียน", 15}, {"ยอมรับ", 4},
    {"เผยแพร่", 15},
    {NULL, 0},
};
static const char *const th_tail[] = {
    "ข่าวที่เกี่ยวข้อง", "บทความที่เกี่ยวข้อง", "ข่าวยอดนิยม", "ข่าวล่าสุด", "อ่านเพิ่มเติม",
    NULL,
};

/* ---- Hebrew (he) ---- */
static const char *const he_stop[] = {
    "של", "את", "על", "עם", "לא", "כי", "גם", "זה", "זו", "זאת", "הוא", "היא", "הם", "הן",
    "אני", "אנחנו", "אתה", "אתם", "יש", "אין", "היה", "הייתה", "היתה", "היו", "יהיה", "תהיה",
    "יהיו", "להיות", "אבל", "או", "אם", "כל", "כמו", "מה", "מי", "איך", "למה", "מדוע", "כך",
    "כאשר", "אשר", "אלא", "רק", "עוד", "כבר", "מאוד", "יותר", "פחות", "אחרי", "לאחר", "לפני",
    "בין", "אל", "עד", "מן", "בו", "בה", "בהם", "לו", "לה", "להם", "לנו", "לי", "לך", "שלו",
    "שלה", "שלהם", "שלנו", "שלי", "אותו", "אותה", "אותם", "אותן", "אלה", "אלו", "זהו", "זוהי",
    "הזה", "הזאת", "הזו", "האלה", "נגד", "ללא", "בלי", "תחת", "מול", "אצל", "לגבי", "בעקבות",
    "במהלך", "באמצעות", "בשל", "עקב", "כדי", "למרות", "אולם", "אך", "לכן", "ולכן", "וגם",
    "ועוד", "והוא", "והיא", "ולא", "שלא", "שהוא", "שהיא", "וכי", "וזה", "וכן", "כן", "אמר",
    "אמרה", "לדבריו", "לדבריה", "שם", "כאן", "עכשיו", "כעת", "כלל", "ביותר", "מאשר", "פי",
    "אף", "עצמו", "עצמה", "במשך", "מדי", "לדברי", "בפני", "מתחת", "מעל", "לפי", "בכל", "ממה",
    "שזה", "שהם", "שיש", "שאין", "בעת",
    NULL,
};
static const nd_cue he_cues[] = {
    /* unambiguous chrome */
    {"כל הזכויות שמורות", 60}, {"מדיניות פרטיות", 60}, {"מדיניות הפרטיות", 60},
    {"תנאי שימוש", 50}, {"תנאי השימוש", 50}, {"דלג לתוכן", 40}, {"מעבר לתוכן", 40},
    {"הירשמו לניוזלטר", 50}, {"לניוזלטר", 40}, {"הצטרפו", 20}, {"הוסיפו תגובה", 40},
    {"הוספת תגובה", 40}, {"שתפו", 12}, {"שיתוף", 8}, {"העתק קישור", 20}, {"העתקת קישור", 20},
    {"עקבו אחרינו", 40}, {"כתבות נוספות", 15}, {"עוד באותו נושא", 15},
    {"אולי יעניין אותך", 30}, {"הכי נקראים", 15}, {"הנקראים ביותר", 15}, {"צילום:", 40},
    {"קרדיט:", 40},
    /* weaker: only in short paragraphs */
    {"הדפסה", 6}, {"תגובות", 10}, {"פרסומת", 6}, {"תוכן ממומן", 20}, {"פורסם", 10},
    {"עודכן", 10}, {"זמן קריאה", 15}, {"לכתבה המלאה", 15}, {"קראו עוד", 15}, {"התחברות", 8},
    {"הרשמה", 8}, {"חיפוש", 4}, {"תפריט", 4}, {"עמוד הבית", 8}, {"צור קשר", 12},
    {"צרו קשר", 12}, {"אודות", 8}, {"נגישות", 10}, {"עוגיות", 60}, {"מאת", 6}, {"אישור", 3},
    /* proclitics (ב, ל, ה, ו) attach to the word */
    {"בעוגיות", 60}, {"למדיניות הפרטיות", 60},
    {NULL, 0},
};
static const char *const he_tail[] = {
    "כתבות נוספות", "עוד באותו נושא", "אולי יעניין אותך", "הכי נקראים", "הנקראים ביותר",
    "עוד כתבות", "כתבות קשורות",
    NULL,
};

/* ---- Finnish (fi) ---- */
static const char *const fi_stop[] = {
    "ja", "on", "ei", "se", "että", "oli", "ovat", "olla", "ole", "kun", "mutta", "tai",
    "myös", "jo", "vielä", "niin", "kuin", "hän", "he", "me", "te", "minä", "sinä", "sen",
    "sitä", "siitä", "siihen", "siinä", "sillä", "tämä", "tämän", "tätä", "tässä", "tästä",
    "tähän", "nämä", "näiden", "näitä", "ne", "niiden", "niitä", "joka", "jonka", "jota",
    "jossa", "josta", "johon", "joiden", "joita", "jotka", "mikä", "mitä", "minkä", "miten",
    "kuten", "koska", "jos", "vaikka", "sekä", "eli", "vain", "nyt", "kanssa", "mukaan",
    "jälkeen", "ennen", "aikana", "kautta", "vuoksi", "takia", "yli", "alle", "noin", "hyvin",
    "sitten", "kuitenkin", "olisi", "olivat", "ollut", "olleet", "olemme", "olette", "oltu",
    "eivät", "eikä", "en", "emme", "voi", "voidaan", "voisi", "pitää", "täytyy", "sanoo",
    "sanoi", "kertoo", "kertoi", "hänen", "häntä", "hänelle", "heidän", "heitä", "meidän",
    "teidän", "oma", "oman", "omaa", "omat", "kaikki", "kaikkia", "kaikkien", "muut", "muiden",
    "muita", "toinen", "mitään", "jotain", "paljon", "enemmän", "aina", "enää", "jopa",
    "lähes", "ainakin", "siis", "esimerkiksi", "tällä", "tuo", "myöskään", "juuri",
    NULL,
};
static const nd_cue fi_cues[] = {
    {"kaikki oikeudet pidätetään", 60}, {"tietosuojaseloste", 60}, {"evästeet", 40},
    {"käyttöehdot", 50}, {"siirry sisältöön", 40}, {"tilaa", 6}, {"tilaajille", 30},
    {"kirjaudu", 10}, {"jaa", 4}, {"kommentit", 12}, {"kommentoi", 10}, {"mainos", 5},
    {"lue myös", 15}, {"lue lisää", 15}, {"luetuimmat", 15}, {"kuva:", 40}, {"haku", 4},
    {"valikko", 5}, {"ota yhteyttä", 15},
    {NULL, 0},
};
static const char *const fi_tail[] = {
    "lue myös", "luetuimmat", "aiheesta lisää", "uusimmat",
    NULL,
};

/* ---- Slovak (sk) ---- */
static const char *const sk_stop[] = {
    "a", "aj", "i", "v", "vo", "na", "s", "so", "z", "zo", "do", "o", "od", "po", "za", "k",
    "ku", "pre", "pri", "pred", "medzi", "u", "bez", "nad", "pod", "podľa", "cez", "kvôli",
    "počas", "proti", "okrem", "vďaka", "voči", "alebo", "ani", "ale", "však", "že", "aby",
    "keď", "pretože", "preto", "ak", "než", "ako", "až", "tak", "čo", "kto", "kde", "kedy",
    "prečo", "ja", "ty", "on", "ona", "ono", "my", "vy", "oni", "ony", "mňa", "mi", "ma",
    "teba", "ti", "ťa", "jeho", "ho", "mu", "jej", "ju", "im", "ich", "nás", "nám", "vás",
    "vám", "seba", "si", "sebe", "sa", "môj", "moja", "moje", "svoj", "svoja", "svoje",
    "svoju", "svojho", "svojím", "svojich", "náš", "naša", "naše", "váš", "ten", "tá", "to",
    "tí", "tie", "toho", "tej", "tomu", "tom", "tým", "tých", "tento", "táto", "toto", "tieto",
    "tejto", "tohto", "takýto", "taký", "taká", "také", "ktorý", "ktorá", "ktoré", "ktorú",
    "ktorého", "ktorom", "ktorým", "ktorí", "ktorých", "čoho", "čomu", "čím", "koho", "komu",
    "je", "sú", "bol", "bola", "bolo", "boli", "byť", "bude", "budú", "som", "sme", "ste",
    "by", "nie", "nebol", "nebude", "má", "majú", "mal", "mala", "malo", "mali", "mať", "môže",
    "môžu", "mohol", "mohla", "treba", "musí", "musel", "chce", "chcel", "nič", "nikto",
    "nikdy", "žiadny", "žiadna", "žiadne", "tiež", "už", "ešte", "len", "iba", "veľmi", "viac",
    "menej", "najviac", "takmer", "dokonca", "práve", "vždy", "teraz", "dnes", "tu", "tam",
    "potom", "zatiaľ", "totiž", "teda", "pritom", "všetko", "všetci", "všetky", "všetkých",
    "každý", "každá", "každé", "iný", "iná", "iné", "iných", "sám", "sama", "samo", "povedal",
    "povedala", "uviedol", "uviedla", "dodal",
    NULL,
};
static const nd_cue sk_cues[] = {
    {"všetky práva vyhradené", 60}, {"ochrana osobných údajov", 40},
    {"podmienky používania", 50}, {"preskočiť na obsah", 40}, {"prihlásiť sa", 12},
    {"prihlásenie", 8}, {"registrácia", 8}, {"predplatné", 15}, {"podporte nás", 40},
    {"pridať komentár", 40}, {"diskusia", 8}, {"komentáre", 12}, {"zdieľať", 10},
    {"tlačiť", 8}, {"reklama", 5}, {"mohlo by vás zaujímať", 30}, {"súvisiace články", 15},
    {"najčítanejšie", 12}, {"čítajte aj", 15}, {"prečítajte si aj", 15}, {"foto:", 40},
    {"zdroj:", 30}, {"autor:", 30}, {"hľadať", 5}, {"kontakt", 8}, {"o nás", 8},
    {"redakcia", 6},
    {NULL, 0},
};
static const char *const sk_tail[] = {
    "mohlo by vás zaujímať", "súvisiace články", "najčítanejšie", "čítajte aj",
    "prečítajte si aj", "ďalšie články",
    NULL,
};

/* ---- Norwegian Bokmål (nb) ---- */
static const char *const nb_stop[] = {
    "og", "i", "at", "det", "en", "ei", "et", "den", "til", "er", "som", "på", "de", "med",
    "han", "av", "for", "ikke", "der", "var", "meg", "seg", "men", "har", "om", "vi", "min",
    "hadde", "ham", "hun", "nå", "over", "da", "fra", "du", "ut", "sin", "sitt", "sine", "dem",
    "oss", "opp", "man", "hans", "hvor", "eller", "hva", "skal", "selv", "her", "alle", "vil",
    "ble", "kunne", "inn", "når", "være", "noe", "ville", "jo", "deres", "etter", "ned",
    "skulle", "denne", "enn", "dette", "mitt", "også", "under", "ha", "deg", "annen", "andre",
    "henne", "mine", "alt", "mye", "mot", "disse", "hvis", "din", "noen", "hos", "bli",
    "mange", "blir", "hennes", "vært", "dere", "slik", "ingen", "ingenting", "hvem", "hvorfor",
    "hvordan", "hvilken", "hvilke", "mellom", "uten", "gjennom", "siden", "før", "allerede",
    "alltid", "aldri", "kanskje", "fortsatt", "sier", "sa", "ifølge", "kan", "så", "ennå",
    "igjen", "tilbake", "lenger", "omkring", "derfor", "samt", "mens", "fordi", "både", "hele",
    "begge", "bare", "mer",
    NULL,
};
static const nd_cue nb_cues[] = {
    {"alle rettigheter reservert", 60}, {"personvernerklæring", 60}, {"personvern", 12},
    {"informasjonskapsler", 50}, {"hopp til innhold", 40}, {"abonner", 20},
    {"bli abonnent", 40}, {"logg inn", 10}, {"støtt oss", 40}, {"skriv en kommentar", 40},
    {"kommentarer", 12}, {"del", 3}, {"del artikkelen", 30}, {"annonse", 5}, {"les også", 15},
    {"les mer", 15}, {"mest lest", 15}, {"relaterte artikler", 15}, {"foto:", 40}, {"søk", 4},
    {"meny", 5}, {"kontakt oss", 15}, {"om oss", 8},
    {NULL, 0},
};
static const char *const nb_tail[] = {
    "les også", "mest lest", "relaterte artikler", "flere nyheter", "mer om saken",
    NULL,
};

/* ---- Bulgarian (bg) ---- */
static const char *const bg_stop[] = {
    "и", "на", "в", "във", "за", "от", "с", "със", "да", "се", "е", "са", "че", "не", "по",
    "към", "до", "при", "след", "преди", "между", "като", "който", "която", "което", "които",
    "този", "тази", "това", "тези", "той", "тя", "то", "те", "ние", "вие", "аз", "ти", "го",
    "я", "ги", "му", "ѝ", "им", "ни", "ви", "ме", "ми", "си", "ще", "бе", "беше", "бяха",
    "бил", "била", "било", "били", "има", "няма", "но", "а", "или", "ако", "защото", "още",
    "вече", "също", "само", "много", "така", "тук", "там", "как", "какво", "кога", "къде",
    "защо", "кой", "каза", "заяви", "според", "през", "над", "под", "чрез", "срещу", "без",
    "около", "всички", "всеки", "всяка", "всяко", "своя", "своите", "свой", "свое", "неговия",
    "нейния", "техните", "техния", "нашата", "нашия", "сме", "сте", "съм", "бъде", "може",
    "трябва", "дали", "обаче", "докато", "когато", "където", "нито", "нищо", "никой",
    NULL,
};
static const nd_cue bg_cues[] = {
    {"всички права запазени", 60}, {"политика за поверителност", 60}, {"бисквитки", 40},
    {"общи условия", 50}, {"към съдържанието", 40}, {"абонирайте се", 40}, {"вход", 5},
    {"коментари", 12}, {"сподели", 10}, {"печат", 5}, {"реклама", 5}, {"прочетете още", 15},
    {"още по темата", 15}, {"най-четени", 12}, {"снимка:", 40}, {"източник:", 30},
    {"търсене", 5}, {"контакти", 8},
    {NULL, 0},
};
static const char *const bg_tail[] = {
    "прочетете още", "още по темата", "най-четени", "свързани новини", "още новини",
    NULL,
};

/* ---- Serbian (sr) ---- */
/* Latin and Cyrillic spellings in one list. */
static const char *const sr_stop[] = {
    "i", "u", "na", "je", "se", "da", "za", "su", "s", "sa", "od", "do", "iz", "o", "po",
    "pri", "k", "ka", "prema", "kroz", "bez", "nad", "pod", "pred", "između", "oko", "protiv",
    "zbog", "tokom", "posle", "pre", "osim", "uz", "a", "ali", "ili", "ni", "niti", "te", "pa",
    "jer", "ako", "kad", "kada", "dok", "šta", "ko", "gde", "kako", "zašto", "čak", "već",
    "još", "samo", "vrlo", "jako", "baš", "takođe", "stoga", "dakle", "međutim", "ja", "ti",
    "on", "ona", "ono", "mi", "vi", "oni", "one", "me", "mene", "tebe", "ga", "njega", "mu",
    "njemu", "nju", "joj", "njoj", "nas", "nama", "vas", "vama", "ih", "njih", "im", "njima",
    "sebe", "sebi", "si", "njegov", "njegova", "njen", "njena", "njihov", "njihova", "naš",
    "naša", "svoj", "svoja", "svoje", "svojim", "svojih", "ovaj", "ova", "ovo", "ovi", "ove",
    "taj", "ta", "to", "tog", "toga", "tom", "tome", "tim", "koji", "koja", "koje", "kojeg",
    "kojem", "kojima", "kojoj", "bio", "bila", "bilo", "bili", "biti", "sam", "smo", "ste",
    "nije", "nisu", "nema", "ima", "imaju", "može", "mogu", "treba", "će", "ćemo", "bi", "sve",
    "svi", "svih", "svaki", "svaka", "drugi", "neki", "nešto", "niko", "ništa", "nikad",
    "uvek", "ovde", "sada", "rekao", "izjavio", "и", "у", "на", "је", "се", "да", "за", "су",
    "с", "са", "од", "до", "из", "о", "по", "при", "ка", "према", "кроз", "без", "над", "под",
    "пред", "између", "око", "против", "због", "током", "после", "пре", "осим", "уз", "а",
    "али", "или", "ни", "нити", "те", "па", "јер", "ако", "кад", "када", "док", "шта", "ко",
    "где", "како", "зашто", "чак", "већ", "још", "само", "врло", "баш", "такође", "међутим",
    "ја", "ти", "он", "она", "оно", "ми", "ви", "они", "оне", "ме", "мене", "тебе", "га",
    "њега", "му", "њему", "њу", "јој", "нас", "вас", "их", "њих", "им", "себе", "си", "његов",
    "њен", "њихов", "наш", "свој", "своја", "своје", "свим", "овај", "ова", "ово", "ови",
    "ове", "тај", "та", "то", "тог", "тога", "том", "томе", "тим", "који", "која", "које",
    "којег", "којем", "био", "била", "било", "били", "бити", "сам", "смо", "нисте", "није",
    "нису", "нема", "има", "може", "могу", "треба", "ће", "би", "све", "сви", "свих", "сваки",
    "други", "неки", "нешто", "нико", "ништа", "сада", "рекао", "изјавио", "više", "nego",
    "oba", "више", "него", "оба", "što", "rekla",
    NULL,
};
static const nd_cue sr_cues[] = {
    {"sva prava zadržana", 60}, {"сва права задржана", 60}, {"politika privatnosti", 60},
    {"политика приватности", 60}, {"uslovi korišćenja", 50}, {"услови коришћења", 50},
    {"komentari", 12}, {"коментари", 12}, {"podeli", 10}, {"подели", 10},
    {"pročitajte još", 15}, {"прочитајте још", 15}, {"povezane vesti", 15},
    {"повезане вести", 15}, {"najčitanije", 12}, {"најчитаније", 12}, {"foto:", 40},
    {"фото:", 40}, {"izvor:", 30}, {"извор:", 30},
    {NULL, 0},
};
static const char *const sr_tail[] = {
    "pročitajte još", "прочитајте још", "povezane vesti", "повезане вести", "najčitanije",
    "најчитаније",
    NULL,
};

/* ---- Croatian (hr) ---- */
static const char *const hr_stop[] = {
    "i", "u", "na", "je", "se", "da", "za", "su", "s", "sa", "od", "do", "iz", "o", "po",
    "pri", "k", "ka", "prema", "kroz", "bez", "nad", "pod", "pred", "između", "oko", "protiv",
    "zbog", "tijekom", "nakon", "prije", "unatoč", "osim", "uz", "a", "ali", "ili", "ni",
    "niti", "te", "pa", "jer", "ako", "kad", "kada", "dok", "što", "tko", "gdje", "kako",
    "zašto", "čak", "već", "još", "samo", "vrlo", "jako", "baš", "također", "stoga", "dakle",
    "međutim", "ja", "ti", "on", "ona", "ono", "mi", "vi", "oni", "one", "me", "mene", "tebe",
    "ga", "njega", "mu", "njemu", "nju", "joj", "njoj", "nas", "nama", "vas", "vama", "ih",
    "njih", "im", "njima", "sebe", "sebi", "si", "moj", "moja", "moje", "njegov", "njegova",
    "njegovo", "njezin", "njezina", "njihov", "njihova", "naš", "naša", "svoj", "svoja",
    "svoje", "svojim", "svojih", "ovaj", "ova", "ovo", "ovi", "ove", "taj", "ta", "to", "tog",
    "toga", "tom", "tome", "tim", "koji", "koja", "koje", "kojeg", "kojem", "kojima", "kojoj",
    "čiji", "bio", "bila", "bilo", "bili", "bile", "biti", "sam", "smo", "ste", "nije", "nisu",
    "nema", "ima", "imaju", "može", "mogu", "treba", "će", "ćemo", "ćete", "bi", "bismo",
    "sve", "svi", "svih", "svaki", "svaka", "drugi", "druga", "drugih", "neki", "neka",
    "nešto", "nitko", "ništa", "nikad", "uvijek", "ovdje", "ondje", "sada", "rekao", "rekla",
    "izjavio", "kazao", "više", "nego", "oba",
    NULL,
};
static const nd_cue hr_cues[] = {
    {"sva prava pridržana", 60}, {"pravila privatnosti", 60}, {"politika privatnosti", 60},
    {"uvjeti korištenja", 50}, {"preskoči na sadržaj", 40}, {"pretplatite se", 40},
    {"prijava", 6}, {"komentari", 12}, {"podijeli", 10}, {"ispis", 5}, {"oglas", 5},
    {"pročitajte još", 15}, {"vezani članci", 15}, {"najčitanije", 12}, {"foto:", 40},
    {"izvor:", 30}, {"pretraživanje", 5}, {"impressum", 15},
    {NULL, 0},
};
static const char *const hr_tail[] = {
    "pročitajte još", "vezani članci", "najčitanije", "povezane vijesti", "još vijesti",
    NULL,
};

/* ---- Lithuanian (lt) ---- */
static const char *const lt_stop[] = {
    "ir", "kad", "yra", "buvo", "bus", "su", "į", "iš", "nuo", "iki", "per", "po", "prie",
    "apie", "už", "be", "dėl", "tarp", "pagal", "prieš", "ne", "nėra", "bet", "o", "ar",
    "arba", "jei", "jeigu", "kai", "kur", "kaip", "kas", "kuris", "kuri", "kurie", "kurios",
    "kurį", "kurią", "kurio", "kuriuos", "kuriame", "jis", "ji", "jie", "jos", "jo", "jų",
    "jam", "jai", "jiems", "jį", "ją", "mes", "jūs", "aš", "tu", "mūsų", "jūsų", "savo", "tai",
    "šis", "ši", "šie", "šios", "šio", "šį", "šią", "tas", "ta", "tie", "tos", "to", "tą",
    "tuo", "taip", "pat", "dar", "jau", "tik", "labai", "daug", "daugiau", "net", "gali",
    "galima", "reikia", "turi", "būti", "esą", "teigė", "sakė", "pasak", "nes", "todėl",
    "tačiau", "nors", "vis", "visi", "visų", "visos", "kiekvienas", "kitas", "kiti", "kitų",
    "čia", "ten", "dabar", "metu", "bei", "ant", "pas", "link", "šiuo", "šiame", "būtų",
    NULL,
};
static const nd_cue lt_cues[] = {
    {"visos teisės saugomos", 60}, {"privatumo politika", 60}, {"slapukai", 40},
    {"komentarai", 12}, {"dalintis", 10}, {"skaitykite taip pat", 15},
    {"susiję straipsniai", 15}, {"nuotr.", 30}, {"šaltinis:", 30},
    {NULL, 0},
};
static const char *const lt_tail[] = {
    "skaitykite taip pat", "susiję straipsniai", "populiariausi",
    NULL,
};

/* ---- Slovenian (sl) ---- */
static const char *const sl_stop[] = {
    "in", "je", "v", "na", "da", "se", "za", "so", "z", "s", "pa", "ki", "tudi", "ne", "bi",
    "po", "pri", "ali", "kot", "od", "do", "iz", "ter", "še", "že", "le", "samo", "zelo", "bo",
    "bodo", "bil", "bila", "bilo", "bili", "biti", "sem", "smo", "ste", "si", "sta", "nas",
    "jih", "ga", "jo", "mu", "ji", "jim", "njegov", "njen", "njihov", "njegova", "njena", "ta",
    "to", "ti", "te", "tega", "tem", "tej", "teh", "kar", "kjer", "ko", "kdo", "kaj", "kako",
    "zakaj", "ker", "saj", "če", "čeprav", "vendar", "toda", "med", "pred", "nad", "pod",
    "brez", "proti", "skozi", "zaradi", "glede", "ob", "k", "h", "dejal", "povedal", "lahko",
    "mora", "morajo", "kateri", "katera", "katero", "katere", "katerih", "nekaj", "vse", "vsi",
    "vsak", "vsaka", "njim", "jaz", "mi", "vi", "oni", "ona", "ono", "on", "tako", "zdaj",
    "tu", "tam", "nato", "potem", "sicer", "namreč", "torej", "ni", "ima", "oba", "nihče",
    "nič",
    NULL,
};
static const nd_cue sl_cues[] = {
    {"vse pravice pridržane", 60}, {"politika zasebnosti", 60}, {"pogoji uporabe", 50},
    {"piškotki", 40}, {"naročite se", 40}, {"prijava", 6}, {"komentarji", 12}, {"deli", 4},
    {"natisni", 8}, {"oglas", 5}, {"preberite še", 15}, {"sorodni članki", 15},
    {"najbolj brano", 12}, {"foto:", 40}, {"vir:", 30}, {"iskanje", 5},
    {NULL, 0},
};
static const char *const sl_tail[] = {
    "preberite še", "sorodni članki", "najbolj brano", "več novic",
    NULL,
};

/* ---- Catalan (ca) ---- */
static const char *const ca_stop[] = {
    "el", "la", "els", "les", "l", "lo", "un", "una", "uns", "unes", "al", "als", "del",
    "dels", "pel", "pels", "i", "o", "ni", "però", "sinó", "que", "perquè", "doncs", "com",
    "quan", "on", "mentre", "encara", "si", "ja", "jo", "tu", "ell", "ella", "nosaltres",
    "vosaltres", "ells", "elles", "vostè", "vostès", "em", "et", "es", "ens", "us", "li", "hi",
    "ho", "n", "s", "d", "m", "t", "meu", "meva", "meus", "meves", "seu", "seva", "seus",
    "seves", "nostre", "nostra", "nostres", "vostre", "vostra", "aquest", "aquesta", "aquests",
    "aquestes", "això", "aquell", "aquella", "aquells", "aquelles", "allò", "qual", "quals",
    "qui", "què", "quant", "a", "amb", "de", "des", "en", "entre", "cap", "fins", "per",
    "sense", "sobre", "sota", "contra", "durant", "segons", "després", "abans", "davant",
    "darrere", "és", "són", "era", "eren", "va", "van", "vaig", "fou", "ser", "estat", "sigui",
    "siguin", "serà", "seran", "seria", "està", "estan", "estava", "estaven", "estar", "ha",
    "han", "he", "hem", "havia", "havien", "haurà", "hauria", "haver", "pot", "poden",
    "podria", "cal", "no", "mai", "tampoc", "res", "ningú", "molt", "molta", "molts", "moltes",
    "més", "menys", "tan", "tant", "també", "només", "gairebé", "sempre", "ara", "avui",
    "aquí", "allà", "llavors", "així", "tot", "tota", "tots", "totes", "altre", "altra",
    "altres", "mateix", "mateixa", "cada", "algun", "alguna", "alguns", "algunes", "diu",
    "dir", "afirma", "explica",
    NULL,
};
static const nd_cue ca_cues[] = {
    {"tots els drets reservats", 60}, {"política de privadesa", 60},
    {"política de galetes", 60}, {"avís legal", 40}, {"salta al contingut", 40},
    {"subscriu-te", 40}, {"inicia la sessió", 12}, {"comentaris", 12}, {"comparteix", 10},
    {"imprimeix", 8}, {"publicitat", 5}, {"llegiu també", 15}, {"et pot interessar", 30},
    {"notícies relacionades", 15}, {"el més llegit", 15}, {"foto:", 40}, {"font:", 30},
    {"cerca", 5}, {"contacte", 8},
    {NULL, 0},
};
static const char *const ca_tail[] = {
    "llegiu també", "et pot interessar", "notícies relacionades", "el més llegit",
    "més notícies",
    NULL,
};

/* ---- Estonian (et) ---- */
static const char *const et_stop[] = {
    "ja", "on", "ei", "et", "see", "oli", "olid", "olla", "ka", "kui", "aga", "või", "ning",
    "veel", "juba", "ainult", "vaid", "ta", "tema", "nad", "nemad", "me", "meie", "te", "teie",
    "mina", "ma", "sina", "sa", "selle", "seda", "sellest", "sellele", "selles", "need",
    "nende", "neid", "mis", "mida", "mille", "milles", "millest", "kes", "keda", "kelle",
    "kus", "kuidas", "miks", "kuna", "sest", "siis", "nüüd", "väga", "palju", "rohkem", "üle",
    "alla", "pärast", "enne", "ajal", "kaudu", "tõttu", "järgi", "poolt", "vastu", "koos",
    "ilma", "peale", "juures", "kohta", "ütles", "sõnul", "teatas", "võib", "peab", "tuleb",
    "saab", "oleks", "olnud", "pole", "polnud", "ole", "oma", "kõik", "kõiki", "teised",
    "teine", "iga", "isegi", "siiski", "samuti", "nii", "seal", "siin", "ju", "küll",
    NULL,
};
static const nd_cue et_cues[] = {
    {"kõik õigused kaitstud", 60}, {"privaatsuspoliitika", 60}, {"küpsised", 40},
    {"kommentaarid", 12}, {"jaga", 4}, {"loe ka", 15}, {"seotud artiklid", 15}, {"foto:", 40},
    {"allikas:", 30},
    {NULL, 0},
};
static const char *const et_tail[] = {
    "loe ka", "seotud artiklid", "loetumad",
    NULL,
};

/* ---- Latvian (lv) ---- */
static const char *const lv_stop[] = {
    "un", "ir", "ka", "bija", "būs", "ar", "uz", "no", "par", "pie", "pēc", "līdz", "bez",
    "starp", "pret", "caur", "aiz", "zem", "virs", "pa", "priekš", "ne", "nav", "arī", "bet",
    "taču", "tomēr", "vai", "ja", "kad", "kur", "kā", "kas", "kurš", "kura", "kuri", "kuras",
    "kuru", "kurā", "kuriem", "viņš", "viņa", "viņi", "viņas", "viņu", "viņam", "viņai",
    "viņiem", "mēs", "jūs", "es", "tu", "mūsu", "jūsu", "savu", "savā", "savas", "sava", "tas",
    "tā", "tie", "tās", "to", "tam", "tai", "šis", "šī", "šie", "šīs", "šo", "šajā", "šā",
    "jau", "vēl", "tikai", "ļoti", "daudz", "vairāk", "var", "varētu", "jābūt", "būt", "tiek",
    "tika", "tiks", "esot", "sacīja", "teica", "norādīja", "pauda", "jo", "tāpēc", "lai",
    "gan", "visi", "visu", "visas", "katrs", "cits", "citi", "citu", "šeit", "tur", "tagad",
    "laikā", "tad", "tātad", "kopš",
    NULL,
};
static const nd_cue lv_cues[] = {
    {"visas tiesības aizsargātas", 60}, {"privātuma politika", 60}, {"sīkdatnes", 40},
    {"komentāri", 12}, {"dalīties", 10}, {"lasi arī", 15}, {"saistītie raksti", 15},
    {"foto:", 40}, {"avots:", 30},
    {NULL, 0},
};
static const char *const lv_tail[] = {
    "lasi arī", "saistītie raksti", "populārākie",
    NULL,
};

/* ---- Hindi (hi) ---- */
static const char *const hi_stop[] = {
    "का", "की", "के", "में", "है", "हैं", "को", "से", "और", "पर", "ने", "भी", "यह", "वह", "इस",
    "उस", "एक", "नहीं", "तो", "ही", "था", "थी", "थे", "हो", "होता", "होती", "होते", "गया",
    "गई", "गए", "कर", "करने", "किया", "कहा", "लिए", "साथ", "बाद", "तक", "या", "लेकिन", "अब",
    "जब", "जो", "जिस", "जिसे", "जिन", "कि", "क्या", "कोई", "कुछ", "सभी", "सब", "इन", "उन",
    "इसके", "उसके", "उनके", "इसका", "उनका", "उनकी", "इसकी", "अपने", "अपनी", "अपना", "हम", "आप",
    "मैं", "वे", "ये", "वो", "रहा", "रही", "रहे", "सकता", "सकते", "सकती", "जा", "जाता", "जाती",
    "जाते", "होगा", "होगी", "होंगे", "दिया", "बहुत", "अधिक", "द्वारा", "बीच", "पहले", "तरह",
    "वाले", "वाली", "वाला", "यदि", "अगर", "क्योंकि", "इसलिए", "हालांकि", "परंतु", "एवं", "तथा",
    "व", "करते", "करता", "करती", "दौरान", "ओर", "प्रति", "बारे",
    NULL,
};
static const nd_cue hi_cues[] = {
    {"सर्वाधिकार सुरक्षित", 60}, {"गोपनीयता नीति", 60}, {"नियम और शर्तें", 50},
    {"यह भी पढ़ें", 15}, {"ये भी पढ़ें", 15}, {"संबंधित खबरें", 15}, {"शेयर करें", 12},
    {"टिप्पणी", 8}, {"विज्ञापन", 5}, {"लॉग इन", 8}, {"फोटो:", 40}, {"स्रोत:", 30},
    {NULL, 0},
};
static const char *const hi_tail[] = {
    "यह भी पढ़ें", "ये भी पढ़ें", "संबंधित खबरें", "और खबरें",
    NULL,
};

/* ---- Malay (ms) ---- */
static const char *const ms_stop[] = {
    "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada", "dalam",
    "oleh", "tidak", "akan", "juga", "ada", "adalah", "ialah", "kerana", "atau", "semasa",
    "sudah", "telah", "boleh", "dapat", "lebih", "para", "bahawa", "ia", "dia", "mereka",
    "kami", "kita", "saya", "anda", "beliau", "harus", "perlu", "sebagai", "hingga",
    "sehingga", "sampai", "selepas", "sebelum", "masih", "belum", "namun", "tetapi", "jika",
    "kalau", "apabila", "bila", "agar", "supaya", "seperti", "antara", "tersebut", "pun",
    "lagi", "hanya", "sahaja", "sangat", "amat", "bagi", "tentang", "mengenai", "terhadap",
    "secara", "iaitu", "mahupun", "serta", "sejak", "selama", "ketika", "manakala",
    "sedangkan", "tanpa", "melalui", "menurut", "kepada", "daripada", "maka", "lalu",
    "kemudian", "pula", "malah", "bahkan", "semua", "setiap", "beberapa", "banyak", "lain",
    "sama", "sendiri", "apa", "siapa", "mana", "mengapa", "bagaimana", "nya", "begitu",
    "demikian", "kata", "katanya", "berkata", "menjelaskan", "tiada", "sesiapa", "turut",
    "bagaimanapun", "walaupun", "kedua", "antaranya", "justeru", "atas", "bawah", "luar",
    "depan", "kini",
    NULL,
};
static const nd_cue ms_cues[] = {
    {"hak cipta terpelihara", 60}, {"dasar privasi", 60}, {"terma dan syarat", 50},
    {"kongsi", 8}, {"komen", 8}, {"iklan", 5}, {"baca juga", 15}, {"berita berkaitan", 15},
    {"artikel berkaitan", 15}, {"paling popular", 12}, {"foto:", 40}, {"sumber:", 30},
    {NULL, 0},
};
static const char *const ms_tail[] = {
    "baca juga", "berita berkaitan", "artikel berkaitan", "paling popular",
    NULL,
};

/* ---- Bengali (bn) ---- */
static const char *const bn_stop[] = {
    "এবং", "ও", "এই", "সেই", "যে", "যা", "কি", "কী", "না", "নয়", "হয়", "হয়েছে", "ছিল", "আছে",
    "করে", "করা", "করেন", "হবে", "থেকে", "জন্য", "সঙ্গে", "সাথে", "পর", "পরে", "আগে", "মধ্যে",
    "দিয়ে", "নিয়ে", "কাছে", "উপর", "তার", "তাঁর", "তাদের", "তিনি", "তারা", "আমি", "আমরা",
    "আপনি", "তুমি", "এক", "একটি", "একজন", "কোনো", "কোন", "সব", "সকল", "অনেক", "আরও", "আর",
    "কিন্তু", "তবে", "যদি", "তাহলে", "কারণ", "তাই", "বলেন", "বলে", "জানান", "হলে", "হচ্ছে",
    "হলো", "হল", "গেছে", "যায়", "পারে", "পারেন", "এ", "সে", "এর", "এটি", "এটা", "ওই", "যেমন",
    "মতো", "পর্যন্ত", "প্রতি", "বিষয়ে", "বা", "অথবা", "এখন", "তখন", "যখন", "কেন", "শুধু", "খুব",
    "বেশি",
    NULL,
};

/* ---- Urdu (ur) ---- */
static const char *const ur_stop[] = {
    "کا", "کی", "کے", "میں", "ہے", "ہیں", "کو", "سے", "اور", "پر", "نے", "بھی", "یہ", "وہ",
    "اس", "ان", "ایک", "نہیں", "تو", "ہی", "تھا", "تھی", "تھے", "ہو", "ہوا", "ہوئے", "ہوتا",
    "گیا", "گئی", "گئے", "کر", "کرنے", "کیا", "کہا", "لیے", "لئے", "ساتھ", "بعد", "تک", "یا",
    "لیکن", "مگر", "اب", "جب", "جو", "جس", "کہ", "کوئی", "کچھ", "تمام", "سب", "اپنے", "اپنی",
    "اپنا", "ہم", "آپ", "رہا", "رہی", "رہے", "سکتا", "سکتے", "سکتی", "جا", "جاتا", "جاتی",
    "جاتے", "گا", "گی", "گے", "دیا", "بہت", "زیادہ", "ذریعے", "درمیان", "پہلے", "طرح", "والے",
    "والی", "والا", "اگر", "کیونکہ", "لہذا", "تاہم", "کرتے", "کرتا", "دوران", "طرف", "بارے",
    "حوالے", "جبکہ", "بلکہ",
    NULL,
};

/* ---- Tagalog (tl) ---- */
static const char *const tl_stop[] = {
    "ang", "ng", "sa", "na", "at", "mga", "ay", "si", "ni", "kay", "kina", "sina", "nang",
    "para", "kung", "pero", "ngunit", "dahil", "kaya", "o", "hindi", "rin", "din", "lamang",
    "lang", "ako", "ikaw", "ka", "siya", "kami", "tayo", "kayo", "sila", "ko", "mo", "niya",
    "namin", "natin", "ninyo", "nila", "akin", "iyo", "kanya", "amin", "atin", "inyo",
    "kanila", "ito", "iyan", "iyon", "dito", "diyan", "doon", "nito", "niyon", "noon",
    "ngayon", "may", "mayroon", "wala", "ba", "pa", "naman", "po", "raw", "daw", "kasi",
    "habang", "bago", "pagkatapos", "tungkol", "ayon", "laban", "mula", "hanggang", "lahat",
    "bawat", "iba", "isa", "ilang", "marami", "sabi", "ani",
    NULL,
};

/* ---- Swahili (sw) ---- */
static const char *const sw_stop[] = {
    "na", "ya", "wa", "kwa", "za", "la", "katika", "ni", "cha", "vya", "kuwa", "kama",
    "lakini", "au", "pia", "hata", "bado", "tu", "sana", "zaidi", "hii", "hiyo", "huo", "hilo",
    "hizo", "ile", "hao", "wao", "yeye", "mimi", "sisi", "nyinyi", "wewe", "yake", "yao",
    "wake", "wetu", "kwamba", "ambapo", "ambaye", "ambao", "ambayo", "ambalo", "ambazo", "ili",
    "kwenye", "baada", "kabla", "kati", "hadi", "tangu", "bila", "dhidi", "kuhusu", "hakuna",
    "kuna", "alikuwa", "walikuwa", "amesema", "alisema", "wamesema", "kila", "wote", "baadhi",
    "nyingi", "mengi",
    NULL,
};

/* ---- every language ---- */
/* Brand names and international words of page chrome, the same in every script's pages.
 * The English list keeps its own copies, so English matching does not depend on this. */
const nd_cue nd_cues_any[] = {
    /* social networks and messengers: share buttons and "follow us" rows */
    {"facebook", 12}, {"twitter", 12}, {"whatsapp", 12}, {"telegram", 12},
    {"pinterest", 12}, {"linkedin", 12}, {"instagram", 12}, {"youtube", 12},
    {"tiktok", 12}, {"xing", 12}, {"vk", 8}, {"vkontakte", 12}, {"reddit", 12},
    {"flipboard", 12}, {"threads", 8}, {"bluesky", 12}, {"mastodon", 12}, {"snapchat", 12},
    {"wechat", 12}, {"weibo", 12}, {"google news", 12}, {"rss", 8},
    /* cookie banners, newsletter boxes, copyright lines */
    {"cookie", 60}, {"cookies", 60}, {"newsletter", 40}, {"copyright", 40}, {"©", 40},
    {"(c) 19", 40}, {"(c) 20", 40}, {"e-mail", 10}, {"email", 10},
    {NULL, 0},
};


const nd_langdef nd_langs[] = {
    {"en", "English", en_stop, en_cues, en_tail},
    {"es", "Spanish", es_stop, es_cues, es_tail},
    {"de", "German", de_stop, de_cues, de_tail},
    {"ja", "Japanese", ja_stop, ja_cues, ja_tail},
    {"fr", "French", fr_stop, fr_cues, fr_tail},
    {"ru", "Russian", ru_stop, ru_cues, ru_tail},
    {"pt", "Portuguese", pt_stop, pt_cues, pt_tail},
    {"it", "Italian", it_stop, it_cues, it_tail},
    {"nl", "Dutch", nl_stop, nl_cues, nl_tail},
    {"pl", "Polish", pl_stop, pl_cues, pl_tail},
    {"tr", "Turkish", tr_stop, tr_cues, tr_tail},
    {"zh", "Chinese", zh_stop, zh_cues, zh_tail},
    {"fa", "Persian", fa_stop, fa_cues, fa_tail},
    {"vi", "Vietnamese", vi_stop, vi_cues, vi_tail},
    {"id", "Indonesian", id_stop, id_cues, id_tail},
    {"cs", "Czech", cs_stop, cs_cues, cs_tail},
    {"ko", "Korean", ko_stop, ko_cues, ko_tail},
    {"uk", "Ukrainian", uk_stop, uk_cues, uk_tail},
    {"ar", "Arabic", ar_stop, ar_cues, ar_tail},
    {"hu", "Hungarian", hu_stop, hu_cues, hu_tail},
    {"sv", "Swedish", sv_stop, sv_cues, sv_tail},
    {"el", "Greek", el_stop, el_cues, el_tail},
    {"ro", "Romanian", ro_stop, ro_cues, ro_tail},
    {"da", "Danish", da_stop, da_cues, da_tail},
    {"th", "Thai", th_stop, th_cues, th_tail},
    {"he", "Hebrew", he_stop, he_cues, he_tail},
    {"fi", "Finnish", fi_stop, fi_cues, fi_tail},
    {"sk", "Slovak", sk_stop, sk_cues, sk_tail},
    {"nb", "Norwegian Bokmål", nb_stop, nb_cues, nb_tail},
    {"bg", "Bulgarian", bg_stop, bg_cues, bg_tail},
    {"sr", "Serbian", sr_stop, sr_cues, sr_tail},
    {"hr", "Croatian", hr_stop, hr_cues, hr_tail},
    {"lt", "Lithuanian", lt_stop, lt_cues, lt_tail},
    {"sl", "Slovenian", sl_stop, sl_cues, sl_tail},
    {"ca", "Catalan", ca_stop, ca_cues, ca_tail},
    {"et", "Estonian", et_stop, et_cues, et_tail},
    {"lv", "Latvian", lv_stop, lv_cues, lv_tail},
    {"hi", "Hindi", hi_stop, hi_cues, hi_tail},
    {"ms", "Malay", ms_stop, ms_cues, ms_tail},
    {"bn", "Bengali", bn_stop, no_cues, no_tail},
    {"ur", "Urdu", ur_stop, no_cues, no_tail},
    {"tl", "Tagalog", tl_stop, no_cues, no_tail},
    {"sw", "Swahili", sw_stop, no_cues, no_tail},
};

const size_t nd_nlangs = sizeof nd_langs / sizeof nd_langs[0];
