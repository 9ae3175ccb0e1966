/**
 * Two savings of the token pass, and that they change nothing: sentences are found in the pass
 * (not by wink's sentence automaton), and only words that may have a lemma the analysis asks about
 * are lemmatized.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { NAME_LEMMAS, NAME_VOCABULARY } from '../../src/analyze/entities.js';
import { irregularForms } from '../../src/analyze/irregular.js';
import { lemmasOf } from '../../src/analyze/lemmatizer.js';
import { compileLexicon } from '../../src/analyze/lexicon.js';
import { readTokens, Vocabulary, WORD_IRREGULAR, WORD_STARTS_PHRASE, type TokenTable } from '../../src/analyze/tokens.js';
import { loadPipeline } from '../../src/config/pipeline.js';
import { readSiteArticles } from './site-articles.js';

const nlp = winkNLP(model, ['pos']);
const plain = new Vocabulary([]);

function sentencesOf(text: string): string[] {
  const t = readTokens(nlp, text, plain);
  return t.sentences.map(([a, b]) => text.slice(t.start[a], t.end[b - 1]));
}

describe('sentences of the token pass', () => {
  it.each([
    ['full stops, question and exclamation marks', 'Police came. Was anyone held? No! Everyone left.', ['Police came.', 'Was anyone held?', 'No!', 'Everyone left.']],
    ['a closing quote written after the stop', '"Stop," he said. "Never." Then he left.', ['"Stop," he said.', '"Never."', 'Then he left.']],
    ['an opening quote after the stop', 'He was a lawyer. "Nobody explained it," he said.', ['He was a lawyer.', '"Nobody explained it," he said.']],
    ['curly quotes and brackets', 'She said “go.” (See above.) Next.', ['She said “go.”', '(See above.)', 'Next.']],
    ['titles, saints and initials', 'Mr. Smith met Dr. V. Chupik in St. Petersburg. They spoke.', ['Mr. Smith met Dr. V. Chupik in St. Petersburg.', 'They spoke.']],
    ['a month before its day, a number sign', 'On Jan. 5 the No. 1 court sat. It ruled.', ['On Jan. 5 the No. 1 court sat.', 'It ruled.']],
    ['an abbreviation before a function word', 'They went to the U.S. The next day was calm.', ['They went to the U.S.', 'The next day was calm.']],
    ['an abbreviation before a name or a lowercase word', 'The U.S. Embassy and U.S. officials met Acme Inc. staff.', ['The U.S. Embassy and U.S. officials met Acme Inc. staff.']],
    ['a stop inside a word or a figure', 'Visit example.com for 3.5 million records. Done.', ['Visit example.com for 3.5 million records.', 'Done.']],
    ['an ellipsis inside a sentence', 'Then... they left. Done.', ['Then... they left.', 'Done.']],
    ['line breaks: headings and paragraphs', 'RAIDS IN KALUGA\nPolice detained 12 men\n\nThey were released', ['RAIDS IN KALUGA', 'Police detained 12 men', 'They were released']],
  ])('%s', (_name, text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });
});

/** Every text the equivalence check reads: the fixture site, the labelled set and hard cases. */
function corpus(): string[] {
  const texts = readSiteArticles().map((a) => `${a.title}\n\n${a.text}`);
  const set = fileURLToPath(new URL('../../fixtures/eval/analysis.jsonl', import.meta.url));
  for (const line of readFileSync(set, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const c = JSON.parse(line) as { title?: string; text: string };
    texts.push(`${c.title ?? ''}\n\n${c.text}`);
  }
  texts.push(
    'Police didn’t detain anyone; officers didn\'t, couldn’t and won\'t. They can\'t say.',
    'Officers said, told, held, fled, fought, struck, caught, beat and had beaten men; a car was burnt; they went.',
    'The wives of policemen in three cities criticised the raids; Tajiks and Uzbeks were deported, expelled and stabbed.',
    'He was saying it is, they were, we are, I am; summonses were served and the men were being mobilised.',
  );
  return texts;
}

describe('lemmas of the token pass', () => {
  const pipeline = loadPipeline('xenophobia');
  const lexicon = compileLexicon(nlp, pipeline);
  const asked = new Set([...lexicon.keys, ...pipeline.quotationVerbs.map((w) => w.toLowerCase()), ...NAME_LEMMAS]);
  const irregular = irregularForms();
  const words = [...lexicon.words, ...NAME_VOCABULARY];

  it('reaches wink’s lemmatizer token by token, so only some words are lemmatized', () => {
    const tokens = nlp.readDoc('Police raided the homes.').tokens();
    const lemmaOf = lemmasOf(nlp, tokens);
    expect(lemmaOf).not.toBeNull();
    expect(lemmaOf?.(1)).toBe('raid');
    expect(lemmaOf?.(3)).toBe('home');
    expect(irregular?.get('said')).toEqual(['say']);
    expect(irregular?.get('is')).toContain('be');
  });

  it('marks irregular forms of asked lemmas, and no others', () => {
    const v = new Vocabulary([['raid', WORD_STARTS_PHRASE]], ['say', 'tell', 'raid', 'be'], new Map([['said', ['say']], ['told', ['tell']], ['went', ['go']], ['is', ['is', 'be']]]));
    expect(v.bits('told') & WORD_IRREGULAR).toBe(WORD_IRREGULAR);
    expect(v.bits('said') & WORD_IRREGULAR).toBe(WORD_IRREGULAR);
    expect(v.bits('is') & WORD_IRREGULAR).toBe(WORD_IRREGULAR);
    expect(v.bits('went') & WORD_IRREGULAR).toBe(0);
    expect(v.mayHaveLemma('is', v.bits('is'), 'AUX')).toBe(true);
    expect(v.mayHaveLemma('raids', 0, 'NOUN')).toBe(true);
    expect(v.mayHaveLemma('sayings', 0, 'NOUN')).toBe(true);
    expect(v.mayHaveLemma('houses', 0, 'NOUN')).toBe(false);
    // Only nouns, verbs and adjectives are inflected by rule; names are respelled ("Labour").
    expect(v.mayHaveLemma('raids', 0, 'PROPN')).toBe(true);
    expect(v.mayHaveLemma('raids', 0, 'ADP')).toBe(false);
    expect(new Vocabulary([]).mayHaveLemma('houses', 0, 'NOUN')).toBe(true);
  });

  it.each([
    ['a participle tagged as a noun', 'They were being harassed at work.', 'harassed', 'harass'],
    ['a participle tagged as an adjective after "were"', 'Shops owned by foreigners were looted.', 'looted', 'loot'],
    ['the same after an adverb', 'Their shops were badly looted.', 'looted', 'loot'],
    ['an adjective before its noun stays one', 'The damage is seen in a limited number of cases.', 'limited', 'limited'],
    ['a past tense tagged as an adjective before its particle', 'Police rounded up dozens of Tajik migrants at the market.', 'rounded', 'round'],
    ['a past tense tagged as an adjective after its subject', 'Rioters looted shops owned by Syrians.', 'looted', 'loot'],
    ['an adjective after a determiner stays one', 'The looted shops stayed closed.', 'looted', 'looted'],
  ])('reads a verb in -ed that wink does not tag as a verb as its verb: %s', (_name, text, word, expected) => {
    const t = readTokens(nlp, text, new Vocabulary(words, asked, irregular ?? undefined));
    expect(t.lemma[t.value.indexOf(word)]).toBe(expected);
  });

  it('gives every word whose lemma is asked about the lemma that reading all lemmas gives', () => {
    const selective = new Vocabulary(words, asked, irregular ?? undefined);
    const full = new Vocabulary(words);
    expect(selective.readsAllLemmas).toBe(false);
    let compared = 0;
    let skipped = 0;
    const differences: string[] = [];
    for (const text of corpus()) {
      // wink learns a text's unknown words on first reading, which can change how a possessive
      // of one is split ("Kyrgyzstan's"); both readings below come after that.
      nlp.readDoc(text);
      const a: TokenTable = readTokens(nlp, text, selective);
      const b: TokenTable = readTokens(nlp, text, full);
      expect(a.value).toEqual(b.value);
      for (let i = 0; i < a.value.length; i++) {
        const mine = a.lemma[i] as string;
        const wink = b.lemma[i] as string;
        if (!asked.has(wink) && !asked.has(mine)) continue;
        compared++;
        if (mine === a.lower[i] && wink !== mine) skipped++;
        if (mine !== wink || a.singular[i] !== b.singular[i]) differences.push(`${a.value[i]}: ${mine} ≠ ${wink}`);
      }
      for (const i of b.phraseStarts) if (!a.phraseStarts.includes(i)) differences.push(`phrase start ${a.value[i]} (${a.pos[i]}): ${a.lemma[i]} / ${b.lemma[i]}`);
    }
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
    expect(skipped).toBe(0);
  });
});
