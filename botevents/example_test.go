package botevents_test

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/openchime/chime/botevents"
)

// A bot's endpoint checks every event with its security token before
// trusting it, and answers the PutEventsConfiguration challenge by echoing
// it.
func ExampleVerify() {
	token := "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" // from CreateBot or RegenerateSecurityToken
	http.HandleFunc("/events", func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			http.Error(w, "unreadable", http.StatusBadRequest)
			return
		}
		var msg struct {
			botevents.Event
			Challenge string
		}
		if err := json.Unmarshal(body, &msg); err != nil {
			http.Error(w, "not JSON", http.StatusBadRequest)
			return
		}
		if msg.EventType == "HTTPSEndpointVerification" {
			json.NewEncoder(w).Encode(map[string]string{"Challenge": msg.Challenge})
			return
		}
		if err := botevents.Verify(token, r, body); err != nil {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		// msg.EventType is botevents.Invite or botevents.Remove, in the room
		// msg.Discussion.DiscussionID.
	})
}
