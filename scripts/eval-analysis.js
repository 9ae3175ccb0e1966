#!/usr/bin/env node
// Scores the analysis stage against three labelled sets and prints the figures and the errors:
//   1. fixtures/eval/analysis.jsonl — short articles labelled with DOMAIN.md's scheme: flag P/R/F1,
//      category and target P/R/F1 (micro, over articles both labelled relevant and flagged; targets
//      also on the scheme's own ids alone, since coders differ on adding other:<name> groups), entity
//      recall (untyped and typed);
//   2. the fixture site (fixtures/site: kind, categories, targets in each article's front matter):
//      the same flag, category and target figures;
//   3. fixtures/eval/ner.conll — CoNLL-2003-style tokens with IOB2 tags: typed entity P/R/F1 with
//      exact spans, PER/ORG/LOC only (MISC is not scored);
//   4. the second codings in fixtures/eval/recoded (JSONL: id, categories, targets): other coders'
//      reading of articles of the sets above. Each is scored against the set's labels and against
//      the other codings (how far coders agree: the most a rule set can be expected to reach), and
//      the analyzer is scored against each on the same articles.
// Next to each figure it scores a baseline, so a change can be read against something simple: for
// relevance, "any migrant word and any harm word"; for NER, runs of capitalised tokens typed by a
// small list of countries and capitals.
//
// Usage: npm run build && node scripts/eval-analysis.js [pipeline] [--set FILE]… [--ner FILE] [--json] [--all-errors]
//   pipeline      pipeline name or YAML path (default: xenophobia)
//   --set FILE    a labelled JSONL set to score instead of the defaults (repeatable); the defaults are
//                 fixtures/eval/analysis.jsonl and, when present, the blind sets analysis-blind.jsonl
//                 to analysis-blind14.jsonl (each written apart from the rules and from each other,
//                 without looking at the rules or at the analyzer's output; the sixth and seventh
//                 hold long articles of 600 to 1,400 words, the eighth to fourteenth web pages of 300
//                 to 1,300)
//   --ner FILE    a CoNLL file (IOB1 or IOB2) to score instead of fixtures/eval/ner.conll
//   --json        print the figures as one JSON document instead of the report
//   --all-errors  list every NER error instead of the first few of each kind
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const ANALYSIS_SETS = ['analysis.jsonl', 'analysis-blind.jsonl', 'analysis-blind2.jsonl', 'analysis-blind3.jsonl', 'analysis-blind4.jsonl', 'analysis-blind5.jsonl', 'analysis-blind6.jsonl', 'analysis-blind7.jsonl', 'analysis-blind8.jsonl', 'analysis-blind9.jsonl', 'analysis-blind10.jsonl', 'analysis-blind11.jsonl', 'analysis-blind12.jsonl', 'analysis-blind13.jsonl', 'analysis-blind14.jsonl'].map((name) =>
  join(root, 'fixtures/eval', name),
);
const NER_SET = join(root, 'fixtures/eval/ner.conll');
const RECODED_DIR = join(root, 'fixtures/eval/recoded');
/** How many NER errors of each kind the report lists unless --all-errors is given. */
const NER_ERRORS_SHOWN = 25;
/** Analyzer entity types → CoNLL types; `other` has no CoNLL counterpart that is scored. */
const CONLL_TYPE = { person: 'PER', organization: 'ORG', location: 'LOC' };
const SCORED_CONLL_TYPES = ['PER', 'ORG', 'LOC'];

