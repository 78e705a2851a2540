package difftest

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	gstrconv "gol.test/strconv"
	gstrings "gol.test/strings"
	gunicode "gol.test/unicode"
	gutf8 "gol.test/unicode/utf8"
)

// Inputs with ASCII, multi-byte runes, invalid and truncated encodings,
// surrogates and overlong forms.
var texts = []string{
	"", "a", "abc", "héllo, wörld", "日本語", "\U0001F600x", "\xff", "a\xffb", "\xc3", "\xc3(",
	"\xe2\x82", "\xe2\x82\xac", "\xed\xa0\x80", "\xc0\x80", "\xf4\x90\x80\x80", "\xf0\x9f\x98",
	"  spaced  out\t\n", "x\u00a0y\u2028z", "a,b,,c,", "\x00\x7f", "ÀÉÎõü", "\xef\xbf\xbd",
}

func TestUTF8(t *testing.T) {
	for _, s := range texts {
		r1, n1 := gutf8.DecodeRuneInString(s)
		r2, n2 := utf8.DecodeRuneInString(s)
		if r1 != r2 || n1 != n2 {
			t.Errorf("DecodeRuneInString(%q) = %q,%d want %q,%d", s, r1, n1, r2, n2)
		}
		r1, n1 = gutf8.DecodeLastRuneInString(s)
		r2, n2 = utf8.DecodeLastRuneInString(s)
		if r1 != r2 || n1 != n2 {
			t.Errorf("DecodeLastRuneInString(%q) = %q,%d want %q,%d", s, r1, n1, r2, n2)
		}
		r1, n1 = gutf8.DecodeLastRune([]byte(s))
		if r1 != r2 || n1 != n2 {
			t.Errorf("DecodeLastRune(%q)", s)
		}
		r1, n1 = gutf8.DecodeRune([]byte(s))
		r2, n2 = utf8.DecodeRune([]byte(s))
		if r1 != r2 || n1 != n2 {
			t.Errorf("DecodeRune(%q)", s)
		}
		if gutf8.RuneCountInString(s) != utf8.RuneCountInString(s) || gutf8.RuneCount([]byte(s)) != utf8.RuneCount([]byte(s)) {
			t.Errorf("RuneCount(%q)", s)
		}
		if gutf8.ValidString(s) != utf8.ValidString(s) || gutf8.Valid([]byte(s)) != utf8.Valid([]byte(s)) {
			t.Errorf("Valid(%q)", s)
		}
		if gutf8.FullRuneInString(s) != utf8.FullRuneInString(s) {
			t.Errorf("FullRuneInString(%q) = %v", s, gutf8.FullRuneInString(s))
		}
	}
	for _, r := range []rune{-1, 0, 'a', 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xd800, 0xdfff, 0xe000, 0xffff, 0x10000, 0x10ffff, 0x110000, 1 << 30} {
		if gutf8.RuneLen(r) != utf8.RuneLen(r) || gutf8.ValidRune(r) != utf8.ValidRune(r) {
			t.Errorf("RuneLen/ValidRune(%x)", r)
		}
		var a, b [4]byte
		n1, n2 := gutf8.EncodeRune(a[:], r), utf8.EncodeRune(b[:], r)
		if n1 != n2 || a != b {
			t.Errorf("EncodeRune(%x)", r)
		}
		if string(gutf8.AppendRune([]byte("x"), r)) != string(utf8.AppendRune([]byte("x"), r)) {
			t.Errorf("AppendRune(%x)", r)
		}
	}
}

