//! Letter and word evidence for Kazakh, Kyrgyz, Uzbek (Cyrillic and Latin), and — so that they
//! are not mistaken for Kyrgyz or Uzbek — Tajik and Mongolian. whatlang knows none of these
//! except Uzbek Latin.
//!
//! Input is the cleaned, lower-cased text of [`crate::prep::clean`]. Scores are sums of
//! hand-set weights (chosen from the alphabets and the author's knowledge of the languages, then
//! checked against the invented test set in `tests/accuracy.rs`):
//!
//! * Letters. Kazakh-only among these languages: `ә ұ һ` (and `і`, which only counts when another
//!   Kazakh letter is present, because Ukrainian and Belarusian use it too). Shared by Kazakh and
//!   Uzbek/Tajik: `қ ғ`. Kazakh and Kyrgyz: `ң ө ү`, where Kyrgyz weighs more because a text with
//!   `ң ө ү` and no Kazakh-only letter is Kyrgyz; Mongolian also has `ө ү` (no `ң`). Uzbek: `ў ҳ`
//!   (`ў` only without `і`: Belarusian has `ў` and `і`). Tajik: `ҷ ӣ ӯ`. Kyrgyz writes long vowels
//!   double (`аа оо уу үү өө ээ`), Mongolian too (Russian only in loans like `кооперация`). Uzbek and Tajik Cyrillic have no `ы`, `щ`.
//! * Words: frequent function words, greetings and state vocabulary of each language, plus
//!   Russian/Ukrainian/Belarusian function words as counter-evidence (a Russian post mentioning
//!   `Қазақстан` must stay Russian).

pub(crate) const KK: usize = 0;
pub(crate) const KY: usize = 1;
pub(crate) const UZ: usize = 2;
pub(crate) const TG: usize = 3;
pub(crate) const MN: usize = 4;
/// Slavic (ru/uk/be) counter-evidence.
const SL: usize = 5;

const CODES: [&str; 5] = ["kk", "ky", "uz", "tg", "mn"];

const KK_B: u8 = 1 << KK;
const KY_B: u8 = 1 << KY;
const UZ_B: u8 = 1 << UZ;
const TG_B: u8 = 1 << TG;
const MN_B: u8 = 1 << MN;
const SL_B: u8 = 1 << SL;

/// Minimum winning score for Cyrillic text.
const CYRILLIC_MIN: f32 = 2.0;
/// Minimum score for Uzbek Latin (higher: `va`, `ham` also occur in other Latin languages).
const LATIN_MIN: f32 = 5.0;

