// Package botevents delivers chat-bot events to a bot's HTTPS endpoint the
// way Amazon Chime did: Invite and Remove events as JSON, signed with the
// bot's security token (Chime-Signature over Chime-Request-Timestamp|body),
// a 2-second deadline and two retries, sent from a bounded queue so that the
// API call that caused an event never waits for the bot. It also runs the
// challenge handshake PutEventsConfiguration may require of an endpoint.
//
// A server that posts to addresses its callers choose can be turned against
// the hosts around it, so every request goes through an allow-list that is
// checked against the addresses actually dialled, not only the URL.
//
// It imports only the standard library.
package botevents
