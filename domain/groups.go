package domain

// GroupPosts is which linked WhatsApp groups of a desa get a post addressed
// to an audience: those linked to one of Audiences and, when Dusun is set,
// only DUSUN groups of that dusun. The rule: a group gets a post when every
// member it was linked for is in the post's audience (the group's audience
// lies within it). A desa-wide post goes to the desa's groups, its dusun's
// and its women's; a dusun meeting only to that dusun's groups, not to the
// whole desa's group, whose other members are not invited (their HADIR
// would be refused) and which would get every dusun's meetings; a women's
// meeting only to the women's groups. MAD invites role holders of the
// kecamatan, whom no desa group stands for: no group.
type GroupPosts struct {
	Audiences []Audience
	Dusun     *int64
}

// None tells that no group gets the post.
func (g GroupPosts) None() bool { return len(g.Audiences) == 0 }

// GroupPostsFor returns the groups that get a post addressed to aud (dusun
// for a DUSUN audience).
func GroupPostsFor(aud Audience, dusun *int64) GroupPosts {
	switch aud {
	case AudienceDesa:
		return GroupPosts{Audiences: []Audience{AudienceDesa, AudienceDusun, AudiencePerempuan}}
	case AudienceDusun:
		if dusun == nil {
			return GroupPosts{}
		}
		return GroupPosts{Audiences: []Audience{AudienceDusun}, Dusun: dusun}
	case AudiencePerempuan:
		return GroupPosts{Audiences: []Audience{AudiencePerempuan}}
	}
	return GroupPosts{}
}

// Gets tells whether a group linked to aud (dusun for DUSUN) gets the post.
func (g GroupPosts) Gets(aud Audience, dusun *int64) bool {
	for _, a := range g.Audiences {
		if a != aud {
			continue
		}
		if g.Dusun == nil {
			return true
		}
		return dusun != nil && *dusun == *g.Dusun
	}
	return false
}

// Strings is Audiences as strings, for a query's array parameter.
func (g GroupPosts) Strings() []string {
	out := make([]string, len(g.Audiences))
	for i, a := range g.Audiences {
		out[i] = string(a)
	}
	return out
}

// GroupReach is how an invitation would reach its audience (the KIRIM
// preview): Groups linked groups get one post, reaching ByGroup residents
// of the audience who are members; Personal residents get a personal
// message, SMS of them by SMS.
type GroupReach struct {
	Groups   int `db:"groups"`
	ByGroup  int `db:"by_group"`
	Personal int `db:"personal"`
	SMS      int `db:"sms"`
}
