//! Comment sections under actors' posts on Facebook, VK and Telegram (a channel's discussion
//! group): audience comments (heavy-tailed numbers, some of them questions), the actor's answers
//! at realistic delays (minutes to days; some comments answered twice, many never), and notes
//! the actor adds under its own post (self-replies, not dialogue).
//!
//! A thread is a pure function of the post and the collection time, so a post's comment counter,
//! its rendered comments and the ground truth always agree. Threads are two levels deep, as the
//! platforms show them: comments under the post, answers under a comment.

use crate::detmath::{self, below, uniform};
use crate::lexicon::{self, lexicon};
use crate::render::Renderer;
use crate::scenario::Lang;
use crate::timeline::{Core, Kind};
use crate::world::Who;
use dipl_model::Platform;

/// What a comment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// An audience comment asking something (a question mark or an interrogative word).
    Question,
    /// Any other audience comment (thanks, praise, congratulations).
    Remark,
    /// The actor answering an audience comment.
    Answer,
    /// The actor adding to its own post.
    Note,
}

/// Which sentence a comment is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tpl {
    /// `Lexicon::comments[i]`.
    Comment(u16),
    /// `Talk::plain_questions[i]`.
    Plain(u16),
    /// `Talk::remarks[i]`.
    Remark(u16),
    /// `Talk::notes[i]`.
    Note(u16),
    /// An answer to a comment of this class (see `lexicon::comment_class`).
    Answer(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Comment {
    /// Seconds (UTC).
    pub t: i64,
    /// `Citizen(i)` or the post's own account (`Actor(a)`).
    pub who: Who,
    /// Index (in the thread) of the comment this one answers; `None`: directly under the post.
    pub parent: Option<u32>,
    pub role: Role,
    pub tpl: Tpl,
    pub lang: Lang,
    pub seed: u64,
    pub likes: u64,
}

/// Sentences of comment sections by language.
pub(crate) struct Talk {
    /// Questions without a question mark, starting with an interrogative word (class 2).
    pub plain_questions: &'static [&'static str],
    /// Comments that ask nothing (class 1).
    pub remarks: &'static [&'static str],
    /// What an actor adds under its own post.
    pub notes: &'static [&'static str],
}

pub(crate) fn talk(lang: Lang) -> &'static Talk {
    match lang {
        Lang::En => &Talk {
            plain_questions: &[
                "How can I register for the next event",
                "Where can I find the application form for the programme",
            ],
            remarks: &[
                "Thank you for the information!",
                "Very interesting, thank you for sharing.",
                "Proud of this cooperation 👏",
                "Great news for our city!",
            ],
            notes: &[
                "Photos from the event are in the album on our page.",
                "Update: the registration deadline has been extended by one week.",
                "Thank you to everyone who took part!",
            ],
        },
        Lang::Ru => &Talk {
            plain_questions: &[
                "Подскажите, где можно найти форму заявки на программу",
                "Как записаться на следующее мероприятие",
            ],
            remarks: &[
                "Спасибо за информацию!",
                "Очень интересно, спасибо.",
                "Гордимся нашим сотрудничеством 👏",
                "Отличная новость для нашего города!",
            ],
            notes: &[
                "Фотографии с мероприятия — в альбоме на нашей странице.",
                "Обновление: срок подачи заявок продлён на неделю.",
                "Спасибо всем участникам!",
            ],
        },
        Lang::Kk => &Talk {
            plain_questions: &[
                "Бағдарламаға өтінішті қайда тапсыруға болады",
                "Келесі іс-шараға қалай тіркелуге болады",
            ],
            remarks: &[
                "Ақпарат үшін рахмет!",
                "Өте қызықты, рахмет.",
                "Керемет жаңалық!",
                "Ынтымақтастығымызды мақтан тұтамыз 👏",
            ],
            notes: &[
                "Іс-шарадан түскен суреттер парақшамыздағы альбомда.",
                "Жаңарту: өтінім қабылдау мерзімі бір аптаға ұзартылды.",
                "Барлық қатысушыларға рахмет!",
            ],
        },
        Lang::De => &Talk {
            plain_questions: &[
                "Wie kann ich mich für die nächste Veranstaltung anmelden",
                "Wo finde ich das Antragsformular für das Programm",
            ],
            remarks: &[
                "Danke für die Information!",
                "Sehr interessant, danke fürs Teilen.",
                "Tolle Neuigkeiten!",
                "Eine großartige Zusammenarbeit 👏",
            ],
            notes: &[
                "Fotos von der Veranstaltung finden Sie im Album auf unserer Seite.",
                "Update: Die Bewerbungsfrist wurde um eine Woche verlängert.",
                "Vielen Dank an alle Teilnehmenden!",
            ],
        },
        Lang::Fr => &Talk {
            plain_questions: &[
                "Comment s’inscrire au prochain événement",
                "Où trouver le formulaire de candidature pour le programme",
            ],
            remarks: &[
                "Merci pour l’information !",
                "Très intéressant, merci du partage.",
                "Excellente nouvelle !",
                "Une belle coopération 👏",
            ],
            notes: &[
                "Les photos de l’événement sont dans l’album de notre page.",
                "Mise à jour : la date limite des candidatures est prolongée d’une semaine.",
                "Merci à toutes et à tous pour votre participation !",
            ],
        },
        Lang::Uz => &Talk {
            plain_questions: &[
                "Dasturga arizani qayerda topshirish mumkin",
                "Keyingi tadbirga qanday ro‘yxatdan o‘tish mumkin",
            ],
            remarks: &[
                "Ma’lumot uchun rahmat!",
                "Juda qiziqarli, rahmat.",
                "Ajoyib yangilik!",
                "Hamkorligimiz bilan faxrlanamiz 👏",
            ],
            notes: &[
                "Tadbirdan suratlar sahifamizdagi albomda.",
                "Yangilanish: arizalar qabul qilish muddati bir haftaga uzaytirildi.",
                "Barcha ishtirokchilarga rahmat!",
            ],
        },
        Lang::Ky => &Talk {
            plain_questions: &[
                "Программага арызды кайда тапшырса болот",
                "Кийинки иш-чарага кантип катталса болот",
            ],
            remarks: &[
                "Маалымат үчүн рахмат!",
                "Абдан кызыктуу, рахмат.",
                "Сонун жаңылык!",
                "Кызматташтыгыбыз менен сыймыктанабыз 👏",
            ],
            notes: &[
                "Иш-чарадан сүрөттөр баракчабыздагы альбомдо.",
                "Жаңыртуу: арыз кабыл алуу мөөнөтү бир жумага узартылды.",
                "Бардык катышуучуларга рахмат!",
            ],
        },
    }
}