func TestStrings(t *testing.T) {
	isX := func(r rune) bool { return r == 'l' || r == ' ' || r == 'a' || r > 0x7f }
	for _, s := range texts {
		for _, u := range []string{"", "a", "l", "ö", ",", " ", "\xff", "abc", "lo"} {
			if gstrings.Contains(s, u) != strings.Contains(s, u) || gstrings.ContainsAny(s, u) != strings.ContainsAny(s, u) ||
				gstrings.HasPrefix(s, u) != strings.HasPrefix(s, u) || gstrings.HasSuffix(s, u) != strings.HasSuffix(s, u) ||
				gstrings.TrimPrefix(s, u) != strings.TrimPrefix(s, u) || gstrings.TrimSuffix(s, u) != strings.TrimSuffix(s, u) ||
				gstrings.IndexAny(s, u) != strings.IndexAny(s, u) || gstrings.LastIndexAny(s, u) != strings.LastIndexAny(s, u) ||
				gstrings.Compare(s, u) != strings.Compare(s, u) || gstrings.ReplaceAll(s, u, "<>") != strings.ReplaceAll(s, u, "<>") {
				t.Errorf("strings functions differ on %q, %q", s, u)
			}
			b1, a1, f1 := gstrings.Cut(s, u)
			b2, a2, f2 := strings.Cut(s, u)
			if b1 != b2 || a1 != a2 || f1 != f2 {
				t.Errorf("Cut(%q, %q)", s, u)
			}
		}
		if gstrings.IndexFunc(s, isX) != strings.IndexFunc(s, isX) || gstrings.LastIndexFunc(s, isX) != strings.LastIndexFunc(s, isX) ||
			gstrings.TrimFunc(s, isX) != strings.TrimFunc(s, isX) || gstrings.TrimLeftFunc(s, isX) != strings.TrimLeftFunc(s, isX) ||
			gstrings.TrimRightFunc(s, isX) != strings.TrimRightFunc(s, isX) ||
			!reflect.DeepEqual(gstrings.FieldsFunc(s, isX), strings.FieldsFunc(s, isX)) ||
			gstrings.ToValidUTF8(s, "?") != strings.ToValidUTF8(s, "?") {
			t.Errorf("func-taking strings functions differ on %q", s)
		}
	}
	for _, elems := range [][]string{nil, {}, {"a"}, {"a", "b"}, {"", "", ""}, {"héllo", "wörld", "!"}} {
		for _, sep := range []string{"", ", ", "é"} {
			if gstrings.Join(elems, sep) != strings.Join(elems, sep) {
				t.Errorf("Join(%q, %q)", elems, sep)
			}
		}
	}
}

func TestBuilderAndReader(t *testing.T) {
	var b gstrings.Builder
	var w strings.Builder
	for i, s := range texts {
		b.WriteString(s)
		w.WriteString(s)
		b.WriteByte(byte(i))
		w.WriteByte(byte(i))
		b.WriteRune(rune(i*977) - 5)
		w.WriteRune(rune(i*977) - 5)
		b.Write([]byte(s))
		w.Write([]byte(s))
		if b.String() != w.String() || b.Len() != w.Len() {
			t.Fatalf("Builder differs after %d", i)
		}
	}
	b.Grow(1000)
	if b.Cap()-b.Len() < 1000 {
		t.Error("Grow")
	}
	b.Reset()
	if b.Len() != 0 || b.String() != "" {
		t.Error("Reset")
	}
	s := "héllo\xff wörld 日本語"
	gr, wr := gstrings.NewReader(s), strings.NewReader(s)
	for i := 0; ; i++ {
		var r1, r2 rune
		var n1, n2 int
		var e1, e2 error
		switch i % 4 {
		case 0, 1:
			r1, n1, e1 = gr.ReadRune()
			r2, n2, e2 = wr.ReadRune()
		case 2:
			var b1, b2 byte
			b1, e1 = gr.ReadByte()
			b2, e2 = wr.ReadByte()
			r1, r2 = rune(b1), rune(b2)
		case 3:
			if (gr.UnreadRune() == nil) != (wr.UnreadRune() == nil) {
				t.Fatal("UnreadRune")
			}
		}
		if r1 != r2 || n1 != n2 || (e1 == nil) != (e2 == nil) || gr.Len() != wr.Len() {
			t.Fatalf("Reader step %d: %q %d %v vs %q %d %v", i, r1, n1, e1, r2, n2, e2)
		}
		if e1 != nil {
			break
		}
	}
	gr.Reset("abcdef")
	buf := make([]byte, 4)
	n, err := gr.Read(buf)
	if n != 4 || err != nil || string(buf) != "abcd" {
		t.Error("Read")
	}
	if pos, err := gr.Seek(-1, 2); pos != 5 || err != nil {
		t.Error("Seek")
	}
	var sb strings.Builder
	if n, err := gr.WriteTo(&sb); n != 1 || err != nil || sb.String() != "f" {
		t.Error("WriteTo")
	}
}

