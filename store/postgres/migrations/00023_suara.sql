-- +goose Up
-- Suara warga: a priority vote on a coming meeting's agenda, one a
-- meeting. items holds the agenda's gagasan in ballot order (a ballot's
-- numbers are places in it, 1-based), fixed when it opened. result is the
-- count (domain.VoteResult as JSON), written once when the vote closes, so
-- that what the KPMD was sent and the board shows stays the same.
CREATE TABLE votes (
    id         bigserial PRIMARY KEY,
    meeting_id bigint NOT NULL UNIQUE REFERENCES meetings (id) ON DELETE CASCADE,
    items      bigint[] NOT NULL,
    opened_by  bigint REFERENCES contacts (id) ON DELETE SET NULL,
    opened_at  timestamptz NOT NULL DEFAULT now(),
    closes_at  timestamptz NOT NULL,
    closed_at  timestamptz,
    result     jsonb
);
CREATE INDEX votes_due ON votes (closes_at) WHERE closed_at IS NULL;

-- Who the ballot went to, fixed when it opened (like invitations), with
-- the outbound message that carried it: the audience turnout is counted
-- against, and whose plain numbers are read as a ballot.
CREATE TABLE vote_recipients (
    vote_id     bigint NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    contact_id  bigint NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    outbound_id bigint,
    PRIMARY KEY (vote_id, contact_id)
);
CREATE INDEX vote_recipients_contact ON vote_recipients (contact_id);

-- One ballot per resident and vote, whatever channel it came by; a new
-- answer replaces it until the vote closes.
CREATE TABLE ballots (
    vote_id    bigint NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
    contact_id bigint NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    choices    smallint[] NOT NULL CHECK (cardinality(choices) BETWEEN 1 AND 3),
    cast_at    timestamptz NOT NULL DEFAULT now(),
    changes    integer NOT NULL DEFAULT 0,
    PRIMARY KEY (vote_id, contact_id)
);

-- +goose Down
DROP TABLE ballots;
DROP TABLE vote_recipients;
DROP TABLE votes;
