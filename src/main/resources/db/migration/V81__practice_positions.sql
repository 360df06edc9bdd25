-- Practice positions: entered at a price the market did not trade in the last 24 hours (or with no range known).
-- Kept for learning, left out of leaderboards and group rankings.

CREATE TABLE practice_position (
    position_id  BIGINT NOT NULL PRIMARY KEY REFERENCES paper_position (id),
    user_id      BIGINT NOT NULL REFERENCES account (user_id)
);

CREATE INDEX practice_position_user ON practice_position (user_id);
