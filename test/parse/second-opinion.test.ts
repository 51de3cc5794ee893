import { describe, expect, it } from 'vitest';
import { loadSecondOpinion, parseArticle, type SecondOpinion } from '../../shared/parse/index';
import {
  ASK_BELOW_CHARS,
  asksSecondOpinion,
  prefersSecondOpinion,
} from '../../shared/parse/second-opinion/index';
import { secondOpinion as readability } from '../../shared/parse/second-opinion/readability';
import { prose } from './content/helpers';

const words = (n: number) => 'a'.repeat(n);

describe('the second opinion on a web page (trafilatura rule)', () => {
  it.each([
    ['ours empty, theirs has text: taken', [], [words(300)], true],
    ['theirs more than twice as long: taken', [words(200)], [words(450)], true],
    ['theirs at most twice as long: not taken', [words(200)], [words(400)], false],
    ['theirs empty: not taken', [words(200)], [], false],
    ['theirs raw JSON: not taken', [words(100)], [`{"body": "${words(400)}"}`], false],
  ])('%s', (_, ours, theirs, want) => {
    expect(prefersSecondOpinion(ours, theirs)).toBe(want);
  });

  it(`is asked only when our text has fewer than ${ASK_BELOW_CHARS} characters`, () => {
    expect(asksSecondOpinion([words(ASK_BELOW_CHARS - 10)])).toBe(true);
    expect(asksSecondOpinion([words(ASK_BELOW_CHARS + 10)])).toBe(false);
  });
});

describe('parsing a web page with a second opinion', () => {
  const page = (body: string) =>
    Buffer.from(
      `<!doctype html><html lang="en"><head><title>River path</title></head><body>${body}</body></html>`,
    );
  const counting = (paragraphs: string[]) => {
    const calls: string[] = [];
    const opinion: SecondOpinion = (html) => {
      calls.push(html);
      return paragraphs;
    };
    return { calls, opinion };
  };

  it('takes the other text when ours reads little and it reads more than twice as much', () => {
    const { calls, opinion } = counting([1, 2, 3].map(prose));
    const outcome = parseArticle(
      { bytes: page(`<article><p>${prose(1)}</p></article>`), fileName: 'page.html' },
      { secondOpinion: opinion },
    );
    expect(calls).toHaveLength(1);
    expect(outcome.ok && outcome.article.body.split('\n\n')).toEqual([1, 2, 3].map(prose));
  });

  it("reads a photo credit opening one of the other text's paragraphs as every format does", () => {
    const { opinion } = counting([prose(1), 'Ảnh: Getty Images', `Ảnh: Jane Roe ${prose(2)}`, prose(3)]);
    const outcome = parseArticle(
      { bytes: page(`<article><p>${prose(1)}</p></article>`), fileName: 'page.html' },
      { secondOpinion: opinion },
    );
    expect(outcome.ok && outcome.article.body.split('\n\n')).toEqual([1, 2, 3].map(prose));
    expect(outcome.ok && outcome.article.captions).toEqual(['Ảnh: Getty Images', 'Ảnh: Jane Roe']);
  });

  it('does not ask when our own extraction reads a whole article', () => {
    const { calls, opinion } = counting([1, 2, 3, 4, 5, 6, 7, 8].map(prose));
    const outcome = parseArticle(
      {
        bytes: page(`<article>${[1, 2, 3, 4].map((n) => `<p>${prose(n)}</p>`).join('')}</article>`),
        fileName: 'page.html',
      },
      { secondOpinion: opinion },
    );
    expect(calls).toHaveLength(0);
    expect(outcome.ok && outcome.article.body.split('\n\n')).toEqual([1, 2, 3, 4].map(prose));
  });

  it('Readability.js gives the paragraphs of the article, without its captions', () => {
    const paragraphs = readability(
      `<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>${[1, 2, 3]
        .map((n) => `<p>${prose(n)}</p>`)
        .join(
          '',
        )}<figure><img src="a.jpg"><figcaption>The river path in May.</figcaption></figure></article></body></html>`,
    );
    expect(paragraphs).toEqual([1, 2, 3].map(prose));
  });

  it('loads from the source tree when no bundle sits beside the code', async () => {
    const loaded = await loadSecondOpinion();
    expect(
      loaded?.(`<html><body><article><p>${prose(1)}</p><p>${prose(2)}</p></article></body></html>`),
    ).toEqual([1, 2].map(prose));
  });
});
