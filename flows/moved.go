package flows

import (
	"github.com/suaradesa/suaradesa/flows/aduan"
	"github.com/suaradesa/suaradesa/flows/akun"
	"github.com/suaradesa/suaradesa/flows/daftar"
	"github.com/suaradesa/suaradesa/flows/gagasan"
	"github.com/suaradesa/suaradesa/flows/progres"
	"github.com/suaradesa/suaradesa/flows/rapat"
	"github.com/suaradesa/suaradesa/flows/tarik"
)

// Flow names of kegiatan and complaints.
const (
	FlowLapor   = progres.LaporName   // a TPK member reports progress
	FlowProgres = progres.ProgresName // a resident picks a kegiatan to see
	FlowAduan   = aduan.Name          // a resident files a complaint
	FlowTarik   = tarik.Name          // a resident withdraws a gagasan
	FlowBahasa  = akun.BahasaName     // a resident chooses their language
	FlowHapus   = akun.HapusName      // HAPUS DATA
	FlowPrivasi = akun.PrivasiName    // who sees my data, open for one message
)

func (t *turn) startLapor(arg string) error { return progres.StartLapor(t.Turn, arg) }

func (t *turn) kegiatanDetail(arg string) error { return progres.Detail(t.Turn, arg) }

func (t *turn) startAduan(text string) error { return aduan.Start(t.Turn, text) }

func (t *turn) aduanStatus(arg string) error { return aduan.Status(t.Turn, arg) }

func (t *turn) startTarik(arg string) error { return tarik.Start(t.Turn, arg) }

// The helpers below moved with the gagasan flow (flows/gagasan) or to
// flows/flow; the flows still in this package call them by their old
// names until they move too.

func contentWords(text string) int { return gagasan.ContentWords(text) }

// DefaultController is the data controller named in the consent text when
// none is configured (daftar.DefaultController).
const DefaultController = daftar.DefaultController

// The texts of meetings are rendered by flows/rapat.
var (
	InviteText    = rapat.InviteText
	ReminderText  = rapat.ReminderText
	ReminderTexts = rapat.ReminderTexts
	// GroupReminderTexts is a reminder posted into the linked groups.
	GroupReminderTexts = rapat.GroupReminderTexts
)

func (t *turn) dataSaya() error { return akun.DataSaya(t.Turn) }

func (t *turn) startDelete() error { return akun.StartDelete(t.Turn) }

// privacy answers who sees the person's data; a flow waiting for an
// answer goes on (a list just shown does not wait).
func (t *turn) privacy() error {
	return akun.Privacy(t.Turn, t.Sess.Idle() || t.Sess.Flow == FlowPilih)
}
