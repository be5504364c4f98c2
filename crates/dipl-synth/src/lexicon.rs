//! The words synthetic posts are made of: short template sentences per language with
//! placeholders, country and city names, event and topic phrases, and generic hashtags.
//!
//! All texts were written for this crate; none is taken from a real account. Placeholders are
//! `{own}` (sending country), `{partner}` (host or partner country or organisation), `{city}`,
//! `{event}`, `{topic}` and `{n}`. Templates never contain `#`, `@`, `&`, `<` or `>`, so the
//! only entities in a post are the ones the renderer inserts (and API v2's HTML escaping of
//! `&<>` never changes a text).

use crate::scenario::{Lang, Theme};

/// The sentence stock of one language.
pub(crate) struct Lexicon {
    pub leads: &'static [&'static str],
    pub details: &'static [&'static str],
    pub events: &'static [&'static str],
    pub topics: &'static [&'static str],
    pub replies: &'static [&'static str],
    pub actor_replies: &'static [&'static str],
    pub quotes: &'static [&'static str],
    pub thread: &'static [&'static str],
    pub comments: &'static [&'static str],
    pub news: &'static [&'static str],
    pub more: &'static str,
    pub tags: &'static [&'static str],
    /// Campaign sentences by theme (index = `theme_index`); empty where the language has none.
    pub themes: [&'static [&'static str]; 7],
}

pub(crate) fn theme_index(t: Theme) -> usize {
    match t {
        Theme::EuropeDay => 0,
        Theme::Idahot => 1,
        Theme::NationalDay => 2,
        Theme::Nauryz => 3,
        Theme::WomensDay => 4,
        Theme::Climate => 5,
        Theme::Forum => 6,
    }
}

pub(crate) fn lexicon(lang: Lang) -> &'static Lexicon {
    match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
        Lang::Kk => &KK,
        Lang::De => &DE,
        Lang::Fr => &FR,
        Lang::Uz => &UZ,
        Lang::Ky => &KY,
    }
}

static EN: Lexicon = Lexicon {
    leads: &[
        "Today the Ambassador met students in {city} to talk about study opportunities and scholarships.",
        "Great discussion with partners in {city} on {topic}. {own} and {partner} share many common goals.",
        "We were delighted to host {event} at the residence in {city}.",
        "{own} and {partner}: more than 30 years of diplomatic relations and a growing partnership in {topic}.",
        "Thank you to everyone who joined {event} in {city} this week!",
        "Our team visited {n} schools in the region to present exchange programmes and scholarships.",
        "Consular notice: the visa section in {city} will be closed on Friday. Please plan your appointments accordingly.",
        "Productive meeting at the Ministry of Foreign Affairs on {topic} and the next steps in our cooperation.",
        "Proud to support {event}, which brought together more than {n} participants.",
        "New funding call: projects on {topic} in {partner} can now apply for support.",
        "Welcome to the young professionals joining our programme on {topic} this year!",
        "A busy week in {city}: talks on {topic}, {event} and meetings with civil society.",
    ],
    details: &[
        "Together we can achieve more for people in both countries.",
        "Education and people-to-people contacts remain at the heart of our work.",
        "Thank you to our partners for the warm welcome and excellent cooperation.",
        "Stay tuned for more news from the embassy.",
        "Applications are open until the end of the month.",
        "We look forward to continuing this dialogue.",
        "The next round of consultations is planned for the autumn.",
        "Photos from the day below.",
    ],
    events: &[
        "a concert of young musicians",
        "a film festival",
        "a business forum",
        "a scholarship fair",
        "a seminar on water management",
        "a photo exhibition",
        "a round table with journalists",
        "a workshop on green energy",
    ],
    topics: &[
        "renewable energy",
        "trade and investment",
        "education",
        "water management",
        "climate action",
        "critical raw materials",
        "transport connectivity",
        "human rights",
        "gender equality",
        "culture and tourism",
        "digital innovation",
        "regional security",
    ],
    replies: &[
        "Thank you for your question! Visa appointments can be booked online; processing usually takes 15 working days.",
        "Thank you for your kind words, we are glad you enjoyed the event!",
        "Good question. Please send your documents to the consular section by email and our colleagues will reply.",
        "Thanks for reaching out! The scholarship call opens in spring, details will be published on our website.",
        "Yes, the exhibition is open to everyone until the end of the month. Entrance is free.",
        "We are sorry for the inconvenience. Our consular team will contact you shortly.",
    ],
    actor_replies: &[
        "Thank you for the excellent cooperation, we look forward to the next meeting!",
        "Congratulations! A great step for our partnership.",
        "Many thanks, it was a pleasure to work together on {topic}.",
    ],
    quotes: &[
        "Important news for our cooperation on {topic}. Well worth reading:",
        "We fully support this initiative.",
        "Great to see this progress in {topic}!",
        "Proud of our partners. A good example of what {own} and {partner} can do together.",
    ],
    thread: &[
        "During the meeting we also discussed {topic} and upcoming visits.",
        "Both sides agreed to continue the dialogue at expert level.",
        "Special thanks to the organisers and to all volunteers.",
        "More information will follow on our website.",
    ],
    comments: &[
        "How can I apply for a student visa? The website does not open.",
        "Is the visa centre in {city} open on Saturdays?",
        "Great event, thank you! When is the next one?",
        "When will the scholarship results be announced?",
        "I sent my documents three weeks ago and still have no answer. What should I do?",
        "Congratulations and best wishes from {city}!",
        "Will there be a similar programme for teachers?",
    ],
    news: &[
        "{own} and {partner} sign agreement on {topic}",
        "Foreign ministers discuss {topic} in {city}",
        "New flights between {city} and Europe announced for the summer",
        "Experts: cooperation on {topic} is gaining momentum in Central Asia",
        "{partner} hosts international conference on {topic}",
    ],
    more: "More:",
    tags: &["diplomacy", "education", "culture"],
    themes: [
        &[
            "Happy Europe Day! Today we celebrate peace, unity and our partnership with {partner}.",
            "On Europe Day we thank our friends in {partner} for years of close cooperation.",
        ],
        &[
            "On the International Day Against Homophobia, Biphobia and Transphobia, we stand for equal rights and dignity for everyone.",
            "Human rights are universal. Today and every day we stand against discrimination.",
        ],
        &[
            "Today we celebrate the national day of {own}! Thank you to all our friends in {partner} for their congratulations.",
            "Happy national day, {own}! A day to celebrate our history, our people and our friendships.",
        ],
        &[
            "Nauryz greetings to all our friends in {partner}! May the new spring bring peace and prosperity.",
            "Happy Nauryz! We celebrated the spring holiday with colleagues in {city}.",
        ],
        &["On International Women's Day we celebrate the women who shape diplomacy, science and society in {own} and {partner}."],
        &["Climate action cannot wait. {own} and {partner} work together on {topic} ahead of COP30."],
        &["Our delegation is taking part in the international forum in {city} this week, with talks on {topic}."],
    ],
};

