import { describe, expect, it } from 'vitest';
import type { Entities } from '../../../shared/model/article';
import { parsedArticle } from '../../../shared/parse/types';
import { recordIndex } from '../../../shared/store/facets';
import { RECOGNISERS, recogniseEntities } from '../../../shared/tag/entities/recognise';
import {
  aliasesOf,
  mergeClubHeadForms,
  mergeProvinceNames,
  provinceNamed,
} from '../../../shared/tag/entities/resolve/aliases';
import { makeRecord } from '../../store/records';

const hcm = { code: '79', name: 'Thành phố Hồ Chí Minh' };

describe('entity aliases', () => {
  it('lists the other forms as written, not case or tone-placement variants of the name', () => {
    expect(aliasesOf('Nguyễn Văn Hùng', ['Nguyễn Văn Hùng', 'Hùng', 'NGUYỄN VĂN HÙNG', 'ông Hùng'])).toEqual([
      'Hùng',
      'ông Hùng',
    ]);
    expect(aliasesOf('Thanh Hóa', ['Thanh Hoá'])).toEqual([]);
  });

  it('knows which place names name a 2025 province itself, and which only lie in one', () => {
    for (const name of [
      'TP.HCM',
      'TPHCM',
      'TP Hồ Chí Minh',
      'Sài Gòn',
      'Hồ Chí Minh',
      'Thành phố Hồ Chí Minh',
    ])
      expect(provinceNamed(name), name).toBe('79');
    // Merged into Ho Chi Minh City in 2025, but not one of its names.
    expect(provinceNamed('Vũng Tàu')).toBeUndefined();
    expect(provinceNamed('Bình Dương')).toBeUndefined();
    expect(provinceNamed('Thủ Đức')).toBeUndefined();
  });

  it('makes the names of one province one place: the most mentioned keeps its name, the rest are aliases', () => {
    const merged = mergeProvinceNames({
      person: [],
      organization: [],
      place: [
        { name: 'TP.HCM', mentions: 3, province: hcm, score: 0.8 },
        { name: 'Hà Nội', mentions: 2, province: { code: '01', name: 'Thành phố Hà Nội' } },
        { name: 'Sài Gòn', mentions: 1, province: hcm, score: 0.9 },
        { name: 'TPHCM', aliases: ['Tp.HCM'], mentions: 1, province: hcm },
        { name: 'Vũng Tàu', mentions: 1, province: hcm },
      ],
    });
    expect(merged.place).toEqual([
      { name: 'TP.HCM', aliases: ['Sài Gòn', 'TPHCM'], mentions: 5, province: hcm, score: 0.9 },
      { name: 'Hà Nội', mentions: 2, province: { code: '01', name: 'Thành phố Hà Nội' } },
      { name: 'Vũng Tàu', mentions: 1, province: hcm },
    ]);
  });

  it.each(RECOGNISERS)(
    'fills aliases in the %s recogniser, and /entities counts the city once',
    (recogniser) => {
      const article = parsedArticle({
        title: 'Giá nhà ở TP.HCM tăng mạnh',
        body:
          'Theo Sở Xây dựng TP.HCM, giá căn hộ tại TP.HCM tăng 12% trong quý III. ' +
          'Nhiều người trẻ ở Sài Gòn đã chuyển sang thuê nhà.\n\n' +
          'Ông Nguyễn Văn Hùng, giám đốc một sàn giao dịch, cho biết người mua ở TPHCM chờ giá giảm. ' +
          'Theo ông Hùng, nguồn cung tại Bình Dương và Vũng Tàu đang tăng.',
      });
      const e = recogniseEntities(article, { language: 'vi', recogniser });
      const city = e.place.filter(
        (p) => p.province?.code === '79' && p.name !== 'Bình Dương' && p.name !== 'Vũng Tàu',
      );
      expect(city).toHaveLength(1);
      expect(city[0]?.name).toBe('TP.HCM');
      expect(city[0]?.aliases).toEqual(expect.arrayContaining(['Sài Gòn', 'TPHCM']));
      expect(e.person.find((p) => p.name === 'Nguyễn Văn Hùng')?.aliases).toEqual(['Hùng']);
      const index = recordIndex(makeRecord('x', { entities: e }));
      // Filters find the city by any of its names; /entities counts it once, under the province's name.
      expect(index.facets).toEqual(expect.arrayContaining(['l#saigon', 'l#hcm', 'l#hochiminh']));
      const rows = index.counted.filter((c) => c.kind === 'place' && c.province?.code === '79');
      expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['Hồ Chí Minh']));
      expect(rows.filter((r) => r.name === 'Hồ Chí Minh')).toHaveLength(1);
    },
  );
});

describe('a club written with its head and without', () => {
  const orgs = (...list: [string, number][]): Entities => ({
    person: [],
    organization: list.map(([name, mentions]) => ({ name, mentions })),
    place: [],
  });

  it('is one organisation, under its most mentioned form', () => {
    expect(
      mergeClubHeadForms(orgs(['CLB Hải Âu Khánh Hòa', 1], ['Hải Âu Khánh Hòa', 3], ['Bộ Y tế', 1]))
        .organization,
    ).toEqual([
      { name: 'Hải Âu Khánh Hòa', mentions: 4, aliases: ['CLB Hải Âu Khánh Hòa'] },
      { name: 'Bộ Y tế', mentions: 1 },
    ]);
    expect(
      mergeClubHeadForms(orgs(['Câu lạc bộ Sông Lam Nghệ An', 2], ['Sông Lam Nghệ An', 1])).organization,
    ).toEqual([{ name: 'Câu lạc bộ Sông Lam Nghệ An', mentions: 3, aliases: ['Sông Lam Nghệ An'] }]);
  });

  it('leaves other organisations as they were', () => {
    const e = orgs(['CLB Hải Âu Khánh Hòa', 1], ['Hải Âu', 1]);
    expect(mergeClubHeadForms(e)).toBe(e);
  });
});
