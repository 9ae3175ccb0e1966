/**
 * Places named in coverage of migration in Russia and Central Asia, by hand: what the world lists
 * (./world.ts) lack or spell otherwise. Keys are written as they appear in text; lookups are
 * case-insensitive. The first spelling of each row is the canonical name.
 */

/**
 * Countries, one per line: `code|name|aliases|demonyms` (`;`-separated). The code is the ISO 3166
 * code the world list files the country under (its names join the aliases); the name is the
 * canonical spelling; demonyms type "Tajik Embassy" and, on their own, are group words, not entities.
 */
const COUNTRY_TABLE = `
RU|Russia|Russian Federation;RF;Rossiya|Russian;Russians
TJ|Tajikistan|Tadzhikistan;Tadjikistan;Republic of Tajikistan|Tajik;Tadzhik;Tadjik;Tajikistani;Tajiks
UZ|Uzbekistan|Republic of Uzbekistan|Uzbek;Uzbekistani;Uzbeks
KG|Kyrgyzstan|Kirgizia;Kirghizia;Kyrgyz Republic;Kirgizstan|Kyrgyz;Kirghiz;Kirgiz;Kyrgyzstani
KZ|Kazakhstan|Kazakstan;Qazaqstan;Republic of Kazakhstan|Kazakh;Kazakhstani;Kazak
TM|Turkmenistan||Turkmen
AF|Afghanistan||Afghan;Afghans
AM|Armenia|Republic of Armenia|Armenian
AZ|Azerbaijan|Republic of Azerbaijan|Azerbaijani;Azeri
GE|Georgia||Georgian
BY|Belarus|Byelorussia;Belorussia;Republic of Belarus|Belarusian;Belarussian;Byelorussian
UA|Ukraine|the Ukraine|Ukrainian
MD|Moldova|Moldavia;Republic of Moldova|Moldovan
MN|Mongolia||Mongolian
CN|China|People's Republic of China;PRC|Chinese
JP|Japan||Japanese
KR|South Korea|Republic of Korea|South Korean;Korean
KP|North Korea|DPRK|North Korean
TW|Taiwan||Taiwanese
VN|Vietnam|Viet Nam|Vietnamese
TH|Thailand||Thai
MY|Malaysia||Malaysian
SG|Singapore||Singaporean
BN|Brunei|Brunei Darussalam|Bruneian
ID|Indonesia||Indonesian
PH|Philippines||Filipino;Philippine
KH|Cambodia||Cambodian
LA|Laos||Laotian
MM|Myanmar|Burma|Burmese
BD|Bangladesh||Bangladeshi
PK|Pakistan||Pakistani
IN|India||Indian
LK|Sri Lanka||Sri Lankan
NP|Nepal||Nepalese;Nepali
IR|Iran||Iranian
IQ|Iraq||Iraqi
SY|Syria||Syrian
LB|Lebanon||Lebanese
JO|Jordan||Jordanian
IL|Israel||Israeli
PS|Palestine|Palestinian territories|Palestinian
SA|Saudi Arabia||Saudi
YE|Yemen||Yemeni
OM|Oman||Omani
AE|United Arab Emirates|UAE|Emirati
QA|Qatar||Qatari
KW|Kuwait||Kuwaiti
BH|Bahrain||Bahraini
TR|Turkey|Türkiye;Turkiye|Turkish;Turk
CY|Cyprus||Cypriot
EG|Egypt||Egyptian
LY|Libya||Libyan
TN|Tunisia||Tunisian
DZ|Algeria||Algerian
MA|Morocco||Moroccan
SD|Sudan||Sudanese
ET|Ethiopia||Ethiopian
ER|Eritrea||Eritrean
SO|Somalia||Somali
KE|Kenya||Kenyan
UG|Uganda||Ugandan
TZ|Tanzania||Tanzanian
RW|Rwanda||Rwandan
BI|Burundi||Burundian
NG|Nigeria||Nigerian
GH|Ghana||Ghanaian
SN|Senegal||Senegalese
CI|Ivory Coast|Cote d'Ivoire|Ivorian
CM|Cameroon||Cameroonian
CD|Congo|Democratic Republic of Congo;DRC;Zaire|Congolese
AO|Angola||Angolan
ZM|Zambia||Zambian
ZW|Zimbabwe||Zimbabwean
MZ|Mozambique||Mozambican
ZA|South Africa||South African
NA|Namibia||Namibian
MG|Madagascar||Malagasy
ML|Mali||Malian
TD|Chad||Chadian
LR|Liberia||Liberian
SL|Sierra Leone||Sierra Leonean
GN|Guinea||Guinean
DE|Germany||German;Germans
FR|France||French
BE|Belgium||Belgian
NL|Netherlands|Holland;The Netherlands|Dutch
CH|Switzerland||Swiss
AT|Austria||Austrian
IT|Italy||Italian
ES|Spain||Spanish;Spaniard
PT|Portugal||Portuguese
GB|United Kingdom|UK;Britain;Great Britain;U.K.|British;Briton
GB-ENG|England||English
GB-SCT|Scotland||Scottish;Scot
GB-WLS|Wales||Welsh
IE|Ireland|Irish Republic|Irish
GB-NIR|Northern Ireland||
IS|Iceland||Icelandic
NO|Norway||Norwegian
SE|Sweden||Swedish;Swede
FI|Finland||Finnish;Finn
DK|Denmark||Danish;Dane
EE|Estonia||Estonian
LV|Latvia||Latvian
LT|Lithuania||Lithuanian
PL|Poland||Polish;Pole
CZ|Czech Republic|Czechia|Czech
SK|Slovakia||Slovak
HU|Hungary||Hungarian
RO|Romania||Romanian
BG|Bulgaria||Bulgarian
RS|Serbia||Serbian;Serb
HR|Croatia||Croatian;Croat
BA|Bosnia|Bosnia and Herzegovina;Bosnia-Herzegovina|Bosnian
SI|Slovenia||Slovenian;Slovene
ME|Montenegro||Montenegrin
MK|North Macedonia|Macedonia|Macedonian
AL|Albania||Albanian
XK|Kosovo||Kosovar
GR|Greece||Greek
MT|Malta||Maltese
VA|Vatican City|Vatican|
US|United States|US;U.S.;USA;U.S.A.;United States of America;America|American
CA|Canada||Canadian
MX|Mexico||Mexican
CU|Cuba||Cuban
HT|Haiti||Haitian
DO|Dominican Republic||Dominican
JM|Jamaica||Jamaican
GT|Guatemala||Guatemalan
HN|Honduras||Honduran
SV|El Salvador||Salvadoran
NI|Nicaragua||Nicaraguan
CR|Costa Rica||Costa Rican
PA|Panama||Panamanian
CO|Colombia||Colombian
VE|Venezuela||Venezuelan
EC|Ecuador||Ecuadorian
PE|Peru||Peruvian
BO|Bolivia||Bolivian
CL|Chile||Chilean
AR|Argentina||Argentine;Argentinian
UY|Uruguay||Uruguayan
PY|Paraguay||Paraguayan
BR|Brazil||Brazilian
AU|Australia||Australian
NZ|New Zealand||New Zealander
FJ|Fiji||Fijian
`;

