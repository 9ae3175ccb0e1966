import { describe, expect, it } from 'vitest';
import { ANALYZER_VERSION, createAnalyzer } from '../../src/analyze/index.js';
import { loadPipeline } from '../../src/config/pipeline.js';
import type { Analysis, TermMatch } from '../../src/model/index.js';
import { readLabelledSet, type LabelledArticle } from '../helpers/labelled-set.js';

const analyzer = createAnalyzer(loadPipeline('xenophobia'));

function counted(analysis: Analysis, category?: string): TermMatch[] {
  return analysis.matches.filter((m) => m.kind === 'category' && m.counted && (category === undefined || m.category === category));
}

/** The targets of a text that must be flagged, sorted. */
function flaggedTargets(text: string): string[] {
  const analysis = analyzer.analyze({ text });
  expect(analysis.flagged).toBe(true);
  return [...analysis.targets].sort();
}

function hitFor(analysis: Analysis, text: string): TermMatch {
  const match = analysis.matches.find((m) => m.kind === 'category' && m.text === text);
  if (!match) throw new Error(`no category match for "${text}" in ${JSON.stringify(analysis.matches.map((m) => m.text))}`);
  return match;
}

describe('categories', () => {
  it.each([
    ['raid_detention', 'Police raided a dormitory where labour migrants from Uzbekistan live and detained 30 people.'],
    ['raid_detention', 'Officers carried out document checks at a market, and dozens of foreigners were taken to the police station.'],
    ['raid_detention', 'Federal immigration agents detained about 160 workers during a raid on a meatpacking plant.'],
    ['raid_detention', 'Tajikistan protested the rude treatment of Tajik citizens at Vnukovo airport.'],
    ['deportation_entry_ban', 'A court ordered the deportation of twelve citizens of Kyrgyzstan.'],
    ['deportation_entry_ban', 'Several Tajik nationals were denied entry at the airport and sent back on the next flight.'],
    ['violence_attack', 'Three migrants were beaten by a group of young men near a bus stop.'],
    ['arson_property', 'Unknown men set fire to a shop owned by an Uzbek family.'],
    ['discrimination_refusal', 'Passengers refused to ride with drivers from Tajikistan.'],
    ['discrimination_refusal', 'Landlords posted adverts for Slavs only.'],
    ['discrimination_refusal', 'Haitian families said they were being harassed at work.'],
    ['arson_property', 'Shops owned by Somali migrants were looted overnight.'],
    ['hate_rhetoric', 'The deputy blamed migrant crime for the rise in burglaries.'],
    ['hate_rhetoric', 'Where migrants came in large numbers, he said, parallel Muslim societies have grown up.'],
    ['hate_rhetoric', 'The party leader warned of cities where Muslim parallel societies live by their own law.'],
    ['hate_rhetoric', 'Rights groups recorded a wave of anti-Tajik sentiment in the city.'],
    ['hate_rhetoric', 'Posts claimed that Haitian immigrants in the town were eating the pets.'],
    ['violence_attack', 'Lira slips as anti-Syrian riots spread from Kayseri'],
    ['official_restriction', 'The region banned foreign workers from working as taxi drivers.'],
    ['official_restriction', 'Children of migrants will have to pass a Russian language test before school.'],
    ['forced_conscription', 'Police handed military summonses to naturalised migrants detained in the raid.'],
  ])('counts %s in "%s"', (category, text) => {
    const analysis = analyzer.analyze({ text });
    expect(analysis.categories).toContain(category);
    expect(counted(analysis, category).length).toBeGreaterThan(0);
  });
});

describe('the wording of wire reports, tabloids and officials', () => {
  it.each([
    ['raid_detention', 'Police rounded up dozens of Tajik migrants at the market.'],
    ['raid_detention', 'Officers swooped on a hostel housing Uzbek workers before dawn.'],
    ['raid_detention', 'Police held mass checks of foreigners at three Moscow markets.'],
    ['raid_detention', 'Operation Nelegal began in the region on Monday.'],
    ['raid_detention', 'Nine Kyrgyz citizens were taken into custody at the construction site.'],
    ['raid_detention', 'Officers stopped Central Asian men in the metro and demanded papers.'],
    ['raid_detention', 'Cossack patrols checked the documents of Tajik workers at the market.'],
    ['raid_detention', 'Nationalists organised patrols against migrants in the district.'],
    ['raid_detention', 'Syrians found without valid registration are taken to removal centres.'],
    ['deportation_entry_ban', 'Rights groups documented the refoulement of Afghan refugees at the border.'],
    ['deportation_entry_ban', 'The Tajik migrants were forcibly returned to Dushanbe.'],
    ['deportation_entry_ban', 'The first asylum seekers were to be removed to Rwanda in the spring.'],
    ['violence_attack', 'Police officers roughed up the Tajik migrants during the check.'],
    ['violence_attack', 'Officers used batons on Central Asian workers at the hostel.'],
    ['violence_attack', 'A Tajik migrant was shot dead outside the market.'],
    ['violence_attack', 'Youths threw stones at Syrian refugees in the village.'],
    ['violence_attack', 'A mob set upon an Uzbek courier outside the station.'],
    ['violence_attack', 'Rights groups recorded a rise in violence against migrants.'],
    ['arson_property', 'Rioters ransacked shops owned by Syrians in the district.'],
    ['discrimination_refusal', 'Two Tajik drivers were sacked by the taxi firm after the attack.'],
    ['discrimination_refusal', 'The bar kicked out three Kyrgyz men.'],
    ['discrimination_refusal', 'Pharmacies refused to sell medicine to migrants without Russian passports.'],
    ['discrimination_refusal', 'A kindergarten denied a place to the son of Uzbek migrants.'],
    ['discrimination_refusal', 'Her landlord declined to renew the lease of the Tajik family.'],
    ['discrimination_refusal', 'Syrian shopkeepers say landlords asked them not to renew leases.'],
    ['discrimination_refusal', 'The hotline recorded refusals to rent apartments to people of non-Slavic appearance.'],
    ['discrimination_refusal', 'Many flat adverts in the district were marked "only for Slavs".'],
    ['hate_rhetoric', 'The blogger called Central Asian migrants cockroaches.'],
    ['hate_rhetoric', 'Commentators speak of the Islamisation of cities with many Muslim migrants.'],
    ['hate_rhetoric', 'Graffiti calling on migrants to leave appeared on the hostel wall.'],
    ['forced_conscription', 'Detained Uzbek migrants were pressured to sign contracts with the army.'],
    ['forced_conscription', 'Naturalised migrants from Tajikistan were sent to fight in Ukraine.'],
    ['forced_conscription', 'Men offered the Kyrgyz detainees contracts with the Russian Ministry of Defence.'],
    ['raid_detention', 'Officers conducted checks of compliance with migration legislation at a hostel housing Tajiks.'],
    ['raid_detention', 'Twelve Uzbek workers were brought to the police department.'],
    ['deportation_entry_ban', 'Entry was closed to the Uzbek migrants for ten years.'],
    ['deportation_entry_ban', 'Ministers defended the Rwanda scheme in the Commons.'],
    ['violence_attack', 'Officers used force against the detained Uzbek migrants.'],
    ['discrimination_refusal', 'Flats were offered for rent only to Russians.'],
    ['discrimination_refusal', 'Dozens of Kyrgyz workers were fired from their jobs.'],
    ['discrimination_refusal', 'Hospitals denied medical care to undocumented migrants.'],
    ['hate_rhetoric', 'He claimed that migrants would replace the indigenous population.'],
    ['hate_rhetoric', 'A man shouted "churki, go back" at the Uzbek workers.'],
    ['discrimination_refusal', 'The taxi fleet said it had let go of about 60 drivers from Uzbekistan.'],
    ['forced_conscription', 'An officer pressed the Kyrgyz detainees to sign contracts with the army.'],
    ['raid_detention', 'Since the riots, the authorities have stepped up checks on foreigners.'],
    ['official_restriction', 'The government introduced payment cards for asylum seekers instead of cash.'],
    ['official_restriction', 'The Illegal Migration Act bars anyone arriving on small boats from claiming asylum.'],
    ['deportation_entry_ban', 'The Venezuelan men were flown to El Salvador under the Alien Enemies Act.'],
    ['hate_rhetoric', 'Marchers called the foreign shop owners "makwerekwere".'],
    ['hate_rhetoric', 'The party leader said immigrants were "poisoning the blood of our country".'],
    ['official_restriction', 'Russia launched an expulsion regime for foreigners without legal grounds to stay.'],
    ['arson_property', 'Crowds looted Syrian-owned shops in the city.'],
    ['official_restriction', 'Several regions have barred foreign nationals with patents from working in retail.'],
    ['official_restriction', 'Migrants were barred from jobs in taxis and shops.'],
    ['official_restriction', 'The governor signed a decree that bars foreign citizens working on patents from eleven types of employment.'],
    ['official_restriction', 'A 2024 law allows the authorities to strip acquired citizenship from naturalised migrants.'],
    ['official_restriction', 'A foreigner placed on the register of "controlled persons" cannot open a bank account.'],
    ['deportation_entry_ban', 'The number of Tajiks barred from re-entry rose sharply.'],
    ['deportation_entry_ban', 'Many Kyrgyz migrants were barred from going back to Russia.'],
    ['violence_attack', 'At the police station officers hit him in the stomach while asking whether he was Tajik.'],
    ['violence_attack', '"One officer hit me on the back of the head," said the Kyrgyz passenger.'],
    ['hate_rhetoric', '"We see how the crime rate among migrants grows year after year," the governor said.'],
    ['hate_rhetoric', 'Viral posts claimed the city had been "overrun" by migrants.'],
    ['hate_rhetoric', 'Leaflets said the town was being swamped with migrants.'],
    ['hate_rhetoric', '"They are taking our jobs," a man shouted at the Uzbek traders.'],
  ])('counts %s in "%s"', (category, text) => {
    expect(counted(analyzer.analyze({ text }), category).length).toBeGreaterThan(0);
  });

  it.each([
    ['return forms signed under pressure are no army contract', 'Rights groups say Syrians in removal centres were pressured to sign voluntary return forms.', 'forced_conscription'],
    ['a profiling law that has not been applied yet is no raid', 'Civil rights groups said the law would lead to racial profiling of migrants.', 'raid_detention'],
  ])('does not count %s', (_name, text, category) => {
    const hit = counted(analyzer.analyze({ text }), category);
    expect(hit.filter((m) => m.weight >= 2.5)).toEqual([]);
  });
});

