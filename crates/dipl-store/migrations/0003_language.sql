-- Language and questions (metrics codebook §5 questions_unanswered, §6): what Diplometrics
-- detects in each post's text at import (crate dipl-lang), beside the platform's own `lang`.
--   detected_lang: ISO 639-1 code (else 639-3); 'und' when the text is too short or has no
--                  letters; NULL when the post was stored before this migration (it is then
--                  detected when loaded).
--   question:      1 when the text asks a question (a question mark in any script, or an
--                  interrogative word of its language), else 0; NULL as for detected_lang.
ALTER TABLE post ADD COLUMN detected_lang TEXT;
ALTER TABLE post ADD COLUMN question INTEGER;
-- Which detector version wrote detected_lang (re-detection is the business of a later command).
INSERT INTO meta (key, value) VALUES ('lang_detector', '') ON CONFLICT (key) DO NOTHING;
