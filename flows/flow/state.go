package flow

import (
	"bytes"
	"encoding/json"
	"errors"
)

// ErrDamaged is the error of a step whose session state cannot be read: a
// value that is not the flow's state (damaged, or an older session's map
// that does not read: Legacy). The engine answers it as a lost session (the person is told,
// and starts again); nothing is stored.
var ErrDamaged = errors.New("flow: session state cannot be read")

// Load reads the typed state of the session's flow. An empty state is the
// zero value (a flow just started); a session written before the flow
// had typed state is read by the state's Legacy method once; a state that
// does not decode is ErrDamaged, never a silent zero.
func Load[S any](t *Turn) (S, error) {
	var s S
	if len(t.Sess.State) == 0 {
		if len(t.Sess.Data) > 0 {
			return fromLegacy[S](t)
		}
		return s, nil
	}
	dec := json.NewDecoder(bytes.NewReader(t.Sess.State))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return s, errors.Join(ErrDamaged, err)
	}
	return s, nil
}

// Save stores the flow's typed state in the session as JSON.
func Save[S any](t *Turn, s S) {
	b, err := json.Marshal(s)
	if err != nil {
		// A state is plain data; it always encodes. Should it not, the
		// next step reads it as damaged rather than a stale one.
		b = []byte("!")
	}
	t.Sess.State = b
}
