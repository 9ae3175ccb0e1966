/**
 * First names common in Russian, Central Asian and international coverage, and the words that
 * mark a name as a person's, an organization's or a place's. All lowercase.
 */
export const FIRST_NAMES: ReadonlySet<string> = new Set([
  // Russian, Ukrainian, Belarusian
  'aleksandr', 'alexander', 'alexandra', 'aleksei', 'alexei', 'alexey', 'alla', 'anastasia', 'anatoly', 'andrei', 'andrey', 'anna', 'anton',
  'arkady', 'artem', 'artyom', 'boris', 'daria', 'darya', 'denis', 'dmitri', 'dmitry', 'ekaterina', 'elena', 'elizaveta', 'evgeny',
  'fyodor', 'galina', 'gennady', 'georgy', 'grigory', 'igor', 'ilya', 'inna', 'irina', 'ivan', 'kirill', 'konstantin', 'ksenia',
  'larisa', 'leonid', 'lev', 'lidia', 'lyudmila', 'marina', 'maria', 'mariya', 'maxim', 'mikhail', 'nadezhda', 'natalia', 'natalya',
  'nikita', 'nikolai', 'nikolay', 'oksana', 'oleg', 'olga', 'pavel', 'pyotr', 'roman', 'ruslan', 'sergei', 'sergey', 'stanislav',
  'svetlana', 'tatiana', 'tatyana', 'timur', 'valentina', 'valentin', 'valery', 'vasily', 'vera', 'viktor', 'victor', 'vitaly',
  'vladimir', 'vladislav', 'vyacheslav', 'yana', 'yekaterina', 'yelena', 'yevgeny', 'yulia', 'yuri', 'yury', 'zinaida', 'ramzan',
  'sergey', 'alisa', 'polina', 'sofia', 'veronika', 'yaroslav', 'gleb', 'egor', 'yegor', 'matvei', 'semyon', 'zakhar',
  // Tajik
  'emomali', 'rustam', 'farrukh', 'firuz', 'dilshod', 'jamshed', 'jamshid', 'umed', 'umedjon', 'sherzod', 'shamsiddin', 'saidjon',
  'faridun', 'bakhtiyor', 'bakhrom', 'davlatali', 'khurshed', 'manuchehr', 'mirzo', 'nasim', 'parviz', 'rahmon', 'sukhrob',
  'zafar', 'zarina', 'nigina', 'malika', 'mehrangez', 'gulnora', 'nargis', 'shahlo', 'farzona', 'sitora', 'muhammadjon', 'abdullo',
  'dalerdzhon', 'daler', 'saidakram', 'muhammadsobir', 'rachabalizoda', 'shakhromi', 'amirkhon', 'ismoil', 'komron', 'firdavs',
  // Uzbek
  'shavkat', 'akmal', 'aziz', 'bobur', 'dilnoza', 'jasur', 'nodir', 'otabek', 'sardor', 'shukhrat', 'ulugbek', 'kamola', 'gulnara',
  'feruza', 'dilorom', 'laziz', 'alisher', 'odil', 'ravshan', 'sanjar', 'botir', 'islom',
  // Kyrgyz, Kazakh
  'sadyr', 'almazbek', 'aibek', 'azamat', 'bakyt', 'daniyar', 'erlan', 'kanat', 'nurlan', 'askar', 'aizada', 'aigul', 'ainura',
  'asel', 'cholpon', 'kasym-jomart', 'kassym-jomart', 'nursultan', 'talant', 'tilek', 'zhyldyz', 'bermet', 'meerim', 'kubanychbek',
  // Caucasus and others
  'ilham', 'nikol', 'irakli', 'magomed', 'akhmed', 'ahmed', 'ali', 'murad', 'kamila', 'leila', 'madina',
  // International
  'john', 'james', 'michael', 'david', 'peter', 'paul', 'mark', 'thomas', 'william', 'robert', 'richard', 'mary', 'sarah', 'emma',
  'anne', 'laura', 'julia', 'jean', 'marie', 'antonio', 'volker', 'filippo', 'ursula', 'josep', 'emmanuel', 'olaf', 'recep',
]);

