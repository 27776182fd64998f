package quanshi

// The "needed" client's answers: only the members its code reads, written
// the way a user writes them against the documentation (plain types,
// envelope and payload in one struct).
type (
	neededStatus struct {
		Status int64  `json:"status"`
		Msg    string `json:"msg"`
		Result struct {
			ConfStatus int64 `json:"confStatus"`
			Attendees  int64 `json:"attendees"`
		} `json:"result"`
	}

	neededMeetings struct {
		Status int64  `json:"status"`
		Msg    string `json:"msg"`
		Result []struct {
			ConferenceID    string `json:"conferenceId"`
			Title           string `json:"title"`
			StartTime       int64  `json:"startTime"`
			EndTime         int64  `json:"endTime"`
			HostName        string `json:"hostName"`
			HostJoinURL     string `json:"hostJoinUrl"`
			AttendeeJoinURL string `json:"attendeeJoinUrl"`
			Pcode1          string `json:"pcode1"`
			Pcode2          string `json:"pcode2"`
		} `json:"result"`
	}

	neededReport struct {
		Status int64  `json:"status"`
		Msg    string `json:"msg"`
		Result struct {
			Summary struct {
				ConfTitle string `json:"confTitle"`
				StartTime string `json:"startTime"`
				EndTime   string `json:"endTime"`
				TotalNum  int64  `json:"totalNum"`
			} `json:"summary"`
			Attendees []struct {
				Name        string `json:"name"`
				Email       string `json:"email"`
				JoinTime    string `json:"joinTime"`
				OfflineTime string `json:"offlineTime"`
				TotalTime   string `json:"totalTime"`
			} `json:"attendees"`
		} `json:"result"`
	}

	neededEventCreate struct {
		Code int64  `json:"code"`
		Msg  string `json:"msg"`
		Data struct {
			EventID      int64  `json:"eventId"`
			ConferenceID string `json:"conferenceId"`
			HostJoinURL  string `json:"hostJoinUrl"`
			GuestJoinURL string `json:"guestJoinUrl"`
			AudienceURL  string `json:"audienceUnionUrl"`
		} `json:"data"`
	}

	neededEvents struct {
		Code int64  `json:"code"`
		Msg  string `json:"msg"`
		Data []struct {
			EventID      int64  `json:"eventId"`
			Title        string `json:"title"`
			StartTime    int64  `json:"startTime"`
			EndTime      int64  `json:"endTime"`
			ConferenceID string `json:"conferenceId"`
			HostJoinURL  string `json:"hostJoinUrl"`
			AudienceURL  string `json:"audienceUnionUrl"`
		} `json:"data"`
	}

	neededSchedule struct {
		Status  int64  `json:"status"`
		Message string `json:"message"`
		Data    struct {
			MeetingID string `json:"meeting_id"`
			JoinURL   string `json:"join_url"`
			StartURL  string `json:"start_url"`
			HostKey   string `json:"host_key"`
		} `json:"data"`
	}

	neededUMeetingPage struct {
		Status  int64  `json:"status"`
		Message string `json:"message"`
		Data    struct {
			TotalRecord int64 `json:"total_record"`
			HasNextPage bool  `json:"has_next_page"`
			Meetings    []struct {
				ID        int64  `json:"id"`
				Topic     string `json:"topic"`
				StartTime string `json:"start_time"`
				Duration  string `json:"duration"`
				JoinURL   string `json:"join_url"`
				Status    string `json:"status"`
			} `json:"meetings"`
		} `json:"data"`
	}
)

func (e *neededStatus) businessCode() int64       { return e.Status }
func (e *neededMeetings) businessCode() int64     { return e.Status }
func (e *neededReport) businessCode() int64       { return e.Status }
func (e *neededEventCreate) businessCode() int64  { return e.Code }
func (e *neededEvents) businessCode() int64       { return e.Code }
func (e *neededSchedule) businessCode() int64     { return e.Status }
func (e *neededUMeetingPage) businessCode() int64 { return e.Status }