/// Languages a Cyrillic word is evidence for, with its weight.
fn cyrillic_word(w: &str) -> (u8, f32) {
    match w {
        // Kazakh
        "және"
        | "бойынша"
        | "үшін"
        | "бұл"
        | "осы"
        | "жоқ"
        | "біз"
        | "сіз"
        | "оның"
        | "бір"
        | "туралы"
        | "арқылы"
        | "кейін"
        | "дейін"
        | "бірге"
        | "барлық"
        | "елі"
        | "елдің"
        | "елдер"
        | "елдері"
        | "қазақстан"
        | "қазақстанның"
        | "қазақстанда"
        | "президенті"
        | "мемлекет"
        | "мемлекеттік"
        | "ынтымақтастық"
        | "ынтымақтастығы"
        | "байланысты"
        | "сондай"
        | "екі"
        | "жаңа"
        | "бүгін"
        | "сәлем"
        | "құрметті"
        | "халықаралық"
        | "елімізде"
        | "еліміздің"
        | "министрі"
        | "министрлігі"
        | "кездесу"
        | "кездесті"
        | "жұмыс"
        | "емес"
        | "болды"
        | "болып"
        | "болады"
        | "тиіс"
        | "екен"
        | "ғой"
        | "ол"
        | "олар"
        | "мұнда"
        | "қалай"
        | "неге"
        | "қашан"
        | "қайда"
        | "кім"
        | "қанша"
        | "ғана"
        | "рахмет"
        | "атынан"
        | "елшісі"
        | "елшілігі"
        | "ресми"
        | "жақсы" => (KK_B, 3.0),
        // Kazakh and Kyrgyz alike
        "мен" | "бар" | "деп" | "өз" | "жылы" | "көп" | "керек" | "республикасы" => {
            (KK_B | KY_B, 2.0)
        }
        // Kyrgyz
        "жана"
        | "менен"
        | "үчүн"
        | "боюнча"
        | "бул"
        | "ушул"
        | "жок"
        | "биз"
        | "сиз"
        | "алар"
        | "анын"
        | "бир"
        | "жөнүндө"
        | "аркылуу"
        | "кийин"
        | "чейин"
        | "бирге"
        | "бардык"
        | "эки"
        | "үч"
        | "жаңы"
        | "бүгүн"
        | "саламатсызбы"
        | "кыргызстан"
        | "кыргызстандын"
        | "кыргыз"
        | "кыргызстанда"
        | "өкмөт"
        | "өкмөтү"
        | "мамлекет"
        | "мамлекеттик"
        | "кызматташтык"
        | "кызматташтыгы"
        | "эмес"
        | "болду"
        | "болуп"
        | "болот"
        | "экен"
        | "дагы"
        | "тууралуу"
        | "элдин"
        | "министри"
        | "министрлиги"
        | "жолугушуу"
        | "ошондой"
        | "эле"
        | "гана"
        | "президенти"
        | "эмне"
        | "эмнеге"
        | "жакшы"
        | "качан"
        | "кайда"
        | "кандай"
        | "канча"
        | "кантип"
        | "элчиси"
        | "элчилиги" => (KY_B, 3.0),
        "рахмат" => (KY_B, 3.0),
        "ким" => (KY_B | UZ_B, 2.0),
        "қандай" => (KK_B | UZ_B, 2.0),
        // Uzbek (Cyrillic)
        "билан"
        | "учун"
        | "бу"
        | "эди"
        | "бўйича"
        | "қилиш"
        | "керак"
        | "йил"
        | "йили"
        | "ҳамда"
        | "лекин"
        | "аммо"
        | "жуда"
        | "ўз"
        | "бўлади"
        | "бўлган"
        | "томонидан"
        | "орқали"
        | "янги"
        | "катта"
        | "бугун"
        | "раҳмат"
        | "ассалому"
        | "алайкум"
        | "ўзбекистон"
        | "ўзбекистоннинг"
        | "республикаси"
        | "давлат"
        | "ҳамкорлик"
        | "муҳим"
        | "сифатида"
        | "халқаро"
        | "вазири"
        | "вазирлиги"
        | "учрашув"
        | "ҳақида"
        | "бўлди"
        | "этди"
        | "қилди"
        | "билдирди"
        | "бор"
        | "йўқ"
        | "нима"
        | "нега"
        | "қачон"
        | "қаерда"
        | "қанча"
        | "узбекистан"
        | "элчихонаси"
        | "яхши"
        | "барча"
        | "миллий"
        | "амалга"
        | "ташриф" => (UZ_B, 3.0),
        "ва" | "ҳам" => (UZ_B | TG_B, 2.0),
        // Tajik
        "бо"
        | "дар"
        | "аз"
        | "ки"
        | "барои"
        | "ин"
        | "мебошад"
        | "мешавад"
        | "тоҷикистон"
        | "ҷумҳурии"
        | "ҳамкорӣ"
        | "бояд"
        | "низ"
        | "шуд"
        | "ба"
        | "кард" => (TG_B, 3.0),
        // Mongolian
        "болон" | "юм" | "байна" | "байгаа" | "нь" | "энэ" | "бол" | "гэж" | "гэсэн" | "хийх"
        | "монгол" | "улсын" | "улс" | "хамтын" | "ажиллагаа" | "сайд" | "яам" | "өдөр" | "бид"
        | "баярлалаа" | "сайн" | "байдаг" | "хүн" | "уулзалт" | "уулзав" | "чиглэлээр"
        | "хүрээнд" | "монголын" => (MN_B, 3.0),
        // Russian, Ukrainian, Belarusian function words (counter-evidence)
        "и"
        | "в"
        | "не"
        | "на"
        | "что"
        | "это"
        | "с"
        | "по"
        | "для"
        | "как"
        | "к"
        | "от"
        | "из"
        | "о"
        | "у"
        | "же"
        | "уже"
        | "так"
        | "мы"
        | "вы"
        | "он"
        | "она"
        | "они"
        | "все"
        | "также"
        | "который"
        | "которые"
        | "при"
        | "за"
        | "до"
        | "года"
        | "году"
        | "а"
        | "но"
        | "или"
        | "только"
        | "еще"
        | "ещё"
        | "был"
        | "была"
        | "было"
        | "будет"
        | "его"
        | "ее"
        | "её"
        | "их"
        | "нас"
        | "вас"
        | "спасибо"
        | "очень"
        | "здравствуйте"
        | "і"
        | "та"
        | "що"
        | "це"
        | "від"
        | "щоб"
        | "також"
        | "ми"
        | "ви"
        | "він"
        | "вона"
        | "вони"
        | "дякую"
        | "што"
        | "гэта"
        | "дзякуй"
        | "ў" => (SL_B, 2.0),
        _ => (0, 0.0),
    }
}

