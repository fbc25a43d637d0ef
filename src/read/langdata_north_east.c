/*
 * langdata_north_east.c - the words the reader knows of the languages of northern, central and
 * eastern Europe written in Latin letters, and Turkish (Serbian in both its scripts).  The
 * form of every list, and why, are in langdata.c; the table of languages is there too.
 */
#include "langdata.h"

#include <stddef.h>

/* Word lists laid out by hand, many to a line. */
/* clang-format off */

/* ---- Polish (pl) ---- */
const char *const nd_stop_pl[] = {
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
const nd_cue nd_cues_pl[] = {
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
const char *const nd_tail_pl[] = {
    "zobacz także", "zobacz też", "czytaj także", "czytaj też", "może cię zainteresować",
    "polecamy", "najczęściej czytane", "powiązane artykuły", "więcej z kategorii", "najnowsze",
    NULL,
};

/* ---- Czech (cs) ---- */
const char *const nd_stop_cs[] = {
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
const nd_cue nd_cues_cs[] = {
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
const char *const nd_tail_cs[] = {
    "mohlo by vás zajímat", "související články", "nejčtenější", "čtěte také",
    "přečtěte si také", "další články",
    NULL,
};

/* ---- Slovak (sk) ---- */
const char *const nd_stop_sk[] = {
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
const nd_cue nd_cues_sk[] = {
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
const char *const nd_tail_sk[] = {
    "mohlo by vás zaujímať", "súvisiace články", "najčítanejšie", "čítajte aj",
    "prečítajte si aj", "ďalšie články",
    NULL,
};

/* ---- Hungarian (hu) ---- */
const char *const nd_stop_hu[] = {
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
const nd_cue nd_cues_hu[] = {
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
const char *const nd_tail_hu[] = {
    "kapcsolódó cikkek", "legolvasottabb", "ezek is érdekelhetik", "további cikkek",
    "friss hírek",
    NULL,
};

/* ---- Romanian (ro) ---- */
/* Words with "ș" and "ț" also in the older cedilla forms "ş" and "ţ" where frequent. */
const char *const nd_stop_ro[] = {
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
const nd_cue nd_cues_ro[] = {
    {"toate drepturile rezervate", 60}, {"politica de confidențialitate", 60},
    {"politica de confidenţialitate", 60}, {"termeni și condiții", 50},
    {"termeni şi condiţii", 50}, {"sari la conținut", 40}, {"abonează-te", 40},
    {"autentificare", 10}, {"susține", 12}, {"lasă un comentariu", 40}, {"comentarii", 12},
    {"distribuie", 10}, {"printează", 8}, {"publicitate", 5}, {"citește și", 15},
    {"citeşte şi", 15}, {"articole similare", 15}, {"cele mai citite", 15}, {"foto:", 40},
    {"sursa:", 30}, {"căutare", 5}, {"contact", 8},
    {NULL, 0},
};
const char *const nd_tail_ro[] = {
    "citește și", "citeşte şi", "articole similare", "cele mai citite", "știri similare",
    "ştiri similare",
    NULL,
};

/* ---- Croatian (hr) ---- */
const char *const nd_stop_hr[] = {
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
const nd_cue nd_cues_hr[] = {
    {"sva prava pridržana", 60}, {"pravila privatnosti", 60}, {"politika privatnosti", 60},
    {"uvjeti korištenja", 50}, {"preskoči na sadržaj", 40}, {"pretplatite se", 40},
    {"prijava", 6}, {"komentari", 12}, {"podijeli", 10}, {"ispis", 5}, {"oglas", 5},
    {"pročitajte još", 15}, {"vezani članci", 15}, {"najčitanije", 12}, {"foto:", 40},
    {"izvor:", 30}, {"pretraživanje", 5}, {"impressum", 15},
    {NULL, 0},
};
const char *const nd_tail_hr[] = {
    "pročitajte još", "vezani članci", "najčitanije", "povezane vijesti", "još vijesti",
    NULL,
};

/* ---- Serbian (sr) ---- */
/* Latin and Cyrillic spellings in one list. */
const char *const nd_stop_sr[] = {
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
const nd_cue nd_cues_sr[] = {
    {"sva prava zadržana", 60}, {"сва права задржана", 60}, {"politika privatnosti", 60},
    {"политика приватности", 60}, {"uslovi korišćenja", 50}, {"услови коришћења", 50},
    {"komentari", 12}, {"коментари", 12}, {"podeli", 10}, {"подели", 10},
    {"pročitajte još", 15}, {"прочитајте још", 15}, {"povezane vesti", 15},
    {"повезане вести", 15}, {"najčitanije", 12}, {"најчитаније", 12}, {"foto:", 40},
    {"фото:", 40}, {"izvor:", 30}, {"извор:", 30},
    {NULL, 0},
};
const char *const nd_tail_sr[] = {
    "pročitajte još", "прочитајте још", "povezane vesti", "повезане вести", "najčitanije",
    "најчитаније",
    NULL,
};

/* ---- Slovenian (sl) ---- */
const char *const nd_stop_sl[] = {
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
const nd_cue nd_cues_sl[] = {
    {"vse pravice pridržane", 60}, {"politika zasebnosti", 60}, {"pogoji uporabe", 50},
    {"piškotki", 40}, {"naročite se", 40}, {"prijava", 6}, {"komentarji", 12}, {"deli", 4},
    {"natisni", 8}, {"oglas", 5}, {"preberite še", 15}, {"sorodni članki", 15},
    {"najbolj brano", 12}, {"foto:", 40}, {"vir:", 30}, {"iskanje", 5},
    {NULL, 0},
};
const char *const nd_tail_sl[] = {
    "preberite še", "sorodni članki", "najbolj brano", "več novic",
    NULL,
};

/* ---- Lithuanian (lt) ---- */
const char *const nd_stop_lt[] = {
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
const nd_cue nd_cues_lt[] = {
    {"visos teisės saugomos", 60}, {"privatumo politika", 60}, {"slapukai", 40},
    {"komentarai", 12}, {"dalintis", 10}, {"skaitykite taip pat", 15},
    {"susiję straipsniai", 15}, {"nuotr.", 30}, {"šaltinis:", 30},
    {NULL, 0},
};
const char *const nd_tail_lt[] = {
    "skaitykite taip pat", "susiję straipsniai", "populiariausi",
    NULL,
};

/* ---- Latvian (lv) ---- */
const char *const nd_stop_lv[] = {
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
const nd_cue nd_cues_lv[] = {
    {"visas tiesības aizsargātas", 60}, {"privātuma politika", 60}, {"sīkdatnes", 40},
    {"komentāri", 12}, {"dalīties", 10}, {"lasi arī", 15}, {"saistītie raksti", 15},
    {"foto:", 40}, {"avots:", 30},
    {NULL, 0},
};
const char *const nd_tail_lv[] = {
    "lasi arī", "saistītie raksti", "populārākie",
    NULL,
};

/* ---- Estonian (et) ---- */
const char *const nd_stop_et[] = {
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
const nd_cue nd_cues_et[] = {
    {"kõik õigused kaitstud", 60}, {"privaatsuspoliitika", 60}, {"küpsised", 40},
    {"kommentaarid", 12}, {"jaga", 4}, {"loe ka", 15}, {"seotud artiklid", 15}, {"foto:", 40},
    {"allikas:", 30},
    {NULL, 0},
};
const char *const nd_tail_et[] = {
    "loe ka", "seotud artiklid", "loetumad",
    NULL,
};

/* ---- Swedish (sv) ---- */
const char *const nd_stop_sv[] = {
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
const nd_cue nd_cues_sv[] = {
    {"alla rättigheter förbehållna", 60}, {"integritetspolicy", 60}, {"personuppgifter", 30},
    {"användarvillkor", 50}, {"hoppa till innehållet", 40}, {"prenumerera", 20},
    {"bli prenumerant", 40}, {"logga in", 10}, {"skapa konto", 20}, {"stöd oss", 40},
    {"lämna en kommentar", 40}, {"kommentarer", 12}, {"dela", 4}, {"dela artikeln", 30},
    {"skriv ut", 8}, {"annons", 5}, {"läs också", 15}, {"läs mer", 15}, {"mest läst", 15},
    {"relaterade artiklar", 15}, {"foto:", 40}, {"bild:", 40}, {"sök", 4}, {"meny", 5},
    {"kontakta oss", 15}, {"om oss", 8},
    {NULL, 0},
};
const char *const nd_tail_sv[] = {
    "läs också", "mest läst", "relaterade artiklar", "fler nyheter", "mer om ämnet",
    "du kanske också gillar",
    NULL,
};

/* ---- Danish (da) ---- */
const char *const nd_stop_da[] = {
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
const nd_cue nd_cues_da[] = {
    {"alle rettigheder forbeholdes", 60}, {"privatlivspolitik", 60}, {"persondatapolitik", 60},
    {"cookiepolitik", 60}, {"spring til indhold", 40}, {"abonnér", 20}, {"abonner", 20},
    {"log ind", 10}, {"opret profil", 20}, {"støt os", 40}, {"skriv en kommentar", 40},
    {"kommentarer", 12}, {"del", 3}, {"del artiklen", 30}, {"print", 8}, {"annonce", 5},
    {"læs også", 15}, {"læs mere", 15}, {"mest læste", 15}, {"relaterede artikler", 15},
    {"foto:", 40}, {"søg", 4}, {"menu", 5}, {"kontakt os", 15}, {"om os", 8},
    {NULL, 0},
};
const char *const nd_tail_da[] = {
    "læs også", "mest læste", "relaterede artikler", "flere nyheder", "mere om emnet",
    NULL,
};

/* ---- Norwegian Bokmål (nb) ---- */
const char *const nd_stop_nb[] = {
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
const nd_cue nd_cues_nb[] = {
    {"alle rettigheter reservert", 60}, {"personvernerklæring", 60}, {"personvern", 12},
    {"informasjonskapsler", 50}, {"hopp til innhold", 40}, {"abonner", 20},
    {"bli abonnent", 40}, {"logg inn", 10}, {"støtt oss", 40}, {"skriv en kommentar", 40},
    {"kommentarer", 12}, {"del", 3}, {"del artikkelen", 30}, {"annonse", 5}, {"les også", 15},
    {"les mer", 15}, {"mest lest", 15}, {"relaterte artikler", 15}, {"foto:", 40}, {"søk", 4},
    {"meny", 5}, {"kontakt oss", 15}, {"om oss", 8},
    {NULL, 0},
};
const char *const nd_tail_nb[] = {
    "les også", "mest lest", "relaterte artikler", "flere nyheter", "mer om saken",
    NULL,
};

/* ---- Finnish (fi) ---- */
const char *const nd_stop_fi[] = {
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
const nd_cue nd_cues_fi[] = {
    {"kaikki oikeudet pidätetään", 60}, {"tietosuojaseloste", 60}, {"evästeet", 40},
    {"käyttöehdot", 50}, {"siirry sisältöön", 40}, {"tilaa", 6}, {"tilaajille", 30},
    {"kirjaudu", 10}, {"jaa", 4}, {"kommentit", 12}, {"kommentoi", 10}, {"mainos", 5},
    {"lue myös", 15}, {"lue lisää", 15}, {"luetuimmat", 15}, {"kuva:", 40}, {"haku", 4},
    {"valikko", 5}, {"ota yhteyttä", 15},
    {NULL, 0},
};
const char *const nd_tail_fi[] = {
    "lue myös", "luetuimmat", "aiheesta lisää", "uusimmat",
    NULL,
};

/* ---- Turkish (tr) ---- */
const char *const nd_stop_tr[] = {
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
const nd_cue nd_cues_tr[] = {
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
const char *const nd_tail_tr[] = {
    "ilgili haberler", "benzer haberler", "bunlar da ilginizi çekebilir", "ilginizi çekebilir",
    "en çok okunanlar", "çok okunanlar", "diğer haberler", "son dakika haberleri",
    "i̇lgili haberler", "i̇lginizi çekebilir",
    NULL,
};
