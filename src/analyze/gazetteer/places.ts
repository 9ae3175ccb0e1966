/**
 * Places named in coverage of migration in Russia and Central Asia. Keys are written as they appear
 * in text; lookups are case-insensitive. The first spelling of each row is the canonical name.
 */

/**
 * Countries, one per line: `name|aliases|demonyms` (`;`-separated). The name is the canonical
 * spelling; demonyms type "Tajik Embassy" and, on their own, are group words, not entities.
 */
const COUNTRY_TABLE = `
Russia|Russian Federation;RF;Rossiya|Russian;Russians
Tajikistan|Tadzhikistan;Tadjikistan|Tajik;Tadzhik;Tadjik;Tajikistani;Tajiks
Uzbekistan||Uzbek;Uzbekistani;Uzbeks
Kyrgyzstan|Kirgizia;Kirghizia;Kyrgyz Republic;Kirgizstan|Kyrgyz;Kirghiz;Kirgiz;Kyrgyzstani
Kazakhstan|Kazakstan|Kazakh;Kazakhstani;Kazak
Turkmenistan||Turkmen
Afghanistan||Afghan;Afghans
Armenia||Armenian
Azerbaijan||Azerbaijani;Azeri
Georgia||Georgian
Belarus|Byelorussia;Belorussia|Belarusian;Belarussian;Byelorussian
Ukraine|the Ukraine|Ukrainian
Moldova|Moldavia|Moldovan
Mongolia||Mongolian
China|People's Republic of China;PRC|Chinese
Japan||Japanese
South Korea|Republic of Korea|South Korean;Korean
North Korea|DPRK|North Korean
Taiwan||Taiwanese
Hong Kong||
Vietnam|Viet Nam|Vietnamese
Thailand||Thai
Malaysia||Malaysian
Singapore||Singaporean
Indonesia||Indonesian
Philippines||Filipino;Philippine
Cambodia||Cambodian
Laos||Laotian
Myanmar|Burma|Burmese
Bangladesh||Bangladeshi
Pakistan||Pakistani
India||Indian
Sri Lanka||Sri Lankan
Nepal||Nepalese;Nepali
Iran||Iranian
Iraq||Iraqi
Syria||Syrian
Lebanon||Lebanese
Jordan||Jordanian
Israel||Israeli
Palestine|Palestinian territories|Palestinian
Saudi Arabia||Saudi
Yemen||Yemeni
Oman||Omani
United Arab Emirates|UAE|Emirati
Qatar||Qatari
Kuwait||Kuwaiti
Bahrain||Bahraini
Turkey|Türkiye;Turkiye|Turkish;Turk
Cyprus||Cypriot
Egypt||Egyptian
Libya||Libyan
Tunisia||Tunisian
Algeria||Algerian
Morocco||Moroccan
Sudan||Sudanese
Ethiopia||Ethiopian
Eritrea||Eritrean
Somalia||Somali
Kenya||Kenyan
Uganda||Ugandan
Tanzania||Tanzanian
Rwanda||Rwandan
Burundi||Burundian
Nigeria||Nigerian
Ghana||Ghanaian
Senegal||Senegalese
Ivory Coast|Cote d'Ivoire|Ivorian
Cameroon||Cameroonian
Congo|Democratic Republic of Congo;DRC;Zaire|Congolese
Angola||Angolan
Zambia||Zambian
Zimbabwe||Zimbabwean
Mozambique||Mozambican
South Africa||South African
Namibia||Namibian
Botswana||
Madagascar||Malagasy
Mali||Malian
Niger||
Chad||Chadian
Liberia||Liberian
Sierra Leone||Sierra Leonean
Guinea||Guinean
Germany||German;Germans
France||French
Belgium||Belgian
Netherlands|Holland;The Netherlands|Dutch
Luxembourg||
Switzerland||Swiss
Austria||Austrian
Italy||Italian
Spain||Spanish;Spaniard
Portugal||Portuguese
United Kingdom|UK;Britain;Great Britain;U.K.|British;Briton
England||English
Scotland||Scottish;Scot
Wales||Welsh
Ireland|Irish Republic|Irish
Northern Ireland||
Iceland||Icelandic
Norway||Norwegian
Sweden||Swedish;Swede
Finland||Finnish;Finn
Denmark||Danish;Dane
Estonia||Estonian
Latvia||Latvian
Lithuania||Lithuanian
Poland||Polish;Pole
Czech Republic|Czechia|Czech
Slovakia||Slovak
Hungary||Hungarian
Romania||Romanian
Bulgaria||Bulgarian
Serbia||Serbian;Serb
Croatia||Croatian;Croat
Bosnia|Bosnia and Herzegovina;Bosnia-Herzegovina|Bosnian
Slovenia||Slovenian;Slovene
Montenegro||Montenegrin
North Macedonia|Macedonia|Macedonian
Albania||Albanian
Kosovo||Kosovar
Greece||Greek
Malta||Maltese
United States|US;U.S.;USA;U.S.A.;United States of America;America|American
Canada||Canadian
Mexico||Mexican
Cuba||Cuban
Haiti||Haitian
Dominican Republic||Dominican
Jamaica||Jamaican
Guatemala||Guatemalan
Honduras||Honduran
El Salvador||Salvadoran
Nicaragua||Nicaraguan
Costa Rica||Costa Rican
Panama||Panamanian
Colombia||Colombian
Venezuela||Venezuelan
Ecuador||Ecuadorian
Peru||Peruvian
Bolivia||Bolivian
Chile||Chilean
Argentina||Argentine;Argentinian
Uruguay||Uruguayan
Paraguay||Paraguayan
Brazil||Brazilian
Australia||Australian
New Zealand||New Zealander
Fiji||Fijian
`;

