import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPipelines, loadPipeline, parsePipeline } from '../../src/config/pipeline.js';
import { ConfigError } from '../../src/errors.js';

const DOMAIN_CATEGORIES = [
  'raid_detention',
  'deportation_entry_ban',
  'violence_attack',
  'arson_property',
  'discrimination_refusal',
  'hate_rhetoric',
  'official_restriction',
  'forced_conscription',
];
const DOMAIN_TARGETS = ['tajik', 'uzbek', 'kyrgyz', 'central_asian', 'migrants_general', 'muslims'];

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

describe('loadPipeline', () => {
  it('loads the default pipeline by name with every DOMAIN.md category and target group', () => {
    const pipeline = loadPipeline('xenophobia');
    expect(pipeline.name).toBe('xenophobia');
    expect(pipeline.language).toBe('en');
    expect(pipeline.categories.map((c) => c.id).sort()).toEqual([...DOMAIN_CATEGORIES].sort());
    expect(pipeline.targets.map((t) => t.id).sort()).toEqual([...DOMAIN_TARGETS].sort());
    for (const category of pipeline.categories) expect(category.terms.length).toBeGreaterThan(5);
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
      { term: 'raid', weight: 1, namesTarget: null, pos: null },
      { term: 'document check', weight: 2.5, namesTarget: null, pos: null },
    ]);
    expect(listPipelines(dir)).toEqual([{ name: 'tiny', file }]);
    expect(loadPipeline('tiny', { pipelinesDir: dir }).name).toBe('tiny');
  });

  it('names the known pipelines when a name is not found', () => {
    expect(() => loadPipeline('no-such-pipeline')).toThrow(/known pipelines: .*xenophobia/);
  });
});

describe('pipeline validation', () => {
  it.each([
    ['an unknown top-level key', MINIMAL.replace('targetWindow: 1', 'targetWindow: 1\ntreshold: 3'), 'treshold', 'unknown key `treshold`; expected one of name, version, description, language, threshold, titleWeight, targetWindow, repeatDecay, negationCues, negationWindow, denialCues, clauseBreaks, counterSpeechCues, suspectCues, incidentCues, nonTargetHeads, quotationVerbs, categories, targets; did you mean `threshold`?'],
    ['a weight that is not a number', MINIMAL.replace('weight: 2.5', 'weight: high'), 'categories.raid_detention.terms[1].weight', 'expected a number ≥ 0, received "high"'],
    ['a negative title weight', MINIMAL.replace('titleWeight: 2', 'titleWeight: -1'), 'titleWeight', 'expected a number ≥ 0, received -1'],
    ['a category without terms', MINIMAL.replace(/    terms:\n      - raid\n.*\n/, ''), 'categories.raid_detention.terms', 'expected a list of terms, received nothing'],
    ['an empty term list', MINIMAL.replace('terms: [migrant]', 'terms: []'), 'targets.migrants_general.terms', 'expected at least one term, received a list'],
    ['namesTarget pointing at an unknown target', MINIMAL.replace('{ term: document check, weight: 2.5 }', '{ term: document check, namesTarget: tajik }'), 'categories.raid_detention.terms[1].namesTarget', 'expected one of the targets (migrants_general), received "tajik"'],
    ['a duplicate term', MINIMAL.replace('terms: [migrant]', 'terms: [migrant, Migrant]'), 'targets.migrants_general.terms[1].term', 'expected each term once, received "Migrant" again (first at terms[0])'],
  ])('reports %s with its key path', (_name, source, path, message) => {
    expect(issuesOf(source)).toEqual([{ path, message }]);
  });

  it('reports every problem at once, one message per problem', () => {
    const source = MINIMAL.replace('threshold: 2', 'threshold: "two"')
      .replace('weight: 2.5', 'weight: high, colour: red')
      .replace('language: en', 'language: English');
    const issues = issuesOf(source);
    expect(issues.map((i) => i.path)).toEqual(['language', 'threshold', 'categories.raid_detention.terms[1].weight', 'categories.raid_detention.terms[1].colour']);
    try {
      parsePipeline(source, 'bad.yaml');
    } catch (error) {
      expect((error as Error).message).toContain('threshold in bad.yaml: expected a number > 0, received "two"');
    }
  });

  it('reports YAML syntax errors with their line', () => {
    expect(issuesOf('name: [unclosed\n')[0]?.message).toMatch(/^invalid YAML \(line \d+, column \d+\)/);
  });
});
