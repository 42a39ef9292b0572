package sigv4

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
)

// StaticKeyring is a fixed set of credentials, keyed by access key id.
type StaticKeyring map[string]Credential

// Lookup implements Keyring.
func (k StaticKeyring) Lookup(id string) (Credential, bool) {
	c, ok := k[id]
	return c, ok
}

// DevAccessKeyID, DevSecretAccessKey and DevAccountID are the local
// development pair, accepted only in development mode or on loopback
// without a credentials file.
const (
	DevAccessKeyID     = "test"
	DevSecretAccessKey = "test"
	DevAccountID       = "000000000000"
)

// DevKeyring returns a keyring that holds only the development pair.
func DevKeyring() StaticKeyring {
	return StaticKeyring{DevAccessKeyID: {AccessKeyID: DevAccessKeyID, SecretAccessKey: DevSecretAccessKey, AccountID: DevAccountID}}
}

var accountIDPattern = regexp.MustCompile(`^[0-9]{12}$`)

// LoadCredentialsFile reads an AWS shared-credentials file in which every
// profile carries aws_access_key_id, aws_secret_access_key and
// aws_account_id (and may carry aws_session_token, and aws_principal_arn,
// the IAM identity the key stands for).
func LoadCredentialsFile(path string) (StaticKeyring, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	k, err := ParseCredentials(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return k, nil
}

// ParseCredentials parses the INI text of a shared-credentials file.
func ParseCredentials(r io.Reader) (StaticKeyring, error) {
	type profile struct {
		name   string
		line   int
		values map[string]string
	}
	var profiles []*profile
	var cur *profile
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || line[0] == '#' || line[0] == ';':
		case line[0] == '[':
			if !strings.HasSuffix(line, "]") {
				return nil, fmt.Errorf("line %d: a section header must end with ']'", n)
			}
			cur = &profile{name: strings.TrimSpace(line[1 : len(line)-1]), line: n, values: map[string]string{}}
			profiles = append(profiles, cur)
		default:
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				return nil, fmt.Errorf("line %d: expected key = value", n)
			}
			if cur == nil {
				return nil, fmt.Errorf("line %d: a setting outside any [profile]", n)
			}
			cur.values[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	keys := StaticKeyring{}
	for _, p := range profiles {
		c := Credential{
			AccessKeyID:     p.values["aws_access_key_id"],
			SecretAccessKey: p.values["aws_secret_access_key"],
			SessionToken:    p.values["aws_session_token"],
			AccountID:       p.values["aws_account_id"],
			PrincipalARN:    p.values["aws_principal_arn"],
		}
		if c.AccessKeyID == "" || c.SecretAccessKey == "" {
			return nil, fmt.Errorf("profile [%s] (line %d) needs aws_access_key_id and aws_secret_access_key", p.name, p.line)
		}
		if !accountIDPattern.MatchString(c.AccountID) {
			return nil, fmt.Errorf("profile [%s] (line %d) needs aws_account_id, a 12-digit AWS account id", p.name, p.line)
		}
		if _, dup := keys[c.AccessKeyID]; dup {
			return nil, fmt.Errorf("profile [%s] (line %d) repeats an access key id of an earlier profile", p.name, p.line)
		}
		keys[c.AccessKeyID] = c
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("no profiles")
	}
	return keys, nil
}
