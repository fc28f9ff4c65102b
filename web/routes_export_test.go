package web

import "strings"

// AdminPostRoutes are the paths of the admin site's POST routes, from its
// route table, for the tests of web_test.
func AdminPostRoutes() []string {
	var out []string
	for _, rt := range adminRoutes {
		if p, ok := strings.CutPrefix(rt.pattern, "POST "); ok {
			out = append(out, p)
		}
	}
	return out
}
