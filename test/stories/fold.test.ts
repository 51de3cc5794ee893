import { describe, expect, it } from 'vitest';
import { foldName } from '../../shared/stories/fold';
import { searchKey } from '../../shared/text/vietnamese';

const slowFold = (text: string) => searchKey(text).replaceAll(' ', '');

describe('foldName', () => {
  it('folds a name as searchKey does, without its spaces', () => {
    expect(foldName('Bình Dương')).toBe('binhduong');
    expect(foldName('Cảnh sát PCCC Bình Dương')).toBe('canhsatpcccbinhduong');
    expect(foldName('UBND TP. Hà Nội')).toBe('ubndtphanoi');
    expect(foldName('Đắk Lắk')).toBe('daklak');
  });

  it('gives what searchKey gives for text it folds unit by unit and for text it hands back to it', () => {
    const texts = [
      'Nguyễn Thị Minh Khai',
      'ĐỒNG NAI',
      'Hoà Bình', // old-style tone placement
      'Ph\u0061\u0323m Văn Đồng', // a combining mark (NFD): searchKey's own path
      'Thanh Hóa – Nghệ An (2024)',
      'Straße İstanbul Ǆemal', // one unit lower-cased into two, a title-case digraph
      'Hà Nội FC 🏆',
      'Αθήνα', // Greek: searchKey's own path
      '',
      '—',
    ];
    for (const t of texts) expect(foldName(t), t).toBe(slowFold(t));
  });

  it('gives every unit of Latin Extended-B and Latin Extended Additional as searchKey does, in context', () => {
    const units = [0x20, 0x41, 0xc0, 0xd0, 0xd7, 0x110, 0x130, 0x1c4, 0x24f, 0x1e00, 0x1ea0, 0x1ef9, 0x1eff];
    for (const u of units) {
      const t = `a${String.fromCharCode(u)}b`;
      expect(foldName(t), u.toString(16)).toBe(slowFold(t));
    }
  });
});
