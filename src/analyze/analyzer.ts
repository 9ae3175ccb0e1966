/**
 * The analyzer: applies a monitoring pipeline to one article's title and text and explains the
 * result. Pure: values in, values out; wink-nlp and the compiled lexicon are built once per analyzer.
 */
import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Analysis, AnalysisInput, EntityMention, PipelineCategory, PipelineDef, ScoreComponent, TermMatch, TextField } from '../model/index.js';
import { findEntities, type EntitySpan } from './entities.js';
import { SAMPLE_CHARS, detectLanguage } from './language.js';
import { compileLexicon, selectLongest, type Lexicon, type LexiconHit } from './lexicon.js';
import { readFields, type TokenTable } from './tokens.js';

/** Bumped whenever analysis behaviour changes; stored next to the pipeline version. */
export const ANALYZER_VERSION = '0.1.0';

export interface Analyzer {
  readonly pipeline: PipelineDef;
  analyze(input: AnalysisInput): Analysis;
}

/** wink components the analysis needs: sentence boundaries and POS (lemmas depend on POS). */
const WINK_PIPE = ['sbd', 'pos'];
/**
 * How many tokens around a target mention or a hit a suspect cue may stand ("four Tajik suspects",
 * "charged four men, all citizens of Tajikistan", "gunmen killed").
 */
const SUSPECT_WINDOW = 5;
/**
 * How many counted hits a broad target must be the nearest target of to be reported beside a
 * narrower one ("an operation to identify foreign citizens … natives of Uzbekistan detained").
 */
const BROAD_TARGET_LEADS = 1;
/** How far a speaker may stand from a speech verb: before it ("Chupik told") and after it ("said … Oleg Petrov"). */
const SPEAKER_BEFORE = 3;
const SPEAKER_AFTER = 8;
/** POS of words that end a prepositional negation's noun phrase ("with no papers were detained"). */
const NOMINAL_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
const VERBAL_POS: ReadonlySet<string> = new Set(['VERB', 'AUX']);

/** One field read and scanned. */
interface FieldScan {
  field: TextField;
  tokens: TokenTable;
  categoryHits: LexiconHit[];
  targetHits: LexiconHit[];
  negations: LexiconHit[];
  suspects: LexiconHit[];
  incidents: LexiconHit[];
  counterSpeechBySentence: Map<number, string>;
  entities: EntitySpan[];
}

interface TargetMention {
  hit: LexiconHit;
  sentence: number;
  suspectCue: string | null;
  licensesCounted: boolean;
}

/**
 * Creates an analyzer for a pipeline. wink-nlp and its English model load here, once; the lexicon
 * is compiled here, once.
 */
export function createAnalyzer(pipeline: PipelineDef): Analyzer {
  const nlp = winkNLP(model, WINK_PIPE);
  const lexicon = compileLexicon(nlp, pipeline);
  const quotationVerbs = new Set(pipeline.quotationVerbs.map((w) => w.toLowerCase()));
  const categories = new Map(pipeline.categories.map((c) => [c.id, c]));
  const context: Context = { pipeline, nlp, lexicon, quotationVerbs, categories };
  return { pipeline, analyze: (input) => analyzeWith(context, input) };
}

interface Context {
  pipeline: PipelineDef;
  nlp: WinkMethods;
  lexicon: Lexicon;
  quotationVerbs: ReadonlySet<string>;
  categories: ReadonlyMap<string, PipelineCategory>;
}

/**
 * Analyzes one article.
 * 1. The language is the input's `lang`, else detected; other languages than the pipeline's are
 *    not analysed: a non-flagged analysis with `lang` set.
 * 2. Title and text are read with one `readDoc` (tokens, lemmas, POS, sentences, clauses, quotes).
 * 3. Entities are found across both fields (so a name typed in the text types it in the title).
 * 4. The lexicon is scanned once per field: category terms and target terms (longest wins), cues.
 * 5. Each category hit is judged: weight, negation, target nearby, counter-speech, quotation.
 * 6. Counted hits are scored (title weight, repeat damping); the article is flagged at the threshold.
 */
