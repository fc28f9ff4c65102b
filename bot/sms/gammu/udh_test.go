package gammu_test

import (
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/bot/sms/gammu"
)

func TestParseUDH(t *testing.T) {
	for _, tc := range []struct {
		udh     string
		want    gammu.Concat
		ok, bad bool
	}{
		{udh: ""},
		{udh: "050003A70201", want: gammu.Concat{Ref: 0xA7, Total: 2, Seq: 1}, ok: true},
		{udh: "050003a70202", want: gammu.Concat{Ref: 0xA7, Total: 2, Seq: 2}, ok: true},
		{udh: "0608041234030 3", bad: true},
		{udh: "06080412340303", want: gammu.Concat{Ref: 0x1234, Total: 3, Seq: 3}, ok: true},
		// A port-addressing element first, then the concatenation.
		{udh: "0B0504158A00000003110201", want: gammu.Concat{Ref: 0x11, Total: 2, Seq: 1}, ok: true},
		{udh: "0605040B8423F0"}, // ports only: a single message
		{udh: "050003A70203", bad: true},
		{udh: "050003A70200", bad: true},
		{udh: "060003A70201", bad: true},          // length byte says 6
		{udh: "05000AA70201", bad: true},          // element runs past the header
		{udh: "zz", bad: true},                    // not hex
		{udh: "0400020000", want: gammu.Concat{}}, // unknown element of the wrong size is skipped
	} {
		got, ok, err := gammu.ParseUDH(tc.udh)
		if (err != nil) != tc.bad || ok != tc.ok || got != tc.want {
			t.Errorf("ParseUDH(%q) = %+v, %v, %v; want %+v, %v, bad=%v", tc.udh, got, ok, err, tc.want, tc.ok, tc.bad)
		}
	}
}

func TestUDHRoundTrip(t *testing.T) {
	for _, c := range []gammu.Concat{{Ref: 0, Total: 2, Seq: 1}, {Ref: 255, Total: 3, Seq: 3}} {
		got, ok, err := gammu.ParseUDH(gammu.UDH(c.Ref, c.Total, c.Seq))
		if err != nil || !ok || got != c {
			t.Fatalf("round trip of %+v gave %+v %v %v", c, got, ok, err)
		}
	}
}

func FuzzParseUDH(f *testing.F) {
	for _, s := range []string{"", "050003A70201", "06080412340303", "0B0504158A00000003110201", "00", "01FF"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, udh string) {
		c, ok, err := gammu.ParseUDH(udh)
		if err != nil && ok {
			t.Fatal("ok with an error")
		}
		if ok && (c.Total < 1 || c.Seq < 1 || c.Seq > c.Total || c.Ref < 0 || c.Ref > 0xFFFF) {
			t.Fatalf("impossible part %+v from %q", c, udh)
		}
	})
}

func TestAssemble(t *testing.T) {
	long := func(id int64, sender, udh, text string, expired bool) gammu.InboxRow {
		return gammu.InboxRow{ID: id, Sender: sender, UDH: udh, Text: text, Expired: expired}
	}
	rows := []gammu.InboxRow{
		long(1, "+6281", "", "halo", false),
		long(2, "+6282", "050003070302", "dua ", false), // parts out of order
		long(3, "+6282", "050003070303", "tiga", false),
		long(4, "+6282", "050003070301", "satu ", false),
		long(5, "+6283", "050003070201", "menunggu ", false), // part 2 not yet in
		long(6, "+6284", "050003090201", "lama ", true),      // part 2 lost for good
		long(7, "+6282", "050003070302", "dua ", false),      // a part delivered twice
		long(8, "+6285", "zz", "rusak", false),               // unreadable header: alone
	}
	ready, waiting := gammu.Assemble(rows)
	if waiting != 1 {
		t.Fatalf("waiting = %d, want the one part of +6283", waiting)
	}
	got := map[string]gammu.Message{}
	for _, m := range ready {
		got[m.Sender] = m
	}
	if len(ready) != 4 || got["+6281"].Text != "halo" || got["+6284"].Text != "lama " || got["+6285"].Text != "rusak" {
		t.Fatalf("ready = %+v", ready)
	}
	m := got["+6282"]
	if m.Text != "satu dua tiga" || m.IDs[0] != 4 || len(m.IDs) != 4 {
		t.Fatalf("long message = %+v, want parts in order, first id 4, the duplicate marked too", m)
	}
	if strings.Contains(m.Text, "dua dua") {
		t.Fatal("a duplicated part was repeated")
	}
}

func TestEncode(t *testing.T) {
	if p := gammu.Encode("Halo Siti", 1); len(p) != 1 || p[0].UDH != "" || p[0].Coding != "Default_No_Compression" {
		t.Fatalf("short: %+v", p)
	}
	p := gammu.Encode(strings.Repeat("a", 200), 0x1A7)
	if len(p) != 2 || p[0].UDH != "050003A70201" || p[1].UDH != "050003A70202" || len(p[0].Text) != 153 {
		t.Fatalf("long GSM-7: %+v", p)
	}
	p = gammu.Encode(strings.Repeat("ş", 100), 3)
	if len(p) != 2 || p[0].Coding != "Unicode_No_Compression" || len([]rune(p[0].Text)) != 67 {
		t.Fatalf("long UCS-2: %+v", p)
	}
}
