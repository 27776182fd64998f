// Command quanshi calls the Quanshi conference and event APIs and the
// umeeting API from the shell: one command per SDK method, tables for people
// and JSON for scripts, the sandbox, and a callback listener.
//
//	go install github.com/quanshi-sdk/quanshi-go/cmd/quanshi@latest
//	quanshi --sandbox conference list --host 81299515
//
// Run "quanshi --help" for the commands, the environment variables and the
// exit codes.
package main

import (
	"os"

	"github.com/quanshi-sdk/quanshi-go/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
