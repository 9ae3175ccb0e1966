import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPipelines, loadPipeline, parsePipeline } from '../../src/config/pipeline.js';
import { ConfigError } from '../../src/errors.js';
import { CATEGORY_IDS, TARGET_IDS } from '../../src/fixture-site/index.js';

// The scheme's ids (DOMAIN.md), as the fixture site's labels are checked against them.
const DOMAIN_CATEGORIES = CATEGORY_IDS;
const DOMAIN_TARGETS = TARGET_IDS;

const MINIMAL = `
name: tiny
version: "1"
description: A small pipeline for tests.
language: en
threshold: 2
titleWeight: 2
targetWindow: 1
negationCues: ["no", not]
categories:
  raid_detention:
    label: Raids
    description: Raids on migrants.
    terms:
      - raid
      - { term: document check, weight: 2.5 }
targets:
  migrants_general:
    label: Migrants
    terms: [migrant]
`;

function issuesOf(source: string): { path: string; message: string }[] {
  try {
    parsePipeline(source, 'bad.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected the pipeline to be rejected');
}

/** The lines a user reads: one per problem, each naming the key, the file, the expectation and the received value. */
function messageLinesOf(source: string): string[] {
  try {
    parsePipeline(source, 'bad.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message.split('\n');
  }
  throw new Error('expected the pipeline to be rejected');
}

describe('loadPipeline', () => {
  it('loads the default pipeline by name with every DOMAIN.md category and target group', () => {
    const pipeline = loadPipeline('xenophobia');
    expect(pipeline.name).toBe('xenophobia');
    expect(pipeline.language).toBe('en');
    expect(pipeline.categories.map((c) => c.id).sort()).toEqual([...DOMAIN_CATEGORIES].sort());
    // DOMAIN.md's groups, and other:<name> groups, each reported within one of them.
    const ids = pipeline.targets.map((t) => t.id);
    expect(ids.filter((id) => !id.startsWith('other:')).sort()).toEqual([...DOMAIN_TARGETS].sort());
    for (const t of pipeline.targets.filter((t) => t.id.startsWith('other:'))) {
      expect(t.within.length, t.id).toBeGreaterThan(0);
      for (const broader of t.within) expect(DOMAIN_TARGETS).toContain(broader);
    }
    for (const category of pipeline.categories) expect(category.terms.length).toBeGreaterThan(5);
  });

  it("names each other:<name> group by its people's adjective, as the scheme names tajik and uzbek", () => {
    const pipeline = loadPipeline('xenophobia');
    const others = pipeline.targets.filter((t) => t.id.startsWith('other:'));
    expect(others.length).toBeGreaterThan(0);
    for (const t of others) {
      const adjective = t.id.slice('other:'.length);
      // "other:syrian" has "Syrian refugee" among its terms; "other:syrians" would have none.
      expect(t.terms.some((term) => term.term.toLowerCase().startsWith(`${adjective} `)), t.id).toBe(true);
    }
  });

  it('returns a frozen definition', () => {
    const pipeline = loadPipeline('xenophobia');
    expect(Object.isFrozen(pipeline)).toBe(true);
    expect(Object.isFrozen(pipeline.categories[0]?.terms[0])).toBe(true);
  });

  it('loads a pipeline from a path and fills defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xenoscope-pipelines-'));
    const file = join(dir, 'tiny.yaml');
    writeFileSync(file, MINIMAL);
    const pipeline = loadPipeline(file);
    expect(pipeline.version).toBe('1');
    expect(pipeline.repeatDecay).toBe(0.5);
    expect(pipeline.categories[0]?.terms).toEqual([
      { term: 'raid', weight: 1, namesTarget: null, pos: null, targetWindow: null },
      { term: 'document check', weight: 2.5, namesTarget: null, pos: null, targetWindow: null },
    ]);
    expect(listPipelines(dir)).toEqual([{ name: 'tiny', file }]);
    expect(loadPipeline('tiny', { pipelinesDir: dir }).name).toBe('tiny');
  });

  it('names the known pipelines when a name is not found', () => {
    expect(() => loadPipeline('no-such-pipeline')).toThrow(/known pipelines: .*xenophobia/);
  });
});

const TOP_LEVEL_KEYS =
  'name, version, description, language, threshold, titleWeight, targetWindow, repeatDecay, contextCategoryWeight, backgroundYears, negationCues, negationWindow, denialCues, clauseBreaks, counterSpeechCues, suspectCues, incidentCues, blamingClaims, refusalPlaces, doerActs, countedVictims, placeTerms, nonTargetHeads, nonTargetPrefixes, quotationVerbs, categories, targets';

