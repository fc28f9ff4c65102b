package flows

import (
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/flows/answer"
	"github.com/suaradesa/suaradesa/flows/flow"
)

// turn is the working state of one step (flow.Turn) for the flows still in
// this package; its methods forward to flow.Turn's so that their steps read
// as before. It goes when the last flow has its own package.
type turn struct{ *flow.Turn }

func (t *turn) bySMS() bool                                       { return t.BySMS() }
func (t *turn) takeHeld() string                                  { return t.TakeHeld() }
func (t *turn) takeCaption() string                               { return t.TakeCaption() }
func (t *turn) isAnswer() bool                                    { return t.IsAnswer() }
func (t *turn) menuHint()                                         { t.MenuHint() }
func (t *turn) say(key flow.Key, args flow.A)                     { t.Say(key, args) }
func (t *turn) render(key flow.Key, args flow.A) string           { return t.Turn.Render(key, args) }
func (t *turn) cmd(c flow.Command)                                { t.Cmd(c) }
func (t *turn) endFlow()                                          { t.EndFlow() }
func (t *turn) goTo(name, step string)                            { t.GoTo(name, step) }
func (t *turn) choice(n int) (int, bool)                          { return t.Choice(n) }
func (t *turn) choose(key flow.Key, args flow.A) (int, bool)      { return t.Choose(key, args) }
func (t *turn) matchDusun(ds []domain.Dusun) (domain.Dusun, bool) { return t.MatchDusun(ds) }
func (t *turn) desaName(kode string) (string, error)              { return t.DesaName(kode) }
func (t *turn) location(desaKode string) *time.Location           { return t.Location(desaKode) }
func (t *turn) setLang(lang string)                               { t.SetLang(lang) }
func (t *turn) chooseFrom(o []answer.Option) (int, bool)          { return t.ChooseFrom(o) }

func dusunNames(ds []domain.Dusun) []string { return flow.DusunNames(ds) }
func hasLetter(s string) bool               { return flow.HasLetter(s) }
func isLetterRune(r rune) bool              { return flow.IsLetterRune(r) }
func normName(s string) string              { return flow.NormName(s) }
func shorten(s string, n int) string        { return flow.Shorten(s, n) }
func parseLang(s string) (string, bool)     { return flow.ParseLang(s) }
func hasCode(s string) bool                 { return flow.HasCode(s) }
func questionOptions(lang string, key flow.Key, a flow.A) []answer.Option {
	return flow.QuestionOptions(lang, key, a)
}
func listItems(text string) []answer.Option            { return flow.ListItems(text) }
func optionsOf(labels, codes []string) []answer.Option { return flow.OptionsOf(labels, codes) }
func firstCount(s string) (int, bool)                  { return flow.FirstCount(s) }
func cutRunes(s string, n int) string                  { return flow.CutRunes(s, n) }
func numbered(items []string) string                   { return flow.Numbered(items) }

var (
	categoryKeys       = flow.CategoryKeys
	stageKeys          = flow.StageKeys
	meetingTypeKeys    = flow.MeetingTypeKeys
	complaintStageKeys = flow.ComplaintStageKeys
	conditionKeys      = flow.ConditionKeys
	kegiatanStatusKeys = flow.KegiatanStatusKeys
	mapKindKeys        = flow.MapKindKeys
	levelKeys          = flow.LevelKeys
	categoryMenu       = flow.CategoryMenu
	langMenu           = flow.LangMenu
)
