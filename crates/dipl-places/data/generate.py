#!/usr/bin/env python3
"""Generate crates/dipl-places/data/places.tsv (Python standard library only).

Inputs (unpacked npm tarballs of the Unicode CLDR JSON packages, and the tz `zone.tab`):

    cd /tmp/places-cldr
    for p in cldr-localenames-full cldr-dates-full cldr-bcp47; do
        npm pack $p && mkdir -p $p && tar xzf $p-*.tgz -C $p --strip-components=1
    done
    python3 crates/dipl-places/data/generate.py \
        --cldr /tmp/places-cldr --zone-tab /usr/share/zoneinfo/zone.tab \
        > crates/dipl-places/data/places.tsv

Output rows: `name<TAB>kind<TAB>ISO3`, `name` already normalised exactly as the Rust side
normalises text (see `norm`), `kind` one of `country`, `region`, `city`, `abbr`, `code`.
The same name may have several rows for different countries: the matcher treats such a name
as ambiguous (for instance "georgia": the country GEO and the US state).
"""

import argparse
import json
import os
import re
import sys
import unicodedata

LOCALES = [
    "en", "ru", "kk", "ky", "uz", "uz-Cyrl", "tg", "tk", "de", "fr", "es", "it", "pt",
    "zh", "zh-Hant", "ja", "ko", "ar", "fa", "hi", "tr", "az", "uk", "pl", "mn",
]

# Kinds, strongest first (the Rust side ranks them the same way).
KIND_RANK = {"country": 0, "abbr": 1, "code": 2, "region": 3, "statecode": 4, "city": 5}

# Time zones whose exemplar city is a common word, a person's name, a tiny place that shares
# its name with a better-known one elsewhere, or a research station.
EXCLUDED_ZONES = {
    "America/North_Dakota/Center", "America/North_Dakota/New_Salem",
    "America/North_Dakota/Beulah", "America/Indiana/Knox", "America/Indiana/Marengo",
    "America/Indiana/Petersburg", "America/Indiana/Vincennes", "America/Indiana/Winamac",
    "America/Indiana/Vevay", "America/Indiana/Tell_City", "America/Kentucky/Monticello",
    "Pacific/Easter", "Pacific/Wake", "Pacific/Midway", "Pacific/Johnston", "Indian/Christmas",
    "America/Resolute", "America/Nome", "Pacific/Chatham", "Pacific/Norfolk", "Pacific/Wallis",
    "Asia/Oral", "America/Argentina/San_Juan", "America/Argentina/San_Luis",
    "America/Argentina/La_Rioja", "America/Argentina/Cordoba", "America/Cordoba",
    "America/Merida", "America/Argentina/Salta", "America/Dawson", "America/Cayenne",
    "America/Santa_Isabel", "America/Creston", "America/Swift_Current", "America/Regina",
    "Australia/Lindeman", "Australia/Currie", "America/Atikokan", "America/Montreal",
    "America/Coral_Harbour", "America/Thule", "America/Glace_Bay", "America/Metlakatla",
    "America/Menominee", "Europe/Busingen", "Atlantic/Stanley", "America/Bahia",
    "Atlantic/South_Georgia", "America/Fort_Nelson", "America/Ojinaga", "America/Rainy_River", "America/Nipigon",
    "America/Thunder_Bay", "America/Yellowknife", "America/Pangnirtung",
}

