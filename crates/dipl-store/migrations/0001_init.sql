-- 0001: the first schema of the Diplometrics store.
--
-- Table and column names are a wire format: researchers query this file directly (sqlite3,
-- Python, R), so they stay plain and stable. Timestamps are INTEGER Unix seconds (UTC).
-- Counters are NULL when the platform or export gives none: missing is not zero.
-- Lists (media kinds, urls, hashtags, mentions) are JSON arrays of strings, '[]' when empty.

-- Workspace settings: schema_version, pseudonym_key (hex), keep_audience_identities ('0'/'1').
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

INSERT INTO meta (key, value) VALUES ('keep_audience_identities', '0');

-- Registered diplomatic actors (metrics-codebook §1).
CREATE TABLE actor (
    id      TEXT PRIMARY KEY,          -- user-chosen stable id, e.g. DEU-EMB-KAZ
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL,             -- mfa, embassy, head_of_state, ...
    country TEXT NOT NULL,             -- sending country, ISO 3166-1 alpha-3
    host    TEXT,                      -- host country (ISO3) or organisation code
    notes   TEXT
);

-- One imported file: which importer read it, from where, and what it produced.
CREATE TABLE import_batch (
    id               INTEGER PRIMARY KEY,
    importer_id      TEXT NOT NULL,    -- e.g. twitter.twarc2
    importer_version TEXT NOT NULL,
    source           TEXT NOT NULL,    -- path of the file as given
    content_hash     TEXT,             -- of the file's bytes; the same content is imported once
    started_at       INTEGER NOT NULL,
    finished_at      INTEGER,
    counts           TEXT,             -- JSON object of record counts
    status           TEXT NOT NULL     -- 'running' while open, 'imported' when finished
);

CREATE INDEX import_batch_by_content ON import_batch (importer_id, content_hash);

-- Accounts on a platform. Audience accounts are pseudonymised unless the workspace keeps
-- identities: platform_id = handle = 'anon-' + 16 hex digits of a keyed hash of the real id.
CREATE TABLE account (
    id               INTEGER PRIMARY KEY,
    platform         TEXT NOT NULL,    -- twitter, facebook, telegram, ...
    platform_id      TEXT,             -- NULL only for a registered account known by handle whose data is not imported yet
    handle           TEXT,
    display_name     TEXT,
    actor_id         TEXT REFERENCES actor (id) ON DELETE SET NULL,
    is_subject       INTEGER NOT NULL DEFAULT 0,   -- its own timeline, feed or channel was collected
    is_pseudonymised INTEGER NOT NULL DEFAULT 0,
    created_at       INTEGER,
    verified         INTEGER,
    location         TEXT,
    lang             TEXT,
    description      TEXT,
    first_batch      INTEGER REFERENCES import_batch (id),
    UNIQUE (platform_id, platform)   -- id first: ids differ, platforms mostly do not
);

CREATE INDEX account_by_actor ON account (actor_id) WHERE actor_id IS NOT NULL;
CREATE INDEX account_awaiting_data ON account (platform) WHERE platform_id IS NULL;

-- Audience-size counters of an account at a time (all observations are kept).
CREATE TABLE account_observation (
    account      INTEGER NOT NULL REFERENCES account (id),
    observed_at  INTEGER NOT NULL,
    followers    INTEGER,
    following    INTEGER,
    posts_count  INTEGER,
    listed_count INTEGER,
    batch        INTEGER NOT NULL REFERENCES import_batch (id),
    PRIMARY KEY (account, observed_at)
) WITHOUT ROWID;

-- Posts (tweets, page posts, channel messages, comments). The counter columns repeat the
-- latest post_observation (at latest_observed_at) so that loading needs no join.
-- Deliberately no index on (account, created_at): loading scans the table anyway, and such an
-- index cost ~35 % of bulk-import speed (its inserts land all over the B-tree).
CREATE TABLE post (
    id                          INTEGER PRIMARY KEY,
    platform                    TEXT NOT NULL,
    platform_id                 TEXT NOT NULL,
    account                     INTEGER NOT NULL REFERENCES account (id),
    created_at                  INTEGER NOT NULL,
    kind                        TEXT NOT NULL,     -- original, reply, quote, repost
    parent_post_platform_id     TEXT,              -- replies: the post answered
    parent_account              INTEGER REFERENCES account (id),
    referenced_post_platform_id TEXT,              -- reposts and quotes: the post reposted or quoted
    referenced_account          INTEGER REFERENCES account (id),
    conversation_id             TEXT,
    likes                       INTEGER,
    reposts                     INTEGER,
    replies                     INTEGER,
    quotes                      INTEGER,
    views                       INTEGER,
    bookmarks                   INTEGER,
    latest_observed_at          INTEGER,
    lang                        TEXT,
    edited                      INTEGER NOT NULL DEFAULT 0,
    deleted                     INTEGER NOT NULL DEFAULT 0,
    first_batch                 INTEGER NOT NULL REFERENCES import_batch (id),
    media                       TEXT NOT NULL DEFAULT '[]',   -- JSON: ["photo", "video", "gif", "link"]
    urls                        TEXT NOT NULL DEFAULT '[]',
    hashtags                    TEXT NOT NULL DEFAULT '[]',   -- as written, without '#'
    mentions                    TEXT NOT NULL DEFAULT '[]',   -- handles as written, without '@'
    text                        TEXT NOT NULL,
    UNIQUE (platform_id, platform)   -- id first: ids differ, platforms mostly do not
);

-- Engagement counters of a post at a time (all observations are kept).
CREATE TABLE post_observation (
    post        INTEGER NOT NULL REFERENCES post (id),
    observed_at INTEGER NOT NULL,
    likes       INTEGER,
    reposts     INTEGER,
    replies     INTEGER,
    quotes      INTEGER,
    views       INTEGER,
    bookmarks   INTEGER,
    batch       INTEGER NOT NULL REFERENCES import_batch (id),
    PRIMARY KEY (post, observed_at)
) WITHOUT ROWID;

-- follower follows followed, as observed at a time.
CREATE TABLE follow (
    platform    TEXT NOT NULL,
    follower    INTEGER NOT NULL REFERENCES account (id),
    followed    INTEGER NOT NULL REFERENCES account (id),
    observed_at INTEGER NOT NULL,
    batch       INTEGER NOT NULL REFERENCES import_batch (id),
    PRIMARY KEY (follower, followed, observed_at)
) WITHOUT ROWID;

CREATE INDEX follow_by_followed ON follow (followed);

-- Content codes (content-codebook.md): automatic rule ids or human coders' names.
CREATE TABLE code (
    id         INTEGER PRIMARY KEY,
    post       INTEGER NOT NULL REFERENCES post (id),
    scheme     TEXT NOT NULL,
    code       TEXT NOT NULL,
    confidence REAL,
    coder      TEXT NOT NULL,
    evidence   TEXT
);

CREATE INDEX code_by_post ON code (post);

-- What an importer reported about bad or odd records of a batch.
CREATE TABLE diagnostic (
    id       INTEGER PRIMARY KEY,
    batch    INTEGER NOT NULL REFERENCES import_batch (id),
    file     TEXT NOT NULL,
    location TEXT,
    severity TEXT NOT NULL,
    message  TEXT NOT NULL
);

CREATE INDEX diagnostic_by_batch ON diagnostic (batch);
