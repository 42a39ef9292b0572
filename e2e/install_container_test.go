package e2e

import (
	"archive/tar"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awschime "github.com/aws/aws-sdk-go-v2/service/chime"
	"github.com/openchime/chime/internal/testenv"
)

// TestInstallContainerImage builds the image of the repository's
// Containerfile with podman from the static binary, as docs/install.md
// says, and runs it as an operator would: a named volume for /data, a
// credentials file mounted read-only, the port published on loopback. It
// checks the image (FROM scratch: the binary alone; user 65532; the
// health check), that the server answers signed requests and its health
// check, runs as 65532, stops cleanly, can be backed up with `chime export`
// from the image, and that its data outlives the container into a new one
// on the same volume, which is how the image is upgraded. It removes its
// containers, volume and image.
func TestInstallContainerImage(t *testing.T) {
	podman := lookPath(t, "podman", "the container image (Containerfile) is built and run with podman")
	goCmd := lookGo(t)
	p := &podmanRunner{t: t, path: podman}
	// crun as Debian 12 ships it (1.8) refuses a hybrid cgroup hierarchy
	// (v1 controllers beside a v2 mount that has one), which some
	// machines have; runc runs on both kinds.
	if _, err := exec.LookPath("runc"); err == nil {
		p.global = []string{"--runtime", "runc"}
	}
	if out, err := p.try("info", "--format", "{{.Version.Version}} {{.Host.OCIRuntime.Name}} {{.Store.GraphDriverName}}"); err != nil {
		testenv.Missing(t, "podman cannot run here: %v: %s", err, out)
	} else {
		t.Logf("podman %s", strings.TrimSpace(out))
	}

	const version = "v0.9.0-container"
	bin := buildStatic(t, goCmd, version)
	repo := ".."
	ctxDir := t.TempDir()
	copyFile(t, bin, filepath.Join(ctxDir, "chime"), 0o755)
	copyFile(t, filepath.Join(repo, "Containerfile"), filepath.Join(ctxDir, "Containerfile"), 0o644)
	copyFile(t, filepath.Join(repo, ".dockerignore"), filepath.Join(ctxDir, ".dockerignore"), 0o644)

	name := fmt.Sprintf("chime-install-test-%d", os.Getpid())
	image := "localhost/" + name + ":test"
	start := time.Now()
	p.run("build", "--format", "docker", "-t", image, "-f", filepath.Join(ctxDir, "Containerfile"), ctxDir)
	t.Cleanup(func() { p.try("rmi", "-f", image) })
	t.Logf("podman build took %v", time.Since(start).Round(time.Millisecond))

	t.Run("Image", func(t *testing.T) {
		var inspect []struct {
			Config struct {
				User         string
				ExposedPorts map[string]struct{}
				Env          []string
				Entrypoint   []string
				Cmd          []string
				Volumes      map[string]struct{}
				WorkingDir   string
			}
			Healthcheck struct{ Test []string }
		}
		if err := json.Unmarshal([]byte(p.run("image", "inspect", image)), &inspect); err != nil || len(inspect) != 1 {
			t.Fatalf("podman image inspect: %v", err)
		}
		c := inspect[0].Config
		for _, check := range []struct {
			what      string
			got, want any
		}{
			{"user", c.User, "65532:65532"},
			{"exposed ports", slices.Sorted(maps.Keys(c.ExposedPorts)), []string{"8765/tcp"}},
			{"volumes", slices.Sorted(maps.Keys(c.Volumes)), []string{"/data"}},
			{"working directory", c.WorkingDir, "/data"},
			{"entrypoint", c.Entrypoint, []string{"/chime"}},
			{"command", c.Cmd, []string{"server"}},
			{"health check", inspect[0].Healthcheck.Test, []string{"CMD", "/chime", "healthcheck"}},
			{"CHIME_LISTEN", slices.Contains(c.Env, "CHIME_LISTEN=0.0.0.0:8765"), true},
			{"XDG_DATA_HOME", slices.Contains(c.Env, "XDG_DATA_HOME=/data"), true},
		} {
			if fmt.Sprint(check.got) != fmt.Sprint(check.want) {
				t.Errorf("%s: %v, want %v", check.what, check.got, check.want)
			}
		}
		// FROM scratch: the layers hold the binary and at most the data
		// directory, nothing else.
		files := imageFiles(t, p, image)
		if !slices.Contains(files, "chime") {
			t.Errorf("the image has no /chime: %q", files)
		}
		for _, f := range files {
			if f != "chime" && f != "data" {
				t.Errorf("the image holds %s besides the binary", f)
			}
		}
	})

	credentials := filepath.Join(t.TempDir(), "credentials")
	const akid, secret, awsAccount = "AKIAINSTALLTEST", "install-secret", "111122223333"
	ini := fmt.Sprintf("[install]\naws_access_key_id = %s\naws_secret_access_key = %s\naws_account_id = %s\n", akid, secret, awsAccount)
	if err := os.WriteFile(credentials, []byte(ini), 0o644); err != nil {
		t.Fatal(err)
	}
	volume := name + "-data"
	p.run("volume", "create", volume)
	t.Cleanup(func() { p.try("volume", "rm", "-f", volume) })

	// Limits below this machine's hard limits: a runtime without
	// CAP_SYS_RESOURCE cannot raise them, and podman's default for open
	// files (1048576) is above them here.
	ulimits := []string{"--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096"}

	// run starts a container of the image on the volume and returns its
	// base URL once its health endpoint answers.
	run := func(container string) string {
		t.Helper()
		p.run(slices.Concat([]string{"run", "-d", "--name", container}, ulimits, []string{
			"-p", "127.0.0.1::8765",
			"-v", volume + ":/data",
			"-v", credentials + ":/etc/chime/credentials:ro",
			"-e", "CHIME_CREDENTIALS=/etc/chime/credentials",
			image})...)
		t.Cleanup(func() { p.try("rm", "-f", "-v", "-t", "0", container) })
		hostPort, _, _ := strings.Cut(p.run("port", container, "8765/tcp"), "\n")
		base := "http://" + strings.TrimSpace(hostPort)
		for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			resp, err := http.Get(base + "/_chime/health")
			if err != nil {
				continue
			}
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base
			}
		}
		logs := p.logs(container)
		t.Fatalf("%s did not become healthy at %s; its log:\n%s", container, base, logs)
		return ""
	}

	first := name + "-1"
	base := run(first)
	t.Run("HealthCheck", func(t *testing.T) {
		if out, err := p.try("healthcheck", "run", first); err != nil {
			t.Errorf("podman healthcheck run: %v: %s", err, out)
		}
	})
	t.Run("RunsAs65532", func(t *testing.T) {
		// USER HUSER: in the container and on the host, for every process.
		lines := strings.Split(strings.TrimSpace(p.run("top", first, "user", "huser")), "\n")
		if len(lines) < 2 {
			t.Fatalf("podman top: %q", lines)
		}
		for _, line := range lines[1:] {
			if f := strings.Fields(line); !slices.Equal(f, []string{"65532", "65532"}) {
				t.Errorf("a process runs as %q, want 65532", line)
			}
		}
	})
	t.Run("ReadyLine", func(t *testing.T) {
		logs := p.logs(first)
		for _, want := range []string{`"store_location":"/data/chime/chime.db"`, `"version":"` + version + `"`, `"address":"http://[::]:8765"`} {
			if !strings.Contains(logs, want) {
				t.Errorf("the ready line has no %s; log:\n%s", want, logs)
			}
		}
	})

	ctx := context.Background()
	client := sdkClient(base, akid, secret)
	acct, err := client.CreateAccount(ctx, &awschime.CreateAccountInput{Name: aws.String("Installed")})
	if err != nil {
		t.Fatalf("CreateAccount with the mounted credentials: %v", err)
	}
	// Beyond loopback without --dev, the development pair is refused.
	if _, err := sdkClient(base, "test", "test").ListAccounts(ctx, &awschime.ListAccountsInput{}); err == nil {
		t.Errorf("the container accepts the development pair test/test")
	}

	// An upgrade: stop the container (SIGTERM, which the server handles
	// as PID 1), start a new one of the image on the same volume.
	p.run("stop", "-t", "20", first)
	if code := strings.TrimSpace(p.run("inspect", "--format", "{{.State.ExitCode}}", first)); code != "0" {
		logs := p.logs(first)
		t.Errorf("after podman stop the server exited %s; log:\n%s", code, logs)
	}
	// A backup with the server stopped, by the image's own binary.
	backup := p.run(slices.Concat([]string{"run", "--rm"}, ulimits, []string{"-v", volume + ":/data", image,
		"export", "--store", "sqlite:/data/chime/chime.db"})...)
	if !strings.Contains(backup, `"Installed"`) {
		t.Errorf("the export has no account named Installed:\n%.2000s", backup)
	}
	base = run(name + "-2")
	got, err := sdkClient(base, akid, secret).GetAccount(ctx, &awschime.GetAccountInput{AccountId: acct.Account.AccountId})
	if err != nil {
		t.Fatalf("the account created before the upgrade: %v", err)
	}
	if aws.ToString(got.Account.Name) != "Installed" {
		t.Errorf("the account after the upgrade is named %q", aws.ToString(got.Account.Name))
	}
}