/** Countries with their aliases and demonyms. */
export const COUNTRIES: readonly { name: string; aliases: readonly string[]; demonyms: readonly string[] }[] = COUNTRY_TABLE.split('\n')
  .filter(Boolean)
  .map((line) => {
    const [name = '', aliases = '', demonyms = ''] = line.split('|');
    return { name, aliases: aliases.split(';').filter(Boolean), demonyms: demonyms.split(';').filter(Boolean) };
  });

/**
 * Places without spelling variants: world regions, capitals and large cities, Central Asian and
 * Russian cities, regions and republics, comma-separated.
 */
const PLACE_LIST = `
Europe,Asia,Africa,North America,South America,Latin America,Middle East,Near East,Far East,Gulf,Persian Gulf,Balkans,Caucasus,North Caucasus,Scandinavia,Baltic,Baltics,Mediterranean,Pacific,Atlantic,Arctic,Antarctica,Eurasia,Western Europe,Eastern Europe,Central Europe,Southeast Asia,South Asia,East Asia,West Africa,East Africa,North Africa,Sahel,Caribbean,Gaza,Gaza Strip,West Bank,Kashmir,Tibet,Xinjiang,Kurdistan,Transnistria,Abkhazia,South Ossetia,Donbas,Donbass,Donetsk,Luhansk,Lugansk,Kherson,Zaporizhzhia,Kharkiv,Kharkov,Odesa,Odessa,Lviv,Dnipro,Mariupol,Bakhmut,Avdiivka
London,Paris,Berlin,Madrid,Rome,Vienna,Warsaw,Prague,Budapest,Bucharest,Sofia,Belgrade,Zagreb,Ljubljana,Sarajevo,Skopje,Tirana,Athens,Lisbon,Dublin,Edinburgh,Amsterdam,The Hague,Rotterdam,Brussels,Antwerp,Luxembourg,Bern,Zurich,Geneva,Basel,Lausanne,Copenhagen,Stockholm,Oslo,Helsinki,Reykjavik,Tallinn,Riga,Vilnius,Minsk,Kyiv,Kiev,Chisinau,Tbilisi,Yerevan,Baku,Ankara,Istanbul,Izmir,Antalya,Nicosia,Valletta,Monaco,Milan,Naples,Turin,Florence,Venice,Genoa,Bologna,Palermo,Barcelona,Valencia,Seville,Bilbao,Malaga,Porto,Marseille,Lyon,Nice,Toulouse,Bordeaux,Lille,Strasbourg,Nantes,Munich,Hamburg,Frankfurt,Cologne,Stuttgart,Dusseldorf,Düsseldorf,Dortmund,Leipzig,Dresden,Bremen,Hanover,Nuremberg,Bonn,Manchester,Liverpool,Birmingham,Leeds,Glasgow,Belfast,Cardiff,Bristol,Newcastle,Sheffield,Nottingham,Leicester,Southampton,Gdansk,Krakow,Wroclaw,Poznan,Lodz,Bratislava,Brno
Washington,New York,Los Angeles,Chicago,Houston,Boston,San Francisco,Miami,Atlanta,Dallas,Philadelphia,Seattle,Detroit,Denver,Las Vegas,New Orleans,Ottawa,Toronto,Montreal,Vancouver,Mexico City,Havana,Bogota,Caracas,Lima,Quito,Santiago,Buenos Aires,Montevideo,Asuncion,La Paz,Brasilia,Rio de Janeiro,Sao Paulo,São Paulo,Panama City,San Jose,Managua,Guatemala City,Tegucigalpa,San Salvador,Kingston,Port-au-Prince,Santo Domingo
Beijing,Shanghai,Hong Kong,Guangzhou,Shenzhen,Urumqi,Harbin,Tokyo,Osaka,Seoul,Pyongyang,Taipei,Hanoi,Ho Chi Minh City,Bangkok,Kuala Lumpur,Singapore,Jakarta,Manila,Phnom Penh,Vientiane,Yangon,Naypyidaw,Dhaka,Kathmandu,New Delhi,Delhi,Mumbai,Bombay,Kolkata,Calcutta,Chennai,Bangalore,Islamabad,Karachi,Lahore,Peshawar,Kabul,Kandahar,Herat,Mazar-i-Sharif,Colombo,Tehran,Mashhad,Baghdad,Basra,Mosul,Erbil,Damascus,Aleppo,Beirut,Amman,Jerusalem,Tel Aviv,Riyadh,Jeddah,Mecca,Medina,Sanaa,Aden,Muscat,Abu Dhabi,Dubai,Doha,Kuwait City,Manama,Cairo,Alexandria,Tripoli,Benghazi,Tunis,Algiers,Rabat,Casablanca,Khartoum,Addis Ababa,Asmara,Mogadishu,Nairobi,Kampala,Dar es Salaam,Kigali,Lagos,Abuja,Accra,Dakar,Abidjan,Kinshasa,Luanda,Lusaka,Harare,Maputo,Pretoria,Johannesburg,Cape Town,Durban,Windhoek,Antananarivo,Bamako,Niamey,Monrovia,Freetown,Conakry,Canberra,Sydney,Melbourne,Brisbane,Perth,Auckland,Wellington
Ulaanbaatar,Astana,Nur-Sultan,Almaty,Alma-Ata,Shymkent,Karaganda,Aktobe,Atyrau,Aktau,Tashkent,Samarkand,Bukhara,Andijan,Namangan,Fergana,Ferghana,Fergana Valley,Karakalpakstan,Nukus,Khiva,Termez,Kokand,Bishkek,Osh,Jalal-Abad,Karakol,Naryn,Batken,Talas,Issyk-Kul,Chui,Dushanbe,Khujand,Kulob,Kulyab,Bokhtar,Kurgan-Tyube,Khatlon,Sughd,Badakhshan,Gorno-Badakhshan,Khorog,Vahdat,Istaravshan,Panjakent,Penjikent,Isfara,Hisor,Rasht Valley,Ashgabat,Turkmenabat
Moscow,St. Petersburg,Novosibirsk,Yekaterinburg,Ekaterinburg,Kazan,Nizhny Novgorod,Chelyabinsk,Samara,Omsk,Rostov-on-Don,Rostov,Ufa,Krasnoyarsk,Voronezh,Perm,Volgograd,Krasnodar,Saratov,Tyumen,Tolyatti,Togliatti,Izhevsk,Barnaul,Ulyanovsk,Irkutsk,Khabarovsk,Yaroslavl,Vladivostok,Makhachkala,Tomsk,Orenburg,Kemerovo,Novokuznetsk,Ryazan,Astrakhan,Naberezhnye Chelny,Penza,Kirov,Lipetsk,Cheboksary,Balashikha,Kaliningrad,Tula,Kursk,Stavropol,Sochi,Ulan-Ude,Tver,Magnitogorsk,Ivanovo,Bryansk,Belgorod,Surgut,Vladimir,Chita,Arkhangelsk,Nizhny Tagil,Simferopol,Sevastopol,Kaluga,Smolensk,Volzhsky,Kurgan,Cherepovets,Oryol,Orel,Vologda,Saransk,Vladikavkaz,Yakutsk,Murmansk,Podolsk,Tambov,Grozny,Sterlitamak,Petrozavodsk,Kostroma,Nizhnevartovsk,Novorossiysk,Yoshkar-Ola,Khimki,Taganrog,Komsomolsk-on-Amur,Syktyvkar,Nalchik,Shakhty,Dzerzhinsk,Orsk,Bratsk,Blagoveshchensk,Angarsk,Korolyov,Veliky Novgorod,Pskov,Mytishchi,Lyubertsy,Biysk,Prokopyevsk,Yuzhno-Sakhalinsk,Balakovo,Armavir,Rybinsk,Severodvinsk,Abakan,Petropavlovsk-Kamchatsky,Norilsk,Syzran,Volgodonsk,Kamensk-Uralsky,Ussuriysk,Novocherkassk,Zlatoust,Krasnogorsk,Elektrostal,Almetyevsk,Salavat,Miass,Kerch,Nakhodka,Pyatigorsk,Kopeysk,Khasavyurt,Rubtsovsk,Odintsovo,Kislovodsk,Berezniki,Nefteyugansk,Derbent,Maikop,Novomoskovsk,Kotelniki,Reutov,Dolgoprudny,Zheleznodorozhny,Zelenograd,Sergiev Posad,Noginsk,Shchyolkovo,Pushkino,Ramenskoye,Vidnoye,Domodedovo,Vnukovo,Sheremetyevo,Pulkovo,Zhukovsky,Naro-Fominsk,Solnechnogorsk,Klin,Dmitrov,Serpukhov,Kolomna,Obninsk,Novy Urengoy,Noyabrsk,Salekhard,Khanty-Mansiysk,Magadan,Anadyr,Birobidzhan,Elista,Cherkessk,Nazran,Magas,Gorno-Altaisk,Kyzyl,Ust-Ilimsk,Zelenodolsk,Yelabuga,Nizhnekamsk
Moscow Oblast,Leningrad Oblast,Amur Oblast,Kaluga Oblast,Sverdlovsk Oblast,Samara Oblast,Nizhny Novgorod Oblast,Novosibirsk Oblast,Kaliningrad Oblast,Tula Oblast,Tver Oblast,Ryazan Oblast,Vladimir Oblast,Yaroslavl Oblast,Chelyabinsk Oblast,Tyumen Oblast,Omsk Oblast,Tomsk Oblast,Irkutsk Oblast,Kemerovo Oblast,Orenburg Oblast,Saratov Oblast,Volgograd Oblast,Rostov Oblast,Voronezh Oblast,Belgorod Oblast,Kursk Oblast,Bryansk Oblast,Smolensk Oblast,Murmansk Oblast,Arkhangelsk Oblast,Astrakhan Oblast,Penza Oblast,Ulyanovsk Oblast,Kirov Oblast,Kostroma Oblast,Ivanovo Oblast,Lipetsk Oblast,Tambov Oblast,Oryol Oblast,Pskov Oblast,Novgorod Oblast,Vologda Oblast,Kurgan Oblast,Magadan Oblast,Sakhalin Oblast,Sakhalin,Krasnodar Krai,Krasnoyarsk Krai,Primorsky Krai,Primorye,Khabarovsk Krai,Stavropol Krai,Perm Krai,Altai Krai,Zabaikalsky Krai,Kamchatka,Kamchatka Krai,Tatarstan,Bashkortostan,Bashkiria,Chechnya,Dagestan,Ingushetia,North Ossetia,Kabardino-Balkaria,Karachay-Cherkessia,Adygea,Kalmykia,Mordovia,Chuvashia,Mari El,Udmurtia,Komi,Karelia,Yakutia,Sakha,Buryatia,Tuva,Khakassia,Altai,Yamal,Yugra,Khanty-Mansi,Siberia,Urals,Volga,Volga region,Far East,Kuban,Crimea,Podmoskovye,Chukotka
Red Square,Tverskaya Street,Upper Lars,Verkhny Lars,Sadovod,Lublino,Kapotnya,Golyanovo,Maryino,Biryulyovo,Kuzminki,Khovrino,Lyublino,Kremlin
`;

