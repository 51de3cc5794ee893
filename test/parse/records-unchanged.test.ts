import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHtml as parseHtmlParse2 } from '../../eval/baseline/html-parse-2';
import { parseHtmlFragment } from '../../shared/parse/html-fragment';
import { parseArticle } from '../../shared/parse/index';

/** What parse-2 read from an HTML body inside a JSON record: the whole page parser over `<article>…</article>`. */
function parse2Fragment(raw: string) {
  const html = parseHtmlParse2(`<article>${raw}</article>`);
  return { paragraphs: html.body.split('\n\n').filter(Boolean), captions: html.captions };
}

const FRAGMENTS = [
  '<p>Đoạn một của bài.</p><p>Đoạn hai, có <a href="/x">liên kết</a>.</p>',
  '<h1>Tiêu đề</h1><p>Tiêu đề</p><p>Thân bài.</p>',
  '<div class="related"><p>Tin liên quan</p></div><p>Nội dung chính.</p><figure><img src="a.jpg"><figcaption>Ảnh: Minh Anh</figcaption></figure>',
  '<div>Chữ trần <b>đậm</b><p>Đoạn trong div.</p></div><ul><li>Một</li><li>Hai</li></ul>',
  '<table class="picture"><tr><td><img src="b.jpg"></td></tr><tr><td class="caption">Chú thích</td></tr></table><p>By Jane Roe</p>',
  '<section><h2>Phần hai</h2><blockquote>Trích dẫn.</blockquote></section><nav>Menu</nav><script>x()</script>',
];

describe('records of .txt, .md and .json files: content scoring reads only whole web pages', () => {
  it.each(FRAGMENTS)('reads the HTML body of a JSON record as parse-2 did: %s', (raw) => {
    expect(parseHtmlFragment(raw)).toEqual(parse2Fragment(raw));
  });

  it('reads any HTML body of a JSON record as parse-2 did', () => {
    const tag = fc.constantFrom(
      'p',
      'div',
      'section',
      'li',
      'ul',
      'h1',
      'h2',
      'figure',
      'figcaption',
      'span',
      'a',
      'nav',
      'td',
    );
    const cls = fc.constantFrom('', 'related', 'caption', 'content', 'share', 'byline', 'detail');
    const word = fc.constantFrom('Hà Nội', 'mưa', 'By Jane', 'tin', '.', 'Ảnh: AP', '');
    const node: fc.Arbitrary<string> = fc.letrec<{ node: string }>((self) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        word,
        fc
          .tuple(tag, cls, fc.array(self('node'), { maxLength: 4 }))
          .map(([t, c, kids]) => `<${t}${c ? ` class="${c}"` : ''}>${kids.join(' ')}</${t}>`),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(node, { maxLength: 5 }), (parts) => {
        const raw = parts.join('');
        expect(parseHtmlFragment(raw)).toEqual(parse2Fragment(raw));
      }),
      { numRuns: 300 },
    );
  });

  it('gives a ninjs record with an HTML body the fields parse-2 gave', () => {
    const ninjs = {
      headlines: [{ role: 'main', value: 'Tiêu đề' }],
      bodies: [{ role: 'main', contenttype: 'text/html', value: FRAGMENTS[2] }],
    };
    const outcome = parseArticle({ bytes: Buffer.from(JSON.stringify(ninjs)), fileName: 'a.json' });
    expect(outcome.ok && outcome.article.body).toBe('Nội dung chính.');
    expect(outcome.ok && outcome.article.captions).toEqual(['Ảnh: Minh Anh']);
  });
});