/** Baseline word lists: a story is "relevant" when it has a word from each list. */
const NAIVE_MIGRANT_WORDS = [
  'migrant', 'migrants', 'immigrant', 'immigrants', 'foreigner', 'foreigners', 'foreign', 'refugee', 'refugees',
  'asylum', 'tajik', 'tajiks', 'uzbek', 'uzbeks', 'kyrgyz', 'gastarbeiter', 'gastarbeiters', 'muslim', 'muslims', 'mosque',
];
const NAIVE_HARM_WORDS = [
  'raid', 'raids', 'raided', 'detained', 'detention', 'deported', 'deportation', 'deport', 'expelled', 'expulsion',
  'beaten', 'beat', 'attack', 'attacked', 'stabbed', 'arson', 'fire', 'burned', 'smashed', 'refused', 'ban', 'banned',
  'bans', 'hate', 'summons', 'summonses', 'xenophobia', 'xenophobic',
];
/** Baseline NER gazetteer: a capitalised run with one of these names is a location, any other run an organization or, with two or three title-case words, a person. */
const NAIVE_PLACES = [
  'Russia', 'Moscow', 'Tajikistan', 'Dushanbe', 'Uzbekistan', 'Tashkent', 'Kyrgyzstan', 'Bishkek', 'Kazakhstan', 'Astana',
  'Almaty', 'Turkmenistan', 'Ukraine', 'Kiev', 'Kyiv', 'Belarus', 'Minsk', 'China', 'Turkey', 'Ankara', 'Germany', 'Berlin',
  'France', 'Paris', 'Italy', 'Rome', 'Britain', 'UK', 'London', 'U.S.', 'US', 'United States', 'Washington', 'South Africa',
  'Nigeria', 'Kenya', 'Nairobi', 'Afghanistan', 'Iran', 'Georgia', 'Armenia', 'Azerbaijan', 'Spain', 'Madrid',
].map((name) => name.toLowerCase());
const CAPITALISED_RE = /^\p{Lu}/u;
const TITLE_CASE_RE = /^\p{Lu}\p{Ll}/u;

const argv = process.argv.slice(2);
const isJson = argv.includes('--json');
const isAllErrors = argv.includes('--all-errors');
const setPaths = [];
let nerPath = NER_SET;
let pipelineRef = 'xenophobia';
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (arg === '--set' || arg === '--ner') {
    const value = argv[++i];
    if (!value) usage(`${arg} needs a file`);
    if (!existsSync(value)) usage(`${arg} ${value}: no such file`);
    if (arg === '--set') setPaths.push(value);
    else nerPath = value;
  } else if (arg === '--json' || arg === '--all-errors') continue;
  else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
  else pipelineRef = arg;
}
if (setPaths.length === 0) setPaths.push(...ANALYSIS_SETS.filter((path) => existsSync(path)));

function usage(message) {
  console.error(`eval-analysis: ${message}\nusage: node scripts/eval-analysis.js [pipeline] [--set FILE]… [--ner FILE] [--json] [--all-errors]`);
  process.exit(2);
}

if (!existsSync(join(root, 'dist/analyze/index.js'))) {
  console.error('eval-analysis: dist/analyze/index.js not found; run `npm run build` first');
  process.exit(2);
}
const { loadFixtureSite } = await import(join(root, 'dist/fixture-site/index.js'));
const { createAnalyzer } = await import(join(root, 'dist/analyze/index.js'));
const { loadPipeline } = await import(join(root, 'dist/config/index.js'));
const analyzer = createAnalyzer(loadPipeline(pipelineRef));
/** Inputs the analyzer threw on: scored as an empty, unflagged analysis and listed in the report. */
const crashes = [];

// ── the labelled analysis sets ────────────────────────────────────────────────────────────────────
const labelledSets = setPaths.map((path) => {
  const cases = readJsonl(path);
  const run = cases.map((c) => ({ case: c, analysis: analyze(c.id, { title: c.title, text: c.text }) }));
  return {
    name: relative(root, path),
    cases,
    run,
    score: scoreRelevance(run),
    entityScore: scoreEntityRecall(run),
    naiveScore: scoreRelevance(cases.map((c) => ({ case: c, analysis: naiveRelevance(c) }))),
  };
});

// ── the fixture site ──────────────────────────────────────────────────────────────────────────────
const siteCases = loadFixtureSite().articles.map((a) => ({
  id: a.id,
  title: a.title,
  text: a.text,
  relevant: a.kind === 'relevant',
  categories: a.categories,
  targets: a.targets,
}));
const siteScore = scoreRelevance(siteCases.map((c) => ({ case: c, analysis: analyze(c.id, { title: c.title, text: c.text }) })));

// ── second codings ────────────────────────────────────────────────────────────────────────────────
const codings = existsSync(RECODED_DIR)
  ? readdirSync(RECODED_DIR)
      .filter((name) => name.endsWith('.jsonl'))
      .sort()
      .map((name) => ({ name: name.replace(/\.jsonl$/, ''), byId: new Map(readJsonl(join(RECODED_DIR, name)).map((c) => [c.id, c])) }))
  : [];
