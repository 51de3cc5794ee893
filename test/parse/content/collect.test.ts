import { describe, expect, it } from 'vitest';
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
});