static RU: Lexicon = Lexicon {
    leads: &[
        "Сегодня посол встретился со студентами университета в г. {city} и рассказал о стипендиях и стажировках.",
        "Хорошая дискуссия с партнёрами в г. {city} на тему «{topic}». {own} и {partner} разделяют общие цели.",
        "Были рады провести {event} в резиденции в г. {city}.",
        "{own} и {partner}: более 30 лет дипломатических отношений и растущее партнёрство в сфере «{topic}».",
        "Спасибо всем, кто посетил {event} в г. {city} на этой неделе!",
        "Наша команда посетила {n} школ региона и рассказала о программах обмена и стипендиях.",
        "Консульская информация: визовый отдел в г. {city} в пятницу не работает. Просим учитывать это при записи.",
        "Продуктивная встреча в МИД по теме «{topic}» и дальнейшим шагам сотрудничества.",
        "Рады поддержать {event}. Участников — более {n}!",
        "Новый конкурс: проекты в сфере «{topic}» могут получить поддержку. Заявки принимаются до конца месяца.",
        "Насыщенная неделя в г. {city}: переговоры по теме «{topic}», встречи с гражданским обществом и молодёжью.",
        "{own} — {partner}: новые возможности для сотрудничества в сфере «{topic}».",
    ],
    details: &[
        "Вместе мы можем сделать больше для людей в обеих странах.",
        "Образование и контакты между людьми остаются в центре нашей работы.",
        "Благодарим партнёров за тёплый приём и отличное сотрудничество.",
        "Следите за новостями посольства.",
        "Приём заявок открыт до конца месяца.",
        "Рассчитываем на продолжение диалога.",
        "Фотографии — ниже.",
    ],
    events: &[
        "концерт молодых музыкантов",
        "кинофестиваль",
        "бизнес-форум",
        "ярмарку стипендий",
        "семинар по управлению водными ресурсами",
        "фотовыставку",
        "круглый стол с журналистами",
        "мастер-класс по зелёной энергетике",
    ],
    topics: &[
        "возобновляемая энергетика",
        "торговля и инвестиции",
        "образование",
        "водные ресурсы",
        "климат",
        "критическое сырьё",
        "транспортная связанность",
        "права человека",
        "гендерное равенство",
        "культура и туризм",
        "цифровые инновации",
        "региональная безопасность",
    ],
    replies: &[
        "Спасибо за вопрос! Записаться на подачу документов на визу можно онлайн, срок рассмотрения — около 15 рабочих дней.",
        "Спасибо за тёплые слова, рады, что вам понравилось!",
        "Добрый день! Пожалуйста, направьте документы в консульский отдел по электронной почте, коллеги ответят.",
        "Спасибо за интерес! Конкурс стипендий откроется весной, подробности опубликуем на сайте.",
        "Да, выставка открыта для всех до конца месяца, вход свободный.",
        "Приносим извинения за неудобства. Консульский отдел свяжется с вами в ближайшее время.",
    ],
    actor_replies: &[
        "Благодарим за отличное сотрудничество, до встречи на следующих консультациях!",
        "Поздравляем! Важный шаг для нашего партнёрства.",
        "Спасибо, было приятно работать вместе.",
    ],
    quotes: &[
        "Важная новость для нашего сотрудничества. Рекомендуем прочитать:",
        "Полностью поддерживаем эту инициативу.",
        "Рады видеть такой прогресс в сфере «{topic}»!",
    ],
    thread: &[
        "В ходе встречи также обсудили тему «{topic}» и предстоящие визиты.",
        "Стороны договорились продолжить диалог на уровне экспертов.",
        "Отдельное спасибо организаторам и волонтёрам.",
        "Подробности — на нашем сайте.",
    ],
    comments: &[
        "Как подать документы на студенческую визу? Сайт не открывается.",
        "Визовый центр в г. {city} работает по субботам?",
        "Отличное мероприятие, спасибо! Когда следующее?",
        "Когда объявят результаты конкурса стипендий?",
        "Отправил документы три недели назад, ответа до сих пор нет. Что делать?",
        "Поздравляю, всего самого доброго из г. {city}!",
        "Будет ли похожая программа для учителей?",
    ],
    news: &[
        "{own} и {partner} подписали соглашение в сфере «{topic}»",
        "Министры иностранных дел обсудили тему «{topic}» в г. {city}",
        "Эксперты: сотрудничество в сфере «{topic}» набирает обороты в Центральной Азии",
        "Новые авиарейсы из г. {city} в Европу появятся летом",
    ],
    more: "Подробнее:",
    tags: &["дипломатия", "образование", "культура"],
    themes: [
        &[
            "С Днём Европы! Празднуем мир, единство и наше партнёрство. Спасибо друзьям за многолетнее сотрудничество!",
            "С Днём Европы! Европа — это мир, свобода и открытость к партнёрам.",
        ],
        &["В Международный день борьбы с гомофобией, бифобией и трансфобией мы выступаем за равные права и достоинство каждого человека."],
        &[
            "{own} празднует национальный день! Спасибо всем друзьям за тёплые поздравления.",
            "Сегодня национальный праздник! Благодарим всех, кто поздравил нас.",
        ],
        &[
            "С праздником Наурыз! Пусть весна принесёт мир, благополучие и процветание.",
            "Отметили Наурыз вместе с коллегами в г. {city}. С праздником весны!",
        ],
        &["С Международным женским днём! Поздравляем женщин, которые развивают дипломатию, науку и общество."],
        &["Климатические действия не могут ждать. {own} и {partner} работают вместе в преддверии COP30."],
        &["Наша делегация принимает участие в международном форуме в г. {city}, в центре внимания — «{topic}»."],
    ],
};

