package e2e

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"context"
	"debug/elf"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The install paths of docs/install.md, each run as a new user would run
// it: go install from outside the repository, the static binary, and (in
// install_container_test.go) the container image.

const modulePath = "github.com/openchime/chime"

// installVersion is the version the module is published at in the local
// module proxy of TestInstallGoInstall.
const installVersion = "v0.9.0"

// TestInstallGoInstall runs `go install github.com/openchime/chime/cmd/chime@latest`
// in an empty directory, with a GOPATH and GOBIN of its own, against a
// module proxy on disk that holds the committed tree at HEAD as
// v0.9.0, as a published module would be served. The dependencies come
// from this machine's module cache, read as a second proxy, and their
// checksums from the checksum database through the machine's GOPROXY,
// as on any machine. A replace directive in go.mod, a file the module zip
// may not hold or a version the binary does not report would each fail it.
func TestInstallGoInstall(t *testing.T) {
	goCmd := lookGo(t)
	repo := repoRoot(t)
	goEnv := goEnvValues(t, goCmd, "GOPROXY", "GOSUMDB", "GOCACHE", "GOMODCACHE")

	proxy := t.TempDir()
	publishModule(t, repo, proxy, installVersion)

	work, gopath, gobin := t.TempDir(), t.TempDir(), t.TempDir()
	env := append(withoutGoVariables(os.Environ()),
		"GOENV=off", // no go env file of this machine's user
		"GOTOOLCHAIN=local",
		"GOPATH="+gopath,
		"GOBIN="+gobin,
		// The build cache is this machine's: a fresh one would compile every
		// dependency again. -trimpath makes what is compiled from the
		// temporary module cache the same, for the build cache, on every
		// run; -modcacherw lets the test remove that module cache.
		"GOCACHE="+goEnv["GOCACHE"],
		"GOFLAGS=-trimpath -modcacherw",
		"GOPROXY="+fileURL(proxy)+","+fileURL(filepath.Join(goEnv["GOMODCACHE"], "cache", "download"))+","+goEnv["GOPROXY"],
		"GOSUMDB="+goEnv["GOSUMDB"],
		// v0.9.0 exists only in the proxy above: the checksum database has
		// never seen it.
		"GONOSUMDB="+modulePath,
	)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	start := time.Now()
	install := exec.CommandContext(ctx, goCmd, "install", modulePath+"/cmd/chime@latest")
	install.Dir, install.Env = work, env
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install: %v\n%s", err, out)
	}
	t.Logf("go install ...@latest took %v", time.Since(start).Round(time.Millisecond))

	bin := filepath.Join(gobin, "chime")
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatalf("chime --version: %v", err)
	}
	if want := "chime/" + installVersion + " "; !strings.HasPrefix(string(out), want) {
		t.Errorf("chime --version = %q, want it to start with %q", out, want)
	}
	info, err := exec.Command(goCmd, "version", "-m", bin).Output()
	if err != nil {
		t.Fatalf("go version -m: %v", err)
	}
	if !strings.Contains(string(info), "\tmod\t"+modulePath+"\t"+installVersion+"\t") {
		t.Errorf("the build information does not name %s %s as the main module:\n%s", modulePath, installVersion, info)
	}

	// The installed binary runs a server that answers.
	srv := exec.Command(bin, "server", "--dev", "--listen", "127.0.0.1:0", "--log-format", "text")
	srv.Dir = work
	startProcess(t, srv)

	// The static binary without a checkout: the same install without C.
	staticBin := t.TempDir()
	install = exec.CommandContext(ctx, goCmd, "install", modulePath+"/cmd/chime@latest")
	install.Dir, install.Env = work, append(slices.Clip(env), "CGO_ENABLED=0", "GOBIN="+staticBin)
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("CGO_ENABLED=0 go install: %v\n%s", err, out)
	}
	checkStatic(t, filepath.Join(staticBin, "chime"))
	if out, err := exec.Command(filepath.Join(staticBin, "chime"), "--version").Output(); err != nil || !strings.HasPrefix(string(out), "chime/"+installVersion+" ") {
		t.Errorf("the static chime --version = %q (%v), want %s", out, err, installVersion)
	}
}