# Normalised names never matched: common words, person names, tiny places with famous
# namesakes, and forms that only a diacritics fold produced ("male" from "Malé").
STOP = {
    "nice", "mobile", "male", "of", "bar", "center", "centre", "easter", "wake", "midway",
    "christmas", "chatham", "norfolk", "wallis", "oral", "salta", "reunion", "reunión",
    "man", "jersey city", "chad", "jordan", "georgia city", "guinea pig",
    "cayenne", "regina", "nome", "knox", "dawson", "eucla", "chagos", "cocos", "canary",
    "comoro", "mahe", "mahé", "faroe", "vostok", "troll", "casey", "davis", "palmer",
    "rothera", "syowa", "mawson", "macquarie", "kerguelen", "st. thomas", "st thomas",
    "saint thomas", "noronha", "marquesas", "gambier", "enderbury", "kanton", "ponape",
    "truk", "chuuk", "kosrae", "yap", "bougainville", "galapagos", "galápagos", "pitcairn",
    "hovd", "santa isabel", "victoria", "grand turk", "la paz", "st. vincent", "st vincent",
    "saint vincent", "st. lucia", "st lucia", "saint lucia", "st. helena", "st helena",
    "saint helena",
    # short or common-word forms found in other locales (Rome "Rim"/"Rom", Damascus "Şam",
    # "Damas", Iran "İran"→"ira", Oman "Oma", Vienna "Vena", Juneau "Juno", Aden "Adán",
    # Chad "Çad", Iceland "Island", Denmark "Dania", Mahé "Mae", Amman "Ama", Niš "Nis")
    "rim", "rom", "sam", "mae", "ama", "ira", "nis", "pert", "oma", "vena", "cuno", "juno",
    "adan", "cad", "miasto", "island", "damas", "dania", "canton", "republic",
    # Cyrillic / other-script forms of the above
    "центр", "пасхи", "остров пасхи", "рождества", "уэйк", "мидуэй", "орал", "уральск",
}