static KK: Lexicon = Lexicon {
    leads: &[
        "Бүгін елші {city} қаласындағы университет студенттерімен кездесіп, оқу және тағылымдама мүмкіндіктері туралы айтты.",
        "{city} қаласында серіктестермен «{topic}» тақырыбында пайдалы пікірталас өтті. {own} мен {partner} ортақ мақсаттарға ие.",
        "Резиденцияда {event} өткізгенімізге қуаныштымыз.",
        "{own} мен {partner}: 30 жылдан астам дипломатиялық қатынас және «{topic}» саласындағы өсіп келе жатқан әріптестік.",
        "Осы аптада {city} қаласында өткен іс-шараға қатысқан барлығына рахмет!",
        "Біздің команда өңірдегі {n} мектепке барып, алмасу бағдарламалары мен стипендиялар туралы айтып берді.",
        "Консулдық хабарландыру: {city} қаласындағы визалық бөлім жұма күні жұмыс істемейді.",
        "Сыртқы істер министрлігінде «{topic}» тақырыбы бойынша нәтижелі кездесу өтті.",
        "Іс-шараға {n} адам қатысты. {event} ұйымдастыруға қолдау көрсеткенімізге қуаныштымыз!",
        "Жаңа байқау: «{topic}» саласындағы жобалар қолдау ала алады. Өтінімдер ай соңына дейін қабылданады.",
        "{city} қаласындағы қарбалас апта: «{topic}» бойынша келіссөздер, азаматтық қоғаммен және жастармен кездесулер.",
        "{own} – {partner}: «{topic}» саласындағы ынтымақтастықтың жаңа мүмкіндіктері.",
    ],
    details: &[
        "Бірге біз екі елдің азаматтары үшін көбірек жасай аламыз.",
        "Білім беру және адамдар арасындағы байланыс – біздің жұмысымыздың өзегі.",
        "Серіктестерімізге жылы қабылдау мен тамаша ынтымақтастық үшін алғыс айтамыз.",
        "Елшілік жаңалықтарын қадағалап отырыңыздар.",
        "Диалогты жалғастыруға үміттенеміз.",
        "Суреттер төменде.",
    ],
    events: &[
        "жас музыканттардың концерті",
        "кинофестиваль",
        "бизнес-форум",
        "стипендиялар жәрмеңкесі",
        "су ресурстары бойынша семинар",
        "фотокөрме",
        "журналистермен дөңгелек үстел",
        "жасыл энергетика бойынша шеберлік сабағы",
    ],
    topics: &[
        "жаңартылатын энергия",
        "сауда және инвестиция",
        "білім беру",
        "су ресурстары",
        "климат",
        "сирек кездесетін металдар",
        "көлік байланысы",
        "адам құқықтары",
        "гендерлік теңдік",
        "мәдениет және туризм",
        "цифрлық инновациялар",
        "өңірлік қауіпсіздік",
    ],
    replies: &[
        "Сұрағыңызға рахмет! Визаға құжат тапсыруға онлайн жазылуға болады, қарау мерзімі шамамен 15 жұмыс күні.",
        "Жылы лебізіңізге рахмет, іс-шара ұнағанына қуаныштымыз!",
        "Сәлеметсіз бе! Құжаттарыңызды консулдық бөлімге электрондық пошта арқылы жіберіңіз, әріптестеріміз жауап береді.",
        "Қызығушылығыңызға рахмет! Стипендиялық байқау көктемде ашылады, толық ақпарат сайтта жарияланады.",
        "Иә, көрме ай соңына дейін барлығына ашық, кіру тегін.",
    ],
    actor_replies: &[
        "Тамаша ынтымақтастық үшін рахмет, келесі кездесуде көріскенше!",
        "Құттықтаймыз! Әріптестігіміз үшін маңызды қадам.",
    ],
    quotes: &[
        "Ынтымақтастығымыз үшін маңызды жаңалық. Оқуға кеңес береміз:",
        "Бұл бастаманы толық қолдаймыз.",
        "«{topic}» саласындағы мұндай ілгерілеуді көргенімізге қуаныштымыз!",
    ],
    thread: &[
        "Кездесу барысында «{topic}» мәселесі мен алдағы сапарлар да талқыланды.",
        "Тараптар диалогты сарапшылар деңгейінде жалғастыруға келісті.",
        "Ұйымдастырушылар мен еріктілерге ерекше алғыс.",
    ],
    comments: &[
        "Студенттік визаға қалай құжат тапсыруға болады? Сайт ашылмайды.",
        "{city} қаласындағы визалық орталық сенбі күні жұмыс істей ме?",
        "Керемет іс-шара, рахмет! Келесісі қашан болады?",
        "Стипендия нәтижелері қашан жарияланады?",
        "Құжаттарымды үш апта бұрын жібердім, әлі жауап жоқ. Не істеуім керек?",
        "Құттықтаймын! {city} қаласынан ізгі тілектер!",
    ],
    news: &[
        "{own} мен {partner} «{topic}» саласында келісімге қол қойды",
        "Сыртқы істер министрлері {city} қаласында «{topic}» мәселесін талқылады",
        "Сарапшылар: Орталық Азияда «{topic}» саласындағы ынтымақтастық қарқын алуда",
    ],
    more: "Толығырақ:",
    tags: &["дипломатия", "білім", "мәдениет"],
    themes: [
        &["Еуропа күні құтты болсын! Бүгін біз бейбітшілікті, бірлікті және {partner} елімен әріптестігімізді атап өтеміз."],
        &["Гомофобияға, бифобияға және трансфобияға қарсы халықаралық күні біз әр адамның тең құқығы мен қадір-қасиетін қолдаймыз."],
        &["{own} бүгін ұлттық мерекесін атап өтуде! Құттықтаулары үшін барлық достарымызға рахмет."],
        &[
            "Наурыз мейрамы құтты болсын! Көктем бейбітшілік пен береке әкелсін.",
            "Әріптестерімізбен бірге {city} қаласында Наурызды тойладық.",
        ],
        &["Халықаралық әйелдер күнімен! Дипломатияны, ғылымды және қоғамды дамытып жүрген әйелдерді құттықтаймыз."],
        &["Климаттық іс-қимыл күте алмайды. {own} мен {partner} COP30 қарсаңында бірлесіп жұмыс істеуде."],
        &["Біздің делегация осы аптада {city} қаласындағы халықаралық форумға қатысуда, басты тақырып – «{topic}»."],
    ],
};

