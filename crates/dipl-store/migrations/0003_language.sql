-- Language and questions (metrics codebook §5 questions_unanswered, §6): what Diplometrics
-- detects in each post's text at import (crate dipl-lang), beside the platform's own `lang`.
--   detected_lang: ISO 639-1 code (else 639-3); 'und' when the text is too short or has no
--                  letters; NULL for reposts (their text is the reposted post's) and for posts
--                  stored before this migration.
--   question:      1 when the text asks a question (a question mark in any script, or an
--                  interrogative word of its language), else 0 (reposts: 0); NULL when the
--                  post was stored before this migration (both are then detected when loaded).
ALTER TABLE post ADD COLUMN detected_lang TEXT;
ALTER TABLE post ADD COLUMN question INTEGER;
-- Which detector version wrote detected_lang (set by every import; re-detection of older rows
-- is the business of a later command).
INSERT INTO meta (key, value) VALUES ('lang_detector', '') ON CONFLICT (key) DO NOTHING;
