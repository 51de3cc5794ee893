import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../shared/parse/index';
import { paragraphsOf, prose } from './helpers';

describe('collecting the article text', () => {
  it('keeps words apart across a line break in the source or a <br>', () => {
    const [first] = paragraphsOf(
      `<article><p>${prose(1)}\nThe path<br>opens in May.</p><p>${prose(2)}</p></article>`,
    );
    expect(first).toBe(`${prose(1)} The path opens in May.`);
  });

  it('cleans a box named like a widget inside the article even when it holds prose', () => {
    const letter = `<div class="zone-widget cta-letter"><div class="card"><p>${prose(90)}</p><p>${prose(91)}</p><p>${prose(92)}</p><p>${prose(93)}</p><p>${prose(94)}</p></div></div>`;
    const paragraphs = paragraphsOf(
      `<article><div class="content">${[1, 2, 3, 4, 5, 6].map((n) => `<p>${prose(n)}</p>`).join('')}${letter}</div></article>`,
    );
    expect(paragraphs).toEqual([1, 2, 3, 4, 5, 6].map(prose));
  });

  it('keeps the article when every wrapper around it is named a widget (page builders)', () => {
    const paragraphs = paragraphsOf(
      `<div class="builder-widget-wrap"><div class="builder-widget post-content"><div class="builder-widget-container">${[
        1, 2, 3, 4, 5, 6,
      ]
        .map((n) => `<p>${prose(n)}</p>`)
        .join('')}</div></div></div>`,
    );
    expect(paragraphs).toEqual([1, 2, 3, 4, 5, 6].map(prose));
  });

  it('drops a hover card and a read-more box named as such inside a paragraph', () => {
    const card =
      '<span class="rollover-people-block"><span>Jane Roe</span><a href="/jane">Council leader backs the plan</a></span>';
    const box = '<span class="read-more-big"><span>Also on our site</span> Bridge plan goes to a vote</span>';
    const [first] = paragraphsOf(
      `<article><p>Council leader Jane Roe${card} said the path would open in May, as planned, and that the trees would follow.${box}</p><p>${prose(2)}</p><p>${prose(3)}</p></article>`,
    );
    expect(first).toBe(
      'Council leader Jane Roe said the path would open in May, as planned, and that the trees would follow.',
    );
  });

  describe('the description meta tag is the lede; the body keeps the article text', () => {
    const summary = 'The council will widen the river path and open it to cyclists by the end of the year.';
    const record = (before: string, inArticle: string) => {
      const html = `<!doctype html><html><head><title>River path</title><meta name="description" content="${summary}"></head><body><h1>River path</h1>${before}<article>${inArticle}${[1, 2, 3, 4].map((n) => `<p>${prose(n)}</p>`).join('')}</article></body></html>`;
      const outcome = parseArticle({ bytes: Buffer.from(html), fileName: 'page.html' });
      if (!outcome.ok) throw new Error(outcome.rejection.message);
      return outcome.article;
    };
    const article = [1, 2, 3, 4].map(prose);

    it.each([
      ['a block named as a standfirst', `<div class="m-detail-header--dek">${summary}</div>`, ''],
      ['a heading in the article', '', `<h2>${summary}</h2>`],
      ['a sapo after a place stamp', '', `<p class="description"><span>Hà Nội</span> ${summary}</p>`],
    ])('leaves out the description shown as %s', (_, before, inArticle) => {
      const a = record(before, inArticle);
      expect(a.lede).toBe(summary);
      expect(a.body.split('\n\n')).toEqual(article);
    });

    it('keeps a plain paragraph of the article that repeats the description', () => {
      const a = record('', `<p>${summary}</p>`);
      expect(a.lede).toBe(summary);
      expect(a.body.split('\n\n')).toEqual([summary, ...article]);
    });
  });
});
