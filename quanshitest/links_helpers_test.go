package quanshitest_test

import "github.com/quanshi-sdk/quanshi-go"

// linkOf unwraps a link result into its URL ("" on error).
func linkOf(l *quanshi.ConferenceLink, err error) (string, error) {
	if err != nil {
		return "", err
	}
	return l.URL, nil
}

// launchOf unwraps a launch-string result ("" on error).
func launchOf(l *quanshi.ConferenceLaunchString, err error) (string, error) {
	if err != nil {
		return "", err
	}
	return l.LaunchString, nil
}

// startOf unwraps a start-link result ("" on error).
func startOf(l *quanshi.UMeetingStartLink, err error) (string, error) {
	if err != nil {
		return "", err
	}
	return l.StartURL, nil
}
