package quanshi

import (
	"bytes"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// EventLiveStream is one pull address of the live stream (liveStreamUrl).
// The create and detail pages do not describe its members; when it is an
// object they are those of livePullUrl on /eventopenapi/event/pull/info
// (https://developer.quanshi.com/cn/api/84); when it is a bare string, URL
// holds it.
type EventLiveStream struct {
	// URL is the address when the server sends the item as a bare string
	// (liveStreamUrl as an array of strings, the reading seed 000's "Json
	// Array" allows).
	URL string `json:"-"`
	// RTMPURL is the RTMP pull address (rtmp_url).
	RTMPURL string `json:"rtmp_url"`
	// FLVURL is the FLV pull address (flv_url).
	FLVURL string `json:"flv_url"`
	// HLSURL is the HLS pull address (hls_url).
	HLSURL string `json:"hls_url"`
	// Provider is the live platform (provider): netease, tencent, ali, ks,
	// quanshi.
	Provider string `json:"provider"`
	// LayoutType (layout_type): 1 PC layout (default), 2 mobile portrait.
	LayoutType int `json:"layout_type"`
	// URLExpireTime is when the addresses expire (url_expire_time).
	URLExpireTime time.Time `json:"url_expire_time" time:"any"`
	// Raw is the item as sent when it has neither shape, or an object whose
	// members do not decode; the create that returned it still succeeded.
	Raw string `json:"-"`
}

// EventLiveStreams is liveStreamUrl. Seed 000 types it "Json Array" without
// its items; another page gives an object. It is decoded tolerantly, because
// it arrives in the answer to a create that already took effect: an array of
// strings or of objects, a single object or string, or JSON text of those in
// a string; an item of any other shape keeps its text in Raw. It never fails
// the call.
type EventLiveStreams []EventLiveStream

// unmarshalFrom reads every shape EventLiveStreams accepts (registered in
// lenient.go; the generated decoders hand the type to it).
func (l *EventLiveStreams) unmarshalFrom(dec *jsontext.Decoder) error {
	raw, err := dec.ReadValue()
	if err != nil {
		return err
	}
	*l = nil
	return l.read(raw.Clone(), dec.Options())
}

func (l *EventLiveStreams) read(raw jsontext.Value, opts json.Options) error {
	switch raw.Kind() {
	case 'n':
		return nil
	case '[':
		var items []jsontext.Value
		if err := json.Unmarshal(raw, &items); err != nil {
			return err
		}
		for _, it := range items {
			*l = append(*l, liveStreamItem(it, opts))
		}
		return nil
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return err
		}
		text := bytes.TrimSpace([]byte(s))
		if len(text) == 0 {
			return nil
		}
		if text[0] == '[' || text[0] == '{' {
			if jsontext.Value(text).IsValid() {
				return l.read(jsontext.Value(text), opts)
			}
		}
	}
	*l = append(*l, liveStreamItem(raw, opts))
	return nil
}

// liveStreamItem decodes one item: an object by its members, a string as
// its URL, anything else (or an object that does not decode) kept in Raw.
func liveStreamItem(raw jsontext.Value, opts json.Options) EventLiveStream {
	var it EventLiveStream
	switch raw.Kind() {
	case '{':
		if err := json.Unmarshal(raw, &it, opts); err == nil {
			return it
		}
	case '"':
		if err := json.Unmarshal(raw, &it.URL); err == nil {
			return it
		}
	}
	return EventLiveStream{Raw: string(raw)}
}
