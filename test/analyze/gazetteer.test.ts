import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze/index.js';
import { GAZETTEER, HAS_WORLD_DATA, normalizeName } from '../../src/analyze/gazetteer/index.js';
import { COUNTRIES, LOCATIONS } from '../../src/analyze/gazetteer/places.js';
import { loadPipeline } from '../../src/config/pipeline.js';

const analyzer = createAnalyzer(loadPipeline('xenophobia'));

function typed(text: string, title: string | null = null): string[] {
  return analyzer.analyze({ text, title }).entities.map((e) => `${e.text}:${e.type}:${e.canonical}`);
}

const HAND_NAMES = new Set([...LOCATIONS.flat(), ...COUNTRIES.flatMap((c) => [c.name, ...c.aliases])].map(normalizeName));

describe('the world gazetteer', () => {
  it('is built with the analyzer (npm run build writes dist/analyze/gazetteer/world-data.js)', () => {
    expect(HAS_WORLD_DATA, 'dist/analyze/gazetteer/world-data.js is missing: run `npm run build`').toBe(true);
  });

  it.each([
    ['Police detained 40 migrants at a market in Taraz on Tuesday.', 'Taraz', 'Taraz'],
    ['Workers from Ekibastuz were questioned.', 'Ekibastuz', 'Ekibastuz'],
    ['A bus from Erzurum was stopped at the border.', 'Erzurum', 'Erzurum'],
    ['Refugees in Eskisehir were moved to a camp.', 'Eskisehir', 'Eskişehir'],
    ['A shelter in Gauteng was attacked overnight.', 'Gauteng', 'Gauteng'],
    ['Farm workers in Nebraska were detained.', 'Nebraska', 'Nebraska'],
    ['An asylum hostel in Saxony burned.', 'Saxony', 'Saxony'],
    ['The market in Qarshi was raided.', 'Qarshi', 'Karshi'],
  ])('types a town or region the hand lists lack as a location: %s', (text, name, canonical) => {
    expect(HAND_NAMES.has(normalizeName(name))).toBe(false);
    expect(typed(text)).toContain(`${name}:location:${canonical}`);
  });

  it('reads the GeoNames and the press spelling of a Russian town as one place', () => {
    expect(typed('The court in Groznyy heard the case.')).toEqual(['Groznyy:location:Grozny']);
    expect(typed('Migrants in Nizhniy Novgorod complained.')).toEqual(['Nizhniy Novgorod:location:Nizhny Novgorod']);
  });

  it.each([
    ['Reading the report, officials said nothing.'],
    ['Mobile phones were seized during the raid.'],
    ['Split decisions were made by the court.'],
    ['Van drivers were stopped at the border.'],
    ['MOBILE PHONES SEIZED IN RAID ON MARKET'],
  ])('does not take a common word for a town: %s', (text) => {
    expect(typed(text)).toEqual([]);
  });

  it.each(['reading', 'mobile', 'split', 'van', 'of', 'regina', 'eugene'])('leaves the common word or first name "%s" out of the gazetteer', (word) => {
    expect(GAZETTEER.has(word)).toBe(false);
  });

  it.each([
    ['kazan', true],
    ['kulob', true],
    ['almaty', true],
    ['london', false],
    ['osaka', false],
  ])('knows whether "%s" is a town of Russia, Central Asia and their neighbours: %s', (key, isNearTown) => {
    expect(GAZETTEER.get(key)?.isNearTown).toBe(isNearTown);
  });

  it('keeps a demonym a group word, though a place of that name exists', () => {
    expect(typed('German police investigated the arson.')).toEqual([]);
  });

  it('types a town that shares a surname as the person named in full in the text', () => {
    expect(typed('Lewis Hamilton won the race. Hamilton thanked his team.')).toEqual([
      'Lewis Hamilton:person:Lewis Hamilton',
      'Hamilton:person:Lewis Hamilton',
    ]);
    expect(typed('Coach Hamilton praised the players.')).toEqual(['Hamilton:person:Hamilton']);
    expect(typed('Police in Hamilton arrested two men.')).toEqual(['Hamilton:location:Hamilton']);
  });

  it('keeps a government named by its capital a place before a speech verb', () => {
    expect(typed('Ankara said it would deport them.')).toEqual(['Ankara:location:Ankara']);
  });
});
