/**
 * Irregular English forms and their lemmas ("said" → "say", "wives" → "wife"), from the WordNet
 * exception lists that wink's English model lemmatizes with. The token pass needs them to know
 * which words may have a lemma it asks about without lemmatizing every word.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The model's exception lists: plain objects from form to lemma, one per part of speech. */
const EXCEPTION_LISTS = ['wn-verb-exceptions.js', 'wn-noun-exceptions.js', 'wn-adjective-exceptions.js'];

let forms: ReadonlyMap<string, readonly string[]> | null | undefined;

/**
 * Every irregular form with its lemmas (a form may be a verb's and a noun's: "is"), or null when the model no longer ships its lists in the
 * same place: then every word is lemmatized, which is slower but gives the same analysis.
 */
export function irregularForms(): ReadonlyMap<string, readonly string[]> | null {
  if (forms !== undefined) return forms;
  try {
    const map = new Map<string, string[]>();
    for (const file of EXCEPTION_LISTS) {
      const list = require(`wink-eng-lite-web-model/dist/${file}`) as Record<string, unknown>;
      for (const form in list) {
        const lemma = list[form];
        if (typeof lemma !== 'string') continue;
        const lemmas = map.get(form);
        if (lemmas === undefined) map.set(form, [lemma]);
        else if (!lemmas.includes(lemma)) lemmas.push(lemma);
      }
    }
    forms = map.size > 0 ? map : null;
  } catch {
    forms = null;
  }
  return forms;
}
