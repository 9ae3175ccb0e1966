import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, decodeBody } from '../../src/crawl/index.js';
import { startFaultServer, type FaultServer } from './fault-server.js';

// Sample texts written for these tests; long enough for the sniffer (40+ Cyrillic letters) unless named short.
const RU_RAIDS = 'После теракта в "Крокус Сити Холле" полиция Подмосковья провела рейды в общежитиях, где живут строители из Таджикистана. Десятки человек задержали для проверки документов, многих продержали в отделе до утра.';
const RU_COURT = 'Районный суд назначил двум гражданам Киргизии выдворение за пределы России; адвокат обжалует решение, потому что оба работали легально и платили налоги.';
const RU_CAPS = 'ТАКСИСТЫ ОТКАЗЫВАЮТ ПАССАЖИРАМ ИЗ СРЕДНЕЙ АЗИИ, РАССКАЗЫВАЮТ ПРАВОЗАЩИТНИКИ';
/** Punctuation windows-1251 has and koi8-r lacks. */
const RU_PUNCTUATION = 'Дело № 2-418 — «о выдворении» — рассмотрят повторно, сообщили в суде Подмосковья в пятницу вечером.';
const RU_SHORT = 'Рейд в общежитии';
const FR_TEXT = 'Après l’attentat près de Moscou, des travailleurs venus d’Asie centrale décrivent des contrôles répétés et des refus de location.';
const page = (text: string, head = ''): string => `<html><head>${head}<title>Новости</title></head><body><p>${text}</p></body></html>`;

describe('decodeBody', () => {
  it.each([
    ['windows-1251 labelled in the header', iconv.encode(RU_RAIDS, 'windows-1251'), 'text/html; charset=windows-1251', RU_RAIDS, 'windows-1251', 'header'],
    ['koi8-r labelled in the header', iconv.encode(RU_COURT, 'koi8-r'), 'text/html; charset=KOI8-R', RU_COURT, 'koi8-r', 'header'],
    ['windows-1251 punctuation without a label', iconv.encode(RU_PUNCTUATION, 'windows-1251'), '', RU_PUNCTUATION, 'windows-1251', 'sniffed'],
    ['windows-1251 under the alias cp1251', iconv.encode(RU_COURT, 'windows-1251'), 'text/html; charset="cp1251"', RU_COURT, 'windows-1251', 'header'],
    ['windows-1251 declared in <meta charset>', iconv.encode(page(RU_RAIDS, '<meta charset="windows-1251">'), 'windows-1251'), 'text/html', page(RU_RAIDS, '<meta charset="windows-1251">'), 'windows-1251', 'declaration'],
    [
      'koi8-r declared in <meta http-equiv>',
      iconv.encode(page(RU_COURT, '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'), 'koi8-r'),
      '',
      page(RU_COURT, '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'),
      'koi8-r',
      'declaration',
    ],
    ['windows-1251 without any label', iconv.encode(page(RU_RAIDS), 'windows-1251'), 'text/html', page(RU_RAIDS), 'windows-1251', 'sniffed'],
    ['koi8-r without any label', iconv.encode(page(RU_COURT), 'koi8-r'), 'text/html', page(RU_COURT), 'koi8-r', 'sniffed'],
    ['windows-1251 labelled utf-8', iconv.encode(RU_COURT, 'windows-1251'), 'text/html; charset=utf-8', RU_COURT, 'windows-1251', 'sniffed'],
    ['koi8-r labelled windows-1251', iconv.encode(RU_RAIDS, 'koi8-r'), 'text/html; charset=windows-1251', RU_RAIDS, 'koi8-r', 'sniffed'],
    ['windows-1251 labelled koi8-r', iconv.encode(RU_COURT, 'windows-1251'), 'text/html; charset=koi8-r', RU_COURT, 'windows-1251', 'sniffed'],
    ['windows-1251 labelled iso-8859-1 (a server default)', iconv.encode(RU_RAIDS, 'windows-1251'), 'text/html; charset=ISO-8859-1', RU_RAIDS, 'windows-1251', 'sniffed'],
    ['an all-capitals koi8-r headline labelled koi8-r', iconv.encode(RU_CAPS, 'koi8-r'), 'text/plain; charset=koi8-r', RU_CAPS, 'koi8-r', 'header'],
    ['windows-1252 without a label', iconv.encode(FR_TEXT, 'windows-1252'), 'text/html', FR_TEXT, 'windows-1252', 'sniffed'],
    ['iso-8859-1 labelled text with a curly apostrophe (read as windows-1252)', iconv.encode(FR_TEXT, 'windows-1252'), 'text/html; charset=iso-8859-1', FR_TEXT, 'windows-1252', 'header'],
    ['UTF-8 Cyrillic without a label', Buffer.from(RU_RAIDS), 'text/html', RU_RAIDS, 'utf-8', 'default'],
    ['UTF-8 with a BOM under a windows-1251 label', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(RU_COURT)]), 'text/html; charset=windows-1251', RU_COURT, 'utf-8', 'bom'],
    ['UTF-16LE with a BOM under a utf-8 label', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RU_RAIDS, 'utf16le')]), 'text/xml; charset=utf-8', RU_RAIDS, 'utf-16le', 'bom'],
    ['UTF-16BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(RU_COURT, 'utf16le').swap16()]), '', RU_COURT, 'utf-16be', 'bom'],
    ['a <meta> claiming utf-16 in ASCII-readable bytes (read as UTF-8)', Buffer.from(page(RU_COURT, '<meta charset="utf-16">')), '', page(RU_COURT, '<meta charset="utf-16">'), 'utf-8', 'declaration'],
  ])('decodes %s', (_name, body, contentType, expected, charset, source) => {
    const decoded = decodeBody(body, contentType);
    expect(decoded.text).toBe(expected);
    expect(decoded.charset).toBe(charset);
    expect(decoded.charsetSource).toBe(source);
  });

  it('falls back to UTF-8 for a label it does not know, and keeps the label', () => {
    const decoded = decodeBody(Buffer.from(RU_COURT), 'text/html; charset=x-unheard-of');
    expect(decoded).toEqual({ text: RU_COURT, charset: 'utf-8', charsetSource: 'default', declaredCharset: 'x-unheard-of' });
  });

  it('keeps the declared label when it overrides it', () => {
    expect(decodeBody(iconv.encode(RU_RAIDS, 'koi8-r'), 'text/html; charset=windows-1251').declaredCharset).toBe('windows-1251');
  });

  it('keeps UTF-8 for UTF-8 Cyrillic with one stray invalid byte', () => {
    const body = Buffer.concat([Buffer.from(RU_RAIDS), Buffer.from([0xff]), Buffer.from(RU_COURT)]);
    const decoded = decodeBody(body, 'text/html; charset=utf-8');
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.text).toBe(`${RU_RAIDS}\ufffd${RU_COURT}`);
  });

  it('keeps a wrong single-byte label when the text is too short to judge', () => {
    const decoded = decodeBody(iconv.encode(RU_SHORT, 'koi8-r'), 'text/plain; charset=windows-1251');
    expect(decoded.charset).toBe('windows-1251');
    expect(decoded.charsetSource).toBe('header');
  });
});

