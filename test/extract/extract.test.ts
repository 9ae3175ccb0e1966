import { describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION, extractArticle } from '../../src/extract/index.js';
import type { ExtractedArticle } from '../../src/model/index.js';

const PARAGRAPHS = [
  'Police checked documents at a wholesale market on Saturday morning, and traders said men without papers were put on buses.',
  'Lawyers said courts heard expulsion cases within a day of the detentions, often without an interpreter present in the room.',
  'Employers in construction said half of their crews stayed at home, because workers were afraid of being stopped on the way.',
  'The regional police said in a statement that the checks were routine, and that violations of migration rules had been found.',
];

function article(html: string, opts?: Parameters<typeof extractArticle>[1]): ExtractedArticle {
  const result = extractArticle(html, opts);
  if (result.kind !== 'article') throw new Error(`expected an article, got skipped: ${result.reason}`);
  return result.article;
}

const body = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');

describe('extractArticle', () => {
  it('exports a version string', () => {
    expect(EXTRACTOR_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('joins paragraphs with blank lines and decodes entities', () => {
    const a = article(`<html><body><div class="story"><p>Caf&eacute; owners &amp; traders&nbsp;said, in a statement on Monday, that &quot;checks&quot; continued.</p>${body}</div></body></html>`);
    expect(a.text.split('\n\n')).toEqual([`Café owners & traders said, in a statement on Monday, that "checks" continued.`, ...PARAGRAPHS]);
  });

  it('reads a page with no <body>, unclosed tags and stray closing tags', () => {
    const html = `<title>Checks at the market</title></div><div class="content"><p>${PARAGRAPHS[0]}<p>${PARAGRAPHS[1]}</span></div></div><p>${PARAGRAPHS[2]}`;
    const a = article(html);
    expect(a.text).toContain(PARAGRAPHS[0]);
    expect(a.text).toContain(PARAGRAPHS[1]);
    expect(a.title).toBe('Checks at the market');
  });

  it('survives thousands of nested unclosed elements', () => {
    const html = `<body>${'<div>'.repeat(20_000)}${body}</body>`;
    const a = article(html);
    expect(a.text).toContain(PARAGRAPHS[3]);
  });

  it('leaves out navigation, sidebars, share prompts and "Read also" links', () => {
    const html = `<body>
      <nav><a href="/">Home</a> <a href="/world">World news from every region of the globe, updated hourly</a></nav>
      <div class="article-body">${body}
        <p>Read also: <a href="/x">Who are the workers who keep the city running at night</a></p>
        <div class="share-bar">Share this story on social networks with your friends</div>
      </div>
      <div class="sidebar"><h3>Most read</h3><ul><li><a href="/1">A long headline about an entirely different story, with commas, and more words</a></li></ul></div>
      <footer>All rights reserved, reproduction only with a link.</footer></body>`;
    const a = article(html);
    expect(a.text).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('keeps h2–h4 headings, list items and blockquotes inside the body', () => {
    const html = `<body><article>${body}<h2>What the court said</h2><blockquote>Violations were identified, the statement said, and the cases went to court.</blockquote><ul><li>Nineteen people were expelled.</li><li>Four were released.</li></ul></article></body>`;
    const blocks = article(html).text.split('\n\n');
    expect(blocks).toContain('What the court said');
    expect(blocks).toContain('Violations were identified, the statement said, and the cases went to court.');
    expect(blocks).toContain('Nineteen people were expelled.');
  });

  it('returns skipped with a reason for a page without an article', () => {
    const result = extractArticle('<html><body><h1>Page not found</h1><p>Sorry, we could not find that page.</p></body></html>');
    expect(result).toEqual({ kind: 'skipped', reason: expect.stringMatching(/^no article: /) });
  });

  it('returns skipped for an empty string', () => {
    expect(extractArticle('').kind).toBe('skipped');
  });

  it('prefers the feed date, then JSON-LD, then meta, then <time>, then the URL', () => {
    const jsonLd = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-25T10:00:00Z"}</script>';
    const meta = '<meta property="article:published_time" content="2024-03-24T10:00:00Z">';
    const time = '<time datetime="2024-03-23T10:00:00Z">23 March</time>';
    const page = (head: string, extra = ''): string => `<html><head>${head}</head><body><article>${extra}${body}</article></body></html>`;
    const url = 'https://news.example/2024/03/22/story';
    const feed = { published: '2024-03-26T10:00:00Z' };

    const fromFeed = article(page(jsonLd + meta, time), { url, feed });
    expect([fromFeed.published, fromFeed.sources.published]).toEqual(['2024-03-26T10:00:00.000Z', 'feed']);
    const fromJsonLd = article(page(jsonLd + meta, time), { url });
    expect([fromJsonLd.published, fromJsonLd.sources.published]).toEqual(['2024-03-25T10:00:00.000Z', 'json-ld']);
    const fromMeta = article(page(meta, time), { url });
    expect([fromMeta.published, fromMeta.sources.published]).toEqual(['2024-03-24T10:00:00.000Z', 'meta']);
    const fromTime = article(page('', time), { url });
    expect([fromTime.published, fromTime.sources.published]).toEqual(['2024-03-23T10:00:00.000Z', 'time']);
    const fromUrl = article(page(''), { url });
    expect([fromUrl.published, fromUrl.sources.published]).toEqual(['2024-03-22T00:00:00.000Z', 'url']);
  });

  it('resolves canonical and image URLs against the page URL', () => {
    const html = `<html><head><link rel="canonical" href="../story?id=1"><meta property="og:image" content="/img/a.jpg"></head><body><article>${body}</article></body></html>`;
    const a = article(html, { url: 'https://news.example/world/today/page.html' });
    expect(a.canonicalUrl).toBe('https://news.example/world/story?id=1');
    expect(a.image).toBe('https://news.example/img/a.jpg');
    expect(a.sources).toMatchObject({ canonicalUrl: 'html', image: 'og' });
  });

  it('takes the language from <html lang>, else guesses it from the text', () => {
    expect(article(`<html lang="en-GB"><body><article>${body}</article></body></html>`).lang).toBe('en');
    const guessed = article(`<html><body><article>${body}</article></body></html>`);
    expect([guessed.lang, guessed.sources.lang]).toEqual(['en', 'detected']);
  });

  it('uses the JSON-LD articleBody when the page shell is empty, but not a teaser', () => {
    const long = PARAGRAPHS.join('\n\n');
    const shell = (articleBody: string): string =>
      `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Checks', articleBody })}</script></head><body><div id="app"></div></body></html>`;
    expect(article(shell(long)).text).toBe(long);
    const teaser = `${PARAGRAPHS[0]} ${PARAGRAPHS[1]} ${PARAGRAPHS[2]!.slice(0, 40)}…`;
    const withDom = `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: teaser })}</script></head><body><article>${body}</article></body></html>`;
    expect(article(withDom).text).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('marks pages whose JSON-LD says the body is paid content', () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":false}</script></head><body><article>${body}</article></body></html>`;
    expect(article(html).isPaywalled).toBe(true);
    expect(article(`<html><body><article>${body}</article></body></html>`).isPaywalled).toBeUndefined();
  });

  it('drops a trailing list of links to other stories with its lead-in line', () => {
    const html = `<body><div class="story">${body}<p>You may also like...</p><p><a href="/a">A different story about the city budget and the roads</a></p><p><a href="/b">Another story about the weather in the region this week</a></p></div></body>`;
    expect(article(html).text).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('keeps an embedded post quoted in the body despite its links', () => {
    const tweet = '<div class="social-media-embed"><blockquote class="twitter-tweet"><p>The market was closed all day, and the traders were sent home by the police.</p>— A Trader (@trader) <a href="https://x.example/s/1">March 26, 2024</a></blockquote></div>';
    const html = `<body><div class="story">${PARAGRAPHS.slice(0, 2).map((p) => `<p>${p}</p>`).join('')}${tweet}${PARAGRAPHS.slice(2).map((p) => `<p>${p}</p>`).join('')}</div></body>`;
    expect(article(html).text).toContain('The market was closed all day, and the traders were sent home by the police.');
  });
});
