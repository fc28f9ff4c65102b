package akun

// none is the state of BAHASA, HAPUS DATA and the privacy follow-up: they
// keep nothing between messages.
type none struct{}

// Legacy reads a session written before this package (flow.Legacy; delete
// with flows/flow/legacy.go, and none's use with it): these flows wrote no
// Data, so what an old session holds was left by the flow before (the old
// code kept it on entering another flow: STATUS's list, then "siapa yang
// lihat data saya?"), and is no answer of theirs.
func (*none) Legacy(map[string]string) error { return nil }
