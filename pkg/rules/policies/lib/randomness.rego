# The randomness estimate of TMC602 (trust/external_id_quality.rego): how
# many bits of an external id an attacker would have to guess, with words
# and pronounceable chunks counted for little or nothing.
package teramotc.lib.randomness

# estimate is the bits of randomness of v: each random character (random_part)
# adds log2 of the alphabet of all of them, each letter of a pronounceable
# chunk (spoken) 2 bits.
estimate(v) := (count(r) * alphabet_bits(r)) + (2 * spoken_letters(v)) if r := random_part(v)

# random_part is v without its separators and its words. A part between
# separators that holds a digit and is a hexadecimal number counts whole:
# its letters are digits ("deadbeef01"). Every other part is cut into
# chunks: digits, and letters in one case or capitalized ("MyExternalId":
# "My", "External", "Id"). A chunk of letters adds nothing when it is a
# listed word (words), little when it is pronounceable (spoken_letters);
# otherwise the listed words of 4 letters or more in it are dropped
# ("mysecretvalue" keeps "my") and the rest counts.
random_part(v) := concat("", [c.random | some c in classified(v)])

spoken_letters(v) := sum([c.spoken | some c in classified(v)])

classified(v) := [c |
	some part in regex.split(`[+=,.@:/_-]`, v)
	some c in part_runs(part)
]

part_runs(part) := [{"random": part, "spoken": 0}] if {
	regex.match(`[0-9]`, part)
	regex.match(`^([0-9a-f]+|[0-9A-F]+)$`, part)
} else := [classify(chunk, mixed, i) |
	mixed := mixed_case(part)
	some i, chunk in regex.find_n(`[A-Z][a-z]+|[a-z]+|[A-Z]+|[0-9]+`, part, -1)
]

mixed_case(part) if {
	regex.match(`[a-z]`, part)
	regex.match(`[A-Z]`, part)
} else := false

classify(chunk, mixed, i) := {"random": chunk, "spoken": 0} if {
	regex.match(`^[0-9]+$`, chunk)
} else := {"random": chunk, "spoken": 0} if {
	not may_be_word(chunk, mixed, i)
} else := {"random": "", "spoken": 0} if {
	lower(chunk) in words
} else := {"random": "", "spoken": count(chunk)} if {
	pronounceable(lower(chunk))
} else := {"random": strings.replace_n(long_words, lower(chunk)), "spoken": 0} if {
	strings.replace_n(long_words, lower(chunk)) != lower(chunk)
} else := {"random": chunk, "spoken": 0}

# may_be_word: in a part of one case every chunk may be a word; in a part
# of both cases ("MyExternalId", camel case) only a capitalized chunk or
# the first one. Other chunks of such a part ("XOJ" and "of" in "XOJofR")
# are pieces of random text.
may_be_word(_, false, _)

may_be_word(chunk, true, _) if regex.match(`^[A-Z][a-z]+$`, chunk)

may_be_word(_, true, 0)

# word_chunk: a chunk of letters (lower-cased) that counts as a word.
word_chunk(l) if l in words

word_chunk(l) if pronounceable(l)

# pronounceable: 5 to 12 letters, 35 % or more of them vowels (a e i o u),
# and no 3 consonants or 3 vowels in a row ("teramot", "contoso"; not
# "mqvwa", "hxkeo", "ykakvoslhupziyltipv"). Random letters pass this now
# and then ("uirweqofgich"), so such a chunk still adds 2 bits a letter,
# about what a made-up name is worth, not the 4.7 of random letters.
pronounceable(l) if {
	count(l) >= 5
	count(l) <= 12
	not regex.match(`[^aeiou]{3}|[aeiou]{3}`, l)
	count(regex.find_n(`[aeiou]`, l, -1)) * 20 >= count(l) * 7
}

# words are common words of external ids that the pronounceable test
# misses or that are too short for it.
words := {
	"a", "an", "the", "my", "our", "your", "its", "for", "of", "to", "and", "by", "from", "with", "new", "old",
	"id", "ids", "ext", "external", "internal", "unique", "secret", "secrets", "key", "keys", "pass", "password",
	"token", "code", "value", "string", "random", "partner", "partners", "customer", "client", "vendor",
	"another", "other", "account", "accounts", "role", "roles", "access", "trust", "cross", "bucket", "data",
	"read", "write", "admin", "user", "users", "team", "company", "corp", "inc", "ltd", "org", "app", "api",
	"service", "services", "integration", "connect", "connector", "sync", "export", "import", "share", "shared",
	"prod", "production", "staging", "stage", "dev", "test", "demo", "temp", "main", "primary", "backup", "archive",
	"log", "logs", "auth", "login", "sso", "aws", "iam", "sts", "tmc", "teramot", "teramotc", "long", "short", "first",
	"second", "north", "south", "east", "west", "alpha", "beta", "gamma", "delta", "zeta", "omega", "acme",
	"foo", "bar", "baz", "northwind", "snowflake", "datadog", "storage",
}

long_words := {w: "" | some w in words; count(w) >= 4}

# alphabet_bits is log2 of the alphabet r is drawn from: digits (10),
# hexadecimal digits in one case (16), letters of one case (26) and digits
# (36), letters of both cases (52) and digits (62).
alphabet_bits(r) := 0 if r == ""

else := 3.3219 if regex.match(`^[0-9]+$`, r)

else := 4 if regex.match(`^([0-9a-f]+|[0-9A-F]+)$`, r)

else := bits[[regex.match(`[0-9]`, r), regex.match(`[a-z]`, r), regex.match(`[A-Z]`, r)]]

