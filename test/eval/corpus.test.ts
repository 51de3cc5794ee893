import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CORPUS_DIR, type CorpusDoc, loadCorpus, withoutTitleLine } from '../../eval/corpus';
import { sameAsSlug, unsegment } from '../../eval/corpus-text';
import { foldCategory, normLede, normText, readDate, setCounts, syllables } from '../../eval/parse-compare';
import { optionsFromArgv, runParseEval } from '../../eval/parse-eval';

const text = (doc: CorpusDoc) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(doc.bytes);
const bySet = (docs: CorpusDoc[], set: string) => docs.filter((d) => d.set === set);

describe('loadCorpus', () => {
  it('finds every labelled set with the dev counts the corpus README gives, in a stable order', async () => {
    const docs = await loadCorpus();
    const counts = Object.fromEntries(
      ['unc-dantri', 'vlsp2018-ner', 'ktlab-mds-baomoi', 'crawl-news-24h', 'danes'].map((s) => [
        s,
        bySet(docs, s).length,
      ]),
    );
    expect(counts).toEqual({
      'unc-dantri': 1873,
      'vlsp2018-ner': 883,
      'ktlab-mds-baomoi': 425,
      'crawl-news-24h': 633,
      danes: 1441,
    });
    expect(new Set(docs.map((d) => `${d.set}/${d.id}`)).size).toBe(docs.length);
    const again = await loadCorpus({ sets: ['danes', 'unc-dantri'], limitPerSet: 3 });
    expect(again.map((d) => d.id)).toEqual([
      ...bySet(docs, 'unc-dantri')
        .slice(0, 3)
        .map((d) => d.id),
      ...bySet(docs, 'danes')
        .slice(0, 3)
        .map((d) => d.id),
    ]);
  });

  it('refuses an unknown set name instead of returning nothing', async () => {
    await expect(loadCorpus({ sets: ['vntc'] })).rejects.toThrow(/unknown corpus set.*vntc/);
  });

  it('gives UNC files as they are, a day-only date, the URL section, and a title only where line 4 spells the slug', async () => {
    const docs = await loadCorpus({ sets: ['unc-dantri'] });
    const first = docs[0]!;
    expect(first.fileName).toBe('news_business_004.txt');
    expect(
      Buffer.from(first.bytes).equals(readFileSync(join(CORPUS_DIR, 'unc-dantri', 'dev', first.fileName))),
    ).toBe(true);
    expect(first.gold).toMatchObject({
      title: 'Vì sao chưa “xóa sổ” trạm thu phí đặt “nhầm chỗ” Bắc Thăng Long - Nội Bài?',
      publishedAt: '2020-10-01',
      hasTime: false,
      category: 'kinh-doanh',
      titleSlug: 'vi-sao-chua-xoa-so-tram-thu-phi-dat-nham-cho-bac-thang-long-noi-bai',
    });
    for (const d of docs) {
      expect(d.gold.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d.gold.url).toMatch(new RegExp(`^https://dantri\\.com\\.vn/${d.gold.category}/`));
      if (d.gold.title) expect(sameAsSlug(d.gold.title, d.gold.titleSlug!)).toBe(true);
    }
    // One URL (`/xa-hoi/1-11-2020.htm`) has no title slug.
    expect(docs.filter((d) => d.gold.titleSlug === undefined).map((d) => d.gold.url)).toEqual([
      'https://dantri.com.vn/xa-hoi/1-11-2020.htm',
    ]);
    const titled = docs.filter((d) => d.gold.title !== undefined).length;
    expect(titled).toBeGreaterThan(100);
    expect(titled).toBeLessThan(docs.length / 2);
  });

  it('can take the title line out of a UNC file that has one, keeping the title as gold', async () => {
    const docs = await loadCorpus({ sets: ['unc-dantri'], limitPerSet: 50 });
    const titled = docs.find((d) => d.gold.title !== undefined);
    const untitled = docs.find((d) => d.gold.title === undefined);
    expect(withoutTitleLine(untitled!)).toBeNull();
    const variant = withoutTitleLine(titled!)!;
    const before = text(titled!).split('\n');
    const after = text(variant).split('\n');
    expect(after).toEqual(before.filter((l) => l !== titled!.gold.title));
    expect(after).toHaveLength(before.length - 1);
    expect(variant.gold.title).toBe(titled!.gold.title);
    expect(variant.gold.lede).toBeUndefined();
  });

  it('strips VLSP entity tags but keeps each file’s BOM and line endings', async () => {
    const docs = await loadCorpus({ sets: ['vlsp2018-ner'] });
    const withBom = docs.filter((d) => d.bytes[0] === 0xef && d.bytes[1] === 0xbb && d.bytes[2] === 0xbf);
    expect(withBom).toHaveLength(174);
    expect(withBom.every((d) => text(d).includes('\r\n'))).toBe(true);
    for (const d of docs) {
      expect(text(d)).not.toMatch(/ENAMEX/);
      expect(d.fileName).toBe(`${d.id}.txt`);
      expect(d.gold.title).toBeTruthy();
      expect(d.gold.title).not.toMatch(/[<>\uFEFF]/);
    }
  });

  it('builds KTLAB files from the info lines and body, with un-segmented title and lede and Vietnam time', async () => {
    const docs = await loadCorpus({ sets: ['ktlab-mds-baomoi'] });
    const doc = docs.find((d) => d.id === 'cluster_10/12234265')!;
    expect(text(doc)).toMatch(
      /^LINK: http:\/\/www\.baomoi\.com\/Home\/TheGioi\/.*\nTITLE: .*\nSUMMARY: .*\nTIME: .*\n\n/,
    );
    expect(doc.fileName).toBe('12234265.txt');
    expect(doc.gold).toMatchObject({
      title: 'Nhật dọa bắn máy bay, Trung Quốc nổi giận',
      publishedAt: '2013-10-22T20:30:00+07:00',
      hasTime: true,
      category: 'thegioi',
    });
    for (const d of docs) {
      expect(d.gold.title).not.toMatch(/_| [,.:?!]/);
      expect(d.gold.publishedAt).toMatch(/^20(12|13)-\d{2}-\d{2}T\d{2}:\d{2}:00\+07:00$/);
    }
    // Links without the /Home/<Category>/ path carry no category.
    expect(docs.filter((d) => d.gold.category === undefined).length).toBe(80);
  });

  it('turns each 24h row into a JSON file without the home-page category, keeping the UTC instant', async () => {
    const docs = await loadCorpus({ sets: ['crawl-news-24h'] });
    for (const d of docs) {
      const json = JSON.parse(text(d)) as Record<string, unknown>;
      expect(Object.keys(json).sort()).toEqual([
        'content',
        'keywords',
        'published_at',
        'source',
        'title',
        'url',
      ]);
      expect(d.gold.keywords?.length).toBeGreaterThan(0);
      expect((json.keywords as string[]).map((k) => k.normalize('NFC'))).toEqual(d.gold.keywords);
      expect(Date.parse(d.gold.publishedAt!)).toBe(Date.parse(json.published_at as string));
      expect(d.gold.publishedAt).toMatch(/\+07:00$/);
      expect(d.gold.category).not.toBe('trang-chu');
    }
    // The one row whose body holds an embedded newline parsed as one record, not two.
    expect(new Set(docs.map((d) => d.id)).size).toBe(633);
    const first = docs.find((d) => d.id === 'a941805bd131e05bae9a55c1a15d7f62')!;
    expect(first.gold.body).toMatch(/^8 đối tượng liên quan/);
    expect(first.gold.body).toMatch(/thiếu hụt xăng\.\.\.$/);
    // Rows with no article text are expected to be rejected, not scored on their title.
    expect(docs.filter((d) => d.gold.expectedRejection === 'no_body').map((d) => d.id)).toHaveLength(3);
  });

  it('turns each DANeS record into a title/description/url JSON file with its topic labels', async () => {
    const [doc] = await loadCorpus({ sets: ['danes'], limitPerSet: 1 });
    const json = JSON.parse(text(doc!)) as Record<string, string>;
    expect(Object.keys(json)).toEqual(['title', 'description', 'url']);
    expect(doc!.gold).toMatchObject({ title: json.title, url: json.url, lede: json.description });
    expect(doc!.gold.topicLabels?.length).toBeGreaterThan(0);
    const all = await loadCorpus({ sets: ['danes'] });
    expect(all.filter((d) => d.gold.expectedRejection === 'no_body')).toHaveLength(149);
  });
});

