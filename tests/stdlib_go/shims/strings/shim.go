package strings

import gostrings "strings"

func Title(s string) string       { return gostrings.Title(s) }
func (b *Builder) String() string { return string(b.buf) }