/** A country with its aliases and demonyms. */
export interface Country {
  /** ISO 3166-1 code (ISO 3166-2 for the nations of the United Kingdom). */
  code: string;
  name: string;
  aliases: readonly string[];
  demonyms: readonly string[];
}

/** Countries with their aliases and demonyms. */
export const COUNTRIES: readonly Country[] = COUNTRY_TABLE.split('\n')
  .filter(Boolean)
  .map((line) => {
    const [code = '', name = '', aliases = '', demonyms = ''] = line.split('|');
    return { code, name, aliases: aliases.split(';').filter(Boolean), demonyms: demonyms.split(';').filter(Boolean) };
  });

/**
 * Places without spelling variants, comma-separated: world regions, and towns, districts and regions
 * the world lists lack, spell otherwise ("Kiev", "Bombay", "Izmir") or leave out as a common word
 * or a first name ("Nice", "Perm", "Vladimir", "Sofia").
 */
const PLACE_LIST = `
Europe,Asia,Africa,North America,South America,Latin America,Middle East,Near East,Far East,Gulf,Persian Gulf,Balkans,Caucasus,North Caucasus,Scandinavia,Baltic,Baltics,Mediterranean,Pacific,Atlantic,Arctic,Antarctica,Eurasia,Western Europe,Eastern Europe,Central Europe,Southeast Asia,South Asia,East Asia,West Africa,East Africa,North Africa,Caribbean,Kashmir,South Ossetia,Donbas,Donbass,Lugansk,Kharkov,Avdiivka
Sofia,The Hague,Antwerp,Reykjavik,Izmir,Venice,Bologna,Seville,Malaga,Nice,Frankfurt,Cologne,Dusseldorf,Nuremberg,Gdansk,Krakow,Wroclaw,Poznan,Lodz
Montreal,Bogota,Brasilia,Sao Paulo,Panama City
Shanghai,Urumqi,Naypyidaw,Bombay,Calcutta,Bangalore,Mazar-i-Sharif,Mecca,Muscat,Abu Dhabi,Wellington
Khiva,Termez,Kokand,Chui,Khorog,Penjikent,Rasht Valley,Turkmenabat
Togliatti,Astrakhan,Ulan-Ude,Orel,Korolyov,Salavat,Maikop,Sergiev Posad,Shchyolkovo,Magas,Gorno-Altaisk
Vladimir Oblast,Chelyabinsk Oblast,Kemerovo Oblast,Rostov Oblast,Murmansk Oblast,Arkhangelsk Oblast,Ulyanovsk Oblast,Oryol Oblast,Khabarovsk Krai,Stavropol Krai,Zabaikalsky Krai,Kamchatka Krai,Ingushetia,Kabardino-Balkaria,Karachay-Cherkessia,Adygea,Kalmykia,Mordovia,Chuvashia,Mari El,Udmurtia,Yakutia,Buryatia,Tuva,Khakassia,Yamal,Yugra,Khanty-Mansi,Volga,Volga region
Sadovod,Lublino,Maryino,Khovrino,Kremlin
Ionian Sea,Black Sea,North Sea,Baltic Sea,Sahara,Maghreb,Horn of Africa,Sinai,Darfur,Bosphorus,Tien Shan,Pamir,Pamirs,Bekaa Valley
Lesbos,Lesvos,Samos,Chios,Kos,Leros,Moria,Lampedusa,Rhodes,Corfu,Santorini,Mykonos,Canaries,Evros,Darien Gap,Calais,Dunkirk,Ventimiglia,Old Bailey
`;

