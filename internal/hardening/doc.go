// Package hardening holds end-to-end tests of teramotc's safety promises for
// untrusted pull requests: the offline commands run without any network, and
// no output, log, plan file or error message carries a secret.
package hardening
