package awscli

import (
	"bytes"
	"unicode/utf8"
)

// Terminal input as the prompt's keys. Terminals send function and
// cursor keys as escape sequences, xterm's and the Linux console's
// differing for some; a paste arrives bracketed when bracketed paste is
// on.

var escapeKeys = map[string]keyType{
	"[A": keyUp, "[B": keyDown, "[C": keyRight, "[D": keyLeft,
	"OA": keyUp, "OB": keyDown, "OC": keyRight, "OD": keyLeft,
	"[H": keyHome, "[F": keyEnd, "OH": keyHome, "OF": keyEnd,
	"[1~": keyHome, "[7~": keyHome, "[4~": keyEnd, "[8~": keyEnd,
	"[3~": keyDelete, "[5~": keyPageUp, "[6~": keyPageDown,
	"[Z": keyShiftTab,
	"OP": keyF1, "OQ": keyF2, "OR": keyF3, "OS": keyF4,
	"[11~": keyF1, "[12~": keyF2, "[13~": keyF3, "[14~": keyF4, "[15~": keyF5,
	"[[A": keyF1, "[[B": keyF2, "[[C": keyF3, "[[D": keyF4, "[[E": keyF5,
	"[1;5C": keyWordRight, "[1;5D": keyWordLeft, "[1;3C": keyWordRight, "[1;3D": keyWordLeft,
	"b": keyWordLeft, "f": keyWordRight, "\x7f": keyDeleteWordBack,
}

var controlKeys = map[byte]keyType{
	'\r': keyEnter, '\n': keyEnter, '\t': keyTab,
	0x7f: keyBackspace, 0x08: keyBackspace,
	0x03: keyInterrupt, 0x04: keyInterrupt,
	0x01: keyHome, 0x05: keyEnd, 0x02: keyLeft, 0x06: keyRight,
	0x0b: keyKillToEnd, 0x15: keyKillToStart, 0x17: keyDeleteWordBack,
	0x0c: keyRedraw, 0x0e: keyDown, 0x10: keyUp,
}

const (
	pasteStart = "\x1b[200~"
	pasteEnd   = "\x1b[201~"
)

// maxEscapeLength bounds an escape sequence: one that has not ended by
// then is dropped, rather than waited for without end (and held in
// memory).
const maxEscapeLength = 32

// decodeKeys reads the keys at the start of in; rest is an incomplete
// sequence to complete with the next read. A lone escape is the Escape
// key. A paste that has not ended yet is passed on in pieces, each a
// paste, so that rest stays small however long the paste.
func decodeKeys(in []byte) (keys []promptKey, rest []byte) {
	for len(in) > 0 {
		switch {
		case bytes.HasPrefix(in, []byte(pasteStart)):
			body := in[len(pasteStart):]
			end := bytes.Index(body, []byte(pasteEnd))
			if end < 0 {
				// Keep what may be the start of the end marker, and
				// no part of a character.
				cut := max(len(body)-(len(pasteEnd)-1), 0)
				for cut > 0 && !utf8.RuneStart(body[cut]) {
					cut--
				}
				if cut > 0 {
					keys = append(keys, promptKey{typ: keyPaste, text: string(body[:cut])})
				}
				return keys, append([]byte(pasteStart), body[cut:]...)
			}
			keys = append(keys, promptKey{typ: keyPaste, text: string(body[:end])})
			in = body[end+len(pasteEnd):]
		case in[0] == 0x1b:
			if len(in) == 1 {
				return append(keys, promptKey{typ: keyEscape}), nil
			}
			n := escapeLength(in)
			if n == 0 && len(in) < maxEscapeLength {
				return keys, in
			}
			if n == 0 {
				// Drop its parameter bytes; what follows them is read.
				i := 2
				for i < len(in) && in[i] >= 0x20 && in[i] <= 0x3f {
					i++
				}
				in = in[i:]
				continue
			}
			if t, ok := escapeKeys[string(in[1:n])]; ok {
				keys = append(keys, promptKey{typ: t})
			}
			in = in[n:]
		case in[0] < 0x20 || in[0] == 0x7f:
			if t, ok := controlKeys[in[0]]; ok {
				keys = append(keys, promptKey{typ: t})
			}
			in = in[1:]
		default:
			if !utf8.FullRune(in) {
				return keys, in
			}
			r, n := utf8.DecodeRune(in)
			keys = append(keys, promptKey{typ: keyRune, r: r})
			in = in[n:]
		}
	}
	return keys, nil
}

// escapeLength is the length of the escape sequence at the start of in,
// 0 when it is not complete yet.
func escapeLength(in []byte) int {
	switch in[1] {
	case '[':
		i := 2
		if i < len(in) && in[i] == '[' { // the Linux console's F1-F5
			if i+1 < len(in) {
				return i + 2
			}
			return 0
		}
		for ; i < len(in); i++ {
			if in[i] >= 0x40 && in[i] <= 0x7e {
				return i + 1
			}
		}
		return 0
	case 'O':
		if len(in) < 3 {
			return 0
		}
		return 3
	}
	return 2 // Alt and a key
}