static DE: Lexicon = Lexicon {
    leads: &[
        "Heute hat der Botschafter Studierende in {city} getroffen und über Studienmöglichkeiten und Stipendien gesprochen.",
        "Guter Austausch mit Partnern in {city} zum Thema {topic}. {own} und {partner} verfolgen gemeinsame Ziele.",
        "Wir haben uns sehr gefreut, {event} in der Residenz in {city} auszurichten.",
        "{own} und {partner}: mehr als 30 Jahre diplomatische Beziehungen und eine wachsende Partnerschaft im Bereich {topic}.",
        "Danke an alle, die diese Woche in {city} dabei waren!",
        "Unser Team hat {n} Schulen in der Region besucht und Austauschprogramme vorgestellt.",
        "Konsularischer Hinweis: Die Visastelle in {city} bleibt am Freitag geschlossen.",
        "Produktives Treffen im Außenministerium zu {topic} und den nächsten Schritten unserer Zusammenarbeit.",
        "Neue Förderrunde: Projekte im Bereich {topic} können sich ab sofort bewerben.",
        "Eine volle Woche in {city}: Gespräche zu {topic}, Kultur und Treffen mit der Zivilgesellschaft.",
    ],
    details: &[
        "Gemeinsam können wir mehr für die Menschen in beiden Ländern erreichen.",
        "Bildung und Begegnungen stehen im Mittelpunkt unserer Arbeit.",
        "Herzlichen Dank an unsere Partner für die gute Zusammenarbeit.",
        "Bewerbungen sind bis Ende des Monats möglich.",
        "Wir freuen uns auf die Fortsetzung des Dialogs.",
    ],
    events: &[
        "ein Konzert junger Musikerinnen und Musiker",
        "ein Filmfestival",
        "ein Wirtschaftsforum",
        "eine Stipendienmesse",
        "ein Seminar zu Wassermanagement",
        "eine Fotoausstellung",
        "einen Runden Tisch mit Journalisten",
        "einen Workshop zu grüner Energie",
    ],
    topics: &[
        "erneuerbare Energien",
        "Handel und Investitionen",
        "Bildung",
        "Wassermanagement",
        "Klimaschutz",
        "kritische Rohstoffe",
        "Verkehrsanbindung",
        "Menschenrechte",
        "Gleichstellung",
        "Kultur und Tourismus",
        "digitale Innovation",
        "regionale Sicherheit",
    ],
    replies: &[
        "Vielen Dank für Ihre Frage! Termine für die Visumbeantragung können online gebucht werden.",
        "Danke für die netten Worte, schön, dass es Ihnen gefallen hat!",
        "Bitte senden Sie Ihre Unterlagen per E-Mail an die Konsularabteilung, die Kolleginnen und Kollegen melden sich.",
    ],
    actor_replies: &[
        "Vielen Dank für die hervorragende Zusammenarbeit!",
        "Herzlichen Glückwunsch! Ein wichtiger Schritt für unsere Partnerschaft.",
    ],
    quotes: &[
        "Wichtige Nachricht für unsere Zusammenarbeit. Lesenswert:",
        "Wir unterstützen diese Initiative ausdrücklich.",
        "Schön, diese Fortschritte im Bereich {topic} zu sehen!",
    ],
    thread: &[
        "Beim Treffen ging es auch um {topic} und bevorstehende Besuche.",
        "Beide Seiten vereinbarten, den Dialog auf Expertenebene fortzusetzen.",
        "Ein besonderer Dank gilt den Organisatoren und allen Freiwilligen.",
    ],
    comments: &[
        "Wie kann ich ein Studentenvisum beantragen? Die Webseite funktioniert nicht.",
        "Tolle Veranstaltung, danke! Wann ist die nächste?",
        "Wann werden die Ergebnisse der Stipendienausschreibung veröffentlicht?",
    ],
    news: &[
        "{own} und {partner} unterzeichnen Abkommen über {topic}",
        "Außenminister beraten in {city} über {topic}",
    ],
    more: "Mehr:",
    tags: &["Diplomatie", "Bildung", "Kultur"],
    themes: [
        &["Alles Gute zum Europatag! Wir feiern Frieden, Einheit und unsere Partnerschaft mit {partner}."],
        &["Am Internationalen Tag gegen Homo-, Bi- und Transphobie setzen wir uns für gleiche Rechte und Würde für alle ein."],
        &["Heute feiert {own} den Nationalfeiertag! Danke für die vielen Glückwünsche aus {partner}."],
        &["Frohes Nauryz-Fest an alle Freundinnen und Freunde in {partner}!"],
        &["Zum Internationalen Frauentag würdigen wir die Frauen, die Diplomatie, Wissenschaft und Gesellschaft prägen."],
        &["Klimaschutz kann nicht warten. {own} und {partner} arbeiten vor der COP30 eng zusammen."],
        &["Unsere Delegation nimmt diese Woche am internationalen Forum in {city} teil, Schwerpunkt: {topic}."],
    ],
};

static FR: Lexicon = Lexicon {
    leads: &[
        "Aujourd’hui, l’Ambassadeur a rencontré des étudiants à {city} pour présenter les bourses et les possibilités d’études.",
        "Échange fructueux avec nos partenaires à {city} sur le thème « {topic} ». {own} et {partner} partagent des objectifs communs.",
        "Nous avons eu le plaisir d’accueillir {event} à la Résidence, à {city}.",
        "{own} – {partner} : plus de 30 ans de relations diplomatiques et un partenariat croissant sur le thème « {topic} ».",
        "Merci à toutes celles et ceux qui nous ont rejoints cette semaine à {city} !",
        "Notre équipe a visité {n} écoles de la région pour présenter les programmes d’échange.",
        "Information consulaire : le service des visas à {city} sera fermé vendredi.",
        "Réunion productive au ministère des Affaires étrangères sur le thème « {topic} ».",
        "Nouvel appel à projets sur le thème « {topic} » : candidatures ouvertes jusqu’à la fin du mois.",
        "Semaine chargée à {city} : échanges sur le thème « {topic} », culture et rencontres avec la société civile.",
    ],
    details: &[
        "Ensemble, nous pouvons faire plus pour les habitants de nos deux pays.",
        "L’éducation et les échanges humains sont au cœur de notre action.",
        "Merci à nos partenaires pour leur accueil chaleureux.",
        "Nous nous réjouissons de poursuivre ce dialogue.",
    ],
    events: &[
        "un concert de jeunes musiciens",
        "un festival de cinéma",
        "un forum d’affaires",
        "un salon des bourses",
        "un séminaire sur la gestion de l’eau",
        "une exposition de photographies",
        "une table ronde avec des journalistes",
        "un atelier sur l’énergie verte",
    ],
    topics: &[
        "énergies renouvelables",
        "commerce et investissement",
        "éducation",
        "gestion de l’eau",
        "climat",
        "matières premières critiques",
        "connectivité des transports",
        "droits de l’homme",
        "égalité femmes-hommes",
        "culture et tourisme",
        "innovation numérique",
        "sécurité régionale",
    ],
    replies: &[
        "Merci pour votre question ! Les rendez-vous pour les visas se prennent en ligne.",
        "Merci pour votre message, nous sommes ravis que l’événement vous ait plu !",
        "Veuillez envoyer vos documents par courriel au service consulaire, nos collègues vous répondront.",
    ],
    actor_replies: &[
        "Merci pour l’excellente coopération !",
        "Félicitations ! Une étape importante pour notre partenariat.",
    ],
    quotes: &[
        "Une nouvelle importante pour notre coopération. À lire :",
        "Nous soutenons pleinement cette initiative.",
    ],
    thread: &[
        "Nous avons également évoqué le thème « {topic} » et les prochaines visites.",
        "Les deux parties sont convenues de poursuivre le dialogue au niveau des experts.",
    ],
    comments: &[
        "Comment demander un visa étudiant ? Le site ne fonctionne pas.",
        "Très bel événement, merci ! À quand le prochain ?",
        "Quand les résultats des bourses seront-ils publiés ?",
    ],
    news: &["{own} et {partner} signent un accord sur le thème « {topic} »"],
    more: "En savoir plus :",
    tags: &["diplomatie", "éducation", "culture"],
    themes: [
        &["Joyeuse Journée de l’Europe ! Nous célébrons la paix, l’unité et l’amitié entre les peuples."],
        &["En cette Journée mondiale contre l’homophobie, la biphobie et la transphobie, nous défendons l’égalité des droits et la dignité de toutes et tous."],
        &["Aujourd’hui, c’est la fête nationale ! Merci pour vos nombreux messages de félicitations."],
        &["Joyeux Nauryz à tous nos amis ! Que le printemps apporte paix et prospérité."],
        &["En cette Journée internationale des droits des femmes, nous rendons hommage aux femmes qui font avancer la diplomatie et la science."],
        &["L’action climatique ne peut pas attendre. {own} et {partner} travaillent ensemble en vue de la COP30."],
        &["Notre délégation participe cette semaine au forum international de {city}."],
    ],
};

