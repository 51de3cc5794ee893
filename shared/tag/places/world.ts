/**
 * Countries, regions and world cities as Vietnamese news writes them (exonyms first), hand-written for
 * newsdrop. Each line is one place: its aliases separated by `|`; the first is not privileged (names are
 * output as written in the article).
 *
 * The tagger loads these lists built into shared/tag/data/place-index.generated.json: after editing them, run
 * `npx tsx shared/tag/build/place-index.ts` and `npx tsx shared/build/pack-data.ts` (test/tag/place-index.test.ts
 * fails until then).
 */
export const WORLD_PLACES = `
Việt Nam|VN|Vietnam|Viet Nam
Mỹ|Hoa Kỳ|Hợp chúng quốc Hoa Kỳ|USA|United States|Hoa Kì
Trung Quốc|TQ|Trung Hoa|China
Nhật Bản|Nhật|Japan
Hàn Quốc|Hàn|Nam Hàn|Korea
Triều Tiên|Bắc Triều Tiên|CHDCND Triều Tiên|Bình Nhưỡng
Pháp|France
Anh|Vương quốc Anh|UK|Anh Quốc|England
Đức|Germany
Nga|Liên bang Nga|Russia
Lào|Laos
Campuchia|Cam-pu-chia|Cambodia
Thái Lan|Thailand
Malaysia|Ma-lai-xi-a
Singapore|Xin-ga-po|Xingapo
Indonesia|In-đô-nê-xi-a|Inđônêxia
Philippines|Philippin|Phi-líp-pin|Philipines
Myanmar|Mi-an-ma
Brunei|Bru-nây
Đông Timor|Timor-Leste|Timor Leste|Đông Ti-mo
Ấn Độ|India
Pakistan
Bangladesh
Sri Lanka
Nepal
Afghanistan
Iran
Iraq|I-rắc
Syria|Xy-ri
Israel|I-xra-en
Palestine|Palestin
Ả Rập Xê Út|Saudi Arabia|Ả-rập Xê-út|Arab Saudi
UAE|Các Tiểu vương quốc Ả Rập Thống nhất
Qatar
Kuwait
Jordan
Lebanon|Li-băng
Yemen
Oman
Thổ Nhĩ Kỳ|Turkey
Ai Cập|Egypt
Libya
Nam Phi
Nigeria
Kenya
Ethiopia
Maroc|Morocco
Algeria
Tunisia
Senegal
Ghana
Cameroon
Bờ Biển Ngà
Ý|Italy|Italia
Tây Ban Nha|Spain
Bồ Đào Nha|Portugal
Hà Lan|Netherlands
La Hay|The Hague
Đông Đức
Tây Đức
Bỉ|Belgium
Thụy Sĩ|Thuỵ Sĩ|Switzerland
Thụy Điển|Thuỵ Điển|Sweden
Na Uy|Norway
Đan Mạch|Denmark
Phần Lan|Finland
Áo|Austria
Ba Lan|Poland
Séc|CH Séc|Cộng hòa Séc|Czech|CH Czech|Cộng hòa Czech
Slovakia
Hungary
Romania|Rumani
Bulgaria
Hy Lạp|Greece
Ukraine|Ucraina|Ukraina
Belarus
Serbia
Croatia
Ireland|Ai Len|Ai-len
Scotland
Iceland
Estonia
Latvia
Litva|Lithuania
Gruzia|Georgia
Armenia
Azerbaijan
Kazakhstan
Uzbekistan
Mông Cổ|Mongolia
Đài Loan|Taiwan
Hồng Kông|Hong Kong|Hongkong
Ma Cao|Macau
Canada
Mexico|Mê-hi-cô
Cuba
Brazil|Braxin
Argentina|Ác-hen-ti-na
Chile
Colombia
Peru
Venezuela
Uruguay
Paraguay
Ecuador
Bolivia
Úc|Australia|Ô-xtrây-li-a
New Zealand|Niu Di-lân
Châu Á|châu Á
Châu Âu|châu Âu
Châu Phi|châu Phi
Châu Mỹ|châu Mỹ
Châu Đại Dương|châu Đại Dương
Mỹ Latinh|Mỹ La-tinh
Bắc Mỹ
Nam Mỹ
Trung Đông
Đông Nam Á
Đông Á
Nam Á
Trung Á
Tây Âu
Đông Âu
Bắc Âu
Châu Á - Thái Bình Dương|châu Á - Thái Bình Dương|Châu Á-Thái Bình Dương
Thái Bình Dương
Đại Tây Dương
Ấn Độ Dương
Bắc Cực
Nam Cực
Biển Đông
Hoàng Sa
Trường Sa
Vịnh Bắc Bộ
Biển Hoa Đông
Bán đảo Triều Tiên|bán đảo Triều Tiên
Crimea
Đông Dương
Phương Tây|phương Tây
Phương Đông|phương Đông
Trái Đất|Trái đất|trái đất
Liên Xô
La Mã
Thăng Long
Đông Đô
Tây Nguyên
Nam Bộ
Bắc Bộ
Trung Bộ
Tây Bắc
Đông Bắc
Tây Nam Bộ
Đông Nam Bộ
Miền Tây|miền Tây
Miền Trung|miền Trung
Miền Bắc|miền Bắc
Miền Nam|miền Nam
ĐBSCL|Đồng bằng sông Cửu Long|đồng bằng sông Cửu Long
Đồng bằng sông Hồng|đồng bằng sông Hồng
Manchester
Liverpool
Munich
Washington
New York
Los Angeles
San Francisco
Chicago
Houston
Boston
Seattle
Las Vegas
Miami
Texas
California
Florida
Hawaii
Alaska
Virginia
Ohio
Michigan
Bắc Kinh|Beijing
Thượng Hải|Shanghai
Quảng Châu
Thâm Quyến
Hàng Châu
Vũ Hán
Trùng Khánh
Thiên Tân
Quảng Tây
Quảng Đông
Vân Nam
Tân Cương
Tây Tạng
Hải Nam
Tokyo
Osaka
Kyoto
Fukushima
Hokkaido
Okinawa
Seoul
Busan
Paris
London
Berlin
Moscow|Mát-xcơ-va|Matxcơva
Rome|Roma
Milan
Madrid
Barcelona
Lisbon
Amsterdam
Brussels
Geneva|Genève
Zurich
Vienna
Stockholm
Oslo
Copenhagen
Helsinki
Warsaw|Vác-sa-va
Prague
Budapest
Athens
Kiev|Kyiv|Kiev
Istanbul
Ankara
Jerusalem
Tel Aviv
Gaza|Dải Gaza
Bờ Tây
Tehran
Baghdad
Damascus
Riyadh
Dubai
Doha
Cairo
New Delhi
Mumbai
Bangkok
Phnom Penh|Phnôm Pênh
Vientiane|Viêng Chăn
Kuala Lumpur
Jakarta
Bali
Manila
Yangon
Naypyidaw
Sydney
Melbourne
Canberra
Toronto
Vancouver
Ottawa
Rio de Janeiro
Sao Paulo
Buenos Aires
Havana|La Habana
Đài Bắc
Pattaya
Phuket
Siem Reap|Xiêm Riệp
Luang Prabang|Luông Pha Băng
Kim Biên
Sài Gòn|Saigon
Slovenia
Slovakia
Bosnia
Montenegro
Macedonia
Albania
Moldova
Kosovo
Cyprus|Síp
Malta
Luxembourg
Monaco
Haiti
Jamaica
Honduras
Guatemala
Panama
Costa Rica
Nicaragua
El Salvador
Dominica
Puerto Rico
Caribe|Caribbean
Turkmenistan
Tajikistan
Kyrgyzstan
Angola
Liberia
Sierra Leone
Rwanda
Congo
Uganda
Tanzania
Zimbabwe
Zambia
Botswana
Namibia
Mozambique
Madagascar
Somalia
Sudan
Nam Sudan
Mali
Niger
Chad
Maldives
Bhutan
Fiji
Papua New Guinea
Guam
Greenland
Scotland|Xcốt-len
Wales|Xứ Wales
Bắc Ireland
Catalonia|Catalunya
Andalusia
Bavaria
Siberia
Kashmir
Himalaya|Hymalaya
Alps|dãy Alps
Sahara
Amazon
Địa Trung Hải
Biển Đen
Biển Baltic
Vùng Vịnh
Idlib
Aleppo
Mosul
Raqqa
Deir ez-Zor
Hama
Homs
Kabul
Islamabad
Karachi
Dhaka
Kathmandu
Colombo
Kolkata
Bangalore
Jaipur
Goa
Ulan Bator|Ulaanbaatar
Astana
Tashkent
Almaty
Minsk
Riga
Tallinn
Vilnius
Bucharest
Sofia
Belgrade
Zagreb
Ljubljana
Bratislava
Dublin
Edinburgh
Manchester
Birmingham
Leeds
Bristol
Cambridge
Oxford
Glasgow
Lyon
Marseille
Nice
Cannes
Bordeaux
Hamburg
Frankfurt
Cologne|Köln
Dortmund
Stuttgart
Salzburg
Florence|Firenze
Venice|Venezia
Naples|Napoli
Turin|Torino
Seville|Sevilla
Valencia
Porto
Saint Petersburg|St Petersburg
Vladivostok
Sochi
Kazan
Osaka
Nagoya
Yokohama
Hiroshima
Nagasaki
Incheon
Jeju
Pyeongchang
Quảng Tây
Hồ Nam
Hồ Bắc
Tứ Xuyên
Sơn Đông
Phúc Kiến
Chiết Giang
Giang Tô
Hà Bắc
Cát Lâm
Hắc Long Giang
Nội Mông
Thanh Đảo|Qingdao
Nam Kinh
Tây An
Thành Đô
Côn Minh
Nam Ninh
Hạ Môn
Đại Liên
Shenzhen
Guangzhou
Hangzhou
Macao
Singapore City
Chiang Mai
Hat Yai
Penang
Sabah
Sarawak
Mindanao
Cebu
Davao
Surabaya
Yogyakarta
Sumatra
Borneo
Java
Perth
Brisbane
Adelaide
Queensland
Auckland
Wellington
Montreal
Quebec
Alberta
Ontario
British Columbia
Mexico City
Havana
Lima
Bogota
Caracas
Santiago
Brasilia
Johannesburg
Cape Town
Nairobi
Lagos
Casablanca
Tunis
Algiers
Tripoli
Khartoum
Addis Ababa
Atlanta
Dallas
Denver
Detroit
Cleveland
Philadelphia
Pittsburgh
Phoenix
San Diego
San Jose
San Antonio
Sacramento
Portland
Minneapolis
Milwaukee
Memphis
Nashville
New Orleans
Orlando
Tampa
Baltimore
Brooklyn
Manhattan
Hollywood
Silicon Valley|Thung lũng Silicon
Wall Street
Oklahoma
Utah
Nevada
Arizona
Colorado
Georgia
Indiana
Illinois
Minnesota
Missouri
Kentucky
Tennessee
Alabama
Louisiana
Oregon
Massachusetts
Connecticut
New Jersey
Pennsylvania
Maryland
North Carolina
South Carolina
Wisconsin
Iowa
Kansas
Nebraska
Montana
Idaho
Wyoming
Toronto
Cupertino
`;

