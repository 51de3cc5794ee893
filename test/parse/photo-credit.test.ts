import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCredited } from '../../shared/parse/photo-credit';

/** Team-written text after the credit: long enough that the paragraph holds more than a caption. */
const TEXT =
  'theo kế hoạch của thành phố, tuyến đường ven sông sẽ được mở rộng thêm hai làn xe và hoàn thành trước mùa mưa năm sau để giảm ùn tắc.';

describe('a paragraph that opens with a photo credit', () => {
  it.each([
    ['Ảnh: Getty Images. Theo', 'Ảnh: Getty Images.', 'Theo'],
    ['Ảnh: Minh Khôi Theo', 'Ảnh: Minh Khôi', 'Theo'],
    ['Ảnh: Backgrid, Instagram Trong', 'Ảnh: Backgrid, Instagram', 'Trong'],
    ['Ảnh: Hoàng Lan Dự án', 'Ảnh: Hoàng Lan', 'Dự án'],
    ['Ảnh: T.H Năm 2026', 'Ảnh: T.H', 'Năm 2026'],
    ['Ảnh: Quang Huy “Chúng tôi', 'Ảnh: Quang Huy', '“Chúng tôi'],
    ['Ảnh minh họa: Fb Nguyễn Thị Thu Hà Sau', 'Ảnh minh họa: Fb Nguyễn Thị Thu Hà', 'Sau'],
    ['Video: AP/Jane Roe Khi', 'Video: AP/Jane Roe', 'Khi'],
    ['Ảnh:TL. Trước đó', 'Ảnh:TL.', 'Trước đó'],
  ])('%j … keeps its credit as a caption and the text after it as body', (opening, caption, rest) => {
    expect(readCredited(`${opening} ${TEXT}`)).toEqual({ caption, body: `${rest} ${TEXT}` });
  });

  it.each([
    ['Ảnh: Reuters'],
    ['Ảnh minh họa: Internet'],
    ['Video: Người dân đổ ra đường đón năm mới tại quảng trường trung tâm.'],
  ])('is all caption when short: %j', (line) => {
    expect(readCredited(line)).toEqual({ caption: line, body: null });
  });

  it('keeps a long paragraph whole as body when no credit can be told apart (no text is lost)', () => {
    const line = `Ảnh: tư liệu của gia đình cho thấy ${TEXT}`;
    expect(readCredited(line)).toEqual({ caption: null, body: line });
  });

  it('leaves a short source line (`Nguồn: …`) and a paragraph with no cue to the other rules', () => {
    expect(readCredited('Nguồn: Bộ Tài chính')).toBeNull();
    expect(readCredited(`Hôm qua, ${TEXT}`)).toBeNull();
  });
});

describe('reading a credited paragraph loses no text', () => {
  const word = fc.constantFrom(
    'Ảnh:',
    'Video:',
    'Nguồn:',
    'Getty',
    'Images.',
    'N.T',
    'Minh',
    'Khôi',
    'Theo',
    'kế',
    'hoạch,',
    '2026',
    '“Chúng',
    'tôi',
    'AP/Jane',
    '@tin',
    'đường.',
  );

  it('gives back the paragraph as its caption and body, in order', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Ảnh: ', 'Ảnh minh họa: ', 'Video: ', 'Nguồn: ', ''),
        fc.array(word, { maxLength: 40 }),
        (cue, rest) => {
          const paragraph = `${cue}${rest.join(' ')}`.trim();
          const read = readCredited(paragraph);
          if (read === null) return;
          expect([read.caption, read.body].filter((p) => p !== null).join(' ')).toBe(paragraph);
        },
      ),
      { numRuns: 500 },
    );
  });
});
