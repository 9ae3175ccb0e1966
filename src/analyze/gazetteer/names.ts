/**
 * First names common in Russian, Central Asian and international coverage, and the words that
 * mark a name as a person's, an organization's or a place's. All lowercase.
 */
/**
 * Given names common in Russian, Central Asian, Caucasian and international news coverage,
 * space-separated: a first word from this list makes a run a person's name ("Farrukh Sharipov").
 * Words that are also ordinary sentence openers ("Bill", "Will", "Said") are left out.
 */
const FIRST_NAME_WORDS = `
aamir aaron abdul abdulaziz abdulla abdullah abdullo abu adam adilet adrian ahmad ahmed ahmet aibek aidar
aigul ainura airat aizada ajay akbar akhmad akhmed akmal akylbek alan albert alberto alec alejandro aleksandr
aleksei alex alexander alexandra alexei alexey alexis alfred alfredo ali alice alicia alikhan alina alisa
alisher alison aliya alla allan almaz almazbek alsu amanda amir amirkhon amy ana anastasia anatoly anders
andre andrea andreas andrei andres andrew andrey andy angela angelo angus anil ann anna anne annette anthony
antoine anton antonio anvar anwar arantxa aravinda arjuna arkady arnold artem arthur artyom asel ashley ashraf
asif askar askhat aslan atul ayman ayub azamat azat aziz bahrom bakhrom bakhtiyor baktybek bakyt barbara barry
bart bashar behruz beksultan bekzod ben benazir benjamin bermet bernard bernd bernhard billy binyamin bislan
bob bobby bobur bolot boris botir boutros brad brandon brendan brett brian bruce bruno bryan bulat carl carla
carlo carlos carmen carol caroline catherine cathy cedric cesar charles charlie chen choi cholpon chris
christian christina christine christoph christopher chyngyz claire clare claude claudia claudio colin conchita
craig cristina daler dalerdzhon damir dan daniel daniele daniyar danny daria darren darya dastan dave david
davlatali davron dean deborah deng denis dennis derek diana diane diego dieter dilnoza dilorom dilovar dilshod
dilyara dirk dmitri dmitriy dmitry dominic donald doniyor doug douglas duncan dzhamshed dzhokhar eddie edgar
eduardo edward edwin egor ekaterina eldar eldor elena elizabeth elizaveta ellen elmira elvira emil emilio
emily emma emmanuel emomali enrique eric erik erlan ermek ernesto ernst eugene evgenia evgeny fabio farhod
farid faridun farrukh farzona felix fernando feruza filippo firdavs firuz francesco francis francisco franck
francois frank franz fred frederick friedrich fumio fyodor gabriel gabriela galina gary gavin gennady geoff
geoffrey georg george georgy gerald gerard gerhard gianni giorgio giovanni giuseppe gleb glen glenn goran
gordon graham greg gregory grigory guido guillermo gulnara gulnaz gulnora gunter gustavo guzel hafez hamid
hamza hans hans-dietrich hans-peter harold harry hashan hassan heinz helen helmut henri henrik henry herbert
hideo hiroshi horst hosni howard hu huang hugh hugo hussein ian ibrahim ignacio igor ijaz ildar ilgiz ilham
ilhom ilnur ilshat ilya ilyos imran ingrid inna inzamam irakli irina isa isaac islom ismail ismoil ivan jackie
jacob jacques jahongir jaime jake jalal james jamshed jamshid jan jana jane janet jason jasur javed javier
javlon jay jean jean-claude jean-francois jean-louis jean-luc jean-marie jean-paul jean-pierre jeff jeffrey
jennifer jens jeremy jerome jerry jesus jiang jim jimmy joachim joan joe joel johan johann johannes john
jonathan jorge jose josef josep joseph juan judith julia julian julie julio jung junichiro jurgen kairat
kamchybek kamila kamol kamola kanat kang kapil karen karim karl karl-heinz kassym-jomart kasym-jomart kate
katherine keith ken kenneth kevin khaled khalid khasan khurshed khusein khusrav kim kirill klaus kofi komron
konstantin kristina ksenia kubanychbek kumar kurmanbek kurt lamberto larisa lars laura laurent laziz lecha
leila leon leonard leonardo leonid lev leysan li lidia lilia liliya lindsay lisa liu lorenzo louis luc luca
lucas luigi luis lydia lynn lyubov lyudmila madina magnus magomed magomet mahmadali mahmoud malcolm malika
mansur manuchehr manuel marat marc marcel marcelo marco marcos margaret maria marie marina mario marion mariya
mark markus martin martina mary massimo massoud mathias matt matthew matthias matvei maurice maxim meerim
mehrangez melis michael michel michele miguel mike mikhail milana mirzo mohamed mohammad mohammed mohsin moin
monica movsar muhammad muhammadjon muhammadsobir muhiddin murad mushtaq muttiah nadezhda nadia nadya nancy
narendra nargis nasim nasser natalia natalya nathan navruz nawaz neil nelson nicholas nick nicolas nigel
nigina nikita nikol nikolai nikolay nina nodir nodirbek noel norbert norman nurbek nurlan nursultan odil
oksana olaf oleg olga olim oliver omar omurbek osama oscar otabek otto oybek pablo paolo parviz pascal
patricia patrick paul pavel pedro pervez pete peter petr philip philippe pierre pierre-yves polina pyotr
rachabalizoda radik rafael rafail rahim rahmon rahul rail raisa rajesh rakhmon ralph ramil ramiz ramon ramzan
rashid raul ravil ravshan raymond rebecca recep regina renat reza ricardo richard rick rifat rimma rinat
robert roberto robin rodrigo roger roland roman ron ronald rosa ross roza ruslan rustam rustem ruth ryan
ryutaro sachin saddam sadyr saeed safar saidakram saidjon salavat salim salman sam samir samuel sanath sandra
sanjar sanjay sarah sardor sean sebastian sebastien semyon serena sergei sergey sergio serik shahid shahlo
shakhromi shamil shamsiddin shane sharif sharon shavkat sherali sherzod shimon shinzo shoaib shodmon shohruh
shukhrat simon sino sitora sofia sooronbay sourav stanislav stefan stefano steffi stephen steve steven stuart
sukhrob sunil susan svetlana talant tamara tariq tatiana tatyana ted temir temur terry thomas tilek tim
timothy timur todd tohir tom tomiichi tommy tony ulan ulmas ulugbek umar umed umedjon umid ursula uwe vadim
valentin valentina valeria valeriy valery varvara vasilisa vasily venera venus vera veronika victor vijay
viktor viktoria vincent vitaliy vitaly vladimir vladislav volker vsevolod vyacheslav walter wang waqar wasim
wayne werner william wim wolfgang wu yakov yan yana yang yaroslav yasser yegor yekaterina yelena yerlan
yevgenia yevgeniy yevgeny yitzhak yoshiro yulia yuri yury yusuf yves zafar zakhar zarina zelimkhan zhang
zhanna zhao zhoomart zhou zhyldyz zinaida zohir zoir zokir zoran zufar zulfiya zurab
`;