# Hand-made additions (not from CLDR): capitals and big cities that are not time-zone
# exemplar cities, in the languages of the project's hosts; ISO alpha-3.
HAND_CITIES = {
    "KAZ": "Astana|Nur-Sultan|Nursultan|Astana city|Астана|Нур-Султан|Нұр-Сұлтан|Akmola|Акмола|"
           "Almaty|Алматы|Алма-Ата|Alma-Ata|Almaty city|Shymkent|Шымкент|Chimkent|Чимкент|"
           "Karaganda|Караганда|Qaraghandy|Qaragandy|Қарағанды|Taraz|Тараз|Pavlodar|Павлодар|"
           "Semey|Семей|Семипалатинск|Oskemen|Öskemen|Өскемен|Ust-Kamenogorsk|"
           "Усть-Каменогорск|Aktobe|Актобе|Ақтөбе|Kostanay|Костанай|Қостанай|Kyzylorda|"
           "Кызылорда|Қызылорда|Atyrau|Атырау|Aktau|Актау|Ақтау|Petropavl|Petropavlovsk|"
           "Петропавловск|Петропавл|Turkestan|Туркестан|Түркістан|Kokshetau|Кокшетау|Көкшетау|"
           "Taldykorgan|Талдыкорган|Талдықорған|Ekibastuz|Экибастуз|Uralsk|Уральск|Oral city",
    "KGZ": "Bishkek|Бишкек|Frunze|Фрунзе|Osh city|Ош шаары|Jalal-Abad|Джалал-Абад|Жалал-Абад|"
           "Karakol|Каракол|Tokmok|Токмок|Naryn|Нарын|Talas|Талас|Batken|Баткен|Cholpon-Ata|"
           "Чолпон-Ата|Issyk-Kul|Иссык-Куль|Ысык-Көл",
    "UZB": "Tashkent|Toshkent|Ташкент|Тошкент|Samarkand|Samarqand|Самарканд|Самарқанд|Bukhara|"
           "Buxoro|Бухара|Бухоро|Namangan|Наманган|Andijan|Andijon|Андижан|Андижон|Fergana|"
           "Farg'ona|Фергана|Фарғона|Nukus|Нукус|Khiva|Xiva|Хива|Qarshi|Karshi|Карши|Urgench|"
           "Urganch|Ургенч|Termez|Termiz|Термез|Navoi|Navoiy|Навои|Jizzakh|Jizzax|Джизак",
    "TJK": "Dushanbe|Душанбе|Khujand|Khujand city|Худжанд|Хуҷанд|Kulob|Kulyab|Куляб|Bokhtar|"
           "Бохтар|Khorog|Хорог",
    "TKM": "Ashgabat|Ashkhabad|Aşgabat|Ашхабад|Ашгабат|Turkmenabat|Türkmenabat|Туркменабат|"
           "Mary city|Dashoguz|Daşoguz|Дашогуз|Turkmenbashi|Türkmenbaşy|Туркменбаши",
    "RUS": "Moscow|Москва|Мәскеу|Moskva|Moskau|Moscou|Moscú|Saint Petersburg|St. Petersburg|"
           "St Petersburg|Sankt-Peterburg|Sankt Petersburg|Санкт-Петербург|Петербург|Питер|"
           "Kazan|Казань|Nizhny Novgorod|Нижний Новгород|Ekaterinburg|Екатеринбург|"
           "Chelyabinsk|Челябинск|Ufa|Уфа|Rostov-on-Don|Ростов-на-Дону|Krasnodar|Краснодар|"
           "Perm|Пермь|Voronezh|Воронеж|Sochi|Сочи|Tyumen|Тюмень|Orenburg|Оренбург|"
           "Novosibirsk|Новосибирск|Omsk|Омск|Барнаул",
    "USA": "Washington|Washington DC|Washington D.C.|Washington, D.C.|D.C.|NYC|New York City|"
           "Brooklyn|Manhattan|San Francisco|Boston|Seattle|Atlanta|Miami|Houston|Dallas|"
           "Philadelphia|San Diego|Las Vegas|Austin, Texas|Вашингтон|Нью-Йорк|"
           "Сан-Франциско|Бостон|Сиэтл|Майами|Silicon Valley|Portland, Oregon|Minneapolis|"
           "Baltimore|Pittsburgh|Cleveland|Nashville|Orlando|Tampa|Sacramento|San Jose, CA|"
           "Oakland|St. Louis|Saint Louis|Kansas City|Salt Lake City|New Orleans|Charlotte, NC",
    "GBR": "Manchester|Birmingham|Edinburgh|Glasgow|Liverpool|Leeds|Bristol|Cardiff|Belfast|"
           "Oxford|Cambridge, UK|Лондон|Эдинбург|Манчестер",
    "DEU": "Hamburg|Munich|München|Muenchen|Frankfurt|Frankfurt am Main|Cologne|Köln|Koeln|"
           "Stuttgart|Düsseldorf|Duesseldorf|Leipzig|Dresden|Hannover|Bonn|Nuremberg|Nürnberg|"
           "Мюнхен|Гамбург|Франкфурт|Кёльн|Dresden|Берлин",
    "FRA": "Marseille|Lyon|Toulouse|Bordeaux|Strasbourg|Lille|Nantes|Montpellier|Марсель|"
           "Страсбург|Париж",
    "ITA": "Milan|Milano|Naples|Napoli|Turin|Torino|Florence|Firenze|Venice|Venezia|Bologna|"
           "Милан|Флоренция|Венеция",
    "ESP": "Barcelona|Valencia, Spain|Seville|Sevilla|Bilbao|Málaga|Malaga|Santiago de Compostela|"
           "Барселона",
    "PRT": "Porto|Oporto",
    "NLD": "Rotterdam|The Hague|Den Haag|Utrecht|Eindhoven|Гаага",
    "BEL": "Antwerp|Antwerpen|Anvers|Ghent|Gent|Liège|Bruges|Brugge",
    "CHE": "Geneva|Genève|Geneve|Genf|Женева|Bern|Berne|Берн|Basel|Lausanne|Lugano",
    "AUT": "Salzburg|Graz|Innsbruck|Linz",
    "POL": "Kraków|Krakow|Cracow|Gdańsk|Gdansk|Wrocław|Wroclaw|Poznań|Poznan|Łódź|Lodz",
    "CZE": "Brno|Ostrava",
    "UKR": "Kharkiv|Kharkov|Харків|Харьков|Odesa|Odessa|Одеса|Одесса|Lviv|Lvov|Львів|Львов|"
           "Dnipro|Дніпро|Днепр|Zaporizhzhia|Запоріжжя|Запорожье",
    "BLR": "Gomel|Homel|Гомель|Brest, Belarus|Grodno|Hrodna|Гродно|Vitebsk|Витебск",
    "TUR": "Ankara|Анкара|Izmir|İzmir|Измир|Antalya|Анталья|Анталия|Bursa|Adana|Konya|Trabzon",
    "AZE": "Ganja|Gəncə|Гянджа|Sumgait|Sumqayıt",
    "GEO": "Batumi|Батуми|Kutaisi|Кутаиси",
    "ARM": "Gyumri|Гюмри",
    "CHN": "Beijing|Peking|北京|Пекин|Бейжің|Pekin|Guangzhou|广州|Shenzhen|深圳|Chengdu|成都|"
           "Wuhan|武汉|Xi'an|Xian|西安|Hangzhou|杭州|Nanjing|南京|Chongqing|重庆|Tianjin|天津|"
           "上海|Гуанчжоу|Шэньчжэнь|Ухань",
    "JPN": "Osaka|大阪|Kyoto|京都|Yokohama|横浜|Nagoya|名古屋|Sapporo|札幌|Fukuoka|福岡|Kobe|神戸|"
           "東京|Осака|Киото",
    "KOR": "Busan|Pusan|부산|Incheon|인천|서울|Сеул",
    "IND": "New Delhi|Delhi|Нью-Дели|Дели|Mumbai|Bombay|Мумбаи|Bangalore|Bengaluru|Chennai|"
           "Madras|Hyderabad, India|Pune|Ahmedabad|Jaipur",
    "PAK": "Islamabad|Исламабад|Lahore|Лахор|Peshawar|Rawalpindi|Faisalabad",
    "AFG": "Mazar-i-Sharif|Herat|Kandahar",
    "IRN": "Isfahan|Esfahan|Shiraz|Mashhad|Tabriz|تهران",
    "ARE": "Abu Dhabi|Абу-Даби|Sharjah|أبوظبي|دبي",
    "QAT": "Doha|Доха|الدوحة",
    "SAU": "Jeddah|Jiddah|Mecca|Makkah|Medina|Madinah|الرياض|جدة",
    "EGY": "Alexandria, Egypt|القاهرة|الإسكندرية|Каир",
    "ISR": "Tel Aviv|Тель-Авив|Haifa|Хайфа",
    "CAN": "Ottawa|Оттава|Montreal|Montréal|Монреаль|Calgary|Quebec City|Québec",
    "AUS": "Canberra|Канберра|Gold Coast",
    "NZL": "Wellington|Christchurch",
    "BRA": "Brasília|Brasilia|Бразилиа|Rio de Janeiro|Рио-де-Жанейро|Salvador, Bahia|"
           "Belo Horizonte|Porto Alegre|Curitiba",
    "MEX": "Guadalajara|Puebla",
    "ARG": "Rosario",
    "COL": "Medellín|Medellin|Cali, Colombia|Cartagena, Colombia",
    "ECU": "Quito|Кито",
    "NGA": "Abuja|Абуджа|Kano|Ibadan|Port Harcourt",
    "ZAF": "Pretoria|Претория|Cape Town|Кейптаун|Durban",
    "MAR": "Rabat|Рабат|Marrakech|Marrakesh|Fes|Fez|Tangier|Tanger",
    "KEN": "Mombasa",
    "ETH": "Аддис-Абеба",
    "VNM": "Hanoi|Hà Nội|Ханой|Saigon",
    "THA": "กรุงเทพ|กรุงเทพมหานคร|Chiang Mai|Phuket",
    "IDN": "Bali|Surabaya|Bandung|Yogyakarta",
    "MYS": "Penang|Johor Bahru",
    "PHL": "Quezon City|Cebu|Davao",
    "MNG": "Улан-Батор|Улаанбаатар",
    "HUN": "Debrecen|Szeged",
    "ROU": "Cluj-Napoca|Cluj|Timișoara|Timisoara|Iași|Iasi",
    "SRB": "Novi Sad|Niš",
    "GRC": "Thessaloniki|Salonika",
    "SWE": "Gothenburg|Göteborg|Malmö|Malmo|Uppsala",
    "NOR": "Bergen|Trondheim",
    "DNK": "Aarhus|Århus|Odense",
    "FIN": "Tampere|Turku|Espoo",
    "IRL": "Cork|Galway",
}