const recoded = scoreCodings(codings, labelledSets.flatMap((set) => set.run));

// ── the NER set ───────────────────────────────────────────────────────────────────────────────────
const nerDocs = readConll(nerPath);
const nerScore = scoreNer(nerDocs, (doc) => analyzerSpans(doc));
const nerBaseline = scoreNer(nerDocs, (doc) => capitalisedRunSpans(doc));

const figures = {
  pipeline: pipelineRef,
  analysisSets: Object.fromEntries(
    labelledSets.map((set) => [
      set.name,
      {
        articles: set.cases.length,
        relevant: set.cases.filter((c) => c.relevant).length,
        flag: withPrf(set.score.flag),
        category: withPrf(set.score.category),
        target: withPrf(set.score.target),
        schemeTarget: withPrf(set.score.schemeTarget),
        perCategory: Object.fromEntries([...set.score.perCategory].map(([id, counts]) => [id, withPrf(counts)])),
        entities: set.entityScore.figures,
        naiveFlag: withPrf(set.naiveScore.flag),
      },
    ]),
  ),
  fixtureSite: {
    articles: siteCases.length,
    relevant: siteCases.filter((c) => c.relevant).length,
    flag: withPrf(siteScore.flag),
    category: withPrf(siteScore.category),
    target: withPrf(siteScore.target),
    schemeTarget: withPrf(siteScore.schemeTarget),
  },
  secondCodings: recoded,
  ner: {
    file: relative(root, nerPath),
    documents: nerDocs.length,
    sentences: nerDocs.reduce((n, d) => n + d.sentences, 0),
    overall: withPrf(nerScore.overall),
    byType: Object.fromEntries(SCORED_CONLL_TYPES.map((t) => [t, withPrf(nerScore.byType[t])])),
    predictedOnMisc: nerScore.predictedOnMisc,
  },
  crashes: crashes.map(({ id, message }) => ({ id, message })),
  baselines: {
    capitalisedRunsNer: {
      overall: withPrf(nerBaseline.overall),
      byType: Object.fromEntries(SCORED_CONLL_TYPES.map((t) => [t, withPrf(nerBaseline.byType[t])])),
    },
  },
};

if (isJson) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  printReport();
}

/** Runs the analyzer; an exception is recorded and read as "nothing found" so one input cannot hide the rest. */
function analyze(id, input) {
  try {
    return analyzer.analyze(input);
  } catch (err) {
    crashes.push({ id, message: err instanceof Error ? err.message : String(err) });
    return { flagged: false, score: 0, categories: [], targets: [], entities: [], reasons: [`analyzer threw: ${err.message}`] };
  }
}

// ── reading ───────────────────────────────────────────────────────────────────────────────────────

function readJsonl(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line);
      } catch (err) {
        throw new Error(`${path} line ${i + 1}: expected a JSON object, ${err.message}`);
      }
    });
}

/**
 * Reads a CoNLL file: token in the first column, IOB2 tag in the last, blank line between
 * sentences, `-DOCSTART-` between documents. Each document becomes one text (tokens joined by
 * spaces, sentences by newlines) with every token's character offsets and the gold spans.
 */
function readConll(path) {
  const docs = [];
  let doc = null;
  let sentence = [];
  const flushSentence = () => {
    if (sentence.length === 0) return;
    doc ??= newDoc(docs.length);
    if (doc.text !== '') doc.text += '\n';
    for (const [i, { token, tag }] of sentence.entries()) {
      if (i > 0) doc.text += ' ';
      doc.tokens.push({ token, tag, start: doc.text.length, end: doc.text.length + token.length });
      doc.text += token;
    }
    doc.sentences++;
    sentence = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] === '') flushSentence();
    else if (cols[0] === '-DOCSTART-') {
      flushSentence();
      if (doc) docs.push(doc);
      doc = newDoc(docs.length);
    } else sentence.push({ token: cols[0], tag: cols.at(-1) });
  }
  flushSentence();
  if (doc && doc.tokens.length > 0) docs.push(doc);
  for (const d of docs) {
    d.gold = iobSpans(d.tokens.map((t) => t.tag));
    d.label = `doc ${d.index + 1} (${d.text.split('\n')[0].slice(0, 24)}…)`;
  }
  return docs;
}

