import { describe, expect, it } from 'vitest';
import type { Entities } from '../../../shared/model/article';
import { facesATeam, personsFacingTeams } from '../../../shared/tag/entities/resolve/result-sides';

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
});
