// UTF-8 decoding and the formatting of code points in diagnostics.
//
// Decoding follows the UTF-8 definition Go uses: shortest forms only, no
// surrogates, nothing above U+10FFFF; anything else is one byte of
// RuneError, so the lexer can report it and step over exactly one byte.
#include "lang/unicode.h"

#include <algorithm>

#include <fmt/format.h>

namespace gol::lang {

bool inRanges(const CodeRange* table, size_t size, char32_t c) {
  const CodeRange* end = table + size;
  const CodeRange* it =
      std::upper_bound(table, end, c, [](char32_t v, const CodeRange& r) { return v < r.lo; });
  if (it == table) return false;
  --it;
  return c <= it->hi;
}

char32_t decodeUtf8(std::string_view s, int* width) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  auto cont = [&](size_t i) { return i < s.size() && (byte(i) & 0xC0) == 0x80; };
  unsigned char b0 = byte(0);
  *width = 1;
  if (b0 < 0x80) return b0;
  if (b0 >= 0xC2 && b0 <= 0xDF && cont(1)) {
    *width = 2;
    return (char32_t(b0 & 0x1F) << 6) | (byte(1) & 0x3F);
  }
  if (b0 >= 0xE0 && b0 <= 0xEF && cont(1) && cont(2)) {
    char32_t c = (char32_t(b0 & 0x0F) << 12) | (char32_t(byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return kRuneError;
    *width = 3;
    return c;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    char32_t c = (char32_t(b0 & 0x07) << 18) | (char32_t(byte(1) & 0x3F) << 12) |
                 (char32_t(byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
    if (c < 0x10000 || c > kMaxRune) return kRuneError;
    *width = 4;
    return c;
  }
  return kRuneError;
}

void appendUtf8(std::string& out, char32_t c) {
  if (c > kMaxRune || (c >= 0xD800 && c <= 0xDFFF)) c = kRuneError;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

namespace {

// Appends the Go escape of code point c as strconv.Quote writes it inside
// `quote` quotes: the named escapes, the quote and backslash, printable
// characters as themselves, the rest as \x, \u or \U.
void appendQuotedRune(std::string& out, char32_t c, char quote) {
  switch (c) {
    case '\a': out += "\\a"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    case '\v': out += "\\v"; return;
    case '\\': out += "\\\\"; return;
    default: break;
  }
  if (c == static_cast<char32_t>(quote)) {
    out += '\\';
    out += quote;
    return;
  }
  if (c > kMaxRune || (c >= 0xD800 && c <= 0xDFFF)) c = kRuneError;
  if (isUnicodePrint(c)) {
    appendUtf8(out, c);
  } else if (c < 0x20 || c == 0x7F) {
    out += fmt::format("\\x{:02x}", static_cast<uint32_t>(c));
  } else if (c < 0x10000) {
    out += fmt::format("\\u{:04x}", static_cast<uint32_t>(c));
  } else {
    out += fmt::format("\\U{:08x}", static_cast<uint32_t>(c));
  }
}

}  // namespace

std::string quoteRune(char32_t c) {
  std::string s = "'";
  appendQuotedRune(s, c, '\'');
  return s + "'";
}

std::string quoteString(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    int width = 1;
    char32_t c = decodeUtf8(s.substr(i), &width);
    if (c == kRuneError && width == 1) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[i]));
    } else {
      appendQuotedRune(out, c, '"');
    }
    i += static_cast<size_t>(width);
  }
  return out + "\"";
}

std::string formatCodePoint(char32_t c) {
  std::string s = fmt::format("U+{:04X}", static_cast<uint32_t>(c));
  if (c <= kMaxRune && !(c >= 0xD800 && c <= 0xDFFF) && isUnicodePrint(c)) {
    s += " '";
    appendUtf8(s, c);
    s += "'";
  }
  return s;
}

}  // namespace gol::lang
