package flow

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Sessions written by the release before the flow packages (commit
// 057018a) keep a flow's answers in Session.Data, a map of strings, and
// have no State. Such a session (live, or Paused for LANJUT) is read once
// into the flow's typed state by the state's Legacy method, which sits
// beside the state in the flow's package (legacy.go); the next Save writes
// the state as JSON.
//
// DELETE this file, every flow package's legacy.go and fromLegacy's call in
// Load when no old session can remain: a live session times out after
// Env.Timeout and a paused one is dropped after PausedKeep, so 24 h plus the
// timeout after the deploy that brought this file (docs/ARCHITECTURE.md,
// "Session state").

// Legacy is a flow state that can read an older session's Data.
type Legacy interface {
	// Legacy fills the state from data; an error (a value that does not
	// read) makes the session ErrDamaged.
	Legacy(data map[string]string) error
}

// fromLegacy reads the older session's Data into S, and forgets the map:
// the flow's state is S from now on.
func fromLegacy[S any](t *Turn) (S, error) {
	var s S
	l, ok := any(&s).(Legacy)
	if !ok {
		return s, ErrDamaged
	}
	if err := l.Legacy(t.Sess.Data); err != nil {
		var zero S
		return zero, errors.Join(ErrDamaged, err)
	}
	t.Sess.Data = map[string]string{}
	return s, nil
}

// LegacyInt reads an older session's number: nil when empty.
func LegacyInt(data map[string]string, key string) (*int, error) {
	v, ok := data[key]
	if !ok || v == "" {
		return nil, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return nil, fmt.Errorf("legacy %s: %w", key, err)
	}
	return &n, nil
}

// LegacyID reads an older session's record id: 0 when empty (or "0", as
// the old code wrote "no dusun").
func LegacyID(data map[string]string, key string) (int64, error) {
	v, ok := data[key]
	if !ok || v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("legacy %s: %q is no id", key, v)
	}
	return n, nil
}

// LegacyFloat reads an older session's coordinate: nil when empty.
func LegacyFloat(data map[string]string, key string) (*float64, error) {
	v, ok := data[key]
	if !ok || v == "" {
		return nil, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return nil, fmt.Errorf("legacy %s: %w", key, err)
	}
	return &f, nil
}

// LegacyIDs reads the ids of older-session values in turn, stopping at
// the first that does not read.
func LegacyIDs(data map[string]string, into map[string]*int64) error {
	for key, p := range into {
		n, err := LegacyID(data, key)
		if err != nil {
			return err
		}
		*p = n
	}
	return nil
}

// LegacyIDList reads an older session's ids joined by ",": nil when empty.
func LegacyIDList(data map[string]string, key string) ([]int64, error) {
	var ids []int64
	for _, f := range strings.Split(data[key], ",") {
		if f == "" {
			continue
		}
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("legacy %s: %w", key, err)
		}
		ids = append(ids, id)
	}
	return ids, nil
}
