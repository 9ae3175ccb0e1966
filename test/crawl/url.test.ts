import { describe, expect, it } from 'vitest';
import { normalizeUrl, titleHash } from '../../src/crawl/index.js';

describe('normalizeUrl', () => {
  it.each([
    ['HTTPS://News.Example.COM/a/b', undefined, 'https://news.example.com/a/b'],
    ['http://news.example.com:80/a', undefined, 'http://news.example.com/a'],
    ['https://news.example.com:443/a', undefined, 'https://news.example.com/a'],
    ['https://news.example.com:8443/a', undefined, 'https://news.example.com:8443/a'],
    ['https://news.example.com/a#comments', undefined, 'https://news.example.com/a'],
    ['https://news.example.com/a?utm_source=rss&utm_medium=feed', undefined, 'https://news.example.com/a'],
    ['https://news.example.com/a?id=5&fbclid=xyz&yclid=1&_openstat=abc', undefined, 'https://news.example.com/a?id=5'],
    ['https://news.example.com/a?b=2&a=1', undefined, 'https://news.example.com/a?a=1&b=2'],
    ['/articles/raid-12345', 'https://volga.example/atom.xml', 'https://volga.example/articles/raid-12345'],
    ['raid.html', 'https://volga.example/news/feed.xml', 'https://volga.example/news/raid.html'],
    ['  https://news.example.com/a  ', undefined, 'https://news.example.com/a'],
    ['https://user:pw@news.example.com/a', undefined, 'https://news.example.com/a'],
    ['javascript:alert(1)', undefined, null],
    ['mailto:desk@news.example.com', undefined, null],
    ['ftp://news.example.com/a', undefined, null],
    ['not a url', undefined, null],
  ])('normalizes %s (base %s) to %s', (input, base, expected) => {
    expect(normalizeUrl(input, base)).toBe(expected);
  });
});

describe('titleHash', () => {
  it('ignores case and punctuation', () => {
    expect(titleHash('Police raid dormitories in Kazan!')).toBe(titleHash('police raid dormitories, in Kazan'));
  });
  it('gives no hash for titles too short to identify a story', () => {
    expect(titleHash('Weather')).toBeNull();
    expect(titleHash(null)).toBeNull();
  });
});
