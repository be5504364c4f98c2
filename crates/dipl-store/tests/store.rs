//! Behaviour of the store on small hand-made imports: idempotence, observation history,
//! savepoints and rollbacks, pseudonymisation, the registry, dataset scope and order, migrations.

use dipl_model::{
    AccountObservation, AccountRecord, Actor, ActorKind, Counters, Follow, Platform, Post,
    PostKind, PostRef, Record, Role, Timestamp, Window,
};
use dipl_store::{
    account_pseudonym, mention_pseudonym, BatchInfo, BatchOutcome, RegisteredAccount,
    RegistryEntry, Scope, SqlValue, Store, StoreError, SCHEMA_VERSION,
};

const KEY: [u8; 32] = [7; 32];

fn store() -> Store {
    Store::open_in_memory(KEY).expect("in-memory store")
}

fn batch_info(importer: &str, started_at: i64) -> BatchInfo {
    BatchInfo {
        importer_id: importer.into(),
        importer_version: "1".into(),
        source: "test.jsonl".into(),
        started_at: Timestamp(started_at),
        content_hash: None,
    }
}

/// Imports `records` as one file with content hash `hash`, started at `started_at`.
fn import_at(store: &mut Store, hash: &str, started_at: i64, records: &[Record]) -> BatchOutcome {
    let mut session = store.session().unwrap();
    let batch = session
        .begin_batch(&batch_info("test.v1", started_at))
        .unwrap();
    session.write(batch, records).unwrap();
    let outcome = session
        .finish_batch(batch, hash, Timestamp(started_at + 1))
        .unwrap();
    session.commit().unwrap();
    outcome
}

fn import(store: &mut Store, hash: &str, records: &[Record]) -> BatchOutcome {
    import_at(store, hash, 1_000, records)
}

fn account(id: &str, handle: &str, role: Role) -> Record {
    let mut record = AccountRecord::bare(Platform::Twitter, id, Some(handle.into()), role);
    record.display_name = Some(format!("Name of {handle}"));
    record.description = Some("bio".into());
    Record::Account(record)
}

fn post(id: &str, author: &str, created_at: i64) -> Post {
    Post {
        platform: Platform::Twitter,
        id: id.into(),
        author_id: author.into(),
        created_at: Timestamp(created_at),
        kind: PostKind::Original,
        parent: None,
        referenced: None,
        conversation_id: None,
        text: format!("text of {id}"),
        lang: Some("en".into()),
        media: Vec::new(),
        urls: Vec::new(),
        hashtags: Vec::new(),
        mentions: Vec::new(),
        edited: false,
        deleted: false,
        counters: Counters::default(),
        reactions: Vec::new(),
        observed_at: None,
    }
}

fn reply(
    id: &str,
    author: &str,
    created_at: i64,
    parent_post: &str,
    parent_account: &str,
    parent_handle: &str,
) -> Post {
    Post {
        kind: PostKind::Reply,
        parent: Some(PostRef {
            post_id: parent_post.into(),
            account_id: Some(parent_account.into()),
            handle: Some(parent_handle.into()),
        }),
        ..post(id, author, created_at)
    }
}

fn likes(mut post: Post, likes: u64, observed_at: Option<i64>) -> Post {
    post.counters.likes = Some(likes);
    post.observed_at = observed_at.map(Timestamp);
    post
}

fn rec(post: Post) -> Record {
    Record::Post(Box::new(post))
}

/// The rows of a read-only query, as text (`NULL` for nulls).
fn rows(store: &Store, sql: &str) -> Vec<Vec<String>> {
    store
        .query(sql)
        .unwrap()
        .rows
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|value| match value {
                    SqlValue::Null => "NULL".to_string(),
                    SqlValue::Integer(v) => v.to_string(),
                    SqlValue::Real(v) => v.to_string(),
                    SqlValue::Text(v) => v,
                    SqlValue::Blob(v) => format!("{v:?}"),
                })
                .collect()
        })
        .collect()
}

fn pseudonym(id: &str) -> String {
    // By definition: "anon-" + the first 16 hex digits of the keyed hash of "twitter:<id>".
    let hash = blake3::keyed_hash(&KEY, format!("twitter:{id}").as_bytes()).to_hex();
    format!("anon-{}", &hash.as_str()[..16])
}

fn assert_sound(store: &Store) {
    assert_eq!(store.check_integrity().unwrap(), Vec::<String>::new());
}

fn registry(actor_id: &str, kind: ActorKind, accounts: Vec<RegisteredAccount>) -> RegistryEntry {
    RegistryEntry {
        actor: Actor {
            id: actor_id.into(),
            name: format!("{actor_id} name"),
            kind,
            country: "DEU".into(),
            host: Some("KAZ".into()),
            notes: None,
        },
        accounts,
    }
}

