package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestConfigExposure: serve is safe by default, and a combination that
// would expose the simulator, the admin cookie or the profiler is refused
// with one line saying why.
func TestConfigExposure(t *testing.T) {
	const token = "0123456789abcdef"
	for _, tc := range []struct {
		name            string
		env             map[string]string
		err             string // a part of the refusal; "" when accepted
		sim, secure     bool
		metrics, pubURL string
	}{
		{name: "defaults", env: nil},
		{name: "loopback is no reason for the simulator", env: map[string]string{"HTTP_ADDR": "127.0.0.1:8080"}},
		{name: "development", env: map[string]string{"SIM_ENABLED": "true"}, sim: true},
		{name: "development with a token", env: map[string]string{"SIM_ENABLED": "true", "SIM_TOKEN": token}, sim: true},
		{name: "short token", env: map[string]string{"SIM_ENABLED": "true", "SIM_TOKEN": "kurang-panjang"}, err: "at least 16"},
		{name: "short token, simulator off", env: map[string]string{"SIM_TOKEN": "pendek"}, err: "at least 16"},
		{name: "behind a proxy", env: map[string]string{"PUBLIC_URL": "https://desa.example.id"}, secure: true, pubURL: "https://desa.example.id"},
		{name: "behind a proxy, simulator without a token", env: map[string]string{"PUBLIC_URL": "https://desa.example.id", "SIM_ENABLED": "true"}, err: "needs SIM_TOKEN"},
		{name: "behind a proxy, simulator with a token", env: map[string]string{"PUBLIC_URL": "https://desa.example.id", "SIM_ENABLED": "1", "SIM_TOKEN": token}, sim: true, secure: true, pubURL: "https://desa.example.id"},
		{name: "public address without PUBLIC_URL", env: map[string]string{"HTTP_ADDR": "0.0.0.0:8080"}, err: "set PUBLIC_URL"},
		{name: "public address", env: map[string]string{"HTTP_ADDR": "0.0.0.0:8080", "PUBLIC_URL": "https://desa.example.id"}, secure: true, pubURL: "https://desa.example.id"},
		{name: "public address, simulator without a token", env: map[string]string{"HTTP_ADDR": "0.0.0.0:8080", "PUBLIC_URL": "https://desa.example.id", "SIM_ENABLED": "true"}, err: "needs SIM_TOKEN"},
		{name: "plain http to the world", env: map[string]string{"HTTP_ADDR": "0.0.0.0:8080", "PUBLIC_URL": "http://desa.example.id"}, err: "not https"},
		{name: "plain http on this machine", env: map[string]string{"PUBLIC_URL": "http://localhost:8080"}, pubURL: "http://localhost:8080"},
		{name: "not an address", env: map[string]string{"PUBLIC_URL": "desa.example.id"}, err: "PUBLIC_URL"},
		{name: "metrics of their own", env: map[string]string{"METRICS_ADDR": "127.0.0.1:9090"}, metrics: "127.0.0.1:9090"},
		{name: "metrics on the public listener", env: map[string]string{"METRICS_ADDR": "127.0.0.1:8080"}, err: "listener of their own"},
		{name: "metrics not an address", env: map[string]string{"METRICS_ADDR": "9090"}, err: "METRICS_ADDR"},
		{name: "the old profiler variable", env: map[string]string{"PPROF_ADDR": "127.0.0.1:6060"}, err: "METRICS_ADDR"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := loadConfig(envOf(tc.env))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("got %v, want one line with %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.SimEnabled != tc.sim || c.SecureCookies() != tc.secure || c.MetricsAddr != tc.metrics || c.PublicURL != tc.pubURL {
				t.Fatalf("sim %v secure %v metrics %q public %q", c.SimEnabled, c.SecureCookies(), c.MetricsAddr, c.PublicURL)
			}
		})
	}
}

