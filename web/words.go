package web

import (
	"strconv"
	"strings"
	"time"

	"github.com/suaradesa/suaradesa/bot"
	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// Words for the raw values a facilitator would otherwise read: a channel's
// name, a role, a language code, a state.

// channelText is a channel's name in words: "sim" → "Simulator",
// "sms:bimo" → "SMS (gateway bimo)".
func channelText(name string) string {
	kind, id := bot.ChannelKind(name)
	switch kind {
	case "":
		return "—"
	case bot.KindSim:
		return "Simulator"
	case bot.KindWhatsApp:
		return "WhatsApp (nomor " + id + ")"
	case bot.KindWhatsAppCloud:
		return "WhatsApp Business"
	case bot.KindSMS:
		return "SMS (gateway " + id + ")"
	}
	return name
}

var roleWords = map[string]string{
	string(domain.RoleKPMD):        "Kader desa (KPMD)",
	string(domain.RoleTPK):         "Tim Pelaksana Kegiatan (TPK)",
	string(domain.RoleTV):          "Tim Verifikasi (TV)",
	string(domain.RoleTPU):         "Tim Penulis Usulan (TPU)",
	string(domain.RoleFasilitator): "Fasilitator",
	"AUDITOR":                      "Auditor",
	"FASILITATOR_KAB":              "Fasilitator Kabupaten",
	"AUDITOR_KAB":                  "Auditor Kabupaten",
	"PEMELIHARA":                   "Tim Pemelihara",
}

// roleText is a role in words ("TV" → "Tim Verifikasi (TV)"); a list
// ("FASILITATOR, KPMD") is said item by item.
func roleText(v any) string {
	var s string
	switch r := v.(type) {
	case string:
		s = r
	case domain.Role:
		s = string(r)
	}
	parts := strings.Split(s, ",")
	for i, p := range parts {
		// A role an election granted carries its meeting: "KPMD (R-…)".
		p, src, _ := strings.Cut(strings.TrimSpace(p), " (")
		parts[i] = wordOf(roleWords, p)
		if src != "" {
			parts[i] += " — dipilih di rapat " + strings.TrimSuffix(src, ")")
		}
	}
	return strings.Join(parts, ", ")
}

// positionWords are the positions a meeting elects, in words.
var positionWords = map[string]string{
	string(domain.PositionKPMD):        "Kader desa (KPMD)",
	string(domain.PositionTPK):         "Tim Pelaksana Kegiatan (TPK)",
	string(domain.PositionTPU):         "Tim Penulis Usulan (TPU)",
	string(domain.PositionPemelihara):  "Tim Pemelihara",
	string(domain.PositionDelegateMAD): "Delegasi desa ke MAD",
	string(domain.PositionDelegateMKP): "Delegasi perempuan MKP",
}

// positionText is an elected position in words.
func positionText(p domain.Position) string { return wordOf(positionWords, string(p)) }

// langText is a language's name: "jv" → "Basa Jawa".
func langText(code string) string {
	if !flow.ValidLang(code) {
		return code
	}
	return flow.Render(flow.LangID, flow.Key("lang_"+code), nil)
}

// genderText is "P" → "perempuan", "L" → "laki-laki".
func genderText(g string) string {
	switch g {
	case string(domain.GenderFemale):
		return "perempuan"
	case string(domain.GenderMale):
		return "laki-laki"
	}
	return "—"
}

// meetingStatusText is a meeting's state in words.
func meetingStatusText(st domain.MeetingStatus) string {
	return wordOf(map[domain.MeetingStatus]string{
		domain.MeetingScheduled: "dijadwalkan",
		domain.MeetingCanceled:  "dibatalkan",
		domain.MeetingHeld:      "selesai",
	}, st)
}

// whatsappStateText is a WhatsApp number's connection in words, with what
// to do when it is not connected.
func whatsappStateText(st string) string {
	return wordOf(map[string]string{
		"connected":    "tersambung",
		"connecting":   "sedang menyambung…",
		"disconnected": "terputus sementara; layanan mencoba menyambung lagi",
		"logged_out":   "keluar dari WhatsApp: tautkan ulang nomor ini (langkah di bawah)",
		"replaced":     "dipakai di perangkat lain: tautkan ulang nomor ini",
		"outdated":     "versi WhatsApp layanan sudah usang: hubungi pengelola server",
		"banned":       "diblokir oleh WhatsApp: hubungi pengelola server",
	}, st)
}

// wordOf is a value's words, or the value itself when it has none.
func wordOf[K ~string](words map[K]string, k K) string {
	if w, ok := words[k]; ok {
		return w
	}
	return string(k)
}

// fileKindText is an uploaded file's type in words: "application/pdf" →
// "PDF", "image/jpeg" → "foto".
func fileKindText(mime string) string {
	switch {
	case mime == "application/pdf":
		return "PDF"
	case strings.HasPrefix(mime, "image/"):
		return "foto"
	}
	return "berkas"
}

// byText says in words who made a change, from what the store keeps
// ("web fasilitator" → "oleh fasilitator, lewat situs admin").
func byText(by string) string {
	switch {
	case strings.HasPrefix(by, "web "):
		return "oleh " + strings.TrimPrefix(by, "web ") + ", lewat situs admin"
	case by == "warga":
		return "oleh pengirimnya, lewat chat"
	case by == "KPMD untuk warga":
		return "oleh kader (KPMD) untuk warga, lewat chat"
	case by == "KPMD":
		return "oleh kader (KPMD), lewat chat"
	case strings.HasPrefix(by, "KPMD "):
		return "oleh kader (KPMD) " + strings.TrimPrefix(by, "KPMD ") + ", lewat chat"
	case by == "cli":
		return "oleh pengelola server"
	case by == "kegiatan":
		return "otomatis, mengikuti kegiatannya"
	case by == "demo":
		return "data contoh"
	case by == "":
		return ""
	}
	return "oleh " + by
}

// waitedText says how long something has waited, in whole days
// ("kurang dari sehari", "1 hari", "12 hari").
func waitedText(since, now time.Time) string {
	d := int(now.Sub(since).Hours() / 24)
	if d < 1 {
		return "kurang dari sehari"
	}
	return strconv.Itoa(d) + " hari"
}
