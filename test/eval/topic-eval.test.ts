import { describe, expect, it } from 'vitest';
import { topicHalfOf } from '../../eval/topic-eval';

describe('topic eval halves', () => {
  it('splits a set into dev and test by a hash of the id, about half each', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `news_kinhdoanh_${i}.txt`);
    const dev = ids.filter((id) => topicHalfOf('unc-dantri', id) === 'dev').length;
    expect(dev).toBeGreaterThan(160);
    expect(dev).toBeLessThan(240);
  });

  it('keeps the articles of one KTLAB cluster in one half, and clusters in both halves', () => {
    const halves = (cluster: number) =>
      new Set([1, 2, 3, 4].map((n) => topicHalfOf('ktlab-mds-baomoi', `cluster_${cluster}/${n}`)));
    for (let c = 1; c <= 20; c++) expect(halves(c).size).toBe(1);
    const seen = new Set(Array.from({ length: 20 }, (_, c) => [...halves(c + 1)][0]));
    expect(seen).toEqual(new Set(['dev', 'test']));
  });

  it('splits each set on its own: the same id may fall in different halves of two sets', () => {
    const ids = Array.from({ length: 50 }, (_, i) => String(i));
    const differ = ids.filter((id) => topicHalfOf('danes', id) !== topicHalfOf('crawl-news-24h', id));
    expect(differ.length).toBeGreaterThan(0);
  });
});
