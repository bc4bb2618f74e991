package apply

import "testing"

// TestEndpointWithoutPassword: the password of an endpoint's userinfo is
// masked whatever the scheme, also in a value that is not a URL with a
// host, so that the error saying so does not print it.
func TestEndpointWithoutPassword(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"no userinfo", "http://127.0.0.1:9", "http://127.0.0.1:9"},
		{"user without a password", "http://u@127.0.0.1:9", "http://u@127.0.0.1:9"},
		{"http", "http://u:pw@127.0.0.1:9/x", "http://u:xxxxx@127.0.0.1:9/x"},
		{"another scheme", "ftp://u:pw@127.0.0.1:9", "ftp://u:xxxxx@127.0.0.1:9"},
		{"no scheme", "u:pw@127.0.0.1:9", "u:xxxxx@127.0.0.1:9"},
		{"does not parse", "http://u:p w@host:9/a", "http://u:xxxxx@host:9/a"},
		{"@ in the password", "u:p@w@host", "u:xxxxx@host"},
		{"@ in the path only", "http://host/a@b", "http://host/a@b"},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := EndpointWithoutPassword(tc.in); got != tc.want {
				t.Errorf("EndpointWithoutPassword(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
