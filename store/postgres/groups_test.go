package postgres_test

import (
	"testing"
	"time"

	"github.com/suaradesa/suaradesa/domain"
	"github.com/suaradesa/suaradesa/store/postgres"
	"github.com/suaradesa/suaradesa/store/storetest"
)

const (
	grpChannel = "whatsapp:+6281100000099"
	grpJID     = "120363000000000001@g.us"
	grpDesa    = "34.04.11.2002" // Bimomartani
	grpKPMD    = "+6281100000001"
)

func members(phones ...string) []postgres.WAGroupMember {
	out := make([]postgres.WAGroupMember, len(phones))
	for i, p := range phones {
		out[i] = postgres.WAGroupMember{Phone: domain.Phone(p), Admin: i == 0}
	}
	return out
}

func groupMembers(t *testing.T, st *postgres.Store, jid string) []string {
	t.Helper()
	var phones []string
	if err := st.DB().Select(&phones, `SELECT m.phone FROM wa_group_members m JOIN wa_groups g ON g.id = m.group_id
		WHERE g.jid = $1 ORDER BY m.phone`, jid); err != nil {
		t.Fatal(err)
	}
	return phones
}

func TestGroupSeenIsIdempotentAndReplacesMembers(t *testing.T) {
	st := storetest.SeededStore(t)
	for range 2 {
		if err := st.GroupSeen(ctx, grpChannel, grpJID, "RT 03 Kejambon", false, true,
			members("+6281100000011", "+6281100000012", "+6281100000011"), nil); err != nil {
			t.Fatal(err)
		}
	}
	var n int
	_ = st.DB().Get(&n, `SELECT count(*) FROM wa_groups`)
	if got := groupMembers(t, st, grpJID); n != 1 || len(got) != 2 {
		t.Fatalf("after seen twice: %d groups, members %v", n, got)
	}
	// The list read again replaces the members whole.
	if err := st.GroupSeen(ctx, grpChannel, grpJID, "RT 03 Kejambon", false, true, members("+6281100000013"), nil); err != nil {
		t.Fatal(err)
	}
	if got := groupMembers(t, st, grpJID); len(got) != 1 || got[0] != "+6281100000013" {
		t.Fatalf("members not replaced: %v", got)
	}
	// Joins and leaves change them one by one.
	if err := st.GroupMembersChanged(ctx, grpChannel, grpJID, members("+6281100000011"), members("+6281100000013")); err != nil {
		t.Fatal(err)
	}
	if got := groupMembers(t, st, grpJID); len(got) != 1 || got[0] != "+6281100000011" {
		t.Fatalf("members after join and leave: %v", got)
	}
	g, err := st.WAGroupOf(ctx, grpChannel, grpJID)
	if err != nil || g == nil || g.Name != "RT 03 Kejambon" || g.Members != 1 || g.Linked() || !g.Postable() {
		t.Fatalf("group %+v, %v", g, err)
	}
}

func TestGroupLeftIsNotLinkedNorListed(t *testing.T) {
	st := storetest.SeededStore(t)
	if err := st.GroupSeen(ctx, grpChannel, grpJID, "Grup Desa", false, true, nil, nil); err != nil {
		t.Fatal(err)
	}
	g, _ := st.WAGroupOf(ctx, grpChannel, grpJID)
	link := postgres.GroupLink{DesaKode: grpDesa, Audience: domain.AudienceDesa, By: grpKPMD}
	if err := st.LinkGroup(ctx, g.ID, link); err != nil {
		t.Fatal(err)
	}
	linked, err := postgres.LinkedGroups(ctx, st.DB(), grpDesa, domain.AudienceDesa, nil)
	if err != nil || len(linked) != 1 || linked[0].LinkedByName == "" {
		t.Fatalf("linked groups %+v, %v", linked, err)
	}
	for range 2 {
		if err := st.GroupLeft(ctx, grpChannel, grpJID); err != nil {
			t.Fatal(err)
		}
	}
	if linked, _ := postgres.LinkedGroups(ctx, st.DB(), grpDesa, domain.AudienceDesa, nil); len(linked) != 0 {
		t.Fatalf("a group left is still posted into: %+v", linked)
	}
	if err := st.LinkGroup(ctx, g.ID, link); domain.ErrorCodeOf(err) != domain.EINVALID {
		t.Fatalf("linking a group left: %v", err)
	}
	// Seen again (added back): in again, still linked.
	if err := st.GroupSeen(ctx, grpChannel, grpJID, "Grup Desa", false, true, nil, nil); err != nil {
		t.Fatal(err)
	}
	if linked, _ := postgres.LinkedGroups(ctx, st.DB(), grpDesa, domain.AudienceDesa, nil); len(linked) != 1 {
		t.Fatalf("a group seen again: %+v", linked)
	}
}

