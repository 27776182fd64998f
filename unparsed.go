package quanshi

import (
	"context"
	"errors"
	"log/slog"
	"reflect"
	"strconv"

	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// The answer to a write that the server says took effect (a booking, an
// update, a create) must not fail the call over one odd member: the caller
// would retry and book twice. Such a member is set aside instead: its
// field keeps the zero value, its text goes to ResponseInfo.Unparsed (and
// to a result field where one exists, as UMeetingScheduleResult's
// StartTimeText), and the pipeline logs it at debug. Only the id of what the
// write made is indispensable: an answer without it is ErrOutcomeUnknown.
// Reads stay strict: an odd member of a read's answer is
// ErrMalformedResponse naming the field.

// UnparsedField is a member of a successful answer that the SDK set aside
// rather than fail the call: a member of a write's answer that it could not
// read as its documented type (the write took effect all the same: the
// result's field for it holds the zero value), or a member of a map keyed
// by date or e-mail whose key is neither (getConferenceList's list,
// getConfReplay's result). It keeps what the server sent. See
// ResponseInfo.Unparsed.
type UnparsedField struct {
	// Field is the member's path in the answer's payload, as "start_time"
	// or "list[2].startTime"; "" is the whole payload. For a keyed map's
	// member it is the member's key.
	Field string
	// Text is the member as sent: a string's text, any other JSON value as
	// is. It is redacted like an error's message.
	Text string
}

// maxUnparsed bounds the members set aside in one answer: an answer with
// more odd members than that is not the documented answer at all.
const maxUnparsed = 32

// decodeWriteAnswer decodes a write's payload into out. A member that does
// not decode is set aside: in one pass when its value was read whole
// (wire.Dec.Member), else by putting null in its place (which never sets a
// value) and decoding the payload again from a zero out. It also returns
// the members keyed maps skipped.
func decodeWriteAnswer(payload []byte, out any) (odd []UnparsedField, skipped []wire.Odd, err error) {
	var aside []wire.Odd
	err = wire.Decode(payload, func(dec *wire.Dec) error {
		dec.SetAside = true
		err := decodeValue(dec, out)
		skipped, aside = dec.Skipped, dec.SetAsideMembers
		return err
	})
	if err == nil && len(aside) <= maxUnparsed {
		return appendUnparsed(nil, aside), skipped, nil
	}
	clearOut(out)
	for {
		skipped, err = decodeJSONSkipping(payload, out)
		if err == nil || len(odd) == maxUnparsed {
			return odd, skipped, err
		}
		ptr, _ := wire.FieldPath(err)
		patched, o, ok := wire.NullAt(payload, ptr)
		if !ok {
			return odd, skipped, err
		}
		clearOut(out)
		odd = append(odd, UnparsedField{Field: fieldPath(o.Pointer), Text: o.Text})
		payload = patched
	}
}

// errTooManyUnparsed fails a decoding pass that set aside more than
// maxUnparsed members.
var errTooManyUnparsed = errors.New("more than " + strconv.Itoa(maxUnparsed) + " members do not have their documented type")

// appendUnparsed appends the members in list to odd, as UnparsedFields.
func appendUnparsed(odd []UnparsedField, list []wire.Odd) []UnparsedField {
	for _, o := range list {
		odd = append(odd, UnparsedField{Field: fieldPath(o.Pointer), Text: o.Text})
	}
	return odd
}

// createdResult is the result of a write that makes something (a meeting,
// an event, an account, a room): the id it answers is what the caller needs
// to find, change or cancel what was made. An answer without it leaves the
// caller unable to tell whether the write happened: ErrOutcomeUnknown.
type createdResult interface {
	// createdID is the id of what the write made, "" when the answer
	// lacks it (or it did not decode).
	createdID() string
}

// unparsedKeeper is a write's result that shows some of its set-aside
// members itself (UMeetingScheduleResult.StartTimeText).
type unparsedKeeper interface {
	keepUnparsed([]UnparsedField)
}

// optionalAnswer is a read's result whose page documents an answer with no
// payload (getStartUrl has no link before the early-join time).
type optionalAnswer interface {
	answerMayBeEmpty()
}

// promisesResult reports whether a read answering into out must carry a
// payload: every result but a list or a map (for which an absent or null
// payload is the empty one) and an optionalAnswer.
func promisesResult(out any) bool {
	if _, ok := out.(optionalAnswer); ok {
		return false
	}
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return false
	}
	k := v.Elem().Kind()
	return k != reflect.Slice && k != reflect.Map
}

// checkSuccess is what a success answer must carry beyond decoding: a read
// that promises a result has a payload, and a write that makes something
// names it. payloadless is an absent or null payload.
func checkSuccess(op Operation, httpStatus int, out any, payloadless bool) error {
	if out == nil {
		return nil
	}
	if op.Idempotent {
		if payloadless && promisesResult(out) {
			return malformedError(op.String(), httpStatus, nil, "the success answer has no payload (result or data)", nil)
		}
		return nil
	}
	if c, ok := out.(createdResult); ok && c.createdID() == "" {
		// A malformed answer to a write with a success status: the pipeline
		// marks it ErrOutcomeUnknown (markOutcomeUnknown).
		return malformedError(op.String(), httpStatus, nil, "the success answer does not name what the write made; look before retrying", nil)
	}
	return nil
}

// answerUnparsed reports an answer's set-aside members: at debug in the log
// (redacted), in the captured ResponseInfo, and to a result that keeps them.
func (c *Client) answerUnparsed(ctx context.Context, op Operation, odd []UnparsedField, out any, info *ResponseInfo) {
	logged := c.cfg.logger.Enabled(ctx, slog.LevelDebug) // the attributes are built only for a log that takes them
	for i := range odd {
		odd[i].Text = c.redact.text(odd[i].Text)
		if logged {
			c.logEvent(ctx, slog.LevelDebug, "quanshi answer member set aside", op, nil,
				slog.String("field", odd[i].Field), slog.String("text", excerpt(odd[i].Text)))
		}
	}
	if info != nil {
		info.Unparsed = odd
	}
	if k, ok := out.(unparsedKeeper); ok {
		k.keepUnparsed(odd)
	}
}
