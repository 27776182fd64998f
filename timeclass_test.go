package quanshi

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/quanshi-sdk/quanshi-go/internal/wiregen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 15 point 2: a number is a Unix time only where the page gives the
// field as a timestamp.

// timeFieldClasses is every time field of a response type, by what its page
// says (the time tag, see internal/wiregen): "unix" where the page gives a
// timestamp, "text" where it gives a formatted time, "any" where it is
// silent or gives no form (read leniently, as "unix").
var timeFieldClasses = map[string]string{
	"Account.LastLoginAt":                 "any",  // user pages 179/180/49 are not in the transcriptions: silent
	"Account.RegisteredAt":                "any",  // user pages 179/180/49 are not in the transcriptions: silent
	"Account.UpdatedAt":                   "any",  // user pages 179/180/49 are not in the transcriptions: silent
	"CallbackHeader.Timestamp":            "unix", // api/510 examples: "timestamp": 1648025135959 (13 digits)
	"ConferenceBase.EndTime":              "text", // seed 001 §1/§4/§5 tables: startTime string; examples "2020-09-08 20:00:00"
	"ConferenceBase.StartTime":            "text", // seed 001 §1/§4/§5 tables: startTime string; examples "2020-09-08 20:00:00"
	"ConferenceInfo.CurrentTime":          "text", // seed 001 §5: currentTime string 当前时间; example "2021-09-14 18:…"
	"ConferenceInviteeInfo.UpdateTime":    "any",  // seed 001 §5: updateTime string 更新时间; example "" only: form not given
	"ConferenceReservation.CurrentTime":   "text", // seed 001 §1: currentTime string 创建时间; example "2020-09-08 15:23:34"
	"ConferenceReservation.EndTimeUnix":   "unix", // seed 001 §1/§14: endTimeUnix example 1631705400
	"ConferenceReservation.StartTimeUnix": "unix", // seed 001 §1/§14: startTimeUnix example 1631703600
	"DashboardConference.StartTime":       "unix", // seed 003: startTime/stopTime long, Unix 秒
	"DashboardConference.StopTime":        "unix", // seed 003: startTime/stopTime long, Unix 秒
	"Event.CreateTime":                    "unix", // seed 000 and api/77: startTime/endTime/createTime/modifyTime Long (秒)
	"Event.EndTime":                       "unix", // seed 000 and api/77: startTime/endTime/createTime/modifyTime Long (秒)
	"Event.ModifyTime":                    "unix", // seed 000 and api/77: startTime/endTime/createTime/modifyTime Long (秒)
	"Event.StartTime":                     "unix", // seed 000 and api/77: startTime/endTime/createTime/modifyTime Long (秒)
	"EventLiveStream.URLExpireTime":       "any",  // url_expire_time is on no transcribed page: silent
	"Meeting.CreateTime":                  "unix", // seed 001 §17/§18/§23: startTime int; examples 1641351600, CreateTime 1641350988, modifyTime 1641350986
	"Meeting.EndTime":                     "unix", // seed 001 §17/§18/§23: startTime int; examples 1641351600, CreateTime 1641350988, modifyTime 1641350986
	"Meeting.ExchangeSyncDate":            "any",  // seed 001 §17: example 0 only: form not given
	"Meeting.ModifyTime":                  "unix", // seed 001 §17/§18/§23: startTime int; examples 1641351600, CreateTime 1641350988, modifyTime 1641350986
	"Meeting.StartTime":                   "unix", // seed 001 §17/§18/§23: startTime int; examples 1641351600, CreateTime 1641350988, modifyTime 1641350986
	"MeetingRoom.UpdateTime":              "any",  // api/433 and node/436 are not in the transcriptions: silent
	"MeetingRoomDevice.CreateTime":        "any",  // api/433 and node/436 are not in the transcriptions: silent
	"MeetingRoomDevice.UpdateTime":        "any",  // api/433 and node/436 are not in the transcriptions: silent
	"Recording.EndTime":                   "text", // seed 001 §9/§19: startTime/realStartTime string; examples "2020-08-27 10:56:44"
	"Recording.RealEndTime":               "text", // seed 001 §9/§19: startTime/realStartTime string; examples "2020-08-27 10:56:44"
	"Recording.RealStartTime":             "text", // seed 001 §9/§19: startTime/realStartTime string; examples "2020-08-27 10:56:44"
	"Recording.StartTime":                 "text", // seed 001 §9/§19: startTime/realStartTime string; examples "2020-08-27 10:56:44"
	"ReportAttendanceRecord.EndTime":      "any",  // cn/api/482 lists the names only: silent
	"ReportAttendanceRecord.StartTime":    "any",  // cn/api/482 lists the names only: silent
	"ReportAttendee.JoinTime":             "text", // seed 001 §10: joinTime/offlineTime string; examples "2020-08-05 07:…"
	"ReportAttendee.OfflineTime":          "text", // seed 001 §10: joinTime/offlineTime string; examples "2020-08-05 07:…"
	"ReportFile.EndTime":                  "unix", // cn/api/562 example: "startTime": 1645428897
	"ReportFile.StartTime":                "unix", // cn/api/562 example: "startTime": 1645428897
	"ReportHandsup.CreateTime":            "unix", // seed 001 §10: createTime int 举手时间
	"ReportLiveViewer.JoinTime":           "text", // seed 001 §10: joinTime string 进入时间, offlineTime string 退出时间
	"ReportLiveViewer.OfflineTime":        "text", // seed 001 §10: joinTime string 进入时间, offlineTime string 退出时间
	"ReportParticipant.OfflineTime":       "unix", // cn/node/482: onlineTime long; example 1763452425
	"ReportParticipant.OnlineTime":        "unix", // cn/node/482: onlineTime long; example 1763452425
	"ReportSession.RealEndTime":           "any",  // cn/node/482 lists realStartTime/realEndTime without form: silent
	"ReportSession.RealStartTime":         "any",  // cn/node/482 lists realStartTime/realEndTime without form: silent
	"ReportSummary.EndTime":               "text", // seed 001 §10: startTime string; example "2021-07-19 09:59:48"
	"ReportSummary.StartTime":             "text", // seed 001 §10: startTime string; example "2021-07-19 09:59:48"
	"RoomReservation.CurrentTime":         "text", // seed 001 §14: currentTime string 创建时间; example "2021-09-14 18:…"
	"RoomReservation.EndTime":             "text", // seed 001 §14: endTime string; example "2021-09-15 19:30:00"
	"RoomReservation.EndTimeUnix":         "unix", // seed 001 §14: example 1631705400
	"RoomReservation.StartTime":           "text", // seed 001 §14: startTime string; example "2021-09-15 19:00:00"
	"RoomReservation.StartTimeUnix":       "unix", // seed 001 §14: example 1631703600
	"TokenInfo.CreateTime":                "unix", // api/69: createTime Long token创建时间(时间戳,单位毫秒)
	"UMeeting.EndTime":                    "text", // umeeting list pages: "start_time" : "2017-08-15 00:…"
	"UMeeting.StartTime":                  "text", // umeeting list pages: "start_time" : "2017-08-15 00:…"
	"UMeetingAttendance.JoinTime":         "text", // umeeting 明细统计: "join_time" : "2017-08-31 00:…"
	"UMeetingAttendance.LeaveTime":        "text", // umeeting 明细统计: "join_time" : "2017-08-31 00:…"
	"UMeetingCall.EndTime":                "text", // umeeting 明细统计: "end_time" : "2017-08-31 00:…"
	"UMeetingCall.StartTime":              "text", // umeeting 明细统计: "end_time" : "2017-08-31 00:…"
	"UMeetingCloudRecording.End":          "text", // umeeting 73001 云端录制: "recording_start": "2020-02-13T09:…"
	"UMeetingCloudRecording.Start":        "text", // umeeting 73001 云端录制: "recording_start": "2020-02-13T09:…"
	"UMeetingLicence.ExpireDate":          "any",  // umeeting 查询许可: "expire_date": null only: form not given
	"UMeetingOccurrence.StartTime":        "text", // umeeting 预约会议: occurrences "start_time": "2020-05-18 10:…"
	"UMeetingParticipant.JoinTime":        "text", // umeeting 23001: "join_time": "2018-08-13T09:…"
	"UMeetingParticipant.LeaveTime":       "text", // umeeting 23001: "join_time": "2018-08-13T09:…"
	"UMeetingParticipantReport.StartTime": "text", // umeeting getparticipants: "start_time": "2020-03-25 11:30:00"
	"UMeetingRecordInfo.EndTime":          "text", // umeeting 会议室监控 / 23001: "start_time": "2018-04-26 15:…", "2018-08-13T09:…"
	"UMeetingRecordInfo.StartTime":        "text", // umeeting 会议室监控 / 23001: "start_time": "2018-04-26 15:…", "2018-08-13T09:…"
	"UMeetingRoomMeeting.EndTime":         "text", // umeeting 43001: "end_time": "2018-04-01 08:…"
	"UMeetingRoomMeeting.StartTime":       "text", // umeeting 43001: "end_time": "2018-04-01 08:…"
	"UMeetingScheduleResult.CreateDate":   "any",  // createDate/updateDate are on no page (live answers): silent
	"UMeetingScheduleResult.StartTime":    "text", // umeeting 预约会议: String "2017-08-19 00:00:00" (the example's "7" is set aside)
	"UMeetingScheduleResult.UpdateDate":   "any",  // createDate/updateDate are on no page (live answers): silent
	"UMeetingStatsPage.From":              "text", // umeeting 汇总统计: "from" : "2017-8-31"
	"UMeetingStatsPage.To":                "text", // umeeting 汇总统计: "from" : "2017-8-31"
	"confListWire.CurrentTime":            "text", // seed 001 §4: currentTime string 当前时间
	"envelope.TimeStamp":                  "unix", // every page's envelope: "timestamp"/"timeStamp" of 13 digits
	"envelope.Timestamp":                  "unix", // every page's envelope: "timestamp"/"timeStamp" of 13 digits
}