/** Aliases of Vietnamese provinces (2025 code) that the admin-unit lists do not carry. */
export const PROVINCE_ALIASES: Record<string, string> = {
  'TP.HCM': '79',
  TPHCM: '79',
  'TP HCM': '79',
  'TP. HCM': '79',
  'Tp.HCM': '79',
  HCM: '79',
  'TP.Hồ Chí Minh': '79',
  'Sài Gòn': '79',
  Saigon: '79',
  'Sài Thành': '79',
  HN: '01',
  Hanoi: '01',
  'Ha Noi': '01',
  'Thủ đô Hà Nội': '01',
  'Đà Nẵng': '48',
  Danang: '48',
  'Da Nang': '48',
  Huế: '46',
  'Thừa Thiên - Huế': '46',
  'Thừa Thiên-Huế': '46',
  'Thừa Thiên Huế': '46',
  'TT-Huế': '46',
  'Bà Rịa-Vũng Tàu': '79',
  'BR-VT': '79',
  'Vũng Tàu': '79',
  'Đắc Lắc': '66',
  Daklak: '66',
  'Đắk Lắc': '66',
  'Đăk Lăk': '66',
  'Đắk Nông': '68',
  'Đăk Nông': '68',
  'Kon Tum': '51',
  Kontum: '51',
  'Hòa Bình': '25',
  'Thanh Hoá': '38',
  'Hải Phòng': '31',
  'Cần Thơ': '92',
  'Hà Tây': '01',
};