func TestLinkedGroupsByAudience(t *testing.T) {
	st := storetest.SeededStore(t)
	dusuns, err := st.ListDusun(ctx, grpDesa)
	if err != nil || len(dusuns) < 2 {
		t.Fatal(dusuns, err)
	}
	a, b := dusuns[0].ID, dusuns[1].ID
	for i, l := range []postgres.GroupLink{
		{DesaKode: grpDesa, Audience: domain.AudienceDusun, DusunID: &a},
		{DesaKode: grpDesa, Audience: domain.AudienceDusun, DusunID: &b},
		{DesaKode: grpDesa, Audience: domain.AudiencePerempuan, DusunID: &a}, // the dusun is dropped
	} {
		jid := []string{"1@g.us", "2@g.us", "3@g.us"}[i]
		if err := st.GroupSeen(ctx, grpChannel, jid, jid, false, true, nil, nil); err != nil {
			t.Fatal(err)
		}
		g, _ := st.WAGroupOf(ctx, grpChannel, jid)
		if err := st.LinkGroup(ctx, g.ID, l); err != nil {
			t.Fatal(err)
		}
	}
	got, err := postgres.LinkedGroups(ctx, st.DB(), grpDesa, domain.AudienceDusun, &b)
	if err != nil || len(got) != 1 || got[0].JID != "2@g.us" || got[0].DusunNama != dusuns[1].Nama {
		t.Fatalf("dusun b's groups %+v, %v", got, err)
	}
	if got, _ := postgres.LinkedGroups(ctx, st.DB(), grpDesa, domain.AudiencePerempuan, nil); len(got) != 1 || got[0].JID != "3@g.us" {
		t.Fatalf("women's groups %+v", got)
	}
	if got, _ := postgres.LinkedGroups(ctx, st.DB(), grpDesa, domain.AudienceDesa, nil); len(got) != 0 {
		t.Fatalf("desa groups %+v", got)
	}
	g, _ := st.WAGroupOf(ctx, grpChannel, "2@g.us")
	if err := st.UnlinkGroup(ctx, g.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := postgres.LinkedGroups(ctx, st.DB(), grpDesa, domain.AudienceDusun, &b); len(got) != 0 {
		t.Fatalf("an unlinked group: %+v", got)
	}
	// The admin page lists the groups linked to the desa, and those of a
	// number serving it.
	if err := st.GroupSeen(ctx, "whatsapp:+6281100000098", "9@g.us", "Lain", false, true, nil, nil); err != nil {
		t.Fatal(err)
	}
	if all, _ := st.GroupsOfDesa(ctx, grpDesa, ""); len(all) != 2 {
		t.Fatalf("groups of the desa before its number is scoped: %+v", all)
	}
	if _, err := st.DB().Exec(`INSERT INTO kanal (nama, cakupan) VALUES ($1, '34.04.11')`, grpChannel); err != nil {
		t.Fatal(err)
	}
	all, _ := st.GroupsOfDesa(ctx, grpDesa, "")
	if len(all) != 3 || !all[0].Linked() || all[2].Linked() {
		t.Fatalf("groups of the desa: %+v", all)
	}
	if ok, _ := st.MayLinkFrom(ctx, all[2].ID, grpDesa, ""); !ok {
		t.Fatal("the desa's number's group may not be linked")
	}
	other, _ := st.WAGroupOf(ctx, "whatsapp:+6281100000098", "9@g.us")
	if ok, _ := st.MayLinkFrom(ctx, other.ID, grpDesa, ""); ok {
		t.Fatal("a group of a number not serving the desa may be linked")
	}
}

func TestGroupSettingsTellTheLinkerOnce(t *testing.T) {
	st := storetest.SeededStore(t)
	if _, err := st.DB().Exec(`UPDATE contacts SET channel = $1 WHERE phone = $2`, grpChannel, grpKPMD); err != nil {
		t.Fatal(err)
	}
	tell := func(name string) postgres.Texts {
		return postgres.Texts{"id": "Grup '" + name + "' tidak bisa dikirimi, Bapak/Ibu {nama}", "jv": "jv " + name}
	}
	if err := st.GroupSeen(ctx, grpChannel, grpJID, "RT 03", false, true, nil, tell); err != nil {
		t.Fatal(err)
	}
	// Restricted before anyone linked it: nobody to tell.
	if err := st.GroupSettings(ctx, grpChannel, grpJID, true, false, tell); err != nil {
		t.Fatal(err)
	}
	if err := st.GroupSettings(ctx, grpChannel, grpJID, false, true, tell); err != nil {
		t.Fatal(err)
	}
	g, _ := st.WAGroupOf(ctx, grpChannel, grpJID)
	if err := st.LinkGroup(ctx, g.ID, postgres.GroupLink{DesaKode: grpDesa, Audience: domain.AudienceDesa, By: grpKPMD}); err != nil {
		t.Fatal(err)
	}
	for range 3 { // the event, the same again, the list at the next connect
		if err := st.GroupSettings(ctx, grpChannel, grpJID, true, false, tell); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.GroupSeen(ctx, grpChannel, grpJID, "RT 03", true, false, nil, tell); err != nil {
		t.Fatal(err)
	}
	var texts []string
	if err := st.DB().Select(&texts, `SELECT text FROM outbound_messages WHERE to_phone = $1 AND kind = 'push'`, grpKPMD); err != nil {
		t.Fatal(err)
	}
	if len(texts) != 1 || texts[0] != "Grup 'RT 03' tidak bisa dikirimi, Ibu Sri Wahyuni (KPMD)" {
		t.Fatalf("the linker was told %q", texts)
	}
	if linked, _ := postgres.LinkedGroups(ctx, st.DB(), grpDesa, domain.AudienceDesa, nil); len(linked) != 0 {
		t.Fatalf("a group where the bot may not post is posted into: %+v", linked)
	}
	if err := st.LinkGroup(ctx, g.ID, postgres.GroupLink{DesaKode: grpDesa, Audience: domain.AudienceDesa}); domain.ErrorCodeOf(err) != domain.EINVALID {
		t.Fatalf("linking a group where the bot may not post: %v", err)
	}
	// Opened and closed again: told again.
	_ = st.GroupSettings(ctx, grpChannel, grpJID, false, true, tell)
	_ = st.GroupSettings(ctx, grpChannel, grpJID, true, false, tell)
	var n int
	_ = st.DB().Get(&n, `SELECT count(*) FROM outbound_messages WHERE to_phone = $1 AND kind = 'push'`, grpKPMD)
	if n != 2 {
		t.Fatalf("told %d times after closing twice", n)
	}
}

// The retention job drops the members of groups the number left more than
// LeftGroupKeep ago; those of groups it is in, or left lately, stay.
func TestPurgeDropsMembersOfLeftGroups(t *testing.T) {
	st := storetest.SeededStore(t)
	for _, jid := range []string{"1@g.us", "2@g.us", "3@g.us"} {
		if err := st.GroupSeen(ctx, grpChannel, jid, "G", false, true, members("+6281100000011", "+6281100000012"), nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, jid := range []string{"1@g.us", "2@g.us"} {
		if err := st.GroupLeft(ctx, grpChannel, jid); err != nil {
			t.Fatal(err)
		}
	}
	st.DB().MustExec(`UPDATE wa_groups SET left_at = now() - interval '31 days' WHERE jid = '1@g.us'`)
	res, err := st.Purge(ctx, postgres.Retention{}, time.Now())
	if err != nil || res.GroupMembers != 2 {
		t.Fatalf("purge %+v, %v", res, err)
	}
	if a, b, c := groupMembers(t, st, "1@g.us"), groupMembers(t, st, "2@g.us"), groupMembers(t, st, "3@g.us"); len(a) != 0 || len(b) != 2 || len(c) != 2 {
		t.Fatalf("members after the purge: %v %v %v", a, b, c)
	}
}
