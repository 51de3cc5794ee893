import { describe, expect, it } from 'vitest';
import type { Entities } from '../../../shared/model/article';
import {
  facesATeam,
  personsFacingTeams,
  placesFacingTeams,
} from '../../../shared/tag/entities/resolve/result-sides';

const entities = (person: string[], organization: string[], place: string[] = []): Entities => ({
  person: person.map((name) => ({ name, mentions: 1 })),
  organization: organization.map((name) => ({ name, mentions: 1 })),
  place: place.map((name) => ({ name, mentions: 1 })),
});

describe('the two sides of a match result are of one kind', () => {
  it('reads a person facing a team across a match verb, with a score, as a team', () => {
    const texts = ['Ở bán kết, Hà Nội Tasco vượt qua Sichuan Panda 3-0.'];
    const e = personsFacingTeams(entities(['Sichuan Panda', 'Nguyễn Văn An'], ['Hà Nội Tasco']), texts);
    expect(e.person.map((p) => p.name)).toEqual(['Nguyễn Văn An']);
    expect(e.organization.map((o) => o.name)).toEqual(['Hà Nội Tasco', 'Sichuan Panda']);
  });

  it('reads the team before the verb, also with its country after its name', () => {
    const text = 'Ở trận tranh hạng ba, Sichuan Panda của Trung Quốc thắng Than Quảng Ninh 3-2.';
    expect(facesATeam('Sichuan Panda', ['Than Quảng Ninh'], text, ['Trung Quốc'])).toBe(true);
    expect(facesATeam('Sichuan Panda', ['Than Quảng Ninh'], text)).toBe(false);
  });

  it('leaves two persons facing each other, and a person beside a team with no score', () => {
    const texts = [
      'Jannik Sinner thắng Carlos Alcaraz 3-1 ở chung kết.',
      'Lê Văn Hùng thắng Hà Nội Tasco rồi.',
    ];
    const e = personsFacingTeams(
      entities(['Jannik Sinner', 'Carlos Alcaraz', 'Lê Văn Hùng'], ['Hà Nội Tasco']),
      texts,
    );
    expect(e.person.map((p) => p.name)).toEqual(['Jannik Sinner', 'Carlos Alcaraz', 'Lê Văn Hùng']);
  });

  it('reads a place written only facing a team in results as its team, without its province', () => {
    const e = placesFacingTeams(
      {
        person: [],
        organization: [{ name: 'Việt Nam', mentions: 1 }],
        place: [
          { name: 'Campuchia', mentions: 1 },
          { name: 'Hà Nội', mentions: 1, province: { code: '01', name: 'Thành phố Hà Nội' } },
        ],
      },
      ['Đội tuyển nữ Việt Nam thắng Campuchia 4-0 tối qua ở Hà Nội.'],
    );
    expect(e.organization.map((o) => o.name)).toEqual(['Việt Nam', 'Campuchia']);
    expect(e.organization[1]).toEqual({ name: 'Campuchia', mentions: 1 });
    expect(e.place.map((p) => p.name)).toEqual(['Hà Nội']);
  });

  it("keeps a place the article also writes elsewhere, and a side's country", () => {
    const elsewhere = placesFacingTeams(entities([], ['Việt Nam'], ['Campuchia']), [
      'Đội tuyển nữ Việt Nam thắng Campuchia 4-0. Trận đấu diễn ra tại Campuchia.',
    ]);
    expect(elsewhere.place.map((p) => p.name)).toEqual(['Campuchia']);
    const country = placesFacingTeams(entities([], ['Than Quảng Ninh', 'Sichuan Panda'], ['Trung Quốc']), [
      'Ở trận tranh hạng ba, Sichuan Panda của Trung Quốc thắng Than Quảng Ninh 3-2.',
    ]);
    expect(country.place.map((p) => p.name)).toEqual(['Trung Quốc']);
  });
});
