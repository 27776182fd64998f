//go:build race

package quanshi

const raceEnabled = true
