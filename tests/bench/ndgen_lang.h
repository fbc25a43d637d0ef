/*
 * ndgen_lang.h - the words ndgen plants around its sampled text, for each language of -l LANG.
 *
 * Included once, by ndgen.c.  Everything the generator writes that does not come from the
 * corpus's language model is here: the invented cast (first names, surnames, roles, organisations,
 * cities), the quotation marks and the shapes of a quoted sentence, the verbs of attribution, the
 * site chrome (menus, cookie banners, share lines, bylines, teaser headings, donation appeals,
 * footers), dates, and the phrases of the content-farm and AI-style copies.  English is not here:
 * ndgen's English strings stay where they always were, so that an English corpus keeps its bytes.
 * All strings were written for ndgen; they are UTF-8.
 *
 * Templates name their parts as {X}:
 *   quotes     {Q} the quote (one or two sentences), {A} {B} its two sentences apart, {W} the speaker
 *              followed by the close mark when a role or an age was given, {w} the speaker at the end
 *              of the sentence, {V} the verb of attribution;
 *   people     {F} first name, {L} surname, {N} full name, {A} age, {R} role, {O} organisation,
 *              {P} place, {S} surname inside an organisation's name;
 *   dates      {d} day, {m} month number, {M} month name, {y} year, {b} Buddhist-era year, {H} hour,
 *              {I} minute, {D} weekday;
 *   chrome     {S} site name, {D} domain, {O} owner, {A} author, {T} date, {n} a number, {C} section,
 *              {E} e-mail address, {Y} year, {U} a URL, {K} a photo credit, {X} a caption.
 * Arrays end at the first NULL; every array has at least one entry.
 */
#ifndef NDGEN_LANG_H
#define NDGEN_LANG_H

#define LMAX_NAMES 16
#define LMAX_SURN 20

typedef struct {
	const char *code, *name;
	int unspaced;    /* 0 words between spaces; 1 no spaces (zh, ja); 2 spaces only between phrases (th) */
	int latin;       /* Windows-1252 can carry the script (the cp1252 noise applies) */
	int cased;       /* the script has capital letters */
	double tpw;      /* unspaced: characters a word, to scale sentence lengths */
	const char *end; /* sentence end mark ("" for Thai) */
	const char *sep; /* between two sentences of a paragraph */
	const char *tmpl[4];   /* quote after, verb first, colon, split (the T_* order of ndgen.c) */
	const char *verb_m[6]; /* said, added, told reporters, said in a statement, explained, emphasised */
	const char *verb_f[6];
	const char *who[4];    /* full speaker: name alone, with age, with role, with both */
	const char *who_close; /* after a full speaker with age or role, when the sentence goes on */
	const char *name_fmt[2];  /* male, female: {F} {L} */
	const char *honor[2];     /* a later mention */
	const char *pron[2];      /* he, she */
	const char *female[LMAX_NAMES], *male[LMAX_NAMES], *surnames[LMAX_SURN];
	const char *cities[12];
	const char *roles[8];  /* {O} or {P} */
	const char *orgs[6];   /* {S} and {P} */
	const char *sections[8];
	const char *months[12], *weekdays[7];
	const char *dates[3];
	const char *dateline[3];  /* {C} city, {S} site, {d} {M} */
	/* site chrome */
	const char *site_names[6];  /* {P} */
	const char *owner;          /* {S} */
	const char *skip, *search, *home, *tagline, *paper;
	const char *byline[3];      /* {A} {T} */
	const char *minread;        /* {n} */
	const char *staff_wire;
	const char *share[3];       /* {D} */
	const char *advert[2];
	const char *readmore;       /* before a teaser headline */
	const char *photo[2];       /* {X} {K} */
	const char *source;         /* {S} */
	const char *excerpt_more[3]; /* {S} {D} {U} */
	const char *bio[2];         /* {A} {S} {C} {E} */
	const char *comments[2];    /* {n} */
	const char *teaser_head[4]; /* {S} */
	const char *cookie[2];      /* {S} */
	const char *newsletter;     /* {S} */
	const char *donation[3];    /* {S} */
	const char *footer[2];      /* {S} {O} {Y} */
	/* copies */
	const char *topic;
	const char *fillers[5];     /* {N} {C} {T} */
	const char *openers[4];
	const char *links[3];
	const char *connectors[5];
	const char *title_suffix[3];
} Lang;