fn by_handle(handle: &str) -> RegisteredAccount {
    RegisteredAccount {
        platform: Platform::Twitter,
        handle: Some(handle.into()),
        platform_id: None,
    }
}

fn by_id(platform_id: &str) -> RegisteredAccount {
    RegisteredAccount {
        platform: Platform::Twitter,
        handle: None,
        platform_id: Some(platform_id.into()),
    }
}

/// Subject 1 with two posts (one observed), and audience 99 replying to the first.
fn small_export() -> Vec<Record> {
    vec![
        account("1", "Emb", Role::Subject),
        rec(likes(post("p1", "1", 100), 5, Some(500))),
        rec(post("p2", "1", 200)),
        rec(reply("p3", "99", 300, "p1", "1", "Emb")),
    ]
}

#[test]
fn writing_the_same_records_twice_changes_nothing() {
    let mut store = store();
    assert!(matches!(
        import(&mut store, "a", &small_export()),
        BatchOutcome::Imported(_)
    ));
    let counts = store.counts().unwrap();
    // Accounts: subject 1 and audience 99; posts p1-p3; one observation (p1 at 500).
    assert_eq!(
        (counts.accounts, counts.posts, counts.post_observations),
        (2, 3, 1)
    );
    let dataset = store.load_dataset(&Scope::all()).unwrap();

    // An overlapping export with different bytes (another content hash) but the same records.
    assert!(matches!(
        import(&mut store, "b", &small_export()),
        BatchOutcome::Imported(_)
    ));
    let again = store.counts().unwrap();
    assert_eq!(again.batches, 2);
    assert_eq!(
        (again.accounts, again.posts, again.post_observations),
        (2, 3, 1)
    );
    assert_eq!(store.load_dataset(&Scope::all()).unwrap(), dataset);
    assert_sound(&store);
}

#[test]
fn latest_observation_wins_and_all_are_kept() {
    let mut store = store();
    let base = || post("p1", "1", 100);
    let mut first = likes(base(), 9, Some(200));
    first.counters.replies = Some(1);
    let older = {
        let mut p = likes(base(), 5, Some(100));
        p.counters.views = Some(50);
        p
    };
    let mut same_time = base();
    same_time.counters.views = Some(70);
    same_time.observed_at = Some(Timestamp(200));
    import(
        &mut store,
        "1",
        &[account("1", "Emb", Role::Subject), rec(first)],
    );
    import(&mut store, "2", &[rec(older)]);
    import(&mut store, "3", &[rec(same_time)]);
    // An observation without a time of its own is dated by its batch (started at 1000).
    import_at(
        &mut store,
        "4",
        1_000,
        &[rec(likes(post("p2", "1", 150), 3, None))],
    );
    // A post whose counters are all missing adds no observation.
    import(&mut store, "5", &[rec(post("p2", "1", 150))]);

    // p1: t=100 {likes 5, views 50}; t=200 {likes 9, replies 1} merged with {views 70}.
    assert_eq!(
        rows(
            &store,
            "SELECT p.platform_id, o.observed_at, o.likes, o.replies, o.views
                      FROM post_observation o JOIN post p ON p.id = o.post ORDER BY 1, 2"
        ),
        vec![
            vec!["p1", "100", "5", "NULL", "50"],
            vec!["p1", "200", "9", "1", "70"],
            vec!["p2", "1000", "3", "NULL", "NULL"],
        ]
    );
    // The post rows repeat the latest observation (t=200 wins over the later-imported t=100).
    assert_eq!(
        rows(
            &store,
            "SELECT platform_id, likes, replies, views, latest_observed_at FROM post ORDER BY 1"
        ),
        vec![
            vec!["p1", "9", "1", "70", "200"],
            vec!["p2", "3", "NULL", "NULL", "1000"]
        ]
    );
    let dataset = store.load_dataset(&Scope::all()).unwrap();
    let p1 = &dataset.posts[0];
    assert_eq!(
        (p1.likes, p1.replies, p1.views, p1.reposts),
        (Some(9), Some(1), Some(70), None)
    );
}

