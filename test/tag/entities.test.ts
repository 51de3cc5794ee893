import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ParsedArticle, parsedArticle } from '../../shared/parse/types';
import { extractRuleEntities } from '../../shared/tag/entities/index';
import { SEEDS_DIR } from '../helpers';

const parsed = parsedArticle;

/** A seed as the parser would hand it over: first line the title, the other lines body paragraphs. */
function seedArticle(file: string): ParsedArticle {
  const lines = readFileSync(join(SEEDS_DIR, file), 'utf8').split('\n');
  return parsed({ title: lines[0] ?? null, body: lines.slice(1).join('\n\n') });
}

const names = (list: { name: string }[]) => list.map((e) => e.name);

describe('extractRuleEntities on the seeds', () => {
  const seed000 = extractRuleEntities(seedArticle('000_018482176d444e67.txt'));
  const seed003 = extractRuleEntities(seedArticle('003_7e95508e90133d9c.txt'));

  it('finds exactly the two persons of seed 000, titles stripped', () => {
    expect(names(seed000.person).sort()).toEqual(['Nguyễn Quốc Dũng', 'Phạm Bình Minh']);
  });

  it('finds the ministries, ASEAN and the national secretariat in seed 000', () => {
    expect(names(seed000.organization)).toEqual(
      expect.arrayContaining([
        'ASEAN',
        'Bộ Ngoại giao',
        'Bộ Công thương',
        'Bộ Lao động, Thương binh và Xã hội',
        'Ban Thư ký Quốc gia về ASEAN',
      ]),
    );
    expect(names(seed000.place)).toContain('Việt Nam');
  });

  it('finds only Phạm Bình Minh as a person in seed 003 and Nha Trang, Khánh Hòa as places', () => {
    expect(names(seed003.person)).toEqual(['Phạm Bình Minh']);
    expect(names(seed003.place)).toEqual(expect.arrayContaining(['Nha Trang', 'Khánh Hòa', 'Việt Nam']));
    const khanhHoa = seed003.place.find((p) => p.name === 'Khánh Hòa');
    expect(khanhHoa?.province).toEqual({ code: '56', name: 'Tỉnh Khánh Hòa' });
  });

  it('counts mentions and sorts by them, most mentioned first', () => {
    const minh = seed000.person.find((p) => p.name === 'Phạm Bình Minh');
    expect(minh?.mentions).toBe(4);
    const counts = seed000.organization.map((o) => o.mentions);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

describe('extractRuleEntities on persons', () => {
  it('merges later short mentions of a person into the full name, listing them as aliases', () => {
    const e = extractRuleEntities(
      parsed({
        body:
          'Bộ trưởng Bộ Tài chính Hồ Đức Phớc đã có buổi làm việc với tỉnh Nghệ An. ' +
          'Tại buổi làm việc, Bộ trưởng Phớc cho biết ngân sách sẽ được bổ sung. Ông Phớc cũng đề nghị tỉnh rà soát.',
      }),
    );
    expect(e.person).toEqual([{ name: 'Hồ Đức Phớc', aliases: ['Phớc'], mentions: 3 }]);
    expect(names(e.organization)).toContain('Bộ Tài chính');
  });

  it('keeps the dot of a Vietnamese name cut to its last initial', () => {
    const e = extractRuleEntities(
      parsed({ body: 'Bà Trần Thị Trúc L. (25 tuổi, ngụ quận 3) bị tạm giữ để điều tra.' }),
    );
    expect(names(e.person)).toEqual(['Trần Thị Trúc L.']);
  });

  it('keeps titles and honorifics out of names', () => {
    const e = extractRuleEntities(
      parsed({
        body: 'Phó Thủ tướng Trần Hồng Hà và Thứ trưởng Lê Văn Thanh dự họp; bà Nguyễn Thị Mai phát biểu.',
      }),
    );
    expect(names(e.person).sort()).toEqual(['Lê Văn Thanh', 'Nguyễn Thị Mai', 'Trần Hồng Hà']);
  });

  it('does not take sentence-initial common words for names', () => {
    const e = extractRuleEntities(
      parsed({
        body: 'Sáng nay, trời mưa to. Theo dự báo, mưa còn kéo dài. Tuy nhiên nhiệt độ sẽ tăng. Những ngày tới trời nắng.',
      }),
    );
    expect(e).toEqual({ person: [], organization: [], place: [] });
  });

  it('names a foreign person in full and joins the surname-only mentions', () => {
    const e = extractRuleEntities(
      parsed({ body: 'Tổng thống Mỹ Donald Trump đã tới Hà Nội. Ông Trump gặp các doanh nghiệp tại đây.' }),
    );
    expect(e.person).toEqual([{ name: 'Donald Trump', aliases: ['Trump'], mentions: 2 }]);
    expect(names(e.place)).toEqual(expect.arrayContaining(['Mỹ', 'Hà Nội']));
  });

  it('leaves the byline author out of the persons', () => {
    const e = extractRuleEntities(
      parsed({
        body: 'Ông Nguyễn Văn An phát biểu tại hội nghị.\n\nTrần Thị Bích',
        authors: ['Trần Thị Bích'],
      }),
    );
    expect(names(e.person)).toEqual(['Nguyễn Văn An']);
  });
});

describe('extractRuleEntities on organisations', () => {
  it('reads an acronym as an organisation and a people’s committee with its province', () => {
    const e = extractRuleEntities(
      parsed({
        body: 'Đại diện WHO và UBND tỉnh Quảng Ninh đã ký thỏa thuận với Tập đoàn Điện lực Việt Nam (EVN).',
      }),
    );
    expect(names(e.organization)).toEqual(
      expect.arrayContaining(['WHO', 'UBND tỉnh Quảng Ninh', 'Tập đoàn Điện lực Việt Nam', 'EVN']),
    );
    expect(names(e.person)).toEqual([]);
  });
});

describe('extractRuleEntities on name boundaries', () => {
  it('reads an abbreviated domain as the name of an office, never as an organisation alone', () => {
    const e = (body: string) => extractRuleEntities(parsed({ body }));
    expect(
      names(e('Theo quy định của ngành GTVT và ngành GD&ĐT, học sinh phải đội mũ bảo hiểm.').organization),
    ).toEqual([]);
    const minister = e('Bộ trưởng Bộ NN&PTNT Nguyễn Xuân Cường làm việc với Sở GTVT Hà Nội.');
    expect(names(minister.organization).sort()).toEqual(['Bộ NN&PTNT', 'Sở GTVT Hà Nội']);
    expect(names(minister.person)).toEqual(['Nguyễn Xuân Cường']);
  });

  it('takes an official domain whole, lower-case syllables included, and nothing after it', () => {
    const of = (body: string) => names(extractRuleEntities(parsed({ body })).organization);
    expect(
      of('Hôm qua, Sở Nông nghiệp và Phát triển nông thôn Hà Nội cho biết đã kiểm tra 20 cơ sở.'),
    ).toEqual(['Sở Nông nghiệp và Phát triển nông thôn Hà Nội']);
    expect(of('Hội Kiến trúc sư Việt Nam tổ chức lễ trao giải tại Đà Nẵng.')).toEqual([
      'Hội Kiến trúc sư Việt Nam',
    ]);
    expect(of('Cục Cảnh sát giao thông đề nghị các địa phương tăng cường kiểm tra.')).toEqual([
      'Cục Cảnh sát giao thông',
    ]);
    expect(of('Bộ Y tế khuyến cáo người dân Hà Nội không nên hoảng loạn.')).toEqual(['Bộ Y tế']);
  });

  it('ends an organisation name before the verb that follows it', () => {
    const e = extractRuleEntities(
      parsed({ body: 'Phụ huynh Trường Mầm non Hoa Phượng rộn ràng đón con. Công ty Vari ký hợp đồng mới.' }),
    );
    expect(names(e.organization).sort()).toEqual(['Công ty Vari', 'Trường Mầm non Hoa Phượng']);
  });

  it('keeps a person’s name inside a school named after them, and a surname-led name a person', () => {
    const e = extractRuleEntities(
      parsed({
        body: 'Học sinh Trường THPT Chu Văn An đạt giải. Tiền vệ Đoàn Văn Hậu ghi bàn cho đội tuyển.',
      }),
    );
    expect(names(e.organization)).toEqual(['Trường THPT Chu Văn An']);
    expect(names(e.person)).toEqual(['Đoàn Văn Hậu']);
  });

  it('does not take a nationality, a language or a common word for a country', () => {
    const e = extractRuleEntities(
      parsed({
        body: 'Nhiều người Pháp học tiếng Anh. Ông Lê Văn Tám, Trưởng ban Pháp chế, nói về Pháp luật.',
      }),
    );
    expect(e.place).toEqual([]);
  });

  it('keeps a street or stadium cue in the place name but drops the administrative level', () => {
    const e = extractRuleEntities(
      parsed({ body: 'Vụ việc xảy ra trên đường Trần Hưng Đạo, quận Hoàn Kiếm.' }),
    );
    expect(names(e.place)).toEqual(['đường Trần Hưng Đạo', 'Hoàn Kiếm']);
    expect(e.place[1]?.province?.code).toBe('01');
    expect(e.person).toEqual([]);
  });
});

describe('extractRuleEntities: names that run past their capitals, and foreign names', () => {
  it('runs an official name through lower-case words to its scope, place or proper name', () => {
    const e = extractRuleEntities(
      parsed({
        body:
          'Đại diện Viện Tư liệu phim Việt Nam có mặt. Cục Quản lý đấu thầu quốc gia đã trả lời. ' +
          'Công ty Quản lý quỹ Warburg Pincus rót vốn.',
      }),
    );
    expect(names(e.organization)).toEqual(
      expect.arrayContaining([
        'Viện Tư liệu phim Việt Nam',
        'Cục Quản lý đấu thầu quốc gia',
        'Công ty Quản lý quỹ Warburg Pincus',
      ]),
    );
  });

  it('stops an organisation where the sentence goes on, and at a person who is its object', () => {
    const e = extractRuleEntities(
      parsed({ body: 'Sở Y tế kiểm tra cơ sở này. Công an tỉnh triệu tập Nguyễn Văn Hùng lên làm việc.' }),
    );
    expect(names(e.organization)).toEqual(expect.arrayContaining(['Sở Y tế']));
    expect(names(e.organization).some((n) => n.includes('kiểm tra') || n.includes('Hùng'))).toBe(false);
    expect(names(e.person)).toEqual(['Nguyễn Văn Hùng']);
  });

  it('names the places inside an organisation: after its administrative cue, as an acronym; none in a club', () => {
    const e = extractRuleEntities(
      parsed({
        body: 'Công an phường Trung Hòa đã vào cuộc. Hà Nội FC thắng. Báo Pháp Luật TP.HCM đưa tin. Barcelona thua.',
      }),
    );
    expect(names(e.place)).toEqual(expect.arrayContaining(['Trung Hòa', 'TP.HCM']));
    // The town in a club's name is the club's (`Hà Nội FC`); a club named by its city alone is the club;
    // `Pháp` in a paper's name is no country.
    expect(names(e.place)).not.toContain('Hà Nội');
    expect(names(e.place)).not.toContain('Barcelona');
    expect(names(e.place)).not.toContain('Pháp');
  });

  it('reads a signature left at the end of the body, or a photo credit, as a person', () => {
    const signed = extractRuleEntities(
      parsed({ body: 'Mưa lớn kéo dài nhiều ngày.\n\nBảo Hạnh (Theo Quartz)' }),
    );
    expect(names(signed.person)).toEqual(['Bảo Hạnh']);
    const credit = extractRuleEntities(parsed({ body: 'Hiện trường vụ việc. Tin-ảnh: Quốc Chiến' }));
    expect(names(credit.person)).toEqual(['Quốc Chiến']);
    // A place or an office closing the text is no signature.
    const place = extractRuleEntities(parsed({ body: 'Lũ về nhanh.\n\nQuảng Nam' }));
    expect(place.person).toEqual([]);
  });

  it('reads an organisation after a sentence-initial common word, and embassies and agencies', () => {
    const e = extractRuleEntities(
      parsed({ body: 'Theo Bộ Thương mại Hoa Kỳ, giá thép tăng.\n\nĐại sứ quán Nga đã lên tiếng.' }),
    );
    expect(names(e.organization)).toEqual(
      expect.arrayContaining(['Bộ Thương mại Hoa Kỳ', 'Đại sứ quán Nga']),
    );
    expect(names(e.place)).toEqual(expect.arrayContaining(['Hoa Kỳ', 'Nga']));
  });

  it('reads lower-case words straight after a head when they run to a scope or place, unless they make another word', () => {
    const e = extractRuleEntities(
      parsed({ body: 'Hội thảo quốc gia diễn ra hôm qua. Viện nghiên cứu trồng rau Trung ương cho biết.' }),
    );
    expect(names(e.organization)).toEqual(['Viện nghiên cứu trồng rau Trung ương']);
    const hospital = extractRuleEntities(
      parsed({ body: 'Bé được đưa tới Bệnh viện Nhi Trung ương cấp cứu.' }),
    );
    expect(names(hospital.organization)).toEqual(['Bệnh viện Nhi Trung ương']);
  });

  it('reads places named by a cue: villages, numbered roads and groups, airports, formal country names', () => {
    const e = extractRuleEntities(
      parsed({
        body: 'Xe đi trên quốc lộ 1A qua bản Nưa, tổ 13 và Sân bay Haneda, tới Cộng hòa Séc. Phiên bản Galaxy mới ra mắt.',
      }),
    );
    expect(names(e.place)).toEqual(
      expect.arrayContaining(['quốc lộ 1A', 'bản Nưa', 'tổ 13', 'Sân bay Haneda', 'Cộng hòa Séc']),
    );
    // `bản` ending a word (`phiên bản`) is no village.
    expect(names(e.place).some((n) => n.includes('Galaxy'))).toBe(false);
  });

  it('reads Ð (eth) written for Đ, and takes no English title for a person', () => {
    const e = extractRuleEntities(
      parsed({ body: 'Căng thẳng giữa Ấn Ðộ và Pakistan. Chương trình Winter Sale bắt đầu.' }),
    );
    expect(names(e.place)).toEqual(['Ấn Ðộ', 'Pakistan']);
    expect(e.person).toEqual([]);
  });

  it('reads signatures in capitals or with their source, and names written without diacritics', () => {
    const caps = extractRuleEntities(
      parsed({ body: 'Vụ việc đang được điều tra.\n\nTHÀNH ĐỒNG - LÊ PHONG' }),
    );
    expect(names(caps.person)).toEqual(['THÀNH ĐỒNG', 'LÊ PHONG']);
    const sourced = extractRuleEntities(parsed({ body: 'Mời bạn đọc đón xem.\n\nThùy Trang Baodatviet.vn' }));
    expect(names(sourced.person)).toEqual(['Thùy Trang']);
    // A closing line of ordinary words in capitals is no signature.
    expect(extractRuleEntities(parsed({ body: 'Hết.\n\nCÁC TIN KHÁC' })).person).toEqual([]);
    const donors = extractRuleEntities(
      parsed({ body: 'Danh sách ủng hộ: Nguyen Van Tin: 1.000.000 đồng; Le Monde đưa tin.' }),
    );
    expect(names(donors.person)).toEqual(['Nguyen Van Tin']);
  });

  it('reads the names of a line-up as persons, but not a list of nutrients, streets or places', () => {
    const lineup = extractRuleEntities(
      parsed({ body: 'MU dồi dào nhân sự với Lindelof, Smalling, Luke Shaw, Darmian, Young.' }),
    );
    expect(names(lineup.person)).toEqual(
      expect.arrayContaining(['Lindelof', 'Smalling', 'Luke Shaw', 'Darmian', 'Young']),
    );
    const nutrients = extractRuleEntities(
      parsed({ body: 'Hạt chứa Iron, Sodium, Magnesium, Zinc, Folic Acid và nhiều chất khác.' }),
    );
    expect(nutrients.person).toEqual([]);
    const streets = extractRuleEntities(
      parsed({
        body: 'Xe nối đuôi trên các tuyến phố Lê Văn Lương, Trần Duy Hưng, Nguyễn Chí Thanh, Phạm Văn Đồng.',
      }),
    );
    expect(names(streets.place)).toContain('phố Lê Văn Lương');
    expect(names(streets.person)).not.toContain('Lê Văn Lương');
  });

  it('knows well-known companies and clubs named once, and a bank by its -bank', () => {
    const e = extractRuleEntities(
      parsed({
        body: 'Các hãng Lenovo và Starbucks cùng tài trợ. Betis thắng trận. Khách hàng của Kienlongbank tăng.',
      }),
    );
    expect(names(e.organization)).toEqual(
      expect.arrayContaining(['Lenovo', 'Starbucks', 'Betis', 'Kienlongbank']),
    );
  });

  it('reads a foreign official after their country, titles with a dot, and names with a particle', () => {
    const e = extractRuleEntities(
      parsed({
        body:
          'Bộ trưởng Tư pháp Mỹ Jeff Sessions từng khẳng định. Theo GS. Per Einar Granum, tiến sĩ vi sinh. ' +
          'HLV Frank de Boer bị sa thải. Tôi gặp bác sĩ. Sau đó về nhà.',
      }),
    );
    expect(names(e.person)).toEqual(['Jeff Sessions', 'Per Einar Granum', 'Frank de Boer']);
    expect(names(e.place)).toEqual(['Mỹ']);
  });

  it('ends an organisation at the verb, place or person after it', () => {
    const e = extractRuleEntities(
      parsed({
        body:
          'Bộ Quốc phòng Nga khẳng định không có thương vong. Báo Nhân Dân tổ chức quán triệt Nghị quyết. ' +
          'Chủ tịch UBND tỉnh Nguyễn Xuân Đường cho biết. Lãnh đạo đảng PSD Liviu Dragnea bị điều tra.',
      }),
    );
    expect(names(e.organization)).toEqual(['Bộ Quốc phòng Nga', 'Báo Nhân Dân', 'UBND tỉnh', 'PSD']);
    expect(names(e.person)).toEqual(['Nguyễn Xuân Đường', 'Liviu Dragnea']);
  });

  it('reads one-letter administrative abbreviations, regions, and a foreign place after tại or ở', () => {
    const e = extractRuleEntities(
      parsed({
        body:
          'Anh Phước (ở P.Tân Phong, Q.7, TP.HCM) cho biết. Trung tâm Y tế Q. Sơn Trà vào cuộc. ' +
          'Giá tôm tại ĐBSCL tăng. Ông sống ẩn dật ở Ferrara.',
      }),
    );
    expect(names(e.place)).toEqual(
      expect.arrayContaining(['Tân Phong', 'Q.7', 'Sơn Trà', 'ĐBSCL', 'Ferrara']),
    );
    expect(names(e.organization)).toContain('Trung tâm Y tế Q. Sơn Trà');
    expect(names(e.person)).toEqual(['Phước']);
  });

  it('reads no person in a competition, product or known organisation after a person cue', () => {
    const e = extractRuleEntities(
      parsed({
        body: 'Nhà vô địch World Cup 2014 đến Việt Nam. Ca sĩ Hot Girl Show biểu diễn. HLV Park Hang-seo cười.',
      }),
    );
    expect(names(e.person)).toEqual(['Park Hang-seo']);
  });

  it('reads foreign media and company names by their last word or article, not as persons', () => {
    const e = extractRuleEntities(
      parsed({
        body: 'Theo trang Business Insider, hãng General Electric đã bán mảng này, theo The Verge.',
      }),
    );
    expect(names(e.organization)).toEqual(
      expect.arrayContaining(['Business Insider', 'General Electric', 'The Verge']),
    );
    expect(e.person).toEqual([]);
  });

  it('takes the dot after a place cue word as a sentence end, after an abbreviation as part of it', () => {
    const e = extractRuleEntities(parsed({ body: 'Họ đi dạo quanh hồ. Theo người dân, TP. Vinh đẹp hơn.' }));
    expect(names(e.place)).toEqual(['Vinh']);
  });

  it('keeps a middle initial inside a foreign name and ends a name where a title starts', () => {
    const e = extractRuleEntities(
      parsed({
        body: 'Cựu Tổng thống George W. Bush phát biểu. Ông Nguyễn Tùng Lâm Chủ tịch Hội Tâm lý nói.',
      }),
    );
    expect(names(e.person)).toEqual(['George W. Bush', 'Nguyễn Tùng Lâm']);
  });

  it('ends a known organisation before the name of its chief', () => {
    const e = extractRuleEntities(parsed({ body: 'Theo CEO Amazon Jeff Bezos, nhu cầu vẫn tăng.' }));
    expect(names(e.organization)).toEqual(['Amazon']);
    expect(names(e.person)).toEqual(['Jeff Bezos']);
  });

  it('reads Korean and Chinese names written in Latin letters as persons', () => {
    const e = extractRuleEntities(
      parsed({ body: 'Bộ phim có sự tham gia của Song Joong Ki và Park Bo Gum, cùng đạo diễn Zhang Yimou.' }),
    );
    expect(names(e.person)).toEqual(expect.arrayContaining(['Song Joong Ki', 'Park Bo Gum']));
  });

  it('needs a lone foreign word three times before guessing it is a brand or club', () => {
    const twice = extractRuleEntities(
      parsed({ body: 'Hàng công có Martial. Tiền vệ Pogba chuyền cho Martial.' }),
    );
    expect(names(twice.organization)).not.toContain('Martial');
    const thrice = extractRuleEntities(
      parsed({
        body: 'Cổ phiếu Zentrix tăng vì lãi của Zentrix cao, nhà đầu tư mua thêm Zentrix.',
      }),
    );
    expect(names(thrice.organization)).toContain('Zentrix');
  });
});

describe('extractRuleEntities on wire and web copy', () => {
  const tag = (body: string) => extractRuleEntities(parsed({ body }));

  it('reads initials as the persons the press will not name, keeping a dot that does not end the sentence', () => {
    const e = tag('Nữ sinh T.T.V (SN 2005) đi cùng chị H.T.H. (quê Nghệ An). Đội M.U thắng. Ảnh: P.V');
    expect(names(e.person)).toEqual(expect.arrayContaining(['T.T.V', 'H.T.H.']));
    expect(names(e.organization)).toEqual(['M.U']);
    expect(names(e.person)).not.toContain('P.V');
  });

  it('takes no title compound or lunar year for a name', () => {
    const e = tag('Theo PGS-TS-BS Tăng Chí Thượng, Tết Bính Ngọ năm nay bệnh viện trực 24/24.');
    expect(names(e.person)).toEqual(['Tăng Chí Thượng']);
    expect(names(e.organization)).toEqual([]);
  });

  it('lets a number close a word group, so a lower-case syllable completes the next one', () => {
    expect(names(tag('Bộ Tư lệnh Vùng 3 Hải quân tổ chức lễ.').organization)).toEqual([
      'Bộ Tư lệnh Vùng 3 Hải quân',
    ]);
  });

  it('carries a scope on inside a place name and knows a watch from a lake', () => {
    const e = tag('Máy bay hạ cánh tại sân bay Quốc tế Nội Bài. Anh đeo đồng hồ Rolex.');
    expect(names(e.place)).toEqual(expect.arrayContaining(['sân bay Quốc tế Nội Bài']));
    expect(names(e.place).join()).not.toContain('Rolex');
  });

  it('starts a sentence at a capitalised opener after a name when the full stop was lost', () => {
    const e = tag(
      'Anh gia nhập đội bóng của Jude Bellingham Không ai ngờ điều đó. Hội Cựu chiến binh Việt Nam họp.',
    );
    expect(names(e.person)).toEqual(['Jude Bellingham']);
    expect(names(e.organization)).toEqual(['Hội Cựu chiến binh Việt Nam']);
  });

  it('keeps the level of a numbered unit in its name', () => {
    expect(names(tag('Anh sống ở quận 9 và làm việc tại phường 8.').place)).toEqual(['quận 9', 'phường 8']);
  });

  it('reads an acting official by the title, and an age before a name as no part of it', () => {
    const e = tag(
      'Quyền Chủ tịch UBND TP Nha Trang Nguyễn Sỹ Khánh cho biết. Năm nay U70 Dương Lệ Bình vẫn múa.',
    );
    expect(names(e.person)).toEqual(['Nguyễn Sỹ Khánh', 'Dương Lệ Bình']);
    expect(names(tag('U23 Việt Nam thắng.').organization)).toEqual(['U23 Việt Nam']);
  });

  it('completes a name with the second syllable of a word that also opens a verb', () => {
    const e = tag('Bệnh nhân được đưa đến Bệnh viện Hữu nghị Việt Đức. Sở Y tế đề nghị dừng.');
    expect(names(e.organization)).toEqual(['Bệnh viện Hữu nghị Việt Đức', 'Sở Y tế']);
    expect(names(e.person)).toEqual([]);
  });

  it('gives known units listed after one admin cue that cue', () => {
    const e = tag(
      'Điều chỉnh địa giới các phường Mai Dịch, Dịch Vọng, Quan Hoa và Nghĩa Đô thuộc quận Cầu Giấy.',
    );
    expect(names(e.place)).toEqual(['Mai Dịch', 'Dịch Vọng', 'Quan Hoa', 'Nghĩa Đô', 'Cầu Giấy']);
    expect(names(e.person)).toEqual([]);
  });

  it('reads cups, crop seasons, co-directors and model names as no person', () => {
    const e = tag(
      'MU thua ở League Cup. Giá lúa vụ Thu Đông tăng. Ông Gustavo, Đồng Giám đốc Trung tâm, khen Galaxy Z Fold.',
    );
    expect(names(e.person)).toEqual(['Gustavo']);
  });

  it('closes a name at a lower-case scope and runs on to the place after it', () => {
    const e = tag(
      'Bé được chuyển lên Bệnh viện Nhi trung ương. Ngân hàng Dự trữ liên bang Mỹ tăng lãi suất.',
    );
    expect(names(e.organization)).toEqual(['Bệnh viện Nhi trung ương', 'Ngân hàng Dự trữ liên bang Mỹ']);
  });

  it('reads police teams and stations as organisations, not their first word as a person', () => {
    const e = tag(
      'Ba chiến sĩ Đội CSGT Tân Sơn Nhất bị kỷ luật. Trạm Y tế xã Bản Già đã tiếp nhận bệnh nhân.',
    );
    expect(names(e.organization)).toEqual(['Đội CSGT Tân Sơn Nhất', 'Trạm Y tế xã Bản Già']);
    expect(names(e.person)).toEqual([]);
    expect(names(tag('ĐỘI HÌNH DỰ KIẾN của hai đội.').organization)).toEqual([]);
  });

  it('reads a run of country names with no commas as places', () => {
    const e = tag('Đó là nền văn minh. Anh Pháp Bồ Đào Nha Tây Ban Nha. Columbus là nhà hàng hải.');
    expect(names(e.place)).toEqual(['Anh', 'Pháp', 'Bồ Đào Nha', 'Tây Ban Nha']);
    expect(names(e.person)).toEqual([]);
  });

  it('reads a person-named street after a house number as a place', () => {
    const e = tag(
      'Sự kiện tại 18 Hoàng Diệu. Cơ sở (218 Lý Tự Trọng) mở cửa. Năm 2017 Nguyễn Văn An lên chức.',
    );
    expect(names(e.place)).toEqual(['Hoàng Diệu', 'Lý Tự Trọng']);
    expect(names(e.person)).toEqual(['Nguyễn Văn An']);
  });

  it('reads signatures that share a commune name or a pronoun, or sign a foreign name beside its source', () => {
    expect(names(tag('Con cá dài 1,95m.\n\nViệt Hùng').person)).toEqual(['Việt Hùng']);
    expect(names(tag('Con cá dài 1,95m.\n\nTuấn Anh (Theo AAP)').person)).toEqual(['Tuấn Anh']);
    expect(names(tag('Ngôi sao này rất nổi tiếng.\n\nXiao Pei Baodatviet.vn').person)).toEqual(['Xiao Pei']);
    expect(names(tag('Mưa lớn kéo dài.\n\nHà Nội').person)).toEqual([]);
    expect(names(tag('Trận đấu rất hay.\n\nManchester United').person)).toEqual([]);
  });

  it('reads a given name opening a sentence as a person, but not a verb or a word the text writes in lower case', () => {
    const e = tag(
      'Ngọc Trinh khoe ảnh mới. Sau đó, Ngọc Trinh đi học tiếng Anh. Rời Berlin, đoàn bay về Hà Nội.',
    );
    expect(names(e.person)).toEqual(['Ngọc Trinh']);
    expect(names(tag('Khám Phá Hà Giang. Tin Mới cập nhật. Ngày mới, tin mới.').person)).toEqual([]);
  });

  it('reads formations and bare lists of foreign surnames as persons', () => {
    const e = tag(
      'Huddersfield: Coleman; Hadergjonaj, Hefele, Kongolo, Malone; Hogg, Mooy; Quaner, Sabiri; Mounie. ' +
        'Tuyến giữa, ông sở hữu Toure, Fernando, Delph, Gundogan (mới chấn thương).',
    );
    expect(names(e.person)).toEqual(
      expect.arrayContaining(['Coleman', 'Hadergjonaj', 'Mooy', 'Mounie', 'Toure', 'Gundogan']),
    );
    expect(names(tag('Công ty xuất khẩu sang Lào, Campuchia, Myanmar, Thái Lan.').person)).toEqual([]);
  });

  it('keeps a surname that is also a commune inside the person named after a cue', () => {
    const e = tag(
      'Cháu Phan Thành Lĩnh học lớp 6. Bé Lâm Thị Ngọc Hân đi học. Tổng thống Mỹ Donald Trump nói.',
    );
    expect(names(e.person)).toEqual(['Phan Thành Lĩnh', 'Lâm Thị Ngọc Hân', 'Donald Trump']);
    expect(names(e.place)).toEqual(['Mỹ']);
  });

  it('keeps a dashed province whole, after a cue and inside an organisation', () => {
    const e = tag(
      'Tỉnh Thừa Thiên - Huế có bão. UBND tỉnh Bà Rịa - Vũng Tàu cho biết. Sở GD&ĐT Thừa Thiên - Huế họp.',
    );
    expect(names(e.organization)).toEqual(['UBND tỉnh Bà Rịa - Vũng Tàu', 'Sở GD&ĐT Thừa Thiên - Huế']);
    expect(names(e.place).sort()).toEqual(['Bà Rịa - Vũng Tàu', 'Thừa Thiên - Huế']);
  });

  it('reads a route named by its two ends as those two places', () => {
    const e = tag('Xe đi trên đường Pháp Vân - Cầu Giẽ. Ông sống ở đường Trần Hưng Đạo.');
    expect(names(e.place)).toEqual(['Pháp Vân', 'Cầu Giẽ', 'đường Trần Hưng Đạo']);
  });

  it('reads the hamlet or group where someone lives, after trú or ngụ', () => {
    const e = tag('Bị cáo Y Ăi Adrơng (SN 1985, ngụ buôn Jù, xã Ea Tu) và bà Mai (trú tổ 59, P. Hòa Minh).');
    expect(names(e.place)).toEqual(expect.arrayContaining(['buôn Jù', 'tổ 59']));
  });

  it('knows a cue word that ends a common word (khai thác, trình làng) and a cooperative from a commune', () => {
    const e = tag(
      'Việc khai thác Bitcoin tốn điện. Ca sĩ vừa trình làng MV mới. Hợp tác xã Cơ khí Vận tải được khen.',
    );
    expect(names(e.place)).toEqual([]);
    expect(names(e.organization)).toEqual(['Hợp tác xã Cơ khí Vận tải']);
  });

  it('reads a one-word name after a cue even when it is also a commune or a cue word', () => {
    const e = tag(
      'Ông Vịnh, một cựu chiến binh, cho biết. Theo ông Huyện, dự án chậm. Đó là nhận xét của TS. Hiếu và ông.',
    );
    expect(names(e.person)).toEqual(['Vịnh', 'Huyện', 'Hiếu']);
    expect(names(tag('Ông Huyện Bình Chánh nói.').person)).not.toContain('Huyện Bình Chánh');
  });

  it('reads a character named with the actor in brackets as a person, but not a city with its country', () => {
    const e = tag(
      'Trong tập 3, Sơn (Hà Việt Dũng) đồng ý cưới. Duk Sun đến với Taek (Park Bo Gum). Họ bay tới Seoul (Hàn Quốc).',
    );
    expect(names(e.person)).toEqual(expect.arrayContaining(['Sơn', 'Hà Việt Dũng', 'Taek', 'Park Bo Gum']));
    expect(names(e.place)).toEqual(expect.arrayContaining(['Seoul', 'Hàn Quốc']));
  });

  it('reads places that start with a head word, codes of law and dated documents as no organisation', () => {
    const e = tag(
      'Hình ảnh về Hoàng Sa, Trường Sa thời thuộc Pháp. Theo Điều 351 Bộ Luật hình sự 2015 và Luật Tổ chức TAND 2014.',
    );
    expect(names(e.organization)).toEqual([]);
    expect(names(e.place)).toEqual(expect.arrayContaining(['Hoàng Sa', 'Trường Sa']));
  });

  it('ends an abbreviated unit at its dot when a sentence starts after it', () => {
    const e = tag(
      'Ông vào làm tại Sở TN-MT TP. Qua thỏa thuận, hai bên đi qua cầu. UBND TP. Hồ Chí Minh họp.',
    );
    expect(names(e.organization)).toEqual(['Sở TN-MT TP', 'UBND TP. Hồ Chí Minh']);
  });

  it('takes no bare letter after a title and no lower-case words after a team', () => {
    const e = tag('Trận đấu ở vòng 13 LS V-League 2020. Đội tuyển di chuyển sang UAE. Em V bị bắt.');
    expect(names(e.person)).toEqual(['V']);
    expect(names(e.organization)).toEqual([]);
    expect(names(tag('Giá vàng tăng mạnh.\n\nMinh PhươngTheo Dân trí').person)).toEqual(['Minh Phương']);
  });

  it('reads a street opening a sentence and the street after an alley number as places', () => {
    const e = tag('Quán bán trong con ngõ 592 Trường Chinh (Đống Đa). Đường Trường Chinh đông xe.');
    expect(names(e.place)).toEqual(expect.arrayContaining(['ngõ 592 Trường Chinh', 'Đường Trường Chinh']));
    expect(names(e.person)).toEqual([]);
  });

  it('completes the word after an inner head and finds lost full stops before ở and đặc', () => {
    const e = tag('Chuyển giao trụ sở cho Văn phòng Bộ Xây dựng. Ông gặp anh Bình Minh Ở đó giá tăng.');
    expect(names(e.organization)).toEqual(['Văn phòng Bộ Xây dựng']);
    expect(names(e.person)).toEqual(['Bình Minh']);
  });

  it('does not also guess a line-up name to be a club', () => {
    const e = tag(
      'Udinese: Okoye; Solet, Kristensen, Bertola; Ehizibue, Atta, Karlstrom, Zemura. Atta ghi bàn. Atta chuyền. Atta sút.',
    );
    expect(names(e.person)).toContain('Atta');
    expect(names(e.organization)).not.toContain('Atta');
  });

  it("takes an organisation acronym's unit or scope with it", () => {
    const e = tag('LĐLĐ thị xã Kỳ Anh tặng quà. UBKT Trung ương kết luận. FPT Trương Gia Bình nói.');
    expect(names(e.organization)).toEqual(
      expect.arrayContaining(['LĐLĐ thị xã Kỳ Anh', 'UBKT Trung ương', 'FPT']),
    );
    expect(names(e.place)).toEqual(['Kỳ Anh']);
  });

  it("joins an office's two domains written with a dash", () => {
    const e = tag(
      'Sở Giao thông – Vận tải tỉnh Phú Yên cho biết. Bộ Tài nguyên - Môi trường họp. Sở Y tế - Hà Nội nói.',
    );
    expect(names(e.organization)).toEqual(
      expect.arrayContaining([
        'Sở Giao thông – Vận tải tỉnh Phú Yên',
        'Bộ Tài nguyên - Môi trường',
        'Sở Y tế',
      ]),
    );
  });

  it('joins domains written with an ampersand', () => {
    const e = tag(
      'Bộ Giáo dục & Đào tạo cho biết. Công ty CP XNK & TM Lychee ký hợp đồng. Sở GD&ĐT Hà Nội họp.',
    );
    expect(names(e.organization)).toEqual([
      'Bộ Giáo dục & Đào tạo',
      'Công ty CP XNK & TM Lychee',
      'Sở GD&ĐT Hà Nội',
    ]);
  });

  it('ends a name at a dash before its address, and completes no word with a verb', () => {
    const e = tag('Trường THPT Đặng Huy Trứ-TX Hương Trà nhận quà. Viện Hóa-Sinh họp.');
    expect(names(e.organization)).toEqual(['Trường THPT Đặng Huy Trứ', 'Viện Hóa-Sinh']);
  });

  it('splits a numbered unit from the parent body named after it', () => {
    const e = tag('Bệnh nhân được đưa tới BV Quân y 175 Bộ Quốc phòng cấp cứu.');
    expect(names(e.organization)).toEqual(['BV Quân y 175', 'Bộ Quốc phòng']);
  });

  it('reads signatures named like a commune or An, and signatures with a Theo source after them', () => {
    const e = tag('Cho phép họ có giờ giải lao dài.\n\nAn Dương (T/h)');
    expect(names(e.person)).toEqual(['An Dương']);
    expect(names(e.place)).toEqual([]);
    expect(names(tag('Họ hành động cứng rắn.\n\nTrung Hiếu/VOV.VN Theo Daily Mail').person)).toEqual([
      'Trung Hiếu',
    ]);
  });

  it('reads a country before a foreign word as a place, not a first name', () => {
    const e = tag(
      'Steam nhận Tenge của Kazakhstan Dinar của Kuwait. Cầu thủ Jordan Bell ghi điểm cho Utah Jazz.',
    );
    expect(names(e.place)).toEqual(expect.arrayContaining(['Kazakhstan', 'Kuwait']));
    expect(names(e.person)).toEqual(['Jordan Bell']);
    expect(names(e.organization)).toEqual(['Utah Jazz']);
  });

  it('reads the commune a school is named after as a place, but not the person one is named after', () => {
    const e = tag('Cô dạy ở Trường Tiểu học Hiệp Phú. Học sinh Trường THPT Chu Văn An đạt giải.');
    expect(names(e.place)).toEqual(['Hiệp Phú']);
    expect(names(e.person)).toEqual([]);
  });

  it("reads a body's leaders as no person named like the body, and no commune in a person-named school", () => {
    const e = tag(
      'Lãnh đạo Vinacomin cho biết. Cũng theo đại diện Vinacomin, than tăng. Vinacomin sản xuất than.',
    );
    expect(names(e.person)).toEqual([]);
    expect(names(tag('Khởi tố giảng viên Trường ĐH Tôn Đức Thắng.').place)).toEqual([]);
  });

  it('reads streets listed after one street cue as places, not persons', () => {
    const e = tag('Xe buýt đi qua các tuyến đường Lê Văn Sỹ, Nguyễn Kiệm, Huỳnh Văn Bánh và Huỳnh Tấn Phát.');
    expect(names(e.place)).toEqual(['đường Lê Văn Sỹ', 'Nguyễn Kiệm', 'Huỳnh Văn Bánh', 'Huỳnh Tấn Phát']);
    expect(names(e.person)).toEqual([]);
  });

  it("reads a brand before its product's name as the brand, but a club's long name whole", () => {
    const e = tag(
      'Apple Watch và Google Pixel bán chạy. Real Betis thắng Huddersfield Town, còn Ajax Amsterdam hòa.',
    );
    expect(names(e.organization)).toEqual(
      expect.arrayContaining(['Apple', 'Google', 'Real Betis', 'Huddersfield Town', 'Ajax Amsterdam']),
    );
    expect(names(e.organization)).not.toContain('Apple Watch');
  });

  it('reads a lone foreign word after a kind of weapon or device as its model, not an organisation', () => {
    const e = tag(
      'Nga phóng tên lửa Kalibr. Tên lửa Kalibr bay xa. Hệ thống phòng không Kalibr mạnh. Kalibr rất đắt.',
    );
    expect(names(e.organization)).toEqual([]);
  });

  it('knows Hồ Tây, La Hay, Timor Leste and Đông Đức as places', () => {
    const e = tag('Người dân dạo quanh Hồ Tây. Tòa án ở La Hay xử. Đội Timor Leste đến từ Đông Đức cũ.');
    expect(names(e.place)).toEqual(expect.arrayContaining(['Hồ Tây', 'La Hay', 'Timor Leste', 'Đông Đức']));
    expect(names(e.person)).toEqual([]);
  });

  it("reads a school's kind before its name (chuyên, dân lập) as part of the school's name", () => {
    const e = tag(
      'Cô dạy Trường THPT chuyên Trần Đại Nghĩa. Ông là Chủ tịch Trường THPT dân lập Đinh Tiên Hoàng.',
    );
    expect(names(e.organization)).toEqual([
      'Trường THPT chuyên Trần Đại Nghĩa',
      'Trường THPT dân lập Đinh Tiên Hoàng',
    ]);
    expect(names(e.person)).toEqual([]);
  });

  it('reads ĐH and CĐ as heads, tối cao as a scope, and a second acronym head as a second name', () => {
    const e = tag(
      'Sinh viên ĐH Thăng Long ĐH Kinh tế dự thi. Ông tốt nghiệp CĐ Sư phạm Mỹ thuật Quảng Bình. VKSND tối cao kháng nghị.',
    );
    expect(names(e.organization)).toEqual(
      expect.arrayContaining([
        'ĐH Thăng Long',
        'ĐH Kinh tế',
        'CĐ Sư phạm Mỹ thuật Quảng Bình',
        'VKSND tối cao',
      ]),
    );
  });

  it("reads a credited website's address as no organisation", () => {
    const e = tag('Giá vàng tăng mạnh trong phiên sáng nay, theo VOV.VN. Ngân hàng SHB cũng tăng lãi suất.');
    expect(names(e.organization)).toEqual(['Ngân hàng SHB']);
  });

  it('reads English titles of papers and journals as no person', () => {
    const e = tag('Nghiên cứu đăng trên tạp chí Science Advances, theo Science Alert.');
    expect(names(e.person)).toEqual([]);
  });
});

describe('extractRuleEntities and languages', () => {
  const english = parsed({
    title: 'Vietnam raises minimum wage from July',
    body:
      'The government of Vietnam said on Monday that the minimum wage will rise by six percent from July. ' +
      'Prime Minister Pham Minh Chinh told reporters in Hanoi that the increase was needed for workers.',
  });

  it('returns no entities for a language it does not read', () => {
    expect(extractRuleEntities(english, { language: 'en' })).toEqual({
      person: [],
      organization: [],
      place: [],
    });
  });

  it('still tags Vietnamese when told the language is vi', () => {
    const e = extractRuleEntities(parsed({ body: 'Ông Phạm Bình Minh đến Hà Nội.' }), { language: 'vi' });
    expect(names(e.person)).toEqual(['Phạm Bình Minh']);
  });
});
