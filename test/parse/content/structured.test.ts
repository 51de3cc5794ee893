import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../shared/parse/index';
import { prose } from './helpers';

function record(head: string, body: string) {
  const html = `<!doctype html><html lang="en"><head><meta property="og:title" content="Council widens the river path">${head}</head><body>${body}</body></html>`;
  const outcome = parseArticle({ bytes: Buffer.from(html), fileName: 'page.html' });
  if (!outcome.ok) throw new Error(outcome.rejection.message);
  return outcome.article;
}

const state = (articleHtml: string) =>
  `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify({
    props: { pageProps: { story: { headline: 'Council widens the river path', body: articleHtml } } },
  }).replace(/</g, '\\u003c')}</script>`;

describe('structured data first', () => {
  it("takes JSON-LD's articleBody when the markup shows only a teaser of it", () => {
    const ld = `<script type="application/ld+json">${JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'Council widens the river path',
      articleBody: [1, 2, 3, 4].map(prose).join('\n'),
    })}</script>`;
    const a = record(ld, `<article><p>${prose(1)}</p><a href="/login">Log in to read on</a></article>`);
    expect(a.body.split('\n\n')).toEqual([1, 2, 3, 4].map(prose));
  });

  it("reads a script-rendered page's article from its page state", () => {
    const a = record(
      '',
      `<div id="__next">Loading…</div>${state([1, 2, 3].map((n) => `<p>${prose(n)} Council widens the river path.</p>`).join(''))}`,
    );
    expect(a.body.split('\n\n')).toEqual([1, 2, 3].map((n) => `${prose(n)} Council widens the river path.`));
  });

  it("ignores page state that does not share the title's words", () => {
    const terms =
      'These terms apply to every visitor. They may change at any time. Read them with care. '.repeat(8);
    const a = record('', `<div id="__next"><p>Loading the story, please wait.</p></div>${state(terms)}`);
    expect(a.body).toBe('Loading the story, please wait.');
  });

  it('ignores page state when the markup shows the article', () => {
    const a = record(
      '',
      `<article>${[1, 2, 3].map((n) => `<p>${prose(n)}</p>`).join('')}</article>${state([7, 8, 9].map((n) => `<p>${prose(n)} Council widens the river path.</p>`).join(''))}`,
    );
    expect(a.body.split('\n\n')).toEqual([1, 2, 3].map(prose));
  });

  describe("the markup's article holds JSON-LD's body", () => {
    const ldOf = (paragraphs: number[]) =>
      `<script type="application/ld+json">${JSON.stringify({
        '@type': 'NewsArticle',
        headline: 'Council widens the river path',
        articleBody: paragraphs.map(prose).join(' '),
      })}</script>`;
    const pullQuote =
      '<blockquote class="pull-quote"><p>Proud of our river path team, the best in the city, said the mayor.</p></blockquote>';

    it('keeps the markup, with the pull quote the data leaves out', () => {
      const a = record(
        ldOf([1, 2, 3, 4]),
        `<article><p>${prose(1)}</p><p>${prose(2)}</p>${pullQuote}<p>${prose(3)}</p><p>${prose(4)}</p></article>`,
      );
      expect(a.body).toContain('Proud of our river path team');
      expect(a.body.split('\n\n')).toHaveLength(5);
    });

    it('takes the data when the markup holds much more than it', () => {
      const a = record(
        ldOf([1, 2]),
        `<article>${[1, 2, 3, 4, 5, 6].map((n) => `<p>${prose(n)}</p>`).join('')}</article>`,
      );
      expect(a.body).toBe([1, 2].map(prose).join(' '));
    });
  });
});