// TestInstallStaticBinary builds the static Linux binary the way
// docs/install.md says, checks that it needs no dynamic loader and no
// shared library, that -X sets the version it reports, and that it serves
// as the container image runs it: as user 65532, which has no /etc/passwd
// entry, with no HOME and no other environment than the image's.
func TestInstallStaticBinary(t *testing.T) {
	goCmd := lookGo(t)
	const version = "v0.9.0-static"
	bin := buildStatic(t, goCmd, version)

	checkStatic(t, bin)

	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatalf("--version: %v", err)
	}
	if want := "chime/" + version + " "; !strings.HasPrefix(string(out), want) {
		t.Errorf("--version = %q, want it to start with %q", out, want)
	}
	// What a user would look at; their output is logged, not judged (ldd
	// says "not a dynamic executable" and exits 1 for a static binary).
	for _, tool := range [][]string{{"file", bin}, {"ldd", bin}} {
		if _, err := exec.LookPath(tool[0]); err != nil {
			t.Logf("%s: not installed", tool[0])
			continue
		}
		out, err := exec.Command(tool[0], tool[1:]...).CombinedOutput()
		t.Logf("%s: %s(%v)", strings.Join(tool, " "), out, err)
	}

	t.Run("NoUserNoHome", func(t *testing.T) {
		if os.Geteuid() != 0 {
			t.Skip("running as another user needs root")
		}
		const uid = 65532
		// The binary and the data directory where user 65532 can reach
		// them: t.TempDir's parents are root's alone.
		dir, err := os.MkdirTemp("", "chime-nonroot")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(dir) })
		if err := os.Chmod(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		exe := filepath.Join(dir, "chime")
		copyFile(t, bin, exe, 0o755)
		data := filepath.Join(dir, "data")
		if err := os.Mkdir(data, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(data, uid, uid); err != nil {
			t.Fatal(err)
		}
		asUser := &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uid, Gid: uid}}
		// The image's environment, with loopback for the listener: no HOME,
		// no USER, no PATH.
		srv := exec.Command(exe, "server", "--log-format", "text")
		srv.Dir, srv.SysProcAttr = data, asUser
		srv.Env = []string{"XDG_DATA_HOME=" + data, "CHIME_LISTEN=127.0.0.1:0"}
		base, logs := startProcess(t, srv)
		store := filepath.Join(data, "chime", "chime.db")
		if !strings.Contains(logs.String(), "store_location="+store) {
			t.Errorf("the server's store is not %s; log:\n%s", store, logs.String())
		}
		var st syscall.Stat_t
		if err := syscall.Stat(store, &st); err != nil {
			t.Errorf("the store: %v", err)
		} else if st.Uid != uid {
			t.Errorf("%s belongs to uid %d, want %d", store, st.Uid, uid)
		}
		// The image's HEALTHCHECK, as that user too.
		check := exec.Command(exe, "healthcheck", "--url", base+"/_chime/health")
		check.SysProcAttr, check.Env = asUser, []string{}
		if out, err := check.CombinedOutput(); err != nil {
			t.Errorf("chime healthcheck: %v: %s", err, out)
		}
		// SIGTERM, as a container runtime stops it, ends it cleanly.
		if err := srv.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		if err := srv.Wait(); err != nil {
			t.Errorf("after SIGTERM: %v; log:\n%s", err, logs.String())
		}
	})
}

// lookGo is the go command, or the test skips: these tests run the go
// command as a user would.
// checkStatic fails the test unless bin is an ELF executable that needs no
// dynamic loader and no shared library.
func checkStatic(t *testing.T, bin string) {
	t.Helper()
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		switch p.Type {
		case elf.PT_INTERP:
			t.Errorf("%s has a PT_INTERP program header: it needs a dynamic loader", bin)
		case elf.PT_DYNAMIC:
			t.Errorf("%s has a PT_DYNAMIC program header", bin)
		}
	}
	if libs, err := f.ImportedLibraries(); err != nil || len(libs) > 0 {
		t.Errorf("%s: DT_NEEDED entries %q (%v), want none", bin, libs, err)
	}
}

func lookGo(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not on PATH: the install paths are built with the go command")
	}
	return p
}

// repoRoot is the root of the git checkout the test runs in, or the test
// skips: the module zip is built from the committed tree.
func repoRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("git", "-C", "..", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		t.Skipf("not a git checkout (%v): the module zip is built from the committed tree", err)
	}
	return strings.TrimSpace(string(out))
}