#[test]
fn aborted_batch_leaves_no_trace_and_the_session_goes_on() {
    let mut store = store();
    import(&mut store, "a", &small_export());
    let before = store.fingerprint().unwrap();

    let mut session = store.session().unwrap();
    let batch = session.begin_batch(&batch_info("test.v1", 2_000)).unwrap();
    // Creates audience account 77 and a post, then is abandoned.
    session
        .write(batch, &[rec(reply("p9", "77", 400, "p1", "1", "Emb"))])
        .unwrap();
    session.abort_batch(batch).unwrap();
    session.commit().unwrap();
    assert_eq!(store.fingerprint().unwrap(), before);

    // Within one session: abort, then a new batch meets account 77 again; its row must be
    // created anew (the aborted one, and its row id, are gone).
    let mut session = store.session().unwrap();
    let batch = session.begin_batch(&batch_info("test.v1", 2_000)).unwrap();
    session
        .write(batch, &[rec(post("p10", "77", 500))])
        .unwrap();
    session.abort_batch(batch).unwrap();
    let batch = session.begin_batch(&batch_info("test.v1", 2_000)).unwrap();
    session
        .write(
            batch,
            &[
                account("55", "other", Role::Subject),
                rec(post("p11", "77", 600)),
            ],
        )
        .unwrap();
    session.finish_batch(batch, "c", Timestamp(2_001)).unwrap();
    session.commit().unwrap();
    // Accounts 1, 99 (before), 55 and 77 (new); posts p1-p3 and p11.
    let counts = store.counts().unwrap();
    assert_eq!((counts.accounts, counts.posts, counts.batches), (4, 4, 2));
    assert_sound(&store);
}

#[test]
fn same_content_is_imported_once() {
    let mut store = store();
    let first = match import(&mut store, "h", &small_export()) {
        BatchOutcome::Imported(counts) => {
            // 4 records: 1 account, 3 posts of which 1 with counters.
            assert_eq!(
                (counts.accounts, counts.posts, counts.post_observations),
                (1, 3, 1)
            );
            store.batches().unwrap()[0].id
        }
        other => panic!("expected Imported, got {other:?}"),
    };
    let before = store.fingerprint().unwrap();
    // Same content again, at a later time: nothing at all changes.
    assert_eq!(
        import_at(&mut store, "h", 5_000, &small_export()),
        BatchOutcome::AlreadyImported(first)
    );
    assert_eq!(store.fingerprint().unwrap(), before);

    // Twice in one command: the second file is rolled back to its savepoint.
    let mut session = store.session().unwrap();
    let b1 = session.begin_batch(&batch_info("test.v1", 6_000)).unwrap();
    session.write(b1, &[rec(post("q1", "1", 700))]).unwrap();
    assert!(matches!(
        session.finish_batch(b1, "new", Timestamp(6_001)).unwrap(),
        BatchOutcome::Imported(_)
    ));
    let b2 = session.begin_batch(&batch_info("test.v1", 6_000)).unwrap();
    session.write(b2, &[rec(post("q2", "1", 800))]).unwrap();
    assert_eq!(
        session.finish_batch(b2, "new", Timestamp(6_001)).unwrap(),
        BatchOutcome::AlreadyImported(b1)
    );
    // Another importer reading the same bytes is a different import.
    let b3 = session.begin_batch(&batch_info("other.v1", 6_000)).unwrap();
    assert!(matches!(
        session.finish_batch(b3, "new", Timestamp(6_001)).unwrap(),
        BatchOutcome::Imported(_)
    ));
    session.commit().unwrap();
    assert_eq!(
        rows(&store, "SELECT platform_id FROM post ORDER BY 1"),
        vec![vec!["p1"], vec!["p2"], vec!["p3"], vec!["q1"]]
    );
    assert_eq!(store.batches().unwrap().len(), 3);
}

#[test]
fn dropping_a_session_without_commit_changes_nothing() {
    let mut store = store();
    import(&mut store, "a", &small_export());
    let (fingerprint, counts) = (store.fingerprint().unwrap(), store.counts().unwrap());
    {
        let mut session = store.session().unwrap();
        let batch = session.begin_batch(&batch_info("test.v1", 3_000)).unwrap();
        session
            .write(
                batch,
                &[account("5", "x", Role::Subject), rec(post("z", "5", 1))],
            )
            .unwrap();
        session.finish_batch(batch, "z", Timestamp(3_001)).unwrap();
        // Dropped here: the import command failed on a later file.
    }
    assert_eq!(store.fingerprint().unwrap(), fingerprint);
    assert_eq!(store.counts().unwrap(), counts);
    // The connection is usable again, with foreign keys enforced outside sessions.
    assert_eq!(rows(&store, "PRAGMA foreign_keys"), vec![vec!["1"]]);
    assert!(matches!(
        import(&mut store, "b", &[rec(post("y", "1", 2))]),
        BatchOutcome::Imported(_)
    ));

    // Misuse is an error, not a panic.
    let mut session = store.session().unwrap();
    let batch = session.begin_batch(&batch_info("test.v1", 3_000)).unwrap();
    assert!(matches!(
        session.begin_batch(&batch_info("t", 1)),
        Err(StoreError::Batch(_))
    ));
    assert!(matches!(
        session.write(batch + 1, &[]),
        Err(StoreError::Batch(_))
    ));
    assert!(matches!(session.commit(), Err(StoreError::Batch(_))));
}

