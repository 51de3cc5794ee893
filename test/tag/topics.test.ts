import { describe, expect, it } from 'vitest';
import { processArticle } from '../../shared/process';
import { forEachFeature } from '../../shared/tag/topics/features';
import { classifyTopics, IPTC } from '../../shared/tag/topics/index';
import { compileModel, evidenceOf, type TopicsModelData } from '../../shared/tag/topics/model';
import { sectionTopics, urlSections } from '../../shared/tag/topics/sections';
import { topicSettings } from '../../shared/tag/topics/settings';
import { decodeTopicsTable, encodeTopicsTable } from '../../shared/tag/topics/table';
import { featureHash, foldedTokenHashes } from '../../shared/text/fold';
import { readSeed, SEED_FILES } from '../helpers';

function text(title: string, body: string) {
  return { title, lede: null, body, category: [], url: null };
}

describe('topic classification', () => {
  it.each(SEED_FILES)('files seed %s under politics first', (file) => {
    const record = processArticle({ key: file }, readSeed(file));
    expect(record.topics[0]?.code).toBe(IPTC.politics);
    expect(record.topics[0]?.label).toBe('politics');
  });

  it('recognises a football report as sport', () => {
    const topics = classifyTopics(
      text(
        'Đội tuyển Việt Nam thắng đậm ở vòng loại',
        'Tiền đạo số 9 lập cú đúp trong hiệp hai, giúp thầy trò huấn luyện viên giành ba điểm trên sân nhà. ' +
          'Thủ môn đội khách phải vào lưới nhặt bóng bốn lần.',
      ),
    );
    expect(topics[0]?.code).toBe(IPTC.sport);
  });

  it('recognises a hospital story as health', () => {
    const topics = classifyTopics(
      text(
        'Bác sĩ cứu sống bệnh nhân đột quỵ',
        'Người bệnh nhập viện trong tình trạng nguy kịch, được các bác sĩ khoa cấp cứu điều trị kịp thời. ' +
          'Sau ba ngày, sức khỏe của bệnh nhân đã ổn định.',
      ),
    );
    expect(topics[0]?.code).toBe(IPTC.health);
  });

  it('recognises a phone launch as science and technology', () => {
    const topics = classifyTopics(
      text(
        'Điện thoại mới dùng chip trí tuệ nhân tạo',
        'Hãng công nghệ vừa ra mắt mẫu smartphone với màn hình lớn, pin dung lượng cao và ứng dụng AI ' +
          'chạy trên hệ điều hành Android mới nhất.',
      ),
    );
    expect(topics[0]?.code).toBe(IPTC.science);
  });

  it.each([
    [
      IPTC.crime,
      'Bắt giữ nhóm đối tượng lừa đảo chiếm đoạt tài sản',
      'Cơ quan công an đã khởi tố vụ án, tạm giam ba bị can về hành vi lừa đảo qua mạng, chiếm đoạt hơn 10 tỷ đồng của người dân.',
    ],
    [
      IPTC.weather,
      'Không khí lạnh tràn về, miền Bắc rét đậm',
      'Nhiệt độ thấp nhất ở vùng núi có nơi dưới 8 độ C, trời có mưa phùn và sương mù vào sáng sớm.',
    ],
    [
      IPTC.education,
      'Học sinh lớp 12 bước vào kỳ thi tốt nghiệp',
      'Hơn một triệu thí sinh làm bài thi môn toán và ngữ văn; nhiều trường đại học dùng điểm thi để xét tuyển.',
    ],
    [
      IPTC.disaster,
      'Xe khách lật trên đèo, nhiều người bị thương',
      'Vụ tai nạn giao thông xảy ra lúc rạng sáng khiến hai người tử vong tại chỗ; lực lượng cứu hộ đưa các nạn nhân đi cấp cứu.',
    ],
    [
      IPTC.conflict,
      'Giao tranh ác liệt ở miền đông',
      'Quân đội hai bên tiếp tục pháo kích, không kích vào các vị trí của nhau; nhiều binh sĩ thiệt mạng và người dân phải sơ tán.',
    ],
  ])('files a made-up %s story under its topic', (code, title, body) => {
    expect(classifyTopics(text(title, body))[0]?.code).toBe(code);
  });

  it('gives scores best first, as probabilities, with English labels', () => {
    const topics = classifyTopics(
      text('Giá vàng hôm nay tăng mạnh', 'Giá vàng trong nước tăng theo thế giới.'),
    );
    expect(topics.length).toBeGreaterThan(0);
    const scores = topics.map((t) => t.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1.001);
    expect(topics[0]).toMatchObject({ code: IPTC.economy, label: 'economy, business and finance' });
  });

  it('lets the newsroom section decide when the text is neutral', () => {
    const neutral = { title: 'Thông báo', lede: null, body: '' };
    expect(classifyTopics({ ...neutral, category: ['Thể thao'], url: null })[0]?.code).toBe(IPTC.sport);
    expect(
      classifyTopics({
        ...neutral,
        category: [],
        url: 'https://example.vn/giao-duc/thong-bao-123.htm',
      })[0]?.code,
    ).toBe(IPTC.education);
  });

  it('returns no topics for an article with no text and no section', () => {
    expect(classifyTopics({ title: null, lede: null, body: '', category: [], url: null })).toEqual([]);
  });
});