# Hand-made regions: US states (so that "Paris, Texas" and "Atlanta, Georgia" resolve to the
# United States), the UK's nations, Canadian provinces, Australian states, and a few regions
# of Kazakhstan, Kyrgyzstan, Uzbekistan, India and Italy.
HAND_REGIONS = {
    "USA": "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|"
           "Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|"
           "Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|"
           "Nevada|New Hampshire|New Jersey|New Mexico|New York State|North Carolina|"
           "North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|"
           "South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Washington State|"
           "Wisconsin|Wyoming|Калифорния|Техас|Флорида|Нью-Джерси|Нью-Мексико",
    "GBR": "England|Scotland|Wales|Northern Ireland|Англия|Шотландия|Уэльс|Angleterre|Écosse|"
           "Schottland|Inglaterra|Escocia",
    "CAN": "Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|"
           "New Brunswick|Newfoundland",
    "AUS": "New South Wales|Queensland|Tasmania|Western Australia|South Australia",
    "KAZ": "Almaty Region|Алматинская область|Алматы облысы|Akmola Region|Акмолинская область|"
           "Karaganda Region|Карагандинская область|Mangystau|Mangghystau|Мангистау|Маңғыстау|"
           "East Kazakhstan|Восточно-Казахстанская область|ВКО|Шығыс Қазақстан облысы|"
           "West Kazakhstan|Западно-Казахстанская область|ЗКО|North Kazakhstan|"
           "Северо-Казахстанская область|СКО|Жетісу облысы|Zhetysu|Туркестанская область|"
           "Түркістан облысы|Ulytau|Ұлытау",
    "KGZ": "Chuy Region|Чуйская область|Чүй облусу|Issyk-Kul Region|Иссык-Кульская область|"
           "Ошская область|Osh Region",
    "UZB": "Karakalpakstan|Qoraqalpog'iston|Каракалпакстан|Қорақалпоғистон|Fergana Valley|"
           "Ферганская долина|Farg'ona vodiysi|Ташкентская область|Toshkent viloyati",
    "IND": "Uttar Pradesh|UttarPradesh|Odisha|Orissa|Assam|Gujarat|Maharashtra|Tamil Nadu|"
           "Tamilnadu|Kerala|Karnataka|Bihar|Rajasthan|West Bengal|Telangana|Madhya Pradesh|"
           "Andhra Pradesh",
    "ITA": "Lombardia|Lombardy|Toscana|Tuscany|Sicilia|Sicily|Campania|Piemonte|Piedmont|Veneto|"
           "Lazio|Puglia|Apulia|Sardegna|Sardinia|Liguria|Emilia-Romagna|Calabria",
}