/** Titles and roles that precede a name ("Prosecutor-General Igor Krasnov"): stripped, and the name is a person. */
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  'president', 'prime', 'premier', 'minister', 'prosecutor', 'prosecutor-general', 'general', 'governor', 'mayor', 'deputy', 'senator',
  'spokesman', 'spokeswoman', 'spokesperson', 'activist', 'lawyer', 'attorney', 'judge', 'chairman', 'chairwoman', 'chair', 'head',
  'chief', 'director', 'colonel', 'major', 'lieutenant', 'captain', 'sergeant', 'officer', 'imam', 'mufti', 'ambassador', 'consul',
  'dr', 'dr.', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'patriarch', 'lawmaker', 'mp', 'speaker', 'commissioner', 'ombudsman',
  'ombudswoman', 'researcher', 'professor', 'journalist', 'reporter', 'correspondent', 'editor', 'leader', 'secretary', 'envoy',
]);

/** Words that, said of a following name, make it a person ("activist Valentina Chupik", "said Petrov"). */
export const PERSON_CUES: ReadonlySet<string> = new Set([
  ...PERSON_TITLES, 'said', 'says', 'told', 'according', 'driver', 'worker', 'migrant', 'resident', 'vendor', 'owner', 'victim',
  'witness', 'student', 'mother', 'father', 'son', 'daughter', 'wife', 'husband', 'brother', 'sister', 'named',
]);

/** Last words that make a name an organization ("Tajik Embassy", "Investigative Committee"). */
export const ORGANIZATION_HEADS: ReadonlySet<string> = new Set([
  'embassy', 'consulate', 'ministry', 'court', 'service', 'committee', 'hall', 'guard', 'office', 'council', 'agency',
  'department', 'directorate', 'university', 'party', 'duma', 'centre', 'center', 'union', 'foundation', 'institute', 'bank',
  'police', 'commission', 'administration', 'government', 'church', 'mosque', 'group', 'company', 'corporation', 'airlines',
  'news', 'times', 'post', 'herald', 'monitor', 'wire', 'gazette', 'gazeta', 'radio', 'tv', 'network', 'association', 'society',
  'federation', 'organization', 'organisation', 'movement', 'front', 'army', 'forces', 'inspectorate', 'prosecutor’s', 'school',
  'college', 'academy', 'hospital', 'fund', 'board', 'bureau', 'parliament', 'assembly', 'legislature',
]);

/** First words that make a name an organization ("Ministry of Internal Affairs", "Embassy of Tajikistan"). */
export const ORGANIZATION_OPENERS: ReadonlySet<string> = new Set([
  'ministry', 'embassy', 'consulate', 'court', 'committee', 'council', 'office', 'department', 'directorate', 'union', 'university',
  'institute', 'bank', 'federation', 'association', 'organization', 'organisation', 'agency', 'service', 'commission',
]);

/** Last words that make a name a place ("Amur oblast", "Primorsky Krai"). */
export const LOCATION_HEADS: ReadonlySet<string> = new Set([
  'oblast', 'region', 'krai', 'kray', 'republic', 'district', 'province', 'okrug', 'territory', 'city', 'town', 'village',
  'street', 'avenue', 'prospekt', 'square', 'airport', 'river', 'lake', 'mountains', 'valley', 'crossing', 'station', 'raion',
  'highway', 'park', 'bridge', 'embankment', 'island', 'market', 'bazaar',
]);

/** Words that, placed just before a name, make it a place ("city of Kaluga", "in Kaluga"). */
export const LOCATION_CUES: ReadonlySet<string> = new Set(['in', 'near', 'outside', 'across', 'city', 'town', 'village', 'region', 'district', 'capital', 'port', 'settlement', 'suburb']);

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
