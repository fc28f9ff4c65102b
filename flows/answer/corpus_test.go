package answer

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// The corpus (testdata/corpus.tsv) holds answers as residents, KPMD and TPK
// write them on a phone, one a line: question<TAB>utterance<TAB>expected.
// A line "# lang: jv" (id, jv, su, mix) tags the rows below it with their
// language; other lines starting with "#" and empty lines are comments.
//
// Questions and their expected readings:
//
//	yesno            yes | no | unclear
//	skip done cancel keep   true | false
//	number percent   an integer | none
//	counts           the numbers space-separated | none
//	ranked           a ballot's numbers in order, space-separated | none
//	choice:<list>    the 1-based index | none; <list> is the options
//	                 separated by "|", each "label~word~word#CODE"
//	intent           none delete who complaint_status complaint cancel help
//	                 menu stop start stop_how privacy, or complaint:<rest> to check Rest too
const corpusFile = "testdata/corpus.tsv"

const minCorpusRows = 400

type corpusRow struct {
	line     int
	lang     string
	question string
	text     string
	want     string
}

func readCorpus(tb testing.TB) []corpusRow {
	tb.Helper()
	f, err := os.Open(corpusFile)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var rows []corpusRow
	lang := "id"
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			continue
		}
		if strings.HasPrefix(line, "#") {
			if l, ok := strings.CutPrefix(line, "# lang:"); ok {
				lang = strings.TrimSpace(l)
			}
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			tb.Errorf("%s:%d: want 3 tab-separated fields, have %d: %q", corpusFile, n, len(parts), line)
			continue
		}
		rows = append(rows, corpusRow{line: n, lang: lang, question: parts[0], text: parts[1], want: parts[2]})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return rows
}

// parseOptions reads the list of a choice question: "A|B~w~w|C#CODE".
func parseOptions(list string) []Option {
	var opts []Option
	for _, item := range strings.Split(list, "|") {
		var o Option
		if i := strings.LastIndex(item, "#"); i >= 0 {
			o.Code = item[i+1:]
			item = item[:i]
		}
		ws := strings.Split(item, "~")
		o.Label = ws[0]
		o.Words = ws[1:]
		opts = append(opts, o)
	}
	return opts
}

var intentNames = map[Kind]string{
	None: "none", Delete: "delete", Who: "who", ComplaintStatus: "complaint_status", Complaint: "complaint",
	CancelIntent: "cancel", Help: "help", Menu: "menu", Stop: "stop", Start: "start", StopHow: "stop_how", Privacy: "privacy",
}

func intOrNone(n int, ok bool) string {
	if !ok {
		return "none"
	}
	return strconv.Itoa(n)
}

// readAs is the reading of text for the question, written as the corpus
// writes its expectations (want guides only the form of a complaint).
func readAs(question, text, want string) (string, bool) {
	switch {
	case question == "yesno":
		return [...]string{Unclear: "unclear", Yes: "yes", No: "no"}[YesNo(text)], true
	case question == "skip":
		return strconv.FormatBool(Skip(text)), true
	case question == "done":
		return strconv.FormatBool(Done(text)), true
	case question == "cancel":
		return strconv.FormatBool(Cancel(text)), true
	case question == "keep":
		return strconv.FormatBool(Keep(text)), true
	case question == "number":
		return intOrNone(Number(text)), true
	case question == "percent":
		return intOrNone(Percent(text)), true
	case question == "counts":
		ns := Numbers(text)
		if len(ns) == 0 {
			return "none", true
		}
		s := make([]string, len(ns))
		for i, n := range ns {
			s[i] = strconv.Itoa(n)
		}
		return strings.Join(s, " "), true
	case question == "ranked":
		ns, ok := Ranked(text)
		if !ok {
			return "none", true
		}
		s := make([]string, len(ns))
		for i, n := range ns {
			s[i] = strconv.Itoa(n)
		}
		return strings.Join(s, " "), true
	case strings.HasPrefix(question, "choice:"):
		i, ok := Choice(text, parseOptions(strings.TrimPrefix(question, "choice:")))
		return intOrNone(i+1, ok), true
	case question == "intent":
		f := Intent(text)
		got := intentNames[f.Kind]
		if f.Kind == Complaint && strings.HasPrefix(want, "complaint:") {
			got += ":" + f.Rest
		}
		return got, true
	}
	return "", false
}

