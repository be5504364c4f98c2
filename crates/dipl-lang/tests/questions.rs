//! `is_question` on invented comments with exact expectations (each decided by hand from the
//! rules in the `question` module docs).

use dipl_lang::is_question;

#[test]
fn question_marks() {
    assert!(is_question("When does the visa centre open?", Some("en")));
    assert!(is_question("Когда откроется посольство?", Some("ru")));
    assert!(is_question("签证什么时候开放？", Some("zh")));
    assert!(is_question("متى تفتح السفارة؟", Some("ar")));
    assert!(is_question("¿Cuándo abre la embajada", Some("es")));
    assert!(is_question("Πότε ανοίγει η πρεσβεία;", Some("el")));
    // Rhetorical questions are questions by the codebook's formal rule.
    assert!(is_question("Who could have imagined this?", Some("en")));
    // `?` only inside a URL: not a question.
    assert!(!is_question(
        "Read more https://example.org/news?id=42",
        Some("en")
    ));
    assert!(!is_question(
        "Read more https://example.org/news?id=42",
        None
    ));
}

#[test]
fn interrogative_words_without_mark() {
    let yes: &[(&str, Option<&str>)] = &[
        ("How can I apply for a visa", Some("en")),
        ("Do you accept online applications", Some("en")),
        ("Why is the consulate closed today", Some("en")),
        ("@Embassy where is the new office", Some("en")),
        ("Почему закрыт консульский отдел", Some("ru")),
        ("Можно ли подать документы онлайн", Some("ru")),
        ("Чи працює консульство у суботу", Some("uk")),
        ("Виза қашан беріледі", Some("kk")),
        ("Құжаттарды онлайн тапсыруға бола ма", Some("kk")),
        ("Элчилик качан ачылат", Some("ky")),
        ("Виза алса болобу", Some("ky")),
        ("Viza qachon beriladi", Some("uz")),
        ("Hujjatlarni onlayn topshirsa bo'ladimi", Some("uz")),
        ("Wann öffnet die Botschaft", Some("de")),
        ("Gibt es einen Termin im Mai", Some("de")),
        ("Pourquoi le consulat est fermé", Some("fr")),
        ("Est-ce que je peux venir lundi", Some("fr")),
        ("Por qué está cerrada la embajada", Some("es")),
        ("大使馆今天开门吗", Some("zh")),
        ("هل السفارة مفتوحة اليوم", Some("ar")),
        ("Konsolosluk bugün açık mı", Some("tr")),
        ("Vize başvurusu nasıl yapılır", Some("tr")),
        // Unknown language: the union of the rules.
        ("Wann öffnet die Botschaft", None),
        ("Почему закрыт консульский отдел", None),
        ("How many visas were issued", None),
    ];
    for (t, l) in yes {
        assert!(is_question(t, *l), "expected a question: {t:?} ({l:?})");
    }
}

#[test]
fn not_questions() {
    let no: &[(&str, Option<&str>)] = &[
        // Exclamations are not questions, even with an interrogative word.
        ("What a great day!", Some("en")),
        ("What a great day", Some("en")),
        ("How wonderful!", Some("en")),
        ("Какая красота!", Some("ru")),
        ("¡Qué bonito!", Some("es")),
        ("Was für ein Tag!", Some("de")),
        // Subordinate clauses and imperatives.
        ("When we work together, we win.", Some("en")),
        ("Do join us tomorrow at the residence", Some("en")),
        ("Can't wait to see you all", Some("en")),
        ("Как сообщает МИД, встреча прошла успешно.", Some("ru")),
        ("Что касается визового режима, изменений нет.", Some("ru")),
        ("Wie angekündigt, beginnt die Woche am Montag.", Some("de")),
        ("Cuando trabajamos juntos, ganamos.", Some("es")),
        (
            "Quand la France et le Kazakhstan coopèrent, tout le monde gagne.",
            Some("fr"),
        ),
        ("Thank you, Ambassador", Some("en")),
        ("Рахмет!", Some("kk")),
        // Union mode leaves out cross-language homographs: Korean surname Kim, Russian "не",
        // Italian "qui", Spanish "mi".
        ("Ким Чен Ын прибыл в Москву", None),
        ("Kim Jong Un arrived in Moscow", None),
        ("Не забудьте зарегистрироваться", None),
        ("Qui a Roma con gli amici", None),
        ("Gracias mi amigo", None),
        // A language without word lists uses question marks only.
        ("Quando abre a embaixada", Some("pt")),
        ("", None),
    ];
    for (t, l) in no {
        assert!(!is_question(t, *l), "expected no question: {t:?} ({l:?})");
    }
}

/// Russian requests for information and "how to" with an infinitive, without a question mark:
/// a request verb opening the sentence ("Подскажите, где …"), or как/что/когда followed by an
/// infinitive. Neither catches "как всегда" or a temporal "когда".
#[test]
fn russian_requests_and_infinitives() {
    for text in [
        "Подскажите, где можно найти форму заявки на программу",
        "Как записаться на следующее мероприятие",
        "Что делать, если паспорт утерян",
        "Уточните, пожалуйста, сроки подачи",
    ] {
        assert!(is_question(text, Some("ru")), "{text}");
    }
    for text in [
        "Как всегда, отличная работа",
        "Когда мы были в Астане, было здорово",
        "Что ж, спасибо",
    ] {
        assert!(!is_question(text, Some("ru")), "{text}");
    }
}
