package cli_test

import (
	"strings"
	"testing"
)

// `chime licenses` prints the third-party notices the binary carries:
// here, the Apache-2.0 licence and NOTICE of aws-sdk-go-v2.
func TestLicenses(t *testing.T) {
	out, stderr, code := run(t, "licenses")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	_, section, ok := strings.Cut(out, "\ngithub.com/aws/aws-sdk-go-v2 v")
	section, _, _ = strings.Cut(section, "\n=====")
	for _, want := range []string{
		"\nLicence: Apache-2.0\n",
		"---- LICENSE.txt ----",
		"Apache License\n                           Version 2.0, January 2004",
		"---- NOTICE.txt ----\n\nAWS SDK for Go\nCopyright 2015 Amazon.com, Inc. or its affiliates. All Rights Reserved.\n",
	} {
		if !ok || !strings.Contains(section, want) {
			t.Errorf("aws-sdk-go-v2's section lacks %q:\n%.2000s", want, section)
		}
	}
	if help, _, _ := run(t, "help"); !strings.Contains(help, "\n  chime licenses ") {
		t.Error("chime help does not list chime licenses")
	}
	if _, stderr, code := run(t, "licenses", "extra"); code != 252 || !strings.Contains(stderr, `unexpected argument "extra"`) {
		t.Errorf("extra argument: exit %d, stderr %q", code, stderr)
	}
}