describe('pipeline validation', () => {
  it.each([
    ['an unknown top-level key, with the likely fix', MINIMAL.replace('targetWindow: 1', 'targetWindow: 1\ntreshold: 3'), [`treshold in bad.yaml: unknown key; expected one of ${TOP_LEVEL_KEYS} (did you mean \`threshold\`?)`]],
    ['an unknown key of a term, with the likely fix', MINIMAL.replace('weight: 2.5', 'wieght: 2.5'), ['categories.raid_detention.terms[1].wieght in bad.yaml: unknown key; expected one of term, weight, namesTarget, pos, targetWindow (did you mean `weight`?)']],
    ['an unknown key of a category, with the likely fix', MINIMAL.replace('    label: Raids', '    lable: Raids'), [
      'categories.raid_detention.label in bad.yaml: expected a non-empty label, but the key is missing',
      'categories.raid_detention.lable in bad.yaml: unknown key; expected one of label, description, weight, discountedByCounterSpeech, notNegatedBy, voidedBy, notFromContextWith, terms (did you mean `label`?)',
    ]],
    ['an unknown key too far from any known one for a hint', MINIMAL.replace('    label: Migrants', '    label: Migrants\n    colour: red'), ['targets.migrants_general.colour in bad.yaml: unknown key; expected one of label, terms, narrower, within']],
    ['a weight that is not a number', MINIMAL.replace('weight: 2.5', 'weight: high'), ['categories.raid_detention.terms[1].weight in bad.yaml: expected a number ≥ 0, received the string `high`']],
    ['a list where a word is expected', MINIMAL.replace('label: Raids', 'label: [Raids]'), ['categories.raid_detention.label in bad.yaml: expected a non-empty label, received a list of 1 item']],
    ['a term that is neither a string nor a mapping', MINIMAL.replace('terms: [migrant]', 'terms: [migrant, 3]'), ['targets.migrants_general.terms[1] in bad.yaml: expected a term string or a mapping { term, weight, namesTarget, pos, targetWindow }, received the number `3`']],
    ['a switch that is not true or false', MINIMAL.replace('    label: Raids', '    label: Raids\n    discountedByCounterSpeech: yes'), ['categories.raid_detention.discountedByCounterSpeech in bad.yaml: expected true or false, received the string `yes`']],
    ['a negative title weight', MINIMAL.replace('titleWeight: 2', 'titleWeight: -1'), ['titleWeight in bad.yaml: expected a number ≥ 0, received the number `-1`']],
    ['a threshold of zero', MINIMAL.replace('threshold: 2', 'threshold: 0'), ['threshold in bad.yaml: expected a number > 0, received the number `0`']],
    ['a repeat decay above 1', MINIMAL.replace('targetWindow: 1', 'targetWindow: 1\nrepeatDecay: 1.5'), ['repeatDecay in bad.yaml: expected a number between 0 and 1, received the number `1.5`']],
    ['a fractional target window', MINIMAL.replace('targetWindow: 1', 'targetWindow: 1.5'), ['targetWindow in bad.yaml: expected a whole number ≥ 0, received the number `1.5`']],
    ['an unknown part of speech', MINIMAL.replace('weight: 2.5', 'weight: 2.5, pos: noun'), ['categories.raid_detention.terms[1].pos in bad.yaml: expected one of NOUN, VERB, ADJ, ADV, PROPN, received the string `noun`']],
    ['a language that is not a language tag', MINIMAL.replace('language: en', 'language: English'), ['language in bad.yaml: expected a BCP 47 language tag such as "en", received the string `English`']],
    ['a missing version', MINIMAL.replace('version: "1"\n', ''), ['version in bad.yaml: expected a version string such as "2024.1", but the key is missing']],
    ['a category without terms', MINIMAL.replace(/    terms:\n      - raid\n.*\n/, ''), ['categories.raid_detention.terms in bad.yaml: expected a list of terms, but the key is missing']],
    ['an empty term list', MINIMAL.replace('terms: [migrant]', 'terms: []'), ['targets.migrants_general.terms in bad.yaml: expected at least one term, received an empty list']],
    ['an empty term', MINIMAL.replace('terms: [migrant]', 'terms: [migrant, ""]'), ['targets.migrants_general.terms[1].term in bad.yaml: expected a non-empty string, received an empty string']],
    ['a key left empty', MINIMAL.replace('description: A small pipeline for tests.', 'description:'), ['description in bad.yaml: expected a non-empty description, received `null` (an empty value)']],
    ['a category id that is not an id', MINIMAL.replace('  raid_detention:', '  Raid detention:'), ['categories["Raid detention"] in bad.yaml: expected a category id of lowercase letters, digits and _, received the string `Raid detention`']],
    ['namesTarget pointing at an unknown target', MINIMAL.replace('{ term: document check, weight: 2.5 }', '{ term: document check, namesTarget: tajik }'), ['categories.raid_detention.terms[1].namesTarget in bad.yaml: expected one of the targets (migrants_general), received the string `tajik`']],
    ['a narrower target that does not exist', MINIMAL.replace('terms: [migrant]', 'terms: [migrant]\n    narrower: [tajik]'), ['targets.migrants_general.narrower[0] in bad.yaml: expected the id of another target (this pipeline has only migrants_general), received the string `tajik`']],
    ['a duplicate term', MINIMAL.replace('terms: [migrant]', 'terms: [migrant, Migrant]'), ['targets.migrants_general.terms[1].term in bad.yaml: expected each term once, received the string `Migrant` again (first at terms[0])']],
    [
      'a blamed act that is not a category',
      `${MINIMAL}blamingClaims: { cues: [claim], acts: [arson_property], category: raid_detention, weight: 3 }\n`,
      ['blamingClaims.acts[0] in bad.yaml: expected one of the categories (raid_detention), received the string `arson_property`'],
    ],
    [
      'a blaming claim that counts under no category',
      `${MINIMAL}blamingClaims: { cues: [claim], acts: [raid_detention], category: hate_rhetoric, weight: 3 }\n`,
      ['blamingClaims.category in bad.yaml: expected one of the categories (raid_detention), received the string `hate_rhetoric`'],
    ],
    [
      'a refused act that is not a category',
      `${MINIMAL}refusalPlaces: { cues: [clinic], acts: [deportation_entry_ban], category: raid_detention }\n`,
      ['refusalPlaces.acts[0] in bad.yaml: expected one of the categories (raid_detention), received the string `deportation_entry_ban`'],
    ],
    [
      'refusals that count under no category',
      `${MINIMAL}refusalPlaces: { cues: [clinic], acts: [raid_detention], category: discrimination_refusal }\n`,
      ['refusalPlaces.category in bad.yaml: expected one of the categories (raid_detention), received the string `discrimination_refusal`'],
    ],
    [
      'a category exempt from a negation cue the pipeline does not have',
      MINIMAL.replace('    terms:\n      - raid\n', '    notNegatedBy: [warn of]\n    terms:\n      - raid\n'),
      ['categories.raid_detention.notNegatedBy[0] in bad.yaml: expected one of negationCues, received the string `warn of`'],
    ],
    [
      'doerActs names a category that does not exist',
      `${MINIMAL}doerActs: [raid_detention, violence_attack]\n`,
      ['doerActs[1] in bad.yaml: expected one of the categories (raid_detention), received the string `violence_attack`'],
    ],
    [
      'a category kept out of the context by one that does not exist',
      MINIMAL.replace('    terms:\n      - raid\n', '    notFromContextWith: [violence_attack]\n    terms:\n      - raid\n'),
      ['categories.raid_detention.notFromContextWith[0] in bad.yaml: expected one of the categories (raid_detention), received the string `violence_attack`'],
    ],
    [
      'voiding cues written as one word, not a list',
      MINIMAL.replace('    terms:\n      - raid\n', '    voidedBy: survey\n    terms:\n      - raid\n'),
      ['categories.raid_detention.voidedBy in bad.yaml: expected a list of voiding cues, received the string `survey`'],
    ],
    ['a background gap that is not a whole number', `${MINIMAL}backgroundYears: 1.5\n`, ['backgroundYears in bad.yaml: expected a whole number ≥ 1, received the number `1.5`']],
    ['an empty victim noun', `${MINIMAL}countedVictims: [people, ""]\n`, ['countedVictims[1] in bad.yaml: expected a non-empty victim noun, received an empty string']],
    ['a place term that is not a word', `${MINIMAL}placeTerms: [mosque, 3]\n`, ['placeTerms[1] in bad.yaml: expected a non-empty place term, received the number `3`']],
    ['a file that is not a mapping', 'just words\n', ['bad.yaml: expected a pipeline mapping, received the string `just words`']],
  ])('reports %s as one line naming the key, the file, the expectation and the received value', (_name, source, lines) => {
    expect(messageLinesOf(source)).toEqual(lines);
  });

  it('reports every problem at once, one line per problem', () => {
    const source = MINIMAL.replace('threshold: 2', 'threshold: "two"')
      .replace('weight: 2.5', 'weight: high, colour: red')
      .replace('language: en', 'language: English')
      .replace('version: "1"\n', '')
      .replace('terms: [migrant]', 'terms: [migrant, { term: migrants, pos: plural }]');
    expect(messageLinesOf(source)).toEqual([
      'version in bad.yaml: expected a version string such as "2024.1", but the key is missing',
      'language in bad.yaml: expected a BCP 47 language tag such as "en", received the string `English`',
      'threshold in bad.yaml: expected a number > 0, received the string `two`',
      'categories.raid_detention.terms[1].weight in bad.yaml: expected a number ≥ 0, received the string `high`',
      'categories.raid_detention.terms[1].colour in bad.yaml: unknown key; expected one of term, weight, namesTarget, pos, targetWindow',
      'targets.migrants_general.terms[1].pos in bad.yaml: expected one of NOUN, VERB, ADJ, ADV, PROPN, received the string `plural`',
    ]);
    expect(issuesOf(source).map((i) => i.path)).toEqual([
      'version',
      'language',
      'threshold',
      'categories.raid_detention.terms[1].weight',
      'categories.raid_detention.terms[1].colour',
      'targets.migrants_general.terms[1].pos',
    ]);
  });

  it.each([
    ['a syntax error', 'name: [unclosed\n', 'bad.yaml: invalid YAML at line 2, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['a key written twice', 'name: a\nname: b\n', 'bad.yaml: invalid YAML at line 2, column 1: Map keys must be unique'],
  ])('reports %s in the YAML with its line and column', (_name, source, line) => {
    expect(messageLinesOf(source)).toEqual([line]);
  });
});
