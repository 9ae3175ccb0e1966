import { describe, expect, it } from 'vitest';
import { createAnalyzer, detectLanguage } from '../../src/analyze/index.js';
import { loadPipeline } from '../../src/config/pipeline.js';

describe('detectLanguage', () => {
  it.each([
    ['en', 'Police detained dozens of workers at a market in Kazan on Tuesday, the regional ministry said in a statement.'],
    ['ru', 'Полиция задержала десятки рабочих на рынке в Казани во вторник, сообщило региональное министерство.'],
    ['uk', 'Поліція затримала десятки робітників на ринку у вівторок, повідомило міністерство.'],
    ['tg', 'Пулис дар бозор даҳҳо коргарро боздошт кард ва ин хабарро вазорат тасдиқ намуд.'],
    ['kk', 'Полиция базарда ондаған жұмысшыны ұстады деп хабарлады министрлік.'],
    ['de', 'Die Polizei hat am Dienstag auf dem Markt mehrere Arbeiter festgenommen, teilte das Ministerium mit, und die Ermittlungen dauern an.'],
    ['fr', 'La police a interpellé plusieurs ouvriers sur le marché mardi, a indiqué le ministère dans un communiqué, et les contrôles sont en cours.'],
    ['es', 'La policía detuvo a varios trabajadores en el mercado el martes, según el ministerio, y los controles continúan en la ciudad.'],
    ['tr', 'Polis salı günü pazarda çok sayıda işçiyi gözaltına aldı ve bu konuda bir açıklama yaptı, ama sonra daha fazla bilgi vermedi.'],
    ['ar', 'اعتقلت الشرطة عشرات العمال في السوق يوم الثلاثاء'],
  ])('reads %s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it.each([
    ['an empty text', ''],
    ['figures only', '2024 — 17:45, 3.5%'],
    ['a Latin text with too few common words', 'Kazan market'],
  ])('returns null for %s', (_name, text) => {
    expect(detectLanguage(text)).toBeNull();
  });
});

describe('language of an analysis', () => {
  const analyzer = createAnalyzer(loadPipeline('xenophobia'));

  it('analyses an English text given no language', () => {
    const analysis = analyzer.analyze({ text: 'Police raided a dormitory where migrants from Tajikistan live and detained thirty of them.' });
    expect(analysis.lang).toBe('en');
    expect(analysis.flagged).toBe(true);
  });

  it('stores a Russian text given no language unanalysed, with its language', () => {
    const analysis = analyzer.analyze({ text: 'Полиция провела рейды в общежитиях мигрантов и задержала тридцать человек.' });
    expect(analysis.lang).toBe('ru');
    expect(analysis.flagged).toBe(false);
    expect(analysis.matches).toEqual([]);
    expect(analysis.reasons[0]).toContain('`ru`');
  });

  it('trusts a language the input states over detection', () => {
    const analysis = analyzer.analyze({ text: 'Police raided a dormitory where migrants live.', lang: 'de-DE' });
    expect(analysis.lang).toBe('de');
    expect(analysis.flagged).toBe(false);
  });

  it('keeps the pipeline language for a text too short to tell', () => {
    expect(analyzer.analyze({ text: 'Migrants detained' }).lang).toBe('en');
  });
});
