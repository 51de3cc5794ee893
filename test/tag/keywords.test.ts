import { describe, expect, it } from 'vitest';
import { CandidateTable } from '../../shared/tag/keywords/candidates';
import { articleKeywords, extractKeyPhrases, isGeneric, MAX_KEYWORDS } from '../../shared/tag/keywords/index';
import { KEYWORD_SETTINGS, keywordSettings } from '../../shared/tag/keywords/settings';
import { nameKey } from '../../shared/text/vietnamese';

const article = {
  title: 'Hà Nội mở rộng mạng lưới xe buýt điện',
  lede: 'Thành phố Hà Nội sẽ đưa thêm 200 xe buýt điện vào khai thác trong năm tới.',
  body:
    'Thành phố Hà Nội sẽ đưa thêm 200 xe buýt điện vào khai thác trong năm tới.\n\n' +
    'Theo Sở Giao thông vận tải, xe buýt điện giúp giảm khí thải và tiếng ồn. Mạng lưới xe buýt điện ' +
    'hiện có 15 tuyến, phục vụ hàng triệu lượt khách mỗi tháng.\n\n' +
    'Ông Nguyễn Văn An, đại diện doanh nghiệp vận tải, cho biết trạm sạc là bài toán lớn nhất. ' +
    'Ông Nguyễn Văn An đề xuất thành phố hỗ trợ xây trạm sạc tại các bến xe.',
  captions: [],
  keywords: [],
};

