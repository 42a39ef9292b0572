// Package licensegen writes the third-party notices of the chime binary:
// every Go module it links, with its version, its licence as an SPDX
// identifier and the licence, notice and patent files at the module's
// root, verbatim. Package cli/licenses embeds the result for `chime
// licenses`, and its TestNoticesUpToDate fails when the committed file
// differs from what Generate returns, so that adding or upgrading a
// dependency without regenerating the notices cannot land.
//
// The modules are those `go list -deps` gives for the binary on each of
// Platforms, with and without cgo: one file, the same on every machine,
// that holds for a build on any of them. The go command runs with
// GOPROXY=off, so that the notices come from the module cache alone; the
// texts there are fixed by go.sum, hence Generate is deterministic.
//
// A module whose licence is not recognised, or not on the allow-list
// (allowed), is an error that names it. Recognition is
// github.com/google/licensecheck's, which this package imports besides
// the standard library; it is not linked into chime.
package licensegen

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"slices"
	"strings"

	"github.com/google/licensecheck"
)

// Binary is the package of the chime binary.
const Binary = "github.com/openchime/chime/cmd/chime"

// Platforms are the GOOS/GOARCH pairs whose builds the notices cover. A
// module that only one of them links (a terminal library on Unix, a date
// formatter on macOS) is listed all the same.
var Platforms = []string{"darwin/amd64", "darwin/arm64", "linux/amd64", "linux/arm64", "windows/amd64", "windows/arm64"}

// allowed are the licences a linked module may carry. The permissive
// ones ask that their text and copyright lines travel with the binary,
// which the notices do. MPL-2.0 is weak copyleft: its conditions bind
// changes to the covered files themselves, and chime links such code
// unmodified, with the notices saying where its source is to be had.
var allowed = map[string]bool{
	"Apache-2.0":   true,
	"MIT":          true,
	"BSD-2-Clause": true,
	"BSD-3-Clause": true,
	"ISC":          true,
	"MPL-2.0":      true,
}

// minCoverage is the share of a main licence file, in percent, that
// recognised licence text must cover. The rest is copyright lines and
// notes on which files a licence applies to; a file that is mostly
// something else is a licence of its own, which someone has to read.
const minCoverage = 80

// Module is one linked module and what its root says about its licence.
type Module struct {
	Path    string
	Version string
	Licence string // SPDX expression: the licences of its main licence files
	Files   []File // the licence, notice and patent files, by name
}

// File is a file carried verbatim.
type File struct {
	Name string
	Text []byte
}

// Generate returns the notices file for the binary built from package
// pkg (Binary, for chime).
func Generate(pkg string) ([]byte, error) {
	mods, err := Modules(pkg)
	if err != nil {
		return nil, err
	}
	return Format(mods), nil
}

// Modules lists the modules that pkg links on any of Platforms, sorted by
// path, leaving out the main module and the standard library, each with
// its licence files and identified licence. The error names every module
// whose licence is unknown or not allowed.
func Modules(pkg string) ([]Module, error) {
	dirs := map[string]listed{}
	for _, p := range Platforms {
		goos, goarch, _ := strings.Cut(p, "/")
		for _, cgo := range []string{"0", "1"} {
			if err := list(pkg, dirs, "GOOS="+goos, "GOARCH="+goarch, "CGO_ENABLED="+cgo); err != nil {
				return nil, err
			}
		}
	}
	return collect(dirs)
}

// collect reads the licence files of each listed module and identifies
// its licence.
func collect(dirs map[string]listed) ([]Module, error) {
	var mods []Module
	var errs []error
	for path, l := range dirs {
		files, err := readFiles(os.DirFS(l.dir))
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", path, l.version, err)
		}
		licence, err := Identify(files)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s %s: %w", path, l.version, err))
		}
		mods = append(mods, Module{Path: path, Version: l.version, Licence: licence, Files: files})
	}
	slices.SortFunc(mods, func(a, b Module) int { return strings.Compare(a.Path, b.Path) })
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return mods, errors.Join(errs...)
}

// listed is where a module's files are and the version to report.
type listed struct{ version, dir string }