function newDoc(index) {
  return { index, text: '', tokens: [], sentences: 0, gold: [] };
}

/** IOB2 tags → spans `{ first, last, type }` (token indexes, inclusive). */
function iobSpans(tags) {
  const spans = [];
  let open = null;
  for (const [i, tag] of tags.entries()) {
    const [prefix, type] = tag.split('-');
    if (prefix === 'I' && open && open.type === type) {
      open.last = i;
      continue;
    }
    if (open) spans.push(open);
    open = prefix === 'B' || prefix === 'I' ? { first: i, last: i, type } : null;
  }
  if (open) spans.push(open);
  return spans;
}

// ── relevance, categories, targets ────────────────────────────────────────────────────────────────

/** `runs`: `{ case, analysis }` with `analysis.flagged`, `categories`, `targets`, `score`, `reasons`. */
function scoreRelevance(runs) {
  const flag = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const category = { tp: 0, fp: 0, fn: 0 };
  const target = { tp: 0, fp: 0, fn: 0 };
  const schemeTarget = { tp: 0, fp: 0, fn: 0 };
  const perCategory = new Map();
  const errors = [];
  for (const { case: c, analysis: a } of runs) {
    if (a.flagged && c.relevant) flag.tp++;
    else if (a.flagged) flag.fp++;
    else if (c.relevant) flag.fn++;
    else flag.tn++;
    if (a.flagged !== c.relevant) {
      const why = a.reasons.slice(0, 2).join(' | ');
      errors.push(`${a.flagged ? 'FALSE FLAG' : 'MISSED    '} ${c.id} (score ${a.score.toFixed(1)}): ${why}${c.notes ? `  [${c.notes}]` : ''}`);
    }
    if (a.flagged && c.relevant) {
      const catDiff = tally(category, c.categories, a.categories, perCategory);
      const tgtDiff = tally(target, c.targets, a.targets, null);
      tally(schemeTarget, c.targets.filter(isSchemeTarget), a.targets.filter(isSchemeTarget), null);
      if (catDiff) errors.push(`category   ${c.id}: ${catDiff}`);
      if (tgtDiff) errors.push(`target     ${c.id}: ${tgtDiff}`);
    }
  }
  return { flag, category, target, schemeTarget, perCategory, errors };
}

/** The scheme's own target ids, not the `other:<name>` groups a pipeline or a coder may add. */
function isSchemeTarget(id) {
  return !id.startsWith('other:');
}

/** Adds one article's labels to the micro counts; returns a description of the differences, or ''. */
function tally(acc, truthList, predictedList, perLabel) {
  const truth = new Set(truthList);
  const predicted = new Set(predictedList);
  const missing = [...truth].filter((x) => !predicted.has(x));
  const extra = [...predicted].filter((x) => !truth.has(x));
  acc.tp += truth.size - missing.length;
  acc.fn += missing.length;
  acc.fp += extra.length;
  if (perLabel) {
    const counts = (id) => perLabel.get(id) ?? perLabel.set(id, { tp: 0, fp: 0, fn: 0 }).get(id);
    for (const id of truth) counts(id)[predicted.has(id) ? 'tp' : 'fn']++;
    for (const id of extra) counts(id).fp++;
  }
  if (missing.length === 0 && extra.length === 0) return '';
  return `missing [${missing.join(', ')}] extra [${extra.join(', ')}]`;
}

/** The relevance baseline: flagged when the title or text has a migrant word and a harm word. */
function naiveRelevance(c) {
  const words = new Set(`${c.title} ${c.text}`.toLowerCase().match(/[\p{L}-]+/gu) ?? []);
  const migrant = NAIVE_MIGRANT_WORDS.find((w) => words.has(w));
  const harm = NAIVE_HARM_WORDS.find((w) => words.has(w));
  const flagged = Boolean(migrant && harm);
  return { flagged, categories: [], targets: [], score: flagged ? 1 : 0, reasons: [flagged ? `\`${migrant}\` + \`${harm}\`` : 'no word pair'] };
}

