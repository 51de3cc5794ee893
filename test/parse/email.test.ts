import { describe, expect, it } from 'vitest';
import { parseEnglishDate, parseIsoLike } from '../../shared/parse/dates';
import { readEmail } from '../../shared/parse/email';
import { parseArticle } from '../../shared/parse/index';

const article = [
  'Cầu Hòa Xuân 2 thông xe sau 18 tháng thi công',
  '',
  '(Sông Hàn) - Sáng 2/12, cầu Hòa Xuân 2 được thông xe, nối hai bờ sông Cẩm Lệ.',
  '',
  'Cầu dài 680 m, rộng 30 m, có sáu làn xe và hai làn đường dành cho người đi bộ ở hai bên.',
  '',
  'Minh Thư',
].join('\n');

describe('an e-mail pasted into a text file', () => {
  it('drops an Outlook header block, the greeting and the signature; its Sent time is the date', () => {
    const mail = [
      'From: Lê Minh Thư <minhthu@example.vn>',
      'Sent: Wednesday, December 2, 2026 9:05 PM',
      'To: Toa soan <toasoan@example.vn>',
      'Subject: Bai cau Hoa Xuan 2',
      '',
      'Chào anh Phong,',
      'Em gửi bài, anh duyệt giúp em nhé.',
      '',
      article,
      '',
      'Trân trọng,',
      'Lê Minh Thư',
      '________________________________',
      'Thông tin trong thư này chỉ dành cho người nhận.',
    ].join('\n');
    const email = readEmail(mail);
    expect(email?.text.trim()).toBe(article);
    expect(email?.date?.value).toBe('2026-12-02T21:05:00+07:00');
    const parsed = parseArticle({ bytes: Buffer.from(mail), fileName: 'a.txt' });
    if (!parsed.ok) throw new Error(parsed.rejection.code);
    expect(parsed.article.title).toBe('Cầu Hòa Xuân 2 thông xe sau 18 tháng thi công');
    expect(parsed.article.publishedAt).toBe('2026-12-02T21:05:00+07:00');
    expect(parsed.article.authors).toEqual(['Minh Thư']);
    expect(parsed.article.publisher).toBe('Sông Hàn');
    expect(parsed.article.body).not.toContain('anh duyệt');
  });

  it('reads a Gmail forward in Vietnamese up to its `--` signature', () => {
    const mail = [
      '---------- Forwarded message ---------',
      'Từ: Lê Minh Thư <minhthu@example.vn>',
      'Date: Th 5, 3 thg 12, 2026 lúc 16:42',
      'Subject: Tin cầu Hòa Xuân 2',
      '',
      article,
      '',
      '--',
      'Lê Minh Thư',
      'Phóng viên thường trú',
    ].join('\n');
    expect(readEmail(mail)).toEqual({
      text: `${article}\n`,
      date: { value: '2026-12-03T16:42:00+07:00', hasTime: true },
    });
  });

  it('leaves a text that does not open with a sender and another header alone', () => {
    expect(readEmail(article)).toBeNull();
    expect(readEmail(`Từ: ngày 1/12\n\n${article}`)).toBeNull();
  });
});

describe('dates with the month in words', () => {
  it.each([
    ['December 2, 2026 10:15 AM', '2026-12-02T10:15:00+07:00'],
    ['Dec 12, 2026 at 12:05 am', '2026-12-12T00:05:00+07:00'],
    ['1 tháng 12, 2026 15:30', '2026-12-01T15:30:00+07:00'],
    ['3 tháng 12 năm 2026 lúc 8:05 CH', '2026-12-03T20:05:00+07:00'],
    ['ngày 26 tháng 12 năm 2017', '2017-12-26'],
  ])('%s → %s', (raw, value) => {
    expect(parseIsoLike(raw)?.value).toBe(value);
  });

  it('needs a year: `December 2` alone is no date', () => {
    expect(parseEnglishDate('December 2 at 10:15')).toBeNull();
  });
});
