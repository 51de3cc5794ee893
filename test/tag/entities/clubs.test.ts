import { describe, expect, it } from 'vitest';
import { parsedArticle } from '../../../shared/parse/types';
import { recogniseEntities } from '../../../shared/tag/entities/recognise';
import { isClubName, isForeignFormName } from '../../../shared/tag/entities/resolve/clubs';

describe('names of clubs and teams', () => {
  it.each([
    ['U23 Việt Nam', 'an age group first'],
    ['U.16 Mông Cổ', 'an age group written with a dot'],
    ['CLB Hà Nội', 'a club head first'],
    ['ĐT Thái Lan', 'a team head first'],
    ['Real Betis', 'a club stem first'],
    ['Manchester United', 'a club’s last word'],
    ['Golden State Warriors', 'a team nickname last'],
    ['SHB Đà Nẵng', 'a known club'],
  ])('%s is a club or team (%s)', (name) => {
    expect(isClubName(name)).toBe(true);
  });

  it.each([
    ['Pháp Luật TP.HCM', 'a newspaper'],
    ['CATP Hà Nội', 'an acronym body'],
    ['Sở Y tế tỉnh Phú Yên', 'a department'],
    ['Barcelona', 'one word: no place can lie inside it'],
  ])('%s is no club name (%s)', (name) => {
    expect(isClubName(name)).toBe(false);
  });
});

describe('foreign-form names', () => {
  it('end in a foreign organisation word, and hide the place in them', () => {
    expect(isForeignFormName('Hãng hàng không Jeju Air')).toBe(true);
    expect(isForeignFormName('Singapore Airlines')).toBe(true);
    expect(isForeignFormName('Sở Y tế Hà Nội')).toBe(false);
    expect(isForeignFormName('Air')).toBe(false);
    const e = recogniseEntities(
      parsedArticle({ body: 'Tỉnh đang làm việc với Hãng hàng không Jeju Air của Hàn Quốc.' }),
      { language: 'vi' },
    );
    expect(e.place.map((p) => p.name)).toEqual(['Hàn Quốc']);
  });
});