/// Weight of an Uzbek Latin word (apostrophes already normalised to `'`).
fn uzbek_latin_word(w: &str) -> f32 {
    match w {
        "rahmat" | "assalomu" | "alaykum" | "o'zbekiston" | "o'zbekistonning" | "bo'yicha"
        | "o'rtasida" | "hamkorlik" | "hamkorligi" | "xalqaro" | "respublikasi" | "tomonidan"
        | "sifatida" | "yo'q" | "bo'ladi" | "bo'lgan" | "bo'ldi" | "ko'p" | "o'z" | "qilish"
        | "qildi" | "uchrashuv" | "vazirligi" | "elchixonasi" | "amalga" | "toshkentda" => 5.0,
        "bilan" | "uchun" | "emas" | "kerak" | "yili" | "hamda" | "lekin" | "ammo" | "juda"
        | "keyin" | "orqali" | "yangi" | "katta" | "bugun" | "davlat" | "muhim" | "vaziri"
        | "haqida" | "etdi" | "bildirdi" | "siz" | "biz" | "ular" | "uning" | "ikki" | "ushbu"
        | "prezidenti" | "mamlakat" | "mamlakatimiz" | "xalq" | "yurtimiz" | "sohasida"
        | "doirasida" | "yaxshi" | "barcha" | "milliy" | "tashrif" | "birgalikda" | "nima"
        | "nega" | "qachon" | "qayerda" | "qanday" | "qancha" | "qaysi" => 3.0,
        "va" | "ham" | "bor" | "edi" | "shu" | "yil" => 1.5,
        _ => 0.0,
    }
}

fn normalise_apostrophes(w: &str, buf: &mut String) {
    buf.clear();
    for c in w.chars() {
        buf.push(if crate::prep::is_apostrophe(c) {
            '\''
        } else {
            c
        });
    }
}

/// Result of the layer: an ISO 639-1 code and a confidence in 0..=1.
pub(crate) type Verdict = (&'static str, f32);

fn confidence(best: f32, runner_up: f32) -> f32 {
    // Share of the evidence held by the winner, raised for large margins; 0.5..=1.
    let margin = (best - runner_up).max(0.0);
    (0.5 + 0.5 * margin / best.max(1.0)).clamp(0.0, 1.0)
}

/// Scores (kk, ky, uz, tg, mn, slavic) of a cleaned Cyrillic text.
pub(crate) fn cyrillic_scores(text: &str) -> [f32; 6] {
    let mut s = [0f32; 6];
    let (mut kk_only, mut i_count, mut u_short) = (0u32, 0u32, 0u32);
    let mut yery = 0u32;
    let mut prev = ' ';
    for c in text.chars() {
        match c {
            'ә' => {
                s[KK] += 2.0;
                kk_only += 1;
            }
            'ұ' => {
                s[KK] += 3.0;
                kk_only += 1;
            }
            'һ' => {
                s[KK] += 1.5;
                kk_only += 1;
            }
            'қ' | 'ғ' => {
                s[KK] += 1.5;
                s[UZ] += 1.5;
                s[TG] += 1.0;
                kk_only += 1;
            }
            'ң' => {
                s[KK] += 1.0;
                s[KY] += 2.0;
            }
            'ө' | 'ү' => {
                s[KK] += 1.0;
                s[KY] += 1.5;
                s[MN] += 1.5;
            }
            'і' => i_count += 1,
            'ў' => u_short += 1,
            'ҳ' => {
                s[UZ] += 2.0;
                s[TG] += 1.5;
            }
            'ҷ' | 'ӣ' | 'ӯ' => s[TG] += 3.0,
            'ы' | 'щ' => yery += 1,
            _ => {}
        }
        if c == prev && matches!(c, 'ү' | 'ө' | 'э' | 'а' | 'о' | 'у') {
            s[KY] += 1.0;
            s[MN] += 1.0;
        }
        prev = c;
    }
    if kk_only > 0 {
        s[KK] += 0.5 * i_count as f32;
        // Kyrgyz writes к г for Kazakh қ ғ and has no ә ұ һ і.
        s[KY] -= 1.5 * kk_only as f32 + i_count as f32;
    }
    if i_count == 0 {
        s[UZ] += 2.0 * u_short as f32;
    }
    let yery_penalty = yery.min(4) as f32;
    s[UZ] -= yery_penalty;
    s[TG] -= yery_penalty;
    for w in text.split(' ') {
        let (mask, weight) = cyrillic_word(w);
        for (i, score) in s.iter_mut().enumerate() {
            if mask & (1 << i) != 0 {
                *score += weight;
            }
        }
    }
    s
}

/// Verdict for a cleaned Cyrillic text, or `None` to let the base detector decide.
pub(crate) fn cyrillic(text: &str) -> Option<Verdict> {
    let s = cyrillic_scores(text);
    let (mut best, mut second) = ((0usize, f32::MIN), f32::MIN);
    for (i, &v) in s[..5].iter().enumerate() {
        if v > best.1 {
            second = best.1;
            best = (i, v);
        } else if v > second {
            second = v;
        }
    }
    let rival = second.max(s[SL]);
    if best.1 >= CYRILLIC_MIN && best.1 - rival >= 1.0 {
        Some((CODES[best.0], confidence(best.1, rival)))
    } else {
        None
    }
}

/// Uzbek Latin score of a cleaned Latin text.
pub(crate) fn uzbek_latin_score(text: &str) -> f32 {
    let mut score = 0f32;
    let mut prev = ' ';
    for c in text.chars() {
        if crate::prep::is_apostrophe(c) && (prev == 'o' || prev == 'g') {
            score += 2.0;
        }
        if matches!(
            c,
            'ş' | 'ç' | 'ğ' | 'ı' | 'ö' | 'ü' | 'ə' | 'ä' | 'ñ' | 'é' | 'è' | 'à'
        ) {
            score -= 2.0;
        }
        prev = c;
    }
    let mut buf = String::new();
    for w in text.split(' ') {
        if w.is_empty() {
            continue;
        }
        let weight = if w.chars().any(crate::prep::is_apostrophe) {
            normalise_apostrophes(w, &mut buf);
            uzbek_latin_word(&buf)
        } else {
            uzbek_latin_word(w)
        };
        score += weight;
    }
    score
}

/// Verdict for a cleaned Latin text: Uzbek or `None`.
pub(crate) fn latin(text: &str) -> Option<Verdict> {
    let s = uzbek_latin_score(text);
    (s >= LATIN_MIN).then(|| ("uz", confidence(s, LATIN_MIN / 2.0)))
}

/// Letter rules among the Slavic Cyrillic languages, used when the Central Asian layer did not
/// decide: Ukrainian alone has `ї є ґ` (and `і` without `ы э ё ъ`), Belarusian `ў` with `і`,
/// Russian alone (among ru/uk/be/bg/sr/mk) `ы э ё` without `і`. Serbian and Macedonian letters
/// (`ј љ њ ђ ћ џ ѓ ќ ѕ`) or none of these leave the decision to the base detector.
pub(crate) fn slavic(text: &str) -> Option<&'static str> {
    let (mut i, mut uk, mut ru, mut hard, mut u_short, mut south) =
        (false, false, false, false, false, false);
    for c in text.chars() {
        match c {
            'і' => i = true,
            'ї' | 'є' | 'ґ' => uk = true,
            'ы' | 'э' | 'ё' => ru = true,
            'ъ' => hard = true,
            'ў' => u_short = true,
            'ј' | 'љ' | 'њ' | 'ђ' | 'ћ' | 'џ' | 'ѓ' | 'ќ' | 'ѕ' => south = true,
            _ => {}
        }
    }
    if south {
        None
    } else if u_short && i {
        Some("be")
    } else if uk || (i && !ru && !hard) {
        Some("uk")
    } else if ru && !i {
        Some("ru")
    } else {
        None
    }
}

