//go:build !go1.27

package hclcol

import "github.com/apparentlymart/go-textseg/v15/textseg"

// HCL segments with the textseg release of its Go version's Unicode tables.
var scanGraphemeClusters = textseg.ScanGraphemeClusters