function analyzeWith(ctx: Context, input: AnalysisInput): Analysis {
  const { pipeline } = ctx;
  const lang = primaryLanguage(input.lang) ?? detectLanguage(languageSample(input)) ?? pipeline.language;
  const base = { pipeline: pipeline.name, pipelineVersion: pipeline.version, lang, threshold: pipeline.threshold };
  if (lang !== pipeline.language) {
    return { ...base, flagged: false, score: 0, categories: [], targets: [], entities: [], matches: [], breakdown: [], reasons: [`language \`${lang}\` is not the pipeline's language (\`${pipeline.language}\`): stored, not analysed`] };
  }

  const fields = readFields(ctx.nlp, input.title ?? null, input.text, ctx.lexicon.vocabulary);
  const entities = findEntities(fields);

  const scans = fields.map((f) => scanField(ctx, f.field, f.tokens, entities.filter((e) => e.field === f.field)));
  const matches: TermMatch[] = [];
  const targetIds = new Set<string>();
  const leadingTargets = new Map<string, number>();
  for (const scan of scans) matches.push(...judgeField(ctx, scan, targetIds, leadingTargets));

  const { score, breakdown } = scoreMatches(pipeline, matches);
  const categoryPoints = new Map<string, number>();
  for (const c of breakdown) categoryPoints.set(c.category, (categoryPoints.get(c.category) ?? 0) + c.points);
  const categoryOrder = pipeline.categories.map((c) => c.id);
  const categoryIds = [...categoryPoints.keys()].sort((x, y) => (categoryPoints.get(y) ?? 0) - (categoryPoints.get(x) ?? 0) || categoryOrder.indexOf(x) - categoryOrder.indexOf(y));
  // Coders name the most specific group: a broad target yields to a narrower one that is present.
  const targets = pipeline.targets.filter((t) => targetIds.has(t.id) && (t.narrower.every((n) => !targetIds.has(n)) || (leadingTargets.get(t.id) ?? 0) >= BROAD_TARGET_LEADS)).map((t) => t.id);

  return {
    pipeline: base.pipeline,
    pipelineVersion: base.pipelineVersion,
    lang,
    threshold: base.threshold,
    flagged: score >= pipeline.threshold,
    score,
    categories: categoryIds,
    targets,
    entities: entities.map(toMention),
    matches,
    breakdown,
    reasons: explain(pipeline, matches, breakdown),
  };
}

/** Title and the start of the text: joining the whole text would copy it just to read its start. */
function languageSample(input: AnalysisInput): string {
  const start = input.text.length > SAMPLE_CHARS ? input.text.slice(0, SAMPLE_CHARS) : input.text;
  return input.title ? `${input.title}\n${start}` : start;
}

function primaryLanguage(lang: string | null | undefined): string | null {
  if (!lang) return null;
  return lang.trim().toLowerCase().split(/[-_]/)[0] || null;
}

function toMention(e: EntitySpan): EntityMention {
  return { text: e.text, canonical: e.canonical, type: e.type, field: e.field, start: e.start, end: e.end };
}