#[test]
fn audience_is_pseudonymised_then_reidentified_as_subject() {
    let mut store = store();
    let mut export = small_export();
    // Audience 99 also described by an account record, with identifying details.
    export.push(account("99", "citizen", Role::Audience));
    export.push(Record::Follow(Follow {
        platform: Platform::Twitter,
        follower_id: "99".into(),
        followed_id: "1".into(),
        observed_at: Some(Timestamp(50)),
    }));
    import(&mut store, "a", &export);
    let anon = pseudonym("99");
    assert_eq!(account_pseudonym(&KEY, Platform::Twitter, "99"), anon);
    let audience_row = rows(
        &store,
        "SELECT id, platform_id, handle, display_name, description, is_pseudonymised, is_subject
         FROM account WHERE is_subject = 0",
    );
    assert_eq!(audience_row.len(), 1);
    let rowid = audience_row[0][0].clone();
    assert_eq!(
        audience_row[0][1..],
        [
            anon.clone(),
            anon.clone(),
            "NULL".into(),
            "NULL".into(),
            "1".into(),
            "0".into()
        ]
    );
    assert!(rows(&store, "SELECT * FROM account")
        .iter()
        .flatten()
        .all(|v| v != "citizen" && v != "99"));
    assert_eq!(store.counts().unwrap().follows, 1);

    // Later its own timeline is collected: same row, real id and handle, now a subject.
    import(
        &mut store,
        "b",
        &[
            account("99", "citizen", Role::Subject),
            rec(post("c1", "99", 400)),
        ],
    );
    assert_eq!(
        rows(
            &store,
            &format!("SELECT platform_id, handle, display_name, is_pseudonymised, is_subject FROM account WHERE id = {rowid}")
        ),
        vec![vec!["99", "citizen", "Name of citizen", "0", "1"]]
    );
    assert_eq!(store.counts().unwrap().accounts, 2);
    // Subject wins forever: an audience sighting afterwards changes nothing.
    import(&mut store, "c", &[account("99", "citizen", Role::Audience)]);
    assert_eq!(store.counts().unwrap().pseudonymised_accounts, 0);
    let dataset = store.load_dataset(&Scope::all()).unwrap();
    let reply = dataset
        .posts
        .iter()
        .find(|p| p.kind == PostKind::Reply)
        .unwrap();
    assert_eq!(dataset.accounts[reply.account as usize].platform_id, "99");
    assert_eq!(
        dataset.accounts[reply.parent_account.unwrap() as usize].platform_id,
        "1"
    );
    assert_sound(&store);
}

#[test]
fn kept_audience_identities_are_stored_as_given() {
    let mut store = store();
    store.set_keep_audience_identities(true).unwrap();
    assert!(store.keep_audience_identities().unwrap());
    let mut export = small_export();
    let mut mentioning = post("p4", "1", 400);
    mentioning.mentions = vec!["SomeOne".into()];
    export.push(rec(mentioning));
    import(&mut store, "a", &export);
    // 99 was met only as a bare author: no handle is known, but the id is kept.
    assert_eq!(
        rows(
            &store,
            "SELECT platform_id, handle, is_pseudonymised FROM account ORDER BY 1"
        ),
        vec![vec!["1", "Emb", "0"], vec!["99", "NULL", "0"]]
    );
    // Mentions are case-folded but not pseudonymised either.
    let dataset = store.load_dataset(&Scope::all()).unwrap();
    assert_eq!(dataset.symbols, ["someone"]);
}

#[test]
fn registry_before_import_waits_for_data() {
    let mut store = store();
    let summary = store
        .upsert_registry(&[registry(
            "DEU-EMB-KAZ",
            ActorKind::Embassy,
            vec![
                by_handle("@GermanyInKAZ"),
                RegisteredAccount {
                    platform: Platform::Telegram,
                    handle: None,
                    platform_id: Some("555".into()),
                },
            ],
        )])
        .unwrap();
    assert_eq!(
        (
            summary.actors,
            summary.accounts_matched,
            summary.accounts_new
        ),
        (1, 0, 2)
    );
    let listing = store.list_actors().unwrap();
    assert_eq!(listing.len(), 1);
    let accounts = &listing[0].accounts;
    // Sorted by platform: twitter before telegram; nothing imported yet.
    assert_eq!(accounts[0].platform_id, None);
    assert_eq!(accounts[0].handle.as_deref(), Some("@GermanyInKAZ"));
    assert_eq!(accounts[1].platform_id.as_deref(), Some("555"));
    assert!(accounts
        .iter()
        .all(|a| a.n_posts == 0 && a.first_post.is_none()));

    // First sighting: only as the account a citizen replies to. Registered, so identified.
    import(
        &mut store,
        "a",
        &[rec(reply("r1", "99", 300, "e0", "100", "germanyinkaz"))],
    );
    let accounts = &store.list_actors().unwrap()[0].accounts;
    assert_eq!(accounts[0].platform_id.as_deref(), Some("100"));
    assert_eq!(accounts[0].n_posts, 0);
    // Rows: the registered twitter account (adopted, not duplicated), telegram 555, citizen 99.
    assert_eq!(store.counts().unwrap().accounts, 3);
    assert_eq!(store.counts().unwrap().pseudonymised_accounts, 1);

    import(
        &mut store,
        "b",
        &[
            account("100", "GermanyInKAZ", Role::Subject),
            rec(post("e1", "100", 1_000)),
            rec(post("e2", "100", 2_000)),
        ],
    );
    let accounts = &store.list_actors().unwrap()[0].accounts;
    assert_eq!(
        (
            accounts[0].n_posts,
            accounts[0].first_post,
            accounts[0].last_post,
            accounts[0].is_subject
        ),
        (2, Some(Timestamp(1_000)), Some(Timestamp(2_000)), true)
    );
    assert_eq!(store.counts().unwrap().accounts, 3);
    assert_sound(&store);
}