/**
 * Agreement between codings of the same relevant articles, on categories and targets (micro F1):
 * each second coding against the set's labels and against every other coding, on the articles both
 * cover; the analyzer against each coding and against the set's labels, on the covered articles it
 * flagged. `runs` are the labelled sets' `{ case, analysis }`.
 */
function scoreCodings(codings, runs) {
  const agreement = (pairs) => {
    const category = { tp: 0, fp: 0, fn: 0 };
    const target = { tp: 0, fp: 0, fn: 0 };
    const schemeTarget = { tp: 0, fp: 0, fn: 0 };
    for (const [truth, other] of pairs) {
      tally(category, truth.categories, other.categories, null);
      tally(target, truth.targets, other.targets, null);
      tally(schemeTarget, truth.targets.filter(isSchemeTarget), other.targets.filter(isSchemeTarget), null);
    }
    return { articles: pairs.length, category: withPrf(category), target: withPrf(target), schemeTarget: withPrf(schemeTarget) };
  };
  const rows = [];
  for (const [i, coding] of codings.entries()) {
    const runsCovered = runs.filter(({ case: c }) => c.relevant && coding.byId.has(c.id));
    const flagged = runsCovered.filter(({ analysis }) => analysis.flagged);
    rows.push({ truth: 'labels', other: coding.name, ...agreement(runsCovered.map(({ case: c }) => [c, coding.byId.get(c.id)])) });
    for (const other of codings.slice(i + 1)) {
      const both = runsCovered.filter(({ case: c }) => other.byId.has(c.id));
      rows.push({ truth: coding.name, other: other.name, ...agreement(both.map(({ case: c }) => [coding.byId.get(c.id), other.byId.get(c.id)])) });
    }
    rows.push({ truth: coding.name, other: 'analyzer', ...agreement(flagged.map(({ case: c, analysis }) => [coding.byId.get(c.id), analysis])) });
  }
  const anyCovered = runs.filter(({ case: c, analysis }) => c.relevant && analysis.flagged && codings.some((coding) => coding.byId.has(c.id)));
  if (codings.length > 0) rows.push({ truth: 'labels', other: 'analyzer', ...agreement(anyCovered.map(({ case: c, analysis }) => [c, analysis])) });
  return rows.filter((r) => r.articles > 0);
}

// ── entities on the analysis set ──────────────────────────────────────────────────────────────────

/**
 * A gold entity is found when the analysis has an entity whose text (case-insensitive) or
 * canonical name equals the gold text; it is found typed when one such entity has the gold type.
 */
function scoreEntityRecall(runs) {
  let gold = 0;
  let foundUntyped = 0;
  let foundTyped = 0;
  const byType = {};
  const errors = [];
  for (const { case: c, analysis: a } of runs) {
    const missed = [];
    const mistyped = [];
    for (const e of c.entities) {
      gold++;
      const t = (byType[e.type] ??= { gold: 0, foundUntyped: 0, foundTyped: 0 });
      t.gold++;
      const key = normalizeName(e.text);
      const matches = a.entities.filter((p) => normalizeName(p.text) === key || normalizeName(p.canonical) === key);
      if (matches.length === 0) {
        missed.push(`${e.text}/${e.type}`);
        continue;
      }
      foundUntyped++;
      t.foundUntyped++;
      if (matches.some((p) => p.type === e.type)) {
        foundTyped++;
        t.foundTyped++;
      } else mistyped.push(`${e.text} ${e.type}→${[...new Set(matches.map((p) => p.type))].join('|')}`);
    }
    if (missed.length || mistyped.length) {
      errors.push(`entity     ${c.id}: missed [${missed.join(', ')}]${mistyped.length ? ` mistyped [${mistyped.join(', ')}]` : ''}`);
    }
  }
  const ratio = (n, d) => (d ? n / d : 0);
  const perType = Object.fromEntries(
    Object.entries(byType).map(([type, t]) => [type, { ...t, recallUntyped: ratio(t.foundUntyped, t.gold), recallTyped: ratio(t.foundTyped, t.gold) }]),
  );
  return {
    figures: { gold, foundUntyped, foundTyped, recallUntyped: ratio(foundUntyped, gold), recallTyped: ratio(foundTyped, gold), byType: perType },
    errors,
  };
}