# Hand-made country names and abbreviations that CLDR does not give in these locales.
HAND_COUNTRIES = {
    "USA": "USA|U.S.A.|United States of America",
    "GBR": "United Kingdom|Great Britain|Britain|U.K.|Великобритания",
    "ARE": "UAE|U.A.E.|Emirates|ОАЭ|БАӘ",
    "SAU": "KSA",
    "IND": "Bharat|भारत",
    "KAZ": "Qazaqstan|Kazakstan|Kazakhstan Republic|Республика Казахстан|Қазақстан Республикасы|"
           "Kazachstan|Казахстан",
    "KGZ": "Kyrgyz Republic|Kirghizia|Kirgizia|Kirgizstan|Kyrgyzstan|Кыргызстан|Киргизия|"
           "Кыргыз Республикасы|Qirg'iziston",
    "UZB": "Uzbekistan|Ozbekiston|O'zbekiston|Oʻzbekiston|Узбекистан|Ўзбекистон|Uzbekiston",
    "TJK": "Tajikistan|Tojikiston|Тоҷикистон|Таджикистан",
    "TKM": "Turkmenistan|Türkmenistan|Туркменистан|Туркмения",
    "RUS": "Russia|Russian Federation|Россия|Российская Федерация|РФ|Ресей|Rossiya",
    "TUR": "Türkiye|Turkiye",
    "NLD": "Holland",
    "CZE": "Czechia|Czech Republic",
    "KOR": "South Korea|대한민국|한국|Corea del Sur",
    "PRK": "North Korea|DPRK",
    "CHN": "PRC|People's Republic of China|中國|中华人民共和国",
    "TWN": "臺灣|台灣|台湾",
    "GEO": "Sakartvelo|საქართველო",
    "ARM": "Hayastan|Հայաստան",
    "UKR": "Ukraine|Україна|Украина",
    "BLR": "Belarus|Беларусь|Белоруссия",
}

