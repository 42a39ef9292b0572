package botevents

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strings"
)

// DefaultAllowedHosts lets events reach this machine only.
var DefaultAllowedHosts = []string{"127.0.0.0/8", "::1", "localhost"}

// ErrNotAllowed is wrapped by the error of a request refused by the
// allow-list; no connection was made.
var ErrNotAllowed = errors.New("botevents: target host not allowed")

// resolver is the part of net.Resolver the dialler uses; tests replace it
// to play a name server that lies.
type resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// allowList holds the two kinds of pattern: networks (a CIDR prefix or one
// address) that every dialled address must fall in, and names (exact, or
// "*.example.com" for any subdomain, or "*" for any) that a URL's host name
// must match. A host name passes only if it matches a name and every
// address it resolves to falls in a network.
type allowList struct {
	nets     []netip.Prefix
	names    []string
	resolver resolver
	dialer   net.Dialer
}

func newAllowList(patterns []string) (*allowList, error) {
	a := &allowList{resolver: net.DefaultResolver}
	for _, p := range patterns {
		p = strings.ToLower(strings.TrimSpace(p))
		if pfx, err := netip.ParsePrefix(p); err == nil {
			a.nets = append(a.nets, pfx.Masked())
			continue
		}
		if ip, err := netip.ParseAddr(strings.Trim(p, "[]")); err == nil {
			a.nets = append(a.nets, netip.PrefixFrom(ip.Unmap(), ip.Unmap().BitLen()))
			continue
		}
		name := strings.TrimPrefix(p, "*.")
		if p != "*" && (name == "" || strings.ContainsAny(name, "*/:[] ")) {
			return nil, fmt.Errorf("botevents: allowed host %q is neither a network nor a host name", p)
		}
		a.names = append(a.names, strings.TrimSuffix(p, "."))
	}
	return a, nil
}

func (a *allowList) addrAllowed(ip netip.Addr) bool {
	ip = ip.Unmap()
	if ip.Zone() != "" {
		return false
	}
	for _, n := range a.nets {
		if n.Contains(ip) {
			return true
		}
	}
	return false
}

func (a *allowList) nameAllowed(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	for _, n := range a.names {
		switch {
		case n == "*", n == host:
			return true
		case strings.HasPrefix(n, "*.") && strings.HasSuffix(host, n[1:]):
			return true
		}
	}
	return false
}

// checkHost is the check on a URL's host before anything is sent: an
// address must be in a network, a name must match a name. The addresses a
// name resolves to are checked when dialling.
func (a *allowList) checkHost(host string) error {
	if ip, err := netip.ParseAddr(host); err == nil {
		if !a.addrAllowed(ip) {
			return fmt.Errorf("%w: %s", ErrNotAllowed, host)
		}
		return nil
	}
	if !a.nameAllowed(host) {
		return fmt.Errorf("%w: %s", ErrNotAllowed, host)
	}
	return nil
}

// dialContext resolves the host itself, refuses unless every address is
// allowed, and dials the addresses, never the name, so that a second lookup
// cannot answer differently from the one checked.
func (a *allowList) dialContext(ctx context.Context, network, address string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	if err := a.checkHost(host); err != nil {
		return nil, err
	}
	var addrs []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{ip}
	} else {
		addrs, err = a.resolver.LookupNetIP(ctx, "ip", host)
		if err != nil {
			return nil, err
		}
		if len(addrs) == 0 {
			return nil, fmt.Errorf("botevents: %s has no address", host)
		}
		for _, ip := range addrs {
			if !a.addrAllowed(ip) {
				return nil, fmt.Errorf("%w: %s resolves to %s", ErrNotAllowed, host, ip)
			}
		}
	}
	var first error
	for _, ip := range addrs {
		c, err := a.dialer.DialContext(ctx, network, net.JoinHostPort(ip.Unmap().String(), port))
		if err == nil {
			return c, nil
		}
		if first == nil {
			first = err
		}
	}
	return nil, first
}
