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

  it('leaves a record without such labels as it was', () => {
    const r = record('Bộ Y tế họp.', [['Bộ Y tế', 'ORG']]);
    expect(applyConventions([r], rules).records[0]).toBe(r);
  });

  it('refuses a conventions file without lists of strings', () => {
    expect(() => conventions({})).toThrow();
    expect(() => conventions({ unlabelledOrganizations: { platform: [1] } })).toThrow();
  });
});