describe('sections', () => {
  it('reads section names from URL paths, not the article slug or host', () => {
    expect(
      urlSections('https://dantri.com.vn/kinh-doanh/vi-sao-chua-xoa-so-tram-thu-phi-20201001144758157.htm'),
    ).toEqual(['kinh-doanh']);
    expect(urlSections('http://www.baomoi.com/Home/GiaoDuc/vietnamnet.vn/Cac-truong/12308954.epi')).toEqual([
      'Giao Duc',
    ]);
    expect(urlSections('not a url')).toEqual([]);
  });

  it('ignores sections that name a place rather than a subject', () => {
    expect(sectionTopics(['Thế giới'], null).size).toBe(0);
    expect(sectionTopics(['Chính trị', 'Hoạt động của Lãnh đạo Thành phố'], null)).toEqual(
      new Map([[IPTC.politics, 1]]),
    );
  });

  it("lets a breadcrumb's deepest level that names a subject decide, not the broad section above it", () => {
    expect(sectionTopics(['Xã hội', 'Việc làm'], null)).toEqual(new Map([[IPTC.labour, 1]]));
    expect(sectionTopics(['Văn hóa', 'Tôn giáo'], null)).toEqual(new Map([[IPTC.religion, 1]]));
    expect(sectionTopics(['Xã hội', 'Thiên tai'], null)).toEqual(new Map([[IPTC.disaster, 1]]));
    // Belief is religion; good deeds are human interest (r169, r167).
    expect(sectionTopics(['Văn hóa', 'Tín ngưỡng'], null)).toEqual(new Map([[IPTC.religion, 1]]));
    expect(sectionTopics(['Xã hội', 'Người tốt việc tốt', 'Gương sáng'], null)).toEqual(
      new Map([[IPTC.humanInterest, 1]]),
    );
    // A level that names nothing (a place) leaves the broader one to decide.
    expect(sectionTopics(['Kinh doanh', 'Quốc tế'], null)).toEqual(new Map([[IPTC.economy, 1]]));
    // A long last level is the article's title, not a section: its words (`sao`) are not read.
    expect(sectionTopics(['Kinh doanh', 'Những ngôi sao sáng của thị trường năm nay'], null)).toEqual(
      new Map([[IPTC.economy, 1]]),
    );
  });
});

describe('broad sections', () => {
  // Written for the test: a wage rise agreed with the union, filed under a society section.
  const wageRise = {
    title: 'Công nhân được tăng lương từ tháng 1',
    lede: null,
    body: 'Doanh nghiệp thông báo mức lương mới cho người lao động.',
  };

  it('gives the subjects a society section carries a part of its weight, its own topic all of it', () => {
    const weights = sectionTopics(['Xã hội'], null);
    expect(weights.get(IPTC.society)).toBe(1);
    expect(weights.get(IPTC.labour)).toBeGreaterThan(0);
    expect(weights.get(IPTC.labour)).toBeLessThan(1);
    expect(weights.has(IPTC.sport)).toBe(false);
  });

  it('lets text that clearly names a carried subject decide under a society section', () => {
    expect(classifyTopics({ ...wageRise, category: ['Xã hội'], url: null })[0]?.code).toBe(IPTC.labour);
  });

  it('rejects a settings file naming an unknown topic or a weight outside 0..1', () => {
    const broad = (carries: string[], weight: number) => ({
      broadSections: { society: { carries, weight } },
    });
    expect(() => topicSettings(broad(['labour'], 0.5))).not.toThrow();
    expect(() => topicSettings(broad(['jobs'], 0.5))).toThrow(/carries/);
    expect(() => topicSettings(broad(['labour'], 2))).toThrow(/weight/);
  });

  it('keeps the society topic when the text names nothing', () => {
    const neutral = { title: 'Thông báo', lede: null, body: '' };
    expect(classifyTopics({ ...neutral, category: ['Xã hội'], url: null })[0]?.code).toBe(IPTC.society);
  });
});