function scanField(ctx: Context, field: TextField, tokens: TokenTable, entities: EntitySpan[]): FieldScan {
  const hits = ctx.lexicon.scan(tokens);
  const categoryHits = selectLongest(hits.filter((h) => h.entry.kind === 'category'));
  const negations: LexiconHit[] = [];
  const suspects: LexiconHit[] = [];
  const incidents: LexiconHit[] = [];
  const nonTargetHeadAt = new Set<number>();
  for (const h of hits) {
    if (h.entry.kind === 'negation') negations.push(h);
    else if (h.entry.kind === 'suspect') suspects.push(h);
    else if (h.entry.kind === 'incident') incidents.push(h);
    else if (h.entry.kind === 'nonTargetHead') nonTargetHeadAt.add(h.first);
  }
  // "Kyrgyz police", "Uzbekistan's consulate": a group word naming an actor or an institution is no target mention.
  const targetHits = selectLongest(hits.filter((h) => h.entry.kind === 'target' && !namesSomethingElse(tokens, h, nonTargetHeadAt)));
  const counterSpeechBySentence = new Map<number, string>();
  for (const h of hits) {
    if (h.entry.kind !== 'counterSpeech') continue;
    const s = tokens.sentenceOf[h.first] ?? 0;
    if (!counterSpeechBySentence.has(s)) counterSpeechBySentence.set(s, surface(tokens, h));
  }
  return { field, tokens, categoryHits, targetHits, negations, suspects, incidents, counterSpeechBySentence, entities };
}

/** Whether a non-target head follows a target mention, past a possessive "'s" ("Uzbekistan's consulate"). */
function namesSomethingElse(tokens: TokenTable, hit: LexiconHit, nonTargetHeadAt: ReadonlySet<number>): boolean {
  if (nonTargetHeadAt.size === 0) return false;
  let next = hit.last;
  if (tokens.lower[next] === "'s" || tokens.lower[next] === '’s') next++;
  return nonTargetHeadAt.has(next) || (tokens.pos[next] === 'ADJ' && nonTargetHeadAt.has(next + 1));
}

function surface(tokens: TokenTable, hit: { first: number; last: number }): string {
  return tokens.text.slice(tokens.start[hit.first], tokens.end[hit.last - 1]);
}

function sentenceText(tokens: TokenTable, s: number): string {
  const span = tokens.sentences[s];
  if (!span) return '';
  return tokens.text.slice(tokens.start[span[0]], tokens.end[span[1] - 1]);
}

