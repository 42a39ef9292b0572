package licensegen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// mit is the MIT licence, as a module would carry it.
const mit = `Copyright (c) 2026 The chime authors

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`

// gpl is the GNU GPL's notice for a program under version 3 or later.
const gpl = `This program is free software: you can redistribute it and/or modify
it under the terms of the GNU General Public License as published by
the Free Software Foundation, either version 3 of the License, or
(at your option) any later version.

This program is distributed in the hope that it will be useful,
but WITHOUT ANY WARRANTY; without even the implied warranty of
MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
GNU General Public License for more details.

You should have received a copy of the GNU General Public License
along with this program.  If not, see <https://www.gnu.org/licenses/>.
`

func TestIdentify(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string // the SPDX expression, or a part of the error
	}{
		{"MIT", map[string]string{"LICENSE": mit}, "MIT"},
		{"LicenceTxt", map[string]string{"licence.txt": mit}, "MIT"},
		{"Copying", map[string]string{"COPYING": mit}, "MIT"},
		{"NoticeNotClassified", map[string]string{"LICENSE.md": mit, "NOTICE": "Made by us.\n", "PATENTS": "No grant.\n"}, "MIT"},
		{"BundledUnknown", map[string]string{"LICENSE": mit, "LICENSE-LOGO": "drawn by a friend\n"}, "MIT"},
		{"BundledAllowed", map[string]string{"LICENSE": mit, "LICENSE-GO": mit}, "MIT"},
		{"ErrGPL", map[string]string{"LICENSE": gpl}, "LICENSE: licence GPL-3.0-or-later is not on the allow-list"},
		{"ErrBundledGPL", map[string]string{"LICENSE": mit, "LICENSE-PARSER": gpl}, "LICENSE-PARSER: licence GPL-3.0-or-later"},
		{"ErrUnknown", map[string]string{"LICENSE": "Use it as you like.\n"}, "LICENSE: licence not recognised"},
		{"ErrMostlyOther", map[string]string{"LICENSE": mit + strings.Repeat("You may not use this software to mine coins.\n", 40)}, "LICENSE: licence not recognised"},
		{"ErrNoLicence", map[string]string{"README.md": mit, "NOTICE": "Made by us.\n"}, "no LICENSE, LICENCE or COPYING file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := fstest.MapFS{}
			for name, text := range tc.files {
				root[name] = &fstest.MapFile{Data: []byte(text)}
			}
			files, err := readFiles(root)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Identify(files)
			if err != nil {
				got = err.Error()
			}
			if !strings.Contains(got, tc.want) || err == nil && got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// A module under two licences is under both.
func TestIdentifyTwoLicences(t *testing.T) {
	apache := "Licensed under the Apache License, Version 2.0 (the \"License\");\n" +
		"you may not use this file except in compliance with the License.\n" +
		"You may obtain a copy of the License at\n\n    http://www.apache.org/licenses/LICENSE-2.0\n\n" +
		"Unless required by applicable law or agreed to in writing, software\n" +
		"distributed under the License is distributed on an \"AS IS\" BASIS,\n" +
		"WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\n" +
		"See the License for the specific language governing permissions and\n" +
		"limitations under the License.\n"
	got, err := Identify([]File{{"LICENSE", []byte(mit + "\n" + apache)}})
	if err != nil || got != "Apache-2.0 AND MIT" {
		t.Errorf("got %q, %v", got, err)
	}
}

func TestKindOf(t *testing.T) {
	for name, want := range map[string]kind{
		"LICENSE": own, "LICENSE.txt": own, "License.md": own, "LICENCE": own, "COPYING": own,
		"LICENSE-3RD-PARTY.md": bundled, "LICENSE-GO": bundled, "LICENSE_SQLITE": bundled, "COPYING.LIB": own,
		"NOTICE": notice, "NOTICE.txt": notice, "PATENTS": notice,
		"README.md": other, "go.mod": other, "AUTHORS": other,
	} {
		if got := kindOf(name); got != want {
			t.Errorf("%s: %d, want %d", name, got, want)
		}
	}
}

// Directories are not files to carry, whatever their names.
func TestReadFilesSkipsDirectories(t *testing.T) {
	root := fstest.MapFS{"LICENSE": {Data: []byte(mit)}, "licenses/MIT": {Data: []byte(mit)}}
	files, err := readFiles(root)
	if err != nil || len(files) != 1 || files[0].Name != "LICENSE" {
		t.Errorf("%v %v", files, err)
	}
}

func TestFormat(t *testing.T) {
	got := string(Format([]Module{
		{Path: "example.com/a", Version: "v1.0.0", Licence: "MIT", Files: []File{{"LICENSE", []byte("a licence")}, {"NOTICE", []byte("a notice\n")}}},
		{Path: "example.com/bb", Version: "v0.1.0", Licence: "ISC", Files: []File{{"COPYING", []byte("b licence\n")}}},
	}))
	for _, want := range []string{
		"  example.com/a v1.0.0   MIT\n  example.com/bb v0.1.0  ISC\n",
		"\n" + rule + "\nexample.com/a v1.0.0\nLicence: MIT\n\n---- LICENSE ----\n\na licence\n\n---- NOTICE ----\n\na notice\n\n" + rule + "\n",
		"example.com/bb v0.1.0\nLicence: ISC\n\n---- COPYING ----\n\nb licence\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
	if !strings.HasSuffix(got, "b licence\n") {
		t.Errorf("does not end with the last file:\n%s", got)
	}
}

// A module whose licence is not allowed is named, with its version and
// file, and the others are still listed.
func TestCollectNamesTheModule(t *testing.T) {
	dirs := map[string]listed{}
	for path, text := range map[string]string{"example.com/gpl": gpl, "example.com/mit": mit, "example.com/unknown": "Ask us.\n"} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "LICENSE"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		dirs[path] = listed{version: "v1.0.0", dir: dir}
	}
	mods, err := collect(dirs)
	if err == nil {
		t.Fatal("no error")
	}
	want := "example.com/gpl v1.0.0: LICENSE: licence GPL-3.0-or-later is not on the allow-list\n" +
		"example.com/unknown v1.0.0: LICENSE: licence not recognised (0% of it is known licence text)"
	if err.Error() != want {
		t.Errorf("error:\n%s\nwant:\n%s", err, want)
	}
	if len(mods) != 3 || mods[1].Path != "example.com/mit" || mods[1].Licence != "MIT" {
		t.Errorf("modules: %+v", mods)
	}
}

// Without a module in the cache, or with no such package, the go
// command's complaint and the way out are the error.
func TestListFails(t *testing.T) {
	err := list("example.com/no/such/package", map[string]listed{})
	if err == nil || !strings.Contains(err.Error(), "example.com/no/such/package") || !strings.Contains(err.Error(), "go mod download") {
		t.Errorf("error: %v", err)
	}
}