describe('features', () => {
  const text = 'Đội tuyển Việt Nam thắng, “bóng đá” 2026! Hoà\u0300 ĐÀ NẴNG 北京 tiếp';

  it('folds diacritics, case and đ, and never joins words across punctuation', () => {
    const features: string[] = [];
    forEachFeature(text, 100, (f) => features.push(f));
    expect(features.slice(0, 5)).toEqual(['doi', 'tuyen', 'doi tuyen', 'viet', 'tuyen viet']);
    expect(features).toContain('bong da');
    expect(features).not.toContain('thang bong');
    expect(features).toContain('da nang');
  });

  it('hashes exactly the features the string path produces, so the model lookups agree', () => {
    const expected: number[] = [];
    forEachFeature(text, 100, (f) => expected.push(featureHash(f)));
    const hashed: number[] = [];
    foldedTokenHashes(text, 100, (unigram, bigram) => {
      hashed.push(unigram);
      if (bigram >= 0) hashed.push(bigram);
    });
    expect(hashed).toEqual(expected);
  });
});

describe('model weights', () => {
  // Three topics; `bong da` seen 8 times in topic 0 and twice in topic 1, `mua` once in topic 2.
  const data = (weighting: TopicsModelData['weighting']): TopicsModelData => ({
    format: 'newsdrop-topics-nb-1',
    credit: 'test',
    classes: [IPTC.sport, IPTC.economy, IPTC.weather],
    mu: 100,
    weighting,
    vocabularySize: 10,
    totals: [100, 400, 20],
    logPriors: [0, 0, 0],
    features: 'bong da|0:8 1:2\nmua|2:1',
  });
  const weights = (model: TopicsModelData, feature: string) => [
    ...evidenceOf(compileModel(model), new Map([[feature, 1]])).logRatios,
  ];

  it('gives each topic log P(t|topic) / P(t) by default', () => {
    const background = (10 + 1) / (520 + 10);
    const p = (n: number, total: number) => Math.log((n + 100 * background) / (total + 100) / background);
    const got = weights(data(undefined), 'bong da');
    [p(8, 100), p(2, 400), p(0, 20)].forEach((w, c) => {
      expect(got[c]).toBeCloseTo(w, 10);
    });
  });

  it('one-vs-rest subtracts the log-ratio of the other topics together', () => {
    const background = (10 + 1) / (520 + 10);
    const p = (n: number, total: number) => Math.log((n + 100 * background) / (total + 100) / background);
    const got = weights(data('one-vs-rest'), 'bong da');
    const expected = [p(8, 100) - p(2, 420), p(2, 400) - p(8, 120), p(0, 20) - p(10, 500)];
    expected.forEach((w, c) => {
      expect(got[c]).toBeCloseTo(w, 10);
    });
    expect(got[0]).toBeGreaterThan(0);
    expect(got[2]).toBeLessThan(0);
  });

  it('reads back from its table file with the same weights, and refuses another format', () => {
    const compiled = compileModel(data('one-vs-rest'));
    const file = encodeTopicsTable(compiled, 'test');
    const loaded = decodeTopicsTable(file);
    expect(loaded.classes).toEqual(compiled.classes);
    for (const feature of ['bong da', 'mua', 'unknown']) {
      const counts = new Map([[feature, 1]]);
      expect([...evidenceOf(loaded, counts).logRatios]).toEqual([...evidenceOf(compiled, counts).logRatios]);
    }
    const other = Buffer.from(file);
    other.set(Buffer.from('newsdrop-topics-table-2'), other.indexOf('newsdrop-topics-table-1'));
    expect(() => decodeTopicsTable(other)).toThrow(
      /newsdrop-topics-table-2, this code reads newsdrop-topics-table-1/,
    );
  });

  it('ships a one-vs-rest model', async () => {
    const shipped = (await import('../../shared/tag/data/topics-model.generated.json')).default;
    expect(shipped.weighting).toBe('one-vs-rest');
  });
});