// Every time field is classified, and as listed here: a new time field
// fails until its page is read and the field tagged and listed.
func TestTimeFieldClassification(t *testing.T) {
	assert.Equal(t, timeFieldClasses, wiregen.TimeClasses(t, "."))
}

// listByAdmin's page (seed 001 §23) gives the meetings' startTime as an
// int, 1648870200 in its example: Unix seconds, also as a numeric string.
func TestTimestampFieldReadsUnixSeconds(t *testing.T) {
	want := time.Unix(1648870200, 0)
	for _, body := range []string{
		fixture(t, "room/listByAdmin.json"),
		strings.Replace(fixture(t, "room/listByAdmin.json"), `"startTime": 1648870200`, `"startTime": "1648870200"`, 1),
	} {
		api := newTestAPI(t)
		api.respond(opRoomListByAdmin, http.StatusOK, body)
		res, err := api.client.Room.ListByAdmin(context.Background(), roomAdminExample())
		require.NoError(t, err)
		found := false
		for _, m := range res.Meetings {
			found = found || m.StartTime.Equal(want)
		}
		assert.True(t, found, "no meeting starts at %v", want)
	}
}

// getConferenceList's page (seed 001 §4) gives startTime as a string,
// "2020-07-07 14:00:00": a Unix number there, in the answer to a read, is
// ErrMalformedResponse naming the field, not a guessed date; "20170819" is
// a date.
func TestTextFieldRefusesUnixInReadAnswer(t *testing.T) {
	const example = `"startTime": "2020-07-07 14:00:00"`
	for _, odd := range []string{`"startTime": "1641020400"`, `"startTime": 1641020400`, `"startTime": 1641020400000`} {
		api := newTestAPI(t)
		api.respond(opConferenceList, http.StatusOK, strings.Replace(fixture(t, "conference/getConferenceList.json"), example, odd, 1))
		_, err := api.client.Conference.List(context.Background(), confListExample())
		require.ErrorIs(t, err, ErrMalformedResponse, odd)
		assert.Contains(t, err.Error(), "startTime", odd)
		assert.NotErrorIs(t, err, ErrOutcomeUnknown)
	}
	api := newTestAPI(t)
	api.respond(opConferenceList, http.StatusOK, strings.Replace(fixture(t, "conference/getConferenceList.json"), example, `"startTime": "20170819"`, 1))
	res, err := api.client.Conference.List(context.Background(), confListExample())
	require.NoError(t, err)
	found := false
	for _, c := range res.Conferences {
		found = found || c.StartTime.Equal(time.Date(2017, 8, 19, 0, 0, 0, 0, Beijing))
	}
	assert.True(t, found)
}

// The same number in the answer to reserving a meeting (seed 001 §1, whose
// startTime is "2020-09-08 20:00:00") must not fail the call that booked
// it: the time stays zero and the text is set aside.
func TestTextFieldUnixInWriteAnswerIsSetAside(t *testing.T) {
	api := newTestAPI(t)
	body := strings.Replace(fixture(t, "conference/reservConference2.json"), `"startTime": "2020-09-08 20:00:00"`, `"startTime": "1641020400"`, 1)
	api.respond(opConferenceCreate, http.StatusOK, body)
	var info ResponseInfo
	res, err := api.client.Conference.Create(context.Background(), confCreateExample(), CaptureResponse(&info))
	require.NoError(t, err)
	assert.Equal(t, "239139091", res.ConferenceID)
	assert.True(t, res.StartTime.IsZero())
	confAssertBeijing(t, "2020-09-08 22:00:00", res.EndTime)
	assert.Equal(t, []UnparsedField{{Field: "startTime", Text: "1641020400"}}, info.Unparsed)
}