/** Judges every category hit of a field and returns the field's category and target matches. */
function judgeField(ctx: Context, scan: FieldScan, targetIds: Set<string>, leadingTargets: Map<string, number>): TermMatch[] {
  const { pipeline } = ctx;
  const { tokens, field } = scan;
  const mentions: TargetMention[] = scan.targetHits.map((hit) => ({
    hit,
    sentence: tokens.sentenceOf[hit.first] ?? 0,
    suspectCue: suspectCueNear(tokens, scan.suspects, hit),
    licensesCounted: false,
  }));
  const speakers = new Map<number, string | null>();
  const out: TermMatch[] = [];

  for (const hit of scan.categoryHits) {
    const category = ctx.categories.get(hit.entry.group);
    const s = tokens.sentenceOf[hit.first] ?? 0;
    const term = hit.entry.term;
    const quotedBy = quoteSpeaker(ctx, scan, hit, speakers);
    const negation = negationOf(pipeline, tokens, scan.negations, hit);
    const counterSpeech = category?.discountedByCounterSpeech ? (scan.counterSpeechBySentence.get(s) ?? null) : null;

    const suspectCue = suspectCueNear(tokens, scan.suspects, hit);
    const incidentCue = suspectCueNear(tokens, scan.incidents, hit);

    let counted = false;
    let reason: string;
    if (term.weight === 0) {
      reason = 'shared vocabulary (weight 0)';
    } else if (negation !== null) {
      reason = `negated by \`${negation}\``;
    } else if (incidentCue !== null) {
      reason = `concerns an accident or incident (\`${incidentCue}\`)`;
    } else if (suspectCue !== null || sentenceNamesOnlySuspects(mentions, s)) {
      // Abuse of the suspects of a crime is not by itself anti-migrant (DOMAIN.md rule 1): a hit next
      // to a suspect cue, or in a sentence whose only group mention names suspects, concerns them.
      const cue = suspectCue ?? mentions.find((m) => m.sentence === s)?.suspectCue;
      reason = `concerns suspects (\`${cue}\`)`;
    } else if (counterSpeech !== null) {
      reason = `counter-speech: \`${counterSpeech}\``;
    } else if (term.namesTarget !== null) {
      counted = true;
      reason = `names target \`${term.namesTarget}\``;
      targetIds.add(term.namesTarget);
      leadingTargets.set(term.namesTarget, (leadingTargets.get(term.namesTarget) ?? 0) + 1);
      // "ethnic enclaves of Central Asians": the group named beside the phrase is its target too.
      for (const m of mentions) {
        if (m.sentence !== s || m.suspectCue !== null) continue;
        m.licensesCounted = true;
        targetIds.add(m.hit.entry.group);
      }
    } else {
      const near = mentions.filter((m) => Math.abs(m.sentence - s) <= pipeline.targetWindow && m.suspectCue === null);
      if (near.length > 0) {
        counted = true;
        near.sort((x, y) => Math.abs(x.sentence - s) - Math.abs(y.sentence - s) || Math.abs(x.hit.first - hit.first) - Math.abs(y.hit.first - hit.first));
        const nearest = near[0] as TargetMention;
        leadingTargets.set(nearest.hit.entry.group, (leadingTargets.get(nearest.hit.entry.group) ?? 0) + 1);
        const distance = nearest.sentence - s;
        const where = distance === 0 ? 'in the same sentence' : `${Math.abs(distance)} sentence${Math.abs(distance) > 1 ? 's' : ''} ${distance < 0 ? 'before' : 'after'}`;
        reason = `target \`${surface(tokens, nearest.hit)}\` ${where}`;
        for (const m of near) {
          m.licensesCounted = true;
          targetIds.add(m.hit.entry.group);
        }
      } else {
        const suspect = mentions.find((m) => Math.abs(m.sentence - s) <= pipeline.targetWindow && m.suspectCue !== null);
        reason = suspect
          ? `no target group within ${pipeline.targetWindow} sentence${pipeline.targetWindow === 1 ? '' : 's'}: \`${surface(tokens, suspect.hit)}\` names suspects (\`${suspect.suspectCue}\`)`
          : `no target group within ${pipeline.targetWindow} sentence${pipeline.targetWindow === 1 ? '' : 's'}`;
      }
    }
    if (quotedBy !== null) reason += `; quoted from ${quotedBy}`;
    else if (tokens.inQuote[hit.first]) reason += '; in quotes';

    out.push({
      kind: 'category',
      category: hit.entry.group,
      target: null,
      term: term.term,
      text: surface(tokens, hit),
      field,
      start: tokens.start[hit.first] ?? 0,
      end: tokens.end[hit.last - 1] ?? 0,
      sentence: s,
      sentenceText: sentenceText(tokens, s),
      weight: term.weight,
      negated: negation !== null,
      quotedBy,
      counted,
      reason,
    });
  }

  for (const m of mentions) {
    out.push({
      kind: 'target',
      category: null,
      target: m.hit.entry.group,
      term: m.hit.entry.term.term,
      text: surface(tokens, m.hit),
      field,
      start: tokens.start[m.hit.first] ?? 0,
      end: tokens.end[m.hit.last - 1] ?? 0,
      sentence: m.sentence,
      sentenceText: sentenceText(tokens, m.sentence),
      weight: m.hit.entry.term.weight,
      negated: false,
      quotedBy: null,
      counted: m.licensesCounted,
      reason: m.suspectCue !== null ? `names suspects (\`${m.suspectCue}\`)` : m.licensesCounted ? 'target of a counted hit' : 'target group mention',
    });
  }
  return out.sort((x, y) => x.start - y.start || (x.kind === y.kind ? 0 : x.kind === 'category' ? -1 : 1));
}

