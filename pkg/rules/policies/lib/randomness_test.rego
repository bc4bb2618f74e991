package teramotc.lib.randomness_test

import data.teramotc.lib.randomness

# walk_pattern is written out: it must be the pieces of keyboard_lines.
test_walk_pattern_matches_keyboard_lines if {
	pieces := {p |
		some line in randomness.keyboard_lines
		some l in [line, strings.reverse(line)]
		some n in numbers.range(3, count(l))
		some i in numbers.range(0, count(l) - n)
		p := substring(l, i, n)
	}
	randomness.walk_pattern == sprintf("^(?:%s)+$", [concat("|", sort(pieces))])
}

test_keyboard_walk if {
	every s in ["qwerty", "ytrewq", "qsdfghjklm", "wxcvbn", "1qaz2wsx", "0pm9ol", "zxcasdqwe", "qazwsx"] {
		randomness.keyboard_walk(s)
	}
	every s in ["", "qw", "qwertyx", "qawsx", "k3x9mqvwa7tpl0zr"] {
		not randomness.keyboard_walk(s)
	}
}
