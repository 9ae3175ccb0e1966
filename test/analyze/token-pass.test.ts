/**
 * What the token pass works out once for the later steps: plural stems, name candidates and line
 * kinds, lexicon phrase starts, and the vocabulary bits behind them; and the analysis's reasons,
 * which are formatted only when read.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, detectLanguage } from '../../src/analyze/index.js';
import { LineKind, readFields, readTokens, Vocabulary, WORD_CLAUSE_BREAK, WORD_NOT_NAME, WORD_STARTS_PHRASE } from '../../src/analyze/tokens.js';
import { loadPipeline } from '../../src/config/pipeline.js';

const nlp = winkNLP(model, ['sbd', 'pos']);
const vocabulary = new Vocabulary([
  ['raid', WORD_STARTS_PHRASE],
  ['tajik', WORD_STARTS_PHRASE],
  ['and', WORD_CLAUSE_BREAK],
  ['the', WORD_NOT_NAME],
  ['march', WORD_NOT_NAME],
]);

describe('Vocabulary', () => {
  it('answers the bits of its words, the union for a word given twice, and 0 for others', () => {
    const v = new Vocabulary([
      ['raid', WORD_STARTS_PHRASE],
      ['raid', WORD_CLAUSE_BREAK],
      ['paid', WORD_NOT_NAME],
    ]);
    expect(v.bits('raid')).toBe(WORD_STARTS_PHRASE | WORD_CLAUSE_BREAK);
    expect(v.bits('paid')).toBe(WORD_NOT_NAME);
    expect(v.bits('rapid')).toBe(0);
    // Same slot as "raid", and the only word there: the comparison decides.
    expect(v.bits('rand')).toBe(0);
    expect(v.bits('')).toBe(0);
  });

  it('tells apart words that share a filter slot', () => {
    // Same first two letters, last letter and length: one slot, so the map decides.
    const v = new Vocabulary([
      ['trains', WORD_STARTS_PHRASE],
      ['trucks', WORD_CLAUSE_BREAK],
    ]);
    expect(v.bits('trains')).toBe(WORD_STARTS_PHRASE);
    expect(v.bits('trucks')).toBe(WORD_CLAUSE_BREAK);
    expect(v.bits('tracks')).toBe(0);
  });
});

describe('readTokens', () => {
  it('drops an unlemmatized plural -s, and keeps "-ss", "-us" and non-letter heads', () => {
    const t = readTokens(nlp, 'Tajiks and gastarbeiters met the press about a virus in the 1990s.', vocabulary);
    const singularOf = (word: string) => t.singular[t.value.indexOf(word)];
    expect(singularOf('Tajiks')).toBe('tajik');
    expect(singularOf('press')).toBe('');
    expect(singularOf('virus')).toBe('');
    expect(singularOf('1990s')).toBe('');
  });

  it('marks a phrase start by its lowercase form, its lemma or its singular', () => {
    const t = readTokens(nlp, 'Police raided homes of Tajiks.', vocabulary);
    const starts = t.phraseStarts.map((i) => t.value[i]);
    expect(starts).toContain('raided');
    expect(starts).toContain('Tajiks');
    expect(starts).not.toContain('Police');
  });

  it('marks capitalized words as name candidates unless the vocabulary says they are no names', () => {
    const t = readTokens(nlp, 'In March the governor met Valentina Chupik in Kaluga.', vocabulary);
    const candidates = t.value.filter((_, i) => t.nameCandidate[i] === 1);
    expect(candidates).toEqual(['Valentina', 'Chupik', 'Kaluga']);
  });

  it('classes an all-caps headline as shouting, with no name candidates, and a results row as a table', () => {
    const t = readTokens(nlp, 'POLICE RAID MOSCOW MARKET AGAIN\nZenit St Petersburg 3 Rotor Volgograd 1\nPolice raided a market in Moscow.', vocabulary);
    expect(t.lineKinds).toEqual([LineKind.Shouting, LineKind.Table, LineKind.Prose]);
    const [first, last] = t.sentences[0] as [number, number];
    expect([...t.nameCandidate.subarray(first, last)].every((flag) => flag === 0)).toBe(true);
  });

  it('gathers mid-sentence capitals of prose, not sentence-initial words nor shouted ones', () => {
    const midCapitals: string[] = [];
    readTokens(nlp, 'POLICE RAID MOSCOW MARKET AGAIN\nOfficers said Valentina Chupik was in Kaluga.', vocabulary, midCapitals);
    expect(midCapitals).toEqual(['valentina', 'chupik', 'kaluga']);
  });

  it('gives a word met again, in another text or as another part of speech, the lemma wink gives it there', () => {
    const asked = new Vocabulary([], ['leaf', 'leave', 'raid', 'can'], new Map());
    const lemmaOf = (text: string, word: string) => {
      const t = readTokens(nlp, text, asked);
      return t.lemma[t.value.indexOf(word)];
    };
    for (let round = 0; round < 2; round++) {
      expect(lemmaOf('The leaves fell from the trees.', 'leaves')).toBe('leaf');
      expect(lemmaOf('She leaves the country today.', 'leaves')).toBe('leave');
      expect(lemmaOf('Police raided homes.', 'raided')).toBe('raid');
      // A contraction's part has the lemma of its whole word, not of its letters.
      expect(lemmaOf("They can't stay.", 'ca')).toBe('can');
    }
  });
});

describe('readFields', () => {
  it('reads title and text into tables of their own, with offsets into each field', () => {
    const title = 'Raid in Kazan';
    const text = 'Police raided a market. Dozens were detained.';
    const { fields } = readFields(nlp, title, text, vocabulary);
    expect(fields.map((f) => f.field)).toEqual(['title', 'text']);
    for (const { field, tokens } of fields) {
      const source = field === 'title' ? title : text;
      tokens.value.forEach((v, i) => {
        if (tokens.pos[i] !== 'SPACE') expect(source.slice(tokens.start[i], tokens.end[i])).toBe(v);
      });
    }
    expect(fields[0]?.tokens.sentences).toEqual([[0, 3]]);
    expect(fields[1]?.tokens.sentences.length).toBe(2);
  });
});

describe('detectLanguage on words in capitals and with accents', () => {
  it('counts stop words written in capitals', () => {
    expect(detectLanguage('THE POLICE SAID THAT THE WORKERS WERE DETAINED AT THE MARKET AND THEN THEY WERE RELEASED')).toBe('en');
  });

  it('counts stop words with letters beyond a–z', () => {
    expect(detectLanguage('Les contrôles ont été renforcés à la gare et les ouvriers sont partis après la fin du marché')).toBe('fr');
  });
});

describe('reasons of an analysis', () => {
  const analyzer = createAnalyzer(loadPipeline('xenophobia'));
  const input = { title: 'Police raid dormitory of Uzbek workers', text: 'Police raided a dormitory where labour migrants from Uzbekistan live and detained 30 people.' };

  it('are there when read, when spread and when serialized, and the same each time', () => {
    const analysis = analyzer.analyze(input);
    const reasons = analysis.reasons;
    expect(reasons[0]).toMatch(/: flagged$/);
    expect(analysis.reasons).toBe(reasons);
    expect({ ...analyzer.analyze(input) }.reasons).toEqual(reasons);
    expect(JSON.parse(JSON.stringify(analyzer.analyze(input))).reasons).toEqual(reasons);
    expect(Object.keys(analysis)).toContain('reasons');
  });

  it('can be replaced', () => {
    const analysis = analyzer.analyze(input);
    analysis.reasons = ['reviewed'];
    expect(analysis.reasons).toEqual(['reviewed']);
  });
});