function sentenceNamesOnlySuspects(mentions: readonly TargetMention[], s: number): boolean {
  let hasSuspects = false;
  for (const m of mentions) {
    if (m.sentence !== s) continue;
    if (m.suspectCue === null) return false;
    hasSuspects = true;
  }
  return hasSuspects;
}

/** A suspect cue next to a target mention or a hit ("Tajik suspects", "detained as suspects"). */
function suspectCueNear(tokens: TokenTable, suspects: readonly LexiconHit[], hit: LexiconHit): string | null {
  const s = tokens.sentenceOf[hit.first];
  for (const cue of suspects) {
    if (tokens.sentenceOf[cue.first] !== s) continue;
    const before = hit.first - cue.last;
    const after = cue.first - hit.last;
    if ((before >= 0 && before < SUSPECT_WINDOW) || (after >= 0 && after < SUSPECT_WINDOW)) return surface(tokens, cue);
  }
  return null;
}

/**
 * The negation cue that scopes over a hit, if any: before it, in the same clause, within the
 * window. A prepositional cue ("without", "with no") negates only its own phrase: its scope ends
 * at a verb that follows a noun ("migrants with no papers were detained" is not negated).
 */
function negationOf(pipeline: PipelineDef, tokens: TokenTable, negations: readonly LexiconHit[], hit: LexiconHit): string | null {
  const clause = tokens.clauseOf[hit.first];
  for (const cue of negations) {
    if (cue.last > hit.first || tokens.clauseOf[cue.first] !== clause) continue;
    if (hit.first - cue.last >= pipeline.negationWindow) continue;
    const isPrepositional = tokens.pos[cue.first] === 'ADP' || tokens.pos[cue.first - 1] === 'ADP';
    if (isPrepositional && phraseEnds(tokens, cue.last, hit.first)) continue;
    return surface(tokens, cue);
  }
  return null;
}

function phraseEnds(tokens: TokenTable, from: number, to: number): boolean {
  let sawNominal = false;
  for (let i = from; i < to; i++) {
    const pos = tokens.pos[i] ?? '';
    if (sawNominal && VERBAL_POS.has(pos)) return true;
    if (NOMINAL_POS.has(pos)) sawNominal = true;
  }
  return false;
}

/**
 * Who is quoted saying a hit: the named speaker of a speech verb in its sentence ("said
 * Prosecutor-General Igor Krasnov", "Chupik told Mediazona"), or, for a hit inside quotation marks,
 * the speaker of the sentence where the quote closes.
 */
function quoteSpeaker(ctx: Context, scan: FieldScan, hit: LexiconHit, cache: Map<number, string | null>): string | null {
  const { tokens } = scan;
  const speakerOf = (s: number): string | null => {
    if (!cache.has(s)) cache.set(s, findSpeaker(ctx, scan, s));
    return cache.get(s) ?? null;
  };
  const s = tokens.sentenceOf[hit.first] ?? 0;
  const own = speakerOf(s);
  if (own !== null || !tokens.inQuote[hit.first]) return own;
  const closing = tokens.quoteEnd[hit.first] ?? -1;
  if (closing < 0) return null;
  const closingSentence = tokens.sentenceOf[Math.min(closing, tokens.lower.length - 1)] ?? s;
  return closingSentence !== s ? speakerOf(closingSentence) : null;
}

function findSpeaker(ctx: Context, scan: FieldScan, s: number): string | null {
  const { tokens, entities } = scan;
  const span = tokens.sentences[s];
  if (!span) return null;
  const inSentence = entities.filter((e) => e.first >= span[0] && e.last <= span[1] && (e.type === 'person' || e.type === 'organization'));
  if (inSentence.length === 0) return null;
  for (let v = span[0]; v < span[1]; v++) {
    if (tokens.pos[v] !== 'VERB' || !ctx.quotationVerbs.has(tokens.lemma[v] ?? '')) continue;
    const before = inSentence.filter((e) => e.last <= v && v - e.last < SPEAKER_BEFORE).at(-1) ?? beforeApposition(tokens, inSentence, v);
    if (before) return before.canonical;
    // "told Mediazona": the name right after "tell" is the listener, not the speaker.
    const after = inSentence.find((e) => e.first > v && e.first - v <= SPEAKER_AFTER && !(tokens.lemma[v] === 'tell' && isListener(tokens, v, e)));
    if (after) return after.canonical;
  }
  return null;
}

