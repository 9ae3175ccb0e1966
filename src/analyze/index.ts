/**
 * The analysis stage: article text + monitoring pipeline → entities, lexicon matches, score and
 * flag decision, with the evidence a reviewer needs. Pure: no fs, no network, no clock, no logging.
 */
export { ANALYZER_VERSION, createAnalyzer, type Analyzer } from './analyzer.js';
export { detectLanguage } from './language.js';
export { hammingDistance, MIN_FINGERPRINT_WORDS, simhash, storyFingerprint } from './simhash.js';
