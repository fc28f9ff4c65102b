-- +goose Up
-- Who on the admin site looked at or exported a resident's personal data,
-- what and when (UU 27/2022: a breach must be traceable). Shown to auditors.
CREATE TABLE access_log (
    id        bigserial PRIMARY KEY,
    admin     text NOT NULL,
    action    text NOT NULL,
    subject   text NOT NULL DEFAULT '',
    at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX access_log_at ON access_log (at DESC);

-- +goose Down
DROP TABLE access_log;