bits := {
	[false, true, false]: 4.7004, [false, false, true]: 4.7004,
	[true, true, false]: 5.1699, [true, false, true]: 5.1699,
	[false, true, true]: 5.7004, [true, true, true]: 5.9542,
}

# keyboard_walk: s (lower case, no separators) is made wholly of pieces of 3
# or more keys that follow each other on a row or a column of a QWERTY or
# AZERTY keyboard, in either direction ("qwertyuiop", "zxcvbnmasdfghjkl",
# "poiuytreza", "1qaz2wsx3edc"): the first ids a password list tries
# (review leak2 L6). Random ids are almost never cut into such pieces: one
# of 3 random letters or digits in about 400 is a piece, and every
# character of s must be in one.
keyboard_walk(s) if regex.match(walk_pattern, s)

# keyboard_lines are the rows and columns walk_pattern is built from.
keyboard_lines := [
	"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm",
	"azertyuiop", "qsdfghjklm", "wxcvbn",
	"1qaz", "2wsx", "3edc", "4rfv", "5tgb", "6yhn", "7ujm", "8ik", "9ol",
	"1azw", "2zsx", "7uj", "0pm",
]

# walk_pattern matches a string of walk pieces: every substring of 3 or more
# of a keyboard line or of its reverse. It is written out, not built from
# keyboard_lines at each evaluation; randomness_test checks that it is what
# keyboard_lines give.
walk_pattern := `^(?:098|0987|09876|098765|0987654|09876543|098765432|0987654321|0pm|123|1234|12345|123456|1234567|12345678|123456789|1234567890|1az|1azw|1qa|1qaz|234|2345|23456|234567|2345678|23456789|234567890|2ws|2wsx|2zs|2zsx|321|345|3456|34567|345678|3456789|34567890|3ed|3edc|432|4321|456|4567|45678|456789|4567890|4rf|4rfv|543|5432|54321|567|5678|56789|567890|5tg|5tgb|654|6543|65432|654321|678|6789|67890|6yh|6yhn|765|7654|76543|765432|7654321|789|7890|7uj|7ujm|876|8765|87654|876543|8765432|87654321|890|8ik|987|9876|98765|987654|9876543|98765432|987654321|9ol|aq1|asd|asdf|asdfg|asdfgh|asdfghj|asdfghjk|asdfghjkl|aze|azer|azert|azerty|azertyu|azertyui|azertyuio|azertyuiop|azw|bgt|bgt5|bnm|bvc|bvcx|bvcxw|bvcxz|cde|cde3|cvb|cvbn|cvbnm|cxw|cxz|de3|dfg|dfgh|dfghj|dfghjk|dfghjkl|dfghjklm|dsa|dsq|edc|ert|erty|ertyu|ertyui|ertyuio|ertyuiop|ewq|eza|fds|fdsa|fdsq|fgh|fghj|fghjk|fghjkl|fghjklm|fr4|gfd|gfds|gfdsa|gfdsq|ghj|ghjk|ghjkl|ghjklm|gt5|hgf|hgfd|hgfds|hgfdsa|hgfdsq|hjk|hjkl|hjklm|hy6|iop|iuy|iuyt|iuytr|iuytre|iuytrew|iuytrewq|iuytrez|iuytreza|jhg|jhgf|jhgfd|jhgfds|jhgfdsa|jhgfdsq|jkl|jklm|ju7|ki8|kjh|kjhg|kjhgf|kjhgfd|kjhgfds|kjhgfdsa|kjhgfdsq|klm|lkj|lkjh|lkjhg|lkjhgf|lkjhgfd|lkjhgfds|lkjhgfdsa|lkjhgfdsq|lo9|mju|mju7|mlk|mlkj|mlkjh|mlkjhg|mlkjhgf|mlkjhgfd|mlkjhgfds|mlkjhgfdsq|mnb|mnbv|mnbvc|mnbvcx|mnbvcxz|mp0|nbv|nbvc|nbvcx|nbvcxw|nbvcxz|nhy|nhy6|oiu|oiuy|oiuyt|oiuytr|oiuytre|oiuytrew|oiuytrewq|oiuytrez|oiuytreza|poi|poiu|poiuy|poiuyt|poiuytr|poiuytre|poiuytrew|poiuytrewq|poiuytrez|poiuytreza|qaz|qsd|qsdf|qsdfg|qsdfgh|qsdfghj|qsdfghjk|qsdfghjkl|qsdfghjklm|qwe|qwer|qwert|qwerty|qwertyu|qwertyui|qwertyuio|qwertyuiop|rew|rewq|rez|reza|rfv|rty|rtyu|rtyui|rtyuio|rtyuiop|sdf|sdfg|sdfgh|sdfghj|sdfghjk|sdfghjkl|sdfghjklm|sw2|sz2|tgb|tre|trew|trewq|trez|treza|tyu|tyui|tyuio|tyuiop|uio|uiop|ujm|uyt|uytr|uytre|uytrew|uytrewq|uytrez|uytreza|vbn|vbnm|vcx|vcxw|vcxz|vfr|vfr4|wer|wert|werty|wertyu|wertyui|wertyuio|wertyuiop|wsx|wxc|wxcv|wxcvb|wxcvbn|wza|wza1|xcv|xcvb|xcvbn|xcvbnm|xsw|xsw2|xsz|xsz2|yhn|ytr|ytre|ytrew|ytrewq|ytrez|ytreza|yui|yuio|yuiop|za1|zaq|zaq1|zer|zert|zerty|zertyu|zertyui|zertyuio|zertyuiop|zsx|zxc|zxcv|zxcvb|zxcvbn|zxcvbnm)+$`
