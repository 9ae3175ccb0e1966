import { describe, expect, it } from 'vitest';
import { markdownToHtml, markdownToText, parseMarkdown } from '../../src/fixture-site/index.js';

describe('the article Markdown subset', () => {
  it.each([
    ['One line\ncontinued.', [{ kind: 'paragraph', text: 'One line continued.' }]],
    ['## A heading\n\nText.', [{ kind: 'heading', text: 'A heading' }, { kind: 'paragraph', text: 'Text.' }]],
    ['> Quoted\n> on two lines', [{ kind: 'quote', text: 'Quoted on two lines' }]],
    ['\r\n\r\nA.\r\n\r\n\r\nB.\r\n', [{ kind: 'paragraph', text: 'A.' }, { kind: 'paragraph', text: 'B.' }]],
  ])('splits %j into blocks', (body, blocks) => {
    expect(parseMarkdown(body)).toEqual(blocks);
  });

  it('renders paragraphs, headings, quotes and emphasis as escaped HTML', () => {
    expect(markdownToHtml('A *big* "deal" & <b>.\n\n## Next\n\n> Said')).toBe(
      '<p>A <em>big</em> &quot;deal&quot; &amp; &lt;b&gt;.</p>\n<h2>Next</h2>\n<blockquote><p>Said</p></blockquote>',
    );
  });

  it('gives the plain text an extractor should recover', () => {
    expect(markdownToText('A *big* deal.\n\n## Next\n\n> Said')).toBe('A big deal.\n\nNext\n\nSaid');
  });
});