// list adds the modules of pkg's dependencies under the environment
// settings env to dirs.
func list(pkg string, dirs map[string]listed, env ...string) error {
	cmd := exec.Command("go", "list", "-deps", "-json=Module", pkg)
	cmd.Env = append(os.Environ(), "GOPROXY=off")
	cmd.Env = append(cmd.Env, env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go list %s (%s): %v\n%s(the module cache must hold every module of go.mod: go mod download)",
			pkg, strings.Join(env, " "), err, stderr.String())
	}
	type module struct {
		Path, Version, Dir string
		Main               bool
		Replace            *module
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct{ Module *module }
		if err := dec.Decode(&p); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("go list %s: %v", pkg, err)
		}
		m := p.Module
		if m == nil || m.Main {
			continue // the standard library, or chime itself
		}
		l := listed{version: m.Version, dir: m.Dir}
		if r := m.Replace; r != nil {
			l.version = strings.TrimSpace(m.Version + " => " + r.Path + " " + r.Version)
			l.dir = r.Dir
		}
		dirs[m.Path] = l
	}
}

// kind is what a file at a module's root is to the notices.
type kind int

const (
	other   kind = iota
	own          // LICENSE, LICENSE.txt, COPYING...: the module's own licence
	bundled      // LICENSE-GO, LICENSE-3RD-PARTY.md...: licences of code it carries
	notice       // NOTICE, PATENTS: carried, not classified
)

// kindOf tells a root file's kind by its name, in any case.
func kindOf(name string) kind {
	upper := strings.ToUpper(name)
	base, _, _ := strings.Cut(upper, ".")
	for _, prefix := range []string{"LICENSE", "LICENCE", "COPYING"} {
		switch {
		case base == prefix:
			return own
		case strings.HasPrefix(upper, prefix):
			return bundled
		}
	}
	if strings.HasPrefix(upper, "NOTICE") || strings.HasPrefix(upper, "PATENTS") {
		return notice
	}
	return other
}

// readFiles returns the licence, notice and patent files at the root of
// a module, sorted by name.
func readFiles(root fs.FS) ([]File, error) {
	entries, err := fs.ReadDir(root, ".")
	if err != nil {
		return nil, err
	}
	var files []File
	for _, e := range entries {
		if !e.Type().IsRegular() || kindOf(e.Name()) == other {
			continue
		}
		text, err := fs.ReadFile(root, e.Name())
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: e.Name(), Text: text})
	}
	return files, nil
}

// Identify returns the SPDX expression of a module's licence: the
// licences of its main licence files, which must be allowed and make up
// most of each file. Every licence recognised in its other licence files
// (those of code it bundles) must be allowed too; text not recognised
// there (a public-domain dedication, where a logo comes from) is carried
// without judgement, since the module's own licence covers its use.
func Identify(files []File) (string, error) {
	var ids []string
	for _, f := range files {
		k := kindOf(f.Name)
		if k != own && k != bundled {
			continue
		}
		cov := licensecheck.Scan(f.Text)
		if k == own && (len(cov.Match) == 0 || cov.Percent < minCoverage) {
			return "", fmt.Errorf("%s: licence not recognised (%.0f%% of it is known licence text)", f.Name, cov.Percent)
		}
		for _, m := range cov.Match {
			if !allowed[m.ID] {
				return "", fmt.Errorf("%s: licence %s is not on the allow-list", f.Name, m.ID)
			}
			if k == own && !slices.Contains(ids, m.ID) {
				ids = append(ids, m.ID)
			}
		}
	}
	if len(ids) == 0 {
		return "", errors.New("no LICENSE, LICENCE or COPYING file at the module root")
	}
	slices.Sort(ids)
	return strings.Join(ids, " AND "), nil
}

// header opens the notices; %s is the list of platforms.
const header = `Third-party software in chime

chime itself is licensed under the Apache License, Version 2.0 (the
LICENSE file of its source). Its binary links the Go modules below, in
a build for any of these platforms, with cgo or without:
%s.

Each is listed with its version and its licence as an SPDX identifier,
followed by the licence, notice and patent files at the module's root,
verbatim. The source of each module is published under its path and
version: go mod download PATH@VERSION fetches it.

Generated by internal/licensegen (go generate ./cli/licenses/); do not edit.

`

// rule separates the modules.
var rule = strings.Repeat("=", 79)

// Format writes the notices of mods: a summary, then each module's files.
func Format(mods []Module) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, header, strings.Join(Platforms, " "))
	width := 0
	for _, m := range mods {
		width = max(width, len(m.Path)+1+len(m.Version))
	}
	for _, m := range mods {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, m.Path+" "+m.Version, m.Licence)
	}
	for _, m := range mods {
		fmt.Fprintf(&b, "\n%s\n%s %s\nLicence: %s\n", rule, m.Path, m.Version, m.Licence)
		for _, f := range m.Files {
			fmt.Fprintf(&b, "\n---- %s ----\n\n", f.Name)
			b.Write(f.Text)
			if !bytes.HasSuffix(f.Text, []byte("\n")) {
				b.WriteByte('\n')
			}
		}
	}
	return b.Bytes()
}
