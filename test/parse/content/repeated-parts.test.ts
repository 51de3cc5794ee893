import { describe, expect, it } from 'vitest';
import { paragraphsOf, prose } from './helpers';

describe('an article split into containers of one kind', () => {
  it('reads every part in page order, not the ad rails between them', () => {
    const chunk = (from: number) =>
      `<div class="row"><div class="story-body">${[from, from + 1, from + 2].map((n) => `<p>${prose(n)}</p>`).join('')}</div><div class="rail"><p>Buy a bike today, 20% off.</p></div></div>`;
    const paragraphs = paragraphsOf(
      `<main><div class="chunks">${chunk(1)}<aside>Pull quote</aside>${chunk(4)}${chunk(7)}</div></main><div class="footer-links"><a href="/a">About</a></div>`,
    );
    expect(paragraphs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map(prose));
  });

  it('leaves out a block of the same kind that is mostly links', () => {
    const paragraphs = paragraphsOf(
      `<div class="page"><div class="row"><div class="story-body">${[1, 2, 3, 4].map((n) => `<p>${prose(n)}</p>`).join('')}</div></div>` +
        `<div class="row"><div class="story-body"><p><a href="/x">Another story about the city council and its river plans</a></p></div></div></div>`,
    );
    expect(paragraphs).toEqual([1, 2, 3, 4].map(prose));
  });
});
