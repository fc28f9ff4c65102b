package gagasan

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// TestVagueTitle: the words after GAGASAN that name no idea start the
// guided flow instead of saving a gagasan titled "lagi".
func TestVagueTitle(t *testing.T) {
	for text, want := range map[string]bool{
		"lagi":                        true,
		"gagasan saya ada 2":          true,
		"kula wau pripun?":            true,
		"lampu jalan dusun Kejambon":  false,
		"sumur bor, air kering terus": false,
	} {
		if got := VagueTitle(text); got != want {
			t.Errorf("VagueTitle(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestTitleFrom: a one-message gagasan's title is its first sentence, cut
// at a word with an ellipsis past 60 characters, or a plain one.
func TestTitleFrom(t *testing.T) {
	if got := titleFrom(flow.LangID, "lampu jalan mati. Sudah sebulan gelap"); got != "Lampu jalan mati" {
		t.Errorf("first sentence: %q", got)
	}
	long := titleFrom(flow.LangID, strings.Repeat("jalan berlubang ", 10))
	if !strings.HasSuffix(long, "…") || utf8.RuneCountInString(long) > 61 || strings.HasSuffix(long, " …") {
		t.Errorf("long title: %q", long)
	}
	if got := titleFrom(flow.LangID, "ok"); got != flow.Render(flow.LangID, flow.MsgDefaultTitle, nil) {
		t.Errorf("too short: %q", got)
	}
}

// TestCategoryNamed: a short answer naming the thing (not the category)
// is read as its category; words of two categories are none.
func TestCategoryNamed(t *testing.T) {
	for text, want := range map[string]domain.Category{
		"dalan, dalane bolong2": domain.CategoryInfrastruktur,
		"posyandu":              domain.CategoryKesehatan,
		"sekolah dan posyandu":  "",
	} {
		got, _ := categoryNamed(text)
		if got != want {
			t.Errorf("categoryNamed(%q) = %q, want %q", text, got, want)
		}
	}
}
