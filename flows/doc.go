// Package flows is the conversation of Suara Desa: registration, gagasan,
// status, meetings, progress, complaints, the social map and the account
// keywords, as state machines over a contact's session.
//
// Step is the one entry point. It is a pure function of its arguments — the
// Env (clock, code maker, the channel's SMS budget), a read-only View of the
// data, the contact, the session and the inbound Input — and returns the new
// Session, the Replies and the Commands that say what to store. No flow
// touches Postgres, Redis or a channel; the pipeline (bot) runs the step
// inside the message's transaction and applies the commands. So every flow
// is tested with tables of conversations and fuzzed (FuzzStep) without I/O.
//
// This package is the engine (engine.go: the session's time-out and loss,
// then the readings of a message in order) and the one list of flows
// (list.go). Each flow is a flow.Flow; the ones moved so far live in their
// own packages (flows/peta, flows/progres, flows/aduan, flows/tarik,
// flows/akun) with their typed state, and import flows/flow, never this
// package. User-facing text lives in the message catalog (flows/catalog,
// one TOML file a language), never inline; answers are read with
// flows/answer, and an SMS reply is fitted to the channel's budget with
// flows/smstext. The package imports only domain and its own subpackages
// (TestLayers checks).
package flows
