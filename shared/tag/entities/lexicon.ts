/**
 * Hand-written Vietnamese lexicons for the entity tagger (newsdrop, no corpus data). Entries are
 * written as they usually appear, separated by commas; the tagger compares them by `nameKey`
 * (lower case, NFC, one tone placement).
 */

/** Splits a comma-separated list (entries may contain spaces). */
function list(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Administrative level words: the following capitalised name is a place; the word is not part of it. */
export const ADMIN_CUES = list(`
  tỉnh, thành phố, tp, tp., huyện, quận, thị xã, tx, tx., xã, phường, thị trấn, đặc khu, thôn, ấp, làng,
  tổ dân phố, xóm, đường, phố, quốc lộ, tỉnh lộ, sông, hồ, núi, đèo, đảo, quần đảo, vịnh, chợ, sân bay,
  cảng, bang, miền, thủ đô, thủ phủ, châu, đất nước, nước, quốc gia, sân vận động, svđ, sân, q., p., h., q, p, h,
  phương, xứ, bán đảo, ga, bến, cửa khẩu, đầm, thung lũng, cao nguyên, vườn quốc gia, buôn, bản, tổ, khối,
  đại lộ, bãi, bãi biển, hòn, thác, đê, rạch, cồn, đền, chùa, công viên, núi lửa, kim tự tháp,
  khu công nghiệp, kcn, ngã ba, ngã tư, cao tốc, ngõ, ngách, hẻm, kiệt, cộng hòa, cộng hoà, vương quốc
`);

/** Cues that strongly mark a place but are dropped from the name (administrative levels). */
export const ADMIN_PREFIXES_STRIPPED = list(`
  tỉnh, thành phố, tp, tp., huyện, quận, thị xã, tx, tx., xã, phường, thị trấn, đặc khu, thủ đô, nước,
  đất nước, quốc gia, thủ phủ, q., p., h., q, p, h
`);

/**
 * Capitalised at the start of a sentence but ordinary words: dropped from a name when they open one.
 * Months, weekdays and festivals are never names either.
 */
export const COMMON_CAPITALISED = list(`
  Sáng, Chiều, Trưa, Tối, Đêm, Ngày, Hôm, Hôm nay, Hôm qua, Năm, Tháng, Tuần, Theo, Tại, Ở, Trong, Khi,
  Các, Những, Một, Hai, Ba, Bốn, Sau, Trước, Với, Đây, Đó, Nhưng, Tuy, Tuy nhiên, Còn, Và, Vì, Do, Nếu, Để,
  Cùng, Từ, Đến, Về, Cũng, Nhiều, Mới, Hiện, Hiện nay, Thế, Vậy, Như, Không, Chưa, Đã, Sẽ, Đang, Có, Là,
  Này, Kết, Bên, Ngoài, Trên, Dưới, Giữa, Qua, Thứ, Chủ nhật, Thứ Hai, Thứ Ba, Thứ Tư, Thứ Năm, Thứ Sáu,
  Thứ Bảy, Tết, Nguồn, Ảnh, Video, Clip, Xem, XEM, THÊM, Tin, Bài, Video:, Đọc, Mời, Chuyện, Lúc, Bởi, Nhờ,
  Riêng, Chỉ, Ông, Bà, Anh, Chị, Em, Tôi, Chúng, Họ, Ai, Gì, Ngay, Đặc, Đặc biệt, Thậm, Trước đó, Sau đó,
  Hiện tại, Lần, Thêm, Cả, Mỗi, Mọi, Tất, Toàn, Dù, Mặc, Bị, Được, Cho, Người, Đồng, Nhà, Thời, Lực, Phía,
  Dự, Điều, Việc, Cơ, Tiếp, Rất, Nhất, Cuối, Đầu, Giờ, Phút, Khoảng, Gần, Hơn, Vừa, Liệu, Nhiệm, Kỳ, Câu,
  Thực, Thực tế, Hãy, Cần, Muốn, Phải, Nên, Bạn, Mình, Chính, Sở dĩ, January, The, A, In, On, Of, And,
  I, We, It, This, That
`);

/** Last word of a foreign name that marks an organisation (`Manchester United`, `Golden State Warriors`). */
export const FOREIGN_ORG_SUFFIXES = list(`
  United, City, FC, CF, Club, Inc, Inc., Corp, Corp., Corporation, Group, Bank, Airlines, Airways, Air,
  Motors, Motor, News, Times, Post, Press, Journal, Herald, Agency, Foundation, Institute, University,
  College, Company, Co, Ltd, Holdings, Capital, Partners, Technologies, Technology, Systems, Media,
  Entertainment, Studios, Pictures, Records, Music, Electronics, Pharma, Energy, Oil, Gas, Telecom, Mobile,
  Warriors, Cavaliers, Lakers, Celtics, Bulls, Spurs, Rockets, Heat, Knicks, Pacers, Pistons, Nuggets, Raptors,
  Thunder, Clippers, Timberwolves, Nets, Bucks, Mavericks, Jazz, Pelicans, Kings, Suns, Hawks, Magic, Grizzlies,
  Hornets, Wizards, Blazers, 76ers, Sixers, Blues, Madrid, Milan,
  Juventus, Munich, München, Dortmund, Germain, Hotspur, Villa, Palace, Athletic, Sporting, Street, Town, County,
  Journal, Network, TV, Channel, Online, Daily, Today, Insider, Geographic, Images, Electric, Insurance,
  Magazine, Weekly, Review, Report, Radio, Labs, Lab, Games, Sports, Motors, Foods, Airline, Shipping, Mobil,
  Spiegel, Verge, Nation, Observer, Tribune, Gazette, Chronicle, Monitor, Insight, Research, Consulting,
  Securities, Fund, Trust, Bancorp, Financial, Ventures, Brands, Industries, Solutions, Software, Robotics
`);

/** Acronyms and capitalised tokens that are never entities (units, currencies, generic abbreviations). */
export const NON_ENTITY_TOKENS = list(`
  COVID, COVID-19, Covid, Covid-19, SARS-CoV-2, GDP, CPI, FDI, ODA, USD, VND, VNĐ, EUR, TV, PV, P.V, CP, TNHH,
  TMCP, MTV, ĐT, GT, PGS, GS, TS, ThS, BS, HLV, VĐV, CLB, BTV, MC, CEO, CFO, OK, VIP, SMS, ATM, IT, AI, PC,
  CNTT, THPT, THCS, ĐH, CĐ, KT, XH, VH, TT, NXB, BV, UBND, HĐND, TAND, VKSND, DN, HTX, KCN, BĐS, ĐBQH, TP, TX, Q, P, H, II, III, IV, VI, VII, VIII, IX, XI, XII, XIII, XIV, XV, XX, XXI, AM, PM, GMT, MB, GB,
  KB, HD, FM, AM/FM, DNA, ADN, HIV, AIDS, ICU, CT, MRI, PCR, STT, SĐT, CMND, CCCD, GPLX, NSND, NSƯT,
  BHYT, BHXH, BTC, MV, CD, DVD, ID, LED, LCD, SUV, CEO:, VAT, IPO, ROE, EPS,
  SN, HĐXX, BOT, BT, BXH, HCV, HCB, HCĐ, BKS, CSGT, HĐQT, CĐV, VCK, TW, HS, CTCP, CQĐT, GĐ, TGĐ, PGĐ,
  ĐKVĐ, NĐ-CP, QĐ, NQ, RAM, ROM, USB, HDR, CPU, GPU, SSD, HDD, OS, LTE, 4G, 3G, 5G, GPS, NFC, QR, PIN, SIM,
  WiFi, Wi-Fi, PPP, DAP, NPK, LNG, LPG, CNG, CCN, ĐTM, PCCC, TNGT, ATGT, THVN, VĐQG, U16, U19, U20, U21,
  U22, U23, SEA, GS.TS, PGS.TS, TS.BS, BSCKII, BSCKI, THPTQG, HV, SV, GV, HSSV, CBCNV, CB, CNV, NLĐ, DNNN,
  DNNVV, TTCK, CK, KL, NV, SX, KD, XK, NK, XNK, GTGT, TNDN, TNCN, UAV, MXH, KOL, PR, FB, NHM, BLV, VAR,
  ĐTQG, ĐTVN, VKS, CSĐT, TTg, NQ-CP, TT-BGDĐT, PGS-TS, CMHS, EPC, MMA, FT, NVCC, GD, MP, IPS, OLED, OIS, ROS,
  JCPOA, AIMAG, FBNV, VJC, Cty,
  JPY, GBP, CNY, RMB, KRW, RUB, CAD, AUD, CHF, SEK, SGD, THB, HKD, INR, TWD, NZD, NDT, WTI,
  R&D, VR, AR, GSM, RF, ESOP, ODI, BRT, ICOR, NSAID, ADR, BCTC, LNST, LNTT, ĐHĐCĐ, ĐHCĐ, NHTM, NSNN, KT-XH,
  XHCN, TDTT, GDCD, CTV, NTK, KTS, NS, ĐD, NTM, XDNTM, VSATTP, BLHS, BLDS, BLTTHS, MCK, BST, LTS, TVC,
  ISP, NQ-TW, CĐCS, TC, TM, QG, DV, SP, KH, PTTH, KTXH, VSV, CBCC, CBCCVC, ĐVT, TNXP, LLVT
`);

/**
 * Abbreviated domains (`GTVT` giao thông vận tải, `GD&ĐT` giáo dục và đào tạo): the name of an office after
 * its head (`Sở GTVT Hà Nội`, `Bộ NN&PTNT`), never an organisation on their own (`ngành GTVT`).
 */
export const ORG_DOMAIN_ACRONYMS = list(`
  GTVT, GD&ĐT, GD-ĐT, GDĐT, NN&PTNT, NN-PTNT, NNPTNT, TN&MT, TN-MT, TNMT, KH&ĐT, KHĐT, KH&CN, KH-CN, KHCN,
  LĐ-TB&XH, LĐTB&XH, LĐTBXH, VH-TT&DL, VHTT&DL, VHTTDL, TT&TT, TT-TT, TTTT, ATTP, PTNT, NN&MT, NN-MT
`);

/**
 * Head nouns that open an organisation name when capitalised and followed by a name (`Bộ Ngoại giao`,
 * `Công ty cổ phần Vinamilk`, `Trường THPT Chu Văn An`). Longer heads win.
 */
export const ORG_HEADS = list(`
  Bộ, Ban, Sở, Cục, Tổng cục, Viện, Học viện, Trường, Đại học, Trường Đại học, Trường Cao đẳng,
  Trường Trung cấp, Trường THPT, Trường THCS, Trường Tiểu học, Trường Mầm non, Trường Trung học phổ thông,
  Trường Trung học cơ sở, Trường PTTH, Trường PTDTNT, Trường mầm non, Trường tiểu học,
  Trường trung học cơ sở, Trường trung học phổ thông, Trường đại học, Bệnh viện, Bệnh viện Đa khoa,
  Bệnh viện đa khoa, BV, BVĐK, Trung tâm, Trung tâm Y tế, Phòng khám, Công ty, Công ty CP, Công ty cổ phần,
  Công ty TNHH, Công ty trách nhiệm hữu hạn, Tổng công ty, Tập đoàn, Ngân hàng, Ngân hàng TMCP,
  Ngân hàng thương mại cổ phần, Ủy ban, Uỷ ban, Ủy ban nhân dân, Uỷ ban nhân dân, UBND, HĐND, Hội đồng,
  Hội đồng nhân dân, Đảng bộ, Đảng ủy, Hội, Hiệp hội, Liên đoàn, Liên hiệp, CLB, Câu lạc bộ, Tòa án,
  Tòa án nhân dân, TAND, Toà án, Toà án nhân dân, Viện Kiểm sát, Viện kiểm sát, Viện kiểm sát nhân dân,
  Viện Kiểm sát nhân dân, VKSND, Công an, Phòng Cảnh sát, Phòng, Chi cục, Kho bạc, Cảng vụ, Quân khu,
  Quân đoàn, Sư đoàn, Bộ Tư lệnh, Bộ đội, Bộ Chỉ huy, Lữ đoàn, Trung đoàn, Tiểu đoàn, Văn phòng,
  Tổng Liên đoàn, Mặt trận, Ủy ban Mặt trận Tổ quốc, Thành đoàn, Tỉnh đoàn, Tỉnh ủy, Tỉnh uỷ, Thành ủy,
  Thành uỷ, Huyện ủy, Huyện uỷ, Quận ủy, Quận uỷ, Báo, Tạp chí, Đài Truyền hình, Đài Phát thanh,
  Nhà xuất bản, NXB, Nhà máy, Hãng hàng không, Hãng tin, Tổ chức, Kiểm toán, Học viện Quân y, Nhạc viện,
  Bảo hiểm, Bảo hiểm xã hội, BHXH, Cửa hàng, Siêu thị, Nhà hát, Bảo tàng, Thư viện, Tòa soạn, Ban Quản lý,
  Ban quản lý, Ban Chỉ đạo, Ban chỉ đạo, Ban Chấp hành, Ban chấp hành, Ban Tổ chức, Ban tổ chức, BTC,
  Hợp tác xã, HTX, Doanh nghiệp, DN, Cty, Tcty, Ban nhạc, Đoàn Thanh niên, Cơ quan, Đại sứ quán,
  Tổng Lãnh sự quán, Lãnh sự quán, Thanh tra, Xí nghiệp, Hạm đội, Quỹ, Thông tấn xã, Thời báo, Nhật báo,
  Quân chủng, Binh chủng, Liên minh, Công đoàn, Đoàn Luật sư, Sàn Giao dịch, Hạt Kiểm lâm,
  Đồn Biên phòng, Đảng, Đội, Đội tuyển, Trạm, Đồn, ĐH, CĐ
`);

/**
 * Words that introduce a person and are not part of the name: honorifics, kinship terms, offices,
 * ranks, professions. A following capitalised sequence is a person.
 */
export const PERSON_CUES = list(`
  ông, bà, anh, chị, em, cô, chú, bác, cụ, cháu, ngài, thầy, cậu, dì, mợ, thím, vợ, chồng, con trai,
  con gái, mẹ, bố, cha, ông bà, vợ chồng, bé, nữ sinh, nam sinh, sinh viên, học sinh, đồng chí, bạn,
  người đẹp, nàng, chàng, lão, gã, tên, đối tượng, bị cáo, nghi phạm, nạn nhân, bệnh nhân, bệnh nhi,
  sản phụ, thí sinh, cựu, tân, danh thủ, thủ tướng, phó thủ tướng, bộ trưởng, thứ trưởng, chủ tịch,
  quyền chủ tịch, quyền giám đốc, quyền bộ trưởng, quyền hiệu trưởng, quyền tổng giám đốc, quyền trưởng ban,
  quyền cục trưởng, quyền viện trưởng, quyền thủ tướng, quyền tổng thống, đồng giám đốc, đồng chủ tịch,
  đồng tác giả, đồng chủ nhiệm, đồng sở hữu,
  phó chủ tịch, tổng bí thư, bí thư, phó bí thư, chủ nhiệm, phó chủ nhiệm, tổng thống, phó tổng thống,
  thủ tướng chính phủ, chủ tịch nước, chủ tịch quốc hội, quốc vương, vua, hoàng tử, công chúa, nữ hoàng,
  giáo hoàng, giám đốc, phó giám đốc, tổng giám đốc, phó tổng giám đốc, trưởng phòng, phó trưởng phòng,
  trưởng ban, phó trưởng ban, trưởng khoa, viện trưởng, phó viện trưởng, cục trưởng, phó cục trưởng,
  vụ trưởng, phó vụ trưởng, chánh án, chánh văn phòng, hiệu trưởng, phó hiệu trưởng, hiệu phó,
  trưởng công an, trưởng thôn, trưởng bản, tổng thư ký, thư ký, người phát ngôn, phát ngôn viên, đại sứ,
  thống đốc, phó thống đốc, thị trưởng, ngoại trưởng, chủ tịch hđqt, chủ tịch hội đồng quản trị, ceo,
  nhà sáng lập, đồng sáng lập, tổng biên tập, phó tổng biên tập, trưởng đoàn, đại biểu, đại diện,
  chủ đầu tư, kiểm sát viên, điều tra viên, thẩm phán, trung tướng, thiếu tướng, thượng tướng, đại tướng,
  đại tá, thượng tá, trung tá, thiếu tá, đại úy, thượng úy, trung úy, thiếu úy, binh nhì, chiến sĩ, cán bộ,
  trợ lý, tiến sĩ, thạc sĩ, giáo sư, phó giáo sư, bác sĩ, bác sỹ, dược sĩ, kỹ sư, luật sư, nhà báo,
  phóng viên, biên tập viên, nhà văn, nhà thơ, nhạc sĩ, ca sĩ, nghệ sĩ, diễn viên, đạo diễn, người mẫu,
  hoa hậu, á hậu, nam vương, danh ca, nữ ca sĩ, nam ca sĩ, nữ diễn viên, nam diễn viên, nghệ sĩ ưu tú,
  nghệ sĩ nhân dân, nsưt, nsnd, mc, nhà thiết kế, nhiếp ảnh gia, họa sĩ, nhà khoa học, nhà nghiên cứu,
  chuyên gia, doanh nhân, tỷ phú, đại gia, ts, ths, pgs, gs, bs, ls, ks, pgs.ts, gs.ts, ts.bs, bsckii,
  bscki, hlv, huấn luyện viên, trợ lý hlv, cầu thủ, tiền đạo, tiền vệ, hậu vệ, thủ môn, trung vệ,
  đội trưởng, thủ quân, võ sĩ, tay vợt, vận động viên, vđv, tay đua, kỳ thủ, golfer, ngôi sao, siêu sao,
  sao, ngoại binh, tân binh, nhà vô địch, cựu thủ tướng, cựu tổng thống, cựu chủ tịch, ứng viên,
  thượng nghị sĩ, hạ nghị sĩ, nghị sĩ, thủ lĩnh, lãnh đạo, trùm, tướng, linh mục, hòa thượng, thượng tọa,
  đại đức, ni sư, sư thầy, nhà sư, mục sư, kts, kiến trúc sư, ntk, ns, nsư, đd, nghệ nhân, ctv,
  cộng tác viên, dj, p.gs.ts, gs.ts.ngnd, ngnd, ngưt, pgs.ts.bs, ths.bs, bs.ckii, bs.cki, dr, mr, mrs, ms,
  đầu bếp, tác giả, nhà sản xuất, biên kịch, giáo viên, cô giáo, thầy giáo, y tá, điều dưỡng, võ sư, ông chủ,
  bà chủ, nhà làm phim, nhà soạn nhạc, nhà thiết kế thời trang, vận động viên
`);

/** Prepositions after which an unknown capitalised name is most likely a place. */
export const PLACE_PREPOSITIONS = list(`
  tại, ở, đến, tới, từ, về, sang, qua, khắp, vào, ra, trú, ngụ, quê
`);

/** Organisations whose name is a common word when capitalised on its own (`Quốc hội`, `Chính phủ`). */
export const STANDALONE_ORGS = list(`
  Bộ Chính trị, Ban Bí thư, Liên Hợp Quốc, Liên hợp quốc, Liên Hiệp Quốc, LHQ, Mặt trận Tổ quốc,
  Mặt trận Tổ quốc Việt Nam, Nhà Trắng, Điện Kremlin, Lầu Năm Góc, Quốc hội Mỹ, Cảnh sát biển,
  Bộ đội Biên phòng, Tòa Bạch Ốc, Ngân hàng Nhà nước, Ngân hàng Thế giới, Quỹ Tiền tệ Quốc tế,
  Tổ chức Y tế Thế giới, Tổ chức Y tế thế giới, Liên minh châu Âu, Liên minh Châu Âu, Văn phòng Chính phủ,
  Kiểm toán Nhà nước, Thanh tra Chính phủ, Đoàn Thanh niên, Hội đồng Bảo an, Hội đồng Bảo an Liên Hợp Quốc,
  Hội đồng Bảo an Liên hợp quốc, Đại hội đồng Liên Hợp Quốc, Nhà nước Hồi giáo, Taliban, Hamas, Hezbollah,
  Al-Qaeda, Hồi giáo, Phật giáo, Công giáo, Thiên Chúa giáo, Cơ đốc giáo, Tin Lành, Do Thái giáo, Hindu giáo,
  Vietnam Airlines, Vietjet Air, Jetstar Pacific, Bamboo Airways, Bộ Nông nghiệp và Phát triển nông thôn,
  Bộ Nông nghiệp và Phát triển Nông thôn, Bộ Nông nghiệp và Môi trường, Bộ Tài nguyên và Môi trường,
  Bộ Giáo dục và Đào tạo, Bộ Văn hóa, Thể thao và Du lịch, Bộ Văn hoá, Thể thao và Du lịch,
  Bộ Lao động - Thương binh và Xã hội, Bộ Lao động Thương binh và Xã hội, Bộ Thông tin và Truyền thông,
  Bộ Khoa học và Công nghệ, Bộ Kế hoạch và Đầu tư, Bộ Giao thông vận tải, Bộ Giao thông Vận tải, Bộ Công Thương,
  Bộ Công thương, Bộ Quốc phòng, Bộ Công an, Bộ Ngoại giao, Bộ Tư pháp, Bộ Tài chính, Bộ Y tế, Bộ Nội vụ,
  Bộ Xây dựng, Bộ Dân tộc và Tôn giáo, Bộ GD&ĐT, Bộ GD-ĐT, Bộ GTVT, Bộ KH&ĐT, Bộ TN&MT, Bộ NN&PTNT, Bộ LĐ-TB&XH,
  Bộ VH-TT&DL, Bộ TT&TT, Bộ KH&CN
`);

/**
 * Hand-written Vietnamese lexicons for the entity tagger (newsdrop, no corpus data). Entries are
 * written as they usually appear; the tagger compares them by `nameKey` (lower case, NFC, one tone placement).
 */

/** Common Vietnamese surnames (họ), including variant spellings. */
export const SURNAMES = list(`
  Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý, Lí, Đào, Đoàn,
  Vương, Trịnh, Trương, Lâm, Phùng, Mai, Tô, Hà, Tạ, Lương, Lưu, Cao, Đinh, Đàm, Chu, Châu, Quách, Thái,
  Tăng, La, Kiều, Lại, Triệu, Tống, Văn, Doãn, Khúc, Mạc, Nghiêm, Phí, Quan, Tiêu, Từ, Vi, Thân, Lò, Lục,
  Mạnh, Nông, Ông, Thạch, Tôn, Lã, Lữ, Khổng, Cù, Hứa, Giang, Kim, Âu, Diệp, Đồng, Giáp, Hầu, Khương,
  Khuất, Luyện, Mẫn, Ninh, Quang, Sầm, Tào, Thiều, Trình, Ứng, Vòng, Viên, Đường, Bạch, Bế, Đậu, Hàn, Hoa,
  Lạc, Nhâm, Trang, Ôn, Yên, Đông, Lỗ, Bành, Chế, Công, Hoàng Phủ, Tôn Nữ, Tôn Thất,
  Chung, Hoắc, Giả, Tịch, Thẩm, Tưởng, Tần, Diêu, Tiết, Trác, Ân, Ngụy, Mao, Hồng, Uông
`);

/**
 * Korean and Chinese (pinyin) surnames as Vietnamese news writes them: a run of two or three short
 * capitalised syllables after one is a person (`Song Joong Ki`, `Park Bo Gum`, `Wang Yi`).
 */
export const EAST_ASIAN_SURNAMES = list(`
  Park, Lee, Choi, Jung, Jeong, Jang, Kang, Cho, Jo, Yoon, Yun, Lim, Oh, Seo, Shin, Kwon, Hwang, Ahn, Song,
  Ryu, Yoo, Jeon, Ko, Moon, Son, Bae, Baek, Heo, Noh, Kwak, Ku, Byun, Cha, Uhm, Yeo, Chae, Ji, Go, Min, Han, Ri,
  Wang, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Zhu, Hu, Guo, Lin, Gao, Luo, Zheng, Xie,
  Xi, Tang, Deng, Feng, Cao, Peng, Zeng, Xiao, Tian, Dong, Pan, Yuan, Cai, Jiang, Yu, Du, Ye, Cheng, Wei,
  Su, Lu, Ding, Ren, Shen, Yao, Cui, Zhong, Tan, Fan, Qiu, Qin, Shi, Liao, Zou, Xiong, Hao, Kong, Bai
`);

/** Products, platforms, competitions and technologies: capitalised, but not organisations, persons or places. */
export const NON_ENTITY_NAMES = list(`
  Internet, Android, iOS, Windows, Facebook, Twitter, YouTube, Youtube, Instagram, TikTok, Zalo, Messenger,
  WhatsApp, Viber, Telegram, Skype, Gmail, Google Maps, iPhone, iPad, MacBook, Galaxy, Bitcoin, Ethereum,
  Blockchain, Wikipedia, Kpop, K-pop, Vpop, V-pop, Premier League, Champions League, Europa League, La Liga,
  Serie A, Bundesliga, Ligue 1, V-League, V.League, World Cup, Euro, SEA Games, Asiad, Olympic, Olympics,
  AFF Cup, AFF Suzuki Cup, Grand Slam, Australian Open, US Open, Wimbledon, Roland Garros, Tết, Noel,
  Giáng sinh, Phật, Chúa, Thiên Chúa, Mặt Trời, Mặt Trăng, Full, HD, Home, Face, Awards, Plus, Pro, Max,
  Mini, Lite, Ultra, Edition, Series, Online, League Cup, FA Cup, Carabao Cup, Asian Cup, AFC Asian Cup,
  Nations League, Club World Cup, Copa America, Copa del Rey, Coppa Italia, Community Shield, Super Cup,
  Thu Đông, Đông Xuân, Hè Thu
`).concat(lunarYears());

/** Years of the sexagenary cycle (`Bính Ngọ`, `Canh Tý`): dates, though shaped like a person's name. */
function lunarYears(): string[] {
  const stems = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
  const branches = [
    'Tý',
    'Sửu',
    'Dần',
    'Mão',
    'Thìn',
    'Tỵ',
    'Tị',
    'Ngọ',
    'Mùi',
    'Thân',
    'Dậu',
    'Tuất',
    'Hợi',
  ];
  return stems.flatMap((stem) => branches.map((branch) => `${stem} ${branch}`));
}

/** Words before a country that make it a nationality or language, not a place (`người Pháp`, `tiếng Anh`). */
export const NATIONALITY_CUES = list(`
  người, tiếng, gốc, chữ, kiểu, quốc tịch, dân, giọng, món, hàng
`);

/** Lower-case head nouns that still open an organisation name (`công ty BSC`, `báo Lao Động`). */
export const LOWER_ORG_HEADS = list(`
  công ty, công ty cổ phần, công ty tnhh, tổng công ty, tập đoàn, nhà máy, bệnh viện, đại học, học viện,
  câu lạc bộ, clb, công an, ủy ban nhân dân, uỷ ban nhân dân, tòa án nhân dân, viện kiểm sát nhân dân,
  siêu thị, nhà xuất bản, ban nhạc, nhóm nhạc, phòng giao dịch, trường đại học, trường thpt, trường thcs,
  trường tiểu học, trường mầm non, trường trung học phổ thông, trường trung học cơ sở, trường cao đẳng
`);

/**
 * Well-known organisations that news names in one word (hand-written, general knowledge): a lone
 * capitalised foreign word is otherwise ambiguous between an organisation and a person.
 */
export const KNOWN_ORGS = list(`
  Apple, Google, Microsoft, Amazon, Samsung, Sony, LG, Huawei, Xiaomi, Oppo, Vivo, Nokia, Intel, Qualcomm,
  Nvidia, AMD, IBM, Tesla, Toyota, Honda, Hyundai, Kia, Ford, BMW, Mercedes, Audi, Volkswagen, Boeing, Airbus,
  Uber, Grab, Meta, Alibaba, Tencent, Baidu, Netflix, Disney, Nike, Adidas, Unilever, Nestlé, Heineken,
  Sabeco, Habeco, Vinamilk, Vingroup, Viettel, VNPT, MobiFone, Vinaphone, FPT, Masan, Hòa Phát, Techcombank,
  Vietcombank, VietinBank, BIDV, Agribank, Sacombank, VPBank, MBBank, ACB, SHB, OceanBank, Petrolimex, PVN,
  EVN, Vinachem, Vietlott, Reuters, AFP, AP, Bloomberg, CNN, BBC, Xinhua, Tân Hoa Xã, Sputnik, TASS, RT,
  Yonhap, Kyodo, NHK, Telegraph, Guardian, Forbes, CNBC, Marca, ESPN, Chelsea, Arsenal, Liverpool,
  Tottenham, Everton, Barcelona, Barca, Juventus, Inter, PSG, Bayern, MU, M.U, Man Utd, Man United, Man City,
  Real, Atletico, Monaco, Ajax, Porto, Benfica, Celtic, Napoli, Roma, Lazio, NATO, OPEC, FIFA, UEFA, AFC,
  IOC, NBA, UFC, IMF, WB, ADB, WTO, WHO, UNESCO, UNICEF, ASEAN, APEC, EU, G7, G20, Interpol, Pentagon, Kremlin,
  Vatican, Thanh Niên, Tuổi Trẻ, Dân Trí, Dân Việt, VnExpress, Vietnamnet, VietNamNet, Zing, Zing News, Tiền Phong,
  Lao Động, Người Lao Động, Pháp Luật TP.HCM, Thể thao Việt Nam, Thể Thao Việt Nam, Vietnam+, VietnamPlus, VTV,
  VTC, VOV, TTXVN, Nhân Dân, Quân đội Nhân dân, Công an Nhân dân, An ninh Thủ đô, Hà Nội Mới, Sài Gòn Giải Phóng,
  Đất Việt, Kênh 14, Kenh14, Soha, Infonet, Một Thế Giới, CafeF, CafeBiz, Người Đưa Tin, Giáo dục Việt Nam,
  Tri thức trẻ, Dân Sinh, Ngôi sao, Nikkei, Sky Sports, Daily Mail, Daily Star, The Sun, Mirror, Le Monde,
  Becamex Bình Dương, Sông Lam Nghệ An, SLNA, Than Quảng Ninh, SHB Đà Nẵng, Hoàng Anh Gia Lai, FLC Thanh Hóa,
  XSKT Cần Thơ, Hà Nội FC, Sài Gòn FC, Viettel FC, HDBank, VietinBank, Vietinbank, LienVietPostBank, TPBank,
  Eximbank, SeABank, VIB, HSBC, Standard Chartered, Citibank, New York Times, Wall Street Journal, Washington Post,
  The Lancet, Independent, Time, Dân trí, Nhà nước Hồi giáo,
  Dell, HP, Lenovo, Asus, Acer, Oracle, Cisco, Adobe, SAP, Siemens, Philips, Panasonic, Toshiba, Canon, Nikon,
  Fujitsu, Hitachi, BlackBerry, Motorola, Alphabet, Spotify, Airbnb, PayPal, Visa, Mastercard, eBay, OpenAI,
  SpaceX, Nasdaq, NYSE, Starbucks, McDonald's, KFC, Coca-Cola, Pepsi, PepsiCo, Walmart, Costco, Ikea, Zara,
  Uniqlo, Chanel, Gucci, Louis Vuitton, Dior, Prada, L'Oreal, L’Oreal, Shell, ExxonMobil, Chevron, Gazprom,
  Rosneft, Aramco, Volvo, Nissan, Mazda, Mitsubishi, Suzuki, Yamaha, Porsche, Ferrari, Lamborghini, Rolls-Royce,
  VinFast, Vinfast, Vietjet, Vietjet Air, Vietnam Airlines, Bamboo Airways, Jetstar Pacific, Thaco, Vietravel,
  Saigontourist, Moody's, Fitch, Goldman Sachs, JPMorgan, Morgan Stanley, Citigroup, Deutsche Bank, UBS,
  Credit Suisse, Barclays, Fed, ECB, WWF, Greenpeace, Hamas, Hezbollah, Taliban, al-Qaeda, Al-Qaeda, ISIS,
  Real Madrid, Atletico Madrid, Sevilla, Villarreal, Betis, Getafe, Eibar, Espanyol, Alaves, Alavés, Celta Vigo,
  Girona, Leganes, Levante, Athletic Bilbao, Leicester, Southampton, Burnley, Watford, West Ham, Crystal Palace,
  Newcastle, Brighton, Huddersfield, Swansea, Bournemouth, Aston Villa, AC Milan, Fiorentina, Atalanta,
  Sampdoria, Dortmund, Schalke, Leverkusen, RB Leipzig, Marseille, VOA, NPR, Al Jazeera, Fox News, FoxNews,
  The Huffington Post, Huffington Post, Eurostat, Gartner, Xinhua, Nasa, NASA, Valve, Rovio, Waymo
`);

/** Well-known persons that news names by one name (hand-written, general knowledge). */
export const KNOWN_PERSONS = list(`
  Trump, Obama, Biden, Putin, Merkel, Macron, Tập Cận Bình, Kim Jong-un, Abe, Duterte, Erdogan, Netanyahu,
  Assad, Zelensky, Hillary, Clinton, Bush, Messi, Ronaldo, Neymar, Mbappe, Zidane, Mourinho, Guardiola, Klopp,
  Conte, Wenger, Benzema, Bale, Pogba, Salah, Kane, Hazard, Aguero, Sterling, Lukaku, Suarez, Griezmann,
  Modric, Ramos, Pique, Iniesta, Xavi, Rooney, Beckham, Federer, Nadal, Djokovic, Murray, Serena, LeBron,
  Curry, Durant, Elon Musk, Musk, Zuckerberg, Bezos, Gates, Park Hang-seo, Mahathir, Jokowi, Hun Sen, Modi
`);

/**
 * What an office or association is in charge of, as its official name spells it after the head word:
 * `Sở Nông nghiệp và Phát triển nông thôn`, `Cục Cảnh sát giao thông`, `Hội Kiến trúc sư Việt Nam`. Only
 * the first word is capitalised, so without the list the name would stop at the first lower-case
 * syllables it cannot tell from the verb after the name. General knowledge: the domains of ministries and
 * their provincial departments, police departments, and the national mass associations.
 */
export const ORG_DOMAINS = list(`
  Nông nghiệp và Phát triển nông thôn, Nông nghiệp và Môi trường, Tài nguyên và Môi trường,
  Giáo dục và Đào tạo, Thông tin và Truyền thông, Kế hoạch và Đầu tư, Khoa học và Công nghệ,
  Giao thông vận tải, Giao thông công chính, Văn hóa và Thể thao, Văn hoá và Thể thao,
  Văn hóa Thể thao và Du lịch, Văn hoá Thể thao và Du lịch, Lao động Thương binh và Xã hội,
  Dân tộc và Tôn giáo, Quy hoạch kiến trúc, Quy hoạch và Kiến trúc, Tài chính, Xây dựng, Tư pháp,
  Nội vụ, Ngoại vụ, Công Thương, Quốc phòng, Ngoại giao, Y tế, Du lịch,
  Cảnh sát giao thông, Cảnh sát điều tra, Cảnh sát hình sự, Cảnh sát kinh tế, Cảnh sát môi trường,
  Cảnh sát cơ động, Cảnh sát phòng cháy chữa cháy, Cảnh sát phòng cháy chữa cháy và cứu nạn cứu hộ,
  Cảnh sát quản lý hành chính về trật tự xã hội, Cảnh sát điều tra tội phạm về ma túy,
  Cảnh sát điều tra tội phạm về tham nhũng, Cảnh sát đường thủy, Quản lý thị trường,
  Kiến trúc sư, Nhà báo, Nhà văn, Luật gia, Nông dân, Cựu chiến binh, Liên hiệp Phụ nữ,
  Liên hiệp phụ nữ, Chữ thập đỏ, Người cao tuổi, Khuyến học, Doanh nhân trẻ, Sinh viên, Thanh niên
`);
