import { describe, expect, it } from 'vitest';
import { type ParsedArticle, parsedArticle } from '../../../shared/parse/types';
import placeIndex from '../../../shared/tag/data/place-index.generated.json';
import { extractRuleEntities } from '../../../shared/tag/entities/index';
import {
  lookupPlace,
  lookupPlaceKey,
  MAX_PLACE_SYLLABLES,
  mayStartPlace,
} from '../../../shared/tag/entities/places/index';
import { decodePlaceTable, encodePlaceTable } from '../../../shared/tag/entities/places/table';
import type { PlaceIndex } from '../../../shared/tag/entities/places/types';

const body = (text: string): ParsedArticle => parsedArticle({ body: text });

const KHANH_HOA = { code: '56', name: 'Tỉnh Khánh Hòa' };
const HCMC = { code: '79', name: 'Thành phố Hồ Chí Minh' };

describe('place gazetteer', () => {
  it('answers for every key of place-index.generated.json as the reviewed file says', () => {
    const index = placeIndex as PlaceIndex;
    const provinces = new Map(index.provinces);
    let longest = 0;
    for (const [kind, code, keys] of index.places) {
      for (const key of keys.split('|')) {
        const info = lookupPlaceKey(key);
        expect(info?.kind).toBe(kind);
        const codes = code?.split(',') ?? [];
        if (codes.length > 1) {
          expect(info?.province).toBeUndefined();
          expect(info?.mayBeIn).toEqual(codes.map((c) => ({ code: c, name: provinces.get(c) })));
        } else
          expect(info?.province).toEqual(code === null ? undefined : { code, name: provinces.get(code) });
        expect(mayStartPlace(key.split(' ')[0]!)).toBe(true);
        longest = Math.max(longest, key.split(' ').length);
      }
    }
    expect(MAX_PLACE_SYLLABLES).toBe(longest);
    expect(lookupPlaceKey('không phải nơi nào')).toBeUndefined();
    expect(mayStartPlace('không')).toBe(false);
  });

  it('refuses a table file of another format', () => {
    const file = Buffer.from(encodePlaceTable(placeIndex as PlaceIndex));
    file.set(Buffer.from('newsdrop-place-table-0'), file.indexOf('newsdrop-place-table-1'));
    expect(() => decodePlaceTable(file)).toThrow(
      /newsdrop-place-table-0, this code reads newsdrop-place-table-1/,
    );
  });

  it('gives Hòa and Hoà spellings the same province', () => {
    expect(lookupPlace('Khánh Hòa')?.province).toEqual(KHANH_HOA);
    expect(lookupPlace('Khánh Hoà')?.province).toEqual(KHANH_HOA);
  });

  it('resolves a former province to its 2025 successor', () => {
    expect(lookupPlace('Ninh Thuận')).toEqual({ kind: 'former-province', province: KHANH_HOA });
    expect(lookupPlace('Bình Dương')?.province).toEqual(HCMC);
    expect(lookupPlace('Hà Giang')?.province?.name).toBe('Tỉnh Tuyên Quang');
  });

  it('knows the common aliases of Ho Chi Minh City and Hanoi', () => {
    for (const alias of ['TP.HCM', 'TPHCM', 'Sài Gòn', 'Hồ Chí Minh'])
      expect(lookupPlace(alias)?.province).toEqual(HCMC);
    expect(lookupPlace('HN')?.province?.code).toBe('01');
  });

  it('gives a commune name several provinces have no province, but the provinces it may be in', () => {
    const info = lookupPlace('Hòa Khánh');
    expect(info?.province).toBeUndefined();
    expect(info?.mayBeIn?.map((p) => p.code)).toEqual(['48', '80']);
    expect(lookupPlace('Liên Chiểu')?.mayBeIn).toBeUndefined();
  });

  it('knows countries without giving them a province', () => {
    expect(lookupPlace('Trung Quốc')).toEqual({ kind: 'world' });
  });
});

describe('extractRuleEntities on places', () => {
  it('tags precomposed, decomposed and old-style spellings with the same province', () => {
    const precomposed = extractRuleEntities(body('Mưa lớn gây ngập tại tỉnh Khánh Hòa.'));
    const decomposed = extractRuleEntities(body('Mưa lớn gây ngập tại tỉnh Khánh Hòa.'.normalize('NFD')));
    const oldStyle = extractRuleEntities(body('Mưa lớn gây ngập tại tỉnh Khánh Hoà.'));
    expect(precomposed.place).toEqual([{ name: 'Khánh Hòa', mentions: 1, province: KHANH_HOA }]);
    expect(decomposed.place).toEqual(precomposed.place);
    expect(oldStyle.place).toEqual([{ name: 'Khánh Hoà', mentions: 1, province: KHANH_HOA }]);
  });

  it('resolves a former province named in the text to its successor', () => {
    const e = extractRuleEntities(
      body('Ông Lê Văn Nam sinh ra ở tỉnh Quảng Bình và làm việc tại Bình Định.'),
    );
    const byName = Object.fromEntries(e.place.map((p) => [p.name, p.province?.name]));
    expect(byName).toEqual({ 'Quảng Bình': 'Tỉnh Quảng Trị', 'Bình Định': 'Tỉnh Gia Lai' });
  });

  it('resolves a pre-2025 ward named with its cue to the 2025 province', () => {
    const e = extractRuleEntities(body('Cháy nhà ở phường Thụy Khuê khiến nhiều người hoảng sợ.'));
    expect(e.place).toEqual([
      { name: 'Thụy Khuê', mentions: 1, province: { code: '01', name: 'Thành phố Hà Nội' } },
    ]);
  });

  it('resolves TP.HCM and Sài Gòn to Ho Chi Minh City', () => {
    const e = extractRuleEntities(body('Giá nhà tại TP.HCM tăng mạnh. Người dân Sài Gòn lo lắng.'));
    expect(e.place).toEqual([
      { name: 'TP.HCM', mentions: 1, province: HCMC },
      { name: 'Sài Gòn', mentions: 1, province: HCMC },
    ]);
  });

  it('reads dash-paired short country names as places', () => {
    const e = extractRuleEntities(body('Quan hệ Việt - Trung được cải thiện trong năm qua.'));
    expect(e.place.map((p) => p.name)).toEqual(['Việt', 'Trung']);
  });

  it('never takes a province for a person', () => {
    const e = extractRuleEntities(body('Đoàn công tác đã tới Khánh Hòa. Khánh Hòa có nhiều bãi biển đẹp.'));
    expect(e.person).toEqual([]);
    expect(e.place.map((p) => p.name)).toEqual(['Khánh Hòa']);
  });
});