// podmanRunner runs podman with global flags, each command bounded in
// time.
type podmanRunner struct {
	t      *testing.T
	path   string
	global []string
}

// try runs a podman command and returns its standard output, or its
// error with the standard error.
func (p *podmanRunner) try(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, p.path, slices.Concat(p.global, args)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return stderr.String(), fmt.Errorf("podman %s: %w", strings.Join(args, " "), err)
	}
	return string(out), nil
}

// run is try that fails the test on an error.
func (p *podmanRunner) run(args ...string) string {
	p.t.Helper()
	out, err := p.try(args...)
	if err != nil {
		p.t.Fatalf("%v: %s", err, out)
	}
	return out
}

// logs is what a container wrote, its standard error (where the server
// logs) with its standard output.
func (p *podmanRunner) logs(container string) string {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, p.path, slices.Concat(p.global, []string{"logs", container})...).CombinedOutput()
	if err != nil {
		return fmt.Sprintf("podman logs %s: %v: %s", container, err, out)
	}
	return string(out)
}

// imageFiles lists the top-level names in the image's layers, read from
// `podman save` in the docker-archive format.
func imageFiles(t *testing.T, p *podmanRunner, image string) []string {
	t.Helper()
	archive := filepath.Join(t.TempDir(), "image.tar")
	p.run("save", "--format", "docker-archive", "-o", archive, image)
	saved, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	members := map[string][]byte{}
	readTar(t, saved, func(name string, r io.Reader) {
		if name == "manifest.json" || strings.HasSuffix(name, ".tar") {
			data, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			members[name] = data
		}
	})
	var manifest []struct{ Layers []string }
	if err := json.Unmarshal(members["manifest.json"], &manifest); err != nil || len(manifest) != 1 {
		t.Fatalf("the saved image's manifest.json: %v", err)
	}
	var names []string
	for _, layer := range manifest[0].Layers {
		data, ok := members[layer]
		if !ok {
			t.Fatalf("the saved image has no layer %s", layer)
		}
		readTar(t, data, func(name string, _ io.Reader) {
			top, _, _ := strings.Cut(strings.TrimPrefix(name, "./"), "/")
			if top != "" && !slices.Contains(names, top) {
				names = append(names, top)
			}
		})
	}
	return names
}

// readTar calls f with each member of a tar archive.
func readTar(t *testing.T, archive []byte, f func(name string, r io.Reader)) {
	t.Helper()
	tr := tar.NewReader(bytes.NewReader(archive))
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("a tar archive of podman save: %v", err)
		}
		f(h.Name, tr)
	}
}
