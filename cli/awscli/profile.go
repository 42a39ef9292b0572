package awscli

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// profileConfig is the selected profile's settings in the shared config
// file, as the AWS CLI reads them for its own use (output,
// cli_timestamp_format, cli_pager, cli_auto_prompt, ca_bundle,
// max_attempts, retry_mode); the SDK's loader does not expose those.
type profileConfig struct {
	name   string
	values map[string]string
	// err is set when a profile named by --profile or AWS_PROFILE is in
	// neither file: every setting then fails as the AWS CLI fails.
	err error
}

// loadProfile reads the profile of --profile, else AWS_PROFILE, else
// default. A missing default profile is no error.
func (p *Program) loadProfile(g *globals) profileConfig {
	name := g.profile
	if name == "" {
		name = p.getenv("AWS_PROFILE")
	}
	named := name != ""
	if !named {
		name = "default"
	}
	pc := profileConfig{name: name, values: map[string]string{}}
	configSections := readINI(p.awsFile("AWS_CONFIG_FILE", "config"))
	found := false
	for _, section := range []string{"profile " + name, name} {
		if section == name && name != "default" {
			continue // the config file names other profiles "profile NAME"
		}
		if vals, ok := configSections[section]; ok {
			found = true
			for k, v := range vals {
				if _, set := pc.values[k]; !set {
					pc.values[k] = v
				}
			}
		}
	}
	if _, ok := readINI(p.awsFile("AWS_SHARED_CREDENTIALS_FILE", "credentials"))[name]; ok {
		found = true
	}
	if named && !found {
		pc.err = &configError{msg: fmt.Sprintf("The config profile (%s) could not be found", name), exit: ExitGeneralError}
	}
	return pc
}

// setting is a value of the profile ("" when unset).
func (pc profileConfig) setting(key string) string { return pc.values[key] }

// readINI reads the sections of an AWS shared file: [section] headers,
// key = value lines, comments starting with # or ;. The indented lines
// of a nested setting (s3 = ...) are skipped. A missing file has none.
func readINI(path string) map[string]map[string]string {
	sections := map[string]map[string]string{}
	if path == "" {
		return sections
	}
	f, err := os.Open(path)
	if err != nil {
		return sections
	}
	defer f.Close()
	var current map[string]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		raw := sc.Text()
		line := strings.TrimSpace(raw)
		switch {
		case line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			name := strings.Join(strings.Fields(line[1:len(line)-1]), " ")
			if sections[name] == nil {
				sections[name] = map[string]string{}
			}
			current = sections[name]
		case current != nil && raw[0] != ' ' && raw[0] != '\t':
			if k, v, ok := strings.Cut(line, "="); ok {
				current[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		}
	}
	return sections
}

// lookup is the environment variable, else the profile's setting.
func (p *Program) lookup(pc profileConfig, env, key string) string {
	if v := p.getenv(env); v != "" {
		return v
	}
	return pc.setting(key)
}

// timestampFormat resolves cli_timestamp_format: iso8601 (the default)
// or wire; none, which AWS CLI v1 knew, is refused as v2 refuses it.
func (p *Program) timestampFormat(pc profileConfig) (string, error) {
	if pc.err != nil {
		return "", pc.err
	}
	switch v := pc.setting("cli_timestamp_format"); v {
	case "":
		return "iso8601", nil
	case "wire", "iso8601":
		return v, nil
	default:
		return "", &configError{msg: fmt.Sprintf("Unknown cli_timestamp_format value: %s, valid values are \"wire\" or \"iso8601\"", v)}
	}
}

// retryAttempts resolves max_attempts (AWS_MAX_ATTEMPTS) and retry_mode
// (AWS_RETRY_MODE): standard mode's three attempts unless told otherwise.
func (p *Program) retryAttempts(pc profileConfig) (int, error) {
	if pc.err != nil {
		return 0, pc.err
	}
	mode := p.lookup(pc, "AWS_RETRY_MODE", "retry_mode")
	switch mode {
	case "", "standard", "adaptive":
	default:
		return 0, &configError{msg: fmt.Sprintf("Invalid value provided to \"mode\": %q must be one of: \"standard\" or \"adaptive\"", mode), exit: ExitGeneralError}
	}
	v := p.lookup(pc, "AWS_MAX_ATTEMPTS", "max_attempts")
	if v == "" {
		return maxAttempts, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, &configError{msg: fmt.Sprintf("invalid literal for int() with base 10: '%s'", v), exit: ExitGeneralError}
	}
	return max(n, 1), nil
}
