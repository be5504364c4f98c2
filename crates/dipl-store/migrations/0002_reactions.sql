-- Reactions by type (Facebook, Telegram, VK …) beside the summed `likes` of the same
-- observation: a JSON object {"like": 12, "love": 3}, NULL where the export gives no breakdown.
ALTER TABLE post_observation ADD COLUMN reactions TEXT;