/**
 * Given names common in European, Turkish, Arab, African and Japanese news coverage, with the
 * spellings with and without their diacritics ("Özgür", "Ozgur"): "Meryem Aksoy", "Thabo Dlamini".
 */
const MORE_FIRST_NAME_WORDS = `
abdel abdi abdirahman adel agnieszka aisha aisuluu akira alessandro amadou amine aminata ammar anas andrzej aoife ayoub ayse ayşe
balazs balázs bilal bjorn björn bongani bulent bülent burak callum camille cengiz cheikh cheslin chiara chinedu chipo chloe christos
ciaran connor cyril davide declan devlet dimitris eben edouard eleni elif ella emeka emine emre eoin ercan erdal erkan ewa fatima
fatma fatou federico femke ferhat fiona firas francesca frans frederic frédéric gergely geert ghassan giorgia giorgos giulia gokhan
gökhan hakan halil hannah haruki hasan hideki huseyin hüseyin ibrahima isabella issa istvan istván jakub jamie jaroslaw jarosław
jawad jeroen jessica joanna joost jorg jörg julius kamil kanybek katarzyna kemal kenji kerem kieran kirsty konstantinos krzysztof
kudzai kwame kyriakos laszlo lászló lerato levent liam lucy lukasz łukasz magdalena mamadou manon marek mariam marieke mateusz
mathilde matteo mehmet meryem metin mia mikael mohamad moussa mounir moustafa muhammed murat mustafa nabil naomi niamh nihat nikos
nils noah nomvula nour olivia olivier omer ömer onur orhan osman ousmane ozgur özgür panagiotis pawel paweł pieter piotr przemyslaw
przemysław rachel rachid rami rene rené rory ruud sami sander seamus selahattin selim serkan shohei simone sinan siobhan sipho siya
sophie stephane stéphane suleyman süleyman sven tafadzwa takeshi tarek tarik tarık taro tatenda tayyip tendai thabo thandiwe themba
thierry thijs tolga tomasz tuncay tunde valerie valérie vassilis volkan walid wojciech yannis yasin yilmaz yılmaz yoshihide youssef
yousef zaid zbigniew zeynep ziad zoltan zoltán
`;

