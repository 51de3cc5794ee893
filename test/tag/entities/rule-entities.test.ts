import { describe, expect, it } from 'vitest';
import { resolveRuleEntities, wordBefore } from '../../../shared/tag/entities/resolve/rule-entities';

const SCORES = { person: 0.8, organization: 0.7, place: 0.9 } as const;
const entity = (name: string) => ({ name, mentions: 1 });

describe('the rule tagger entities as the record has them', () => {
  it('drops a person named after a weather word where it is written', () => {
    const text = 'Bão Yagi đổ bộ vào Quảng Ninh chiều qua.';
    const e = resolveRuleEntities(
      { person: [entity('Yagi'), entity('Bão Yagi')], organization: [], place: [entity('Quảng Ninh')] },
      [text],
      SCORES,
    );
    expect(e.person).toEqual([]);
    expect(e.place.map((p) => p.name)).toEqual(['Quảng Ninh']);
  });

  it('reads a country written only after a team word as the team, an organisation', () => {
    const places = { person: [], organization: [], place: [entity('Việt Nam'), entity('Malaysia')] };
    const team = resolveRuleEntities(places, ['Tối qua, đội tuyển Việt Nam gặp Malaysia.'], SCORES);
    expect(team.organization).toEqual([{ name: 'Việt Nam', mentions: 1, score: 0.7 }]);
    expect(team.place.map((p) => p.name)).toEqual(['Malaysia']);
    // written as the country too: the team and the place
    const both = resolveRuleEntities(
      places,
      ['Tối qua, tuyển Việt Nam gặp Malaysia. Việt Nam đăng cai giải năm sau.'],
      SCORES,
    );
    expect(both.organization.map((o) => o.name)).toEqual(['Việt Nam']);
    expect(both.place.map((p) => p.name)).toEqual(['Việt Nam', 'Malaysia']);
  });

  it('reads a town after `đội` and the side as its club, not after a word `đội` ends nor after `của`', () => {
    const places = { person: [], organization: [], place: [entity('Thủ Đô Hà Nội'), entity('Nga')] };
    const texts = ['Hải Âu Khánh Hòa kém đội đầu bảng Thủ Đô Hà Nội ba điểm.'];
    expect(resolveRuleEntities(places, texts, SCORES).organization.map((o) => o.name)).toEqual([
      'Thủ Đô Hà Nội',
    ]);
    for (const text of [
      'Quân đội Nga tập trận ở Biển Đen.',
      'Tàu của hạm đội Nga rời cảng.',
      'Đội ghe của chùa Nga giành giải nhất.',
    ])
      expect(resolveRuleEntities(places, [text], SCORES).organization, text).toEqual([]);
  });

  it('reads the team after the sport or side written between its team word and its country', () => {
    const places = { person: [], organization: [], place: [entity('Việt Nam')] };
    for (const text of [
      'Đội tuyển bóng chuyền nữ Việt Nam thắng 3-1.',
      'Đội tuyển cờ tướng Việt Nam giành hai huy chương.',
    ])
      expect(
        resolveRuleEntities(places, [text], SCORES).organization.map((o) => o.name),
        text,
      ).toEqual(['Việt Nam']);
    // a team word that makes one word with the next is no team word: a player, an intake
    for (const text of ['Tuyển thủ Việt Nam nhận giải.', 'Kỳ tuyển sinh Việt Nam năm nay đông.'])
      expect(resolveRuleEntities(places, [text], SCORES).organization, text).toEqual([]);
  });

  it('names a team by its place, team words outside, one entity with the mentions added', () => {
    const e = resolveRuleEntities(
      {
        person: [],
        organization: [entity('Đội tuyển Thái Lan'), entity('Thái Lan'), entity('ĐT Việt Nam')],
        place: [],
      },
      ['Đội tuyển Thái Lan thua 0-2. Thái Lan về nước. ĐT Việt Nam đi tiếp.'],
      SCORES,
    );
    expect(e.organization.map((o) => [o.name, o.mentions])).toEqual([
      ['Thái Lan', 2],
      ['ĐT Việt Nam', 1],
    ]);
  });

  it('drops a name glued to a code part, keeps it where it is written alone too', () => {
    const glued = resolveRuleEntities(
      { person: [], organization: [entity('SARS')], place: [] },
      ['Biến thể mới của SARS-CoV-2 lây nhanh hơn.'],
      SCORES,
    );
    expect(glued.organization).toEqual([]);
    const alone = resolveRuleEntities(
      { person: [], organization: [entity('SARS')], place: [] },
      ['Biến thể mới của SARS-CoV-2 lây nhanh hơn SARS năm 2003.'],
      SCORES,
    );
    expect(alone.organization.map((o) => o.name)).toEqual(['SARS']);
  });

  it('drops a place written only inside a club name, not one inside an organisation with a head', () => {
    const text = 'Real Madrid thắng tại Madrid. Sở Y tế tỉnh Phú Yên họp. Hà Nội FC thua.';
    const e = resolveRuleEntities(
      {
        person: [],
        organization: [entity('Real Madrid'), entity('Sở Y tế tỉnh Phú Yên'), entity('Hà Nội FC')],
        place: [entity('Madrid'), entity('Phú Yên'), entity('Hà Nội')],
      },
      [text],
      SCORES,
    );
    // `Madrid` is also written alone, so it stays; `Hà Nội` is only the club's.
    expect(e.place.map((p) => p.name)).toEqual(['Madrid', 'Phú Yên']);
  });

  it('keeps a place inside a newspaper or an acronym body, drops one inside a team or a known club', () => {
    const text = 'Báo Pháp Luật TP.HCM đưa tin. CATP Hà Nội vào cuộc. U23 Việt Nam gặp SHB Đà Nẵng.';
    const e = resolveRuleEntities(
      {
        person: [],
        organization: [
          entity('Pháp Luật TP.HCM'),
          entity('CATP Hà Nội'),
          entity('U23 Việt Nam'),
          entity('SHB Đà Nẵng'),
        ],
        place: [entity('TP.HCM'), entity('Hà Nội'), entity('Việt Nam'), entity('Đà Nẵng')],
      },
      [text],
      SCORES,
    );
    expect(e.place.map((p) => p.name)).toEqual(['TP.HCM', 'Hà Nội']);
  });

  it('drops an organisation that is a lone foreign word no list knows, keeps known names and brand spellings', () => {
    const text = 'Tên lửa Kalibr được phóng. Apple và AkzoNobel báo lãi, ABBank tăng vốn, NATO họp.';
    const e = resolveRuleEntities(
      {
        person: [],
        organization: ['Kalibr', 'Apple', 'AkzoNobel', 'ABBank', 'NATO'].map(entity),
        place: [],
      },
      [text],
      SCORES,
    );
    expect(e.organization.map((o) => o.name)).toEqual(['Apple', 'AkzoNobel', 'ABBank', 'NATO']);
  });

  it('scores every entity with its type’s rule precision', () => {
    const e = resolveRuleEntities(
      { person: [entity('Nguyễn Văn An')], organization: [entity('Bộ Y tế')], place: [entity('Huế')] },
      ['Ông Nguyễn Văn An của Bộ Y tế đến Huế.'],
      SCORES,
    );
    expect([e.person[0]?.score, e.organization[0]?.score, e.place[0]?.score]).toEqual([0.8, 0.7, 0.9]);
  });
});

describe('the word before a name', () => {
  const LAST_WORD = /([\p{L}\p{N}]+)\s*$/u;
  const byPattern = (text: string, at: number) =>
    text.slice(Math.max(0, at - 40), at).match(LAST_WORD)?.[1] ?? '';

  it('is the last word of the 40 characters before it, as the pattern reads that slice', () => {
    const texts = [
      'Bão  Yagi',
      'siêu bão\u00a0\u2003Yagi',
      'virus, SARS',
      'số 12\nHà Nội',
      'chữ \u{1D400}\u{1D401} Nam',
      '\uDC00b Nam',
      'một đoạn văn bản rất dài không có dấu cách trước tên riêngTrần',
    ];
    for (const text of texts)
      for (let at = 0; at <= text.length; at++) expect(wordBefore(text, at)).toBe(byPattern(text, at));
    expect(wordBefore('Bão  Yagi', 5)).toBe('Bão');
    expect(wordBefore('virus, SARS', 7)).toBe('');
  });
});
