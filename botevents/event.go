package botevents

import "time"

// EventType is what happened to the bot. Mention events are never sent: they
// carry chat messages this server does not have.
type EventType string

// The event types delivered.
const (
	Invite EventType = "Invite" // the bot was added to a room
	Remove EventType = "Remove" // the bot was removed from a room, or the room deleted
)

// TimeFormat is the form of EventTimestamp and Chime-Request-Timestamp: UTC
// with milliseconds, as in 2019-04-04T21:27:52.736Z.
const TimeFormat = "2006-01-02T15:04:05.000Z"

// FormatTime writes t in TimeFormat.
func FormatTime(t time.Time) string { return t.UTC().Format(TimeFormat) }

// Sender is who caused the event.
type Sender struct {
	SenderID     string `json:"SenderId"`
	SenderIDType string `json:"SenderIdType"` // always "EmailId"
}

// Discussion is where the event happened.
type Discussion struct {
	DiscussionID   string `json:"DiscussionId"`   // the room id
	DiscussionType string `json:"DiscussionType"` // always "Room"
}

// Event is the JSON body posted to the bot. It has no InboundHttpsEndpoint:
// there is no channel through which a bot could answer.
type Event struct {
	Sender         Sender     `json:"Sender"`
	Discussion     Discussion `json:"Discussion"`
	EventType      EventType  `json:"EventType"`
	EventTimestamp string     `json:"EventTimestamp"` // TimeFormat; Send fills it in when empty
}

// NewEvent is the event of the given type caused by senderID in room roomID
// at time at.
func NewEvent(typ EventType, senderID, roomID string, at time.Time) Event {
	return Event{
		Sender:         Sender{SenderID: senderID, SenderIDType: "EmailId"},
		Discussion:     Discussion{DiscussionID: roomID, DiscussionType: "Room"},
		EventType:      typ,
		EventTimestamp: FormatTime(at),
	}
}