export const FIRST_NAMES: ReadonlySet<string> = new Set(`${FIRST_NAME_WORDS} ${MORE_FIRST_NAME_WORDS}`.split(/\s+/).filter(Boolean));

/** Titles and roles that precede a name ("Prosecutor-General Igor Krasnov"): stripped, and the name is a person. */
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  'president', 'prime', 'premier', 'minister', 'prosecutor', 'prosecutor-general', 'general', 'governor', 'mayor', 'deputy', 'senator',
  'spokesman', 'spokeswoman', 'spokesperson', 'activist', 'lawyer', 'attorney', 'judge', 'chairman', 'chairwoman', 'chair', 'head',
  'chief', 'director', 'colonel', 'major', 'lieutenant', 'captain', 'sergeant', 'officer', 'imam', 'mufti', 'ambassador', 'consul',
  'dr', 'dr.', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'patriarch', 'lawmaker', 'mp', 'speaker', 'commissioner', 'ombudsman',
  'ombudswoman', 'researcher', 'chancellor', 'vice-chancellor', 'governor-general', 'premier', 'coach', 'manager', 'striker', 'midfielder', 'defender', 'goalkeeper', 'captain', 'rev', 'rev.', 'sir', 'lord', 'lady', 'king', 'queen', 'prince', 'princess', 'pope', 'sheikh', 'emir', 'sultan', 'gen', 'gen.', 'col', 'col.', 'lt', 'sgt', 'capt', 'maj', 'gov', 'gov.', 'sen', 'sen.', 'rep', 'rep.', 'professor', 'journalist', 'reporter', 'correspondent', 'editor', 'leader', 'secretary', 'envoy',
  'father', 'archpriest', 'priest', 'bishop', 'archbishop', 'metropolitan', 'rabbi', 'mullah', 'pastor', 'constable', 'superintendent',
  'inspector', 'detective', 'admiral', 'marshal', 'commander', 'winger', 'flanker', 'forward', 'centre-back', 'full-back', 'substitute',
  'actress', 'actor', 'singer', 'economist', 'analyst', 'photographer', 'blogger', 'novelist', 'poet', 'cleric', 'preacher',
]);

/** Words that, said of a following name, make it a person ("activist Valentina Chupik", "said Petrov"). */
export const PERSON_CUES: ReadonlySet<string> = new Set([
  ...PERSON_TITLES, 'said', 'says', 'told', 'according', 'driver', 'worker', 'migrant', 'resident', 'vendor', 'owner', 'victim',
  'witness', 'student', 'mother', 'father', 'son', 'daughter', 'wife', 'husband', 'brother', 'sister', 'named', 'back', 'keeper',
]);

/** Last words that make a name an organization ("Tajik Embassy", "Investigative Committee"). */
export const ORGANIZATION_HEADS: ReadonlySet<string> = new Set([
  'embassy', 'consulate', 'ministry', 'court', 'service', 'committee', 'hall', 'guard', 'office', 'council', 'agency',
  'department', 'directorate', 'university', 'party', 'duma', 'centre', 'center', 'union', 'foundation', 'institute', 'bank',
  'police', 'commission', 'administration', 'government', 'church', 'group', 'company', 'corporation', 'airlines',
  'news', 'times', 'post', 'herald', 'monitor', 'wire', 'gazette', 'gazeta', 'radio', 'tv', 'network', 'association', 'society',
  'federation', 'organization', 'organisation', 'movement', 'front', 'army', 'forces', 'inspectorate', 'prosecutor’s', 'school',
  'college', 'academy', 'hospital', 'fund', 'board', 'bureau', 'parliament', 'assembly', 'legislature', 'inc', 'inc.', 'corp', 'corp.',
  'ltd', 'ltd.', 'plc', 'llc', 'ag', 'gmbh', 'sa', 'nv', 'co', 'co.', 'holdings', 'holding', 'airways', 'motors', 'industries', 'telecom',
  'petroleum', 'energy', 'oil', 'gas', 'securities', 'capital', 'partners', 'fc', 'club', 'united', 'rovers', 'wanderers', 'athletic',
  'city', 'team', 'tribunal', 'police', 'militia', 'brigade', 'battalion', 'regiment', 'exchange', 'press',
  'rossii', 'media', 'agency', 'journal', 'daily', 'telegraph', 'tribune', 'observer', 'review', 'magazine', 'channel', 'studio', 'studios',
  'enforcement', 'protection', 'policing', 'alliance', 'coalition', 'initiative', 'secretariat', 'command', 'authority', 'chamber',
  'railways', 'railway', 'league', 'complex', 'conference', 'convention', 'community', 'clearinghouse', 'diocese', 'archdiocese', 'eparchy',
  'synod', 'patriarchate', 'ff', 'fk', 'sk', 'bk', 'cf', 'afc', 'cup', 'championship', 'championships', 'lig', 'liga',
  // Outlets' names in transliteration: "Uralsky Vestnik", "Sibir Segodnya", "Kurskiye Vesti", "Kabar Today".
  'segodnya', 'vestnik', 'vesti', 'novosti', 'izvestia', 'izvestiya', 'pravda', 'vedomosti', 'kurier', 'kuryer', 'obozrenie', 'today',
]);

