//! Function-word evidence for the major Latin-script languages of diplomatic posts (en, de, fr,
//! es, pt, it, nl, tr, id). Trigram detectors are unreliable on one- to five-word texts
//! ("Thank you!", "Gracias, Embajador"), where a handful of very frequent words decide well.
//!
//! Lists chosen by the author: articles, prepositions, pronouns, conjunctions, and the
//! greetings and thanks of comment threads. A word shared by several languages counts for each
//! (`de`: es fr pt it nl). The rule decides only on a clear margin (see [`decide`]); otherwise
//! whatlang decides.

pub(crate) const LANGS: [&str; 9] = ["en", "de", "fr", "es", "pt", "it", "nl", "tr", "id"];

const EN: u16 = 1;
const DE: u16 = 1 << 1;
const FR: u16 = 1 << 2;
const ES: u16 = 1 << 3;
const PT: u16 = 1 << 4;
const IT: u16 = 1 << 5;
const NL: u16 = 1 << 6;
const TR: u16 = 1 << 7;
const ID: u16 = 1 << 8;

/// Languages a (lower-case, apostrophes as typed) word is evidence for.
fn word_mask(w: &str) -> u16 {
    match w {
        "the" | "and" | "of" | "to" | "are" | "with" | "for" | "you" | "your" | "our" | "this"
        | "that" | "thank" | "thanks" | "great" | "happy" | "congratulations" | "well" | "done"
        | "good" | "morning" | "best" | "wishes" | "from" | "please" | "beautiful" | "amazing"
        | "wonderful" | "today" | "will" | "be" | "have" | "has" | "it" | "on" | "at" | "by"
        | "an" | "meeting" | "proud" | "news" | "agree" | "agreed" | "was" | "were" | "not"
        | "all" | "my" | "just" | "very" | "what" | "who" | "how" | "why" | "they" | "he"
        | "she" | "his" | "their" | "can" | "would" | "should" | "about" | "more" | "love"
        | "new" | "day" | "people" | "yes" | "so" | "totally" | "looking" | "forward" | "join"
        | "us" | "i'm" | "it's" | "don't" | "i’m" | "it’s" | "don’t" | "we're" | "we’re"
        | "you're" | "you’re" | "that's" | "that’s" | "let's" | "let’s" | "can't" | "can’t"
        | "like" | "get" | "one" | "there" | "been" | "up" | "out" | "if" | "or" | "does"
        | "did" | "embassy" | "ambassador" | "congrats" => EN,
        "we" => EN | NL,
        "is" => EN | NL,
        "in" => EN | DE | IT | NL,
        "der" | "die" | "und" | "ist" | "sind" | "mit" | "für" | "von" | "zu" | "zum" | "zur"
        | "den" | "dem" | "ein" | "eine" | "einen" | "nicht" | "auch" | "wir" | "ich" | "uns"
        | "heute" | "danke" | "vielen" | "herzlich" | "herzlichen" | "glückwunsch" | "alles"
        | "gute" | "schön" | "schöne" | "sehr" | "frohe" | "bei" | "auf" | "im" | "aus"
        | "nach" | "botschaft" | "botschafter" | "sie" | "wie" => DE,
        "dank" => DE | NL,
        "das" => DE | PT,
        "des" => DE | FR,
        "le" | "les" | "et" | "est" | "une" | "du" | "au" | "aux" | "pour" | "avec" | "nous"
        | "vous" | "je" | "merci" | "beaucoup" | "félicitations" | "bonne" | "bon" | "joyeux"
        | "très" | "belle" | "belles" | "bienvenue" | "c'est" | "c’est" | "sur" | "dans"
        | "sont" | "ambassadeur" | "ce" | "cette" | "pas" | "ou" | "elle" | "ils" | "tous"
        | "toute" | "tout" | "à" | "être" | "avons" | "été" | "fait" => FR,
        "la" => FR | ES | IT,
        "que" => FR | ES | PT,
        "un" => FR | ES | IT,
        "en" => FR | ES | NL,
        "ambassade" => FR | NL,
        "excellent" => EN | FR,
        "el" | "los" | "las" | "y" | "por" | "muchas" | "gracias" | "felicidades" | "muy"
        | "nuestro" | "nuestros" | "nuestra" | "estamos" | "estoy" | "desde" | "embajada"
        | "embajador" | "bienvenidos" | "saludos" | "qué" | "año" | "día" | "enhorabuena"
        | "hoy" | "más" | "también" | "pero" | "como" | "este" | "está" | "están" | "sus"
        | "ya" | "cuando" | "todo" | "todos" | "gran" | "mucho" | "bien" | "hay" | "sí" | "él"
        | "ella" => ES,
        "para" | "feliz" | "esta" => ES | PT,
        "con" | "una" | "del" => ES | IT,
        "os" | "é" | "com" | "não" | "uma" | "um" | "dos" | "em" | "na" | "obrigado"
        | "obrigada" | "muito" | "parabéns" | "embaixada" | "embaixador" | "você" | "nós"
        | "nosso" | "nossa" | "hoje" | "ao" | "pelo" | "pela" | "são" => PT,
        "no" => EN | PT | IT | ES,
        "e" => PT | IT,
        "o" => PT | ES | IT,
        "as" => EN | PT,
        "do" => EN | PT,
        "da" => PT | IT | DE,
        "mais" => FR | PT,
        "il" => FR | IT,
        "es" => DE | ES,
        "se" => ES | PT | IT | FR,
        "son" => ES | FR,
        "al" | "lo" | "su" => ES | IT,
        "nos" => ES | PT | FR,
        "non" => IT | FR,
        "her" => EN | TR,
        "dan" => ID | NL,
        "di" => IT | ID,
        "i" => EN | IT,
        "gli" | "è" | "che" | "per" | "della" | "delle" | "nel" | "sono" | "grazie" | "mille"
        | "auguri" | "buon" | "buona" | "molto" | "oggi" | "ambasciata" | "ambasciatore"
        | "benvenuti" | "siamo" | "anche" | "questo" | "questa" => IT,
        "het" | "een" | "van" | "dat" | "niet" | "met" | "voor" | "op" | "wij" | "bedankt"
        | "gefeliciteerd" | "hartelijk" | "welkom" | "vandaag" | "goed" | "zijn" | "ook"
        | "naar" | "bij" | "maar" | "ik" | "jullie" | "heel" => NL,
        "de" => FR | ES | PT | IT | NL,
        "ve" | "bir" | "bu" | "için" | "ile" | "çok" | "teşekkürler" | "teşekkür" | "tebrikler"
        | "kutlu" | "olsun" | "büyükelçi" | "büyükelçilik" | "iyi" | "güzel" | "yeni" | "gibi"
        | "olarak" | "var" | "yok" | "ederiz" | "hoş" | "geldiniz" | "daha" | "ama" | "biz"
        | "sen" | "siz" | "ben" | "olan" => TR,
        "yang" | "untuk" | "dengan" | "ini" | "itu" | "dari" | "terima" | "kasih" | "selamat"
        | "kami" | "kita" | "tidak" | "akan" | "pada" | "dalam" | "adalah" | "kedutaan"
        | "besar" | "juga" | "saya" | "sudah" | "bisa" => ID,
        _ => 0,
    }
}

