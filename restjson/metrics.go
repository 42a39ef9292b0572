package restjson

import (
	"strconv"
	"sync"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics are the API's Prometheus series.
type metrics struct {
	requests       *prometheus.CounterVec
	seconds        *prometheus.HistogramVec
	handlerSeconds *prometheus.HistogramVec
	// operations caches each operation's series: looking a series up by
	// its labels hashes them, on every request.
	operations sync.Map // operation name -> *operationMetrics
}

// operationMetrics are the series of one operation.
type operationMetrics struct {
	vec            *prometheus.CounterVec
	name           string
	seconds        prometheus.Observer
	handlerSeconds prometheus.Observer
	byStatus       sync.Map // status -> prometheus.Counter
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "chime_requests_total", Help: "Requests by operation and HTTP status.",
		}, []string{"operation", "status"}),
		seconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "chime_request_duration_seconds", Help: "Time from request to response, by operation.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 2, 16),
		}, []string{"operation"}),
		handlerSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "chime_handler_duration_seconds", Help: "Time spent in the operation's handler (decoding its input, its calls into the store, building its output), by operation.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 2, 16),
		}, []string{"operation"}),
	}
	reg.MustRegister(m.requests, m.seconds, m.handlerSeconds)
	return m
}

// forOperation returns the series of an operation name (a name from
// apispec, or "Unknown": the set is bounded).
func (m *metrics) forOperation(op string) *operationMetrics {
	if om, ok := m.operations.Load(op); ok {
		return om.(*operationMetrics)
	}
	om, _ := m.operations.LoadOrStore(op, &operationMetrics{
		vec: m.requests, name: op,
		seconds:        m.seconds.WithLabelValues(op),
		handlerSeconds: m.handlerSeconds.WithLabelValues(op),
	})
	return om.(*operationMetrics)
}

// requests returns the request counter of one status.
func (om *operationMetrics) requests(status int) prometheus.Counter {
	if c, ok := om.byStatus.Load(status); ok {
		return c.(prometheus.Counter)
	}
	c, _ := om.byStatus.LoadOrStore(status, om.vec.WithLabelValues(om.name, strconv.Itoa(status)))
	return c.(prometheus.Counter)
}
