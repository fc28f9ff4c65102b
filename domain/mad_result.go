package domain

import "time"

// MADDesaResult is one desa's part of a decided MAD Penetapan, as the
// desa's WhatsApp groups are told (docs/ARCHITECTURE.md, "Groups"): titles,
// budgets and where the unfunded go; no one's name.
type MADDesaResult struct {
	MeetingCode   string
	At            time.Time // the MAD's start, in its kecamatan's zone
	KecamatanKode string
	DesaKode      string
	DesaNama      string
	// Funded and Forwarded are the desa's proposals in the MAD's order.
	Funded, Forwarded []MADOutcome
}

// MADOutcome is one proposal of a MAD Penetapan's result.
type MADOutcome struct {
	Code, Title string
	Budget      int64
	Rank        int
	// ForwardTo is where an unfunded proposal goes ("" when funded).
	ForwardTo string
}