#[test]
fn registry_after_import_links_and_reidentifies() {
    let mut store = store();
    import(
        &mut store,
        "a",
        &[
            account("100", "GermanyInKAZ", Role::Subject),
            rec(post("e1", "100", 100)),
            rec(post("e2", "100", 300)),
            // 7 is seen only as a replier: pseudonymised.
            rec(reply("r1", "7", 200, "e1", "100", "GermanyInKAZ")),
        ],
    );
    assert_eq!(store.counts().unwrap().pseudonymised_accounts, 1);
    let summary = store
        .upsert_registry(&[
            registry("A-EMB", ActorKind::Embassy, vec![by_handle("germanyinkaz")]),
            registry("B-AMB", ActorKind::Ambassador, vec![by_id("7")]),
        ])
        .unwrap();
    assert_eq!((summary.accounts_matched, summary.accounts_new), (2, 0));
    assert_eq!(store.counts().unwrap().pseudonymised_accounts, 0);
    assert_eq!(
        rows(
            &store,
            "SELECT platform_id, handle, actor_id FROM account ORDER BY 1"
        ),
        vec![
            vec!["100", "GermanyInKAZ", "A-EMB"],
            vec!["7", "NULL", "B-AMB"]
        ]
    );
    let listing = store.list_actors().unwrap();
    let a = &listing[0].accounts[0];
    assert_eq!(
        (a.n_posts, a.first_post, a.last_post),
        (2, Some(Timestamp(100)), Some(Timestamp(300)))
    );
    assert_eq!(listing[1].accounts[0].n_posts, 1);

    let dataset = store.load_dataset(&Scope::all()).unwrap();
    assert_eq!(
        dataset
            .actors
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["A-EMB", "B-AMB"]
    );
    // Accounts by (platform, handle, platform id): handle None sorts first.
    assert_eq!(dataset.accounts[0].platform_id, "7");
    assert_eq!(
        (dataset.accounts[0].actor, dataset.accounts[0].is_subject),
        (Some(1), true)
    );
    assert_eq!(
        (dataset.accounts[1].actor, dataset.accounts[1].is_subject),
        (Some(0), true)
    );

    // Re-registering replaces an actor's links: B now lists nothing.
    store
        .upsert_registry(&[registry("B-AMB", ActorKind::Ambassador, vec![])])
        .unwrap();
    assert!(store.list_actors().unwrap()[1].accounts.is_empty());
    assert_sound(&store);
}