describe('target groups', () => {
  it.each([
    ['tajik', 'Police detained Tajiks at a construction site.'],
    ['tajik', 'Police detained several Tadzhik workers at a construction site.'],
    ['tajik', 'Police detained several natives of Tajikistan at a construction site.'],
    ['tajik', 'Police detained two Tajikistanis at a construction site.'],
    ['uzbek', 'Police detained Uzbek builders at a construction site.'],
    ['kyrgyz', 'Police detained Kyrgyz traders at a market.'],
    ['central_asian', 'Police detained natives of Central Asia at a market.'],
    ['central_asian', 'Vigilantes handed six natives of Central Asian republics to the police.'],
    ['tajik', 'Officers handed summonses to men who had been born in Tajikistan.'],
    ['kyrgyz', 'Officers handed summonses to men who had been born in Tajikistan or Kyrgyzstan.'],
    ['other:nigerian', 'Vigilantes beat a Nigerian national outside his shop in Soweto.'],
    ['other:vietnamese', 'Police detained Vietnamese workers at a garment factory.'],
    ['migrants_general', 'Police detained gastarbeiters at a market.'],
    ['migrants_general', 'Police detained men of non-Slavic appearance at a market.'],
    ['migrants_general', 'Police detained violators of migration law at a market.'],
    ['muslims', 'Police detained worshippers outside a mosque after Friday prayers.'],
    ['migrants_general', 'Schools turned away foreign children who failed the Russian test.'],
    ['uzbek', 'Anti-Uzbek riots broke out in the town after the brawl.'],
    ['other:zimbabwean', 'Activists at the clinic gate turned away a Zimbabwean woman who had come for a check-up.'],
    ['uzbek', 'The court ordered the forced expulsion of four citizens of the Republic of Uzbekistan.'],
    ['tajik', 'Police detained 40 Tajikistan citizens at the market.'],
    ['kyrgyz', 'A citizen of the Kyrgyz Republic was detained during a check of documents at the metro station.'],
    ['other:malawian', 'A Malawian patient was turned away from a clinic in Diepsloot three times in June.'],
    ['other:haitian', 'Haitian residents told us they had been harassed in stores and on the street.'],
    ['other:somali', 'Vigilantes attacked the Somali community in Mayfair overnight.'],
    ['other:afghan', 'Classmates beat two Afghan pupils outside the school gate.'],
    ['kyrgyz', 'Police detained a 26-year-old courier from Osh in southern Kyrgyzstan at the station.'],
    ['tajik', 'Police detained Firuz, who came to the city from Kulob, in Tajikistan, four years ago.'],
    ['tajik', "Tajikistan's embassy in Moscow said police had detained dozens of citizens during document checks."],
    ['other:zimbabwean', "Zimbabwe's embassy said vigilantes had turned away its citizens at the clinic gate."],
    ['kyrgyz', 'The Kyrgyz foreign ministry said border guards had refused entry to 40 nationals at Vnukovo.'],
    ['other:azerbaijani', 'Men in masks set fire to a kiosk run by an Azerbaijani family at the market.'],
    ['other:azerbaijani', 'Police detained dozens of Azeris during a raid on the fruit warehouse.'],
    ['other:caucasian', 'Police checked the documents of "persons of Caucasian nationality" at the market.'],
    ['other:caucasian', 'Vigilantes attacked natives of the North Caucasus outside the hostel.'],
    ['other:salvadoran', 'Immigration agents detained 30 Salvadorans at a car wash.'],
    ['other:congolese', 'Vigilantes beat a Congolese shopkeeper and looted his shop in Alexandra.'],
  ])('recognizes %s in "%s"', (target, text) => {
    const analysis = analyzer.analyze({ text });
    expect(analysis.targets).toContain(target);
    expect(analysis.matches.some((m) => m.kind === 'target' && m.target === target && m.counted)).toBe(true);
  });
});

describe('target requirement', () => {
  it.each([
    ['a market arson with no migrant angle', 'An arsonist set fire to a furniture warehouse in Samara overnight.', 'arson_property'],
    ['a raid on a drug lab', 'Police raided a drug laboratory and detained four men.', 'raid_detention'],
    ['a terrorism trial', 'A court extended the arrest of the four suspects, all citizens of Tajikistan, who are charged over the attack.', 'raid_detention'],
    ['a plot', 'The FSB said it had detained three citizens of Tajikistan plotting an attack on a synagogue.', 'raid_detention'],
    ['a defendant\'s own transfer', 'The defendant had been due to be deported to Bulgaria, where he had registered as an asylum seeker.', 'deportation_entry_ban'],
    ['what awaits deportees elsewhere', 'Rights groups said refugees sent to Kabul faced the risk of torture.', 'violence_attack'],
    ['a border conflict between states', 'Fighting near the Tajik enclave of Vorukh in 2021 killed around 50 people.', 'violence_attack'],
    ['an attack on a synagogue', 'Muslim residents of Derbent watched as the old synagogue was set on fire.', 'arson_property'],
    ['a war', 'Since the full-scale invasion of Ukraine, police have combined checks with recruitment, migrants say.', 'hate_rhetoric'],
    ['where people come from', 'The ministry listed the main countries of origin of refugees in the country.', 'deportation_entry_ban'],
    ['the police that keep order', 'Riot police from Kemerovo arrived at night, and migrants stayed indoors.', 'violence_attack'],
    ['a law\'s title', 'The banker was deported "in accordance with the legislation on foreigners and international protection", the ministry said.', 'deportation_entry_ban'],
    ['the men who carried out an attack', 'Prosecutors say four men, all citizens of Tajikistan, carried out the shooting and were detained the next day.', 'raid_detention'],
    ['plans to attack', 'A man born in Uzbekistan discussed plans to attack a concert, prosecutors said.', 'violence_attack'],
    ['a weapon', 'The man from Uzbekistan admitted that he had bought an assault rifle.', 'violence_attack'],
    ['protection from removal', 'About a third of the Syrian refugees were granted bans on deportation last year.', 'deportation_entry_ban'],
  ])('does not count shared vocabulary without a target: %s', (_name, text, category) => {
    const analysis = analyzer.analyze({ text });
    expect(analysis.flagged).toBe(false);
    expect(counted(analysis)).toEqual([]);
    expect(analysis.matches.some((m) => m.kind === 'category' && m.category === category && !m.counted)).toBe(true);
  });

  it('counts an arrest only with the group named in its own sentence', () => {
    const analysis = analyzer.analyze({ text: 'Rioters attacked a hostel where Uzbek workers live. Police detained twenty people after the riot.' });
    const hit = hitFor(analysis, 'detained');
    expect(hit.counted).toBe(false);
    expect(hit.reason).toBe('no target group in the same sentence');
    expect(hitFor(analysis, 'attacked').counted).toBe(true);
  });

  it('explains a hit that has no target nearby', () => {
    const analysis = analyzer.analyze({ text: 'An arsonist set fire to a furniture warehouse in Samara overnight.' });
    const hit = hitFor(analysis, 'set fire to');
    expect(hit.counted).toBe(false);
    expect(hit.reason).toBe('no target group within 1 sentence');
    expect(analysis.reasons).toContain('arson_property not counted: "set fire to" (text, sentence 1) — no target group within 1 sentence');
  });

  it('accepts a target in the adjacent sentence but not two sentences away', () => {
    const near = analyzer.analyze({ text: 'Many migrants live in the area. Police raided the hostel on Monday.' });
    expect(hitFor(near, 'raided').counted).toBe(true);
    expect(hitFor(near, 'raided').reason).toBe('target "migrants" 1 sentence before');
    const far = analyzer.analyze({ text: 'Many migrants live in the area. The weather was cold. Police raided the hostel on Monday.' });
    expect(hitFor(far, 'raided').counted).toBe(false);
  });

  it('counts a phrase that names its own target', () => {
    const analysis = analyzer.analyze({ text: 'The deputy spoke of ethnic enclaves in the city.' });
    const hit = hitFor(analysis, 'ethnic enclaves');
    expect(hit.counted).toBe(true);
    expect(hit.reason).toBe('the phrase names target migrants_general');
    expect(analysis.targets).toEqual(['migrants_general']);
  });

  it('does not treat suspects of a crime as the group targeted', () => {
    const analysis = analyzer.analyze({ text: 'The four men detained as suspects were Tajik nationals.' });
    const hit = hitFor(analysis, 'detained');
    expect(hit.counted).toBe(false);
    expect(hit.reason).toMatch(/^concerns suspects/);
  });

  it("reads a match's kick-off as no kick", () => {
    const analysis = analyzer.analyze({ text: 'Uzbek fans filled the cafes hours before kick-off, and then the Tajik supporters arrived.' });
    expect(analysis.matches.filter((m) => m.kind === 'category').map((m) => [m.text, m.weight])).toEqual([['kick-off', 0]]);
  });

  it('reads a second word for the same act in a sentence about suspects as theirs', () => {
    const analysis = analyzer.analyze({
      text: 'After the riots against Syrians, the minister said 300 people had been detained in connection with the violence, and that many of those taken into custody had criminal records.',
    });
    expect(hitFor(analysis, 'taken into custody').reason).toBe('concerns suspects ("detained in connection with")');
    expect(counted(analysis, 'raid_detention')).toEqual([]);
  });

  it('reads the participants of a brawl as its doers, not the group targeted', () => {
    const analysis = analyzer.analyze({ text: 'After a brawl among Tajik and Uzbek traders at the market, police detained four participants.' });
    const hit = hitFor(analysis, 'detained');
    expect(hit.counted).toBe(false);
    expect(hit.reason).toBe('concerns suspects ("participants")');
  });

  it('ends a suspect verb\'s reach at the comma that closes its clause', () => {
    const analysis = analyzer.analyze({
      text: 'After the attack, in which four Tajik citizens were charged, Tajik nationals arriving at Moscow airports were refused entry.',
    });
    expect(hitFor(analysis, 'refused entry').counted).toBe(true);
    expect(analysis.matches.filter((m) => m.kind === 'target').map((m) => m.reason)).toEqual(['names suspects ("charged")', 'target of a counted hit']);
  });

  it.each([
    ['a cue after "since"', 'Police detained 300 workers in operations aimed at natives of Central Asia since gunmen killed 140 people at the concert hall.', true],
    ['a cue after "after"', 'Police detained 300 natives of Central Asia after the suspects were arrested.', true],
    ['a cue in the same clause', 'Police detained 300 natives of Central Asia suspected of links to the gunmen.', false],
  ])('reads a suspect cue in a clause of another event as naming other people: %s', (_, text, counted) => {
    expect(hitFor(analyzer.analyze({ text }), 'detained').counted).toBe(counted);
  });
});

describe('links to other stories', () => {
  it.each([
    ['a labelled link', 'The bakery opened its third shop on Monday.\n\nRead more: Police raid migrant dormitories in Kazan\n\nThe owner said trade was good.'],
    ['a label on its own line', 'The bakery opened its third shop on Monday.\n\nREAD ALSO\nPolice raid migrant dormitories in Kazan\n\nThe owner said trade was good.'],
    ['a related story', 'The bakery opened its third shop on Monday.\nRelated: Courts order the expulsion of 40 Tajik migrants\nThe owner said trade was good.'],
  ])('reads no report in %s', (_, text) => {
    const analysis = analyzer.analyze({ text });
    expect(analysis.matches.filter((m) => m.kind === 'category')).toEqual([]);
    expect(analysis.flagged).toBe(false);
  });

  it('keeps a sentence that only starts like a label, and the offsets of what follows a link', () => {
    const text = 'Read more: Police raid migrant dormitories in Kazan\nRelated to this, police raided migrant dormitories in Kazan.';
    const analysis = analyzer.analyze({ text });
    const hit = hitFor(analysis, 'raided');
    expect(hit.counted).toBe(true);
    expect(text.slice(hit.start, hit.end)).toBe('raided');
  });
});