describe('comparison rules', () => {
  it('undoes KTLAB word segmentation around punctuation and paired quotes', () => {
    expect(unsegment(`Các trường tư_thục đang chờ ' khai_tử ' `)).toBe(
      `Các trường tư thục đang chờ 'khai tử'`,
    );
    expect(unsegment('Lào : Đã trục_vớt ( 2 ) chiếc , “ hộp_đen ” ?')).toBe(
      'Lào: Đã trục vớt (2) chiếc, “hộp đen”?',
    );
  });

  it('compares dates by the day in Vietnam time and by the instant', () => {
    expect(readDate('2026-02-03T22:08:00+00:00')).toEqual(readDate('2026-02-04T05:08:00+07:00'));
    expect(readDate('2026-02-03T22:08:00+00:00')?.day).toBe('2026-02-04');
    expect(readDate('2020-10-01')).toEqual({ day: '2020-10-01' });
    expect(readDate('2020-10-01T10:00:00')).toBeNull();
  });

  it('folds categories and slugs alike, and matches keywords by name key', () => {
    expect(foldCategory('Giáo dục')).toBe(foldCategory('giaoduc'));
    expect(foldCategory('Đối nội - Đối ngoại')).toBe(foldCategory('DoiNoi-DoiNgoai'));
    expect(foldCategory('Kinh doanh')).not.toBe(foldCategory('kinh-te'));
    expect(setCounts(['Hòa Bình', 'SEA Games'], ['hoà bình', 'AFF Cup'])).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(normLede('(Dân trí) - Bộ Giao thông')).toBe('Bộ Giao thông');
    expect(normText(' Pháp Vân-Cầu Giẽ \u200B\n')).toBe('Pháp Vân-Cầu Giẽ');
    expect(syllables('Vì sao chưa “xóa sổ” trạm?')).toEqual(['vì', 'sao', 'chưa', 'xóa', 'sổ', 'trạm']);
  });

  it('reads set names and limits after `parse` on the command line', () => {
    expect(optionsFromArgv(['node', 'run.ts', 'parse', 'danes', '--limit=10', '--misses=20'])).toEqual({
      sets: ['danes'],
      limitPerSet: 10,
      missesPerField: 20,
    });
    expect(optionsFromArgv(['node', 'run.ts'])).toEqual({});
  });
});

describe('runParseEval', () => {
  it('prints a score row for each field the chosen sets carry, the worst misses and a throughput line', async () => {
    const chunks: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      chunks.push(String(chunk));
      return true;
    });
    try {
      await runParseEval({ sets: ['ktlab-mds-baomoi', 'crawl-news-24h'], limitPerSet: 10 });
    } finally {
      write.mockRestore();
    }
    const out = chunks.join('');
    expect(out).toContain('20 documents');
    for (const row of [
      /\| ktlab-mds-baomoi +\| title +\| exact +\| +10 \|/,
      /\| ktlab-mds-baomoi +\| date +\| same minute +\| +10 \|/,
      /\| crawl-news-24h +\| keywords +\| F1 micro +\| +10 \|/,
      /\| ktlab-mds-baomoi +\| body +\| words kept \(recall, micro\) +\| +10 \|/,
      /\| crawl-news-24h +\| category +\| category\[0\] folded +\| +10 \|/,
    ]) {
      expect(out).toMatch(row);
    }
    expect(out).not.toMatch(/\| vlsp2018-ner/);
    expect(out).toMatch(/### Worst misses/);
    expect(out).toMatch(/throughput: parseArticle over 20 docs .* docs\/s/);
  });
});
