import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../shared/parse/index';
import {
  articleBoost,
  codeForm,
  DEFAULT_SETTINGS,
  joinedAcronyms,
  joinedNumbers,
  rebuildTitle,
  titleFromUrl,
} from '../../shared/parse/slug-title';
import { syllableLm } from '../../shared/parse/syllable-lm';

const file = (text: string, fileName = 'bai.txt') => ({ bytes: new TextEncoder().encode(text), fileName });

describe('titles rebuilt from the URL slug', () => {
  it("knows a sport's words the article does not write (`cờ thủ`, not `cơ thủ` or `cổ thụ`)", () => {
    // The team's written text on board games (data/text/written/w-80.txt) gave the model `cờ thủ`.
    const text = 'Sau bảy vòng, hai kỳ thủ nữ cùng có 6 điểm và phải đấu ván phụ.';
    expect(titleFromUrl('https://vov.vn/the-thao/hai-co-thu-nu-chia-nhau-ngoi-dau-1205103.vov', text)).toBe(
      'Hai cờ thủ nữ chia nhau ngôi đầu',
    );
    expect(
      titleFromUrl('https://vov.vn/the-thao/co-thu-tre-xin-nghi-hoc-de-thi-dau-1205105.vov', 'Em xin nghỉ.'),
    ).toBe('Cờ thủ trẻ xin nghỉ học để thi đấu');
  });

  it('decodes the whole title: the pair decides a syllable the article never writes', () => {
    const text = 'Giá vàng hôm nay tăng mạnh khi nhiều yếu tố hỗ trợ mới xuất hiện trên thị trường.';
    expect(rebuildTitle('gia vang tang xuat hien nhieu yeu to ho tro moi'.split(' '), text)).toBe(
      'Giá vàng tăng xuất hiện nhiều yếu tố hỗ trợ mới',
    );
  });

  it('is not swayed by an article that often writes a common word of the same letters', () => {
    // `để` three times in the text does not make `de dang` read `để đang`.
    const text =
      'Năm nay học sinh có thể tra cứu điểm thi trên cổng thông tin để biết kết quả sớm. Để tra cứu, thí sinh nhập số báo danh. Hệ thống được nâng cấp để phục vụ hàng trăm nghìn lượt truy cập.';
    expect(rebuildTitle('hoc sinh de dang tra cuu diem thi'.split(' '), text)).toBe(
      'Học sinh dễ dàng tra cứu điểm thi',
    );
  });

  it('settles a syllable by a phrase the article writes one way only unless its other phrases outvote it', () => {
    // `nặng lại hàng` once does not settle `lai` against `nặng lãi` three times.
    const text =
      'Bà trùm bị bắt vì các khoản nặng lãi ở phường. Người dân mắc nợ nặng lãi phải trả gấp đôi mỗi tháng. Đòi nợ nặng lãi là tội hình sự. Món nợ cứ nặng lại hàng tháng.';
    expect(rebuildTitle('ba trum cho vay nang lai hang tram trieu'.split(' '), text)).toBe(
      'Bà trùm cho vay nặng lãi hàng trăm triệu',
    );
  });

  it('boosts a form by how much more often the article writes it than the model expects', () => {
    const lm = syllableLm();
    const boost = (form: string, written: number) =>
      articleBoost(written, lm.count(form), 500, lm, DEFAULT_SETTINGS);
    expect(boost('muỗi', 3)).toBeGreaterThan(0.5);
    expect(boost('muỗi', 3)).toBeGreaterThan(boost('để', 3));
    expect(boost('để', 0)).toBeLessThan(boost('muỗi', 0));
  });

  it('takes acronyms and names as the article writes them', () => {
    const text =
      'Sáng nay, Hội nghị Bộ trưởng Quốc phòng ASEAN mở rộng (ADMM+) khai mạc tại Hà Nội. Các bộ trưởng ASEAN thảo luận về an ninh biển ở Hà Nội.';
    expect(
      titleFromUrl('https://vov.vn/chinh-tri/khai-mac-hoi-nghi-asean-tai-ha-noi-1001345.vov', text),
    ).toBe('Khai mạc hội nghị ASEAN tại Hà Nội');
  });

  it('runs together an acronym the article writes with joins, as the slug does', () => {
    const text = 'Bộ GD&ĐT vừa công bố quy chế thi. Theo Bộ GD&ĐT, kỳ thi giữ ổn định.';
    expect(rebuildTitle('bo gddt cong bo quy che thi'.split(' '), text)).toBe('Bộ GDĐT công bố quy chế thi');
    expect(joinedAcronyms('Bộ KH&CN, Sở KH-CN, 1.000 người, TP.HCM')).toEqual(
      new Map([
        ['khcn', 'KHCN'],
        ['tphcm', 'TPHCM'],
      ]),
    );
    // At the end of the text, and a join with nothing after it.
    expect([...joinedAcronyms('Sở GD-ĐT')]).toEqual([['gddt', 'GDĐT']]);
    expect(joinedAcronyms('Bộ GD&').size).toBe(0);
    // Two acronyms a slug would spell alike: neither is taken.
    expect(joinedAcronyms('Sở GD&ĐT và công ty GD-DT').get('gddt')).toBeNull();
  });

  it('spells a brand as the article does when it writes it in mixed case', () => {
    const text =
      'Apple vừa giới thiệu iPhone mới với pin lớn hơn. Người dùng iPhone cũ có thể đổi máy. Giá iPhone mới từ 25 triệu đồng.';
    expect(rebuildTitle('apple ra mat iphone moi'.split(' '), text)).toBe('Apple ra mắt iPhone mới');
  });

  it('writes a token of letters and digits as the article does, else a code in upper case', () => {
    const text = 'Đội tuyển U23 Việt Nam thắng 2-0. Hãng ra mắt sạc nhanh 120W cho điện thoại.';
    expect(rebuildTitle('doi tuyen u23 viet nam co sac 120w'.split(' '), text)).toBe(
      'Đội tuyển U23 Việt Nam có sạc 120W',
    );
    // Never written in the article: a code (letters first) in upper case, a figure with its unit as it is.
    expect(codeForm('cr7', undefined)).toBe('CR7');
    expect(codeForm('12h', undefined)).toBe('12h');
    expect(
      codeForm(
        '5kg',
        new Map([
          ['5KG', 1],
          ['5kg', 3],
        ]),
      ),
    ).toBe('5kg');
  });

  it('capitalises a word the article capitalises only when it does so inside a sentence', () => {
    // `Sau` twice, both opening a sentence, says nothing; `Minzy` after a comma is a name. (The text
    // writes `thua`, so the marks do not hang on the model.)
    const opener =
      'Sau trận đấu, đội khách thua đã rời sân. HÀ NỘI – Sau đó họ trở về. Ca sĩ đến sớm, Minzy hát.';
    expect(rebuildTitle('doi khach thua sau tran dau'.split(' '), opener)).toBe(
      'Đội khách thua sau trận đấu',
    );
    const named = 'Ca sĩ Minzy ra mắt. Khán giả khen Minzy hát hay.';
    expect(rebuildTitle('khan gia khen minzy hat hay'.split(' '), named)).toBe('Khán giả khen Minzy hát hay');
  });

  it('says where the title came from: the file, the URL or nowhere', () => {
    const body = 'Đoạn văn thứ nhất của bài báo nói về giá vàng tăng mạnh trong phiên sáng nay.';
    const fromUrl = parseArticle(
      file(`# url = https://dantri.com.vn/kinh-doanh/gia-vang-tang-manh-20201001144758157.htm\n${body}\n`),
    );
    const fromText = parseArticle(file(`Giá vàng tăng mạnh\n\n${body}\n`));
    const none = parseArticle(file(`${body} ${body}\n`));
    expect(fromUrl.ok && [fromUrl.article.title, fromUrl.article.titleSource]).toEqual([
      'Giá vàng tăng mạnh',
      'url',
    ]);
    expect(fromText.ok && fromText.article.titleSource).toBe('text');
    expect(none.ok && [none.article.title, none.article.titleSource]).toEqual([null, 'none']);
  });
});

describe('digit groups a slug split', () => {
  it.each([
    [
      ['so', 'tan', '200', '000', 'nguoi'],
      'Sơ tán hơn 200.000 người dân.',
      ['so', 'tan', '200.000', 'nguoi'],
    ],
    [['gia', '1', '200', '000', 'dong'], 'Giá 1.200.000 đồng một vé.', ['gia', '1.200.000', 'dong']],
    [['lai', '2', '5', 'ty'], 'Công ty lãi 2,5 tỷ đồng.', ['lai', '2,5', 'ty']],
    [['thang', '3', '2'], 'Đội nhà thắng 3-2.', ['thang', '3', '2']],
    [['tang', '12', '000'], 'Tăng 112.000 và 12.0001.', ['tang', '12', '000']],
  ])('%j in a text writing %j → %j', (words, text, want) => {
    expect(joinedNumbers(words, text)).toEqual(want);
  });
});
