package quanshitest

import "github.com/quanshi-sdk/quanshi-go/internal/wire"

// sandboxTypes decodes requests with the API's lenient rules; every type a
// request decodes into is registered (lenient_gen.go, generated from the
// source by TestLenientRegistrations).
var sandboxTypes = wire.NewTypes(registerSandboxTypes)
