/**
 * The second codings of fixtures/eval/recoded: coders who were given DOMAIN.md and the title and text
 * of articles of the labelled sets (not their labels, the pipeline or the analyzer's output) and
 * coded the categories and target groups, each apart from the others. `coder-a` and `coder-b` code
 * every relevant article of blind sets 1–3 and 5; `coder-c` (four coders, nine articles each) the
 * articles about peoples beyond the scheme's ids, from every set, of which it lists those it judged
 * relevant; `coder-d` and `coder-e` every relevant article of blind set 7 (long articles), `coder-f`
 * and `coder-g` of blind set 8 (web pages); `coder-h` and `coder-i` read all of blind set 9, relevant
 * or not, and list the articles they judged relevant; `coder-j` and `coder-k` code every relevant
 * article of blind set 4, `coder-l` and `coder-m` of blind set 6; `coder-n` and `coder-o` read all of
 * the first half of blind set 10, `coder-p` and `coder-q` all of its second half, `coder-r` and
 * `coder-s` all of the first half of blind set 11, `coder-t` and `coder-u` all of its second half,
 * relevant or not, and list the articles they judged relevant; so do `coder-v` and `coder-w` for all of
 * blind set 12, `coder-x` and `coder-y` for blind set 13, and `coder-z1` and `coder-z2` for blind set
 * 14. One JSON object per line: `id` (the article's id in its set), `categories`, `targets`,
 * and an optional `note` on a hard call. `npm run eval:analysis` scores how far they agree with the
 * sets' labels, with each other and with the analyzer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CATEGORY_IDS } from '../../src/fixture-site/index.js';
import { isTargetId, readLabelledSet } from '../helpers/labelled-set.js';

const evalPath = (name: string) => fileURLToPath(new URL(`../../fixtures/eval/${name}`, import.meta.url));
const RECODED_SETS = ['analysis-blind.jsonl', 'analysis-blind2.jsonl', 'analysis-blind3.jsonl', 'analysis-blind5.jsonl'];
/** The codings of every relevant article of `RECODED_SETS`. */
const FULL_CODINGS = ['coder-a.jsonl', 'coder-b.jsonl'];
const LABELLED_SETS = readdirSync(evalPath('.')).filter((name) => /^analysis.*\.jsonl$/.test(name));

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
const relevantAnywhere = new Set(
  LABELLED_SETS.flatMap((name) => readLabelledSet(evalPath(name)))
    .filter((a) => a.relevant)
    .map((a) => a.id),
);
const files = readdirSync(evalPath('recoded')).filter((name) => name.endsWith('.jsonl'));

const readCoding = (file: string) =>
  readFileSync(evalPath(`recoded/${file}`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => coding.parse(JSON.parse(line)));

describe('fixtures/eval/recoded', () => {
  it.each(FULL_CODINGS)('%s codes every relevant article of the recoded sets, so coders can be compared with each other', (file) => {
    expect(files).toContain(file);
    expect(readCoding(file).map((r) => r.id).sort()).toEqual(relevantIds);
  });

  describe.each(files)('%s', (file) => {
    const rows = readCoding(file);

    it('codes each article once, and only relevant articles of the labelled sets', () => {
      const ids = rows.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.filter((id) => !relevantAnywhere.has(id))).toEqual([]);
    });

    it('lists each id once per article', () => {
      expect(rows.filter((r) => new Set(r.categories).size !== r.categories.length || new Set(r.targets).size !== r.targets.length).map((r) => r.id)).toEqual([]);
    });
  });
});