# US and Canadian postal abbreviations of states/provinces ("Tacoma, WA"): kind `statecode`,
# matched like ISO codes (capitals, final position) but ranked with cities, so that
# "Birmingham, AL" (Birmingham is also a British city) gives no answer rather than a guess.
STATE_CODES = {
    "USA": "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
           "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC",
    "CAN": "AB BC MB NB NL NS NT NU ON PE QC SK YT",
}

# Abbreviations matched only when written in capitals (kind `abbr`).
HAND_ABBR = {"USA": "US|U.S.|АҚШ|США|АКШ|AQSH|ABD|EUA", "GBR": "UK", "RUS": "РФ"}

# ISO 3166-1 alpha-2 codes that are also US/Canadian/Australian state abbreviations,
# common words or abbreviations; they are never read as a country code.
CODE_STOP = {
    "AL", "AR", "AZ", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
    "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA",
    "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP", "BC", "AB", "SK", "MB", "ON",
    "QC", "NB", "NS", "PE", "NL", "YT", "NT", "NU", "WA", "SA", "NT", "TAS", "VIC", "QLD",
    "NSW", "IT", "NO", "AM", "PM", "TV", "AI", "IO", "TO", "BE", "GO", "SO", "AT", "IS", "MY",
    "AD", "BY", "CV", "DM", "EU", "FM", "GG", "PS", "SE", "ST", "TM", "VC", "WS", "BS", "BA",
    "MC", "MD", "PH", "UN", "AQ", "BV", "HM", "UM", "TF", "GS",
}

WORD_STOP_SHORT = 3  # names shorter than this (in characters) are dropped, CJK excepted

TRANSLATE = {
    "-": " ", "\u2010": " ", "\u2011": " ", "\u2012": " ", "\u2013": " ", "\u2014": " ",
    "_": " ", "\u2019": "'", "\u2018": "'", "\u02bb": "'", "\u02bc": "'", "`": "'",
    "\u00b4": "'", "\uff08": "(", "\uff09": ")",
}


def norm(s):
    """Mirror of the Rust `normalise`: per-character lowercase, hyphens and underscores to
    spaces, apostrophe look-alikes to `'`, runs of whitespace to one space, trimmed."""
    out = []
    for ch in s:
        for lo in ch.lower():
            lo = TRANSLATE.get(lo, lo)
            if lo.isspace() or lo == " ":
                if out and out[-1] != " ":
                    out.append(" ")
            else:
                out.append(lo)
    return "".join(out).strip()


def fold(s):
    """Strip combining marks (São → Sao), keeping letters like ł, ø as they are."""
    d = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(c for c in d if not unicodedata.combining(c)))


def is_cjk(ch):
    o = ord(ch)
    return (0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF
            or 0xF900 <= o <= 0xFAFF or 0x0E00 <= o <= 0x0E7F)


def variants(name, lang):
    """Spelling variants of one display name (all normalised)."""
    base = {name}
    inner_names = set()
    stripped = re.sub(r"\s*[(（][^)）]*[)）]\s*", " ", name).strip()
    if stripped:
        base.add(stripped)
    for inner in re.findall(r"[(（]([^)）]*)[)）]", name):
        if len(inner) > 3 and lang == "en":
            inner_names.add(inner)
    if lang == "en":
        base |= {b.replace("&", "and") for b in base}
        for b in list(base):
            if b.startswith("St. "):
                base.add("Saint " + b[4:])
                base.add("St " + b[4:])
    # "Congo - Kinshasa" → also "Congo Kinshasa" (handled by norm) and "Kinshasa" is a city.
    out = {}
    for b, inner in [(b, False) for b in base] + [(b, True) for b in inner_names]:
        n = norm(b)
        forms = {n, norm(fold(b))}
        if "'" in n:
            forms.add(n.replace("'", ""))
        for f in forms:
            if f:
                out[f] = out.get(f, True) and inner
    return out