describe('keywords', () => {
  it('returns the keywords the file declares, trimmed and without repeats', () => {
    const declared = { ...article, keywords: [' xe buýt điện ', 'Hà Nội', 'xe buýt  điện'] };
    expect(articleKeywords(declared, 'vi')).toEqual(['xe buýt điện', 'Hà Nội']);
  });

  it('extracts at most ten distinct key phrases when the file has none', () => {
    const keywords = articleKeywords(article, 'vi');
    expect(keywords.length).toBeGreaterThan(2);
    expect(keywords.length).toBeLessThanOrEqual(MAX_KEYWORDS);
    expect(new Set(keywords.map(nameKey)).size).toBe(keywords.length);
  });

  it('puts the phrase the title and body repeat first, and finds the person named twice', () => {
    const keywords = extractKeyPhrases(article, 'vi');
    expect(keywords.slice(0, 2).map(nameKey)).toContain('xe buýt điện');
    expect(keywords).toContain('Nguyễn Văn An');
  });

  it('never returns a bare function word', () => {
    for (const k of extractKeyPhrases(article, 'vi'))
      expect(['và', 'của', 'các', 'những', 'được']).not.toContain(k);
  });

  it('returns whole words and phrases, never a piece cut out of a longer one', () => {
    // Team-written: `sáng kiến` three times, so `kiến …` is always a cut of it.
    const text = {
      title: 'Thành phố tìm sáng kiến cụ thể cho giao thông',
      lede: 'Thành phố kêu gọi người dân gửi sáng kiến cụ thể để giảm ùn tắc giao thông.',
      body:
        'Thành phố kêu gọi người dân gửi sáng kiến cụ thể để giảm ùn tắc giao thông.\n\n' +
        'Mỗi sáng kiến cụ thể được hội đồng chấm điểm theo chi phí và hiệu quả giảm ùn tắc giao thông. ' +
        'Những sáng kiến cụ thể tốt nhất sẽ được thử nghiệm ở các nút giao lớn trong năm tới.',
      captions: [],
      keywords: [],
    };
    const keywords = extractKeyPhrases(text, 'vi').map(nameKey);
    expect(keywords.some((k) => k.startsWith('kiến'))).toBe(false);
    expect(keywords).toContain('giao thông');
  });

  it('leaves out generic phrases, alone or strung together', () => {
    expect(isGeneric('xây dựng')).toBe(true);
    expect(isGeneric('nâng cao khả năng')).toBe(true);
    expect(isGeneric('xây dựng cộng đồng')).toBe(false);
    expect(isGeneric('xe buýt điện')).toBe(false);
    // Modal verbs, the article's own words and broad nouns of every beat (data/keywords/stop-phrases.txt).
    expect(isGeneric('có thể')).toBe(true);
    expect(isGeneric('bài viết')).toBe(true);
    expect(isGeneric('thị trường')).toBe(true);
    expect(isGeneric('thị trường vàng')).toBe(false);
    const text = {
      title: 'Trường học nâng cao khả năng đọc',
      lede: 'Các trường xây dựng thư viện để nâng cao khả năng đọc của học sinh.',
      body:
        'Các trường xây dựng thư viện để nâng cao khả năng đọc của học sinh.\n\n' +
        'Nhà trường xây dựng góc đọc trong lớp và nâng cao khả năng tự học. Thư viện mở cửa cả cuối tuần.',
      captions: [],
      keywords: [],
    };
    const keywords = extractKeyPhrases(text, 'vi').map(nameKey);
    expect(keywords).not.toContain('xây dựng');
    expect(keywords).not.toContain('nâng cao khả năng');
    expect(keywords).toContain('học sinh');
  });

  it('leaves out a time phrase with its number (`trong năm 2020`), keeping the phrase with a name', () => {
    expect(isGeneric('trong năm 2020')).toBe(true);
    expect(isGeneric('chủ tịch asean 2020')).toBe(false);
    const text = {
      title: 'Các nước ASEAN bàn kế hoạch hợp tác',
      lede: 'Các nước ASEAN thống nhất kế hoạch hợp tác trong năm 2020.',
      body:
        'Các nước ASEAN thống nhất kế hoạch hợp tác trong năm 2020.\n\n' +
        'Kế hoạch hợp tác trong năm 2020 gồm ba trụ cột. Kế hoạch hợp tác được công bố tại hội nghị.',
      captions: [],
      keywords: [],
    };
    const keywords = extractKeyPhrases(text, 'vi').map(nameKey);
    expect(keywords).not.toContain('trong năm 2020');
    expect(keywords).toContain('kế hoạch hợp tác');
  });

  it('respects a smaller limit', () => {
    expect(extractKeyPhrases(article, 'vi', 3)).toHaveLength(3);
  });

  it('keeps a word whose syllable is also a function word (`thời tiết`, `không khí`)', () => {
    // Team-written. `thời` and `không` are function words on their own, but not inside these words.
    const text = {
      title: 'Không khí lạnh tràn về, thời tiết miền Bắc chuyển rét',
      lede: 'Không khí lạnh mạnh khiến thời tiết các tỉnh miền Bắc rét đậm từ đêm nay.',
      body:
        'Không khí lạnh mạnh khiến thời tiết các tỉnh miền Bắc rét đậm từ đêm nay.\n\n' +
        'Cơ quan khí tượng dự báo không khí lạnh còn tăng cường, thời tiết vùng núi có nơi dưới 5 độ.',
      captions: [],
      keywords: [],
    };
    const keywords = extractKeyPhrases(text, 'vi').map(nameKey);
    expect(keywords).toContain('không khí lạnh');
    expect(keywords.some((k) => k.startsWith('thời tiết'))).toBe(true);
    expect(keywords.some((k) => k.startsWith('khí lạnh') || k === 'tiết')).toBe(false);
  });

  it('never opens or closes a phrase on a grammar word the word list joins on (`trong năm`, `có thể`)', () => {
    // Team-written. `trong năm`, `có thể` and `bán ra` are listed words, so the function-word cut lets
    // `trong năm …`, `có thể …` and `… bán ra` through; the phrase-edge lists (data/keywords) do not.
    const text = {
      title: 'Nhà vườn trồng đào có thể lãi lớn trong năm Bính Ngọ',
      lede: 'Giá đào cảnh trong năm Bính Ngọ có thể tăng, lượng đào bán ra tăng mạnh.',
      body:
        'Giá đào cảnh trong năm Bính Ngọ có thể tăng, lượng đào bán ra tăng mạnh.\n\n' +
        'Nhà vườn Nhật Tân cho biết giá đào cảnh có thể cao hơn năm trước, lượng đào bán ra đã gấp đôi. ' +
        'Người trồng đào có thể lãi lớn nếu thời tiết trong năm Bính Ngọ thuận lợi.',
      captions: [],
      keywords: [],
    };
    const keywords = extractKeyPhrases(text, 'vi').map(nameKey);
    expect(keywords).toContain('giá đào cảnh');
    expect(keywords.some((k) => /^(trong|có) /.test(k) || / (ra|có)$/.test(k))).toBe(false);
  });

  it('finds a one-word name written with a capital away from a sentence start (`Apple`)', () => {
    // Team-written. `Ngày` starts a sentence: a capital letter, not a name.
    const text = {
      title: 'Điện thoại gập đầu tiên của Apple lộ diện',
      lede: 'Mẫu điện thoại gập của Apple được cho là sẽ ra mắt vào mùa thu.',
      body:
        'Mẫu điện thoại gập của Apple được cho là sẽ ra mắt vào mùa thu. Ngày mở bán chưa được công bố.\n\n' +
        'Theo giới phân tích, điện thoại gập của Apple sẽ cạnh tranh với Samsung.',
      captions: [],
      keywords: [],
    };
    const keywords = extractKeyPhrases(text, 'vi');
    expect(keywords).toContain('Apple');
    expect(keywords.map(nameKey)).toContain('điện thoại gập');
    expect(keywords).not.toContain('Ngày');
  });

  it('keeps a phrase written once more on its own beside the longer one holding it (`xe buýt`, `xe buýt điện`)', () => {
    // Team-written: `xe buýt` is inside `xe buýt điện` four times and alone once, so it does not give way.
    const text = {
      title: 'Hà Nội thêm 200 xe buýt điện',
      lede: 'Thành phố đưa thêm 200 xe buýt điện vào khai thác, nâng số tuyến xe buýt điện lên 15.',
      body:
        'Thành phố đưa thêm 200 xe buýt điện vào khai thác, nâng số tuyến xe buýt điện lên 15.\n\n' +
        'Người dân đi làm bằng xe buýt. Trạm sạc cho xe buýt điện được xây ở các bến xe.',
      captions: [],
      keywords: [],
    };
    const keywords = extractKeyPhrases(text, 'vi').map(nameKey);
    expect(keywords).toContain('xe buýt điện');
    expect(keywords).toContain('xe buýt');
  });

  it('lists a phrase beside a longer one holding it whole, as editors do (`giá vàng`, `giá vàng miếng`)', () => {
    // Team-written.
    const text = {
      title: 'Giá vàng miếng tăng mạnh, giá vàng nhẫn đi ngang',
      lede: 'Sáng nay giá vàng miếng lên thêm 500.000 đồng mỗi lượng, trong khi giá vàng nhẫn gần như đứng yên.',
      body:
        'Sáng nay giá vàng miếng lên thêm 500.000 đồng mỗi lượng, trong khi giá vàng nhẫn gần như đứng yên.\n\n' +
        'Giới kinh doanh cho rằng giá vàng trong nước đi theo giá vàng thế giới. Giá vàng miếng vẫn cao hơn giá vàng nhẫn.',
      captions: [],
      keywords: [],
    };
    const keywords = extractKeyPhrases(text, 'vi').map(nameKey);
    expect(keywords).toContain('giá vàng miếng');
    expect(keywords).toContain('giá vàng nhẫn');
    expect(keywords).toContain('giá vàng');
    // Never two phrases overlapping at an edge.
    expect(keywords.some((k) => k.startsWith('vàng miếng') || k.startsWith('vàng nhẫn'))).toBe(false);
    // A word made only of function words (`trong khi`, `sáng nay`) starts no phrase.
    expect(keywords.some((k) => k.startsWith('trong') || k.startsWith('sáng'))).toBe(false);
  });

  it("drops a person's short name when the full name is there, and a capital that starts a word (`Ngoại hạng`)", () => {
    // Team-written.
    const text = {
      title: 'Ông Lê Văn Hải câu được cá thu lớn',
      lede: 'Ông Lê Văn Hải, một cần thủ ở Đà Nẵng, vừa câu được con cá thu nặng 20 kg.',
      body:
        'Ông Lê Văn Hải, một cần thủ ở Đà Nẵng, vừa câu được con cá thu nặng 20 kg.\n\n' +
        'Theo ông Hải, cá thu thường xuất hiện vào mùa này. Ông Hải hay xem Ngoại hạng Anh sau mỗi chuyến câu. ' +
        'Ông Hải kể mỗi lần xem Ngoại hạng Anh lại nhớ chuyến câu cá thu đầu tiên.',
      captions: [],
      keywords: [],
    };
    const keywords = extractKeyPhrases(text, 'vi');
    expect(keywords).toContain('Lê Văn Hải');
    expect(keywords).not.toContain('Hải');
    expect(keywords).not.toContain('Ngoại');
  });

  it('keeps an acronym that ends a longer name, which is no short name (`CSGT` beside `Đội CSGT`)', () => {
    // Team-written: `Đội CSGT` once, in the title; `CSGT` alone four times.
    const text = {
      title: 'Đội CSGT số 3 tuần tra đêm giao thừa',
      lede: 'Lực lượng CSGT tăng cường tuần tra trên các tuyến phố trung tâm.',
      body:
        'Lực lượng CSGT tăng cường tuần tra trên các tuyến phố trung tâm.\n\n' +
        'Mỗi tổ có ba cán bộ CSGT và một xe tuần tra, CSGT trực đến sáng.',
      captions: [],
      keywords: [],
    };
    expect(extractKeyPhrases(text, 'vi')).toContain('CSGT');
  });

  it('reads a brand in camel case as a one-word name (`iPhone`)', () => {
    // Team-written.
    const text = {
      title: 'Giá máy cũ giảm sau Tết, iPhone giữ giá',
      lede: 'Giá điện thoại cũ giảm, riêng iPhone cũ giữ giá.',
      body:
        'Giá điện thoại cũ giảm, riêng iPhone cũ giữ giá.\n\n' +
        'Người bán cho biết khách vẫn hỏi mua iPhone cũ sau Tết.',
      captions: [],
      keywords: [],
    };
    expect(extractKeyPhrases(text, 'vi')).toContain('iPhone');
  });

  it('counts each occurrence of a multi-word name once, though both the name and the phrase pass meet it', () => {
    // Team-written: `Nguyễn Văn An` three times in the body.
    const table = new CandidateTable(false, KEYWORD_SETTINGS.earlyBody);
    table.read([
      [
        'Ông Nguyễn Văn An mở quán. Khách quen gọi ông Nguyễn Văn An là chú. Ông Nguyễn Văn An vui.',
        1,
        false,
        500,
      ],
    ]);
    const name = table.all.find((c) => c.key === 'nguyễn văn an');
    expect(name?.name).toBe(true);
    expect(name?.occurrences).toBe(3);
  });

  it('keeps a name beside a longer phrase around it, which is no longer form of it (`võ sĩ Trần Văn Bình`)', () => {
    // Team-written: `Trần Văn Bình` only ever after `võ sĩ`, `SEA Games` after `vô địch`.
    const text = {
      title: 'Võ sĩ ba lần vô địch SEA Games giải nghệ',
      lede: 'Sau ba lần vô địch SEA Games, võ sĩ Trần Văn Bình quyết định giải nghệ ở tuổi 30.',
      body:
        'Sau ba lần vô địch SEA Games, võ sĩ Trần Văn Bình quyết định giải nghệ ở tuổi 30.\n\n' +
        'Anh nói lần vô địch SEA Games đầu tiên là kỷ niệm đẹp nhất. Võ sĩ Trần Văn Bình sẽ mở lớp dạy võ.',
      captions: [],
      keywords: [],
    };
    const keywords = extractKeyPhrases(text, 'vi');
    expect(keywords).toContain('Trần Văn Bình');
    expect(keywords).toContain('SEA Games');
  });

  it('never returns a currency or unit, even written like a name (`USD`, `mAh`)', () => {
    // Team-written: `USD` four times, `mAh` three.
    const text = {
      title: 'Điện thoại pin 7.000 mAh của Vsmart giá 300 USD',
      lede: 'Vsmart bán mẫu máy pin 7.000 mAh với giá 300 USD, rẻ hơn đối thủ 50 USD.',
      body:
        'Vsmart bán mẫu máy pin 7.000 mAh với giá 300 USD, rẻ hơn đối thủ 50 USD.\n\n' +
        'Vsmart cho biết pin 7.000 mAh dùng được hai ngày, còn bản 250 USD có pin nhỏ hơn.',
      captions: [],
      keywords: [],
    };
    const keywords = extractKeyPhrases(text, 'vi');
    expect(keywords).toContain('Vsmart');
    expect(keywords.map(nameKey)).not.toContain('usd');
    expect(keywords.map(nameKey)).not.toContain('mah');
  });

  it('refuses a malformed settings file', () => {
    expect(() => keywordSettings({ ...KEYWORD_SETTINGS, lengthBonus: [1, 1] })).toThrow(/lengthBonus/);
    expect(() => keywordSettings({ ...KEYWORD_SETTINGS, nameBonus: 'high' })).toThrow(/nameBonus/);
    expect(keywordSettings(KEYWORD_SETTINGS)).toEqual(KEYWORD_SETTINGS);
  });

  it('extracts nothing for a language it has no stopwords for', () => {
    expect(articleKeywords({ ...article, title: 'Le gouvernement', body: 'Le texte.' }, 'fr')).toEqual([]);
  });
});

describe('keyword recall matching (eval)', () => {
  it('matches case- and diacritic-insensitively, and a phrase containing the keyword', async () => {
    const { keywordMatches } = await import('../../eval/keyphrase-eval');
    expect(keywordMatches('Xăng giả TP.HCM', 'xang gia tp hcm')).toBe('exact');
    expect(keywordMatches('hoa Tết', 'chợ hoa Tết')).toBe('fuzzy');
    expect(keywordMatches('Tết Nguyên đán 2026', 'Tết Nguyên đán')).toBe('fuzzy');
    expect(keywordMatches('Tết Nguyên đán 2026', 'Tết')).toBeNull();
    expect(keywordMatches('giá vàng', 'vàng miếng')).toBeNull();
  });
});