#[test]
fn load_dataset_filters_scope_and_orders_deterministically() {
    let mut store = store();
    let mut tagged = post("p10", "1", 200);
    tagged.hashtags = vec!["Diplomacy".into(), "EU".into()];
    tagged.mentions = vec!["B_EMB".into(), "someone".into()];
    let mut tagged_too = post("p9", "1", 200);
    tagged_too.hashtags = vec!["diplomacy".into()];
    let telegram = Post {
        platform: Platform::Telegram,
        ..post("t1", "9", 150)
    };
    let records = vec![
        account("2", "b_emb", Role::Subject),
        account("1", "a_emb", Role::Subject),
        Record::Account(AccountRecord::bare(
            Platform::Telegram,
            "9",
            Some("tg".into()),
            Role::Subject,
        )),
        rec(post("b300", "2", 300)),
        rec(post("b100", "2", 100)),
        rec(tagged_too),
        rec(tagged),
        rec(telegram),
        Record::AccountObservation(AccountObservation {
            platform: Platform::Twitter,
            account_id: "1".into(),
            observed_at: Some(Timestamp(50)),
            followers: Some(10),
            following: None,
            posts_count: None,
            listed_count: None,
        }),
        Record::AccountObservation(AccountObservation {
            platform: Platform::Twitter,
            account_id: "1".into(),
            observed_at: Some(Timestamp(40)),
            followers: Some(8),
            following: Some(3),
            posts_count: None,
            listed_count: None,
        }),
        Record::AccountObservation(AccountObservation {
            platform: Platform::Twitter,
            account_id: "2".into(),
            observed_at: Some(Timestamp(40)),
            followers: None,
            following: Some(3),
            posts_count: None,
            listed_count: None,
        }),
    ];
    import(&mut store, "a", &records);

    let all = store.load_dataset(&Scope::all()).unwrap();
    // Accounts by (platform, handle): twitter a_emb (1), twitter b_emb (2), telegram tg (9).
    let ids: Vec<&str> = all
        .accounts
        .iter()
        .map(|a| a.platform_id.as_str())
        .collect();
    assert_eq!(ids, ["1", "2", "9"]);
    // Posts by (account, created_at, platform id): "p10" < "p9" as strings.
    let order: Vec<(u32, i64)> = all
        .posts
        .iter()
        .map(|p| (p.account, p.created_at.0))
        .collect();
    assert_eq!(order, [(0, 200), (0, 200), (1, 100), (1, 300), (2, 150)]);
    let tags: Vec<Vec<&str>> = all
        .posts
        .iter()
        .map(|p| all.hashtags_of(p).collect())
        .collect();
    assert_eq!(tags[0], ["diplomacy", "eu"]);
    assert_eq!(tags[1], ["diplomacy"]);
    // b_emb is a subject's handle and stays; "someone" is audience and is pseudonymised.
    let anon = mention_pseudonym(&KEY, Platform::Twitter, "someone");
    let mentions: Vec<&str> = all.mentions_of(&all.posts[0]).collect();
    assert_eq!(mentions, ["b_emb", anon.as_str()]);
    let mut symbols = vec![
        "b_emb".to_string(),
        anon.clone(),
        "diplomacy".into(),
        "eu".into(),
    ];
    symbols.sort();
    assert_eq!(all.symbols, symbols);
    // Follower observations of any time, by (account, time); the one without followers is not.
    let follower_obs: Vec<(u32, i64, u64)> = all
        .follower_obs
        .iter()
        .map(|o| (o.account, o.observed_at.0, o.followers))
        .collect();
    assert_eq!(follower_obs, [(0, 40, 8), (0, 50, 10)]);

    // [150, 300) on twitter only, without hashtags or mentions.
    let scoped = store
        .load_dataset(&Scope {
            window: Window {
                from: Some(Timestamp(150)),
                to: Some(Timestamp(300)),
                as_of: None,
            },
            platforms: Some(vec![Platform::Twitter]),
            with_hashtags: false,
            with_mentions: false,
            subjects_only: false,
            with_follows: false,
            with_threads: false,
            threads_until: None,
        })
        .unwrap();
    // Subjects stay even without posts in the window; telegram's does not.
    let ids: Vec<&str> = scoped
        .accounts
        .iter()
        .map(|a| a.platform_id.as_str())
        .collect();
    assert_eq!(ids, ["1", "2"]);
    let order: Vec<(u32, i64)> = scoped
        .posts
        .iter()
        .map(|p| (p.account, p.created_at.0))
        .collect();
    assert_eq!(order, [(0, 200), (0, 200)]);
    assert!(scoped.symbols.is_empty() && scoped.posts.iter().all(|p| p.hashtags.is_empty()));

    // The same records imported in another order give the same dataset.
    let mut other = self::store();
    let mut reversed = records.clone();
    reversed.reverse();
    import(&mut other, "a", &reversed);
    // Row ids (the threads' handles for details) follow the order of import; nothing else may.
    let without_rowids = |mut d: dipl_model::Dataset| {
        for item in &mut d.threads.items {
            item.post_rowid = 0;
        }
        d
    };
    assert_eq!(
        without_rowids(other.load_dataset(&Scope::all()).unwrap()),
        without_rowids(all)
    );
}

