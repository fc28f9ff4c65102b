package answer

import "strings"

// cancelVerbs cancel a meeting, in the three languages: "batalkan",
// "dibatalke", "bolaykeun", "wurungaken".
var cancelVerbs = set("batal", "batalkan", "batalke", "batalaken", "dibatalkan", "dibatalke", "dibatalaken", "batalin", "dibatalin",
	"bolay", "bolaykeun", "dibolaykeun", "wurung", "wurungaken", "diwurungaken", "wurungke", "diwurungke")

// CancelMeeting reads a short request to cancel the meeting it names by
// code: "batalkan rapat R-…", "batal R-…", "R-… dibatalke wae",
// "bolaykeun rapat R-…". It returns the code, upper case. A question
// ("R-… batal?") or an answer to the invitation is none.
func CancelMeeting(text string) (string, bool) {
	if strings.HasSuffix(strings.TrimSpace(text), "?") {
		return "", false
	}
	code, rest, ok := oneCode(text, "R-")
	if !ok || code == "" {
		return "", false
	}
	words := Words(strings.Join(rest, " "))
	if len(words) == 0 || len(words) > 6 {
		return "", false
	}
	verb := false
	for _, w := range words {
		switch {
		case cancelVerbs[w]:
			verb = true
		case comeWords[w] || askHowWords[w] || askWords[w]:
			return "", false
		}
	}
	if !verb {
		return "", false
	}
	return code, true
}