// goEnvValues reads variables from `go env` as this machine's user has
// them.
func goEnvValues(t *testing.T, goCmd string, names ...string) map[string]string {
	t.Helper()
	out, err := exec.Command(goCmd, append([]string{"env", "-json"}, names...)...).Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	values := map[string]string{}
	if err := json.Unmarshal(out, &values); err != nil {
		t.Fatalf("go env: %v", err)
	}
	return values
}

// withoutGoVariables is env without the go command's own variables (GO*),
// which the install sets afresh.
func withoutGoVariables(env []string) []string {
	return slices.DeleteFunc(slices.Clone(env), func(kv string) bool { return strings.HasPrefix(kv, "GO") })
}

func fileURL(dir string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)}).String()
}

// publishModule lays out the committed tree at HEAD in proxy as the
// module proxy protocol serves version: @v/list, @v/<version>.info,
// .mod and .zip.
func publishModule(t *testing.T, repo, proxy, version string) {
	t.Helper()
	git := func(args ...string) []byte {
		out, err := exec.Command("git", append([]string{"-C", repo}, args...)...).Output()
		if err != nil {
			t.Fatalf("git %s: %v", strings.Join(args, " "), err)
		}
		return out
	}
	committed, err := time.Parse(time.RFC3339, strings.TrimSpace(string(git("log", "-1", "--format=%cI", "HEAD"))))
	if err != nil {
		t.Fatal(err)
	}
	committed = committed.UTC()
	dir := filepath.Join(proxy, filepath.FromSlash(modulePath), "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	info, _ := json.Marshal(map[string]string{"Version": version, "Time": committed.Format(time.RFC3339)})
	files := map[string][]byte{
		"list":            []byte(version + "\n"),
		version + ".info": info,
		version + ".mod":  git("show", "HEAD:go.mod"),
		version + ".zip":  moduleZip(t, git("archive", "--format=tar", "HEAD"), version, committed),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// moduleZip is the module zip of a tree given as a tar stream, laid out
// as the go command lays one out: every regular file under
// "<module>@<version>/", without the files of a nested module (a directory
// with a go.mod of its own) and without symbolic links, which a module
// zip cannot hold. Entries are in name order with one time, so that the
// same tree gives the same zip.
func moduleZip(t *testing.T, tarball []byte, version string, modified time.Time) []byte {
	t.Helper()
	files := map[string][]byte{}
	nested := []string{}
	tr := tar.NewReader(bytes.NewReader(tarball))
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		if slices.Contains(strings.Split(h.Name, "/"), "vendor") {
			t.Fatalf("%s: the go command leaves vendor directories out of a module zip by rules this test does not follow", h.Name)
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		files[h.Name] = data
		if path.Base(h.Name) == "go.mod" && h.Name != "go.mod" {
			nested = append(nested, path.Dir(h.Name)+"/")
		}
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range files {
			if !slices.ContainsFunc(nested, func(dir string) bool { return strings.HasPrefix(name, dir) }) && !yield(name) {
				return
			}
		}
	})
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: modulePath + "@" + version + "/" + name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(files[name]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// buildStatic builds the static binary as docs/install.md says, into a
// directory of the test's, with version as cli.Version.
func buildStatic(t *testing.T, goCmd, version string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "chime")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	start := time.Now()
	build := exec.CommandContext(ctx, goCmd, "build", "-trimpath",
		"-ldflags", "-s -w -X "+modulePath+"/cli.Version="+version, "-o", bin, "./cmd/chime")
	build.Dir = ".."
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Logf("the static build took %v", time.Since(start).Round(time.Millisecond))
	return bin
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, mode); err != nil {
		t.Fatal(err)
	}
}

// startProcess starts a `chime server` command that logs text and
// listens on port 0, reads its address from the ready line, waits until
// it is healthy and kills it when the test ends.
func startProcess(t *testing.T, cmd *exec.Cmd) (string, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		m := readyAddress.FindStringSubmatch(logs.String())
		if m == nil {
			continue
		}
		resp, err := http.Get(m[1] + "/_chime/health")
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return m[1], logs
		}
	}
	t.Fatalf("the server did not become healthy; log:\n%s", logs.String())
	return "", nil
}
