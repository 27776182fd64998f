package quanshitest

import (
	"fmt"
	"strconv"
	"time"

	"github.com/quanshi-sdk/quanshi-go/internal/wire"
)

// Reports: /conference/report/getReportData describes an ended meeting from
// its derived participants (meeting.attendees): the host for the whole
// meeting, each invitee from a minute after the one before. Everyone
// invited attends, on a computer with network audio; there is no live
// stream audience, roll call or raised hand. A meeting that is unknown, not
// over yet or cancelled has no report: 50709, as the spec's example shows.

const pathReportGet = "/conference/report/getReportData"

// reportData is getReportData's result.
type reportData struct {
	Summary       reportSummary    `json:"summary"`
	Attendees     []reportAttendee `json:"attendees"`
	Invitees      []reportInvitee  `json:"invitees"`
	Live          []reportLive     `json:"live"`
	Rollcall      []reportRollcall `json:"rollcall"`
	VideoRollcall []reportRollcall `json:"videoRollcall"`
	Handsup       []reportHandsup  `json:"handsup"`
}

type reportSummary struct {
	ConfTitle           string         `json:"confTitle"`
	StartTime           string         `json:"startTime"`
	EndTime             string         `json:"endTime"`
	TotalCount          int            `json:"totalCount"`
	TotalNum            int            `json:"totalNum"`
	InviteCount         int            `json:"inviteCount"`
	InviteAttendedCount int            `json:"inviteAttendedCount"`
	AttendeePercentage  string         `json:"attendeePercentage"`
	RollcallNum         int            `json:"rollcallNum"`
	RollcallAnswer      []reportAnswer `json:"rollcallAnswer"`
	VideoRollcallNum    int            `json:"videoRollcallNum"`
	VideoRollcallAnswer []reportAnswer `json:"videoRollcallAnswer"`
	HandsupCount        int            `json:"handsupCount"`
	HandsupPercentage   string         `json:"handsupPercentage"`
}

type reportAnswer struct {
	Num        int    `json:"num"`
	Percentage string `json:"percentage"`
}

// reportPerson is who an entry is about.
type reportPerson struct {
	Name      string `json:"name"`
	GroupName string `json:"groupName"`
	Mobile    string `json:"mobile"`
	Email     string `json:"email"`
	ExtType   int    `json:"extType"`
	ExtName   string `json:"extName"`
}

type reportAttendee struct {
	reportPerson
	Role        int    `json:"role"`
	JoinTime    string `json:"joinTime"`
	OfflineTime string `json:"offlineTime"`
	TotalTime   string `json:"totalTime"`
	ClientType  string `json:"clientType"`
	AccessType  string `json:"accessType"`
	IP          string `json:"ip"`
	PhoneTime   string `json:"phoneTime"`
	VoipTime    string `json:"voipTime"`
	City        string `json:"city"`
}

type reportInvitee struct {
	reportAttendee
	Attend int `json:"attend"`
}

type reportLive struct {
	Name        string `json:"name"`
	Mobile      string `json:"mobile"`
	JoinTime    string `json:"joinTime"`
	OfflineTime string `json:"offlineTime"`
	DeviceType  string `json:"deviceType"`
	TotalTime   string `json:"totalTime"`
	BrowserName string `json:"browserName"`
	IP          string `json:"ip"`
	City        string `json:"city"`
	ExtInfo     []any  `json:"extInfo"`
}

type reportRollcall struct {
	reportPerson
	Answered []int `json:"answered"`
}

type reportHandsup struct {
	reportPerson
	CreateTime string `json:"createTime"`
}

// reportClock formats a duration as the report does: "01:54:30".
func reportClock(d time.Duration) string {
	s := int64(d / time.Second)
	return fmt.Sprintf("%02d:%02d:%02d", s/3600, s/60%60, s%60)
}

// reportPercent is part/whole as "14%" ("" when whole is 0).
func reportPercent(part, whole int) string {
	if whole == 0 {
		return ""
	}
	return strconv.Itoa(part*100/whole) + "%"
}

// reportIP is a participant's stand-in IP address, derived from the user id.
func reportIP(u *user) string {
	return fmt.Sprintf("10.%d.%d.%d", u.ID>>16&0xff, u.ID>>8&0xff, u.ID&0xff)
}

// reportOf builds the report of an ended meeting.
func reportOf(m *meeting) reportData {
	r := reportData{
		Attendees: []reportAttendee{}, Invitees: []reportInvitee{}, Live: []reportLive{},
		Rollcall: []reportRollcall{}, VideoRollcall: []reportRollcall{}, Handsup: []reportHandsup{},
	}
	for _, a := range m.attendees() {
		total := reportClock(a.Leave.Sub(a.Join))
		entry := reportAttendee{
			reportPerson: reportPerson{Name: a.User.Name, GroupName: "未分组", Mobile: a.User.Mobile, Email: a.User.Email},
			JoinTime:     wire.FormatWallClock(a.Join), OfflineTime: wire.FormatWallClock(a.Leave), TotalTime: total,
			ClientType: "pc", AccessType: "voip", IP: reportIP(a.User), VoipTime: total, City: "中国-北京",
		}
		if a.Role == "host" {
			entry.Role = 1
		}
		r.Attendees = append(r.Attendees, entry)
		r.Invitees = append(r.Invitees, reportInvitee{reportAttendee: entry, Attend: 1})
	}
	invited := len(r.Invitees)
	r.Summary = reportSummary{
		ConfTitle: m.Title, StartTime: wire.FormatWallClock(m.Start), EndTime: wire.FormatWallClock(m.End()),
		TotalCount: len(r.Attendees), TotalNum: len(r.Attendees),
		InviteCount: invited, InviteAttendedCount: invited, AttendeePercentage: reportPercent(invited, invited),
		RollcallAnswer: []reportAnswer{}, VideoRollcallAnswer: []reportAnswer{},
	}
	return r
}

// handleReportGet answers getReportData.
func handleReportGet(s *Server, c *call) (any, error) {
	m, err := recEndedMeeting(s, c)
	if err != nil {
		return nil, err
	}
	return reportOf(m), nil
}
