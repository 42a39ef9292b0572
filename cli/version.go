package cli

import (
	"runtime/debug"
	"sync"
)

// Version, when set at link time, is the program's version:
//
//	go build -ldflags "-X github.com/openchime/chime/cli.Version=v1.2.3" ./cmd/chime
//
// Left empty, the version comes from Go's build information (see
// buildVersion), so that `go install ...@v1.2.3` and a build from a
// checkout each say what they are without a release step.
var Version string

// version is what --version prints, the User-Agent carries and the
// server's ready line logs.
func version() string {
	if Version != "" {
		return Version
	}
	return buildInfoVersion()
}

var buildInfoVersion = sync.OnceValue(func() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	return buildVersion(info)
})

// buildVersion is the version the build information gives: the main
// module's version when the go command knew it (go install ...@v1.2.3),
// else "dev", followed by the commit it was built from when the go
// command stamped one ("dev-0123456789ab", "+dirty" when the work tree
// had changes).
func buildVersion(info *debug.BuildInfo) string {
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var revision string
	var modified bool
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if revision == "" {
		return "dev"
	}
	v := "dev-" + revision[:min(12, len(revision))]
	if modified {
		v += "+dirty"
	}
	return v
}
