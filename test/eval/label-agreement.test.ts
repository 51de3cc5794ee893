import { describe, expect, it } from 'vitest';
import { agreement, readFormatA, readFormatB } from '../../eval/label-agreement';

describe('label agreement', () => {
  it('scores mention-level F1 per type over the texts both passes labelled', () => {
    const first = readFormatA('1\ttitle\tPER:An | LOC:Huế\n1\tlede\tORG:Bộ Y tế\n2\ttitle\tLOC:Hà Nội\n');
    const second = readFormatA('1\ttitle\tPER:An\n1\tlede\tORG:Bộ Y tế | LOC:Huế\n');
    const a = agreement(first, second);
    expect(a.texts).toBe(2);
    expect(a.perType.PER.f1).toBe(1);
    expect(a.perType.LOC).toEqual({ first: 1, second: 1, agreed: 0, f1: 0 });
    expect(a.overall).toBeCloseTo((2 * 2) / (3 + 3));
  });

  it('counts two empty label sets as agreement', () => {
    expect(agreement(readFormatA('1\ttitle\t\n'), readFormatA('1\ttitle\t\n')).overall).toBe(1);
  });

  it('reads the written files paragraph by paragraph, nested names included', () => {
    const first = readFormatB(
      '# doc w-1 section=law\n[[ORG:Sở Y tế tỉnh [[LOC:Huế]]]] họp.\n\nÔng [[PER:An]] nói.\n# doc w-2 section=law\nKhông có tên.\n',
    );
    expect([...first.entries()].map(([k, v]) => [k, [...v].sort()])).toEqual([
      ['w-1\t0', ['LOC:Huế', 'ORG:Sở Y tế tỉnh Huế']],
      ['w-1\t1', ['PER:An']],
      ['w-2\t0', []],
    ]);
  });
});
