import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../shared/parse/index';

/** Articles the team wrote in the HanoiTV seed's layout (breadcrumb, title, date line, dateline, text). */
function parsed(text: string) {
  const outcome = parseArticle({ bytes: Buffer.from(text), fileName: '000_team.txt' });
  if (!outcome.ok) throw new Error(`${outcome.rejection.code}: ${outcome.rejection.message}`);
  return outcome.article;
}

const LEDE =
  'Nhiều nhà thiết kế trẻ giới thiệu bộ sưu tập áo dài cưới may bằng lụa tơ tằm, thêu tay họa tiết hoa sen, thu hút đông đảo khách tham quan tại triển lãm cuối tuần.';
const SECOND =
  'Bộ sưu tập gồm hai mươi mẫu áo được thực hiện trong sáu tháng, kết hợp nét truyền thống với phom dáng hiện đại để cô dâu dễ vận động trong ngày cưới.';

function article(opening: string[], dateline = '(HanoiTV) - '): string {
  return [...opening, `${dateline}${LEDE}`, SECOND, '', 'Minh Anh'].join('\n');
}

describe('the HanoiTV layout on other articles', () => {
  it('reads a one-level breadcrumb as the category, the line before the date line as the title', () => {
    const a = parsed(article(['Thời trang', 'Áo dài cưới lụa tơ tằm lên ngôi', '03/12/2026 09:15']));
    expect(a.category).toEqual(['Thời trang']);
    expect(a.title).toBe('Áo dài cưới lụa tơ tằm lên ngôi');
    expect(a.publishedAt).toBe('2026-12-03T09:15:00+07:00');
    expect(a.lede).toBe(LEDE);
    expect(a.body).not.toContain('Thời trang');
  });

  it('reads a two-level breadcrumb and a date line with its weekday and zone', () => {
    const a = parsed(
      article([
        'Văn hóa / Thời trang',
        'Áo dài cưới lụa tơ tằm lên ngôi',
        'Thứ tư, 03/12/2026, 20:00 (GMT+7)',
      ]),
    );
    expect(a.category).toEqual(['Văn hóa', 'Thời trang']);
    expect(a.title).toBe('Áo dài cưới lụa tơ tằm lên ngôi');
    expect(a.publishedAt).toBe('2026-12-03T20:00:00+07:00');
  });

  it('reads an undated article the same way, the dateline paragraph standing where the date line would', () => {
    const a = parsed(article(['Thời trang', 'Áo dài cưới lụa tơ tằm lên ngôi']));
    expect(a.category).toEqual(['Thời trang']);
    expect(a.title).toBe('Áo dài cưới lụa tơ tằm lên ngôi');
    expect(a.publishedAt).toBeNull();
    expect(a.publisher).toBe('HanoiTV');
    expect(a.lede).toBe(LEDE);
    const two = parsed(article(['Văn hóa / Thời trang', 'Áo dài cưới lụa tơ tằm lên ngôi'], '(Dân trí) - '));
    expect(two.category).toEqual(['Văn hóa', 'Thời trang']);
    expect(two.title).toBe('Áo dài cưới lụa tơ tằm lên ngôi');
    expect(two.publisher).toBe('Dân trí');
  });

  it('reads breadcrumb levels on lines of their own above the title', () => {
    const a = parsed(article(['Văn hóa', 'Thời trang', 'Áo dài cưới lụa tơ tằm lên ngôi', '03/12/2026']));
    expect(a.category).toEqual(['Văn hóa', 'Thời trang']);
    expect(a.title).toBe('Áo dài cưới lụa tơ tằm lên ngôi');
    expect(a.publishedAt).toBe('2026-12-03');
  });

  it('reads a title straight above the date line without a breadcrumb', () => {
    const a = parsed(article(['Áo dài cưới lụa tơ tằm lên ngôi', '03/12/2026 09:15']));
    expect(a.category).toEqual([]);
    expect(a.title).toBe('Áo dài cưới lụa tơ tằm lên ngôi');
    expect(a.publishedAt).toBe('2026-12-03T09:15:00+07:00');
  });

  it('still reads a breadcrumb and date line above the title', () => {
    const a = parsed(
      article(['Văn hóa / Thời trang', '03/12/2026 09:15', 'Áo dài cưới lụa tơ tằm lên ngôi']),
    );
    expect(a.category).toEqual(['Văn hóa', 'Thời trang']);
    expect(a.title).toBe('Áo dài cưới lụa tơ tằm lên ngôi');
    expect(a.publishedAt).toBe('2026-12-03T09:15:00+07:00');
  });

  it.each([
    ['(24h) - ', '24h'],
    ['(Dân trí) - ', 'Dân trí'],
    ['(VTV.vn) - ', 'VTV'],
    ['(TTXVN) - ', 'TTXVN'],
    ['(VOV.VN) – ', 'VOV'],
    ['Hà Nội (TTXVN) - ', 'TTXVN'],
    ['TP.HCM, 3/12 (PLO) - ', 'PLO'],
  ])('takes the dateline %j as the publisher %j and out of the lede', (dateline, publisher) => {
    const a = parsed(
      article(['Thời trang', 'Áo dài cưới lụa tơ tằm lên ngôi', '03/12/2026 09:15'], dateline),
    );
    expect(a.publisher).toBe(publisher);
    expect(a.lede).toBe(LEDE);
    expect(a.body.startsWith(LEDE)).toBe(true);
  });

  it('leaves a bracket that opens the text without a dash to the text', () => {
    const a = parsed(
      article(['Thời trang', 'Áo dài cưới lụa tơ tằm lên ngôi', '03/12/2026 09:15'], '(Ảnh minh họa) '),
    );
    expect(a.publisher).toBeNull();
    expect(a.lede).toBe(`(Ảnh minh họa) ${LEDE}`);
  });

  it('leaves a nickname in brackets after a name to the text', () => {
    const dateline = 'Ngọc Mai (Bống) - ';
    const a = parsed(
      article(['Thời trang', 'Áo dài cưới lụa tơ tằm lên ngôi', '03/12/2026 09:15'], dateline),
    );
    expect(a.publisher).toBeNull();
    expect(a.lede).toBe(`${dateline}${LEDE}`);
  });

  it('does not take a first sentence above a date line for a title', () => {
    const a = parsed(
      [
        'Sáng nay, hội chợ áo dài mở cửa đón khách tại nhà văn hóa quận với hơn một trăm gian hàng.',
        '03/12/2026',
        LEDE,
        SECOND,
      ].join('\n'),
    );
    expect(a.title).toBeNull();
    expect(a.body.startsWith('Sáng nay, hội chợ áo dài')).toBe(true);
  });
});