func TestReplacer(t *testing.T) {
	pairs := [][]string{
		{"a", "1", "b", "2"},
		{"abc", "X", "ab", "Y", "a", "Z"},
		{"a", "Z", "ab", "Y"},
		{"", "-"},
		{"<", "&lt;", ">", "&gt;", "&", "&amp;"},
		{"hello", "bye", "", "+"},
		{"é", "e", "ö", "o"},
		{"aaa", "3", "aa", "2"},
	}
	inputs := []string{"", "abc", "abcabd", "aaaaa", "<a href=\"x\">&</a>", "héllo wörld", "hellohello", "\xffa\xff"}
	for _, p := range pairs {
		g, w := gstrings.NewReplacer(p...), strings.NewReplacer(p...)
		for _, in := range inputs {
			if got, want := g.Replace(in), w.Replace(in); got != want {
				t.Errorf("NewReplacer(%q).Replace(%q) = %q, want %q", p, in, got, want)
			}
		}
	}
}

func TestUnicodeIs(t *testing.T) {
	for r := rune(-1); r < 0x20000; r += 7 {
		if gunicode.Is(gunicode.Letter, r) != unicode.Is(unicode.Letter, r) ||
			gunicode.Is(gunicode.Han, r) != unicode.Is(unicode.Han, r) ||
			gunicode.In(r, gunicode.Digit, gunicode.Space) != unicode.In(r, unicode.Digit, unicode.Space) ||
			gunicode.Is(gunicode.Upper, r) != unicode.IsUpper(r) {
			t.Fatalf("Is(%x)", r)
		}
	}
}