/** Regions, cities, districts, crossings and airports. */
export const LOCATIONS: readonly (readonly string[])[] = [
  ['Central Asia'],
  ['Moscow'],
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
  ['Chechnya'],
  ['Dagestan'],
  ['North Ossetia'],
  ['Siberia'],
  ['Urals', 'the Urals'],
  ['Crimea'],
  ['Kazan'],
  ['Samara'],
  ['Nizhny Novgorod'],
  ['Yekaterinburg', 'Ekaterinburg'],
  ['Novosibirsk'],
  ['Krasnoyarsk'],
  ['Blagoveshchensk'],
  ['Kaluga'],
  ['Tula'],
  ['Tver'],
  ['Ryazan'],
  ['Vladimir'],
  ['Yaroslavl'],
  ['Vladivostok'],
  ['Khabarovsk'],
  ['Omsk'],
  ['Tomsk'],
  ['Tyumen'],
  ['Surgut'],
  ['Chelyabinsk'],
  ['Perm'],
  ['Ufa'],
  ['Orenburg'],
  ['Saratov'],
  ['Volgograd'],
  ['Voronezh'],
  ['Rostov-on-Don', 'Rostov'],
  ['Krasnodar'],
  ['Sochi'],
  ['Kaliningrad'],
  ['Murmansk'],
  ['Irkutsk'],
  ['Krasnogorsk'],
  ['Balashikha'],
  ['Lyubertsy'],
  ['Khimki'],
  ['Kotelniki'],
  ['Podolsk'],
  ['Bryansk'],
  ['Kursk'],
  ['Belgorod'],
  ['Vnukovo', 'Vnukovo airport', 'Vnukovo Airport'],
  ['Sheremetyevo', 'Sheremetyevo airport', 'Sheremetyevo Airport'],
  ['Domodedovo', 'Domodedovo airport', 'Domodedovo Airport'],
  ['Pulkovo', 'Pulkovo airport', 'Pulkovo Airport'],
  ['Upper Lars', 'Verkhny Lars'],
  ['Dushanbe'],
  ['Khujand'],
  ['Kulob', 'Kulyab'],
  ['Bokhtar', 'Kurgan-Tyube'],
  ['Khatlon', 'Khatlon region'],
  ['Sughd', 'Sughd region'],
  ['Badakhshan', 'Gorno-Badakhshan'],
  ['Vahdat'],
  ['Bishkek'],
  ['Osh'],
  ['Jalal-Abad'],
  ['Tashkent'],
  ['Samarkand'],
  ['Bukhara'],
  ['Fergana', 'Ferghana', 'Fergana Valley'],
  ['Andijan'],
  ['Namangan'],
  ['Almaty', 'Alma-Ata'],
  ['Astana', 'Nur-Sultan'],
  ['Ashgabat'],
  ['Istanbul'],
  ['Brussels'],
  ['Johannesburg'],
  ['Geneva'],
  ['Minsk'],
  ['Kyiv', 'Kiev'],
  ['Tbilisi'],
  ['Yerevan'],
  ['Baku'],
  // Venues are places, as coders type them.
  ['Crocus City Hall', 'Krokus City Hall', 'Crocus', 'Krokus', 'Crocus City'],
  ['Moscow Cathedral Mosque', 'Cathedral Mosque'],
  ['Red Square'],
  ['Tverskaya Street'],
  // Listed last: a row above with spelling variants sets the canonical name first.
  ...PLACE_LIST.split(/,|\n/).map((place) => place.trim()).filter(Boolean).map((place) => [place]),
];
