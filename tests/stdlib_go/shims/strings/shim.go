package strings

import gostrings "strings"

func Index(s, substr string) int                   { return gostrings.Index(s, substr) }
func IndexByte(s string, c byte) int               { return gostrings.IndexByte(s, c) }
func IndexRune(s string, r rune) int               { return gostrings.IndexRune(s, r) }
func LastIndex(s, substr string) int               { return gostrings.LastIndex(s, substr) }
func LastIndexByte(s string, c byte) int           { return gostrings.LastIndexByte(s, c) }
func Count(s, substr string) int                   { return gostrings.Count(s, substr) }
func ToUpper(s string) string                      { return gostrings.ToUpper(s) }
func ToLower(s string) string                      { return gostrings.ToLower(s) }
func ToTitle(s string) string                      { return gostrings.ToTitle(s) }
func EqualFold(s, t string) bool                   { return gostrings.EqualFold(s, t) }
func Fields(s string) []string                     { return gostrings.Fields(s) }
func Split(s, sep string) []string                 { return gostrings.Split(s, sep) }
func SplitN(s, sep string, n int) []string         { return gostrings.SplitN(s, sep, n) }
func SplitAfter(s, sep string) []string            { return gostrings.SplitAfter(s, sep) }
func SplitAfterN(s, sep string, n int) []string    { return gostrings.SplitAfterN(s, sep, n) }
func Repeat(s string, count int) string            { return gostrings.Repeat(s, count) }
func Replace(s, old, new string, n int) string     { return gostrings.Replace(s, old, new, n) }
func TrimSpace(s string) string                    { return gostrings.TrimSpace(s) }
func Trim(s, cutset string) string                 { return gostrings.Trim(s, cutset) }
func TrimLeft(s, cutset string) string             { return gostrings.TrimLeft(s, cutset) }
func TrimRight(s, cutset string) string            { return gostrings.TrimRight(s, cutset) }
func Map(mapping func(rune) rune, s string) string { return gostrings.Map(mapping, s) }
func Title(s string) string                        { return gostrings.Title(s) }
func (b *Builder) String() string                  { return string(b.buf) }
