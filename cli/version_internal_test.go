package cli

import (
	"runtime/debug"
	"testing"
)

// TestBuildVersion: the version comes from Go's build information: the
// module's version where the go command knew it, else the commit.
func TestBuildVersion(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev},
			{Key: "vcs.time", Value: "2026-01-02T03:04:05Z"}, {Key: "vcs.modified", Value: modified}}
	}
	const rev = "0123456789abcdef0123456789abcdef01234567"
	for _, tc := range []struct {
		name     string
		version  string
		settings []debug.BuildSetting
		want     string
	}{
		{"ModuleVersion", "v1.4.0", nil, "v1.4.0"},
		{"ModuleVersionBeatsCommit", "v1.4.1-0.20260102030405-0123456789ab", vcs(rev, "true"), "v1.4.1-0.20260102030405-0123456789ab"},
		{"Commit", "(devel)", vcs(rev, "false"), "dev-0123456789ab"},
		{"DirtyCommit", "(devel)", vcs(rev, "true"), "dev-0123456789ab+dirty"},
		{"ShortRevision", "(devel)", vcs("abc", "false"), "dev-abc"},
		{"NoVCS", "(devel)", nil, "dev"},
		{"NoVersion", "", nil, "dev"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info := &debug.BuildInfo{Main: debug.Module{Path: "github.com/openchime/chime", Version: tc.version}, Settings: tc.settings}
			if got := buildVersion(info); got != tc.want {
				t.Fatalf("buildVersion = %q, want %q", got, tc.want)
			}
		})
	}
}
