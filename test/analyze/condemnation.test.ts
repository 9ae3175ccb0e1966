import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze/index.js';
import { loadPipeline } from '../../src/config/index.js';

const analyzer = createAnalyzer(loadPipeline('xenophobia'));

/** DOMAIN.md rule 4: counter-speech alone is not relevant, but a condemnation reports the act it condemns. */
describe('condemnation and counter-speech', () => {
  it.each([
    ['a condemnation of an act reports the act', 'UN office condemns beating of migrants in police custody', 'The statement followed reports from detainees in Moscow.', true, 'violence_attack'],
    ['a condemnation of arson reports the arson', 'Minister condemns arson of migrant shops', 'Two kiosks owned by traders from Uzbekistan burned overnight, police said.', true, 'arson_property'],
    ['counter-speech alone is not relevant', 'Mufti urges residents not to blame Uzbeks', 'The mufti called for calm and said no community bears collective responsibility for a crime.', false, null],
  ])('%s', (_name, title, text, flagged, category) => {
    const a = analyzer.analyze({ title, text, lang: 'en' });
    expect(a.flagged).toBe(flagged);
    if (category) expect(a.categories).toContain(category);
  });
});
