import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/crawl/index.js';
import { PermanentFetchError } from '../../src/errors.js';

const RSS = `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Desk</title>
<item><title>Raid at &lt;b&gt;market&lt;/b&gt;</title><link>/news/raid.html?utm_source=rss</link><guid>g1</guid><pubDate>Tue, 26 Mar 2024 08:15:00 +0500</pubDate><dc:creator>I. Sorokin</dc:creator><description>Police checked traders.</description></item>
<item><title>Same link again</title><link>https://desk.example/news/raid.html</link><guid>g2</guid></item>
<item><title>No link at all</title><description>x</description></item>
<item><title>Repeated guid</title><link>https://desk.example/other</link><guid>g1</guid></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom desk</title>
<entry><title>Expulsions ordered</title><link href="https://atom.example/a/1"/><id>urn:1</id><updated>2024-04-02T10:00:00+03:00</updated><author><name>A. Writer</name></author><summary>Court news.</summary></entry>
</feed>`;

const RDF = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://wire.example/"><title>Wire</title><link>https://wire.example/</link><description>d</description></channel>
<item rdf:about="https://wire.example/world/x/"><title>Wire story</title><link>https://wire.example/world/x/</link><dc:date>2024-04-04T09:00:00+03:00</dc:date><dc:creator>Desk</dc:creator></item>
</rdf:RDF>`;

describe('parseFeed', () => {
  it('resolves relative links, strips tracking and HTML, drops items without links and repeats', async () => {
    const feed = await parseFeed(RSS, 'https://desk.example/rss.xml');
    expect(feed.title).toBe('Desk');
    expect(feed.items).toEqual([
      { url: 'https://desk.example/news/raid.html', guid: 'g1', title: 'Raid at market', published: '2024-03-26T03:15:00.000Z', author: 'I. Sorokin', summary: 'Police checked traders.' },
    ]);
    expect(feed.dropped.map((d) => d.reason)).toEqual(['repeated link or GUID', 'no usable link', 'repeated link or GUID']);
  });

  it('reads Atom entries', async () => {
    const feed = await parseFeed(ATOM, 'https://atom.example/atom.xml');
    expect(feed.items[0]).toMatchObject({ url: 'https://atom.example/a/1', title: 'Expulsions ordered', published: '2024-04-02T07:00:00.000Z' });
  });

  it('reads RDF / RSS 1.0 items with dc:date', async () => {
    const feed = await parseFeed(RDF, 'https://wire.example/index.rdf');
    expect(feed.items[0]).toMatchObject({ url: 'https://wire.example/world/x/', title: 'Wire story', published: '2024-04-04T06:00:00.000Z' });
  });

  it.each([
    ['an HTML page', '<!doctype html><html><body><p>Hello</p></body></html>'],
    ['plain text', 'Service unavailable'],
    ['truncated XML', '<rss version="2.0"><channel><title>x</title><item><title>cut'],
  ])('rejects %s as not a feed, permanently', async (_name, body) => {
    const error = await parseFeed(body, 'https://x.example/feed').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentFetchError);
    expect((error as PermanentFetchError).code).toBe('NOT_A_FEED');
  });
});