func TestStrconvInts(t *testing.T) {
	for _, v := range []int64{0, 1, -1, 9, 10, 99, 100, 12345, -12345, 1<<31 - 1, -1 << 31, 1<<63 - 1, -1 << 63} {
		if gstrconv.Itoa(int(v)) != strconv.Itoa(int(v)) {
			t.Errorf("Itoa(%d)", v)
		}
		for _, base := range []int{2, 8, 10, 16, 36} {
			if gstrconv.FormatInt(v, base) != strconv.FormatInt(v, base) || gstrconv.FormatUint(uint64(v), base) != strconv.FormatUint(uint64(v), base) {
				t.Errorf("FormatInt(%d, %d)", v, base)
			}
			if string(gstrconv.AppendInt([]byte("x"), v, base)) != string(strconv.AppendInt([]byte("x"), v, base)) {
				t.Errorf("AppendInt")
			}
		}
	}
	inputs := []string{"", "0", "1", "-1", "+1", "12345", "-12345", "123a", "a", "0x1f", "0X1F", "0b101", "0o17", "017", "08",
		"0x", "1_000", "0x_1f", "0x1__f", "_1", "1_", "0_1", "127", "128", "-128", "-129", "255", "256",
		"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
		"18446744073709551615", "18446744073709551616", "99999999999999999999999", "-", "+", " 1", "1 ", "zz", "ZZ"}
	for _, s := range inputs {
		for _, base := range []int{0, 2, 8, 10, 16, 36, 1, 37} {
			for _, bits := range []int{0, 8, 16, 32, 64, 65} {
				i1, e1 := gstrconv.ParseInt(s, base, bits)
				i2, e2 := strconv.ParseInt(s, base, bits)
				if i1 != i2 || errString(e1) != errString(e2) {
					t.Errorf("ParseInt(%q, %d, %d) = %d, %v; want %d, %v", s, base, bits, i1, e1, i2, e2)
				}
				u1, e1 := gstrconv.ParseUint(s, base, bits)
				u2, e2 := strconv.ParseUint(s, base, bits)
				if u1 != u2 || errString(e1) != errString(e2) {
					t.Errorf("ParseUint(%q, %d, %d) = %d, %v; want %d, %v", s, base, bits, u1, e1, u2, e2)
				}
			}
		}
		a1, e1 := gstrconv.Atoi(s)
		a2, e2 := strconv.Atoi(s)
		if a1 != a2 || errString(e1) != errString(e2) {
			t.Errorf("Atoi(%q) = %d, %v; want %d, %v", s, a1, e1, a2, e2)
		}
		b1, e1 := gstrconv.ParseBool(s)
		b2, e2 := strconv.ParseBool(s)
		if b1 != b2 || errString(e1) != errString(e2) {
			t.Errorf("ParseBool(%q)", s)
		}
	}
	_, err := gstrconv.Atoi("x")
	if ne, ok := err.(*gstrconv.NumError); !ok || ne.Unwrap() != gstrconv.ErrSyntax {
		t.Error("Atoi error is not a *NumError wrapping ErrSyntax")
	}
	for _, s := range []string{"true", "True", "TRUE", "t", "T", "1", "false", "F", "0", "yes"} {
		b1, e1 := gstrconv.ParseBool(s)
		b2, e2 := strconv.ParseBool(s)
		if b1 != b2 || errString(e1) != errString(e2) {
			t.Errorf("ParseBool(%q)", s)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func TestStrconvQuote(t *testing.T) {
	extra := []string{"\a\b\f\n\r\t\v\\\"'`", "\u00ad\u200b\ufeff\U000e0001", "\U0010ffff", "tab\there", "`raw`"}
	for _, s := range append(append([]string{}, texts...), extra...) {
		if gstrconv.Quote(s) != strconv.Quote(s) || gstrconv.QuoteToASCII(s) != strconv.QuoteToASCII(s) ||
			gstrconv.CanBackquote(s) != strconv.CanBackquote(s) {
			t.Errorf("Quote(%q) = %s, QuoteToASCII %s", s, gstrconv.Quote(s), gstrconv.QuoteToASCII(s))
		}
		for _, q := range []string{strconv.Quote(s), strconv.QuoteToASCII(s), "`" + s + "`", "'" + s + "'", s} {
			u1, e1 := gstrconv.Unquote(q)
			u2, e2 := strconv.Unquote(q)
			if u1 != u2 || (e1 == nil) != (e2 == nil) {
				t.Errorf("Unquote(%q) = %q, %v; want %q, %v", q, u1, e1, u2, e2)
			}
		}
	}
	for _, q := range []string{`'a'`, `'é'`, `'\x41'`, `'\u00e9'`, `'\''`, `'\"'`, `"\'"`, `'ab'`, `''`, `"\400"`, `"\377"`, `"\uD800"`, `"a`, `"\q"`, "\"a\nb\"", `"\U00110000"`} {
		u1, e1 := gstrconv.Unquote(q)
		u2, e2 := strconv.Unquote(q)
		if u1 != u2 || (e1 == nil) != (e2 == nil) {
			t.Errorf("Unquote(%s) = %q, %v; want %q, %v", q, u1, e1, u2, e2)
		}
	}
	for _, r := range []rune{'a', '\'', '"', '\\', '\n', 0, 0x7f, 'é', 0xad, 0xfeff, 0x1F600, 0x10ffff, -1, 0xd800, 0x110000} {
		if gstrconv.QuoteRune(r) != strconv.QuoteRune(r) || gstrconv.QuoteRuneToASCII(r) != strconv.QuoteRuneToASCII(r) {
			t.Errorf("QuoteRune(%x) = %s", r, gstrconv.QuoteRune(r))
		}
	}
}

func TestStringsSearchAndSplit(t *testing.T) {
	more := []string{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "abababababcababab", "xxyxxyxxyxxy", "\xff\xfe\xff", "a\u00a0\u2003b\u0085c  d\te\n"}
	subs := []string{"", "a", "ab", "aab", "aaab", "abc", "xy", "xxy", "yx", "é", "ö", "\xff", "\xfe\xff", " ", "lo", "日本", "ababc",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "héllo, wörld!"}
	all := append(append([]string{}, texts...), more...)
	for _, s := range all {
		for _, u := range subs {
			if gstrings.Index(s, u) != strings.Index(s, u) || gstrings.LastIndex(s, u) != strings.LastIndex(s, u) ||
				gstrings.Count(s, u) != strings.Count(s, u) {
				t.Errorf("Index/LastIndex/Count(%q, %q) = %d %d %d", s, u, gstrings.Index(s, u), gstrings.LastIndex(s, u), gstrings.Count(s, u))
			}
			for _, n := range []int{-1, 0, 1, 2, 3, 100} {
				if !reflect.DeepEqual(gstrings.SplitN(s, u, n), strings.SplitN(s, u, n)) ||
					!reflect.DeepEqual(gstrings.SplitAfterN(s, u, n), strings.SplitAfterN(s, u, n)) ||
					gstrings.Replace(s, u, "<R>", n) != strings.Replace(s, u, "<R>", n) ||
					gstrings.Replace(s, u, "", n) != strings.Replace(s, u, "", n) {
					t.Errorf("SplitN/SplitAfterN/Replace(%q, %q, %d): %q", s, u, n, gstrings.SplitN(s, u, n))
				}
			}
			if !reflect.DeepEqual(gstrings.Split(s, u), strings.Split(s, u)) || !reflect.DeepEqual(gstrings.SplitAfter(s, u), strings.SplitAfter(s, u)) {
				t.Errorf("Split(%q, %q)", s, u)
			}
			if gstrings.Trim(s, u) != strings.Trim(s, u) || gstrings.TrimLeft(s, u) != strings.TrimLeft(s, u) ||
				gstrings.TrimRight(s, u) != strings.TrimRight(s, u) {
				t.Errorf("Trim(%q, %q)", s, u)
			}
			if gstrings.EqualFold(s, u) != strings.EqualFold(s, u) {
				t.Errorf("EqualFold(%q, %q)", s, u)
			}
		}
		if !reflect.DeepEqual(gstrings.Fields(s), strings.Fields(s)) || gstrings.TrimSpace(s) != strings.TrimSpace(s) ||
			gstrings.ToUpper(s) != strings.ToUpper(s) || gstrings.ToLower(s) != strings.ToLower(s) || gstrings.ToTitle(s) != strings.ToTitle(s) {
			t.Errorf("Fields/TrimSpace/case of %q: %q %q", s, gstrings.Fields(s), gstrings.ToUpper(s))
		}
		for _, c := range []byte{'a', 'l', 0xff, 0} {
			if gstrings.IndexByte(s, c) != strings.IndexByte(s, c) || gstrings.LastIndexByte(s, c) != strings.LastIndexByte(s, c) {
				t.Errorf("IndexByte(%q, %q)", s, c)
			}
		}
		for _, r := range []rune{'a', 'é', 0xfffd, -1, 0xd800, 0x110000, '日', 0x1F600} {
			if gstrings.IndexRune(s, r) != strings.IndexRune(s, r) || gstrings.ContainsRune(s, r) != strings.ContainsRune(s, r) {
				t.Errorf("IndexRune(%q, %x)", s, r)
			}
		}
		drop := func(r rune) rune {
			if r == 'l' {
				return -1
			}
			if r == 'a' {
				return 0x110000
			}
			return r + 1
		}
		if gstrings.Map(drop, s) != strings.Map(drop, s) || gstrings.Map(func(r rune) rune { return r }, s) != strings.Map(func(r rune) rune { return r }, s) {
			t.Errorf("Map(%q)", s)
		}
	}
	folds := [][2]string{{"Go", "GO"}, {"straße", "STRASSE"}, {"ǅ", "ǆ"}, {"K", "\u212a"}, {"σ", "ς"}, {"Σ", "ς"}, {"ß", "ẞ"}, {"a\xff", "A\xff"}, {"é", "É"}, {"ab", "a"}}
	for _, f := range folds {
		if gstrings.EqualFold(f[0], f[1]) != strings.EqualFold(f[0], f[1]) {
			t.Errorf("EqualFold(%q, %q)", f[0], f[1])
		}
	}
	for _, n := range []int{0, 1, 2, 3, 7, 64} {
		for _, s := range []string{"", "a", "ab", "héllo"} {
			if gstrings.Repeat(s, n) != strings.Repeat(s, n) {
				t.Errorf("Repeat(%q, %d)", s, n)
			}
		}
	}
}