describe('negation', () => {
  it.each([
    ['No raids on migrant hostels were reported in Samara this week.', 'raids on migrant'],
    ['Police did not detain any foreign workers during the check.', 'detain'],
    ['Police didn’t detain any foreign workers during the check.', 'detain'],
    ['The governor denied that migrants had been deported from the region.', 'deported'],
    ['There is no evidence that Uzbek workers were beaten.', 'beaten'],
    ['Tajik workers fear raids on their dormitories.', 'raids'],
    ['Uzbek workers talk of rumours that police are about to start mass document checks.', 'document checks'],
    ['Messages in chats for migrants warned of big raids after the holidays.', 'raids'],
    ['Bishops urged voters: "Do not let anyone turn your migrant neighbour into a scapegoat."', 'scapegoat'],
    // A list's later words are negated as its first is.
    ['No Tajik migrants were detained, beaten or deported during the check, police said.', 'beaten'],
    ['No Tajik migrants were detained, beaten or deported during the check, police said.', 'deported'],
    ['There had been no credible reports or specific claims of pets being harmed, injured or abused by migrants.', 'injured'],
  ])('negates the hit in "%s"', (text, hitText) => {
    const analysis = analyzer.analyze({ text });
    const hit = hitFor(analysis, hitText);
    expect(hit.negated).toBe(true);
    expect(hit.counted).toBe(false);
    expect(hit.reason).toMatch(/^negated by "/);
    expect(analysis.flagged).toBe(false);
  });

  it.each([
    ['No one was hurt, but police detained ten migrants.', 'detained'],
    ['Migrants with no documents were detained at the market.', 'detained'],
    ['There were no injuries; police detained ten Uzbek workers.', 'detained'],
    ['No one was hurt, but police detained, fined and deported ten Uzbek workers.', 'deported'],
    // A negated verb scopes over its own phrase; a negated verb of reporting denies the report only.
    ['Six new citizens who had not registered for military service were given summonses.', 'summonses'],
    ['The border service does not usually comment on refusals of entry to Kyrgyz citizens.', 'refusals of entry'],
    ['He did not cite figures for crimes committed by foreigners in the region.', 'crimes committed by foreigners'],
    // A warning of raids reports none; a warning of "ethnic enclaves" is the rhetoric (`notNegatedBy`).
    ['A television host warned of "ethnic enclaves" of migrants in Moscow suburbs.', 'ethnic enclaves'],
  ])('keeps negation inside its clause or phrase in "%s"', (text, hitText) => {
    const hit = hitFor(analyzer.analyze({ text }), hitText);
    expect(hit.negated).toBe(false);
    expect(hit.counted).toBe(true);
  });

  it.each([
    ['He said reports of migrants being beaten in the city were fabricated.', 'beaten', 'were fabricated'],
    ['Claims that police raided a hostel for Uzbek workers are untrue, the ministry said.', 'raided', 'are untrue'],
    ['The deportation of Tajik students from Kazan did not happen, the university said.', 'deportation', 'did not happen'],
    ['Information about an attack on a schoolgirl by a migrant from Uzbekistan does not correspond to reality, the police said.', 'attack on', 'does not correspond to reality'],
    ['Reports that police beat Uzbek migrants at the market are not true, the ministry said.', 'beat', 'are not true'],
  ])('reads a denial after the hit in "%s"', (text, hitText, cue) => {
    const analysis = analyzer.analyze({ text });
    const hit = hitFor(analysis, hitText);
    expect(hit.negated).toBe(true);
    expect(hit.counted).toBe(false);
    expect(hit.reason).toBe(`denied by "${cue}" after it`);
    expect(analysis.flagged).toBe(false);
  });

  it('does not read an adjective after the hit as a denial', () => {
    const hit = hitFor(analyzer.analyze({ text: 'Police detained Kyrgyz traders for selling fake goods.' }), 'detained');
    expect(hit.negated).toBe(false);
    expect(hit.counted).toBe(true);
  });

  it('lets a noun cue negate its own phrase only', () => {
    const rumour = analyzer.analyze({ text: 'Rumours of raids on Tajik hostels spread across the city.' });
    expect(hitFor(rumour, 'raids').negated).toBe(true);
    const act = analyzer.analyze({ text: 'The rumour had led to pupils of Uzbek origin being insulted at school.' });
    expect(hitFor(act, 'insulted').negated).toBe(false);
    expect(hitFor(act, 'insulted').counted).toBe(true);
  });

  it('reads a slogan "No to …" as rejection, not negation', () => {
    const analysis = analyzer.analyze({ text: 'Opponents of the mosque held placards reading "No to the migrant enclave".' });
    expect(hitFor(analysis, 'enclave').negated).toBe(false);
    expect(hitFor(analysis, 'enclave').counted).toBe(true);
    expect(analysis.flagged).toBe(true);
  });
});

describe('headline and lead', () => {
  it('reads title and text together but gives offsets and sentences per field', () => {
    const title = 'Police raid a "migrant" hostel in Kazan';
    const text = 'KAZAN, April 3 — Officers detained 12 Tajiks.\n\n“They checked everyone,” said Farrukh Aliev.';
    const analysis = analyzer.analyze({ title, text });
    for (const m of [...analysis.matches, ...analysis.entities]) expect((m.field === 'title' ? title : text).slice(m.start, m.end)).toBe(m.text);
    expect(analysis.matches.filter((m) => m.field === 'title').map((m) => [m.text, m.sentence])).toEqual([['raid', 0], ['migrant', 0]]);
    expect(analysis.matches.filter((m) => m.field === 'text').map((m) => [m.text, m.sentence])).toEqual([['detained', 0], ['Tajiks', 0]]);
    expect(analysis.entities.map((e) => [e.text, e.field])).toEqual(expect.arrayContaining([['Kazan', 'title'], ['Farrukh Aliev', 'text']]));
  });

  it('lets a headline hit take its target from the first sentence of the text', () => {
    const analysis = analyzer.analyze({
      title: 'Agents detain 120 workers at meat plant',
      text: 'Federal agents raided a meat plant on Tuesday and detained 120 workers suspected of being in the country illegally.\n\nThe plant reopened on Wednesday.',
    });
    const headline = analysis.matches.find((m) => m.kind === 'category' && m.field === 'title' && m.text === 'detain');
    expect(headline?.counted).toBe(true);
    expect(headline?.reason).toBe('target "suspected of being in the country illegally" in the lead (text, sentence 1)');
    expect(analysis.flagged).toBe(true);
  });

  it('does not borrow a lead target for a headline whose own group is defended', () => {
    const analysis = analyzer.analyze({
      title: 'Governor asks residents not to blame Uzbeks after stabbing',
      text: 'The governor spoke after Uzbek workers were seen at the scene of a stabbing.\n\nPolice are investigating.',
    });
    const headline = analysis.matches.find((m) => m.kind === 'category' && m.field === 'title' && m.text === 'stabbing');
    expect(headline?.counted).toBe(false);
    expect(headline?.reason).toBe('no target group within 1 sentence: "Uzbeks" is defended ("not to blame")');
  });

  it('does not let a headline hit reach past the lead', () => {
    const analysis = analyzer.analyze({
      title: 'Police raid market',
      text: 'Officers checked stalls on Tuesday.\n\nThe market sells fruit.\n\nMany traders are migrants.',
    });
    expect(hitFor(analysis, 'raid').counted).toBe(false);
  });

  describe('a story about the group its headline names', () => {
    // A feature names its people once, in the headline, and then tells what happened to each of them.
    const feature = [
      'Anvar has driven a taxi in Kazan for six years. He keeps his papers in a folder on the passenger seat.',
      'Last spring he was stopped outside the station on his way home. Officers took him to the district department.',
      'A week later a court ordered his expulsion. He spent nine days in a holding centre before the flight.',
      'His brother Sherzod, who still works on a building site in the city, says the stories are everywhere.',
      'Their cousin learnt of an entry ban at the airport when he tried to come back in the autumn.',
      'He was beaten on the street in March, Sherzod says, and did not go to the police.',
    ].join('\n\n');

    it.each([
      ['Uzbek drivers in Kazan: a year of checks', true],
      ['Drivers in Kazan: a year of checks', false],
      ['Uzbek suspects in Kazan: a year of checks', false],
    ])('headline %j: flagged %s', (title, flagged) => {
      expect(analyzer.analyze({ title, text: feature }).flagged).toBe(flagged);
    });

    it("counts the acts told without a group for the headline's group, and says so", () => {
      const analysis = analyzer.analyze({ title: 'Uzbek drivers in Kazan: a year of checks', text: feature });
      expect(analysis.targets).toEqual(['uzbek']);
      expect(analysis.categories).toEqual(expect.arrayContaining(['deportation_entry_ban', 'violence_attack']));
      expect(hitFor(analysis, 'expulsion').counted).toBe(true);
      expect(hitFor(analysis, 'expulsion').reason).toMatch(/^no target group nearby; the headline's "Uzbek" is whom the story is about \(\d+ acts told without a group\)$/);
    });

    it('needs acts of two categories or more', () => {
      const oneKind = feature.replace('He was beaten on the street in March', 'He was deported in March');
      const analysis = analyzer.analyze({ title: 'Uzbek drivers in Kazan: a year of checks', text: oneKind });
      expect(analysis.matches.filter((m) => m.kind === 'category').map((m) => [m.category, m.text])).toEqual([
        ['deportation_entry_ban', 'expulsion'],
        ['deportation_entry_ban', 'entry ban'],
        ['deportation_entry_ban', 'deported'],
      ]);
      expect(counted(analysis)).toEqual([]);
      expect(analysis.flagged).toBe(false);
    });
  });
});

describe('counter-speech', () => {
  it('discounts rhetoric in counter-speech', () => {
    const analysis = analyzer.analyze({ text: 'The mufti condemned those who blame migrants for the attack.' });
    const hit = hitFor(analysis, 'blame migrants');
    expect(hit.counted).toBe(false);
    expect(hit.reason).toBe('counter-speech in the sentence ("condemned")');
    expect(analysis.flagged).toBe(false);
  });

  it('still reports the act that a condemnation names', () => {
    const analysis = analyzer.analyze({ text: 'The minister condemned the arson of shops owned by migrants from Tajikistan.' });
    expect(hitFor(analysis, 'arson').counted).toBe(true);
    expect(analysis.flagged).toBe(true);
    expect(analysis.categories).toEqual(['arson_property']);
  });

  it('reads an arson attack on a building as arson alone, not as an attack on people', () => {
    const analysis = analyzer.analyze({ text: 'The minister condemned an arson attack on a former hotel earmarked for asylum seekers.' });
    expect(hitFor(analysis, 'arson attack on').counted).toBe(true);
    expect(analysis.categories).toEqual(['arson_property']);
  });
});

describe('claims that blame a group (DOMAIN.md rule 5)', () => {
  it.each([
    ['a claim with the group as the doer', 'Posts claiming that "natives of Central Asia" had assaulted a 12-year-old were shared 100,000 times.', 'assaulted', 'claiming'],
    ['a video claimed to show the group at it', 'A video claimed to show a group of men from Tajikistan attacking a schoolgirl at a bus stop.', 'attacking', 'claimed'],
    ['a denied claim, for its spread is the news', "Police deny viral video claim that 'Tajik gang' attacked schoolgirl in Perm", 'attacked', 'claim'],
    ['a rumour of arson', 'A rumour that Uzbek workers had set fire to a barn spread through the village chats.', 'set fire to', 'rumour'],
  ])('counts %s as hate rhetoric', (_, text, act, cue) => {
    const analysis = analyzer.analyze({ text });
    const hit = hitFor(analysis, act);
    expect(hit.counted).toBe(true);
    expect(hit.category).toBe('hate_rhetoric');
    expect(hit.reason).toMatch(new RegExp(`^a claim \\("${cue}"\\) blames`));
    expect(analysis.flagged).toBe(true);
    expect(analysis.categories).toEqual(['hate_rhetoric']);
  });

  it.each([
    ['the group as the victim', 'Posts claimed that Tajik workers were beaten by police in Perm.', 'beaten', 'violence_attack'],
    ['a crime report with no claim', 'Three men from Tajikistan attacked a schoolgirl at a bus stop in Perm.', 'attacked', 'violence_attack'],
    ['a claim that was not made', 'Police said there were no claims that Tajiks attacked anyone.', 'attacked', 'violence_attack'],
  ])('does not read %s as a blaming claim', (_, text, act, category) => {
    const hit = hitFor(analyzer.analyze({ text }), act);
    expect(hit.category).toBe(category);
    expect(hit.reason).not.toMatch(/blames/);
  });
});

describe('refusals at a place of care or service', () => {
  it.each([
    ['turned back at a clinic', 'Vigilantes checked the papers of foreign nationals at a clinic in Soweto, and Zimbabwean migrants were turned back at the gate.', 'turned back', 'clinic'],
    ['patients ordered to leave', 'Vigilantes checked the papers of foreign nationals at the gate. Patients already in the waiting area were ordered to leave.', 'ordered to leave', 'Patients'],
    ['refused entry to a shopping centre', 'Muslim women in headscarves said they had been refused entry to a shopping centre in Kazan.', 'refused entry', 'shopping centre'],
  ])('counts an entry or expulsion word as a refusal: %s', (_, text, act, place) => {
    const analysis = analyzer.analyze({ text });
    const hit = hitFor(analysis, act);
    expect(hit.counted).toBe(true);
    expect(hit.category).toBe('discrimination_refusal');
    expect(hit.reason).toContain(`; at a place of care or service ("${place}"): discrimination_refusal`);
    expect(analysis.categories).not.toContain('deportation_entry_ban');
  });

  it('leaves shared vocabulary at a place of care or service in its category', () => {
    const analysis = analyzer.analyze({ text: 'Vigilantes checked the papers of foreign patients at a clinic. In recent years bans on migrants working in hospitals were introduced.' });
    const hit = hitFor(analysis, 'recent years bans');
    expect(hit.category).toBe('deportation_entry_ban');
    expect(hit.reason).toBe('shared vocabulary (weight 0)');
  });

  it('leaves an expulsion told without a place of care or service as it is', () => {
    const analysis = analyzer.analyze({ text: 'Vigilantes checked the papers of foreign nationals at the gate. Zimbabwean migrants were later deported.' });
    expect(hitFor(analysis, 'deported').category).toBe('deportation_entry_ban');
    expect(analysis.categories).toContain('deportation_entry_ban');
  });
});

describe('the doer of an act (DOMAIN.md rule 1)', () => {
  it.each([
    ['a group as the subject', 'An Afghan asylum seeker stabbed two people in a park in Aschaffenburg, killing a man.', 'stabbed', 'Afghan asylum seeker'],
    ['a group after a verb of speech', 'Witnesses said two Tajik men attacked a taxi driver in Moscow.', 'attacked', 'Tajik'],
    ['a group inside the description of a named person', 'Mohammed Idris, who came to the UK from Sudan as a refugee, stabbed his flatmate nine times, the court heard.', 'stabbed', 'from Sudan'],
    ['a headline in the present', 'Afghan asylum seeker stabs two in Aschaffenburg park', 'stabs', 'Afghan asylum seeker'],
    ['a group before a present participle, as the object of another verb', 'Police said a video purporting to show Tajik migrants attacking a schoolgirl in a park had been filmed abroad.', 'attacking', 'Tajik'],
  ])('does not count an attack on others by %s', (_, text, act, doer) => {
    const analysis = analyzer.analyze({ text });
    const hit = hitFor(analysis, act);
    expect(hit.counted).toBe(false);
    expect(hit.reason).toMatch(/^the group does it/);
    expect(analysis.matches.find((m) => m.kind === 'target' && m.text === doer)?.reason).toBe(`does the act ("${act}")`);
    expect(analysis.flagged).toBe(false);
  });

  it('does not count an attack by the group told in a headline with an -ing form', () => {
    const analysis = analyzer.analyze({ title: "Fact check: video of 'Tajik migrants attacking a girl' was filmed in another country", text: 'The video was shared thousands of times.' });
    expect(hitFor(analysis, 'attacking').reason).toBe('the group does it: "Tajik" attacking');
    expect(analysis.flagged).toBe(false);
  });

  it.each([
    ['the object of another verb', { text: 'Officers who detained Uzbek workers beat them with batons at the station.' }, 'beat', 'violence_attack', 'uzbek'],
    ['the object of a preposition', { text: 'Arsonists set fire to a pavilion owned by a family from Uzbekistan. A pavilion owned by a family from Uzbekistan burned down the street overnight.' }, 'burned down', 'arson_property', 'uzbek'],
    ['a passive', { text: 'Tajik migrants were beaten by a group of men in Moscow.' }, 'beaten', 'violence_attack', 'tajik'],
    ['a headline participle', { title: 'Uzbek workers attacked a day after concert hall shooting', text: 'The men were taken to hospital.' }, 'attacked', 'violence_attack', 'uzbek'],
    ['the group the act is done to, beside a doer group', { text: 'Kyrgyz youths attacked Tajik workers outside a hostel.' }, 'attacked', 'violence_attack', 'tajik'],
    ['the object of a present participle', { text: 'A video showed local men beating Tajik workers outside a hostel.' }, 'beating', 'violence_attack', 'tajik'],
  ])('counts an act on the group when it is %s', (_, input, act, category, target) => {
    const analysis = analyzer.analyze(input);
    const hit = hitFor(analysis, act);
    expect(hit.counted).toBe(true);
    expect(hit.category).toBe(category);
    expect(analysis.matches.some((m) => m.kind === 'target' && m.target === target && m.counted)).toBe(true);
  });

  it('still names the group for hits that are no attack', () => {
    const analysis = analyzer.analyze({ text: 'An Afghan asylum seeker stabbed a man in a park. Afghan asylum seekers were later deported in a charter flight.' });
    expect(hitFor(analysis, 'stabbed').counted).toBe(false);
    expect(hitFor(analysis, 'deported').counted).toBe(true);
    expect(analysis.targets).toContain('other:afghan');
  });
});

describe('opinion polls and counted victims', () => {
  it('does not count what a survey finds people support as an official restriction (`voidedBy`)', () => {
    const poll = hitFor(analyzer.analyze({ text: 'Surveys show that most Russians support limiting the entry of labour migrants.' }), 'limiting');
    expect(poll.counted).toBe(false);
    expect(poll.reason).toBe('voided by "Surveys" in the sentence');
    const proposal = hitFor(analyzer.analyze({ text: 'The governor proposed limiting the entry of labour migrants.' }), 'limiting');
    expect(proposal.counted).toBe(true);
  });

  it.each([
    ['Sociologists at the Levada Center have recorded a record share of Russians who want to restrict the entry of migrants.', 'restrict', 'official_restriction'],
    ['The deportees were sent to Uzbekistan and Kazakhstan, where they lived under the special settlement regime until 1956.', 'deportees', 'deportation_entry_ban'],
    ['In 1944 Stalin ordered the deportation of the Meskhetian Turks to Uzbekistan.', 'deportation', 'deportation_entry_ban'],
  ])('does not count a poll or a history as the act (`voidedBy`): "%s"', (text, term, category) => {
    const hit = hitFor(analyzer.analyze({ text }), term);
    expect(hit.category).toBe(category);
    expect(hit.counted).toBe(false);
    expect(hit.reason).toMatch(/^voided by "/);
  });

  it.each([
    ['Since gunmen opened fire at the concert hall, killing 145 people, migrants from Central Asia have faced hostility.', 'killing', '145 people'],
    ['A man stabbed three people at a festival, and the debate turned to asylum seekers.', 'stabbed', 'three people'],
    ['In 2008, more than 60 people were killed in attacks that targeted foreigners.', 'killed', '60 people'],
  ])('does not count an attack on counted victims against a group named near it: "%s"', (text, act, victims) => {
    const hit = hitFor(analyzer.analyze({ text }), act);
    expect(hit.counted).toBe(false);
    expect(hit.reason).toBe(`done to "${victims}", counted, not to a group`);
  });

  it.each([
    ['Three people from Tajikistan were beaten outside the market.', 'beaten'],
    ['A mob beat two Uzbek migrants while dozens of people watched.', 'beat'],
  ])('still counts an attack on the group: "%s"', (text, act) => {
    expect(hitFor(analyzer.analyze({ text }), act).counted).toBe(true);
  });
});

describe('quotation', () => {
  it.each([
    ['“We will deport every illegal migrant,” said Prosecutor-General Igor Krasnov.', 'deport', 'Igor Krasnov'],
    ['Valentina Chupik told Mediazona that police raided migrant hostels all week.', 'raided', 'Valentina Chupik'],
    ['Migrant crime is rising, said the deputy, Oleg Petrov.', 'Migrant crime', 'Oleg Petrov'],
  ])('records the speaker of "%s"', (text, hitText, speaker) => {
    const hit = hitFor(analyzer.analyze({ text }), hitText);
    expect(hit.quotedBy).toBe(speaker);
    expect(hit.counted).toBe(true);
    expect(hit.reason).toContain(`quoted: ${speaker}`);
  });

  it('marks quoted content without a named speaker and still counts it', () => {
    const hit = hitFor(analyzer.analyze({ text: 'A banner read “Migrant crime must end” outside the market.' }), 'Migrant crime');
    expect(hit.quotedBy).toBeNull();
    expect(hit.counted).toBe(true);
    expect(hit.reason).toContain('in quotes');
  });
});

describe('euphemism and transliteration', () => {
  it.each([
    'Officers held an operation to identify illegal migrants at the vegetable depot.',
    'Police conducted a preventive raid on rubber apartments in the district.',
    'The court ordered the administrative expulsion of several gastarbeiters.',
    'Officials spoke of rude treatment of natives of Tajikistan at the border post.',
    'Police checked a hostel where workers from Tadzhikistan live and served summonses.',
    'The minister promised remigration on a scale the country has never seen.',
    'The government will suspend the right to asylum at the eastern border.',
    'The new law makes it a crime to be in the state without legal immigration status.',
    'A maternity hospital refused to admit a woman from Kyrgyzstan who had no insurance policy.',
    'Police suspect arson in the fire that destroyed housing planned for 80 refugees.',
    'Naturalised workers were handed summonses during a check at a building site.',
  ])('flags official and transliterated wording: "%s"', (text) => {
    expect(analyzer.analyze({ text }).flagged).toBe(true);
  });

  it.each([
    ['Crowds attacked homes and shops belonging to Syrians after the funeral.', 'attacked', 'Syrians'],
    ['The law lets police detain people they suspect of having entered the country illegally.', 'detain', 'entered the country illegally'],
  ])('counts the hit in "%s": a people in the plural, a status a suspicion is about', (text, hitText, target) => {
    const hit = hitFor(analyzer.analyze({ text }), hitText);
    expect(hit.counted).toBe(true);
    expect(hit.reason).toContain(`target "${target}"`);
  });
});

describe('phrases', () => {
  it.each([
    ['the article of the phrase', 'Police detained 30 workers from the Philippines at the port.', 'from the Philippines'],
    ['no article', 'Police detained 30 workers from Philippines at the port.', 'from Philippines'],
    ['a possessive', 'The deputy said migrants would replace our native population.', 'replace our native population'],
    ['another article', 'The deputy said migrants would replace a native population.', 'replace a native population'],
  ])('matches a phrase whose second word is an article with %s', (_, text, phrase) => {
    expect(analyzer.analyze({ text }).matches.map((m) => m.text)).toContain(phrase);
  });

  it('reads an article in a phrase as any article or none', () => {
    for (const [text, phrase] of [
      ['Fourteen foreign citizens were taken to a police station.', 'taken to a police station'],
      ['Fourteen foreign citizens were taken to police station.', 'taken to police station'],
    ] as const) {
      const hit = hitFor(analyzer.analyze({ text }), phrase);
      expect(hit.category).toBe('raid_detention');
      expect(hit.counted).toBe(true);
    }
  });

  it('reads quotation marks in a phrase as skippable when the quoted words stay whole', () => {
    const register = analyzer.analyze({ text: 'Since the register of "controlled persons" was introduced, a foreigner in it cannot open a bank account.' });
    expect(hitFor(register, 'register of "controlled persons').category).toBe('official_restriction');
    const rubber = analyzer.analyze({ text: 'Police checked flats registered as so-called "rubber" apartments in the city.' });
    expect(rubber.matches.filter((m) => m.kind === 'target').map((m) => [m.target, m.text])).toContainEqual(['migrants_general', 'rubber" apartments']);
  });

  it('keeps a quoted phrase whole rather than read a phrase across its opening mark', () => {
    const analysis = analyzer.analyze({ text: "The deputy blames 'migrant crime' for the rise in thefts." });
    expect(analysis.matches.find((m) => m.kind === 'category' && m.term === 'migrant crime')?.text).toBe('migrant crime');
    expect(analysis.matches.some((m) => m.kind === 'category' && m.term === 'blame migrant')).toBe(false);
  });

  it.each([
    ['Officers checked their documents at the gate of a hostel for migrant workers.', 'checked their documents', 'raid_detention'],
    ['The law lets officials revoke their citizenship if naturalised migrants skip military registration.', 'revoke their citizenship', 'official_restriction'],
  ])('reads a possessive in the text as skippable: "%s"', (text, phrase, category) => {
    const hit = hitFor(analyzer.analyze({ text }), phrase);
    expect(hit.category).toBe(category);
    expect(hit.counted).toBe(true);
  });

  it.each([
    ['a state summoning an envoy', 'Tajikistan summons Russian ambassador over treatment of Tajik migrants', 'forced_conscription'],
    ['a migrant going home to his family', 'He wanted to go home to his children, said the wife of the Uzbek worker.', 'hate_rhetoric'],
    ['police patrols stepped up to protect a shelter', 'Police will increase patrols near the shelter for asylum seekers.', 'raid_detention'],
    ['police patrolling a place', 'Officers would patrol the streets around the hostel for Tajik migrants more often.', 'raid_detention'],
    ['an attack on a building', 'Attacks on asylum accommodation rose last year, the police office said.', 'violence_attack'],
    ['a scanner, not a rule', 'Migration officers checked foreigners with fingerprint scanners.', 'official_restriction'],
    ['the dead repatriated, with a possessive where the phrase has an article', 'The embassy helped the families of the Uzbek workers repatriate their bodies.', 'deportation_entry_ban'],
    ['burns as injuries, not arson', 'One of the Uzbek workers was treated for burns in hospital.', 'arson_property'],
    ['violence in a church (out of scope)', 'The imam called on Muslims to pray for the priest who was stabbed in a church on Wednesday.', 'violence_attack'],
    ['pushing back against an argument', 'A few presenters have pushed back against the guests who attack migrants.', 'deportation_entry_ban'],
    ['dismissing figures as incomplete', 'Talk-show guests dismiss them as incomplete whenever the crime figures for foreign citizens are quoted.', 'discrimination_refusal'],
    ["migrants' own going home", 'They look at the wages and the winter, and most of them go home, the Kyrgyz recruiter said of the migrants.', 'hate_rhetoric'],
    ['a question of going home', '"People ask me: should we go home?" said the head of the Tajik diaspora group.', 'hate_rhetoric'],
    ['passengers getting out of a car', 'One girl got in, looked at me, and got out at the first traffic light, said the Tajik driver.', 'hate_rhetoric'],
    ['a situation getting out of hand', 'Things got out of hand when Tajik workers and local men argued over a parking space.', 'hate_rhetoric'],
    ['a city limit', 'Many migrant workers live in hostels just outside the city limits.', 'official_restriction'],
    ['the law the violators broke', 'Officers identified 213 violators of migration legislation among the foreign citizens checked.', 'official_restriction'],
    ['fleeing a call-up at home', 'Some of the Syrian refugees fled conscription, others fear arrest.', 'forced_conscription'],
    ['rallying people', 'Activists used the tragedy to mobilise people who were already angry about asylum seekers.', 'forced_conscription'],
    ['a court heading its cases', 'On administrative offences in the sphere of migration legislation. The court fined 23 citizens of the Republic of Uzbekistan.', 'official_restriction'],
    ['a digest of the news', 'Riot sentencing round-up: hotel arsonist, mosque attacker and online inciter among seven more jailed', 'raid_detention'],
    ['a time, not the term of a ban', 'In recent years bans on the employment of migrants in taxis have spread to many regions.', 'deportation_entry_ban'],
    ['an air-raid alert', 'An air raid alert lasted four hours, and the Tajik workers at the farm spent the night in a cellar.', 'raid_detention'],
    ['a barring from the country is an entry ban, not a rule', 'The number of Tajiks barred from re-entry rose sharply.', 'official_restriction'],
    ['fees hitting people', 'The new patent fees hit them in the pocket, Tajik workers said.', 'violence_attack'],
    ['a blow on a day, not on a body', 'A car struck a Honduran man on Tuesday night.', 'violence_attack'],
    ['workers taking jobs abroad, without the slogan\'s "our"', 'More Uzbek workers took jobs in the Gulf and in Britain last year.', 'hate_rhetoric'],
    ['a crowd mobilised online', 'The crowd had been mobilised through social media posts claiming the attacker was an asylum seeker.', 'forced_conscription'],
    ['a heart beating', '"But still my heart is beating," said the Tajik trader.', 'violence_attack'],
    ['the beating heart of a place', 'The market is the beating heart of the Tajik community in the city.', 'violence_attack'],
  ])('does not count shared vocabulary in a longer phrase: %s', (_name, text, category) => {
    const analysis = analyzer.analyze({ text });
    expect(counted(analysis, category)).toEqual([]);
  });

  it.each([
    ["Zimbabwean migrants were turned away at the clinic gate by the guards.", 'discrimination_refusal'],
    ['Three Kyrgyz citizens were turned away at Sheremetyevo airport.', 'deportation_entry_ban'],
  ])('reads turning people away at a clinic as refusal, at an airport as refusal of entry: "%s"', (text, category) => {
    expect(analyzer.analyze({ text }).categories).toEqual([category]);
  });

  it('names refusal for a patient turned away from a clinic in a flagged article, no group nearby', () => {
    const analysis = analyzer.analyze({
      text: 'Vigilantes attacked Zimbabwean migrants at a taxi rank and beat two traders. The city has about a million people. The next day a woman was turned away from a clinic in Hillbrow.',
    });
    expect(analysis.flagged).toBe(true);
    expect(analysis.categories).toContain('discrimination_refusal');
  });

  it('reads a crowd\'s cry that migrants are "killing our children" as rhetoric, not a killing', () => {
    const analysis = analyzer.analyze({ text: 'A man told the crowd outside the Uzbek café that "they are killing our children".' });
    expect(analysis.categories).toEqual(['hate_rhetoric']);
  });

  it.each([
    ['from re-entering', 'More than 9,000 of the returning Tajik migrants had been banned from re-entering Russia.'],
    ['from entry', 'A further 9,000 Uzbek citizens had been placed on the list of persons banned from entry.'],
    ['from the country', 'Returning Tajik migrants who had been banned from Russia were offered courses.'],
    ['for a term of years', '"Or you sit here for months and then you are banned for five years," a Kyrgyz migrant said.'],
    ['with bans on re-entry', 'Courts ordered the expulsion of many Kyrgyz workers with bans on re-entry.'],
    ['by a stamp', '"Now I have a ban stamp and a debt," the Kyrgyz man said.'],
    ['on leaving', 'Sign the contract or leave with a ban, officers told the Uzbek worker.'],
  ])('reads people banned from a country as an entry ban, not a restriction: banned %s', (_, text) => {
    expect(analyzer.analyze({ text }).categories).toEqual(['deportation_entry_ban']);
  });

  it.each([
    ['checks', 'After the attack, checks were tightened for Tajik travellers at Moscow airports.', []],
    ['enforcement', 'Ministers promised to tighten immigration enforcement against undocumented foreigners.', []],
    ['the rules', 'The ministry plans to tighten the rules for foreign workers next year.', ['official_restriction']],
  ])('reads tighter %s as a restriction only when rules are tightened', (_, text, expected) => {
    expect(counted(analyzer.analyze({ text }), 'official_restriction').length > 0 ? ['official_restriction'] : []).toEqual(expected);
  });

  it.each([
    ['could not be enrolled', 'The Uzbek boy could not be enrolled without a certificate.', true],
    ['will not be able to enrol', 'Thousands of migrant children will not be able to enrol this year.', true],
    ['left out of school', 'Migrant children were left out of school for a term.', true],
    ['outside the school system', 'Tens of thousands of children of migrants may now be outside the school system.', true],
    ['none left out', 'No migrant children were left out of school this year, the ministry said.', false],
  ])('reads children kept out of school as a refusal of service: %s', (_, text, refused) => {
    expect(counted(analyzer.analyze({ text }), 'discrimination_refusal').length > 0).toBe(refused);
  });

  it.each([
    ['Speakers at the rally demanded the "remigration" of millions of foreigners.'],
    ['Placards in the crowd read "Remigration now".'],
    ['Its posters promised a halt to what it called "knife migration".'],
  ])('reads the far right\'s slogans as rhetoric against migrants, not as a removal: %s', (text) => {
    const analysis = analyzer.analyze({ text });
    expect(analysis.categories).toEqual(['hate_rhetoric']);
    expect(analysis.targets).toEqual(['migrants_general']);
  });

  it('reads an attack on businesses as one on property, not on people', () => {
    const text = 'The fire was the third attack on businesses run by migrants from Central Asia in the region.';
    expect(counted(analyzer.analyze({ text }), 'violence_attack')).toEqual([]);
    expect(counted(analyzer.analyze({ text }), 'arson_property').map((m) => m.text)).toEqual(['attack on businesses']);
  });

  it.each([
    ['police sweeping schools after a bomb threat', 'Police swept the schools and found nothing suspicious after threats against Haitian immigrants.', 'raid_detention', false],
    ['a police sweep of a market', 'Police swept the market and detained 40 Haitian immigrants.', 'raid_detention', true],
    ['a rumour of raids, the noun after', 'Kyrgyz traders at the market are uneasy over raid rumours; police say no checks are planned.', 'raid_detention', false],
    ['threats in hateful language', 'Officials said the bomb threats contained hateful language about Haitian immigrants.', 'hate_rhetoric', true],
    ['a call to report hate speech', 'The forum asked residents to report hate speech against migrants to the police.', 'hate_rhetoric', false],
  ])('reads %s', (_, text, category, counts) => {
    expect(counted(analyzer.analyze({ text }), category).length > 0).toBe(counts);
  });

  it('still reads a ban on work as a restriction', () => {
    expect(analyzer.analyze({ text: 'The governor banned migrants from working as taxi drivers for five years.' }).categories).toEqual(['official_restriction']);
  });
});

describe('background dated years before the article', () => {
  const now = 'In March 2024 police raided hostels for Tajik migrants in Kazan. The raids of 2024 continued in April 2024.';

  it.each([
    ['a list of old years', `${now} South Africa has a long history of violence against migrants, including attacks on foreign nationals in 2008, 2015 and 2019.`, 'attacks on', 2019],
    ['an old year before the act', `${now} In May 2021, a crowd beat migrants from Uzbekistan in the same city.`, 'beat', 2021],
  ])('does not count a hit next to %s (`backgroundYears`)', (_name, text, term, year) => {
    const analysis = analyzer.analyze({ text });
    const hit = hitFor(analysis, term);
    expect(hit.counted).toBe(false);
    expect(hit.reason).toBe(`background: dated ${year}, ${2024 - year} years before the article's 2024`);
    expect(analysis.categories).toEqual(['raid_detention']);
  });

  it.each([
    ['last year', `${now} In 2023, a crowd beat migrants from Uzbekistan in the same city.`],
    ['a period that runs to now', `${now} Since 2019, crowds beat migrants from Uzbekistan in the city every summer.`],
    ['an old year far from the act', `${now} A crowd beat migrants from Uzbekistan on Sunday near the market that had been built in the city centre in 2005.`],
  ])('still counts a hit dated %s', (_name, text) => {
    const analysis = analyzer.analyze({ text });
    expect(hitFor(analysis, 'beat').counted).toBe(true);
    expect(analysis.categories).toContain('violence_attack');
  });

  it('dates nothing in an article that names no year, or for a pipeline without backgroundYears', () => {
    const text = 'Police raided hostels for Tajik migrants in Kazan. In May 2008, a crowd beat migrants from Uzbekistan in the same city.';
    expect(hitFor(analyzer.analyze({ text }), 'beat').counted).toBe(true);
    const off = createAnalyzer({ ...loadPipeline('xenophobia'), backgroundYears: null });
    expect(hitFor(off.analyze({ text: `${now} In May 2021, a crowd beat migrants from Uzbekistan.` }), 'beat').counted).toBe(true);
  });
});

describe('categories from the article context', () => {
  const text =
    'Police raided a construction site in Kazan on Tuesday and detained 40 natives of Central Asia. ' +
    'The regional ministry of labour published its quarterly figures. ' +
    'A court later ordered the deportation of twelve of those held.';

  it('reports the category of a clear act with no group nearby once the article is flagged, with no points', () => {
    const analysis = analyzer.analyze({ text });
    expect(analysis.flagged).toBe(true);
    const deportation = hitFor(analysis, 'deportation');
    expect(deportation.counted).toBe(false);
    expect(analysis.categories).toEqual(['raid_detention', 'deportation_entry_ban']);
    expect(analysis.breakdown.some((c) => c.category === 'deportation_entry_ban')).toBe(false);
    expect(analysis.reasons).toContain(
      `deportation_entry_ban from the article's context: "deportation" (text, sentence 3) — weight 3.0 ≥ 2.5 with no group nearby, in an article flagged for its group; no points`,
    );
  });

  it('reports nothing from the context of an article that is not flagged', () => {
    const analysis = analyzer.analyze({ text: 'The regional ministry of labour published its quarterly figures. A court ordered the deportation of twelve people.' });
    expect(analysis.flagged).toBe(false);
    expect(analysis.categories).toEqual([]);
  });

  it('does not report a weak hit from the context', () => {
    const analysis = analyzer.analyze({ text: `${text} Officials said a new bill was being discussed.` });
    expect(hitFor(analysis, 'bill').weight).toBeLessThan(2.5);
    expect(analysis.categories).not.toContain('official_restriction');
  });

  it('does not report an arrest from the context of an article about an attack (`notFromContextWith`)', () => {
    const riot = 'A crowd beat Syrian refugees and set fire to Syrian-owned shops in the city overnight. The governor appealed for calm. Police detained 67 people.';
    const analysis = analyzer.analyze({ text: riot });
    expect(analysis.flagged).toBe(true);
    expect(hitFor(analysis, 'detained').counted).toBe(false);
    expect(analysis.categories).toEqual(['arson_property', 'violence_attack']);
    const without = createAnalyzer({ ...loadPipeline('xenophobia'), categories: loadPipeline('xenophobia').categories.map((c) => ({ ...c, notFromContextWith: [] })) });
    expect(without.analyze({ text: riot }).categories).toContain('raid_detention');
    // An arrest still counts with the group near it, and from the context of an article about a raid.
    expect(analyzer.analyze({ text }).categories).toContain('deportation_entry_ban');
  });

  it('does not report a deportation from the context of an article about forced conscription, where it is the threat', () => {
    const pressure = 'Officers at the detention centre pressed Uzbek detainees to sign army contracts. One man said he was told he would be sent to the front. "Sign now, or you will be deported," an officer told him.';
    const analysis = analyzer.analyze({ text: pressure });
    expect(analysis.flagged).toBe(true);
    expect(hitFor(analysis, 'deported').counted).toBe(false);
    expect(analysis.categories).toEqual(['forced_conscription', 'raid_detention']);
    // The deportation of the group counts, as ever.
    expect(analyzer.analyze({ text: `${pressure} A court ordered the deportation of 12 Uzbek detainees.` }).categories).toContain('deportation_entry_ban');
  });

  it('is off for a pipeline without contextCategoryWeight', () => {
    const off = createAnalyzer({ ...loadPipeline('xenophobia'), contextCategoryWeight: null });
    expect(off.analyze({ text }).categories).toEqual(['raid_detention']);
  });
});

describe('scoring', () => {
  it('weights a hit in the title', () => {
    const title = analyzer.analyze({ title: 'Police raid migrant hostels', text: 'The city council met on Tuesday.' });
    const body = analyzer.analyze({ text: 'Police raid migrant hostels. The city council met on Tuesday.' });
    expect(title.score).toBe(body.score * 2);
    expect(title.flagged).toBe(true);
    expect(title.breakdown[0]?.field).toBe('title');
    expect(title.breakdown[0]?.factor).toBe(2);
  });

  it('carries a signal found only in the headline', () => {
    const analysis = analyzer.analyze({ title: 'Tajik workers deported after market checks', text: 'Remittances to Dushanbe rose in the first quarter, the national bank said.' });
    expect(analysis.flagged).toBe(true);
    expect(counted(analysis).every((m) => m.field === 'title')).toBe(true);
  });

  it('damps repeats of one term so they do not outrank distinct acts', () => {
    const repeated = analyzer.analyze({ text: Array.from({ length: 12 }, () => 'Police raided a migrant hostel.').join(' ') });
    const distinct = analyzer.analyze({
      text: 'Police raided a migrant hostel. A court deported two migrants. Migrants were beaten. A migrant shop was set on fire. Taxi passengers refused to ride with migrants.',
    });
    expect(distinct.score).toBeGreaterThan(repeated.score);
    expect(repeated.breakdown.map((c) => c.factor).slice(0, 3)).toEqual([1, 0.5, 0.25]);
  });

  it('flags at the threshold and lists categories by points', () => {
    const analysis = analyzer.analyze({ text: 'Police raided a dormitory of Uzbek migrants and detained twenty people. A court later deported them.' });
    expect(analysis.flagged).toBe(true);
    expect(analysis.score).toBeGreaterThanOrEqual(analysis.threshold);
    expect(analysis.categories).toEqual(['raid_detention', 'deportation_entry_ban']);
    expect(analysis.reasons[0]).toMatch(/^score [\d.]+ ≥ threshold 3\.0: flagged$/);
    expect(analysis.reasons[1]).toMatch(/^raid_detention \+3\.0: "raided" \(text, sentence 1\) — target "Uzbek" in the same sentence$/);
  });
});

describe('offsets', () => {
  const title = 'Tajik “gastarbeiters” face raids — and deportations';
  const text = 'Police raided hostels in St. Petersburg; natives of Tajikistan can’t leave.\n\n## Courts\n\nCourts ordered the deportation of 400 foreign citizens — an “operation to identify illegal migrants”, officials said.';
  const analysis = analyzer.analyze({ title, text });

  it.each(analysis.matches.map((m) => [m.field, m.text, m] as const))('points %s match `%s` at its text', (field, matchText, m) => {
    const source = field === 'title' ? title : text;
    expect(source.slice(m.start, m.end)).toBe(matchText);
    expect(m.sentenceText.length).toBeGreaterThan(0);
    expect(source).toContain(m.sentenceText);
  });

  it('points every entity at its text', () => {
    expect(analysis.entities.length).toBeGreaterThan(0);
    for (const e of analysis.entities) expect((e.field === 'title' ? title : text).slice(e.start, e.end)).toBe(e.text);
  });

  it('splits sentences at headings and paragraph breaks', () => {
    const courts = analysis.matches.find((m) => m.text === 'deportation' && m.field === 'text');
    expect(courts?.sentenceText.startsWith('Courts ordered')).toBe(true);
  });
});


describe('invisible characters', () => {
  const clean = {
    title: 'Raids on migrants in Kaluga',
    text: 'Police in Kaluga raided a hostel and detained 40 migrants from Tajikistan, said Valentina Chupik. Courts ordered their deportation.',
  };
  const hidden = (s: string) => s.replace(/migrants/g, 'mi\u00adgrants').replace('Tajikistan', 'Taji\u200bkistan').replace('Chupik', 'Chu\u2060pik').replace('deportation', 'de\u00adpor\u00adtation');
  const marked = { title: `\ufeff${hidden(clean.title)}`, text: hidden(clean.text) };
  const expected = analyzer.analyze(clean);
  const analysis = analyzer.analyze(marked);

  it('reads words split by soft hyphens and zero-width marks as whole words', () => {
    expect(analysis.flagged).toBe(true);
    expect(analysis.categories).toEqual(expected.categories);
    expect(analysis.targets).toEqual(expected.targets);
    expect(analysis.matches.map((m) => m.text)).toEqual(expected.matches.map((m) => m.text));
    expect(analysis.entities.map((e) => e.text)).toEqual(expected.entities.map((e) => e.text));
  });

  it('points matches and entities at the input as given', () => {
    const visible = (s: string) => s.replace(/[\u00ad\u200b\u2060\ufeff]/g, '');
    for (const span of [...analysis.matches, ...analysis.entities]) {
      const source = span.field === 'title' ? marked.title : marked.text;
      expect(visible(source.slice(span.start, span.end))).toBe(span.text);
    }
    expect(analysis.matches.some((m) => m.start !== expected.matches.find((x) => x.text === m.text && x.field === m.field)?.start)).toBe(true);
  });
});
describe('language', () => {
  it('does not analyse another language as English', () => {
    const analysis = analyzer.analyze({ text: 'Police raided migrant hostels.', lang: 'ru' });
    expect(analysis).toMatchObject({ lang: 'ru', flagged: false, score: 0, matches: [], categories: [] });
    expect(analysis.reasons[0]).toContain('not the pipeline');
  });

  it('analyses a regional tag of the pipeline language', () => {
    const analysis = analyzer.analyze({ text: 'Police raided migrant hostels.', lang: 'en-GB' });
    expect(analysis.lang).toBe('en');
    expect(analysis.flagged).toBe(true);
  });
});

describe('analyzer', () => {
  it('reports the pipeline and its version', () => {
    const analysis = analyzer.analyze({ text: '' });
    expect(analysis).toMatchObject({ pipeline: 'xenophobia', pipelineVersion: analyzer.pipeline.version, flagged: false, score: 0 });
    expect(ANALYZER_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('returns the same analysis for the same input', () => {
    const input = { title: 'Raids on migrant hostels', text: 'Police detained 40 Uzbek workers in Kazan.' };
    expect(analyzer.analyze(input)).toEqual(analyzer.analyze(input));
  });
});

describe('what a target mention is', () => {
  it.each([
    ['a country name alone is a place', 'Police raided a drug laboratory in Kyrgyzstan and detained four men.'],
    ['a demonym before an institution names an actor', 'Kyrgyz police raided the offices of a news site and detained two editors.'],
    ['an accident is no attack', 'A minibus crash kills six Uzbek workers on a highway.'],
    ['a named convict is not the group', 'A court jails a Tajik national for the murder of a taxi driver.'],
    ['war is out of scope', 'An airstrike on the market killed twelve Syrians and injured dozens more.'],
    ['drones at war are out of scope', 'Five people were hurt when Ukrainian drones attacked villages in the region overnight, the governor said. A drone hit a barn, injuring three farmhands, among them a migrant worker from Tajikistan.'],
    ['a people named in the singular is no group of migrants', 'The Syrian army attacked rebel positions near the border.'],
    // "man" names one person, most often in the news a defendant: "an Afghan man went on trial".
    ['one man of a people is no group', 'A 27-year-old Afghan man went on trial on Tuesday charged with murder over a knife attack at a festival.'],
    ['men of a people license no act', 'Police detained two Afghan men after a fight at a bus station. Officers raided the flat they shared.'],
    ['a man of a people licenses no act', 'A Syrian man was deported after serving a sentence for robbery. Officers raided his flat.'],
    ['one of a people named by the adjective licenses no act', 'A Nigerian, who had overstayed his visa, was deported after serving a sentence for robbery. Officers raided his flat.'],
  ])('does not flag: %s', (_name, text) => {
    expect(analyzer.analyze({ text }).flagged).toBe(false);
  });

  it('explains a hit next to one man of a people as lacking a group', () => {
    const analysis = analyzer.analyze({ text: 'A Syrian man was deported after serving a sentence for robbery.' });
    const hit = analysis.matches.find((m) => m.kind === 'category' && m.category === 'deportation_entry_ban');
    expect(hit?.counted).toBe(false);
    expect(hit?.reason).toBe('no target group within 1 sentence');
  });

  it('names the most specific group, and the general one only when it leads a hit', () => {
    const specific = analyzer.analyze({ text: 'Police detained Tajik migrants at a market.' });
    expect(specific.targets).toEqual(['tajik']);
    const both = analyzer.analyze({ text: 'Police held an operation to identify foreigners at building sites. Forty natives of Uzbekistan were detained.' });
    expect([...both.targets].sort()).toEqual(['migrants_general', 'uzbek']);
  });

  it('leaves out the general group when it leads far fewer hits than a narrower one', () => {
    const text =
      'Police raided a hostel of Kyrgyz workers in Moscow. Officers beat three Kyrgyz men during the raid. ' +
      'A court ordered the deportation of the Kyrgyz workers. Lawyers said the detention of foreigners was unlawful.';
    const analysis = analyzer.analyze({ text });
    const leads = (target: string) => analysis.matches.filter((m) => m.kind === 'target' && m.target === target && m.counted).length;
    expect(leads('migrants_general')).toBeGreaterThan(0);
    expect(analysis.targets).toEqual(['kyrgyz']);
  });

  it('lists every group a flagged article names as such, and the broader group another is within', () => {
    const analysis = analyzer.analyze({
      title: 'Crowds attack shops of Syrian refugees',
      text: 'Crowds attacked and set fire to shops owned by Syrian and Afghan refugees overnight. Police detained 76 people.',
    });
    expect(analysis.flagged).toBe(true);
    expect([...analysis.targets].sort()).toEqual(['migrants_general', 'other:afghan', 'other:syrian']);
  });

  it.each([
    ['named once after the first sentence', 'Police detained 76 people. An Afghan worker said he had left the district.', ['migrants_general', 'other:afghan', 'other:syrian']],
    ['named twice', 'Police detained 76 people. An Afghan worker said he had left. Afghans in the next street closed early.', ['migrants_general', 'other:afghan', 'other:syrian']],
    ['named as a suspect', 'Police detained 76 people. An Afghan man was charged with arson.', ['migrants_general', 'other:syrian']],
    ['named as a suspect after a relative clause', 'Police detained 76 people. An Afghan man who had been due to be deported was charged with arson.', ['migrants_general', 'other:syrian']],
    ['named as a suspect after a clause on his claim', 'Police detained 76 people. A man from Afghanistan whose asylum claim had been rejected is suspected.', ['migrants_general', 'other:syrian']],
    ['a relative clause on the people, then their own verb', 'Police detained 76 people. An Afghan man who had been living in the town for years was injured.', ['migrants_general', 'other:afghan', 'other:syrian']],
    ['not named', 'Police detained 76 people. A local man said he had left the district.', ['migrants_general', 'other:syrian']],
    ['a man of the people', 'Police detained 76 people. An Afghan man said he had left the district.', ['migrants_general', 'other:afghan', 'other:syrian']],
    ['men of the people', 'Police detained 76 people. Two Afghan men said they had left the district.', ['migrants_general', 'other:afghan', 'other:syrian']],
    ['one of the people, by the adjective', 'Police detained 76 people. Emeka Obi, a Nigerian who runs a repair shop, said he had left.', ['migrants_general', 'other:nigerian', 'other:syrian']],
    ['one of the people, by the adjective after an age', 'Police detained 76 people. Tendai Moyo, a 27-year-old Zimbabwean who sells fruit, said he had left.', ['migrants_general', 'other:syrian', 'other:zimbabwean']],
    ['one of the people, by the adjective before what the person does', 'Police detained 76 people. Chikondi Banda, a Malawian gardener who has lived there for years, left.', ['migrants_general', 'other:malawian', 'other:syrian']],
    ['an adjective before a thing is no people', 'Police detained 76 people near a Nigerian restaurant that stayed open.', ['migrants_general', 'other:syrian']],
    ['a day of the week is no people', 'Police detained 76 people late on a Friday, when the market closes.', ['migrants_general', 'other:syrian']],
  ])('lists every people beyond the scheme that a flagged article names as such, once is enough: %s', (_, rest, expected) => {
    const analysis = analyzer.analyze({ title: 'Crowds attack shops of Syrian refugees', text: `Crowds attacked and set fire to shops owned by Syrian refugees overnight. ${rest}` });
    expect([...analysis.targets].sort()).toEqual(expected);
  });

  it.each([
    ['a body of no state', 'The city government said police had detained dozens of citizens during document checks at the market.'],
    ['the state named in another sentence', "Tajikistan's embassy said it was looking into the reports. Police had detained dozens of citizens at the market."],
  ])('reads citizens as a state\'s only where its body speaks in the sentence: %s', (_, text) => {
    expect(analyzer.analyze({ text }).matches.filter((m) => m.kind === 'target')).toEqual([]);
  });

  it.each([
    ['a country of a group', 'Police raided the market and detained 40 migrants, among them a trader from Lagos in Nigeria.', ['migrants_general', 'other:nigerian']],
    ['a month after the place', 'Police raided the market and detained 40 migrants. A courier who flew in from Osh in March was among them.', ['migrants_general']],
    ['a country of no group', 'Police raided the market and detained 40 migrants, among them a trader from Lyon in France.', ['migrants_general']],
  ])('reads "from <place> in <country>" as from the country only where the country is one: %s', (_, text, expected) => {
    expect(flaggedTargets(text)).toEqual(expected);
  });

  it.each([
    ['asked with "which"', '"They asked me which mosque I go to," one said.', ['tajik']],
    ['asked with "what"', '"They asked what mosque I go to."', ['tajik']],
    ['a plural after "which" names the group', 'Officers asked which Muslims among them prayed at home.', ['muslims', 'tajik']],
    ['named outside a question', 'Officers also searched a mosque near the airport.', ['muslims', 'tajik']],
  ])('reads a group word asked about as no mention: %s', (_, sentence, expected) => {
    expect(flaggedTargets(`Border guards detained 300 Tajik citizens at Vnukovo and deported dozens of them. ${sentence}`)).toEqual(expected);
  });

  it.each([
    ['two peoples', 'Shops owned by Somali and Ethiopian nationals were looted and set on fire.', ['migrants_general', 'other:ethiopian', 'other:somali']],
    ['three peoples', 'Agents raided the plant and detained Guatemalan, Mexican and Honduran workers.', ['migrants_general', 'other:guatemalan', 'other:honduran', 'other:mexican']],
    ['a list before what is no people', 'Police raided a market and detained 40 migrants. Somali and Ethiopian restaurants stayed closed.', ['migrants_general']],
  ])('names each people of a list of adjectives before a word for people: %s', (_, text, expected) => {
    expect(flaggedTargets(text)).toEqual(expected);
  });

  it.each([
    ['after "in"', 'A voice message in Uzbek called for raids on migrants.', ['migrants_general']],
    ['in a list after "in"', 'Advertisements in Tajik and Uzbek were posted in hostels where police detained 300 migrants.', ['migrants_general']],
    ['after "than"', 'She speaks Russian better than Tajik, said a girl whose parents were detained in a raid on migrants.', ['migrants_general']],
    ['after "speak"', 'He spoke Kyrgyz to officers who detained 40 migrants in a raid.', ['migrants_general']],
    ['the people, in the plural', 'Police detained 40 Tajiks in a raid.', ['tajik']],
    ['the people, before a noun after "in"', 'Police raided hostels in Tajik neighbourhoods and detained 300 migrants.', ['migrants_general', 'tajik']],
  ])('reads a people\'s adjective alone after "in", "than" or "speak" as its language: %s', (_, text, expected) => {
    expect([...analyzer.analyze({ text }).targets].sort()).toEqual(expected);
  });

  it.each([
    ['last of a list of places', 'Police raided workplaces, hostels and mosques in Moscow and detained 300 migrants.', ['migrants_general']],
    ['first of a list of places', 'Police raided mosques, markets and hostels in Moscow and detained 300 migrants.', ['migrants_general']],
    ['after a place of two words', 'Police raided construction sites, warehouses and mosques and detained 300 migrants.', ['migrants_general']],
    ['one of two places', 'Police raided mosques and markets and detained 300 migrants.', ['migrants_general', 'muslims']],
    ['alone', 'Police raided a mosque after Friday prayers and detained 300 migrants.', ['migrants_general', 'muslims']],
    ['before a comma and a speaker', 'Police raided mosques, officers said, and detained 300 migrants.', ['migrants_general', 'muslims']],
    ['beside what a speaker rejects', 'The deputy said towns were being changed by foreign cultures and mosques, and called for mass deportations of migrants.', ['migrants_general', 'muslims']],
  ])('reads a mosque listed among three or more places as a place, not the faithful: %s', (_, text, expected) => {
    expect([...analyzer.analyze({ text }).targets].sort()).toEqual(expected);
  });

  it('names each people of a list after "from"', () => {
    const analysis = analyzer.analyze({ text: 'Vigilantes raided shops run by migrants from Somalia, Ethiopia, Bangladesh and Malawi and told the owners to leave.' });
    expect([...analysis.targets].sort()).toEqual(['migrants_general', 'other:bangladeshi', 'other:ethiopian', 'other:malawian', 'other:somali']);
  });

  it.each([
    ['citizens of the countries', 'Police detained 40 citizens of Central Asian countries at the market.', ['central_asian']],
    ['people from the republics', 'Police detained 40 people from the Central Asian republics at the market.', ['central_asian']],
    ['the countries alone', 'Police detained 40 foreigners at the market. Central Asian states protested.', ['migrants_general']],
  ])('names Central Asians by their countries: %s', (_, text, expected) => {
    expect(analyzer.analyze({ text }).targets).toEqual(expected);
  });

  it.each([
    ['citizens of', 'The bill would end visa-free entry for citizens of Tajikistan, Uzbekistan and Kyrgyzstan.'],
    ['natives of', 'Police detained 40 natives of Tajikistan, Uzbekistan or Kyrgyzstan at the market.'],
    ['shares in brackets', 'Most of those detained in the raids were citizens of Uzbekistan (38 percent), Tajikistan (35 percent) and Kyrgyzstan (19 percent).'],
  ])('names each people of a list after a mention that ends in a country: %s', (_, text) => {
    expect([...analyzer.analyze({ title: 'Raids and bans', text }).targets].sort()).toEqual(['kyrgyz', 'tajik', 'uzbek']);
  });

  it.each([
    [
      'three countries after "from"',
      'Greece suspended asylum claims by sea arrivals and began detaining new arrivals. The coastguard said the boats set out from Libya. Many of the arrivals are from Sudan, Egypt, Bangladesh and Pakistan.',
      ['migrants_general'],
    ],
    [
      'three countries after "citizens of", with shares',
      'Police raided hostels and detained 300 migrants. The city has about a million people. Most foreign workers in the region are citizens of Uzbekistan (38 percent), Tajikistan (35 percent) and Kyrgyzstan.',
      ['migrants_general'],
    ],
    ['two countries', 'Police raided hostels and detained 300 migrants. The city has about a million people. Most foreign workers in the region come from Uzbekistan and Tajikistan.', ['migrants_general', 'tajik', 'uzbek']],
    ['a list next to the act', 'Police raided hostels and detained 300 migrants. Most of them came from Uzbekistan, Tajikistan and Kyrgyzstan.', ['kyrgyz', 'migrants_general', 'tajik', 'uzbek']],
    ['a list the act is done to', 'Police raided building sites and detained 300 migrants from Uzbekistan, Tajikistan and Kyrgyzstan.', ['kyrgyz', 'migrants_general', 'tajik', 'uzbek']],
  ])('does not list the countries of a background list of three or more: %s', (_, text, expected) => {
    expect(flaggedTargets(text)).toEqual(expected);
  });

  it.each([
    ['a currency', 'The rouble fell against Central Asian currencies.'],
    ['partners', 'The Kremlin said it values its Central Asian partners.'],
    ['allies', 'Moscow counts on its Central Asian allies.'],
    ['carriers', 'Uzbek carriers have cut flights to Moscow.'],
    ['an economy', 'The Tajik economy depends on money sent home.'],
    ['universities', 'Thousands of foreign students are enrolled in Kyrgyz universities.'],
    ['customs', 'A deputy said guests must respect Kyrgyz customs.'],
    ['a law', 'Dual citizenship is allowed under Tajik law.'],
    ['gas', 'Uzbek gas exports fell in March.'],
    ['soil', 'It was the first match between the two national teams on Kyrgyz soil in four years.'],
  ])('does not list a group for a people\'s word before what is no people: %s', (_, sentence) => {
    const analysis = analyzer.analyze({ text: `Police raided a dormitory of migrant workers and detained 40 people. ${sentence}` });
    expect(analysis.flagged).toBe(true);
    expect(analysis.targets).toEqual(['migrants_general']);
  });

  it.each([
    ['names no group alone', 'Police raided hostels and detained 300 migrants. The city has about a million people. A building firm sent recruiters to Kyrgyzstan.', ['migrants_general']],
    ['names the people an act is done to', 'Police raided hostels in Kazan and courts ordered 40 men deported to Tajikistan.', ['tajik']],
  ])('reads a country after "to" as a destination, which %s', (_, text, expected) => {
    expect(flaggedTargets(text)).toEqual(expected);
  });

  it.each([
    ['a people', 'Police raided a hostel of Tajik migrants in Kazan and detained 40 people.', ['tajik']],
    ['a list of peoples, past a modifier', 'Police raided a hostel of Tajik and Uzbek labour migrants and detained 40 people.', ['tajik', 'uzbek']],
    ['nothing', 'Police raided a hostel of migrants in Kazan and detained 40 people.', ['migrants_general']],
  ])('reads a general group word qualified by %s as that qualifier', (_, text, expected) => {
    expect(flaggedTargets(text)).toEqual(expected);
  });

  it.each([
    ['an adjective before the head', 'An Uzbek cultural association condemned the raid.'],
    ['a noun before the head', 'An Uzbek community association condemned the raid.'],
    ['a list of groups before the head', 'The Uzbek and Kyrgyz embassies condemned the raid.'],
    ['a plural possessive', "Uzbek traders' associations condemned the raid."],
    ['officials from its country', 'Diplomats from Uzbekistan condemned the raid.'],
  ])('does not list a group named by a body that speaks for it: %s', (_, sentence) => {
    const analysis = analyzer.analyze({ text: `Police raided a dormitory of Tajik workers. ${sentence}` });
    expect(analysis.targets).toEqual(['tajik']);
  });

  it('does not list a group named only in an institution\'s name, though the people held there are counted', () => {
    const inCentre = analyzer.analyze({ text: 'Guards beat a Tajik man held at a detention centre for foreign citizens in Yekaterinburg.' });
    expect(inCentre.flagged).toBe(true);
    expect(inCentre.matches.some((m) => m.kind === 'target' && m.target === 'migrants_general' && m.text === 'foreign citizens')).toBe(false);
    const named = analyzer.analyze({ text: 'Guards beat a Tajik man held at the centre for the temporary detention of foreign citizens. Foreign citizens wait there for months.' });
    expect(named.matches.filter((m) => m.kind === 'target' && m.target === 'migrants_general').map((m) => m.sentence)).toEqual([1]);
  });

  it.each([
    ['anti-Muslim slogans were sprayed on a refugee shelter', 'muslims'],
    ['Slogans reading "Islam out" were sprayed on the shelter of asylum seekers', 'muslims'],
    ['A pharmacy refused to serve a woman in a headscarf', 'muslims'],
  ])('names Muslims by hostility to Islam and by what they wear: %s', (text, target) => {
    expect(analyzer.analyze({ text: `${text}.` }).targets).toContain(target);
  });

  it('reads an incident cue anywhere in the sentence', () => {
    const analysis = analyzer.analyze({ text: 'Six people were killed and eight injured when a minibus carrying workers from Uzbekistan collided with a truck.' });
    expect(hitFor(analysis, 'killed').counted).toBe(false);
    expect(hitFor(analysis, 'killed').reason).toBe('concerns an accident or incident ("collided" in the sentence)');
    expect(analysis.flagged).toBe(false);
  });

  it('reads a suspect cue that overlaps the hit: the arrested man is the suspect', () => {
    const analysis = analyzer.analyze({ text: 'A man from Uzbekistan was arrested over a fatal stabbing in a bar.' });
    expect(hitFor(analysis, 'arrested').reason).toBe('concerns suspects ("arrested over")');
    expect(analysis.flagged).toBe(false);
  });

  it('explains counted hits with points, place, factors and speaker, and says why a hit did not count', () => {
    const analysis = analyzer.analyze({
      title: 'Police raid migrant hostel in Kazan',
      text: 'Police raided the hostel again on Friday, detaining migrants. "We will deport every illegal migrant," said Prosecutor-General Igor Krasnov. No arson was reported.',
    });
    expect(analysis.reasons).toEqual([
      'score 13.0 ≥ threshold 3.0: flagged',
      'raid_detention +6.0: "raid" (title, sentence 1; title ×2.0) — target "migrant" in the same sentence',
      'deportation_entry_ban +3.0: "deport" (text, sentence 2) — target "illegal migrant" in the same sentence; quoted: Igor Krasnov',
      'raid_detention +2.5: "detaining" (text, sentence 1) — target "migrants" in the same sentence',
      'raid_detention +1.5: "raided" (text, sentence 1; repeat ×0.5) — target "migrants" in the same sentence',
      'arson_property not counted: "arson" (text, sentence 3) — negated by "No"',
    ]);
  });

  it('explains an accident hit', () => {
    const hit = analyzer.analyze({ text: 'A minibus crash kills six Uzbek workers on a highway.' }).matches.find((m) => m.kind === 'category' && m.text === 'kills');
    expect(hit?.reason).toBe('concerns an accident or incident ("crash" in the sentence)');
  });
});

describe('consecutive analyses', () => {
  // The analyzer refills one set of token columns for every article: an analysis keeps none of them,
  // and nothing of one article's columns is left for the next, whatever their lengths.
  it("keep nothing of each other: the same articles read in opposite orders give the same analyses", () => {
    const articles = readLabelledSet('fixtures/eval/analysis.jsonl').slice(0, 40);
    const forward = createAnalyzer(loadPipeline('xenophobia'));
    const backward = createAnalyzer(loadPipeline('xenophobia'));
    const read = (analyzer: ReturnType<typeof createAnalyzer>, a: LabelledArticle) => analyzer.analyze({ title: a.title, text: a.text });
    const ahead = articles.map((a) => read(forward, a));
    const behind = [...articles].reverse().map((a) => read(backward, a)).reverse();
    // Serializing reads the reasons too, long after each article was read.
    const plain = (analyses: Analysis[]) => analyses.map((a) => JSON.parse(JSON.stringify(a)) as unknown);
    expect(plain(ahead)).toEqual(plain(behind));
    expect(ahead.filter((a) => a.flagged).length).toBeGreaterThan(10);
  });
});