describe('the fetcher decoding what the server sends', () => {
  let server: FaultServer;
  beforeAll(async () => {
    server = await startFaultServer();
  });
  afterAll(async () => {
    await server.close();
  });
  const fetch = (path: string) => createFetcher({ userAgent: 'xenoscope-test/0.1', timeoutMs: 800, maxBodyBytes: 1_000_000, allowPrivateAddresses: true })(`${server.url}${path}`);

  it.each([
    ['windows-1251', 'text/html; charset=windows-1251', 'header'],
    ['windows-1251', 'text/html', 'sniffed'],
    ['koi8-r', 'text/html; charset=koi8-r', 'header'],
    ['koi8-r', 'text/html; charset=utf-8', 'sniffed'],
  ])('reads %s sent as `%s` exactly', async (charset, contentType, source) => {
    const path = `/cyrillic-${charset}-${source}`;
    server.serve(path, { headers: { 'content-type': contentType }, body: iconv.encode(page(RU_RAIDS), charset) });
    const response = await fetch(path);
    expect(response.text).toBe(page(RU_RAIDS));
    expect(response.charset).toBe(charset);
    expect(response.charsetSource).toBe(source);
  });

  it('reads UTF-16LE with a BOM exactly', async () => {
    server.serve('/utf16', { headers: { 'content-type': 'application/xml' }, body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(RU_COURT, 'utf16le')]) });
    const response = await fetch('/utf16');
    expect(response.text).toBe(RU_COURT);
    expect(response.charsetSource).toBe('bom');
  });
});
