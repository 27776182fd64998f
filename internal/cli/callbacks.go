package cli

import "github.com/spf13/cobra"

func (a *app) callbacksCommand() *cobra.Command {
	return &cobra.Command{Use: "callbacks", Short: "Receive the callbacks Quanshi pushes"}
}
