import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { OPML_NAMESPACE, parseOpml, renderOpml, type OpmlEntry } from '../../src/crawl/opml.js';

/** Shaped like a feed reader's export: nested folders, mixed attribute spellings, a link outline, a repeat. */
const READER_EXPORT = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Exported subscriptions -->
<opml version="1.0">
  <head>
    <title>Migration desk &amp; regional press</title>
    <dateCreated>Mon, 25 Mar 2024 09:12:00 GMT</dateCreated>
    <ownerName>Research desk</ownerName>
  </head>
  <body>
    <outline text="Russia" title="Russia">
      <outline text="Regional" title="Regional">
        <outline type="rss" text="Volga Monitor" title="Volga Monitor" xmlUrl="https://volga-monitor.example/rss?utm_source=reader" htmlUrl="https://volga-monitor.example/" language="en"/>
        <outline type="RSS" title="Kazan Evening" xmlurl="http://kazan-evening.example/feeds/all.xml"/>
      </outline>
      <outline text="Agencies">
        <outline text="Eurasia Wire — Migration" type="atom" xmlUrl="https://eurasia-wire.example/migration/atom" category="/Topics/Migration,wire"/>
        <outline text="Eurasia Wire front page" type="link" url="https://eurasia-wire.example/"/>
      </outline>
    </outline>
    <outline text="Central Asia">
      <outline text="Steppe Herald" xmlUrl="https://steppe-herald.example/feed.xml" xenoscope:country="KZ" xmlns:xenoscope="${OPML_NAMESPACE}"/>
      <outline text="Steppe Herald (again)" type="rss" xmlUrl="https://STEPPE-HERALD.example/feed.xml#top"/>
      <outline text="Broken entry" type="rss" xmlUrl="javascript:alert(1)"/>
      <outline text="Empty folder"/>
      <outline text="Podcast" type="audio" xmlUrl="https://steppe-herald.example/podcast.mp3"/>
    </outline>
    <outline xmlUrl="https://dushanbe-daily.example/rss.xml"/>
  </body>
</opml>
`;

describe('parseOpml', () => {
  const parsed = parseOpml(READER_EXPORT);

  it('reads the title and every feed outline, with folders as tags', () => {
    expect(parsed.isOpml).toBe(true);
    expect(parsed.title).toBe('Migration desk & regional press');
    expect(parsed.feeds).toEqual([
      { url: 'https://volga-monitor.example/rss', name: 'Volga Monitor', tags: ['Russia', 'Regional'], language: 'en', country: undefined, htmlUrl: 'https://volga-monitor.example/' },
      { url: 'http://kazan-evening.example/feeds/all.xml', name: 'Kazan Evening', tags: ['Russia', 'Regional'], language: undefined, country: undefined, htmlUrl: undefined },
      { url: 'https://eurasia-wire.example/migration/atom', name: 'Eurasia Wire — Migration', tags: ['Russia', 'Agencies', 'Topics', 'Migration', 'wire'], language: undefined, country: undefined, htmlUrl: undefined },
      { url: 'https://steppe-herald.example/feed.xml', name: 'Steppe Herald', tags: ['Central Asia'], language: undefined, country: 'KZ', htmlUrl: undefined },
      { url: 'https://dushanbe-daily.example/rss.xml', name: 'dushanbe-daily.example', tags: [], language: undefined, country: undefined, htmlUrl: undefined },
    ]);
  });

  it('skips outlines that are not feeds, bad URLs and repeats, saying why', () => {
    expect(parsed.skipped).toEqual([
      { reason: 'outline type `link` without xmlUrl is not a feed', text: 'Eurasia Wire front page' },
      { reason: 'https://steppe-herald.example/feed.xml is listed more than once', text: 'Steppe Herald (again)' },
      { reason: 'xmlUrl is not an http(s) URL: `javascript:alert(1)`', text: 'Broken entry' },
      { reason: 'outline type `audio` is not a feed (expected rss, atom or none)', text: 'Podcast' },
    ]);
  });

  it.each([
    ['an HTML page', '<html><body><a href="/rss">RSS</a></body></html>', 'found <html>'],
    ['an RSS feed', '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', 'found <rss>'],
    ['an empty file', '', 'found no XML element'],
  ])('says that %s is not OPML', (_name, text, found) => {
    const result = parseOpml(text);
    expect(result.isOpml).toBe(false);
    expect(result.feeds).toEqual([]);
    expect(result.skipped[0]!.reason).toBe(`not an OPML document: expected an <opml> root element, ${found}`);
  });

  it('never expands entities declared in a DOCTYPE', () => {
    const hostile = `<?xml version="1.0"?>
<!DOCTYPE opml [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY local SYSTEM "file:///etc/passwd">
]>
<opml version="2.0"><head><title>&b;</title></head><body>
  <outline text="&local; &amp; &#x422;" xmlUrl="https://outlet.example/rss?a=1&amp;b=2"/>
</body></opml>`;
    const result = parseOpml(hostile);
    expect(result.title).toBe('&b;');
    expect(result.feeds).toEqual([{ url: 'https://outlet.example/rss?a=1&b=2', name: '&local; & Т', tags: [], language: undefined, country: undefined, htmlUrl: undefined }]);
  });
});

describe('renderOpml', () => {
  const feeds: OpmlEntry[] = [
    { url: 'https://volga-monitor.example/rss', name: 'Volga Monitor', country: 'RU', language: 'en', tags: ['regional', 'russia'] },
    { url: 'https://steppe-herald.example/feed.xml?lang=en&section=news', name: 'Steppe "Herald" <EN>', tags: [] },
    { url: 'https://eurasia-wire.example/atom', name: 'Eurasia Wire', language: 'ru', tags: ['regional'] },
  ];
  const xml = renderOpml(feeds, 'xenoscope feeds & more', { dateCreated: new Date('2024-05-20T12:00:00Z') });

  it('writes well-formed OPML 2.0 with folders, escaped text and a date', () => {
    const $ = cheerio.load(xml, { xml: true });
    expect($('opml').attr('version')).toBe('2.0');
    expect($('head > title').text()).toBe('xenoscope feeds & more');
    expect($('head > dateCreated').text()).toBe('Mon, 20 May 2024 12:00:00 GMT');
    expect($('body > outline').map((_, el) => $(el).attr('text')).get()).toEqual(['regional', 'Steppe "Herald" <EN>']);
    expect($('body > outline[text="regional"] > outline').map((_, el) => $(el).attr('xmlUrl')).get()).toEqual(['https://volga-monitor.example/rss', 'https://eurasia-wire.example/atom']);
    expect(xml).toContain('xmlUrl="https://steppe-herald.example/feed.xml?lang=en&amp;section=news"');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0"/);
  });

  it('round-trips through parseOpml without losing names, tags, language or country', () => {
    const back = parseOpml(xml);
    expect(back.skipped).toEqual([]);
    expect(back.title).toBe('xenoscope feeds & more');
    const byUrl = new Map(back.feeds.map((f) => [f.url, f]));
    for (const feed of feeds) {
      expect(byUrl.get(feed.url)).toMatchObject({ name: feed.name, tags: feed.tags, language: feed.language, country: feed.country });
    }
    expect(back.feeds).toHaveLength(feeds.length);
  });

  it('drops characters XML cannot carry', () => {
    const out = renderOpml([{ url: 'https://a.example/rss', name: 'Bell\u0007 outlet', tags: [] }], 'x');
    expect(parseOpml(out).feeds[0]!.name).toBe('Bell outlet');
  });
});