// TestServeExposure: the real binary serves /metrics and the profiler
// only on METRICS_ADDR, takes the simulator's token in a header only,
// serves no simulator unless SIM_ENABLED says so, and marks the admin
// cookie Secure by PUBLIC_URL, not by the address it listens on.
func TestServeExposure(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	const token = "sim-token-0123456789"
	env := sharedServers(t, 11)
	seedEnv(t, env)
	bin := buildBinary(t)
	get := func(url string, h map[string]string, body string) (int, http.Header, string) {
		t.Helper()
		method := "GET"
		if body != "" {
			method = "POST"
		}
		req, _ := http.NewRequest(method, url, strings.NewReader(body))
		for k, v := range h {
			req.Header.Set(k, v)
		}
		resp, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header, string(b)
	}

	addr, maddr := freeAddr(t), freeAddr(t)
	p := &process{t: t, bin: bin, addr: addr, env: append(append([]string{}, env...), "HTTP_ADDR="+addr, "METRICS_ADDR="+maddr,
		"SIM_ENABLED=true", "SIM_TOKEN="+token)}
	p.start()
	if code, _, _ := get("http://"+addr+"/metrics", nil, ""); code != 404 {
		t.Errorf("/metrics on the public listener: %d", code)
	}
	if code, _, _ := get("http://"+addr+"/debug/pprof/", nil, ""); code != 404 {
		t.Errorf("pprof on the public listener: %d", code)
	}
	if code, _, body := get("http://"+maddr+"/metrics", nil, ""); code != 200 || !strings.Contains(body, "suaradesa_") {
		t.Errorf("METRICS_ADDR /metrics: %d", code)
	}
	if code, _, _ := get("http://"+maddr+"/debug/pprof/", nil, ""); code != 200 {
		t.Errorf("METRICS_ADDR pprof on loopback: %d", code)
	}
	msg := `{"from":"081100000011","text":"STATUS"}`
	for name, h := range map[string]map[string]string{
		"no token":         nil,
		"token, no Bearer": {"Authorization": token},
		"wrong token":      {"Authorization": "Bearer sim-token-0123456788"},
	} {
		if code, _, _ := get("http://"+addr+"/sim/inbound", h, msg); code != 401 {
			t.Errorf("simulator with %s: %d", name, code)
		}
	}
	if code, _, _ := get("http://"+addr+"/sim/inbound?token="+token, nil, msg); code != 401 {
		t.Errorf("simulator with the token in the address: %d", code)
	}
	if code, _, body := get("http://"+addr+"/sim/inbound", map[string]string{"Authorization": "Bearer " + token}, msg); code != 202 {
		t.Errorf("simulator with its token: %d %s", code, body)
	}
	login := "username=fasilitator&password=ngemplak-demo"
	form := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
	if code, h, _ := get("http://"+addr+"/admin/masuk", form, login); code != 303 || strings.Contains(h.Get("Set-Cookie"), "Secure") {
		t.Errorf("login on a development run: %d %q", code, h.Get("Set-Cookie"))
	}
	p.kill()

	// Behind a TLS proxy: loopback address, PUBLIC_URL https, no SIM_ENABLED.
	addr = freeAddr(t)
	p = &process{t: t, bin: bin, addr: addr, env: append(append([]string{}, env...), "HTTP_ADDR="+addr, "SIM_ENABLED=", "PUBLIC_URL=https://desa.example.id")}
	p.start()
	defer p.kill()
	if code, _, _ := get("http://"+addr+"/sim/inbound", map[string]string{"Authorization": "Bearer " + token}, msg); code != 404 {
		t.Errorf("simulator behind a proxy without SIM_ENABLED: %d", code)
	}
	if code, _, _ := get("http://"+addr+"/metrics", nil, ""); code != 404 {
		t.Errorf("/metrics behind a proxy: %d", code)
	}
	if code, h, _ := get("http://"+addr+"/admin/masuk", form, login); code != 303 || !strings.Contains(h.Get("Set-Cookie"), "Secure") {
		t.Errorf("login behind an https proxy: %d %q", code, h.Get("Set-Cookie"))
	}
}
