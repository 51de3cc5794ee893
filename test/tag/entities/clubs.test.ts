import { describe, expect, it } from 'vitest';
import { isClubName } from '../../../shared/tag/entities/resolve/clubs';

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
