import { describe, expect, it } from 'vitest';
import type { Entities } from '../../../shared/model/article';
import { parsedArticle } from '../../../shared/parse/types';
import { recogniseEntities } from '../../../shared/tag/entities/recognise';
import {
  extendToParenthesisedAcronyms,
  mergeParenthesisedShortNames,
} from '../../../shared/tag/entities/resolve/acronyms';

const orgs = (...list: [string, number][]): Entities => ({
  person: [],
  organization: list.map(([name, mentions]) => ({ name, mentions, score: 0.9 })),
  place: [],
});

describe('an acronym in parentheses after an organisation is an alias of it', () => {
  it('merges the short name into the full one, which keeps its name however often the short one is written', () => {
    const text = 'Công ty cổ phần Sữa Đồng Xanh (DXM) báo lãi. Doanh thu của DXM tăng, DXM xuất khẩu nhiều.';
    expect(
      mergeParenthesisedShortNames(orgs(['DXM', 2], ['Công ty cổ phần Sữa Đồng Xanh', 1]), [text])
        .organization,
    ).toEqual([{ name: 'Công ty cổ phần Sữa Đồng Xanh', aliases: ['DXM'], mentions: 3, score: 0.9 }]);
  });

  it('leaves apart a short name not in parentheses after the name, or parenthesised after two names', () => {
    const apart = orgs(['Công ty Sao Kim', 1], ['SKX', 1]);
    expect(
      mergeParenthesisedShortNames(apart, ['Công ty Sao Kim và SKX cùng ký.']).organization,
    ).toHaveLength(2);
    const two = orgs(['Công ty A Lộc', 1], ['Công ty An Lạc', 1], ['AL', 1]);
    expect(
      mergeParenthesisedShortNames(two, ['Công ty A Lộc (AL) và Công ty An Lạc (AL) cùng ký.']).organization,
    ).toHaveLength(3);
  });

  it('gives one organisation for a company and its acronym in an article', () => {
    const e = recogniseEntities(
      parsedArticle({
        title: null,
        body: 'Ông Võ Hoàng Nam, chuyên viên của Công ty Chứng khoán Rồng Việt Á (RVA), cho biết RVA dự báo lợi nhuận giảm.',
      }),
      { language: 'vi' },
    );
    const rva = e.organization.find((o) => o.aliases?.includes('RVA'));
    expect(rva?.name).toBe('Công ty Chứng khoán Rồng Việt Á');
    expect(e.organization.map((o) => o.name)).not.toContain('RVA');
  });

  it('gives a name cut before its lower-case tail the tail back when an acronym in parentheses closes it', () => {
    const text =
      'Nhóm của Viện Nghiên cứu và Phát triển công nghệ sinh học biển (MBRI) đã nhân giống san hô.';
    expect(
      mergeParenthesisedShortNames(orgs(['Viện Nghiên cứu và Phát triển', 1], ['MBRI', 1]), [text])
        .organization,
    ).toEqual([
      {
        name: 'Viện Nghiên cứu và Phát triển công nghệ sinh học biển',
        aliases: ['Viện Nghiên cứu và Phát triển', 'MBRI'],
        mentions: 2,
        score: 0.9,
      },
    ]);
  });

  it("leaves the name as it is when the lower-case words are the sentence's or no organisation's acronym follows", () => {
    const withAcronym = orgs(['Công ty Sao Kim', 1], ['HĐ', 1]);
    expect(extendToParenthesisedAcronyms(withAcronym, ['Công ty Sao Kim đã ký hợp đồng (HĐ) mới.'])).toBe(
      withAcronym,
    );
    const noOrg = orgs(['Công ty Sao Kim', 1]);
    expect(extendToParenthesisedAcronyms(noOrg, ['Công ty Sao Kim ký hợp đồng (HĐ) mới.'])).toBe(noOrg);
  });
});