static UZ: Lexicon = Lexicon {
    leads: &[
        "Bugun elchi {city} shahridagi universitet talabalari bilan uchrashib, oʻqish va stipendiya imkoniyatlari haqida gapirib berdi.",
        "{city} shahrida hamkorlar bilan «{topic}» mavzusida foydali muloqot boʻldi. {own} va {partner} umumiy maqsadlarga ega.",
        "Qarorgohda {event} oʻtkazganimizdan xursandmiz.",
        "{own} va {partner}: 30 yildan ortiq diplomatik munosabatlar va «{topic}» sohasidagi hamkorlik.",
        "Shu hafta {city} shahridagi tadbirga qatnashgan barchaga rahmat!",
        "Jamoamiz viloyatdagi {n} ta maktabga borib, almashinuv dasturlari haqida soʻzlab berdi.",
        "Tashqi ishlar vazirligida «{topic}» masalasi boʻyicha samarali uchrashuv boʻlib oʻtdi.",
        "Yangi tanlov: «{topic}» sohasidagi loyihalar qoʻllab-quvvatlanadi. Arizalar oy oxirigacha qabul qilinadi.",
        "Vazir xorijiy hamkasbi bilan «{topic}» boʻyicha hamkorlikni muhokama qildi.",
        "{own} — {partner}: strategik sheriklikning yangi bosqichi.",
    ],
    details: &[
        "Birgalikda ikki mamlakat xalqlari uchun koʻproq ish qila olamiz.",
        "Taʼlim va xalqlar oʻrtasidagi aloqalar ishimiz markazida.",
        "Hamkorlarimizga samimiy qabul uchun minnatdorchilik bildiramiz.",
        "Muloqotni davom ettirishga umid qilamiz.",
    ],
    events: &[
        "yosh musiqachilar konserti",
        "kinofestival",
        "biznes-forum",
        "stipendiyalar yarmarkasi",
        "suv resurslari boʻyicha seminar",
        "fotokoʻrgazma",
        "jurnalistlar bilan davra suhbati",
        "yashil energetika boʻyicha mahorat darsi",
    ],
    topics: &[
        "qayta tiklanuvchi energiya",
        "savdo va investitsiyalar",
        "taʼlim",
        "suv resurslari",
        "iqlim",
        "muhim xomashyo",
        "transport aloqalari",
        "inson huquqlari",
        "gender tengligi",
        "madaniyat va turizm",
        "raqamli innovatsiyalar",
        "mintaqaviy xavfsizlik",
    ],
    replies: &[
        "Savolingiz uchun rahmat! Vizaga hujjat topshirish uchun onlayn navbatga yozilish mumkin.",
        "Iliq soʻzlaringiz uchun rahmat!",
        "Hujjatlaringizni elektron pochta orqali konsullik boʻlimiga yuboring, hamkasblarimiz javob berishadi.",
    ],
    actor_replies: &["Ajoyib hamkorlik uchun rahmat!", "Tabriklaymiz! Hamkorligimiz uchun muhim qadam."],
    quotes: &["Hamkorligimiz uchun muhim yangilik:", "Ushbu tashabbusni toʻliq qoʻllab-quvvatlaymiz."],
    thread: &[
        "Uchrashuvda «{topic}» masalasi va boʻlajak tashriflar ham muhokama qilindi.",
        "Tomonlar muloqotni ekspertlar darajasida davom ettirishga kelishib oldi.",
    ],
    comments: &[
        "Talaba vizasiga qanday hujjat topshirish mumkin? Sayt ochilmayapti.",
        "Ajoyib tadbir, rahmat! Keyingisi qachon?",
        "Stipendiya natijalari qachon eʼlon qilinadi?",
    ],
    news: &["{own} va {partner} «{topic}» sohasida kelishuv imzoladi"],
    more: "Batafsil:",
    tags: &["diplomatiya", "madaniyat"],
    themes: [
        &[],
        &[],
        &["{own} bugun milliy bayramini nishonlamoqda! Tabriklar uchun barcha doʻstlarimizga rahmat."],
        &["Navroʻz bayrami muborak! Bahor tinchlik va farovonlik olib kelsin."],
        &["Xalqaro xotin-qizlar kuni muborak! Diplomatiya va ilm-fanni rivojlantirayotgan ayollarni tabriklaymiz."],
        &["Iqlim boʻyicha harakatlar kutib turolmaydi. {own} va {partner} COP30 arafasida birgalikda ishlamoqda."],
        &["Delegatsiyamiz shu hafta {city} shahridagi xalqaro forumda ishtirok etmoqda."],
    ],
};

