/**
 * Errors users saw in the entity records (issue 16), which must not come back: in the rule tagger, whose
 * reading feeds the model as features, and in the record's entities (`tagArticle`: rules, model and
 * resolution). Hand-written sentences.
 */
import { describe, expect, it } from 'vitest';
import type { Entities } from '../../../shared/model/article';
import { parsedArticle } from '../../../shared/parse/types';
import { extractRuleEntities } from '../../../shared/tag/entities/index';
import { unknownPlacesTakeArticleProvince } from '../../../shared/tag/entities/resolve/place-province';
import { tagArticle } from '../../../shared/tag/index';

type Type = keyof Entities;
const TAGGERS: [string, (body: string) => Entities][] = [
  ['the rules', (body) => extractRuleEntities(parsedArticle({ body }), { language: 'vi' })],
  ['the record', (body) => tagArticle(parsedArticle({ body })).entities],
];
const names = (e: Entities, type: Type) => e[type].map((x) => x.name);

describe.each(TAGGERS)('in %s', (_, tag) => {
  it('a title opening a sentence is no part of the person named after it', () => {
    for (const body of [
      'Thủ tướng Phạm Minh Chính chủ trì cuộc họp.',
      'Giám Đốc Trần Văn Tú phát biểu khai mạc.',
      'Tại hội nghị. Phó Giám đốc Nguyễn Thị Lan cho biết kế hoạch.',
    ]) {
      const persons = names(tag(body), 'person');
      expect(persons.length, body).toBe(1);
      expect(persons[0], body).toMatch(/^(Phạm|Trần|Nguyễn)/);
    }
  });

  it("an organisation's lower-case description runs through its numbers to a `số N` designation", () => {
    expect(names(tag('Các y bác sĩ của Bệnh viện dã chiến cấp 2 số 5 lên đường.'), 'organization')).toEqual([
      'Bệnh viện dã chiến cấp 2 số 5',
    ]);
  });

  it('a generic concept written as an acronym is no organisation', () => {
    expect(names(tag('Nhiều sản phẩm OCOP của tỉnh được bày bán tại hội chợ.'), 'organization')).toEqual([]);
    expect(names(tag('Bộ Y tế khuyến cáo tiêm vắc xin HPV cho trẻ em gái.'), 'organization')).toEqual([
      'Bộ Y tế',
    ]);
  });

  it('a deity written with an honorific is no person', () => {
    expect(names(tag('Người dân đến đền dâng hương Thánh Mẫu cầu an.'), 'person')).toEqual([]);
    expect(
      names(tag('Tín đồ cầu nguyện trước tượng Đức Mẹ, rồi ông Trần Văn An phát quà.'), 'person'),
    ).toEqual(['Trần Văn An']);
  });

  it('a two-letter given name ending a sentence is the name, not an initial', () => {
    expect(names(tag('Cả nhà vào thăm bà Nở. Bà năm nay đã 80 tuổi.'), 'person')).toEqual(['Nở']);
    // a consonant pair is an initial, as one letter is
    expect(names(tag('Chị Th. cho biết đã báo công an.'), 'person')).toEqual(['Th.']);
  });

  it("the name after a village head's title is the village's, unless it opens with a surname", () => {
    const e = tag('Ông Lò Văn Sinh, trưởng bản Tà Phìn Hồ, cho biết cả bản có 80 hộ.');
    expect(names(e, 'person')).toEqual(['Lò Văn Sinh']);
    expect(names(e, 'place')).toEqual(['Tà Phìn Hồ']);
    expect(names(tag('Trưởng thôn Nguyễn Văn Hùng cho biết cả thôn có 80 hộ.'), 'person')).toEqual([
      'Nguyễn Văn Hùng',
    ]);
  });

  it('a named storm is no person', () => {
    expect(names(tag('Bão Yagi đổ bộ vào Quảng Ninh chiều qua.'), 'person')).toEqual([]);
    expect(names(tag('Siêu bão Haiyan từng tàn phá Philippines.'), 'person')).toEqual([]);
    expect(names(tag('Bão số 3 Yagi gây thiệt hại lớn ở miền Bắc.'), 'person')).toEqual([]);
  });

  it('an airline is an organisation, even opening a sentence', () => {
    const e = tag('Lao Airlines vừa mở đường bay mới tới Hà Nội.');
    expect(names(e, 'person')).toEqual([]);
    expect(names(e, 'organization')).toEqual(['Lao Airlines']);
  });

  it("the city in a foreign club's name is no place", () => {
    const e = tag('Real Madrid thắng 2-0 tối qua và vươn lên dẫn đầu bảng.');
    expect(names(e, 'organization')).toEqual(['Real Madrid']);
    expect(names(e, 'place')).toEqual([]);
  });

  it('the common noun "workers" opening a sentence is not the paper Người Lao Động', () => {
    const body =
      'Người lao động Việt Nam sang Nhật Bản cần ký hợp đồng rõ ràng. Lao động phổ thông được tuyển nhiều.';
    expect(names(tag(body), 'organization')).toEqual([]);
    expect(names(tag('Theo Người Lao Động, giá vàng tăng mạnh sáng nay.'), 'organization')).toEqual([
      'Người Lao Động',
    ]);
  });

  it('a marketplace or an exchange is its company, an organisation', () => {
    const e = tag('Nhiều người dùng Binance đã rút tiền. Shopee cũng lên tiếng về đơn hàng chậm.');
    expect(names(e, 'organization').sort()).toEqual(['Binance', 'Shopee']);
    expect(names(e, 'person')).toEqual([]);
  });

  it('a club named after its sponsor and town is the club, with no place in it', () => {
    const e = tag('Đông Á Thanh Hóa giành chiến thắng 3-2 trước Sông Hồng Phú Thọ ở vòng 16.');
    expect(names(e, 'organization').sort()).toEqual(['Sông Hồng Phú Thọ', 'Đông Á Thanh Hóa']);
    expect(names(e, 'place')).toEqual([]);
    // outside a match result the town is a place again
    expect(names(tag('Mưa lớn kéo dài ở Phú Thọ và Tuyên Quang.'), 'place')).toEqual([
      'Phú Thọ',
      'Tuyên Quang',
    ]);
  });

  it('an acronym made of Roman numeral letters is an organisation; a Roman numeral is none', () => {
    expect(names(tag('Khảo sát của VCCI cho thấy chi phí vẫn cao.'), 'organization')).toEqual(['VCCI']);
    expect(names(tag('Theo VCCI, doanh nghiệp tư nhân cần thêm vốn.'), 'organization')).toEqual(['VCCI']);
    expect(names(tag('Các đại biểu dự Đại hội XIV bàn về kinh tế thế kỷ XXI.'), 'organization')).toEqual([]);
  });

  it('an acronym Vietnamese spelling could not write is an organisation, not a syllable in capitals', () => {
    expect(names(tag('Dữ liệu của CIC cho thấy nợ xấu tăng nhẹ.'), 'organization')).toEqual(['CIC']);
    expect(names(tag('Theo CIC, số hồ sơ vay mới giảm.'), 'organization')).toEqual(['CIC']);
    // a Vietnamese word in capitals is still none
    expect(names(tag('Nhiều gia đình CHI tiêu tiết kiệm hơn.'), 'organization')).toEqual([]);
  });

  it('a Central Highlands, Khmer or Hmông name is a person, with or without a title before it', () => {
    const cases: [string, string][] = [
      ['Tiền vệ trẻ Y Khun Mlô vào sân ở phút 60.', 'Y Khun Mlô'],
      ['Y Đam Ayun: Chúng tôi bắt đầu trồng thử từ năm 2020.', 'Y Đam Ayun'],
      ["Cô giáo H' Nhung Niê dạy ở điểm trường xa nhất.", "H' Nhung Niê"],
      ["Người giữ nghề dệt là H'Lim Ktla.", "H'Lim Ktla"],
      ['Thủ môn Ksor Lăng cản phá hai quả phạt đền.', 'Ksor Lăng'],
      ['Người dẫn đường cho đoàn là Rơ Châm Blip.', 'Rơ Châm Blip'],
      ['Người lái ca nô là Danh Văn Tèo, quê ở xã bên.', 'Danh Văn Tèo'],
      ['Trong nhóm có Giàng Thị Mỷ, năm nay 17 tuổi.', 'Giàng Thị Mỷ'],
    ];
    for (const [body, person] of cases) {
      expect(names(tag(body), 'person'), body).toEqual([person]);
    }
    // a place after the same first words stays a place
    const e = tag('Mưa lớn ở Sơn La và Kim Bôi, còn xã Y Tý có sương muối.');
    expect(names(e, 'person')).toEqual([]);
    expect(names(e, 'place').sort()).toEqual(['Kim Bôi', 'Sơn La', 'Y Tý']);
    expect(names(tag('Nay Hà Nội có thêm hai tuyến xe buýt.'), 'person')).toEqual([]);
  });

  it('a capitalised street cue after a word that places it is the street, not a person', () => {
    for (const body of [
      'Trên Đường Lê Duẩn, xe cộ đi lại đông đúc.',
      'Cây xanh được trồng dọc Đường Trần Phú.',
      'Tại Phố Huế có nhiều cửa hàng.',
    ]) {
      expect(names(tag(body), 'person'), body).toEqual([]);
      expect(names(tag(body), 'place')[0], body).toMatch(/^(Đường|Phố) /);
    }
    // the surname is still a person's after a title
    expect(names(tag('Ông Đường Văn Minh phát biểu tại buổi lễ.'), 'person')).toEqual(['Đường Văn Minh']);
  });

  it('SARS-CoV-2 names no organisation', () => {
    expect(
      names(tag('Các nhà khoa học đã giải mã thêm một biến thể của virus SARS-CoV-2.'), 'organization'),
    ).toEqual([]);
  });

  it('a lone initial or a lone syllable is no person', () => {
    expect(names(tag('Phương án N. được chọn thay cho phương án M. trong cuộc họp.'), 'person')).toEqual([]);
    expect(
      names(tag('Học sinh học tiếng Việt mỗi ngày. Thương hiệu Việt được ưa chuộng.'), 'person'),
    ).toEqual([]);
  });

  it('a port is a place, not a person', () => {
    const e = tag('Ông Vũ cho biết sản lượng tăng. Đình Vũ đón thêm ba tàu container.');
    expect(names(e, 'person')).not.toContain('Đình Vũ');
    expect(names(e, 'place')).toContain('Đình Vũ');
  });

  it('a factory is an organisation, not a person', () => {
    const e = tag('Ông Lâm cho biết sản lượng tăng. Nhà máy Dung Quất vận hành ổn định.');
    expect(names(e, 'person')).not.toContain('Dung Quất');
    expect(names(e, 'organization')).toContain('Nhà máy Dung Quất');
  });

  it('a region named with a river is one place under its whole name, not the river', () => {
    expect(names(tag('Giá lúa ở đồng bằng sông Cửu Long tăng nhẹ trong tuần.'), 'place')).toEqual([
      'đồng bằng sông Cửu Long',
    ]);
    expect(names(tag('Đồng bằng sông Hồng bước vào vụ gieo mạ.'), 'place')).toEqual(['Đồng bằng sông Hồng']);
    // the river alone is still the river (the record leaves its kind word out)
    const river = names(tag('Cá chết nổi trắng trên sông Cửu Long.'), 'place');
    expect(river).toHaveLength(1);
    expect(river[0]).toMatch(/^(sông )?Cửu Long$/);
  });

  it('clubs named after their town are the clubs where the text means them', () => {
    const result = tag('Hải Phòng thắng Nam Định 2-1 ở vòng 5.');
    expect(names(result, 'organization').sort()).toEqual(['Hải Phòng', 'Nam Định']);
    expect(names(result, 'place')).toEqual([]);
    const club = tag('CLB Thanh Hóa chiêu mộ thêm một tiền đạo.');
    expect(names(club, 'organization')).toEqual(['CLB Thanh Hóa']);
    expect(names(club, 'place')).toEqual([]);
    // the town is still a place where the text means the town
    expect(names(tag('Đoàn công tác từ Hà Nội thắng lợi trở về sau 2-3 ngày.'), 'place')).toEqual(['Hà Nội']);
  });

  it("a body's name runs through the lower-case words describing it to its place", () => {
    for (const [body, name] of <[string, string][]>[
      [
        'Sáng nay, Trung tâm Dịch vụ việc làm tỉnh Nghệ An tổ chức phiên giao dịch cho 500 lao động.',
        'Trung tâm Dịch vụ việc làm tỉnh Nghệ An',
      ],
      [
        'Ban Quản lý các khu công nghiệp tỉnh Long An cho biết đã thu hút thêm 12 dự án.',
        'Ban Quản lý các khu công nghiệp tỉnh Long An',
      ],
      [
        'Hồ sơ mời thầu do Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh Gia Lai phát hành.',
        'Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh Gia Lai',
      ],
      // a capitalised syllable closing the tail takes the lower-case one completing its word
      ['Ban Quản lý dự án Đường sắt vừa công bố kế hoạch.', 'Ban Quản lý dự án Đường sắt'],
    ])
      expect(names(tag(body), 'organization'), body).toEqual([name]);
    // a verb after the body, or a proper name ending its own, is the sentence going on
    for (const [body, name] of <[string, string][]>[
      ['Bộ Giáo dục hướng dẫn các trường học tỉnh Nghệ An.', 'Bộ Giáo dục'],
      ['Tập đoàn Vingroup đầu tư dự án khu công nghiệp tỉnh Hải Dương.', 'Tập đoàn Vingroup'],
      ['Ngân hàng Thế giới dự báo tăng trưởng kinh tế Thái Lan sẽ chậm lại.', 'Ngân hàng Thế giới'],
    ])
      expect(names(tag(body), 'organization'), body).toEqual([name]);
  });

  it('an art troupe is an organisation, though `Đoàn` is also a surname', () => {
    for (const [body, name] of <[string, string][]>[
      [
        'Chị Hà Thị Lan, diễn viên Đoàn Nghệ thuật tỉnh Sơn La, kể về buổi diễn đầu tiên.',
        'Đoàn Nghệ thuật tỉnh Sơn La',
      ],
      ['Đoàn Ca múa tỉnh Lào Cai biểu diễn tại lễ hội.', 'Đoàn Ca múa tỉnh Lào Cai'],
    ]) {
      const e = tag(body);
      expect(names(e, 'organization'), body).toEqual([name]);
      expect(names(e, 'person'), body).not.toContain(name);
    }
  });

  it('a name listed after places a plural word and a place cue open is a place, not a person', () => {
    for (const body of [
      'Mực nước các sông Kiến Giang, Thạch Hãn đang lên nhanh.',
      'Lũ dâng cao ở hai xã Tân Lập và Thạch Hãn.',
    ]) {
      const e = tag(body);
      expect(names(e, 'person'), body).toEqual([]);
      expect(
        names(e, 'place').some((n) => n.endsWith('Thạch Hãn')),
        body,
      ).toBe(true);
    }
    // without the plural word the comma may close the place and open a clause about a person
    expect(names(tag('Tại xã Tân Lập, Nguyễn Văn An cho biết nước đã rút.'), 'person')).toEqual([
      'Nguyễn Văn An',
    ]);
  });

  it('names after `như` that follow a plural word, a place cue and its description are places', () => {
    for (const body of [
      'Hạn hán lan ra các tỉnh nông nghiệp lân cận như San Luis và Río Negro của Argentina.',
      'Các tỉnh như San Luis, Río Negro hoặc Chubut đều thiếu nước tưới.',
    ]) {
      const e = tag(body);
      expect(names(e, 'person'), body).toEqual([]);
      expect(names(e, 'place'), body).toEqual(expect.arrayContaining(['San Luis', 'Río Negro']));
    }
    // `như` after a person's cue brings no place
    expect(names(tag('Các xã đã làm như ông Nguyễn Văn An đề nghị.'), 'person')).toEqual(['Nguyễn Văn An']);
  });

  it('a name after a person cue that ends in a company or club word is the organisation, not a person', () => {
    const body = 'Các cầu thủ Hoàng Mai Bank nâng cúp vô địch sau trận chung kết.';
    const e = tag(body);
    expect(names(e, 'person'), body).toEqual([]);
    expect(names(e, 'organization'), body).toEqual(['Hoàng Mai Bank']);
    // a player named after the cue stays a person
    expect(names(tag('Cầu thủ Nguyễn Quang Hải ghi bàn.'), 'person')).toEqual(['Nguyễn Quang Hải']);
  });

  it('a country whose name runs over lower-case words is read whole, not cut at a cue inside it', () => {
    const body = 'Xuất khẩu cà phê sang Các Tiểu vương quốc Ả Rập Thống nhất và Liên bang Nga tăng mạnh.';
    expect(names(tag(body), 'place').sort(), body).toEqual([
      'Các Tiểu vương quốc Ả Rập Thống nhất',
      'Liên bang Nga',
    ]);
  });

  it('a kind of body with its country right after it is an organisation, and the country a place', () => {
    for (const [body, name, country] of [
      ['Chính phủ Peru phê duyệt gói cứu trợ cho nông dân vùng cao.', 'Chính phủ Peru', 'Peru'],
      ['Hôm qua, Quốc hội Hàn Quốc thông qua luật mới.', 'Quốc hội Hàn Quốc', 'Hàn Quốc'],
    ] as const) {
      const e = tag(body);
      expect(names(e, 'organization'), body).toEqual([name]);
      expect(names(e, 'place'), body).toEqual([country]);
    }
    // written alone it names no organisation
    expect(names(tag('Chính phủ cho biết sẽ tăng chi cho giáo dục.'), 'organization')).toEqual([]);
  });

  it("a foreign place's name after its cue runs across a lower-case particle", () => {
    const body = 'Đoàn khách dừng ở thị trấn Villa de Leyva trước khi sang Peru.';
    expect(names(tag(body), 'place'), body).toContain('Villa de Leyva');
    // a Vietnamese name does not take `da` after it
    expect(names(tag('Người dân thị trấn Phú Mỹ da sạm nắng vì làm muối.'), 'place')).toEqual(['Phú Mỹ']);
  });

  it('a foreign club named after its sponsor and a world city in a match result is an organisation', () => {
    for (const body of [
      'Đội nữ Sao Mai thắng Nakhon Pathom Bangkok của Thái Lan 3-1 trong trận chung kết.',
      'Ở bán kết, Nakhon Pathom Bangkok thắng Biển Xanh Nghệ An 3-1.',
    ]) {
      const e = tag(body);
      expect(names(e, 'organization'), body).toContain('Nakhon Pathom Bangkok');
      expect(names(e, 'place'), body).not.toContain('Bangkok');
    }
    // two players' names around the verb stay persons
    expect(names(tag('Rafael Nadal thắng Novak Djokovic 3-1 tại Paris.'), 'person')).toEqual([
      'Rafael Nadal',
      'Novak Djokovic',
    ]);
  });

  it("a foreign team's name after `Đội` leaves the head out; a Vietnamese unit's keeps it", () => {
    expect(names(tag('Đội Almaty Kairat của Kazakhstan xếp thứ năm.'), 'organization')).toEqual([
      'Almaty Kairat',
    ]);
    expect(names(tag('Đội CSGT Tân Sơn Nhất lập chốt kiểm tra.'), 'organization')).toEqual([
      'Đội CSGT Tân Sơn Nhất',
    ]);
  });

  it("two described words joined by `và` stay in an organisation's name that a proper name closes", () => {
    for (const [body, name] of [
      [
        'Dự án được Quỹ Phát triển khoa học và công nghệ Sao Mai tài trợ 18 tỷ đồng.',
        'Quỹ Phát triển khoa học và công nghệ Sao Mai',
      ],
      [
        'Ông là Giám đốc Trung tâm Dịch vụ việc làm và đào tạo tỉnh Bắc Ninh.',
        'Trung tâm Dịch vụ việc làm và đào tạo tỉnh Bắc Ninh',
      ],
    ] as const) {
      expect(names(tag(body), 'organization'), body).toEqual([name]);
    }
  });

  it('a hydro-meteorological station is an organisation named to its scope', () => {
    for (const [body, name] of [
      [
        'Theo Đài Khí tượng thủy văn tỉnh Nghệ An, mưa lớn còn kéo dài.',
        'Đài Khí tượng thủy văn tỉnh Nghệ An',
      ],
      [
        'Theo Đài Khí tượng Thủy văn khu vực Tây Nguyên, mưa giảm dần.',
        'Đài Khí tượng Thủy văn khu vực Tây Nguyên',
      ],
    ] as const) {
      expect(names(tag(body), 'organization'), body).toEqual([name]);
    }
  });

  it("a function word completing the capitalised word before it stays in an organisation's name", () => {
    const body = 'Viện Đổi mới công nghệ quốc gia vừa công bố báo cáo thường niên.';
    expect(names(tag(body), 'organization'), body).toEqual(['Viện Đổi mới công nghệ quốc gia']);
  });

  it('a club named after its sponsor and an abbreviated town in a result is the club, with no place', () => {
    const e = tag('Ở vòng 4, Saigonplus TP.HCM hòa Nam Định 1-1 trên sân khách.');
    expect(names(e, 'organization')).toContain('Saigonplus TP.HCM');
    expect(names(e, 'place')).toEqual([]);
  });

  it('a stream after `suối` is a place', () => {
    const body = 'Mùa mưa, học sinh phải lội qua suối Đắk Pông để đến trường.';
    expect(
      names(tag(body), 'place').filter((n) => n.endsWith('Đắk Pông')),
      body,
    ).toHaveLength(1);
  });

  it('a desert after its kind word is a place', () => {
    const body = 'Kính thiên văn được đặt trên sa mạc Gobi, nơi trời rất khô.';
    expect(
      names(tag(body), 'place').filter((n) => n.endsWith('Gobi')),
      body,
    ).toHaveLength(1);
  });

  it("a title's lower-case body then a full name names the title holder, but a school stays named after its person", () => {
    const e = tag('Theo Giám đốc bệnh viện Hoàng Văn Nghĩa, đơn vị đã tiếp nhận 14 kỹ thuật mới.');
    expect(names(e, 'person')).toEqual(['Hoàng Văn Nghĩa']);
    expect(names(e, 'organization')).toEqual([]);
    expect(names(tag('Ông là Giám đốc bệnh viện Bạch Mai.'), 'organization')).toEqual(['bệnh viện Bạch Mai']);
    expect(names(tag('Hiệu trưởng trường THCS Hà Thế Hạnh phát biểu.'), 'organization')).toEqual([
      'trường THCS Hà Thế Hạnh',
    ]);
  });

  it("a business's two- or three-word brand after its trade is the business's name, not a person", () => {
    const cases: [string, string][] = [
      ['Xe thuộc Công ty TNHH Vận tải Kim Ngưu, có trụ sở ở TP.HCM.', 'Công ty TNHH Vận tải Kim Ngưu'],
      [
        'Công ty cổ phần Thủy điện Lâm Thịnh Phát thông báo xả lũ.',
        'Công ty cổ phần Thủy điện Lâm Thịnh Phát',
      ],
      ['Hợp tác xã Nông nghiệp Hoàng Long bao tiêu toàn bộ lúa.', 'Hợp tác xã Nông nghiệp Hoàng Long'],
    ];
    for (const [body, org] of cases) {
      const e = tag(body);
      expect(names(e, 'organization'), body).toContain(org);
      expect(names(e, 'person'), body).toEqual([]);
    }
    // A ministry's domain then a person: two entities, as before.
    expect(names(tag('Bộ Ngoại giao Phạm Bình Minh cho biết.'), 'person')).toEqual(['Phạm Bình Minh']);
  });

  it("a capitalised kinship word after a place's kind word opens the place's name", () => {
    const e = tag('Du khách leo núi Bà Rá vào sáng sớm.');
    // the rules keep the kind word, which the record leaves out
    expect(names(e, 'place').map((n) => n.replace(/^núi /, ''))).toEqual(['Bà Rá']);
    expect(names(e, 'person')).toEqual([]);
    // `cù lao` (a river island) is a kind word too
    expect(names(tag('Nghệ nhân đến từ cù lao Ông Chưởng, mang theo cối đá.'), 'person')).toEqual([]);
  });

  it("after a kind word that is no administrative level, a commune's name opening a longer name is part of it", () => {
    const e = tag('Phật tử dâng hoa trước chùa Long Sơn Cổ Tự vào buổi sáng.');
    expect(names(e, 'place').map((n) => n.replace(/^chùa /, ''))).toEqual(['Long Sơn Cổ Tự']);
    expect(names(e, 'person')).toEqual([]);
    // a place after it still ends the name
    expect(names(tag('Tiểu thương chợ Bến Thành Sài Gòn nghỉ Tết muộn.'), 'place')).toContain('Sài Gòn');
  });

  it('bodies of a kind in a place after a plural word are no one organisation', () => {
    for (const body of [
      'Lãi suất của các ngân hàng Việt Nam giảm nhẹ.',
      'Đội vô địch giải các câu lạc bộ Đông Nam Á năm nay.',
    ])
      expect(names(tag(body), 'organization'), body).toEqual([]);
    // one named body after a plural word stays one
    expect(names(tag('Lãnh đạo các bệnh viện Bạch Mai họp.'), 'organization')).toEqual([
      'bệnh viện Bạch Mai',
    ]);
  });

  it('a lone foreign word joined by và to a place read just before is a place too', () => {
    expect(names(tag('Các trường học ở Tacloban và Borongan được dùng làm nơi trú ẩn.'), 'place')).toEqual([
      'Tacloban',
      'Borongan',
    ]);
  });

  it('a lower-case scope between a kind word and the name is left out with it', () => {
    const e = tag('Đoàn xe qua cửa khẩu quốc tế Mộc Hạ lúc 9 giờ sáng.');
    expect(names(e, 'place')).toEqual(['Mộc Hạ']);
    expect(names(e, 'person')).toEqual([]);
  });

  it("a commune's name before a foreign word is a brand's, not the commune", () => {
    expect(names(tag('Nhiều người mất tiền khi nạp vào ví Phú Xuân Wallet.'), 'place')).toEqual([]);
    // a place before a place is still two places
    expect(names(tag('Nhiều người ở Hải Phòng Đình Vũ mất tiền.'), 'place')).toEqual([
      'Hải Phòng',
      'Đình Vũ',
    ]);
  });

  it("a person's full name's last two words later are the same person, not a second one", () => {
    for (const body of [
      'Bà Lê Thanh Hương mở quán phở từ năm 1998. Theo bà Thanh Hương, khách quen vẫn đến mỗi sáng.',
      'Trần Văn Khải chạy xe ôm đã mười năm. Văn Khải nói rằng đêm qua trời rét.',
    ]) {
      const persons = tag(body).person;
      expect(persons, body).toHaveLength(1);
      expect(persons[0]?.name, body).toMatch(/^(Lê Thanh Hương|Trần Văn Khải)$/);
    }
    // two names sharing only a given name stay two persons
    expect(names(tag('Ông Nguyễn Văn Hải và ông Trần Minh Hải cùng dự họp.'), 'person').sort()).toEqual([
      'Nguyễn Văn Hải',
      'Trần Minh Hải',
    ]);
  });
});

