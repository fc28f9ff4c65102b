package flow

// Messages answering what a resident asks besides the program: a
// greeting, what messages cost, how to join a WhatsApp group, and the
// short hint at the complaint's anonymity question.
const (
	MsgGreetIdle     Key = "greet_idle"
	MsgCost          Key = "cost_answer"
	MsgGroupJoin     Key = "group_join_how"
	MsgAduanAnonHint Key = "aduan_anon_hint"
)