function normalizeName(s) {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

// ── NER ───────────────────────────────────────────────────────────────────────────────────────────

/** The analyzer's entities on a document's text, as token spans. */
function analyzerSpans(doc) {
  const analysis = analyze(`ner ${doc.label}`, { text: doc.text });
  const spans = [];
  for (const e of analysis.entities) {
    const type = CONLL_TYPE[e.type];
    if (!type || e.field !== 'text') continue;
    const covered = doc.tokens.flatMap((t, i) => (t.start < e.end && t.end > e.start ? [i] : []));
    if (covered.length > 0) spans.push({ first: covered[0], last: covered.at(-1), type, text: e.text });
  }
  return spans;
}

/** The NER baseline: maximal runs of capitalised tokens (within a sentence), typed by NAIVE_PLACES. */
function capitalisedRunSpans(doc) {
  const spans = [];
  let run = [];
  const close = () => {
    if (run.length > 0) {
      const text = run.map((i) => doc.tokens[i].token).join(' ');
      const isTitleCaseName = run.length >= 2 && run.length <= 3 && run.every((i) => TITLE_CASE_RE.test(doc.tokens[i].token));
      const type = NAIVE_PLACES.includes(text.toLowerCase()) ? 'LOC' : isTitleCaseName ? 'PER' : 'ORG';
      spans.push({ first: run[0], last: run.at(-1), type, text });
    }
    run = [];
  };
  for (const [i, t] of doc.tokens.entries()) {
    const startsSentence = i > 0 && doc.text[t.start - 1] === '\n';
    if (startsSentence) close();
    if (CAPITALISED_RE.test(t.token)) run.push(i);
    else close();
  }
  close();
  return spans;
}

/** Exact span + type match over PER/ORG/LOC; predictions on gold MISC spans count as false positives. */
function scoreNer(docs, predict) {
  const byType = Object.fromEntries(SCORED_CONLL_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const overall = { tp: 0, fp: 0, fn: 0 };
  const missed = [];
  const spurious = [];
  let predictedOnMisc = 0;
  const key = (s) => `${s.first}:${s.last}:${s.type}`;
  for (const doc of docs) {
    const gold = doc.gold.filter((s) => SCORED_CONLL_TYPES.includes(s.type));
    const miscSpans = new Set(doc.gold.filter((s) => s.type === 'MISC').map((s) => `${s.first}:${s.last}`));
    const predicted = [...new Map(predict(doc).map((s) => [key(s), s])).values()];
    const goldKeys = new Set(gold.map(key));
    const predictedKeys = new Set(predicted.map(key));
    const spanText = (s) => doc.tokens.slice(s.first, s.last + 1).map((t) => t.token).join(' ');
    for (const s of gold) {
      if (predictedKeys.has(key(s))) {
        byType[s.type].tp++;
        overall.tp++;
      } else {
        byType[s.type].fn++;
        overall.fn++;
        const other = predicted.find((p) => p.first <= s.last && p.last >= s.first);
        missed.push(`${doc.label}: ${s.type} "${spanText(s)}"${other ? ` (predicted ${other.type} "${spanText(other)}")` : ''}`);
      }
    }
    for (const p of predicted) {
      if (goldKeys.has(key(p))) continue;
      byType[p.type].fp++;
      overall.fp++;
      if (miscSpans.has(`${p.first}:${p.last}`)) predictedOnMisc++;
      spurious.push(`${doc.label}: ${p.type} "${spanText(p)}"`);
    }
  }
  return { overall, byType, missed, spurious, predictedOnMisc };
}

// ── output ────────────────────────────────────────────────────────────────────────────────────────

function prf({ tp, fp, fn }) {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

function withPrf(counts) {
  return { ...counts, ...prf(counts) };
}

function line(label, counts, note = '') {
  const { p, r, f1 } = prf(counts);
  const tn = counts.tn === undefined ? '' : `, tn ${counts.tn}`;
  return `${label.padEnd(25)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f1.toFixed(3)}   (tp ${counts.tp}, fp ${counts.fp}, fn ${counts.fn}${tn})${note}`;
}

function listed(items) {
  if (isAllErrors || items.length <= NER_ERRORS_SHOWN) return items;
  return [...items.slice(0, NER_ERRORS_SHOWN), `… and ${items.length - NER_ERRORS_SHOWN} more (--all-errors)`];
}

function printReport() {
  console.log(`pipeline ${pipelineRef}`);
  for (const set of labelledSets) {
    const a = figures.analysisSets[set.name];
    const e = a.entities;
    console.log(`\n${set.name}: ${a.articles} articles (${a.relevant} relevant)`);
    console.log(line('flag', set.score.flag));
    console.log(line('  baseline: word pair', set.naiveScore.flag));
    console.log(line('category', set.score.category, '   on articles relevant and flagged'));
    console.log(line('target', set.score.target));
    console.log(line('  scheme ids only', set.score.schemeTarget, '   other:<name> left out of truth and prediction'));
    for (const [id, counts] of [...set.score.perCategory].sort(([x], [y]) => x.localeCompare(y))) console.log(line(`  ${id}`, counts));
    console.log(`entities                  recall ${e.recallUntyped.toFixed(3)} untyped, ${e.recallTyped.toFixed(3)} typed   (${e.foundUntyped} and ${e.foundTyped} of ${e.gold})`);
    for (const [type, t] of Object.entries(e.byType)) {
      console.log(`  ${type.padEnd(23)} recall ${t.recallUntyped.toFixed(3)} untyped, ${t.recallTyped.toFixed(3)} typed   (of ${t.gold})`);
    }
  }

  const s = figures.fixtureSite;
  console.log(`\nfixture site: ${s.articles} articles (${s.relevant} relevant)`);
  console.log(line('flag', siteScore.flag));
  console.log(line('category', siteScore.category, '   on articles relevant and flagged'));
  console.log(line('target', siteScore.target));
  console.log(line('  scheme ids only', siteScore.schemeTarget, '   other:<name> left out of truth and prediction'));

  const n = figures.ner;
  console.log(`\nNER set ${n.file}: ${n.documents} documents, ${n.sentences} sentences (exact span + type; MISC not scored)`);
  console.log(line('PER/ORG/LOC', nerScore.overall, n.predictedOnMisc ? `   ${n.predictedOnMisc} fp on MISC spans` : ''));
  for (const t of SCORED_CONLL_TYPES) console.log(line(`  ${t}`, nerScore.byType[t]));
  console.log(line('  baseline: cap. runs', nerBaseline.overall));

  if (recoded.length) {
    console.log(`\nsecond codings (${relative(root, RECODED_DIR)}): how far coders agree on the same relevant articles, micro F1`);
    console.log('(the analyzer on the articles it flagged; "labels" are the sets\' own)');
    for (const r of recoded) {
      // Two codings that share articles but list no label of a kind have nothing to agree on.
      const f = (counts) => (counts.tp + counts.fp + counts.fn === 0 ? '  –  ' : counts.f1.toFixed(3));
      console.log(`${`${r.other} vs ${r.truth}`.padEnd(25)} ${String(r.articles).padStart(4)} articles   category ${f(r.category)}   target ${f(r.target)}   scheme ids ${f(r.schemeTarget)}`);
    }
  }

  if (crashes.length) console.log(`\nanalyzer exceptions (${crashes.length}):\n${crashes.map((c) => `${c.id}: ${c.message}`).join('\n')}`);
  for (const set of labelledSets) {
    const errors = [...set.score.errors, ...set.entityScore.errors];
    if (errors.length) console.log(`\n${set.name} errors (${errors.length}):\n${errors.join('\n')}`);
  }
  if (siteScore.errors.length) console.log(`\nfixture site errors (${siteScore.errors.length}):\n${siteScore.errors.join('\n')}`);
  if (nerScore.missed.length) console.log(`\nNER missed (${nerScore.missed.length}):\n${listed(nerScore.missed).join('\n')}`);
  if (nerScore.spurious.length) console.log(`\nNER false (${nerScore.spurious.length}):\n${listed(nerScore.spurious).join('\n')}`);
}