/**
 * Well-known towns and former districts whose names the 2025 commune list no longer carries as such
 * (split or renamed wards), with their 2025 province code.
 */
export const LOCAL_PLACES: Record<string, string> = {
  'Đà Lạt': '68',
  'Bảo Lộc': '68',
  'Biên Hòa': '75',
  'Buôn Ma Thuột': '66',
  'Buôn Mê Thuột': '66',
  Pleiku: '52',
  'Hạ Long': '22',
  'Móng Cái': '22',
  'Sa Pa': '15',
  Sapa: '15',
  'Phú Quốc': '91',
  'Hội An': '48',
  'Rạch Giá': '91',
  'Long Xuyên': '91',
  'Mỹ Tho': '82',
  'Thủ Đức': '79',
  'Cần Giờ': '79',
  'Củ Chi': '79',
  'Côn Đảo': '79',
  'Tuy Hòa': '66',
  'Quy Nhơn': '52',
  Vinh: '40',
  'Đồng Hới': '44',
  'Đông Hà': '44',
  'Tam Kỳ': '48',
  'Kon Tum': '51',
  'Sầm Sơn': '38',
  'Cửa Lò': '40',
  'Mỹ Đình': '01',
  'Cầu Giấy': '01',
  'Hoàn Kiếm': '01',
  'Hồ Tây': '01',
  'Hồ Gươm': '01',
  'Hồ Hoàn Kiếm': '01',
  'Ba Đình': '01',
  'Đống Đa': '01',
  'Hai Bà Trưng': '01',
  'Hà Đông': '01',
  'Sơn Tây': '01',
  'Gò Vấp': '79',
  'Bình Thạnh': '79',
  'Tân Bình': '79',
  'Phú Nhuận': '79',
};