static KY: Lexicon = Lexicon {
    leads: &[
        "Бүгүн элчи {city} шаарындагы университеттин студенттери менен жолугуп, окуу жана стипендия мүмкүнчүлүктөрү тууралуу айтып берди.",
        "{city} шаарында өнөктөштөр менен «{topic}» темасында пайдалуу талкуу болду. {own} жана {partner} жалпы максаттарга ээ.",
        "Резиденцияда {event} өткөргөнүбүзгө кубанычтуубуз.",
        "{own} жана {partner}: 30 жылдан ашык дипломатиялык мамилелер жана «{topic}» тармагындагы өнөктөштүк.",
        "Ушул аптада {city} шаарындагы иш-чарага катышкандардын баарына ыраазычылык!",
        "Биздин команда аймактагы {n} мектепке барып, алмашуу программалары тууралуу айтып берди.",
        "Тышкы иштер министрлигинде «{topic}» маселеси боюнча натыйжалуу жолугушуу өттү.",
        "Жаңы сынак: «{topic}» тармагындагы долбоорлор колдоо ала алат. Арыздар айдын аягына чейин кабыл алынат.",
        "Министр чет өлкөлүк кесиптеши менен «{topic}» боюнча кызматташтыкты талкуулады.",
        "{own} – {partner}: стратегиялык өнөктөштүктүн жаңы баскычы.",
    ],
    details: &[
        "Чогуу биз эки өлкөнүн элдери үчүн көбүрөөк иш жасай алабыз.",
        "Билим берүү жана адамдар ортосундагы байланыштар ишибиздин борборунда.",
        "Өнөктөштөрүбүзгө жылуу тосуп алганы үчүн ыраазычылык билдиребиз.",
        "Диалогду улантууга үмүттөнөбүз.",
    ],
    events: &[
        "жаш музыканттардын концерти",
        "кинофестиваль",
        "бизнес-форум",
        "стипендиялар жарманкеси",
        "суу ресурстары боюнча семинар",
        "сүрөт көргөзмөсү",
        "журналисттер менен тегерек стол",
        "жашыл энергетика боюнча мастер-класс",
    ],
    topics: &[
        "кайра жаралуучу энергия",
        "соода жана инвестиция",
        "билим берүү",
        "суу ресурстары",
        "климат",
        "маанилүү чийки зат",
        "транспорттук байланыш",
        "адам укуктары",
        "гендердик теңчилик",
        "маданият жана туризм",
        "санариптик инновациялар",
        "аймактык коопсуздук",
    ],
    replies: &[
        "Сурооңуз үчүн рахмат! Визага документ тапшыруу үчүн онлайн кезекке жазылса болот.",
        "Жылуу сөздөрүңүз үчүн рахмат!",
        "Документтериңизди электрондук почта аркылуу консулдук бөлүмгө жөнөтүңүз, кесиптештерибиз жооп беришет.",
    ],
    actor_replies: &["Мыкты кызматташтык үчүн рахмат!", "Куттуктайбыз! Өнөктөштүгүбүз үчүн маанилүү кадам."],
    quotes: &["Кызматташтыгыбыз үчүн маанилүү жаңылык:", "Бул демилгени толук колдойбуз."],
    thread: &[
        "Жолугушууда «{topic}» маселеси жана алдыдагы сапарлар да талкууланды.",
        "Тараптар диалогду эксперттер деңгээлинде улантууга макул болушту.",
    ],
    comments: &[
        "Студенттик визага кантип документ тапшырса болот? Сайт ачылбай жатат.",
        "Сонун иш-чара, рахмат! Кийинкиси качан болот?",
        "Стипендиянын жыйынтыктары качан жарыяланат?",
    ],
    news: &["{own} жана {partner} «{topic}» тармагында келишимге кол коюшту"],
    more: "Кененирээк:",
    tags: &["дипломатия", "билим", "маданият"],
    themes: [
        &[],
        &[],
        &["{own} бүгүн улуттук майрамын белгилеп жатат! Куттуктоолор үчүн бардык досторубузга рахмат."],
        &["Нооруз майрамыңыздар менен! Жаз тынчтык жана береке алып келсин."],
        &["Эл аралык аялдар күнү менен! Дипломатияны жана илимди өнүктүрүп жаткан аялдарды куттуктайбыз."],
        &["Климат боюнча аракеттер күтө албайт. {own} жана {partner} COP30 алдында чогуу иштешүүдө."],
        &["Делегациябыз ушул аптада {city} шаарындагы эл аралык форумга катышууда."],
    ],
};

/// Who may say each lead sentence (parallel to `leads`): `A` anyone, `E` embassies, missions
/// and ambassadors, `I` institutions (embassies, missions, ministries), `M` ministries and
/// ministers or leaders.
pub(crate) fn lead_roles(lang: Lang) -> &'static str {
    match lang {
        Lang::En | Lang::Ru | Lang::Kk => "EAEAAIIEAIAA",
        Lang::De | Lang::Fr => "EAEAAIIEIA",
        Lang::Uz | Lang::Ky => "EAEAAIEIMA",
    }
}

/// What a citizen's comment (index into `comments`) is about: 0 visas, 1 an event or
/// congratulations, 2 scholarships and programmes, 3 documents waiting for an answer.
pub(crate) fn comment_class(lang: Lang, i: usize) -> u8 {
    let classes: &[u8] = match lang {
        Lang::En | Lang::Ru | Lang::Kk => &[0, 0, 1, 2, 3, 1, 2],
        _ => &[0, 1, 2],
    };
    classes.get(i).copied().unwrap_or(1)
}

/// Which comment class a reply (index into `replies`) answers.
pub(crate) fn reply_class(lang: Lang, i: usize) -> u8 {
    let classes: &[u8] = match lang {
        Lang::En | Lang::Ru | Lang::Kk => &[0, 1, 3, 2, 1, 3],
        _ => &[0, 1, 3],
    };
    classes.get(i).copied().unwrap_or(1)
}

