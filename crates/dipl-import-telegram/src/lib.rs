//! Telegram importers: Telegram Desktop chat exports ([`Desktop`], `telegram.desktop`) and
//! Telethon message dumps ([`Telethon`], `telegram.telethon`).
//!
//! Each format has a `raw` module mirroring the export's JSON with its own field names
//! (borrowing serde structs, every field optional, unknown fields ignored) and a `convert`
//! module of pure functions from one message to records. Messages are parsed in parallel; a
//! pass in file order ([`link`]) then adds what needs earlier messages. Importers translate;
//! they do not decide: no clock, no store, no metrics.
//!
//! # Formats
//!
//! - **`telegram.desktop`**: "Export chat history" → JSON of one channel or group:
//!   `result.json`, `{"name", "type", "id", "messages": [...]}`, streamed element by element
//!   (`json::drive_member`). Read from every version since 2018: `text` as a string or an array
//!   of strings and entity objects, `text_entities` (2021+), `date_unixtime` (2021+),
//!   `reactions` (5.6, October 2024+), `forwarded_from_id` (2025+), `from_id` as `user123` /
//!   `channel123` (a bare number for users before 2021). `type` `public_channel` /
//!   `private_channel` is a channel export, `public_supergroup` / `private_supergroup` /
//!   `private_group` a group export (in particular a channel's discussion group, where the
//!   comments live); private chats (`personal_chat`, `bot_chat`, `saved_messages` …) are refused,
//!   and so is the whole-account export (`chats.list`: export the chat alone). Telegram Desktop
//!   writes control characters as `\xNN` and U+2028/U+2029 followed by stray bytes, which is
//!   not JSON: such messages are repaired and counted (see `repair`).
//! - **`telegram.telethon`**: JSON Lines (or a JSON array) of `Message.to_dict()` /
//!   `to_json()`, as `client.iter_messages(channel)` and `iter_messages(channel, reply_to=…)`
//!   (the comments) give them: `{"_": "Message", "id", "peer_id": {"_": "PeerChannel", …},
//!   "date", "message", "entities", "views", "forwards", "replies", "reactions", "fwd_from",
//!   "reply_to", "media", "edit_date", …}`; dates as `isoformat()` or `str()`; a collection
//!   time (`collected_at`, `scraped_at`, `retrieved_at`, `fetched_at`) and the channel's
//!   `channel_username` / `channel` / `channel_title`, which some scripts add to each line, are
//!   read; other added fields are counted in one "fields not read" warning. Messages of private
//!   chats (`PeerUser`) are skipped with a diagnostic.
//!
//! # Ids
//!
//! Telegram numbers messages per chat, so a post id is `<chat id>/<message id>`, with the bare
//! numeric chat id (the envelope's `id`, Telethon's `channel_id`: the same number in both
//! formats, so the same post imported from both merges). Account ids are bare numeric peer ids
//! (`from_id` without its `user`/`channel` prefix). A forward whose original message id the
//! export does not give (every Desktop forward) references `<source chat id>/?`: the source
//! account is known, the post is not; a forward whose source is hidden or named only by a name
//! that is not the sender's own has no reference. A comment on the automatic copy of a channel
//! post in a Desktop export has the copy's id `<group id>/<message id>` as parent: a stand-in
//! for the channel post (see below).
//!
//! # Translation rules
//!
//! - **Kinds** follow the codebook precedence repost > reply > quote > original: a forward
//!   (`forwarded_from`, `forwarded_from_id`, Telethon `fwd_from`) is a repost; a message with
//!   `reply_to_message_id` (Telethon `reply_to.reply_to_msg_id`) is a reply whose parent is
//!   `<chat>/<message answered>` (another chat's when `reply_to_peer_id` says so). Telegram has
//!   no quotes. Service messages (`type: service`, `MessageService`) and Desktop `unsupported`
//!   messages are not posts: they are skipped and counted in one warning per file. Nor are
//!   the automatic copies of channel posts in a discussion group (below).
//! - **Parent authors and threads**: a parent's author is filled in when the message answered
//!   came earlier in the same file (in a channel, always the channel); `conversation_id` is the
//!   thread root, `<chat>/<root message>` (Telethon's `reply_to_top_id` when given), except
//!   under an automatic copy of a channel post (see below). Desktop exports are chronological,
//!   so every parent in the file is resolved; Telethon dumps are usually newest first, so only
//!   parents that precede their replies are.
//! - **Counters**: Desktop exports have no views, forwards or comment counts: those are n/a,
//!   never 0. Telethon gives `views`, `forwards` (→ reposts) and `replies.replies` (→ replies:
//!   the comment count of a channel post, the reply count of a group thread). Reactions by type
//!   (`👍`, `custom_emoji:<document id>`, `paid` — a paid reaction counts Telegram Stars) fill
//!   `reactions`, and `likes` is their sum. A message without reactions has `likes = 0` when the
//!   format writes reactions (Telethon `"reactions": null`; a Desktop file in which any message
//!   has `reactions`, since Desktop omits the key when there are none and wrote none before
//!   5.6) and the message is from after reactions were introduced (2021-12-30); otherwise likes
//!   are n/a. A repost's counters are empty (codebook: a repost's engagement is not the
//!   reposter's): a forward's own views and reactions are dropped.
//! - **Entities**: Telegram's own win: `hashtag` → hashtags (without `#`), `mention` → mentions
//!   (without `@`), `link` (URL as written) and `text_link` (its `href`) → URLs; `mention_name`
//!   (a user without a username) has no handle and is not a mention; bold, cashtags, e-mails,
//!   phones, bot commands are not read. Telethon entity offsets and lengths count UTF-16 code
//!   units. A Desktop text written as a plain string has no entities; a Telethon line without
//!   `entities` gets them extracted by the twitter-text rules (`dipl-text`).
//! - **Media**: `photo` (or an image document) → photo; `video_file`, `video_message` (round
//!   videos) → video; `animation` → gif; stickers, voice and audio messages, documents,
//!   locations, contacts → nothing; any URL (or a Telethon web-page preview) → link. A poll's
//!   question is the post's text when the message has none.
//! - **Edits**: `edited` / `edited_unixtime` (Telethon `edit_date`, unless `edit_hide`). Note
//!   that Telegram sets the edit date of some messages when they get their first reaction
//!   (tdesktop issue 30647), so `edited` overcounts real edits.
//! - **Dates**: `date_unixtime`; without it (Desktop before 2021) the zone-less local `date`
//!   is read as UTC — off by the exporting computer's UTC offset, which the file does not state
//!   — and the messages concerned are counted in one warning. Telethon dates carry their zone.
//! - **`observed_at`**: the collection time a Telethon line states; Desktop exports state none
//!   (`None`: the store uses the import time).
//! - **Signatures** (`author`, Telethon `post_author`) are not in the model: not read.
//!
//! # Roles (who is a subject)
//!
//! - **Channel export / channel posts** (Telethon `post: true`): the channel is the subject
//!   and the author of every message, also when the message shows the admin who wrote it.
//!   Forwarded-from accounts are audience.
//! - **Group export / group messages**: members are audience. The channel whose posts are
//!   automatically copied into the group (a channel sender forwarding or saving its own post)
//!   is the subject: it is the channel the group discusses, and its account record (id, name)
//!   comes from the copies, which are not imported as posts. Its admins posting *as the channel*
//!   (`from_id` the channel) count as the channel, so its answers to comments are the channel's
//!   replies. Other channels posting in the group are audience. The group itself (anonymous
//!   group admins, `from_id` the group) is a subject: its own history was collected.
//!
//! # Discussion groups: automatic copies and what is linkable
//!
//! A channel's comments live in its discussion group: Telegram copies each channel post into
//! the group (Bot API `is_automatic_forward`: sent by the channel, forwarded from itself), and
//! the comments are replies to that copy or to other comments. The copy is plumbing, not an act
//! of the channel (codebook: a repost is the account re-sharing; the channel published one post,
//! not a post and a repost), so it is **not imported as a post**; one warning per file counts
//! the copies. Comments keep knowing which channel post they hang under:
//!
//! - **Recognising a copy.** Desktop: in a group export, a message whose `from_id` is
//!   `channel<id>` of a channel other than the group, forwarded (`forwarded_from` /
//!   `forwarded_from_id`) from that same channel, or `saved_from` that channel's name (the copy
//!   of a channel post that itself forwards another source names the source in
//!   `forwarded_from` and the channel only in `saved_from`). A member forwarding the channel's
//!   post is a repost by the member. Telethon: a group message (`post: false`) sent by a
//!   channel other than the group whose `fwd_from` names that channel as `saved_from_peer` (with
//!   `saved_from_msg_id`) or as `from_id` (with `channel_post`); without a sender (`from_id:
//!   null` in reduced dumps), `saved_from_peer` and `saved_from_msg_id` alone. Desktop exports
//!   made before 2021 write no sender id for channels: their copies are not recognised and stay
//!   reposts by the group without a reference.
//! - **Comments on a copy** get as `parent` the channel post itself with the channel as parent
//!   author when the export names it (Telethon: `saved_from_msg_id`, or `channel_post` when
//!   `fwd_from.from_id` is the channel → `<channel id>/<post id>`, an exact link to the post as
//!   the channel export or dump imports it). Telegram Desktop writes no message id for
//!   forwards: there the parent is the copy's own id `<group id>/<message id>`, with the channel
//!   as parent author — a **stand-in** for the channel post, which is not itself a post in the
//!   store. With both the channel and the group exported, a later matching step (the dialogue
//!   analysis) may resolve it to the channel post: the copy has the post's author and text and
//!   is sent within seconds of it. That matching is not the importer's; note that the copy's
//!   own text and time are not stored (the copy is no post), so the step has to take them from
//!   the group export or from the thread (its first comment follows the post).
//! - **Deeper replies** (to a comment) keep the comment as parent, with its author.
//! - **`conversation_id`** of every message in the thread is the channel post's id when known,
//!   else the copy's id: all comments under one channel post share it.
//! - The parent's author says whether a comment answers the channel (its post or its reply) or
//!   another member, and the channel's replies to members are replies with a member as parent
//!   author.
//! - Copies are linked in file order. In a Telethon dump written newest first, a comment that
//!   precedes its copy cannot know the channel post: it keeps the copy's id as parent, without
//!   a parent author, and `<group>/<copy>` as conversation.
//!
//! The store upgrades an account seen once as subject for good, so an audience sighting never
//! demotes a subject.

mod date;
pub mod desktop;
mod error;
pub mod link;
mod repair;
pub mod telethon;
mod text;
mod value;

use dipl_ingest::Importer;

pub use desktop::Desktop;
pub use telethon::Telethon;

/// Every Telegram importer, in the order ties in detection are broken.
pub fn importers() -> Vec<&'static dyn Importer> {
    vec![&Desktop, &Telethon]
}
