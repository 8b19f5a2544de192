package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSyncThroughRadicale keeps kith in step with a real CardDAV server:
// kith ↔ vdir ↔ vdirsyncer ↔ Radicale. A card changed on the server and
// a friend changed in kith both reach the other side.
//
// It needs radicale and vdirsyncer (Debian packages radicale and
// vdirsyncer; .ci/run installs them). Without them it fails, unless
// KITH_SKIP_SYNC_E2E is set, when it skips.
func TestSyncThroughRadicale(t *testing.T) {
	var missing []string
	for _, b := range []string{"radicale", "vdirsyncer"} {
		if _, err := exec.LookPath(b); err != nil {
			missing = append(missing, b)
		}
	}
	if len(missing) > 0 {
		if os.Getenv("KITH_SKIP_SYNC_E2E") != "" {
			t.Skipf("%s not installed, and KITH_SKIP_SYNC_E2E is set", strings.Join(missing, " and "))
		}
		t.Fatalf("%s not installed: install them (apt-get install radicale vdirsyncer, as .ci/run does), or set KITH_SKIP_SYNC_E2E=1 to skip this test", strings.Join(missing, " and "))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	tmp := t.TempDir()
	book := startRadicale(t, ctx, tmp)
	vdir := filepath.Join(tmp, "vdir")
	os.Mkdir(vdir, 0o700)
	cfg := filepath.Join(tmp, "vdirsyncer.cfg")
	os.MkdirAll(filepath.Join(tmp, "status"), 0o700)
	os.WriteFile(cfg, []byte(fmt.Sprintf(`[general]
status_path = "%s/status/"

[pair kith]
a = "local"
b = "server"
collections = null

[storage local]
type = "filesystem"
path = "%s/"
fileext = ".vcf"

[storage server]
type = "carddav"
url = "%s"
username = "kith"
password = "kith"
`, tmp, vdir, book)), 0o600)
	vdirsyncer := func(args ...string) {
		t.Helper()
		cmd := exec.CommandContext(ctx, "vdirsyncer", append([]string{"-c", cfg}, args...)...)
		cmd.Env = append(os.Environ(), "HOME="+tmp)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("vdirsyncer %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}

	// the server holds Carol; kith holds Ada and Bob
	put(t, book+"carol.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:carol-1\r\nFN:Carol King\r\nN:King;Carol;;;\r\nEMAIL;TYPE=work:carol@example.org\r\nEND:VCARD\r\n")
	db := tempDB(t)
	mustKith(t, db, "add", "Ada Lovelace", "--email", "ada@example.com")
	mustKith(t, db, "add", "Bob Stone", "--org", "Acme")

	vdirsyncer("discover")
	vdirsyncer("sync")
	if out := mustKith(t, db, "sync", vdir); !strings.Contains(out, "1 new friend, 2 new cards") {
		t.Fatalf("first kith sync:\n%s", out)
	}
	vdirsyncer("sync")
	server := filepath.Join(tmp, "collections", "collection-root", "kith", "contacts")
	if card := serverCard(t, server, "FN:Ada Lovelace"); !strings.Contains(card, "EMAIL:ada@example.com") {
		t.Errorf("Ada on the server:\n%s", card)
	}
	if show := mustKith(t, db, "show", "Carol"); !strings.Contains(show, "carol@example.org (work)") {
		t.Errorf("Carol in kith:\n%s", show)
	}

	// a card changed on the server (as a phone would), a friend in kith
	put(t, book+"carol.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:carol-1\r\nFN:Carol King\r\nN:King;Carol;;;\r\nEMAIL;TYPE=work:carol@example.org\r\nTEL;TYPE=cell:+1 555 0100\r\nEND:VCARD\r\n")
	mustKith(t, db, "edit", "Bob", "--role", "CTO")
	vdirsyncer("sync")
	out := mustKith(t, db, "sync", vdir)
	if !strings.Contains(out, "~ merged  Carol King") || !strings.Contains(out, "~ merged  Bob Stone") {
		t.Errorf("second kith sync:\n%s", out)
	}
	vdirsyncer("sync")

	if show := mustKith(t, db, "show", "Carol"); !strings.Contains(show, "+1 555 0100 (cell)") {
		t.Errorf("Carol in kith after the server's change:\n%s", show)
	}
	if card := serverCard(t, server, "FN:Bob Stone"); !strings.Contains(card, "TITLE:CTO") {
		t.Errorf("Bob on the server after kith's change:\n%s", card)
	}
	if card := serverCard(t, server, "FN:Carol King"); !strings.Contains(card, "TEL;TYPE=cell:+1 555 0100") {
		t.Errorf("Carol on the server:\n%s", card)
	}
	if out := mustKith(t, db, "sync", vdir); !strings.Contains(out, "in step, nothing to do (3 in step)") {
		t.Errorf("the last kith sync:\n%s", out)
	}
}

// startRadicale starts Radicale on a free port of 127.0.0.1, storing
// in dir, without authentication, and returns the URL of an address
// book made on it. The server is stopped when the test ends.
func startRadicale(t *testing.T, ctx context.Context, dir string) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cfg := filepath.Join(dir, "radicale.cfg")
	os.WriteFile(cfg, []byte(fmt.Sprintf(`[server]
hosts = %s
[auth]
type = none
[rights]
type = owner_only
[storage]
filesystem_folder = %s
[web]
type = none
[logging]
level = warning
`, addr, filepath.Join(dir, "collections"))), 0o600)
	cmd := exec.CommandContext(ctx, "radicale", "--config", cfg)
	logFile, err := os.Create(filepath.Join(dir, "radicale.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		t.Fatalf("start radicale: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	for deadline := time.Now().Add(15 * time.Second); ; {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(logFile.Name())
			t.Fatalf("radicale did not listen on %s within 15 s:\n%s", addr, log)
		}
		time.Sleep(50 * time.Millisecond)
	}
	book := "http://" + addr + "/kith/contacts/"
	req, _ := http.NewRequest("MKCOL", book, strings.NewReader(`<?xml version="1.0" encoding="utf-8"?>
<mkcol xmlns="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav"><set><prop>
<resourcetype><collection/><CR:addressbook/></resourcetype><displayname>kith</displayname>
</prop></set></mkcol>`))
	req.Header.Set("Content-Type", "application/xml; charset=utf-8")
	do(t, req, http.StatusCreated)
	return book
}

// put stores a card on the server, as a phone would.
func put(t *testing.T, url, card string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPut, url, strings.NewReader(card))
	req.Header.Set("Content-Type", "text/vcard; charset=utf-8")
	do(t, req, http.StatusCreated, http.StatusNoContent)
}

func do(t *testing.T, req *http.Request, want ...int) {
	t.Helper()
	req.SetBasicAuth("kith", "kith")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, w := range want {
		if resp.StatusCode == w {
			return
		}
	}
	t.Fatalf("%s %s: %s, want %v\n%s", req.Method, req.URL, resp.Status, want, body)
}

// serverCard returns the card in Radicale's storage folder that holds s.
func serverCard(t *testing.T, dir, s string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.vcf"))
	for _, f := range files {
		if b, _ := os.ReadFile(f); strings.Contains(string(b), s) {
			return strings.ReplaceAll(string(b), "\r\n", "\n")
		}
	}
	t.Fatalf("no card on the server holds %q (%d cards)", s, len(files))
	return ""
}