/// Hits per language of [`LANGS`] and the number of words.
pub(crate) fn scores(text: &str) -> ([u16; 9], u32) {
    let mut s = [0u16; 9];
    let mut n = 0;
    for w in text.split(' ').filter(|w| !w.is_empty()) {
        n += 1;
        let m = word_mask(w);
        if m != 0 {
            for (i, v) in s.iter_mut().enumerate() {
                if m & (1 << i) != 0 {
                    *v += 1;
                }
            }
        }
    }
    (s, n)
}

/// The language the function words decide for, with a confidence, or `None`.
///
/// Rule: the best language has at least one hit more than the runner-up and at least 1.5 times
/// its hits, and its hits are at least a fifth of the words (so a long text in an unlisted
/// language with a few shared words is left to whatlang).
pub(crate) fn decide(text: &str) -> Option<(&'static str, f32)> {
    let (s, n) = scores(text);
    let (mut bi, mut best, mut second) = (0usize, 0u16, 0u16);
    for (i, &v) in s.iter().enumerate() {
        if v > best {
            second = best;
            best = v;
            bi = i;
        } else if v > second {
            second = v;
        }
    }
    if best > second && 2 * best >= 3 * second && u32::from(best) * 5 >= n {
        let conf = 0.5 + 0.5 * f32::from(best - second) / f32::from(best + 1);
        Some((LANGS[bi], conf))
    } else {
        None
    }
}