/** Regions, cities, districts, crossings and airports. */
export const LOCATIONS: readonly (readonly string[])[] = [
  ['Central Asia'],
  ['St. Petersburg', 'Saint Petersburg', 'St Petersburg', 'Petersburg', 'Sankt-Peterburg'],
  ['Moscow Oblast', 'Moscow region', 'Moscow Region', 'Podmoskovye'],
  ['Leningrad Oblast', 'Leningrad region', 'Leningrad Region'],
  ['Amur Oblast', 'Amur region', 'Amur Region'],
  ['Kaluga Oblast', 'Kaluga region', 'Kaluga Region'],
  ['Sverdlovsk Oblast', 'Sverdlovsk region', 'Sverdlovsk Region'],
  ['Samara Oblast', 'Samara region', 'Samara Region'],
  ['Nizhny Novgorod Oblast', 'Nizhny Novgorod region', 'Nizhny Novgorod Region'],
  ['Novosibirsk Oblast', 'Novosibirsk region'],
  ['Kaliningrad Oblast', 'Kaliningrad region'],
  ['Krasnodar Krai', 'Krasnodar region', 'Kuban'],
  ['Primorsky Krai', 'Primorye'],
  ['Tatarstan', 'Republic of Tatarstan'],
  ['Bashkortostan', 'Bashkiria'],
  ['North Ossetia'],
  ['Siberia'],
  ['Urals', 'the Urals'],
  ['Yekaterinburg', 'Ekaterinburg'],
  ['Vladimir'],
  ['Perm'],
  ['Rostov-on-Don', 'Rostov'],
  ['Vnukovo', 'Vnukovo airport', 'Vnukovo Airport'],
  ['Sheremetyevo', 'Sheremetyevo airport', 'Sheremetyevo Airport'],
  ['Domodedovo', 'Domodedovo airport', 'Domodedovo Airport'],
  ['Pulkovo', 'Pulkovo airport', 'Pulkovo Airport'],
  ['Upper Lars', 'Verkhny Lars'],
  ['Kulob', 'Kulyab'],
  ['Bokhtar', 'Kurgan-Tyube'],
  ['Khatlon', 'Khatlon region'],
  ['Sughd', 'Sughd region'],
  ['Badakhshan', 'Gorno-Badakhshan'],
  ['Jalal-Abad'],
  ['Fergana', 'Ferghana', 'Fergana Valley'],
  ['Almaty', 'Alma-Ata'],
  ['Astana', 'Nur-Sultan'],
  ['Kyiv', 'Kiev'],
  ['English Channel', 'Channel'],
  ['Mediterranean', 'Mediterranean Sea'],
  ['Aegean', 'Aegean Sea'],
  ['Adriatic', 'Adriatic Sea'],
  ['Caspian', 'Caspian Sea'],
  // Venues are places, as coders type them.
  ['Crocus City Hall', 'Krokus City Hall', 'Crocus', 'Krokus', 'Crocus City'],
  ['Moscow Cathedral Mosque', 'Cathedral Mosque'],
  ['Red Square'],
  ['Tverskaya Street'],
  // Listed last: a row above with spelling variants sets the canonical name first.
  ...PLACE_LIST.split(/,|\n/).map((place) => place.trim()).filter(Boolean).map((place) => [place]),
];
