import { describe, expect, it } from 'vitest';
import { applyConventions, conventions } from '../../../shared/tag/entities/build/conventions';
import type { LabelledRecord } from '../../../shared/tag/entities/build/dataset';

const record = (text: string, spans: [string, 'PER' | 'ORG' | 'LOC'][]): LabelledRecord => ({
  id: 'written:t:1',
  text,
  spans: spans.map(([surface, label]) => {
    const start = text.indexOf(surface);
    return { start, end: start + surface.length, label };
  }),
  source: 'written',
  licence: 'CC-BY-4.0',
  attribution: 'newsdrop team',
  split: 'train',
});

const rules = conventions({
  unlabelledOrganizations: { 'bare body': ['Quốc hội', 'UBND'], platform: ['TikTok'] },
});

describe('labelling conventions', () => {
  it('takes the organisation label off a kind of body written alone and off a platform, and counts it', () => {
    const r = record('Quốc hội Mỹ và Quốc hội họp; UBND tỉnh Nghệ An yêu cầu TikTok gỡ video.', [
      ['Quốc hội Mỹ', 'ORG'],
      ['Mỹ', 'LOC'],
      ['UBND tỉnh Nghệ An', 'ORG'],
      ['Nghệ An', 'LOC'],
      ['TikTok', 'ORG'],
    ]);
    const bare = r.text.indexOf('Quốc hội', 5);
    r.spans.push({ start: bare, end: bare + 'Quốc hội'.length, label: 'ORG' });
    const { records, relabelled } = applyConventions([r], rules);
    const left = records[0]?.spans.map((s) => `${s.label}:${r.text.slice(s.start, s.end)}`);
    expect(left).toEqual(['ORG:Quốc hội Mỹ', 'LOC:Mỹ', 'ORG:UBND tỉnh Nghệ An', 'LOC:Nghệ An']);
    expect(relabelled).toEqual({ 'bare body': 1, platform: 1 });
  });

  it('takes the label off a department written without its scope, as the constraint reads it', () => {
    const withScope = conventions({
      unlabelledOrganizations: {},
      unlabelledWithoutScope: { 'department without scope': 'scoped_heads' },
    });
    const r = record('Sở Xây dựng họp với Sở Tài chính tỉnh Phú Yên và Sở Y tế Hà Nội.', [
      ['Sở Xây dựng', 'ORG'],
      ['Sở Tài chính tỉnh Phú Yên', 'ORG'],
      ['Phú Yên', 'LOC'],
      ['Sở Y tế Hà Nội', 'ORG'],
      ['Hà Nội', 'LOC'],
    ]);
    const { records, relabelled } = applyConventions([r], withScope);
    const left = records[0]?.spans.map((s) => r.text.slice(s.start, s.end));
    expect(left).toEqual(['Sở Tài chính tỉnh Phú Yên', 'Phú Yên', 'Sở Y tế Hà Nội', 'Hà Nội']);
    expect(relabelled).toEqual({ 'department without scope': 1 });
  });

  it('takes the place label off a country written as a nationality, not off a province, a region or a direction', () => {
    const nationality = conventions({
      unlabelledOrganizations: {},
      unlabelledWorldPlacesAfter: { nationality: ['người', 'dân tộc'] },
    });
    const r = record(
      'Người Brazil và người Nhật Bản đến Phú Yên gặp người Phú Yên ở phía Lào, dân tộc Tây Bắc.',
      [
        ['Brazil', 'LOC'],
        ['Nhật Bản', 'LOC'],
        ['Phú Yên', 'LOC'],
        ['Lào', 'LOC'],
        ['Tây Bắc', 'LOC'],
      ],
    );
    const home = r.text.lastIndexOf('Phú Yên');
    r.spans.push({ start: home, end: home + 'Phú Yên'.length, label: 'LOC' });
    const { records, relabelled } = applyConventions([r], nationality);
    const left = records[0]?.spans.map((s) => `${s.start}:${r.text.slice(s.start, s.end)}`);
    expect(left).toEqual([
      `${r.text.indexOf('Phú Yên')}:Phú Yên`,
      `${r.text.indexOf('Lào')}:Lào`,
      `${r.text.indexOf('Tây Bắc')}:Tây Bắc`,
      `${home}:Phú Yên`,
    ]);
    expect(relabelled).toEqual({ nationality: 2 });
  });

  it('refuses a scope convention that does not name a word list', () => {
    expect(() => conventions({ unlabelledOrganizations: {}, unlabelledWithoutScope: { x: 1 } })).toThrow();
  });

  it('leaves a record without such labels as it was', () => {
    const r = record('Bộ Y tế họp.', [['Bộ Y tế', 'ORG']]);
    expect(applyConventions([r], rules).records[0]).toBe(r);
  });

  it('refuses a conventions file without lists of strings', () => {
    expect(() => conventions({})).toThrow();
    expect(() => conventions({ unlabelledOrganizations: { platform: [1] } })).toThrow();
  });
});
