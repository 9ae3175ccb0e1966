import { describe, expect, it } from 'vitest';
import { xmlProblem } from './well-formed-xml.js';

describe('xmlProblem (test helper)', () => {
  it.each([
    ['<?xml version="1.0"?>\n<a x="1"><b/><c>t &amp; u</c><!-- c --><![CDATA[<raw>]]></a>\n', null],
  ])('accepts a well-formed document', (doc, expected) => {
    expect(xmlProblem(doc)).toBe(expected);
  });

  it.each([
    ['<a><b></a>', 'closes <b>'],
    ['<a>', 'unclosed <a>'],
    ['<a></a><b></b>', 'second root'],
    ['<a>fish & chips</a>', 'bad entity'],
    ['<a x=1></a>', 'bad start tag'],
    ['<a x="1" x="2"></a>', 'duplicate attribute'],
    ['', 'no root element'],
  ])('rejects %j', (doc, problem) => {
    expect(xmlProblem(doc)).toContain(problem);
  });
});
