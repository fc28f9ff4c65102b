package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/suaradesa/suaradesa/store/storetest"
)

func TestRenderQR(t *testing.T) {
	qr := renderQR("2@abcdefghijklmnop,QRSTUVWXYZ0123456789,abcdefghij==,klmnopqrst==")
	lines := strings.Split(strings.TrimRight(qr, "\n"), "\n")
	if len(lines) < 15 || !strings.ContainsAny(qr, "█▀▄") {
		t.Fatalf("not a terminal QR code:\n%s", qr)
	}
	for _, l := range lines {
		if len([]rune(l)) != len([]rune(lines[0])) {
			t.Fatal("ragged QR lines")
		}
	}
}

func TestWhatsAppStatusWithoutPairing(t *testing.T) {
	env := envOf(map[string]string{"DATABASE_URL": storetest.URL(t)})
	var out bytes.Buffer
	if err := run(context.Background(), []string{"whatsapp", "status"}, env, &out, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "no WhatsApp number is paired") {
		t.Fatalf("status: %s", out.String())
	}
	if err := run(context.Background(), []string{"whatsapp", "logout", "081234567001"}, env, &out, &out); err == nil || !strings.Contains(errorText(err), "not paired") {
		t.Fatalf("logout of an unpaired number: %v", err)
	}
}