/// Country names by language for the countries the stock scenarios use; others fall back to
/// the English short name of the ISO table.
static COUNTRY_NAMES: &[(&str, [&str; 7])] = &[
    // (ISO3, [en, ru, kk, de, fr, uz, ky])
    (
        "AUT",
        [
            "Austria",
            "Австрия",
            "Австрия",
            "Österreich",
            "Autriche",
            "Avstriya",
            "Австрия",
        ],
    ),
    (
        "CHN",
        [
            "China",
            "Китай",
            "Қытай",
            "China",
            "Chine",
            "Xitoy",
            "Кытай",
        ],
    ),
    (
        "DEU",
        [
            "Germany",
            "Германия",
            "Германия",
            "Deutschland",
            "Allemagne",
            "Germaniya",
            "Германия",
        ],
    ),
    (
        "ESP",
        [
            "Spain",
            "Испания",
            "Испания",
            "Spanien",
            "Espagne",
            "Ispaniya",
            "Испания",
        ],
    ),
    (
        "FIN",
        [
            "Finland",
            "Финляндия",
            "Финляндия",
            "Finnland",
            "Finlande",
            "Finlandiya",
            "Финляндия",
        ],
    ),
    (
        "FRA",
        [
            "France",
            "Франция",
            "Франция",
            "Frankreich",
            "France",
            "Fransiya",
            "Франция",
        ],
    ),
    (
        "GBR",
        [
            "the United Kingdom",
            "Великобритания",
            "Ұлыбритания",
            "Großbritannien",
            "Royaume-Uni",
            "Buyuk Britaniya",
            "Улуу Британия",
        ],
    ),
    (
        "ITA",
        [
            "Italy",
            "Италия",
            "Италия",
            "Italien",
            "Italie",
            "Italiya",
            "Италия",
        ],
    ),
    (
        "JPN",
        [
            "Japan",
            "Япония",
            "Жапония",
            "Japan",
            "Japon",
            "Yaponiya",
            "Япония",
        ],
    ),
    (
        "KAZ",
        [
            "Kazakhstan",
            "Казахстан",
            "Қазақстан",
            "Kasachstan",
            "Kazakhstan",
            "Qozogʻiston",
            "Казакстан",
        ],
    ),
    (
        "KGZ",
        [
            "Kyrgyzstan",
            "Кыргызстан",
            "Қырғызстан",
            "Kirgisistan",
            "Kirghizistan",
            "Qirgʻiziston",
            "Кыргызстан",
        ],
    ),
    (
        "KOR",
        [
            "Korea",
            "Корея",
            "Корея",
            "Korea",
            "Corée",
            "Koreya",
            "Корея",
        ],
    ),
    (
        "NLD",
        [
            "the Netherlands",
            "Нидерланды",
            "Нидерланды",
            "die Niederlande",
            "Pays-Bas",
            "Niderlandiya",
            "Нидерланд",
        ],
    ),
    (
        "POL",
        [
            "Poland",
            "Польша",
            "Польша",
            "Polen",
            "Pologne",
            "Polsha",
            "Польша",
        ],
    ),
    (
        "RUS",
        [
            "Russia",
            "Россия",
            "Ресей",
            "Russland",
            "Russie",
            "Rossiya",
            "Россия",
        ],
    ),
    (
        "SWE",
        [
            "Sweden",
            "Швеция",
            "Швеция",
            "Schweden",
            "Suède",
            "Shvetsiya",
            "Швеция",
        ],
    ),
    (
        "TJK",
        [
            "Tajikistan",
            "Таджикистан",
            "Тәжікстан",
            "Tadschikistan",
            "Tadjikistan",
            "Tojikiston",
            "Тажикстан",
        ],
    ),
    (
        "TKM",
        [
            "Turkmenistan",
            "Туркменистан",
            "Түрікменстан",
            "Turkmenistan",
            "Turkménistan",
            "Turkmaniston",
            "Түркмөнстан",
        ],
    ),
    (
        "TUR",
        [
            "Türkiye",
            "Турция",
            "Түркия",
            "Türkei",
            "Turquie",
            "Turkiya",
            "Түркия",
        ],
    ),
    (
        "USA",
        [
            "the United States",
            "США",
            "АҚШ",
            "die USA",
            "États-Unis",
            "AQSH",
            "АКШ",
        ],
    ),
    (
        "UZB",
        [
            "Uzbekistan",
            "Узбекистан",
            "Өзбекстан",
            "Usbekistan",
            "Ouzbékistan",
            "Oʻzbekiston",
            "Өзбекстан",
        ],
    ),
];

/// Names of organisations used as hosts.
static ORG_NAMES: &[(&str, [&str; 7])] = &[
    (
        "OSCE",
        [
            "the OSCE", "ОБСЕ", "ЕҚЫҰ", "OSZE", "l’OSCE", "YeXHT", "ЕККУ",
        ],
    ),
    ("UN", ["the UN", "ООН", "БҰҰ", "UNO", "l’ONU", "BMT", "БУУ"]),
    ("EU", ["the EU", "ЕС", "ЕО", "EU", "l’UE", "YeI", "ЕБ"]),
];

/// A country's or organisation's name in `lang`.
pub(crate) fn place_name(code: &str, lang: Lang) -> &'static str {
    let i = lang.index();
    if let Ok(k) = COUNTRY_NAMES.binary_search_by(|(c, _)| (*c).cmp(code)) {
        return COUNTRY_NAMES[k].1[i];
    }
    if let Some((_, names)) = ORG_NAMES.iter().find(|(c, _)| *c == code) {
        return names[i];
    }
    dipl_model::country_name(code).unwrap_or("our partners")
}

/// Cities diplomats of the stock scenarios work in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum City {
    Astana,
    Almaty,
    Tashkent,
    Bishkek,
    Vienna,
}

pub(crate) fn city_name(city: City, lang: Lang) -> &'static str {
    let names: [&str; 7] = match city {
        City::Astana => [
            "Astana",
            "Астана",
            "Астана",
            "Astana",
            "Astana",
            "Astana",
            "Астана",
        ],
        City::Almaty => [
            "Almaty",
            "Алматы",
            "Алматы",
            "Almaty",
            "Almaty",
            "Olmaota",
            "Алматы",
        ],
        City::Tashkent => [
            "Tashkent",
            "Ташкент",
            "Ташкент",
            "Taschkent",
            "Tachkent",
            "Toshkent",
            "Ташкент",
        ],
        City::Bishkek => [
            "Bishkek",
            "Бишкек",
            "Бішкек",
            "Bischkek",
            "Bichkek",
            "Bishkek",
            "Бишкек",
        ],
        City::Vienna => ["Vienna", "Вена", "Вена", "Wien", "Vienne", "Vena", "Вена"],
    };
    names[lang.index()]
}

/// The cities of a host (or, for ministries, of the sending country), with weights.
pub(crate) fn cities_of(code: &str) -> &'static [(City, u32)] {
    match code {
        "KAZ" => &[(City::Astana, 7), (City::Almaty, 3)],
        "UZB" => &[(City::Tashkent, 1)],
        "KGZ" => &[(City::Bishkek, 1)],
        "OSCE" | "AUT" => &[(City::Vienna, 1)],
        _ => &[],
    }
}

