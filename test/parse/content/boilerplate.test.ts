import { describe, expect, it } from 'vitest';
import {
  isBoilerplateLine,
  isLabel,
  isNewsletterPitch,
  isRelatedHeading,
} from '../../../shared/parse/content/boilerplate';
import { paragraphsOf, prose } from './helpers';

const article = (inside: string) =>
  `<article><div class="article-body"><p>${prose(1)}</p><p>${prose(2)}</p>${inside}<p>${prose(3)}</p></div></article>`;

describe('boilerplate inside the article container', () => {
  it.each([
    ['ADVERTISEMENT', true],
    ['Like this story? Share it with a friend!', true],
    ['Quảng cáo', true],
    ['Advertisement of the new river path opened on Monday', false],
  ])('label %j: %s', (text, expected) => {
    expect(isLabel(text)).toBe(expected);
  });

  it.each([
    ['You may also like...', true],
    ['More Great WIRED Stories', true],
    ['Tin liên quan', true],
    ['More than 200 residents came to the meeting', false],
  ])('related-stories heading %j: %s', (text, expected) => {
    expect(isRelatedHeading(text)).toBe(expected);
  });

  it.each([
    ['Bạn đừng bỏ lỡ!', true],
    ['Chia sẻ', true],
    // A pointer to another story (data/records/README.md: `Xem thêm` lines are not body).
    ['Xem thêm: Giá rau xanh tăng mạnh sau đợt mưa lũ', true],
    ['Xem thêm những bức ảnh đẹp nhất về mùa lúa chín ở Mù Cang Chải', false],
    ['Bạn đừng bỏ lỡ cơ hội ngắm mưa sao băng đêm nay, khi bầu trời quang mây.', false],
  ])('a line that is never article text in any format %j: %s', (text, expected) => {
    expect(isBoilerplateLine(text)).toBe(expected);
  });

  it.each([
    ['Sign up for The Morning Path to get the free daily newsletter delivered to your inbox.', true],
    ['Đăng ký nhận bản tin sáng của chúng tôi.', true],
    ['The council will subscribe to a new tree-planting programme next year.', false],
  ])('newsletter pitch %j: %s', (text, expected) => {
    expect(isNewsletterPitch(text)).toBe(expected);
  });

  it('drops an ad label and a share prompt', () => {
    expect(
      paragraphsOf(
        article(
          '<div class="slot"><span>ADVERTISEMENT</span></div><p><em>Like this story? Share it with a friend!</em></p>',
        ),
      ),
    ).toEqual([1, 2, 3].map(prose));
  });

  it('drops a related-stories heading and the links under it, but not the prose after them', () => {
    expect(
      paragraphsOf(
        article(
          '<p>You may also like...</p><p><a href="/a">Who will run the river festival?</a></p><p><a href="/b">Ten trees that grow well by water</a></p>',
        ),
      ),
    ).toEqual([1, 2, 3].map(prose));
  });

  it('drops a paragraph that only links to another story (READ MORE: …)', () => {
    expect(
      paragraphsOf(
        article(
          '<p><strong>READ MORE: <a href="/c">River path plan goes to a vote of the full council in March</a></strong></p>',
        ),
      ),
    ).toEqual([1, 2, 3].map(prose));
  });

  it('drops a newsletter pitch', () => {
    expect(
      paragraphsOf(
        article(
          '<p>Sign up for The Morning Path today to get the free daily newsletter delivered to your inbox.</p>',
        ),
      ),
    ).toEqual([1, 2, 3].map(prose));
  });

  it('keeps a paragraph of prose that contains a link', () => {
    const linked = `<p>The plan, <a href="/plan">published last week</a>, sets out where the path will run, which trees will be planted and how the council will pay for the work over three years.</p>`;
    expect(paragraphsOf(article(linked))).toHaveLength(4);
  });
});
