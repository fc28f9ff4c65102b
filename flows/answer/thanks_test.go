package answer_test

import (
	"testing"

	"github.com/suaradesa/suaradesa/flows/answer"
)

// TestThanked: thanks as residents write it in the three languages, with
// SMS spellings, typos and doubled letters; a sentence that thanks and
// says something else is no thanks, and an answer before the thanks is
// told.
func TestThanked(t *testing.T) {
	for text, want := range map[string][2]bool{
		"matur nuwun":                     {true, false},
		"maturnuwun":                      {true, false},
		"Matur nuwun sanget 🙏":            {true, false},
		"matur sembah nuwun":              {true, false},
		"suwun":                           {true, false},
		"suwun mas":                       {true, false},
		"nuwun":                           {true, false},
		"kula nuwun":                      {false, false}, // a greeting: leave to come in
		"Kula nuwun, Bu":                  {false, false},
		"hatur nuhun":                     {true, false},
		"haturnuhun pisan kang":           {true, false},
		"nuhun":                           {true, false},
		"makasih":                         {true, false},
		"makasihh":                        {true, false},
		"mksh bu":                         {true, false},
		"trims":                           {true, false},
		"tq":                              {true, false},
		"thx min":                         {true, false},
		"terima kasih ya pak":             {true, false},
		"terimakasih":                     {true, false},
		"trimakasih banyak":               {true, false},
		"terima kasih atas infonya":       {true, false},
		"oke makasih":                     {true, true},
		"ok makasih":                      {true, true},
		"ya terima kasih":                 {true, true},
		"nggih matur nuwun":               {true, true},
		"siap, nuhun":                     {true, true},
		"muhun, hatur nuhun":              {true, true},
		"ok":                              {false, false},
		"ya":                              {false, false},
		"terima":                          {false, false},
		"matur":                           {false, false},
		"kasih tahu saya":                 {false, false},
		"terima kasih, besok saya datang": {false, false},
		"makasih, jalannya sudah diperbaiki belum?": {false, false},
		"":  {false, false},
		"🙏": {false, false},
	} {
		thanks, ack := answer.Thanked(text)
		if thanks != want[0] || ack != want[1] {
			t.Errorf("Thanked(%q) = %v, %v; want %v, %v", text, thanks, ack, want[0], want[1])
		}
	}
}
