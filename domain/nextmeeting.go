package domain

// nextMeetings is the meeting that next takes up a gagasan at each stage
// (docs/GLOSSARY.md, the meeting types and the stages).
var nextMeetings = map[Status]MeetingType{
	StatusDiajukan:     MeetingMusdus,             // discussed in its dusun
	StatusDibahas:      MeetingMusdesPerencanaan,  // adopted as the desa's proposal, or not
	StatusUsulanDesa:   MeetingMADPrioritas,       // written, verified, then ranked
	StatusVerifikasi:   MeetingMADPrioritas,       // ranked among every desa's
	StatusPrioritasMAD: MeetingMADPenetapan,       // funded or not
	StatusDidanai:      MeetingMusdesInformasi,    // the desa told what was funded
	StatusPelaksanaan:  MeetingPertanggungjawaban, // the TPK accounts for the work
	StatusSelesai:      MeetingSerahTerima,        // handed over
}

// NextMeeting is the type of the meeting that next takes up a gagasan at
// stage s: the Musyawarah Dusun for DIAJUKAN, the Musdes Perencanaan for
// DIBAHAS, the MAD Prioritas for USULAN_DESA and VERIFIKASI, the MAD
// Penetapan for PRIORITAS_MAD, the Musdes Informasi for DIDANAI, the Musdes
// Pertanggungjawaban for PELAKSANAAN, the Musdes Serah Terima for SELESAI;
// false at a stage no meeting takes up (it left the cycle, was not
// funded, was handed over).
func NextMeeting(s Status) (MeetingType, bool) {
	t, ok := nextMeetings[s]
	return t, ok
}