/// Whether `core` has a comment section in its platform's exports.
pub(crate) fn has_thread(r: &Renderer<'_, '_>, core: &Core) -> bool {
    let acct = &r.world.accounts[core.account as usize];
    acct.platform != Platform::Twitter
        && matches!(core.kind, Kind::Original | Kind::Quote)
        && acct.spec.comments_per_post > 0.0
}

const MINUTE: f64 = 60.0;
const HOUR: f64 = 3600.0;
const DAY: f64 = 86_400.0;

/// The comment section of `core` as collected at `cutoff` (seconds): chronological.
pub(crate) fn thread(r: &Renderer<'_, '_>, core: &Core, cutoff: i64) -> Vec<Comment> {
    if !has_thread(r, core) {
        return Vec::new();
    }
    let world = r.world;
    let a = core.account as usize;
    let spec = world.accounts[a].spec;
    let mut rng = detmath::rng(world.seed, &[0xC0_4E47, core.id]);
    let post_lang = r.post_lang(core);
    let t0 = core.t();

    let mut x = spec.comments_per_post * 0.55 * detmath::lognormal(&mut rng, 1.1);
    if uniform(&mut rng) < 0.01 {
        x *= 5.0 + 15.0 * uniform(&mut rng); // a post that draws a crowd
    }
    if core.kind == Kind::Quote {
        x *= 0.4;
    }
    let n = ((x + uniform(&mut rng)).floor() as usize).min(400);

    // (time, generation order, comment): parents refer to generation order until sorted.
    let mut items: Vec<(i64, u32, Comment)> = Vec::with_capacity(n + n / 3 + 2);
    let push = |items: &mut Vec<(i64, u32, Comment)>, c: Comment| {
        let order = items.len() as u32;
        items.push((c.t, order, c));
        order
    };
    for _ in 0..n {
        let u = uniform(&mut rng);
        let citizen =
            (((u * u * u) * world.n_citizens() as f64) as u32).min(world.n_citizens() - 1);
        let delay = MINUTE + 2.0 * HOUR * detmath::lognormal(&mut rng, 1.3);
        let t = t0 + delay.min(8.0 * DAY) as i64;
        let seed = rand::Rng::random::<u64>(&mut rng);
        let lang = if uniform(&mut rng) < 0.6 {
            post_lang
        } else {
            world.citizen_lang(citizen)
        };
        let lx = lexicon(lang);
        let tk = talk(lang);
        let question = uniform(&mut rng) < 0.4;
        // The `k`-th comment template that is (or is not) a question.
        let nth = |k: usize, marked: bool| {
            (0..lx.comments.len())
                .filter(|&i| lx.comments[i].contains('?') == marked)
                .nth(k)
        };
        let count = |marked: bool| {
            lx.comments
                .iter()
                .filter(|c| c.contains('?') == marked)
                .count()
        };
        let tpl = if question {
            let n_marked = count(true);
            if uniform(&mut rng) < 0.2 || n_marked == 0 {
                Tpl::Plain(below(&mut rng, tk.plain_questions.len()) as u16)
            } else {
                let k = below(&mut rng, n_marked);
                Tpl::Comment(nth(k, true).unwrap_or(0) as u16)
            }
        } else {
            let n_plain = count(false);
            if uniform(&mut rng) < 0.2 && n_plain > 0 {
                let k = below(&mut rng, n_plain);
                Tpl::Comment(nth(k, false).unwrap_or(0) as u16)
            } else {
                Tpl::Remark(below(&mut rng, tk.remarks.len()) as u16)
            }
        };
        let likes = (0.8 * detmath::lognormal(&mut rng, 1.0)).floor() as u64;
        let comment = Comment {
            t,
            who: Who::Citizen(citizen),
            parent: None,
            role: if question {
                Role::Question
            } else {
                Role::Remark
            },
            tpl,
            lang,
            seed,
            likes,
        };
        let order = push(&mut items, comment);
        let p = if question {
            spec.answer_share
        } else {
            spec.answer_share * 0.25
        };
        if uniform(&mut rng) < p {
            let class = match tpl {
                Tpl::Comment(i) => lexicon::comment_class(lang, i as usize),
                Tpl::Plain(_) => 2,
                _ => 1,
            };
            // Answer in the comment's language when the account writes it.
            let acct = &world.accounts[a];
            let answer_lang = if acct.lang_weights.iter().any(|(l, _)| *l == lang) {
                lang
            } else {
                post_lang
            };
            let mut ta = t
                + (2.0 * MINUTE + 3.0 * HOUR * detmath::lognormal(&mut rng, 1.4)).min(6.0 * DAY)
                    as i64;
            let answers = if uniform(&mut rng) < 0.15 { 2 } else { 1 };
            for k in 0..answers {
                if k > 0 {
                    ta += (10.0 * MINUTE + HOUR * detmath::lognormal(&mut rng, 1.2)).min(3.0 * DAY)
                        as i64;
                }
                let seed = rand::Rng::random::<u64>(&mut rng);
                let likes = (1.5 * detmath::lognormal(&mut rng, 0.8)).floor() as u64;
                push(
                    &mut items,
                    Comment {
                        t: ta,
                        who: Who::Actor(a as u32),
                        parent: Some(order),
                        role: Role::Answer,
                        tpl: Tpl::Answer(class),
                        lang: answer_lang,
                        seed,
                        likes,
                    },
                );
            }
        }
    }
    if uniform(&mut rng) < spec.self_comment_share {
        let notes = if uniform(&mut rng) < 0.3 { 2 } else { 1 };
        let mut t = t0;
        for _ in 0..notes {
            t += (MINUTE + 30.0 * MINUTE * detmath::lognormal(&mut rng, 1.0)).min(2.0 * DAY) as i64;
            let seed = rand::Rng::random::<u64>(&mut rng);
            let lang = post_lang;
            let tpl = Tpl::Note(below(&mut rng, talk(lang).notes.len()) as u16);
            let likes = (2.0 * detmath::lognormal(&mut rng, 0.8)).floor() as u64;
            push(
                &mut items,
                Comment {
                    t,
                    who: Who::Actor(a as u32),
                    parent: None,
                    role: Role::Note,
                    tpl,
                    lang,
                    seed,
                    likes,
                },
            );
        }
    }
    // Collected at `cutoff`: later comments do not exist yet (answers always come after the
    // comment they answer, so no answer loses its parent).
    items.retain(|(t, _, _)| *t < cutoff);
    items.sort_unstable_by_key(|(t, order, _)| (*t, *order));
    let generated = items
        .iter()
        .map(|(_, o, _)| *o as usize + 1)
        .max()
        .unwrap_or(0);
    let mut index_of = vec![u32::MAX; generated];
    for (i, (_, order, _)) in items.iter().enumerate() {
        index_of[*order as usize] = i as u32;
    }
    items
        .into_iter()
        .map(|(_, _, mut c)| {
            c.parent = c.parent.map(|p| index_of[p as usize]);
            c
        })
        .collect()
}

/// The ground truth of one thread for the post's account.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    /// Audience comments.
    pub audience: u64,
    /// Audience comments with at least one answer by the account.
    pub answered: u64,
    pub questions: u64,
    pub questions_unanswered: u64,
    /// The account's answers (replies to the audience).
    pub answers: u64,
    /// The account's notes under its own post (self-replies).
    pub notes: u64,
}

pub(crate) fn tally(thread: &[Comment]) -> Tally {
    let mut t = Tally::default();
    let mut answered = vec![false; thread.len()];
    for c in thread {
        if c.role == Role::Answer {
            if let Some(p) = c.parent {
                answered[p as usize] = true;
            }
        }
    }
    for (i, c) in thread.iter().enumerate() {
        match c.role {
            Role::Question | Role::Remark => {
                t.audience += 1;
                t.answered += u64::from(answered[i]);
                if c.role == Role::Question {
                    t.questions += 1;
                    t.questions_unanswered += u64::from(!answered[i]);
                }
            }
            Role::Answer => t.answers += 1,
            Role::Note => t.notes += 1,
        }
    }
    t
}