#[test]
fn reopening_a_file_keeps_key_settings_and_schema() {
    let dir = std::env::temp_dir().join(format!("dipl-store-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("store.sqlite");
    {
        let mut store = Store::open_or_create(&path, || KEY).unwrap();
        store.set_keep_audience_identities(true).unwrap();
        import(&mut store, "a", &small_export());
    }
    let mode: String = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    {
        let store =
            Store::open_or_create(&path, || panic!("the stored key must be reused")).unwrap();
        assert!(store.keep_audience_identities().unwrap());
        assert_eq!(store.counts().unwrap().posts, 3);
        assert_eq!(
            store.meta("schema_version").unwrap(),
            Some(SCHEMA_VERSION.to_string())
        );
        assert_eq!(
            rows(&store, "PRAGMA user_version"),
            vec![vec![SCHEMA_VERSION.to_string()]]
        );
        let hex: String = KEY.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(store.meta("pseudonym_key").unwrap(), Some(hex));
    }
    // A store from a newer build is refused, not guessed at.
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    match Store::open_or_create(&path, || KEY) {
        Err(StoreError::TooNew {
            found: 99,
            supported,
        }) => assert_eq!(supported, SCHEMA_VERSION),
        other => panic!("expected TooNew, got {:?}", other.err()),
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn queries_are_read_only() {
    let mut store = store();
    import(&mut store, "a", &small_export());
    assert!(matches!(
        store.query("DELETE FROM post"),
        Err(StoreError::NotReadOnly)
    ));
    let result = store.query("SELECT count(*) AS n FROM post").unwrap();
    assert_eq!(result.columns, ["n"]);
    assert_eq!(result.rows, [[SqlValue::Integer(3)]]);
    assert!(store.query("SELEC nonsense").is_err());
    assert_eq!(store.counts().unwrap().posts, 3);
}

/// Repeats of a post within one session (a referenced post recurs in many pages) are skipped
/// only when identical; changed counters or content still update, and a post written in an
/// aborted batch is written again by a later batch of the same session.
#[test]
fn repeats_within_a_session_are_skipped_only_when_identical() {
    let mut store = store();
    let first = likes(post("p1", "1", 100), 9, Some(200));
    let mut changed = first.clone();
    changed.counters.replies = Some(4);
    let mut session = store.session().unwrap();
    let aborted = session.begin_batch(&batch_info("test.v1", 1_000)).unwrap();
    session
        .write(
            aborted,
            &[account("1", "Emb", Role::Subject), rec(first.clone())],
        )
        .unwrap();
    session.abort_batch(aborted).unwrap();
    let batch = session.begin_batch(&batch_info("test.v1", 1_000)).unwrap();
    session
        .write(
            batch,
            &[
                account("1", "Emb", Role::Subject),
                rec(first.clone()),
                rec(first.clone()),
                rec(changed),
                rec(first),
            ],
        )
        .unwrap();
    session.finish_batch(batch, "h", Timestamp(1_001)).unwrap();
    session.commit().unwrap();
    // Same observation time: the later sighting merges into the row (replies 4 kept, likes 9).
    assert_eq!(
        rows(
            &store,
            "SELECT p.platform_id, o.observed_at, o.likes, o.replies
                      FROM post_observation o JOIN post p ON p.id = o.post"
        ),
        vec![vec!["p1", "200", "9", "4"]]
    );
    assert_eq!(
        rows(&store, "SELECT platform_id, likes, replies FROM post"),
        vec![vec!["p1", "9", "4"]]
    );
    assert_sound(&store);
}

/// With the content hash known up front, the caller asks `already_imported` first; such a batch
/// is written without a savepoint, so it cannot be aborted alone (the session can still be
/// dropped, which rolls everything back).
#[test]
fn batches_with_a_known_hash_are_checked_before_writing() {
    let mut store = store();
    let known = |hash: &str| BatchInfo {
        content_hash: Some(hash.into()),
        ..batch_info("test.v1", 1_000)
    };
    let mut session = store.session().unwrap();
    assert_eq!(session.already_imported("test.v1", "h1").unwrap(), None);
    let batch = session.begin_batch(&known("h1")).unwrap();
    session.write(batch, &small_export()).unwrap();
    assert!(matches!(
        session.finish_batch(batch, "h1", Timestamp(1_001)).unwrap(),
        BatchOutcome::Imported(_)
    ));
    // Seen within the same session, and by another importer not at all.
    assert_eq!(
        session.already_imported("test.v1", "h1").unwrap(),
        Some(batch)
    );
    assert_eq!(session.already_imported("other.v1", "h1").unwrap(), None);
    let second = session.begin_batch(&known("h2")).unwrap();
    let err = session.abort_batch(second).unwrap_err().to_string();
    assert!(err.contains("cannot be aborted alone"), "{err}");
    drop(session);
    assert_eq!(
        store.counts().unwrap().posts,
        0,
        "dropping the session rolled back"
    );
    assert_sound(&store);
}

/// `subjects_only` loads the posts of subject accounts only, with the accounts they refer to.
#[test]
fn subjects_only_scope_leaves_out_audience_posts() {
    let mut store = store();
    import(&mut store, "1", &small_export());
    let all = store.load_dataset(&Scope::all()).unwrap();
    let subjects = store
        .load_dataset(&Scope {
            subjects_only: true,
            with_follows: false,
            with_threads: false,
            threads_until: None,
            ..Scope::all()
        })
        .unwrap();
    // small_export: the subject's p1 and p2, and p3, a reply by audience account 99.
    assert_eq!(all.posts.len(), 3);
    assert_eq!(subjects.posts.len(), 2);
    assert!(subjects
        .posts
        .iter()
        .all(|p| subjects.accounts[p.account as usize].is_subject));
}

#[test]
fn accounts_named_by_handle_resolve_to_known_rows_or_wait_for_data() {
    let mut store = store();
    import(
        &mut store,
        "a",
        &[
            account("100", "GermanyInKAZ", Role::Subject),
            rec(post("e1", "100", 1_000)),
        ],
    );
    let follow = |follower: &str, followed: &str| {
        Record::Follow(Follow {
            platform: Platform::Twitter,
            follower_id: follower.into(),
            followed_id: followed.into(),
            observed_at: None,
        })
    };
    // An edge list by handle: a known subject (any case), a citizen, and a subject named only
    // by handle (the owner of an id list).
    let mut subject_by_handle = AccountRecord::bare(
        Platform::Twitter,
        "@newmfa",
        Some("NewMFA".into()),
        Role::Subject,
    );
    subject_by_handle.display_name = None;
    import(
        &mut store,
        "b",
        &[
            Record::Account(subject_by_handle),
            follow("@anna_citizen", "@germanyinkaz"),
            follow("@GermanyInKAZ", "@newmfa"),
        ],
    );
    let edges = rows(
        &store,
        "SELECT a.platform_id, a.handle, b.platform_id, b.handle FROM follow f
         JOIN account a ON a.id = f.follower JOIN account b ON b.id = f.followed ORDER BY a.id",
    );
    let citizen = {
        let hash = blake3::keyed_hash(&KEY, b"twitter:@anna_citizen").to_hex();
        format!("anon-{}", &hash.as_str()[..16])
    };
    assert_eq!(
        edges,
        [
            vec!["100", "GermanyInKAZ", "NULL", "newmfa"],
            vec![citizen.as_str(), citizen.as_str(), "100", "GermanyInKAZ"],
        ]
    );
    // The subject named by handle is adopted by the first record with its platform id.
    import(
        &mut store,
        "c",
        &[
            account("200", "NewMFA", Role::Subject),
            rec(post("n1", "200", 2_000)),
        ],
    );
    assert_eq!(
        rows(
            &store,
            "SELECT platform_id, handle, is_subject FROM account WHERE platform_id = '200' OR handle = 'newmfa'"
        ),
        [vec!["200", "NewMFA", "1"]]
    );
    assert_eq!(store.counts().unwrap().accounts, 3);
    // Loaded with the follows: both edges, both ends as accounts (the citizen as pseudonym).
    let ds = store.load_dataset(&Scope::all()).unwrap();
    let edges: Vec<(String, String)> = ds
        .follows
        .iter()
        .map(|f| {
            let name = |i: u32| {
                let a = &ds.accounts[i as usize];
                a.handle.clone().unwrap_or_else(|| a.platform_id.clone())
            };
            (name(f.follower), name(f.followed))
        })
        .collect();
    assert_eq!(
        edges,
        // In account order (platform, handle: "GermanyInKAZ" < "anon-…").
        [
            ("GermanyInKAZ".to_string(), "NewMFA".to_string()),
            (citizen.clone(), "GermanyInKAZ".to_string()),
        ]
    );
    let without = store
        .load_dataset(&Scope {
            with_follows: false,
            with_threads: false,
            threads_until: None,
            ..Scope::all()
        })
        .unwrap();
    assert!(without.follows.is_empty());
    assert_sound(&store);
}

/// Posts stored before languages were detected at import (migration 0003: `question` NULL) are
/// detected when loaded, by the same rules as the import: the loaded threads are the same.
#[test]
fn posts_stored_without_language_are_detected_when_loaded() {
    let dir = std::env::temp_dir().join(format!("dipl-store-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("store.sqlite");
    let _ = std::fs::remove_file(&path);
    let mut question = reply("p4", "98", 400, "p1", "1", "Emb");
    question.text = "When does the visa centre open?".into();
    let mut records = small_export();
    records.push(rec(question));
    let at_import = {
        let mut store = Store::open_or_create(&path, || KEY).unwrap();
        import(&mut store, "a", &records);
        store.load_dataset(&Scope::all()).unwrap().threads
    };
    assert!(at_import.items.iter().any(|i| i.question));
    let cleared = rusqlite::Connection::open(&path)
        .unwrap()
        .execute("UPDATE post SET detected_lang = NULL, question = NULL", [])
        .unwrap();
    assert_eq!(cleared, 4);
    let store = Store::open_or_create(&path, || KEY).unwrap();
    assert_eq!(
        store.load_dataset(&Scope::all()).unwrap().threads,
        at_import
    );
    let _ = std::fs::remove_dir_all(&dir);
}