def load_countries(path):
    text = open(path, encoding="utf-8").read()
    rows = re.findall(r'\("([A-Z]{3})", "([A-Z]{2})", "', text)
    return {a2: a3 for a3, a2 in rows}


def load_zone_tab(zone_tab):
    tab = {}
    for line in open(zone_tab, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        parts = line.rstrip("\n").split("\t")
        tab[parts[2]] = parts[0]
    return tab


def load_zone_countries(cldr, zone_tab, iso2):
    tab = load_zone_tab(zone_tab)
    bcp = json.load(open(os.path.join(cldr, "cldr-bcp47/bcp47/timezone.json"), encoding="utf-8"))
    zone_country = {}
    for key, val in bcp["keyword"]["u"]["tz"].items():
        if not isinstance(val, dict) or "_alias" not in val:
            continue
        ids = val["_alias"].split() + ([val["_iana"]] if "_iana" in val else [])
        country = next((tab[i] for i in ids if i in tab), None)
        if country is None and len(key) == 5 and key[:2].upper() in iso2:
            # BCP 47 time-zone keys are UN/LOCODEs: their first two letters are the country.
            country = key[:2].upper()
        if country:
            for i in ids:
                zone_country[i] = country
    return zone_country


def walk_zones(tree, prefix=""):
    for k, v in tree.items():
        if not isinstance(v, dict):
            continue
        zid = f"{prefix}/{k}" if prefix else k
        if "_type" in v or "exemplarCity" in v:
            yield zid, v.get("exemplarCity")
        else:
            yield from walk_zones(v, zid)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--cldr", default="/tmp/places-cldr")
    ap.add_argument("--zone-tab", default="/usr/share/zoneinfo/zone.tab")
    ap.add_argument("--countries",
                    default=os.path.join(here, "../../dipl-model/src/countries.rs"))
    args = ap.parse_args()

    iso2 = load_countries(args.countries)
    zone_country = load_zone_countries(args.cldr, args.zone_tab, iso2)
    tz_version = "unknown"
    zi = os.path.join(os.path.dirname(args.zone_tab), "tzdata.zi")
    if os.path.exists(zi):
        tz_version = open(zi, encoding="utf-8").readline().split()[-1]
    cldr_version = json.load(open(os.path.join(
        args.cldr, "cldr-localenames-full/package.json"), encoding="utf-8"))["version"]

    rows = {}  # (name, a3) -> best kind
    origin = {}
    weak = set()  # (name, a3) known only from a parenthetical, e.g. "China" in "Hong Kong (China)"

    def add(name_norm, kind, a3, why, inner=False):
        if not name_norm or name_norm in STOP:
            return
        if len(name_norm) < WORD_STOP_SHORT and not any(is_cjk(c) for c in name_norm) \
                and kind not in ("code", "abbr", "statecode"):
            return
        key = (name_norm, a3)
        old = rows.get(key)
        if old is None or KIND_RANK[kind] < KIND_RANK[old]:
            rows[key] = kind
            origin[key] = why
        if inner and old is None:
            weak.add(key)
        elif not inner:
            weak.discard(key)

    for loc in LOCALES:
        lang = loc.split("-")[0]
        terr = json.load(open(os.path.join(
            args.cldr, f"cldr-localenames-full/main/{loc}/territories.json"), encoding="utf-8"))
        terr = terr["main"][loc]["localeDisplayNames"]["territories"]
        for code, name in terr.items():
            a2 = code.split("-alt-")[0]
            if a2 not in iso2 or a2 in ("UN", "EU", "EZ"):
                continue
            letters = [c for c in name if c.isalpha()]
            if len(letters) <= 4 and name.upper() == name and name.lower() != name:
                if len(letters) >= 3:
                    add(norm(name), "abbr", iso2[a2], f"cldr:{loc}:{code}")
                continue  # two-letter abbreviations like "RU" (es: UK) collide with codes
            for v, inner in variants(name, lang).items():
                add(v, "country", iso2[a2], f"cldr:{loc}:{code}", inner)

        zones = json.load(open(os.path.join(
            args.cldr, f"cldr-dates-full/main/{loc}/timeZoneNames.json"), encoding="utf-8"))
        zones = zones["main"][loc]["dates"]["timeZoneNames"]["zone"]
        found = list(walk_zones(zones))
        if loc == "en":
            # English has no entry for zones whose city is the zone id's last part: take
            # every canonical zone of zone.tab too (the id gives the name below).
            found += [(z, None) for z in sorted(load_zone_tab(args.zone_tab))]
        for zid, city in found:
            if zid.startswith(("Etc/", "Antarctica/")) or zid in EXCLUDED_ZONES:
                continue
            a2 = zone_country.get(zid)
            if a2 is None or a2 not in iso2:
                continue
            names = [city] if city else []
            if loc == "en":
                names.append(zid.rsplit("/", 1)[-1].replace("_", " "))
            for n in names:
                for v, inner in variants(n, lang).items():
                    add(v, "city", iso2[a2], f"zone:{loc}:{zid}", inner)

    for a3, names in HAND_COUNTRIES.items():
        for n in names.split("|"):
            for v in variants(n, "en"):
                add(v, "country", a3, "hand")
    for a3, names in HAND_ABBR.items():
        for n in names.split("|"):
            add(norm(n), "abbr", a3, "hand")
    for a3, names in HAND_REGIONS.items():
        for n in names.split("|"):
            for v in variants(n, "en"):
                add(v, "region", a3, "hand")
    for a3, names in HAND_CITIES.items():
        for n in names.split("|"):
            for v in variants(n, "en"):
                add(v, "city", a3, "hand")
    for a3, codes in STATE_CODES.items():
        for c in codes.split():
            add(norm(c), "statecode", a3, "hand")
    for a2, a3 in iso2.items():
        if a2 not in CODE_STOP:
            add(norm(a2), "code", a3, "iso")

    # A name that is a country's name and also a city of the same country keeps only the
    # stronger kind (done by `add`). Across countries: a name known only from a parenthetical
    # gives way to any other reading, and a city name gives way to a country/abbreviation/
    # region name of another country (tr "Cuba" is Juba, ar "عمان" is Amman: both dropped);
    # what remains shared by different countries stays ambiguous.
    by_name = {}
    for (n, a3), kind in rows.items():
        by_name.setdefault(n, []).append((a3, kind))
    for n, v in by_name.items():
        if len({a for a, _ in v}) < 2:
            continue
        for a3, kind in v:
            others = [(b, k) for b, k in v if b != a3 and (b, k) != (a3, kind)]
            if (n, a3) in weak and any((n, b) not in weak for b, _ in others):
                del rows[(n, a3)]
            elif kind == "city" and any(k != "city" and (n, b) not in weak for b, k in others):
                del rows[(n, a3)]
    by_name = {}
    for (n, a3), kind in rows.items():
        by_name.setdefault(n, []).append((a3, kind))
    amb = {n: v for n, v in by_name.items() if len({a for a, _ in v}) > 1}
    for n in sorted(amb):
        print(f"ambiguous: {n!r}: {sorted(amb[n])}", file=sys.stderr)

    print(f"# dipl-places gazetteer, generated by data/generate.py — do not edit by hand.")
    print(f"# Sources: Unicode CLDR {cldr_version} (npm cldr-localenames-full, cldr-dates-full,"
          f" cldr-bcp47), territory names and time-zone exemplar cities in locales"
          f" {','.join(LOCALES)};")
    print(f"# zone→country from the IANA tz zone.tab (tzdata {tz_version}); hand-made lists in"
          " generate.py (cities, regions, names, abbreviations).")
    print("# CLDR data: Copyright © 1991-2026 Unicode, Inc., Unicode License v3"
          " (https://www.unicode.org/license.txt).")
    print("# Columns: normalised name <TAB> kind (country|abbr|code|region|statecode|city) <TAB> ISO alpha-3")
    for (n, a3), kind in sorted(rows.items()):
        print(f"{n}\t{kind}\t{a3}")


if __name__ == "__main__":
    main()