/** Last words of names of events, prizes, laws and the like, which are neither people, places nor organizations. */
export const MISC_HEADS: ReadonlySet<string> = new Set([
  'open', 'games', 'olympics', 'prix', 'award', 'awards', 'prize', 'war', 'day', 'act', 'code',
  'treaty', 'accord', 'accords', 'declaration', 'festival', 'week', 'year', 'era', 'revolution', 'operation', 'crisis', 'index', 'law',
  'tournament', 'trophy', 'operation', 'series', 'classic', 'marathon', 'rally', 'tour', 'ramadan', 'eid', 'christmas', 'easter', 'navruz', 'nowruz',
]);

/** All-caps words that are not organizations ("TV", "GDP", "OK"). */
export const NOT_ACRONYM_NAMES: ReadonlySet<string> = new Set([
  'tv', 'gdp', 'ok', 'am', 'pm', 'ceo', 'cfo', 'id', 'hiv', 'aids', 'covid', 'sms', 'pdf', 'usb', 'dna', 'vat', 'i', 'ii', 'iii', 'iv',
  'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'ad', 'bc', 'gmt', 'utc', 'mw', 'kg', 'km', 'nb', 'ps', 'vs', 'q1', 'q2', 'q3', 'q4', 'us', 'it',
]);

/** First words that make a name an organization ("Ministry of Internal Affairs", "Embassy of Tajikistan"). */
export const ORGANIZATION_OPENERS: ReadonlySet<string> = new Set([
  'ministry', 'embassy', 'consulate', 'court', 'committee', 'council', 'office', 'department', 'directorate', 'union', 'university',
  'institute', 'bank', 'federation', 'association', 'organization', 'organisation', 'agency', 'service', 'commission', 'air', 'migrant',
  'national', 'presidency', 'international', 'fc', 'ac', 'fk', 'sc',
]);

/** Last words that make a name a place ("Amur oblast", "Primorsky Krai"). */
export const LOCATION_HEADS: ReadonlySet<string> = new Set([
  'oblast', 'region', 'krai', 'kray', 'republic', 'district', 'province', 'okrug', 'territory', 'city', 'town', 'village',
  'street', 'avenue', 'prospekt', 'square', 'airport', 'river', 'lake', 'mountains', 'valley', 'crossing', 'station', 'raion',
  'highway', 'park', 'bridge', 'embankment', 'island', 'market', 'bazaar', 'county', 'cathedral', 'prospekt', 'stadium', 'arena', 'mosque',
]);

/** Nouns for a kind of place: before a name or its "of" ("the village of Vorukh"), or in apposition to it ("Lampedusa, the island closest to Africa"). */
export const PLACE_NOUNS: ReadonlySet<string> = new Set([
  'city', 'town', 'village', 'region', 'district', 'capital', 'port', 'settlement', 'suburb', 'island', 'islet', 'exclave', 'enclave',
  'province', 'prefecture', 'municipality', 'neighbourhood', 'neighborhood', 'resort', 'hamlet', 'commune', 'canton', 'borough',
  'township', 'governorate', 'oblast', 'peninsula', 'archipelago', 'outskirts', 'quarter', 'field', 'monument', 'square', 'valley', 'street',
]);