static const Lang LANGS[] = {
	{.code = "en", .name = "English", .latin = 1, .cased = 1},

	/* ---------------------------------------------------------------------------------- */
	{
		.code = "de", .name = "German", .latin = 1, .cased = 1, .end = ".", .sep = " ",
		.tmpl = {"„{Q}“, {V} {w}.", "„{Q}“, {V} {w}.", "{W} {V}: „{Q}.“",
			 "„{A}“, {V} {w}. „{B}.“"},
		.verb_m = {"sagte", "ergänzte", "sagte vor Journalisten", "erklärte in einer Mitteilung",
			   "erläuterte", "betonte"},
		.verb_f = {"sagte", "ergänzte", "sagte vor Journalisten", "erklärte in einer Mitteilung",
			   "erläuterte", "betonte"},
		.who = {"{N}", "{N} ({A})", "{N}, {R}", "{N} ({A}), {R}"},
		.who_close = ",",
		.name_fmt = {"{F} {L}", "{F} {L}"},
		.honor = {"{L}", "{L}"},
		.pron = {"er", "sie"},
		.female = {"Anna", "Katrin", "Sabine", "Julia", "Leonie", "Petra", "Miriam", "Sophie", "Jana",
			   "Elif", "Ursula", "Hannah"},
		.male = {"Thomas", "Jörg", "Stefan", "Lukas", "Matthias", "Kemal", "Uwe", "Florian", "Tobias",
			 "Andreas", "Felix", "Rainer"},
		.surnames = {"Brandt", "Kessler", "Vogt", "Hartmann", "Lindemann", "Oberholzer", "Scholl",
			     "Reinhardt", "Kaya", "Wendland", "Pfeiffer", "Albrecht", "Sommerfeld", "Ziegler",
			     "Hofstetter", "Brückner", "Nowak", "Lorenz", "Eberle", "Rosenbaum"},
		.cities = {"Hamburg", "Leipzig", "Köln", "Dresden", "Bremen", "Freiburg", "Kassel", "Rostock",
			   "Münster", "Regensburg", "Erfurt", "Kiel"},
		.roles = {"Sprecher von {O}|Sprecherin von {O}", "Geschäftsführer von {O}|Geschäftsführerin von {O}",
			  "Analyst bei {O}|Analystin bei {O}", "Professor an der Universität {P}|Professorin an der Universität {P}",
			  "Bürgermeister von {P}|Bürgermeisterin von {P}", "Vorsitzender von {O}|Vorsitzende von {O}",
			  "Anwohner aus {P}|Anwohnerin aus {P}", "Betriebsrat bei {O}|Betriebsrätin bei {O}"},
		.orgs = {"{S} AG", "Stadtwerke {P}", "{S} & Partner", "Verbraucherzentrale {P}",
			 "{P}er Handelskammer", "{S} Logistik GmbH"},
		.sections = {"Politik", "Wirtschaft", "Regional", "Sport", "Kultur", "Wissen", "Digital",
			     "Panorama"},
		.months = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
			   "Oktober", "November", "Dezember"},
		.weekdays = {"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
		.dates = {"{d}. {M} {y}, {H}:{I} Uhr", "{d}.{m}.{y}", "{D}, {d}. {M} {y}"},
		.dateline = {"{C} – ", "{C} ({S}) – ", "{C}, {d}. {M} (GNW) – "},
		.site_names = {"{P}er Tageblatt", "Neue {P}er Zeitung", "{P} aktuell", "Rundschau {P}",
			       "{P}er Kurier", "Nachrichten aus {P}"},
		.owner = "{S} Verlag GmbH",
		.skip = "Zum Inhalt springen", .search = "Suche | Anmelden | Abo", .home = "Startseite",
		.tagline = "alle Nachrichten in Kürze", .paper = "Abo | Anmelden | E-Paper",
		.byline = {"Von {A}\n{T}", "{A} | {T}", "{T} | Von {A}"},
		.minread = "Lesezeit: {n} Minuten",
		.staff_wire = "Redaktion mit Agenturen",
		.share = {"Teilen: Facebook | X | WhatsApp | E-Mail", "Artikel teilen  |  Drucken  |  Merken",
			  "[Teilen] [Twittern] [Per E-Mail senden]"},
		.advert = {"ANZEIGE", "- Werbung -"},
		.readmore = "Lesen Sie auch: ",
		.photo = {"Foto: {X} ({K})", "[BILD: {X}] © {K}"},
		.source = "Quelle: {S}",
		.excerpt_more = {"Weiterlesen bei {S} ({D})", "Den ganzen Artikel lesen: {U}",
				 "[Mehr dazu bei {S}]"},
		.bio = {"{A} ist Redakteur bei {S} und schreibt über {C}. Kontakt: {E}",
			"Über den Autor\n{A} schreibt seit 2009 für {S} über {C}."},
		.comments = {"Kommentare ({n})", "Schreiben Sie einen Kommentar\nIhre E-Mail-Adresse wird nicht "
			     "veröffentlicht. Pflichtfelder sind mit * markiert."},
		.teaser_head = {"Das könnte Sie auch interessieren", "MEHR ZUM THEMA", "Meistgelesen",
				"Weitere Artikel von {S}"},
		.cookie = {"Wir verwenden Cookies, um Ihnen ein optimales Nutzungserlebnis zu bieten. Wenn Sie "
			   "weiter auf {S} surfen, stimmen Sie der Nutzung zu. [Akzeptieren] [Einstellungen]",
			   "{S} und unsere Partner nutzen Cookies und ähnliche Technologien, um Inhalte und "
			   "Anzeigen zu personalisieren. [Alle akzeptieren] [Ablehnen]"},
		.newsletter = "Der {S}-Newsletter\nDie wichtigsten Nachrichten des Tages, jeden Morgen kostenlos "
			      "in Ihrem Postfach. [E-Mail-Adresse] [Abonnieren]\nSie können sich jederzeit "
			      "wieder abmelden.",
		.donation = {"Liebe Leserinnen und Leser,",
			     "unabhängiger Journalismus kostet Geld. {S} steht allen offen, ohne Bezahlschranke. "
			     "Wenn Ihnen unsere Arbeit etwas wert ist, unterstützen Sie uns schon ab 2 Euro im Monat.",
			     "Einmalig\nMonatlich\nJährlich\nWeiter\nJetzt nicht"},
		.footer = {"Impressum | Datenschutz | Kontakt | Mediadaten | AGB\n© {Y} {O}. Alle Rechte "
			   "vorbehalten.", "Über uns | Karriere | Datenschutz | Cookie-Einstellungen\n{S} ist ein "
			   "Angebot der {O}. © {Y}"},
		.topic = "die öffentliche Debatte",
		.fillers = {"Für {N} steht dabei viel auf dem Spiel.",
			    "Beobachter in {C} verfolgen die Entwicklung aufmerksam.",
			    "Wie es weitergeht, dürfte sich in den kommenden Wochen zeigen.",
			    "Es ist nicht das erste Mal, dass {T} sich mit dieser Frage beschäftigt.",
			    "Die Lage bleibt unübersichtlich, weitere Einzelheiten werden erwartet."},
		.openers = {"Bemerkenswert ist:", "Nach Angaben von Beobachtern gilt:", "In diesem Zusammenhang gilt:",
			    "Wichtig dabei:"},
		.links = {", während", ", und", "; zugleich"},
		.connectors = {"Zudem gilt:", "Unterdessen hieß es:", "Außerdem:", "Bemerkenswert:", "Dazu kommt:"},
		.title_suffix = {": Was bisher bekannt ist", " – die wichtigsten Fakten", ": Alles, was Sie wissen müssen"},
	},
};

#endif
