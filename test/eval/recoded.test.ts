/**
 * The second codings of fixtures/eval/recoded: coders who were given DOMAIN.md and the title and text
 * of the relevant articles of blind sets 1–3 and 5 (not their labels, the pipeline or the analyzer's
 * output) and coded the categories and target groups, each apart from the others. One JSON object per
 * line: `id` (the article's id in its set), `categories`, `targets`, and an optional `note` on a hard call.
 * `npm run eval:analysis` scores how far they agree with the sets' labels, with each other and with
 * the analyzer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CATEGORY_IDS } from '../../src/fixture-site/index.js';
import { isTargetId, readLabelledSet } from '../helpers/labelled-set.js';

const evalPath = (name: string) => fileURLToPath(new URL(`../../fixtures/eval/${name}`, import.meta.url));
const RECODED_SETS = ['analysis-blind.jsonl', 'analysis-blind2.jsonl', 'analysis-blind3.jsonl', 'analysis-blind5.jsonl'];

const coding = z.strictObject({
  id: z.string(),
  categories: z.array(z.string().refine((c) => CATEGORY_IDS.includes(c), 'expected a DOMAIN.md category id')).min(1),
  targets: z.array(z.string().refine(isTargetId, 'expected a DOMAIN.md target id or other:<name>')).min(1),
  note: z.string().min(1).optional(),
});

const relevantIds = RECODED_SETS.flatMap((name) => readLabelledSet(evalPath(name)))
  .filter((a) => a.relevant)
  .map((a) => a.id)
  .sort();
const files = readdirSync(evalPath('recoded')).filter((name) => name.endsWith('.jsonl'));

describe('fixtures/eval/recoded', () => {
  it('holds at least two codings, so coders can be compared with each other', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  describe.each(files)('%s', (file) => {
    const rows = readFileSync(evalPath(`recoded/${file}`), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => coding.parse(JSON.parse(line)));

    it('codes every relevant article of the recoded sets once, and nothing else', () => {
      expect(rows.map((r) => r.id).sort()).toEqual(relevantIds);
    });

    it('lists each id once per article', () => {
      expect(rows.filter((r) => new Set(r.categories).size !== r.categories.length || new Set(r.targets).size !== r.targets.length).map((r) => r.id)).toEqual([]);
    });
  });
});