func TestCorpus(t *testing.T) {
	rows := readCorpus(t)
	if len(rows) < minCorpusRows {
		t.Errorf("%s has %d rows, want at least %d", corpusFile, len(rows), minCorpusRows)
	}
	perQuestion := map[string]int{}
	perLang := map[string]int{}
	failed := 0
	for _, r := range rows {
		q := r.question
		if strings.HasPrefix(q, "choice:") {
			q = "choice"
		}
		perQuestion[q]++
		perLang[r.lang]++
		got, ok := readAs(r.question, r.text, r.want)
		if !ok {
			t.Errorf("%s:%d: unknown question %q", corpusFile, r.line, r.question)
			continue
		}
		if got != r.want {
			failed++
			t.Errorf("%s:%d: %s %q = %s, want %s", corpusFile, r.line, q, r.text, got, r.want)
		}
	}
	for _, l := range []struct {
		lang string
		min  int
	}{{"jv", 80}, {"su", 60}} {
		if perLang[l.lang] < l.min {
			t.Errorf("%d rows in %s, want at least %d", perLang[l.lang], l.lang, l.min)
		}
	}
	t.Logf("%d rows (%d failed); per question %v; per language %v", len(rows), failed, perQuestion, perLang)
}

// fuzzOptions is the list FuzzReaders picks from.
var fuzzOptions = parseOptions("Infrastruktur / sarana prasarana|Ekonomi|Pendidikan|Kesehatan|Lainnya~Sanesipun~Sanés|" +
	"Musyawarah Dusun~musdus#R-AB12CD|Musdes#R-ZZ99XX")

func FuzzReaders(f *testing.F) {
	for _, r := range readCorpus(f) {
		f.Add(r.text)
	}
	f.Add(strings.Repeat("ya ", 2000))
	f.Add("ke-")
	f.Add("1/0")
	f.Add("٣")
	f.Add("\xff\xfe 2")
	f.Fuzz(func(t *testing.T, text string) {
		YesNo(text)
		Skip(text)
		Done(text)
		Cancel(text)
		Keep(text)
		Numbers(text)
		Intent(text)
		BAPhoto(text)
		MeetingAnswer(text)
		CancelMeeting(text)
		BareAnswer(text)
		if p, ok := Percent(text); ok && (p < 0 || p > 100) && !strings.ContainsAny(text, "0123456789") {
			t.Errorf("Percent(%q) = %d from no digits", text, p)
		}
		if i, ok := Choice(text, fuzzOptions); ok && (i < 0 || i >= len(fuzzOptions)) {
			t.Errorf("Choice(%q) = %d, outside the %d options", text, i, len(fuzzOptions))
		}
		if _, ok := Choice(text, nil); ok {
			t.Errorf("Choice(%q, nil) picked an option", text)
		}
		if ns, ok := Ranked(text); ok {
			if len(ns) == 0 || len(ns) > maxRanked {
				t.Errorf("Ranked(%q) = %v", text, ns)
			}
			for _, n := range ns {
				if !numberIn(text, n) {
					t.Errorf("Ranked(%q) holds %d, which is not in the text", text, n)
				}
			}
		}
		if n, ok := Number(text); ok && !numberIn(text, n) {
			t.Errorf("Number(%q) = %d, which is not in the text", text, n)
		}
	})
}

// numberIn tells whether n is written in text as digits or as a number word.
func numberIn(text string, n int) bool {
	if strings.Contains(text, strconv.Itoa(n)) {
		return true
	}
	// The words of tens and teens, as Words reads them ("puluuuh").
	tens := false
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = foldRepeats(w)
		tens = tens || strings.Contains(w, "puluh") || strings.Contains(w, "dasa") || strings.Contains(w, "belas") ||
			strings.Contains(w, "welas")
	}
	for _, w := range Words(text) {
		if v, ok := numberWords[strings.TrimPrefix(w, "ke-")]; ok && v == n {
			return true
		}
		// "dua puluh" is 20, "dua welas" 12.
		if tens && w == strconv.Itoa(n) {
			return true
		}
	}
	return false
}

// TestCorpusSafety checks the safety rules across the corpus rows of other
// questions: a skip ("gak tau", "mboten ngertos") is never read as a no
// unless it is itself a no to a yes/no question ("gak usah", "teu acan");
// a yes/no row expected no or unclear is never a yes; and a sentence that
// answers (five words or more, not a cancel) never cancels the step.
func TestCorpusSafety(t *testing.T) {
	for _, r := range readCorpus(t) {
		c := coreOrAll(Words(r.text))
		if r.question == "skip" && r.want == "true" && YesNo(r.text) == No && !matchPhrase(c, noPhrases, polite) {
			t.Errorf("%s:%d: skip %q reads as a no", corpusFile, r.line, r.text)
		}
		if r.question == "yesno" && r.want != "yes" && YesNo(r.text) == Yes {
			t.Errorf("%s:%d: %q reads as a yes", corpusFile, r.line, r.text)
		}
		if len(strings.Fields(r.text)) >= 5 && r.want != "true" && r.want != "cancel" &&
			(Cancel(r.text) || Intent(r.text).Kind == CancelIntent) {
			t.Errorf("%s:%d: the sentence %q cancels", corpusFile, r.line, r.text)
		}
	}
}
