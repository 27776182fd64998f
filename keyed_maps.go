package quanshi

import (
	"bytes"
	"net/mail"

	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// The API's maps keyed by data (issue 15 point 8). A member whose key is
// not what the map is keyed by (a count or a note beside the dates) is
// skipped, reported at debug in the log and in ResponseInfo.Unparsed, and
// the rest of the answer kept; the decoders ask each type's memberRule.

// confListByDate is getConferenceList's result.list: the meetings keyed by
// their Beijing date ("2020-07-07").
type confListByDate map[string][]ConferenceListItem

// memberRule keeps a member keyed by a date and skips any other.
func (confListByDate) memberRule(key []byte) wire.KeyRule {
	if wire.IsDate(key) {
		return wire.KeyKeep
	}
	return wire.KeySkip
}

// recordingsByEmail is getConfReplay's result: each host's ended meetings
// under the host's e-mail address.
type recordingsByEmail map[string][]Recording

// memberRule keeps a member keyed by an e-mail address and skips any other.
func (recordingsByEmail) memberRule(key []byte) wire.KeyRule {
	addr, err := mail.ParseAddress(string(key))
	if err != nil || addr.Address != string(key) {
		return wire.KeySkip
	}
	return wire.KeyKeep
}

// MeetingAccessNumbers are a booked meeting's dial-in numbers keyed by
// language (accessNumbers; the table spells it accessNumers): "Zh-cn"
// (Chinese), "En-us" (English) and "ChooseBySelf" (self-chosen, usually
// absent). A member under another key is kept when it is a list of numbers
// and skipped otherwise.
type MeetingAccessNumbers map[string][]MeetingAccessNumber

// accessNumberLanguages are the keys seed 001 §17 documents.
var accessNumberLanguages = [][]byte{[]byte("Zh-cn"), []byte("En-us"), []byte("ChooseBySelf")}

// memberRule decodes the documented keys strictly and tries any other.
func (MeetingAccessNumbers) memberRule(key []byte) wire.KeyRule {
	for _, k := range accessNumberLanguages {
		if bytes.Equal(k, key) {
			return wire.KeyKeep
		}
	}
	return wire.KeyTry
}