/// Invented given names and surname initials of audience accounts (Latin transliteration).
pub(crate) static GIVEN_NAMES: &[&str] = &[
    "Aigerim", "Nurlan", "Dana", "Arman", "Madina", "Yerlan", "Saule", "Timur", "Aruzhan",
    "Daniyar", "Aliya", "Askar", "Zhanna", "Bekzod", "Dilnoza", "Jasur", "Aziza", "Aibek",
    "Nurzat", "Elnura", "Kanat", "Olga", "Sergey", "Irina", "Anna", "Maxim", "Julia", "Lukas",
    "Marie", "Tomasz", "Elena", "Rustam", "Gulnara", "Bakyt", "Asel", "Murat", "Kamila", "Farrukh",
    "Zarina", "Ilyas",
];

/// Given names of audience persons on Facebook, VK and Telegram: Latin, Cyrillic, female.
pub(crate) static PERSON_NAMES: &[(&str, &str, bool)] = &[
    ("Aigerim", "Айгерим", true),
    ("Nurlan", "Нурлан", false),
    ("Dana", "Дана", true),
    ("Arman", "Арман", false),
    ("Madina", "Мадина", true),
    ("Yerlan", "Ерлан", false),
    ("Saule", "Сауле", true),
    ("Timur", "Тимур", false),
    ("Aruzhan", "Аружан", true),
    ("Daniyar", "Данияр", false),
    ("Aliya", "Алия", true),
    ("Askar", "Аскар", false),
    ("Zhanna", "Жанна", true),
    ("Bekzod", "Бекзод", false),
    ("Dilnoza", "Дилноза", true),
    ("Jasur", "Жасур", false),
    ("Aziza", "Азиза", true),
    ("Aibek", "Айбек", false),
    ("Elnura", "Эльнура", true),
    ("Kanat", "Канат", false),
    ("Olga", "Ольга", true),
    ("Sergey", "Сергей", false),
    ("Irina", "Ирина", true),
    ("Maxim", "Максим", false),
    ("Gulnara", "Гульнара", true),
    ("Bakyt", "Бакыт", false),
    ("Asel", "Асель", true),
    ("Murat", "Мурат", false),
    ("Kamila", "Камила", true),
    ("Farrukh", "Фаррух", false),
];

/// Common surname stems (masculine form; the feminine adds `a`), Latin and Cyrillic.
pub(crate) static SURNAMES: &[(&str, &str)] = &[
    ("Akhmetov", "Ахметов"),
    ("Nurpeisov", "Нурпеисов"),
    ("Sadykov", "Садыков"),
    ("Ibraimov", "Ибраимов"),
    ("Karimov", "Каримов"),
    ("Zhumabekov", "Жумабеков"),
    ("Omarov", "Омаров"),
    ("Abdullaev", "Абдуллаев"),
    ("Ismailov", "Исмаилов"),
    ("Petrov", "Петров"),
    ("Kuznetsov", "Кузнецов"),
    ("Bekov", "Беков"),
    ("Seitkaliev", "Сейткалиев"),
    ("Asanov", "Асанов"),
    ("Tursunov", "Турсунов"),
    ("Mamyrov", "Мамыров"),
    ("Yusupov", "Юсупов"),
    ("Serikbaev", "Серикбаев"),
];

/// Invented media outlets (handle, display name, language).
pub(crate) static MEDIA_OUTLETS: &[(&str, &str, Lang)] = &[
    ("SteppeWireNews", "Steppe Wire", Lang::En),
    ("AstanaLedger", "The Astana Ledger", Lang::En),
    ("CA_Brief_Daily", "Central Asia Brief", Lang::En),
    ("StepNovostiKZ", "Степь Новости", Lang::Ru),
    ("DalaAqparat", "Дала Ақпарат", Lang::Kk),
    ("SilkRoadEcho", "Silk Road Echo", Lang::En),
    ("VestnikRegiona", "Вестник региона", Lang::Ru),
    ("TashkentHerald_", "Tashkent Herald", Lang::Uz),
    ("AlaTooKabar", "Ала-Тоо Кабар", Lang::Ky),
    ("EurasiaDesk24", "Eurasia Desk", Lang::En),
    ("QalaZhanalyq", "Қала жаңалықтары", Lang::Kk),
    ("DiploWatchCA", "Diplo Watch", Lang::En),
];

/// Places audience profiles name.
pub(crate) static AUDIENCE_PLACES: &[&str] = &[
    "Almaty",
    "Astana, Kazakhstan",
    "Алматы",
    "Шымкент",
    "Караганда",
    "Tashkent",
    "Bishkek",
    "Berlin",
    "Kazakhstan",
    "Қазақстан",
    "",
    "",
    "",
    "Aktobe",
    "Ust-Kamenogorsk",
    "Samarkand",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_hold_no_entity_characters_and_names_are_sorted() {
        assert!(COUNTRY_NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        for lang in Lang::ALL {
            let lx = lexicon(lang);
            let all = lx
                .leads
                .iter()
                .chain(lx.details)
                .chain(lx.events)
                .chain(lx.topics)
                .chain(lx.replies)
                .chain(lx.actor_replies)
                .chain(lx.quotes)
                .chain(lx.thread)
                .chain(lx.comments)
                .chain(lx.news)
                .chain(lx.themes.iter().flat_map(|t| t.iter()));
            for s in all {
                assert!(!s.contains(['#', '@', '&', '<', '>']), "{s}");
            }
            assert!(!lx.leads.is_empty() && !lx.comments.is_empty() && !lx.replies.is_empty());
        }
        // Kyrgyz texts must not use letters that exist only in Kazakh.
        let ky = lexicon(Lang::Ky);
        for s in ky.leads.iter().chain(ky.details).chain(ky.replies) {
            assert!(!s.contains(['ә', 'ғ', 'қ', 'ұ', 'һ', 'і']), "{s}");
        }
        // The class tables cover every comment and reply.
        for lang in Lang::ALL {
            let lx = lexicon(lang);
            let (nc, nr) = match lang {
                Lang::En | Lang::Ru => (7, 6),
                Lang::Kk => (6, 5),
                _ => (3, 3),
            };
            assert_eq!((lx.comments.len(), lx.replies.len()), (nc, nr), "{lang:?}");
            assert_eq!(lx.leads.len(), lead_roles(lang).len(), "{lang:?}");
        }
        assert_eq!(place_name("DEU", Lang::Kk), "Германия");
        assert_eq!(place_name("OSCE", Lang::Ru), "ОБСЕ");
        assert_eq!(place_name("BRA", Lang::Ru), "Brazil");
    }
}
