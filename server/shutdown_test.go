package server

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"testing"
	"time"
)

// A handler still running when the shutdown timeout passes has its
// context cancelled, and finds the store open until it returns: the store
// is closed after the last handler, not under it.
func TestShutdownClosesTheStoreAfterTheLastHandler(t *testing.T) {
	cfg := Defaults()
	cfg.Listen, cfg.Dev, cfg.ShutdownTimeout = "127.0.0.1:0", true, 50*time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := New(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	entered, storeErr := make(chan struct{}), make(chan error, 1)
	srv.http.Handler = srv.requests.track(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-r.Context().Done() // outlives the shutdown timeout, until cancelled
		storeErr <- srv.store.Ping(context.Background())
	}))
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx) }()
	go http.Get("http://" + srv.Addr() + "/slow")
	<-entered
	cancel()
	// Serve reports that the handler outlived the timeout.
	if err := <-served; !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Serve: %v", err)
	}
	select {
	case err := <-storeErr:
		if err != nil {
			t.Fatalf("the handler found the store closed: %v", err)
		}
	default:
		t.Fatal("Serve returned before the handler did")
	}
}

// A server that cannot start leaves no bot-event worker behind.
func TestFailedStartStopsBotEventWorkers(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	cfg := Defaults()
	cfg.Listen, cfg.Dev, cfg.BotEventDelivery = taken.Addr().String(), true, true
	before := runtime.NumGoroutine()
	for range 5 {
		if _, err := New(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil))); err == nil {
			t.Fatal("started on a taken port")
		}
	}
	// The store's own goroutines wind down as it closes; give them a moment
	// to, bounded, rather than racing them.
	for deadline := time.Now().Add(5 * time.Second); runtime.NumGoroutine() > before+2; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines before, %d after five failed starts", before, runtime.NumGoroutine())
		}
	}
}
