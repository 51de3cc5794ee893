import { describe, expect, it } from 'vitest';
import {
  BODY_TERMS,
  bodyTerms,
  MAX_SEARCH_TERMS,
  queryTerms,
  searchTerms,
} from '../../shared/text/search-terms';

describe('search terms', () => {
  it('indexes title syllables and pairs but skips function words alone', () => {
    const terms = searchTerms({ head: ['Giá vàng của thế giới'], lede: null, body: '' });
    expect(terms).toEqual(
      expect.arrayContaining(['gia', 'vang', 'gia vang', 'vang cua', 'cua the', 'the gioi']),
    );
    expect(terms).not.toContain('cua');
  });

  it('takes only pairs of content syllables from the lede', () => {
    const terms = searchTerms({ head: ['X'], lede: 'Sáng nay, giá vàng của thế giới tăng', body: '' });
    expect(terms).toEqual(expect.arrayContaining(['gia vang', 'the gioi']));
    expect(terms).not.toContain('vang cua');
    expect(terms).not.toContain('gia');
  });

  it('keeps to the budget, title first', () => {
    const title = Array.from({ length: 100 }, (_, i) => `t${i}`).join(' ');
    const terms = searchTerms({ head: [title], lede: 'lede words here', body: '' });
    expect(terms.length).toBe(MAX_SEARCH_TERMS);
    expect(terms[0]).toBe('t0');
  });

  it('adds the body pairs that repeat or are capitalised names, not common words said once', () => {
    const body =
      'Cảng Cát Lái đang quá tải. Hàng hóa ở cảng cát lái tăng mạnh. Ông đến Thủ Thiêm hôm qua. Trời mưa to.';
    const terms = bodyTerms(body, new Set());
    expect(terms).toEqual(expect.arrayContaining(['cat lai', 'thu thiem']));
    expect(terms).not.toContain('troi mua');
    expect(terms.length).toBeLessThanOrEqual(BODY_TERMS);
    expect(bodyTerms(body, new Set(['cat lai']))).not.toContain('cat lai');
  });

  it('gives each caller of the same body its own known terms and budget (the body is scored once)', () => {
    const body = 'Cảng Cát Lái quá tải. Cảng Cát Lái tăng mạnh. Ông đến Thủ Thiêm. Thủ Thiêm mưa.';
    expect(bodyTerms(body, new Set(['cat lai']))).not.toContain('cat lai');
    expect(bodyTerms(body, new Set())).toContain('cat lai');
    expect(bodyTerms(body, new Set(), 1)).toHaveLength(1);
    expect(bodyTerms('Ông Ba đến Vũng Tàu. Vũng Tàu nắng.', new Set())).toEqual(['vung tau']);
  });

  it('asks for the pairs of content syllables of a query', () => {
    expect(queryTerms('gia vang the gioi')).toEqual(['gia vang', 'vang the', 'the gioi']);
    expect(queryTerms('gia vang cua the gioi')).toEqual(['gia vang', 'the gioi']);
    expect(queryTerms('bao')).toEqual(['bao']);
    expect(queryTerms('cua')).toEqual([]);
  });
});