/// Frequent Ukrainian words without Ukrainian-only letters (for texts like "Дякую!").
pub(crate) fn has_ukrainian_word(text: &str) -> bool {
    text.split(' ').any(|w| {
        matches!(
            w,
            "дякую"
                | "дякуємо"
                | "будь"
                | "ласка"
                | "що"
                | "це"
                | "та"
                | "щоб"
                | "ми"
                | "ви"
                | "вона"
                | "вони"
                | "який"
                | "яка"
                | "буде"
                | "було"
                | "вже"
                | "дуже"
                | "слава"
                | "героям"
                | "разом"
                | "добрий"
                | "день"
                | "вечір"
                | "щиро"
                | "вітаю"
                | "вітаємо"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_alone() {
        // Scores summed by hand from the weights above.
        // "сәлем достар": ә → kk 2.0; word "сәлем" → kk +3.
        assert_eq!(cyrillic_scores("сәлем достар")[KK], 5.0);
        // "жаңы жыл": ң → kk 1, ky 2; word "жаңы" → ky +3.
        let s = cyrillic_scores("жаңы жыл");
        assert_eq!((s[KK], s[KY]), (1.0, 5.0));
        assert_eq!(cyrillic("жаңы жыл").map(|v| v.0), Some("ky"));
        // A Russian sentence naming Қазақстан stays with the base detector:
        // two қ → kk 3.0, word "қазақстан" → kk 6.0; Slavic words "в", "и", "на", "по" → 8.0;
        // 6.0 - 8.0 < 1 → None.
        assert_eq!(cyrillic("встреча в қазақстан и на переговорах по"), None);
    }

    #[test]
    fn uzbek_latin() {
        // o‘ → +2, "o‘zbekiston" → +5, "va" → +1.5: 8.5.
        assert_eq!(uzbek_latin_score("o‘zbekiston va "), 8.5);
        // Spanish "va" alone stays below the threshold: 1.5 - 2 (é) = -0.5.
        assert_eq!(latin("la reunión va muy bien café"), None);
    }
}