/** Words that, placed just before a name, make it a place ("city of Kaluga", "in Kaluga"). */
export const LOCATION_CUES: ReadonlySet<string> = new Set(['in', 'near', 'outside', 'across', ...PLACE_NOUNS]);

/** Lowercase nouns after a name that make it a place, without joining it: "Tolmachevo airport", "the Kupchino district", "Zhaisan and Kairak crossings". */
export const LOCATION_AFTER: ReadonlySet<string> = new Set([
  'airport', 'market', 'bazaar', 'crossing', 'checkpoint', 'border', 'dam', 'deposit', 'mine', 'mosque', 'metro', 'reservoir', 'river',
  'lake', 'canal', 'island', 'park', 'stadium', 'prison', 'port', 'district', 'raion', 'neighbourhood', 'neighborhood', 'suburb',
  'republic', 'village', 'gorge', 'pass', 'coast', 'peninsula', 'estuary', 'oasis', 'station',
]);

/**
 * Nouns for a kind of organization: right before a name ("the delivery service Samokat", "lender
 * Mediobanca", "rivals Fenerbahce") or heading an apposition to it ("Rosseti, the grid operator").
 */
export const ORGANIZATION_CUES: ReadonlySet<string> = new Set([
  'company', 'firm', 'bank', 'lender', 'operator', 'platform', 'service', 'site', 'website', 'portal', 'app', 'developer', 'charity',
  'group', 'agency', 'start-up', 'startup', 'consultancy', 'association', 'organisation', 'organization', 'party', 'movement', 'network',
  'retailer', 'carrier', 'airline', 'manufacturer', 'maker', 'carmaker', 'automaker', 'insurer', 'broker', 'fund', 'watchdog', 'regulator',
  'newspaper', 'outlet', 'broadcaster', 'daily', 'tabloid', 'publisher', 'magazine', 'club', 'union', 'giant', 'conglomerate', 'chain',
  'marketplace', 'foundation', 'ngo', 'federation', 'institute', 'channel', 'producer', 'miner', 'exporter', 'investor', 'contractor',
  'subsidiary', 'supplier', 'provider', 'distributor', 'brand', 'bloc', 'coalition', 'alliance', 'faction', 'outfit', 'collective',
  'initiative', 'pollster', 'side', 'rivals', 'champions', 'nonprofit', 'non-profit', 'corporation', 'cooperative', 'lobby', 'utility',
  'builder', 'monopoly', 'think-tank', 'tank', 'chamber', 'employer', 'trust', 'confederation', 'syndicate', 'authority',
]);

/**
 * Lowercase nouns after a name that make it an organization: "Eni shares", "his YouTube channel",
 * "the Itar-Tass news agency", "the Avito and Cian platforms". The kinds of organization count,
 * but not those a team or a town is as often named by ("rivals", "side", "group", "trust").
 */
export const ORGANIZATION_AFTER: ReadonlySet<string> = new Set([
  ...[...ORGANIZATION_CUES].filter((word) => !['side', 'rivals', 'champions', 'group', 'tank', 'trust', 'chamber', 'authority', 'lobby'].includes(word)),
  'share', 'shareholder', 'subsidiary', 'headquarters', 'regiment', 'brigade', 'battalion', 'militia', 'diocese', 'franchise',
]);

/** Capitalized words that are never names on their own: months, days, pronouns, section words. */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'i', 'mr', 'mrs', 'ms', 'dr', 'the', 'a', 'an',
  'he', 'she', 'it', 'we', 'they', 'this', 'that', 'these', 'those', 'there', 'here', 'in', 'on', 'at', 'for', 'but', 'and',
]);

/** Surname endings common in Russian and Central Asian names ("Chupik" has none; first names cover it). */
export const SURNAME_ENDINGS: readonly string[] = [
  'ov', 'ova', 'ev', 'eva', 'yev', 'yeva', 'in', 'ina', 'sky', 'skaya', 'skiy', 'enko', 'zoda', 'zade', 'uly', 'kyzy', 'ovich',
  'evich', 'ovna', 'evna', 'yan', 'dze', 'shvili', 'bekov', 'bekova', 'iev', 'ieva',
];

/** First words that make a name a place ("County Galway", "Lake Baikal", "Mount Elbrus"). */
export const LOCATION_OPENERS: ReadonlySet<string> = new Set(['county', 'lake', 'mount', 'cape', 'gulf', 'bay', 'port', 'fort']);