/** The name right after "told" (determiners aside) is who was told. */
function isListener(tokens: TokenTable, v: number, e: EntitySpan): boolean {
  for (let i = v + 1; i < e.first; i++) if (tokens.pos[i] !== 'DET') return false;
  return true;
}

/** "Valentina Chupik, a rights activist who runs a helpline, told…": the name before an apposition. */
function beforeApposition(tokens: TokenTable, entities: readonly EntitySpan[], v: number): EntitySpan | undefined {
  let p = v - 1;
  while (p > 0 && tokens.pos[p] === 'AUX') p--;
  if (tokens.value[p] !== ',') return undefined;
  for (let q = p - 1; q > 0 && tokens.sentenceOf[q] === tokens.sentenceOf[v]; q--) {
    if (tokens.value[q] === ',') return entities.find((e) => e.last === q);
  }
  return undefined;
}

/** Sums counted hits: weight × (title weight for headline hits) × repeatDecay^(earlier repeats of the term). */
function scoreMatches(pipeline: PipelineDef, matches: readonly TermMatch[]): { score: number; breakdown: ScoreComponent[] } {
  const repeats = new Map<string, number>();
  const breakdown: ScoreComponent[] = [];
  let score = 0;
  for (const m of matches) {
    if (m.kind !== 'category' || !m.counted || m.category === null) continue;
    const key = `${m.category}\u0000${m.term}`;
    const n = repeats.get(key) ?? 0;
    repeats.set(key, n + 1);
    const factor = round((m.field === 'title' ? pipeline.titleWeight : 1) * pipeline.repeatDecay ** n);
    const points = round(m.weight * factor);
    score += points;
    const notes = [m.field === 'title' ? `title ×${pipeline.titleWeight}` : '', n > 0 ? `repeat ${n + 1} ×${round(pipeline.repeatDecay ** n)}` : '', m.reason].filter(Boolean);
    breakdown.push({ category: m.category, term: m.term, field: m.field, weight: m.weight, factor, points, note: notes.join('; ') });
  }
  return { score: round(score), breakdown };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function formatNumber(x: number): string {
  return Number.isInteger(x) ? x.toFixed(1) : String(x);
}

/** Reasons, strongest first: counted hits by points, then what did not count and why. */
function explain(pipeline: PipelineDef, matches: readonly TermMatch[], breakdown: readonly ScoreComponent[]): string[] {
  const counted = matches.filter((m) => m.kind === 'category' && m.counted);
  const lines = counted.map((m, i) => {
    const c = breakdown[i] as ScoreComponent;
    return { points: c.points, line: `${m.category}: \`${m.text}\` (${m.field}, sentence ${m.sentence + 1}) ×${formatNumber(c.factor)} = ${formatNumber(c.points)} — ${c.note}` };
  });
  lines.sort((x, y) => y.points - x.points);
  const uncounted = matches
    .filter((m) => m.kind === 'category' && !m.counted && m.weight > 0)
    .map((m) => `${m.category}: \`${m.text}\` (${m.field}, sentence ${m.sentence + 1}) not counted: ${m.reason}`);
  const verdict = `score ${formatNumber(round(breakdown.reduce((a, c) => a + c.points, 0)))} ${breakdown.reduce((a, c) => a + c.points, 0) >= pipeline.threshold ? '≥' : '<'} threshold ${formatNumber(pipeline.threshold)}`;
  return [verdict, ...lines.map((l) => l.line), ...uncounted];
}
