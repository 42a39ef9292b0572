package restjson

import (
	"errors"

	"github.com/openchime/chime"
)

// wireError is how a domain error kind travels: the modelled exception
// (x-amzn-ErrorType), the HTTP status and the Code member of the body.
type wireError struct {
	Exception string
	Status    int
	Code      chime.ErrorCode
}

// errorTable is the one place domain errors become wire errors. Every kind
// has a row (TestErrorTableComplete).
var errorTable = map[chime.Kind]wireError{
	chime.BadRequest:            {"BadRequestException", 400, "BadRequest"},
	chime.ResourceLimitExceeded: {"ResourceLimitExceededException", 400, "ResourceLimitExceeded"},
	chime.Unauthorized:          {"UnauthorizedClientException", 401, "Unauthorized"},
	chime.Forbidden:             {"ForbiddenException", 403, "Forbidden"},
	chime.AccessDenied:          {"AccessDeniedException", 403, "AccessDenied"},
	chime.NotFound:              {"NotFoundException", 404, "NotFound"},
	chime.Conflict:              {"ConflictException", 409, "Conflict"},
	chime.Unprocessable:         {"UnprocessableEntityException", 422, "Unprocessable"},
	chime.Throttled:             {"ThrottledClientException", 429, "Throttled"},
	chime.Internal:              {"ServiceFailureException", 500, "ServiceFailure"},
	chime.Unavailable:           {"ServiceUnavailableException", 503, "ServiceUnavailable"},
}

// internalMessage is all a client learns of an internal failure.
const internalMessage = "The service encountered an unexpected error."

// toWire returns the wire form of err and the message the client may read.
func toWire(err error) (wireError, string) {
	var e *chime.Error
	if !errors.As(err, &e) {
		return errorTable[chime.Internal], internalMessage
	}
	w, ok := errorTable[e.Kind]
	if !ok || e.Kind == chime.Internal {
		return errorTable[chime.Internal], internalMessage
	}
	return w, e.Message
}
