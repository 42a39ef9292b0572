package restjson_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awschime "github.com/aws/aws-sdk-go-v2/service/chime"
	"github.com/openchime/chime"
	"github.com/openchime/chime/restjson"
	"github.com/openchime/chime/sigv4"
	"github.com/openchime/chime/sqlite"
	"github.com/openchime/chime/sqlstore"
)

// benchServer is the API on a SQLite file, over real HTTP with keep-alive,
// driven by the aws-sdk-go-v2 client: signing, routing, validation, a
// durable commit and the SDK's parsing are all in the measured loop.
func benchServer(b *testing.B) (*awschime.Client, string) {
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), sqlstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	a, err := store.Services().Accounts.CreateAccount(ctx, "111122223333", chime.NewAccount{Name: "bench", Type: chime.EnterpriseDirectory})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(restjson.New(restjson.Config{
		Services: store.Services(), Auth: &sigv4.Verifier{Keys: testKeys, Service: "chime"}, PaginationKey: []byte("k"),
	}))
	b.Cleanup(srv.Close)
	client := awschime.New(awschime.Options{
		Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Retryer: aws.NopRetryer{},
		Credentials: credentials.NewStaticCredentialsProvider("AKIDALPHA", "alpha-secret", ""),
		HTTPClient:  &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 128}},
	})
	return client, a.ID
}

var benchSeq atomic.Int64

func BenchmarkCreateUser(b *testing.B) {
	for _, conc := range []int{1, 8} {
		b.Run(fmt.Sprintf("clients=%d", conc*runtime.GOMAXPROCS(0)), func(b *testing.B) {
			client, account := benchServer(b)
			b.SetParallelism(conc)
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					_, err := client.CreateUser(context.Background(), &awschime.CreateUserInput{AccountId: aws.String(account),
						Email: aws.String(fmt.Sprintf("bench-%d@example.com", benchSeq.Add(1)))})
					if err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
		})
	}
}

func BenchmarkGetUser(b *testing.B) {
	for _, conc := range []int{1, 8} {
		b.Run(fmt.Sprintf("clients=%d", conc*runtime.GOMAXPROCS(0)), func(b *testing.B) {
			client, account := benchServer(b)
			u, err := client.CreateUser(context.Background(), &awschime.CreateUserInput{AccountId: aws.String(account), Email: aws.String("get@example.com")})
			if err != nil {
				b.Fatal(err)
			}
			b.SetParallelism(conc)
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if _, err := client.GetUser(context.Background(), &awschime.GetUserInput{AccountId: aws.String(account), UserId: u.User.UserId}); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
		})
	}
}

func BenchmarkListUsers(b *testing.B) {
	client, account := benchServer(b)
	for i := 0; i < 100; i++ {
		if _, err := client.CreateUser(context.Background(), &awschime.CreateUserInput{AccountId: aws.String(account),
			Email: aws.String(fmt.Sprintf("list-%d@example.com", i))}); err != nil {
			b.Fatal(err)
		}
	}
	b.SetParallelism(8)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			out, err := client.ListUsers(context.Background(), &awschime.ListUsersInput{AccountId: aws.String(account), MaxResults: aws.Int32(100)})
			if err != nil || len(out.Users) != 100 {
				b.Errorf("%v", err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
