//go:build unix

package awscli

import (
	"context"
	"errors"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/charmbracelet/x/term"
	"golang.org/x/sys/unix"
)

// The prompt's terminal: raw mode, the alternate screen and bracketed
// paste while it runs, all undone when it ends however it ends. Nothing
// is asked of the terminal (no colour or cursor query), so a terminal
// that answers no query is drawn on at once.

const (
	enterPromptScreen = "\x1b[?1049h\x1b[?2004h\x1b[H\x1b[2J"
	leavePromptScreen = "\x1b[?2004l\x1b[0m\x1b[?25h\x1b[?1049l"
)

// runTerminal runs the model on a terminal: keys from in, the screen on
// out. It returns when the model is done or aborted, or ctx ends (which
// aborts it).
func runTerminal(ctx context.Context, m *promptModel, in, out *os.File) error {
	inFd, outFd := int(in.Fd()), int(out.Fd())
	state, err := term.MakeRaw(uintptr(inFd))
	if err != nil {
		return err
	}
	defer term.Restore(uintptr(inFd), state)
	io.WriteString(out, enterPromptScreen)
	defer io.WriteString(out, leavePromptScreen)

	resize := make(chan os.Signal, 1)
	signal.Notify(resize, syscall.SIGWINCH)
	defer signal.Stop(resize)
	setSize := func() {
		if w, h, err := term.GetSize(uintptr(outFd)); err == nil && w > 0 && h > 0 {
			m.width, m.height = w, h
		}
	}
	setSize()

	input, stop, err := readTerminal(inFd)
	if err != nil {
		return err
	}
	defer stop()
	var pending []byte
	for {
		io.WriteString(out, m.view().render())
		select {
		case <-ctx.Done():
			m.aborted = true
			return nil
		case <-resize:
			setSize()
		case chunk, ok := <-input:
			if !ok {
				m.aborted = true
				return nil
			}
			var keys []promptKey
			keys, pending = decodeKeys(append(pending, chunk...))
			for _, k := range keys {
				m.update(k)
				if m.done || m.aborted {
					return nil
				}
			}
		}
	}
}

// readTerminal reads the terminal in the background until stop, which
// returns once the reader has stopped: no byte typed after the prompt
// ends is taken from the command that runs next. The reader waits in
// poll(2) on the terminal and on a pipe that stop writes to, so it never
// sits in a read that only a key press would end.
func readTerminal(fd int) (<-chan []byte, func(), error) {
	var wake [2]int
	if err := unix.Pipe(wake[:]); err != nil {
		return nil, nil, err
	}
	chunks := make(chan []byte)
	quit := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		defer close(chunks)
		buf := make([]byte, 4096)
		for {
			fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}, {Fd: int32(wake[0]), Events: unix.POLLIN}}
			if _, err := unix.Poll(fds, -1); err != nil {
				if errors.Is(err, unix.EINTR) {
					continue
				}
				return
			}
			if fds[1].Revents != 0 {
				return
			}
			if fds[0].Revents == 0 {
				continue
			}
			n, err := unix.Read(fd, buf)
			if errors.Is(err, unix.EINTR) || errors.Is(err, unix.EAGAIN) {
				continue
			}
			if n <= 0 {
				return
			}
			select {
			case chunks <- append([]byte(nil), buf[:n]...):
			case <-quit:
				return
			}
		}
	}()
	stop := func() {
		close(quit)
		unix.Write(wake[1], []byte{0})
		<-finished
		unix.Close(wake[0])
		unix.Close(wake[1])
	}
	return chunks, stop, nil
}

// isTerminal reports whether f is a terminal.
func isTerminal(f *os.File) bool {
	return f != nil && term.IsTerminal(f.Fd())
}