describe('in the rules', () => {
  it("a storm's name is no one's wherever else the article names it", () => {
    const body =
      'Siêu bão Haiyan từng tàn phá Philippines. Sức gió của Haiyan rất mạnh. Haiyan tan sau ba ngày.';
    const e = extractRuleEntities(parsedArticle({ body }), { language: 'vi' });
    expect([...e.person, ...e.organization].map((x) => x.name)).toEqual([]);
  });
});

describe('in the record', () => {
  const places = (body: string) =>
    tagArticle(parsedArticle({ body })).entities.place.map((p) => [p.name, p.province?.code ?? null]);

  it("a business's brand written alone later is the business, not a second organisation or a person", () => {
    const e = tagArticle(
      parsedArticle({
        body: 'Trường phối hợp với Tập đoàn Vi mạch Kairos và Công ty TNHH Điện tử Bắc Việt. Sinh viên thực tập tại nhà máy của Bắc Việt ở phường Phổ Yên. Đại diện Kairos cam kết tuyển dụng.',
      }),
    ).entities;
    expect(names(e, 'organization').sort()).toEqual([
      'Công ty TNHH Điện tử Bắc Việt',
      'Tập đoàn Vi mạch Kairos',
    ]);
    expect(names(e, 'person')).toEqual([]);
  });

  it('a street after `đường` is named without the kind word, once with the street written alone', () => {
    const e = tagArticle(
      parsedArticle({
        body: 'Sáng nay, xe buýt đi lại bình thường trên đường Nguyễn Chí Thanh ở Hà Nội. Ùn tắc chỉ xảy ra ở đầu Nguyễn Chí Thanh.',
      }),
    ).entities;
    expect(names(e, 'place').sort()).toEqual(['Hà Nội', 'Nguyễn Chí Thanh']);
  });

  it('an airport and a lake are named without their kind word', () => {
    const e = tagArticle(
      parsedArticle({
        body: 'Đoàn khách bay từ sân bay Cát Bi vào Nam, rồi đi thuyền trên hồ Trị An suốt buổi chiều.',
      }),
    ).entities;
    expect(names(e, 'place').sort()).toEqual(['Cát Bi', 'Trị An']);
  });

  it('a Vietnamese river is named without its kind word, a foreign one with it', () => {
    const e = tagArticle(
      parsedArticle({
        body: 'Mực nước sông Kỳ Lộ lên nhanh sau ba ngày mưa. Đoàn chuyên gia từng khảo sát sông Danube trước khi sang Việt Nam.',
      }),
    ).entities;
    expect(names(e, 'place').sort()).toEqual(['Kỳ Lộ', 'Việt Nam', 'sông Danube']);
  });

  it('a river that crosses provinces has no province', () => {
    expect(
      places('Nước sông Hậu dâng cao, nhiều xã của An Giang và phường Long Xuyên phải gia cố bờ bao.'),
    ).toContainEqual(['Hậu', null]);
    expect(places('Người dân Điện Biên lo cá lồng trên sông Đà chết vì nắng nóng.')).toContainEqual([
      'Đà',
      null,
    ]);
  });

  it('a peak after `đỉnh` and a region after `vùng` are places, named without the kind word', () => {
    expect(
      names(
        tagArticle(parsedArticle({ body: 'Đoàn leo núi chinh phục đỉnh Phu Si Lung vào sáng nay.' }))
          .entities,
        'place',
      ),
    ).toEqual(['Phu Si Lung']);
    expect(
      names(
        tagArticle(parsedArticle({ body: 'Nhiều trận động đất nhỏ xảy ra ở vùng Atacama trong tuần.' }))
          .entities,
        'place',
      ),
    ).toEqual(['Atacama']);
  });

  it('a long body runs to its scope after the place in its name', () => {
    const e = tagArticle(
      parsedArticle({ body: 'Đại diện Ủy hội sông Mekong quốc tế cho biết mực nước đang xuống thấp.' }),
    ).entities;
    expect(names(e, 'organization')).toEqual(['Ủy hội sông Mekong quốc tế']);
  });

  it('an ethnic group after a person cue is no person where the article names the people', () => {
    const e = tagArticle(
      parsedArticle({
        body: 'Cô giáo Ê Đê mở lớp dạy chữ cho phụ nữ trong buôn. Học viên phần lớn là người Ê Đê và người Gia Rai.',
      }),
    ).entities;
    expect(names(e, 'person')).toEqual([]);
  });

  it('a foreign club facing a club in a result is no person', () => {
    const e = tagArticle(
      parsedArticle({ body: 'Ở bán kết, Kiến Tạo Bank vượt qua Sichuan Panda 3-0.' }),
    ).entities;
    expect(names(e, 'person')).toEqual([]);
    expect(names(e, 'organization')).toContain('Sichuan Panda');
  });

  it('a generic office written with a lower-case kind is no organisation, its country a place', () => {
    const e = tagArticle(parsedArticle({ body: 'Cơ quan khí tượng Mông Cổ cảnh báo bão tuyết.' })).entities;
    expect(names(e, 'organization')).toEqual([]);
    expect(names(e, 'place')).toEqual(['Mông Cổ']);
  });

  it('a peak is a place without its kind word', () => {
    const e = tagArticle(
      parsedArticle({ body: 'Những mẫu vật đầu tiên được thu thập quanh đỉnh Lảo Thẩn vào mùa mưa.' }),
    ).entities;
    expect(names(e, 'place')).toEqual(['Lảo Thẩn']);
  });

  it('a hydro-meteorological station with its scope is one organisation', () => {
    const e = tagArticle(
      parsedArticle({
        body: 'Theo Đài Khí tượng thủy văn khu vực Tây Bắc, lượng mưa tại Trấn Yên đạt hơn 320 mm.',
      }),
    ).entities;
    expect(names(e, 'organization')).toEqual(['Đài Khí tượng thủy văn khu vực Tây Bắc']);
  });

  it('a club named with a foreign team nickname is an organisation', () => {
    const e = tagArticle(
      parsedArticle({ body: 'Hạng ba thuộc về đội chủ nhà sau chiến thắng 3-1 trước Manila Bay Sirens.' }),
    ).entities;
    expect(names(e, 'organization')).toEqual(['Manila Bay Sirens']);
  });

  it("no name runs across a data table's cells", () => {
    const e = tagArticle(
      parsedArticle({ body: 'Hạng | Đội | Quốc gia\n\n2 | Nakhon Thong Stars | Thái Lan' }),
    ).entities;
    expect(names(e, 'organization')).toEqual(['Nakhon Thong Stars']);
  });

  it('a direction written with two compass words is no place', () => {
    const e = tagArticle(
      parsedArticle({ body: 'Thủ tướng dự lễ khởi công đường sắt tốc độ cao Bắc - Nam đoạn qua Hà Tĩnh.' }),
    ).entities;
    expect(names(e, 'place')).toEqual(['Hà Tĩnh']);
  });

  it('a country written only as a nationality is no place', () => {
    const e = tagArticle(
      parsedArticle({ body: 'Ông Kim, một kỹ sư người Nhật Bản, đã sống ở Đà Nẵng 10 năm.' }),
    ).entities;
    expect(names(e, 'place')).toEqual(['Đà Nẵng']);
  });

  it('an organisation is not cut between the syllables of one word', () => {
    const e = tagArticle(
      parsedArticle({ body: 'Tập đoàn Điện lực Việt Nam và Tập đoàn Dầu khí ký thỏa thuận hợp tác.' }),
    ).entities;
    expect(names(e, 'organization').sort()).toEqual(['Tập đoàn Dầu khí', 'Tập đoàn Điện lực Việt Nam']);
  });

  it('a club named with its head word is kept, under the name the model reads inside it', () => {
    const e = tagArticle(
      parsedArticle({ body: 'Câu lạc bộ Sông Hồng Phú Thọ vừa ký hợp đồng với hai cầu thủ mới.' }),
    ).entities;
    expect(names(e, 'organization')).toEqual(['Sông Hồng Phú Thọ']);
    expect(names(e, 'place')).toEqual([]);
  });

  it('a road named by its number is no place; a numbered district still is', () => {
    expect(places('Một xe khách lật trên quốc lộ 14 đoạn qua Đắk Nông.')).toEqual([['Đắk Nông', '68']]);
    expect(places('Sạt lở chặn Tỉnh lộ 8B suốt hai ngày.')).toEqual([]);
    expect(places('Giá thuê mặt bằng ở quận 1 giảm.')).toEqual([['quận 1', null]]);
  });

  it("a body's name playing in a match result is its club's, with no place in it; a body's keeps its place", () => {
    const e = tagArticle(
      parsedArticle({
        title: 'Đông Á Thanh Hóa thắng đậm Công an Hà Nội',
        body: 'Hai bàn của Lê Văn Tám giúp Đông Á Thanh Hóa thắng Công an Hà Nội 2-0 trên sân nhà.',
      }),
    ).entities;
    expect(names(e, 'organization')).toContain('Công an Hà Nội');
    expect(names(e, 'place')).toEqual([]);
    // docs/annotation.md, Nested: a place inside a body's name is a place of the article
    expect(places('Công an Hà Nội bắt hai đối tượng trộm xe máy.')).toEqual([['Hà Nội', '01']]);
    expect(places('Sở Y tế Đà Nẵng cảnh báo số ca sốt xuất huyết tăng.')).toEqual([['Đà Nẵng', '48']]);
  });

  it("a place at the end of a contest's name is the contest's, not a place of the article", () => {
    expect(places('Cờ thủ Đồng Tháp giành vàng ở giải vô địch cờ tướng châu Á năm nay.')).toEqual([
      ['Đồng Tháp', '82'],
    ]);
    expect(places('Hai đội đã dự giải bóng đá Đông Nam Á từ tháng trước.')).toEqual([]);
    // elsewhere the continent is a place, and `giải phóng` opens no contest
    expect(places('Việt Nam đứng đầu châu Á về xuất khẩu gạo.')).toEqual([
      ['Việt Nam', null],
      ['châu Á', null],
    ]);
    expect(places('Cả nước kỷ niệm ngày giải phóng Sài Gòn.')).toEqual([['Sài Gòn', '79']]);
  });

  it('two clubs either side of a match verb are two organisations, not one', () => {
    const e = tagArticle(
      parsedArticle({ body: 'Bàn thắng muộn giúp Đông Á Thanh Hóa thắng Công an Hà Nội 2-1 trên sân nhà.' }),
    ).entities;
    expect(names(e, 'organization').sort()).toEqual(['Công an Hà Nội', 'Đông Á Thanh Hóa']);
    // a verb that makes one word with the word before it is part of the name
    expect(
      names(
        tagArticle(parsedArticle({ body: 'Đảng Cộng hòa Mỹ chọn ứng viên mới.' })).entities,
        'organization',
      ),
    ).toEqual(['Đảng Cộng hòa Mỹ']);
  });

  it('a ward named after a cue word left out is in the province the article names', () => {
    expect(places('Tàu hàng cập cảng Liên Chiểu ở Đà Nẵng vào tối thứ Bảy.')).toEqual([
      ['Liên Chiểu', '48'],
      ['Đà Nẵng', '48'],
    ]);
    // a market in Hà Nội named after a commune of another province is not in that province, but in the
    // article's own
    expect(places('Tiểu thương chợ Đồng Xuân ở Hà Nội nghỉ Tết muộn.')).toEqual([
      ['Đồng Xuân', '01'],
      ['Hà Nội', '01'],
    ]);
  });

  it("a village after `bản` or `ấp` is named without it, in the article's province", () => {
    expect(places('Mưa lũ làm sạt lở ba ngôi nhà ở bản Nậm Cha, tỉnh Lai Châu.')).toEqual([
      ['Nậm Cha', '12'],
      ['Lai Châu', '12'],
    ]);
    expect(places('Nông dân ấp Phú Lợi, tỉnh Vĩnh Long thu hoạch lúa sớm.')).toEqual([
      ['Phú Lợi', '86'],
      ['Vĩnh Long', '86'],
    ]);
  });

  it('a border gate, river or lake its kind word names is in the province the landmark list gives', () => {
    // `Hữu Nghị` is also a commune of another province
    expect(places('Hàng trăm xe tải chờ thông quan ở cửa khẩu Hữu Nghị sáng nay.')).toEqual([
      ['Hữu Nghị', '20'],
    ]);
    expect(places('Du khách đi thuyền trên hồ Ba Bể.')).toEqual([['Ba Bể', '19']]);
    // the second of two rivers after one kind word
    expect(places('Mực nước các sông Vu Gia, Trà Khúc có thể lên mức báo động 2.')).toEqual([
      ['Vu Gia', '48'],
      ['Trà Khúc', '51'],
    ]);
  });

  it('a river whose name two provinces share is not in the landmark list: the article gives its province', () => {
    // `sông Hiếu` of Nghệ An and of Quảng Trị, `sông Cấm` of Nghệ An and of Hải Phòng
    expect(places('Lũ trên sông Hiếu dâng cao, nhiều nhà dân ở Nghệ An bị ngập.')).toEqual([
      ['Hiếu', '40'],
      ['Nghệ An', '40'],
    ]);
    expect(places('Người dân Cửa Lò, Nghệ An ra sông Cấm đánh cá.')).toContainEqual(['Cấm', '40']);
  });

  it('a venue after a lower-case kind word is named without it, in the province where it lies', () => {
    expect(places('Đội khách thua 0-2 trên sân Pleiku chiều qua.')).toEqual([['Pleiku', '52']]);
    expect(places('Đội nhà tập ở sân vận động Thống Nhất tại TP.HCM.')).toContainEqual(['Thống Nhất', '79']);
    // a foreign venue keeps its kind word, as VLSP writes it
    expect(places('Liverpool thắng 2-0 trên sân Anfield.')).toContainEqual(['sân Anfield', null]);
  });

  it("a Vietnamese place the gazetteer does not know is in the province most of the article's places are in", () => {
    expect(
      places('Du khách đến Hà Giang ngắm đèo Mã Pì Lèng. Từ Đồng Văn, xe chạy qua Mã Pì Lèng rồi về Hà Nội.'),
    ).toContainEqual(['Mã Pì Lèng', '08']);
    // with no province ahead of the others, or a foreign name, it stays without one
    expect(places('Đoàn khách từ Hà Nội đi Huế, ghé đèo Gió Hú.')).toContainEqual(['Gió Hú', null]);
    const quangNgai = { code: '51', name: 'Tỉnh Quảng Ngãi' };
    const e = unknownPlacesTakeArticleProvince({
      person: [],
      organization: [],
      place: [
        { name: 'Quảng Ngãi', mentions: 3, province: quangNgai },
        { name: 'Borongan', mentions: 1 },
        { name: 'Trà Khúc', mentions: 1 },
      ],
    });
    expect(e.place.map((p) => [p.name, p.province?.code ?? null])).toEqual([
      ['Quảng Ngãi', '51'],
      ['Borongan', null],
      ['Trà Khúc', '51'],
    ]);
  });

  it('a commune name two provinces have is in the one the article names, and in none without it', () => {
    expect(places('Người dân phường Hòa Khánh, thành phố Đà Nẵng phản ánh về mùi hôi.')).toEqual([
      ['Hòa Khánh', '48'],
      ['Đà Nẵng', '48'],
    ]);
    expect(places('Giá căn hộ ở phường Thuận An tăng nhẹ, thấp hơn ở Bình Dương cũ.')).toContainEqual([
      'Thuận An',
      '79',
    ]);
    expect(places('Người dân phường Hòa Khánh phản ánh về mùi hôi.')).toEqual([['Hòa Khánh', null]]);
  });
});

describe('in the record', () => {
  // the rules cut the name inside the word; the resolution drops a name ending inside a word of data/words
  it("an organisation's lower-case description runs through a whole word of data/words", () => {
    const e = tagArticle(
      parsedArticle({ body: 'Ban Quản lý Khu danh thắng Yên Tử cho biết lượng khách tăng.' }),
    );
    expect(names(e.entities, 'organization')).toEqual(['Ban Quản lý Khu danh thắng Yên Tử']);
  });
});
