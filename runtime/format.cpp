// fmt's formatting engine (see format.h for the design).
//
// Layout of this file, in Go's order: quoting and IsPrint (strconv), float
// digits and layouts (strconv's ftoa and atof), the padding and number
// primitives (fmt's format.go), then the Printer, whose methods are named
// after print.go's: printArg, handleMethods, printValue, doPrintf.
//
// Invariants: a Value's address stays valid for the whole call (operands
// are copied by the natives before formatting starts, and nothing here
// allocates Gol memory); `fatal` set means stop at once and return false.
#include "runtime/format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "runtime/iface.h"
#include "runtime/map.h"
#include "runtime/unicode_tables.h"
#include "runtime/utf8.h"

namespace gol::rt {

namespace {

constexpr int32_t kMaxRune = 0x10FFFF;
constexpr std::string_view kLowerHex = "0123456789abcdef";
constexpr std::string_view kUpperHex = "0123456789ABCDEF";

bool validRune(int32_t r) { return r >= 0 && r <= kMaxRune && !(r >= 0xD800 && r <= 0xDFFF); }

void appendRune(std::string& out, int32_t r) {
  uint8_t b[4];
  uint32_t n = encodeRune(r, b);
  out.append(reinterpret_cast<const char*>(b), n);
}

size_t runeCount(std::string_view s) {
  size_t n = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  for (size_t i = 0; i < s.size(); n++) {
    if (p[i] < 0x80) {
      i++;
      continue;
    }
    i += decodeRune(p + i, s.size() - i).width;
  }
  return n;
}

void appendEscapedRune(std::string& out, int32_t r, char quote, bool asciiOnly) {
  if (r == quote || r == '\\') {
    out += '\\';
    out += static_cast<char>(r);
    return;
  }
  if (asciiOnly) {
    if (r < 0x80 && isPrintRune(r)) {
      out += static_cast<char>(r);
      return;
    }
  } else if (isPrintRune(r)) {
    appendRune(out, r);
    return;
  }
  switch (r) {
    case '\a': out += "\\a"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    case '\v': out += "\\v"; return;
    default: break;
  }
  if (r < ' ' || r == 0x7f) {
    out += "\\x";
    out += kLowerHex[(r >> 4) & 0xF];
    out += kLowerHex[r & 0xF];
    return;
  }
  if (!validRune(r)) r = kRuneError;
  int digits = r < 0x10000 ? 4 : 8;
  out += digits == 4 ? "\\u" : "\\U";
  for (int s = (digits - 1) * 4; s >= 0; s -= 4) out += kLowerHex[(r >> s) & 0xF];
}

bool canBackquote(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  for (size_t i = 0; i < s.size();) {
    DecodedRune d = decodeRune(p + i, s.size() - i);
    i += d.width;
    if (d.width > 1) {
      if (d.rune == 0xFEFF) return false;
      continue;
    }
    if (d.rune == kRuneError) return false;
    if ((d.rune < ' ' && d.rune != '\t') || d.rune == '`' || d.rune == 0x7F) return false;
  }
  return true;
}

// ---- float digits ----

// A decimal d[0] d[1] ... d[nd-1] with the point at dp: the value is
// 0.d0d1... * 10^dp. No trailing zeros; zero has nd == 0 and dp == 0.
struct Digits {
  std::string d;
  int dp = 0;
};

// Parses to_chars's scientific output "D[.DDD]e±XX" into Digits.
Digits parseScientific(const char* s, const char* end) {
  Digits out;
  const char* p = s;
  for (; p < end && *p != 'e'; p++)
    if (*p != '.') out.d += *p;
  int exp = 0;
  if (p < end) std::from_chars(p + (p[1] == '+' ? 2 : 1), end, exp);
  while (!out.d.empty() && out.d.back() == '0') out.d.pop_back();
  size_t lead = 0;
  while (lead < out.d.size() && out.d[lead] == '0') lead++;
  out.d.erase(0, lead);
  out.dp = out.d.empty() ? 0 : exp + 1;
  return out;
}

// Shortest digits of |v| that read back as the same float of bitSize.
Digits shortestDigits(double v, int bitSize) {
  char buf[64];
  std::to_chars_result r = bitSize == 32
                               ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(v),
                                               std::chars_format::scientific)
                               : std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  return parseScientific(buf, r.ptr);
}

// |v| correctly rounded to n >= 1 significant digits (trailing zeros trimmed).
Digits fixedDigits(double v, int n) {
  std::string buf(static_cast<size_t>(n) + 32, '\0');
  std::to_chars_result r = std::to_chars(buf.data(), buf.data() + buf.size(), v,
                                         std::chars_format::scientific, n - 1);
  return parseScientific(buf.data(), r.ptr);
}

void appendExponentDigits(std::string& out, int exp, int minDigits) {
  std::string digits = std::to_string(exp);
  for (int i = static_cast<int>(digits.size()); i < minDigits; i++) out += '0';
  out += digits;
}

// %e: d.ddddde±dd
void fmtE(std::string& out, bool neg, const Digits& d, int prec, char fmt) {
  if (neg) out += '-';
  int nd = static_cast<int>(d.d.size());
  out += nd != 0 ? d.d[0] : '0';
  if (prec > 0) {
    out += '.';
    int i = 1;
    int m = std::min(nd, prec + 1);
    if (i < m) {
      out.append(d.d, 1, static_cast<size_t>(m - 1));
      i = m;
    }
    for (; i <= prec; i++) out += '0';
  }
  out += fmt;
  int exp = nd == 0 ? 0 : d.dp - 1;
  out += exp < 0 ? '-' : '+';
  appendExponentDigits(out, exp < 0 ? -exp : exp, 2);
}

// %f: ddddd.ddddd
void fmtF(std::string& out, bool neg, const Digits& d, int prec) {
  if (neg) out += '-';
  int nd = static_cast<int>(d.d.size());
  if (d.dp > 0) {
    int m = std::min(nd, d.dp);
    out.append(d.d, 0, static_cast<size_t>(m));
    for (; m < d.dp; m++) out += '0';
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (int i = 1; i <= prec; i++) {
      int j = d.dp + i - 1;
      out += (j >= 0 && j < nd) ? d.d[static_cast<size_t>(j)] : '0';
    }
  }
}

struct FloatBits {
  uint64_t mant;
  int exp;  // unbiased: value = mant * 2^(exp - mantbits)
  bool neg;
  int mantbits;
};

FloatBits floatBits(double v, int bitSize) {
  FloatBits b{};
  if (bitSize == 32) {
    float f = static_cast<float>(v);
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    b.neg = (bits >> 31) != 0;
    b.mantbits = 23;
    int e = static_cast<int>((bits >> 23) & 0xFF);
    b.mant = bits & ((1u << 23) - 1);
    if (e == 0) e++;
    else b.mant |= uint64_t{1} << 23;
    b.exp = e - 127;
  } else {
    uint64_t bits;
    std::memcpy(&bits, &v, 8);
    b.neg = (bits >> 63) != 0;
    b.mantbits = 52;
    int e = static_cast<int>((bits >> 52) & 0x7FF);
    b.mant = bits & ((uint64_t{1} << 52) - 1);
    if (e == 0) e++;
    else b.mant |= uint64_t{1} << 52;
    b.exp = e - 1023;
  }
  return b;
}

// %b: -ddddp±ddd
void fmtB(std::string& out, const FloatBits& b) {
  if (b.neg) out += '-';
  out += std::to_string(b.mant);
  out += 'p';
  int exp = b.exp - b.mantbits;
  if (exp >= 0) out += '+';
  out += std::to_string(exp);
}

// %x: -0x1.yyyyyyp±ddd or -0x0p+00
void fmtX(std::string& out, int prec, char fmt, const FloatBits& b) {
  uint64_t mant = b.mant;
  int exp = b.exp;
  if (mant == 0) exp = 0;
  mant <<= 60 - b.mantbits;
  while (mant != 0 && (mant & (uint64_t{1} << 60)) == 0) {
    mant <<= 1;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    unsigned shift = static_cast<unsigned>(prec * 4);
    uint64_t extra = (mant << shift) & ((uint64_t{1} << 60) - 1);
    mant >>= 60 - shift;
    if ((extra | (mant & 1)) > (uint64_t{1} << 59)) mant++;
    mant <<= 60 - shift;
    if ((mant & (uint64_t{1} << 61)) != 0) {
      mant >>= 1;
      exp++;
    }
  }
  std::string_view hex = fmt == 'X' ? kUpperHex : kLowerHex;
  if (b.neg) out += '-';
  out += '0';
  out += fmt;
  out += static_cast<char>('0' + ((mant >> 60) & 1));
  mant <<= 4;
  if (prec < 0 && mant != 0) {
    out += '.';
    while (mant != 0) {
      out += hex[(mant >> 60) & 15];
      mant <<= 4;
    }
  } else if (prec > 0) {
    out += '.';
    for (int i = 0; i < prec; i++) {
      out += hex[(mant >> 60) & 15];
      mant <<= 4;
    }
  }
  out += fmt == 'X' ? 'P' : 'p';
  out += exp < 0 ? '-' : '+';
  appendExponentDigits(out, exp < 0 ? -exp : exp, 2);
}

// ---- parsing floats ----

char lowerAscii(char c) { return static_cast<char>(c | 0x20); }

size_t commonPrefixIgnoreCase(std::string_view s, std::string_view prefix) {
  size_t n = 0;
  while (n < s.size() && n < prefix.size() && lowerAscii(s[n]) == prefix[n]) n++;
  return n;
}

// strconv's underscoreOK: underscores only between digits (or after a
// base prefix).
bool underscoreOK(std::string_view s) {
  char saw = '^';
  size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' &&
      (lowerAscii(s[1]) == 'b' || lowerAscii(s[1]) == 'o' || lowerAscii(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = lowerAscii(s[1]) == 'x';
  }
  for (; i < s.size(); i++) {
    char c = s[i];
    if ((c >= '0' && c <= '9') || (hex && lowerAscii(c) >= 'a' && lowerAscii(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

}  // namespace

// strconv.IsPrint is unicode.IsPrint (Go documents them as the same set).
bool isPrintRune(int32_t r) { return unicode::isPrint(r); }

std::string quoteString(std::string_view s, bool asciiOnly) {
  std::string out = "\"";
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  for (size_t i = 0; i < s.size();) {
    DecodedRune d = decodeRune(p + i, s.size() - i);
    if (d.width == 1 && d.rune == kRuneError) {
      out += "\\x";
      out += kLowerHex[p[i] >> 4];
      out += kLowerHex[p[i] & 0xF];
    } else {
      appendEscapedRune(out, d.rune, '"', asciiOnly);
    }
    i += d.width;
  }
  out += '"';
  return out;
}

std::string quoteRune(int32_t r, bool asciiOnly) {
  if (!validRune(r)) r = kRuneError;
  std::string out = "'";
  appendEscapedRune(out, r, '\'', asciiOnly);
  out += '\'';
  return out;
}

std::string formatFloat(double v, char fmt, int prec, int bitSize) {
  if (bitSize != 32) bitSize = 64;
  if (bitSize == 32) v = static_cast<double>(static_cast<float>(v));
  std::string out;
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  bool neg = std::signbit(v);
  double a = std::fabs(v);
  if (fmt == 'b') {
    fmtB(out, floatBits(v, bitSize));
    return out;
  }
  if (fmt == 'x' || fmt == 'X') {
    fmtX(out, prec, fmt, floatBits(v, bitSize));
    return out;
  }
  if (fmt != 'e' && fmt != 'E' && fmt != 'f' && fmt != 'g' && fmt != 'G') {
    out += '%';
    out += fmt;
    return out;
  }
  bool shortest = prec < 0;
  Digits digs;
  if (shortest) {
    digs = shortestDigits(a, bitSize);
    int nd = static_cast<int>(digs.d.size());
    switch (fmt) {
      case 'e': case 'E': prec = std::max(nd - 1, 0); break;
      case 'f': prec = std::max(nd - digs.dp, 0); break;
      default: prec = nd; break;
    }
  } else if (fmt == 'f') {
    // Correctly rounded fixed notation, laid out as fmtF would.
    std::string buf(static_cast<size_t>(prec) + 330, '\0');
    std::to_chars_result r = std::to_chars(buf.data(), buf.data() + buf.size(), a,
                                           std::chars_format::fixed, prec);
    if (neg) out += '-';
    out.append(buf.data(), r.ptr);
    return out;
  } else {
    int n = prec + 1;
    if (fmt == 'g' || fmt == 'G') {
      if (prec == 0) prec = 1;
      n = prec;
    }
    digs = fixedDigits(a, n);
  }
  int nd = static_cast<int>(digs.d.size());
  switch (fmt) {
    case 'e': case 'E':
      fmtE(out, neg, digs, prec, fmt);
      return out;
    case 'f':
      fmtF(out, neg, digs, prec);
      return out;
    default: {
      int eprec = prec;
      if (eprec > nd && nd >= digs.dp) eprec = nd;
      // %e is used if the exponent from the conversion is less than -4 or
      // at least the precision; shortest output decides with precision 6.
      if (shortest) eprec = 6;
      int exp = digs.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > nd) prec = nd;
        fmtE(out, neg, digs, prec - 1, static_cast<char>(fmt + 'e' - 'g'));
        return out;
      }
      if (prec > digs.dp) prec = nd;
      fmtF(out, neg, digs, std::max(prec - digs.dp, 0));
      return out;
    }
  }
}

ParsedFloat parseFloat(std::string_view s, int bitSize) {
  ParsedFloat result;
  result.code = 1;
  if (s.empty()) return result;
  // Special values: [+-]inf, [+-]infinity, nan, in any case.
  {
    size_t nsign = 0;
    double sign = 1;
    std::string_view t = s;
    if (t[0] == '+' || t[0] == '-') {
      sign = t[0] == '-' ? -1 : 1;
      nsign = 1;
      t.remove_prefix(1);
    }
    if (!t.empty() && lowerAscii(t[0]) == 'i') {
      size_t n = commonPrefixIgnoreCase(t, "infinity");
      if (n > 3 && n < 8) n = 3;
      if ((n == 3 || n == 8) && nsign + n == s.size()) {
        result.value = sign * HUGE_VAL;
        result.code = 0;
        return result;
      }
      return result;
    }
    if (nsign == 0 && !t.empty() && lowerAscii(t[0]) == 'n') {
      if (commonPrefixIgnoreCase(t, "nan") == 3 && s.size() == 3) {
        result.value = std::nan("");
        result.code = 0;
      }
      return result;
    }
  }
  // Go's float syntax; the cleaned-up number (no sign, prefix or
  // underscores) goes to from_chars.
  size_t i = 0;
  bool neg = false;
  if (s[i] == '+' || s[i] == '-') {
    neg = s[i] == '-';
    i++;
  }
  bool hex = false;
  if (i + 1 < s.size() && s[i] == '0' && lowerAscii(s[i + 1]) == 'x') {
    hex = true;
    i += 2;
  }
  std::string clean;
  bool sawDot = false, sawDigits = false, underscores = false;
  // Decimal exponent implied by the mantissa's digits, to tell overflow
  // from underflow when from_chars reports a range error.
  int64_t magnitude = 0;
  bool sawNonzero = false;
  for (; i < s.size(); i++) {
    char c = s[i];
    if (c == '_') {
      underscores = true;
      continue;
    }
    if (c == '.') {
      if (sawDot) break;
      sawDot = true;
      clean += c;
      continue;
    }
    bool digit = (c >= '0' && c <= '9') || (hex && lowerAscii(c) >= 'a' && lowerAscii(c) <= 'f');
    if (!digit) break;
    sawDigits = true;
    clean += c;
    if (c != '0') sawNonzero = true;
    if (!sawDot && sawNonzero) magnitude++;
    if (sawDot && !sawNonzero) magnitude--;
  }
  if (!sawDigits) return result;
  char expChar = hex ? 'p' : 'e';
  if (i < s.size() && lowerAscii(s[i]) == expChar) {
    clean += expChar;
    i++;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) clean += s[i++];
    bool expDigits = false;
    std::string expText;
    for (; i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_'); i++) {
      if (s[i] == '_') {
        underscores = true;
        continue;
      }
      expDigits = true;
      clean += s[i];
      expText += s[i];
    }
    if (!expDigits) return result;
    int64_t e = expText.size() > 9 ? 1000000000 : std::stoll(expText);
    if (clean.find("-", clean.find(expChar)) != std::string::npos) e = -e;
    magnitude += hex ? e / 3 : e;  // a binary exponent is about a third of a decimal one
  } else if (hex) {
    return result;  // a hexadecimal mantissa needs a 'p' exponent
  }
  if (i != s.size()) return result;
  if (underscores && !underscoreOK(s)) return result;
  auto format = hex ? std::chars_format::hex : std::chars_format::general;
  const char* b = clean.data();
  const char* e = b + clean.size();
  std::errc ec;
  double value = 0;
  if (bitSize == 32) {
    float f = 0;
    ec = std::from_chars(b, e, f, format).ec;
    value = f;
  } else {
    ec = std::from_chars(b, e, value, format).ec;
  }
  result.code = 0;
  if (ec == std::errc::result_out_of_range) {
    if (sawNonzero && magnitude > 0) {
      value = HUGE_VAL;
      result.code = 2;
    } else {
      value = 0;
    }
  } else if (ec != std::errc()) {
    result.code = 1;
    return result;
  } else if (std::isinf(value)) {
    result.code = 2;
  }
  result.value = neg ? -value : value;
  return result;
}

const TypeDesc* dynamicType(const TypeDesc* iface, uint64_t word) {
  if (word == 0) return nullptr;
  if (iface->methods.empty()) return reinterpret_cast<const TypeDesc*>(word);
  return reinterpret_cast<const Itab*>(word)->type;
}

namespace {

// ---- the printer ----

struct Flags {
  bool widPresent = false, precPresent = false;
  bool minus = false, plus = false, sharp = false, space = false, zero = false;
  bool plusV = false, sharpV = false;  // %+v, %#v
  int64_t wid = 0, prec = 0;
};

// A value being printed: its type, its address, and whether it was reached
// through an unexported field (reflect's CanInterface is false: no methods).
struct Value {
  const TypeDesc* type = nullptr;
  const uint8_t* p = nullptr;
  bool readOnly = false;
};

template <typename T>
T load(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

bool isIntKind(TypeKind k) {
  return k == TypeKind::Int || k == TypeKind::Int8 || k == TypeKind::Int16 || k == TypeKind::Int32 ||
         k == TypeKind::Int64;
}
bool isUintKind(TypeKind k) {
  return k == TypeKind::Uint || k == TypeKind::Uint8 || k == TypeKind::Uint16 ||
         k == TypeKind::Uint32 || k == TypeKind::Uint64 || k == TypeKind::Uintptr;
}

int64_t loadInt(const Value& v) {
  switch (v.type->kind) {
    case TypeKind::Int8: return load<int8_t>(v.p);
    case TypeKind::Int16: return load<int16_t>(v.p);
    case TypeKind::Int32: return load<int32_t>(v.p);
    default: return load<int64_t>(v.p);
  }
}
uint64_t loadUint(const Value& v) {
  switch (v.type->kind) {
    case TypeKind::Uint8: return load<uint8_t>(v.p);
    case TypeKind::Uint16: return load<uint16_t>(v.p);
    case TypeKind::Uint32: return load<uint32_t>(v.p);
    default: return load<uint64_t>(v.p);
  }
}
double loadFloat(const Value& v) {
  if (v.type->kind == TypeKind::Float32) return load<float>(v.p);
  return load<double>(v.p);
}
std::string_view loadString(const uint8_t* p) {
  auto data = load<const char*>(p);
  auto len = load<uint64_t>(p + 8);
  return len == 0 ? std::string_view() : std::string_view(data, len);
}

// The value an interface at p holds, or a null type for nil.
Value interfaceElem(const Value& v) {
  uint64_t w0 = load<uint64_t>(v.p);
  const TypeDesc* dyn = dynamicType(v.type, w0);
  if (dyn == nullptr) return Value{nullptr, nullptr, v.readOnly};
  const uint8_t* p = dyn->isDirectIface() ? v.p + 8 : load<const uint8_t*>(v.p + 8);
  return Value{dyn, p, v.readOnly};
}

// Where Go's fmtsort puts the dynamic types of interface keys. Go orders
// them by the addresses of their descriptors, which its linker lays out;
// for the predeclared types that order is fixed (below, as go1.22 prints
// map[any]int), defined types of basic kinds came before them and
// composite types after. gol repeats that, and orders types within the
// first and last groups by descriptor address (creation order).
std::pair<int, uintptr_t> typeOrder(const TypeDesc* t) {
  static constexpr std::string_view kPredeclared[] = {
      "string", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64",
      "uint64", "int",  "uint",  "uintptr", "float32", "float64", "bool"};
  for (size_t i = 0; i < std::size(kPredeclared); i++)
    if (t->name == kPredeclared[i]) return {1, i};
  auto address = reinterpret_cast<uintptr_t>(t);
  switch (t->kind) {
    case TypeKind::Pointer: case TypeKind::Slice: case TypeKind::Array: case TypeKind::Struct:
    case TypeKind::Map: case TypeKind::Chan: case TypeKind::Func: case TypeKind::Interface:
      return {2, address};
    default: return {0, address};
  }
}

// internal/fmtsort's compare.
int compareValues(const TypeDesc* t, const uint8_t* a, const uint8_t* b) {
  auto cmp = [](auto x, auto y) { return x < y ? -1 : (x > y ? 1 : 0); };
  TypeKind k = t->kind;
  if (isIntKind(k)) return cmp(loadInt({t, a}), loadInt({t, b}));
  if (isUintKind(k)) return cmp(loadUint({t, a}), loadUint({t, b}));
  switch (k) {
    case TypeKind::String: {
      int c = loadString(a).compare(loadString(b));
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case TypeKind::Float32:
    case TypeKind::Float64: {
      double x = loadFloat({t, a}), y = loadFloat({t, b});
      if (x < y || (std::isnan(x) && !std::isnan(y))) return -1;
      if (x > y || (!std::isnan(x) && std::isnan(y))) return 1;
      return 0;
    }
    case TypeKind::Bool: return cmp(load<uint8_t>(a), load<uint8_t>(b));
    case TypeKind::Pointer:
    case TypeKind::Chan: return cmp(load<uint64_t>(a), load<uint64_t>(b));
    case TypeKind::Struct:
      for (const StructField& f : t->fields) {
        int c = compareValues(f.type, a + f.offset, b + f.offset);
        if (c != 0) return c;
      }
      return 0;
    case TypeKind::Array:
      for (uint64_t i = 0; i < t->length; i++) {
        int c = compareValues(t->elem, a + i * t->elem->size, b + i * t->elem->size);
        if (c != 0) return c;
      }
      return 0;
    case TypeKind::Interface: {
      Value x = interfaceElem({t, a}), y = interfaceElem({t, b});
      if (x.type == nullptr) return y.type == nullptr ? 0 : -1;
      if (y.type == nullptr) return 1;
      if (x.type != y.type) return cmp(typeOrder(x.type), typeOrder(y.type));
      return compareValues(x.type, x.p, y.p);
    }
    default: return -1;
  }
}

class Printer {
 public:
  Printer(std::string& out, MethodCaller* caller);
  ~Printer();
  Printer(const Printer&) = delete;
  Printer& operator=(const Printer&) = delete;

  bool fatal = false;
  bool wrapErrs = false;
  bool reordered = false;
  std::vector<int64_t> wrappedErrs;

  void printArg(const Eface& arg, char32_t verb);
  void printValue(const Value& v, char32_t verb, int depth);
  void doPrintf(std::string_view format, std::span<const Eface> a);
  void doPrint(std::span<const Eface> a);
  void doPrintln(std::span<const Eface> a);

 private:
  std::string& buf_;
  MethodCaller* caller_;
  Flags f_;
  bool erroring_ = false;
  bool panicking_ = false;
  bool goodArgNum_ = true;
  Value cur_;  // the operand badVerb describes (Go's p.arg / p.value)

  void writeRune(char32_t r) { appendRune(buf_, static_cast<int32_t>(r)); }
  // Go's clearflags: the width and precision values stay (a Format
  // method can see them through State), only whether they are present
  // is cleared.
  void clearFlags() {
    int64_t wid = f_.wid, prec = f_.prec;
    f_ = Flags{};
    f_.wid = wid;
    f_.prec = prec;
  }

  // -- format.go --
  void writePadding(int64_t n) {
    if (n <= 0) return;
    buf_.append(static_cast<size_t>(n), f_.zero ? '0' : ' ');
  }
  void pad(std::string_view s) {
    if (!f_.widPresent || f_.wid == 0) {
      buf_ += s;
      return;
    }
    int64_t width = f_.wid - static_cast<int64_t>(runeCount(s));
    if (!f_.minus) {
      writePadding(width);
      buf_ += s;
    } else {
      buf_ += s;
      writePadding(width);
    }
  }
  void padNoZero(std::string_view s) {
    bool oldZero = f_.zero;
    f_.zero = false;
    pad(s);
    f_.zero = oldZero;
  }
  std::string_view truncate(std::string_view s) {
    if (!f_.precPresent) return s;
    int64_t n = f_.prec;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    for (size_t i = 0; i < s.size();) {
      if (--n < 0) return s.substr(0, i);
      i += p[i] < 0x80 ? 1 : decodeRune(p + i, s.size() - i).width;
    }
    return s;
  }
  void fmtS(std::string_view s) { pad(truncate(s)); }
  void fmtBoolean(bool v) { pad(v ? "true" : "false"); }
  void fmtInteger(uint64_t u, int base, bool isSigned, char32_t verb, std::string_view digits);
  void fmtUnicode(uint64_t u);
  void fmtC(uint64_t c) {
    int32_t r = c > static_cast<uint64_t>(kMaxRune) ? kRuneError : static_cast<int32_t>(c);
    std::string s;
    appendRune(s, r);
    pad(s);
  }
  void fmtQc(uint64_t c) {
    int32_t r = c > static_cast<uint64_t>(kMaxRune) ? kRuneError : static_cast<int32_t>(c);
    pad(quoteRune(r, f_.plus));
  }
  void fmtQ(std::string_view s) {
    s = truncate(s);
    if (f_.sharp && canBackquote(s)) {
      std::string q = "`";
      q += s;
      q += '`';
      pad(q);
      return;
    }
    pad(quoteString(s, f_.plus));
  }
  void fmtSbx(std::string_view s, std::string_view digits);
  void fmtFloatLayout(double v, int size, char32_t verb, int prec);
  void fmt0x64(uint64_t v, bool leading0x) {
    bool sharp = f_.sharp;
    f_.sharp = leading0x;
    fmtInteger(v, 16, false, 'v', kLowerHex);
    f_.sharp = sharp;
  }

  // -- print.go --
  void badVerb(char32_t verb);
  void fmtBool(bool v, char32_t verb) {
    if (verb == 't' || verb == 'v') fmtBoolean(v);
    else badVerb(verb);
  }
  void fmtIntegerVerb(uint64_t v, bool isSigned, char32_t verb);
  void fmtFloat(double v, int size, char32_t verb);
  void fmtString(std::string_view v, char32_t verb);
  void fmtBytes(std::string_view v, bool isNil, char32_t verb, std::string_view typeName);
  void fmtPointer(const Value& v, char32_t verb);
  bool handleMethods(const Value& v, char32_t verb);
  bool callStringMethod(const Value& v, const Method& m, char32_t verb, std::string_view name,
                        bool asGoString);
  void printPanic(const Value& v, uint64_t word, char32_t verb, std::string_view name,
                  const Eface& panicValue);
  bool callFormat(const Value& v, char32_t verb, bool* handled);
  void argNumber(int64_t& argNum, std::string_view format, size_t& i, size_t numArgs,
                 bool& found);
};

void Printer::fmtInteger(uint64_t u, int base, bool isSigned, char32_t verb,
                         std::string_view digits) {
  bool negative = isSigned && static_cast<int64_t>(u) < 0;
  if (negative) u = -u;
  int64_t prec = 0;
  if (f_.precPresent) {
    prec = f_.prec;
    // Precision 0 and value 0 print nothing but the padding.
    if (prec == 0 && u == 0) {
      bool oldZero = f_.zero;
      f_.zero = false;
      writePadding(f_.wid);
      f_.zero = oldZero;
      return;
    }
  } else if (f_.zero && f_.widPresent) {
    prec = f_.wid;
    if (negative || f_.plus || f_.space) prec--;  // room for the sign
  }
  std::string rev;  // the digits, right to left
  switch (base) {
    case 10:
      do {
        rev += static_cast<char>('0' + u % 10);
        u /= 10;
      } while (u != 0);
      break;
    default: {
      unsigned shift = base == 16 ? 4 : (base == 8 ? 3 : 1);
      uint64_t mask = static_cast<uint64_t>(base) - 1;
      do {
        rev += digits[u & mask];
        u >>= shift;
      } while (u != 0);
      break;
    }
  }
  while (static_cast<int64_t>(rev.size()) < prec) rev += '0';
  if (f_.sharp) {
    switch (base) {
      case 2: rev += "b0"; break;
      case 8:
        if (rev.back() != '0') rev += '0';
        break;
      case 16:
        rev += digits == kUpperHex ? 'X' : 'x';
        rev += '0';
        break;
      default: break;
    }
  }
  if (verb == 'O') rev += "o0";
  if (negative) rev += '-';
  else if (f_.plus) rev += '+';
  else if (f_.space) rev += ' ';
  std::reverse(rev.begin(), rev.end());
  padNoZero(rev);
}

void Printer::fmtUnicode(uint64_t u) {
  int64_t prec = 4;
  if (f_.precPresent && f_.prec > 4) prec = f_.prec;
  std::string hex;
  uint64_t x = u;
  do {
    hex += kUpperHex[x & 0xF];
    x >>= 4;
  } while (x != 0);
  while (static_cast<int64_t>(hex.size()) < prec) hex += '0';
  std::reverse(hex.begin(), hex.end());
  std::string s = "U+" + hex;
  if (f_.sharp && u <= static_cast<uint64_t>(kMaxRune) && isPrintRune(static_cast<int32_t>(u))) {
    s += " '";
    appendRune(s, static_cast<int32_t>(u));
    s += '\'';
  }
  padNoZero(s);
}

void Printer::fmtSbx(std::string_view s, std::string_view digits) {
  int64_t length = static_cast<int64_t>(s.size());
  if (f_.precPresent && f_.prec < length) length = f_.prec;
  int64_t width = 2 * length;
  if (width > 0) {
    if (f_.space) {
      if (f_.sharp) width *= 2;
      width += length - 1;
    } else if (f_.sharp) {
      width += 2;
    }
  } else {
    if (f_.widPresent) writePadding(f_.wid);
    return;
  }
  if (f_.widPresent && f_.wid > width && !f_.minus) writePadding(f_.wid - width);
  char x = digits == kUpperHex ? 'X' : 'x';
  if (f_.sharp) {
    buf_ += '0';
    buf_ += x;
  }
  for (int64_t i = 0; i < length; i++) {
    if (f_.space && i > 0) {
      buf_ += ' ';
      if (f_.sharp) {
        buf_ += '0';
        buf_ += x;
      }
    }
    auto c = static_cast<uint8_t>(s[static_cast<size_t>(i)]);
    buf_ += digits[c >> 4];
    buf_ += digits[c & 0xF];
  }
  if (f_.widPresent && f_.wid > width && f_.minus) writePadding(f_.wid - width);
}

void Printer::fmtFloatLayout(double v, int size, char32_t verb, int prec) {
  if (f_.precPresent) prec = static_cast<int>(f_.prec);
  std::string num = "+" + formatFloat(v, static_cast<char>(verb), prec, size);
  if (num[1] == '-' || num[1] == '+') num.erase(0, 1);
  if (f_.space && num[0] == '+' && !f_.plus) num[0] = ' ';
  // Infinities and NaN are not padded with zeros.
  if (num[1] == 'I' || num[1] == 'N') {
    if (num[1] == 'N' && !f_.space && !f_.plus) num.erase(0, 1);
    padNoZero(num);
    return;
  }
  // The sharp flag forces a decimal point and keeps trailing zeros.
  if (f_.sharp && verb != 'b') {
    int digits = 0;
    if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
      digits = prec;
      if (digits == -1) digits = 6;
    }
    std::string tail;
    bool hasDecimalPoint = false, sawNonzeroDigit = false;
    for (size_t i = 1; i < num.size(); i++) {
      char c = num[i];
      if (c == '.') {
        hasDecimalPoint = true;
        continue;
      }
      if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
        tail = num.substr(i);
        num.resize(i);
        break;
      }
      if (c != '0') sawNonzeroDigit = true;
      if (sawNonzeroDigit) digits--;
    }
    if (!hasDecimalPoint) {
      if (num.size() == 2 && num[1] == '0') digits--;
      num += '.';
    }
    for (; digits > 0; digits--) num += '0';
    num += tail;
  }
  if (f_.plus || num[0] != '+') {
    // Zero padding goes between the sign and the digits.
    if (f_.zero && f_.widPresent && f_.wid > static_cast<int64_t>(num.size())) {
      buf_ += num[0];
      writePadding(f_.wid - static_cast<int64_t>(num.size()));
      buf_.append(num, 1);
      return;
    }
    pad(num);
    return;
  }
  pad(std::string_view(num).substr(1));
}

void Printer::badVerb(char32_t verb) {
  erroring_ = true;
  buf_ += "%!";
  writeRune(verb);
  buf_ += '(';
  if (cur_.type != nullptr) {
    buf_ += cur_.type->name;
    buf_ += '=';
    printValue(cur_, 'v', 0);
  } else {
    buf_ += "<nil>";
  }
  buf_ += ')';
  erroring_ = false;
}

void Printer::fmtIntegerVerb(uint64_t v, bool isSigned, char32_t verb) {
  switch (verb) {
    case 'v':
      if (f_.sharpV && !isSigned) fmt0x64(v, true);
      else fmtInteger(v, 10, isSigned, verb, kLowerHex);
      break;
    case 'd': fmtInteger(v, 10, isSigned, verb, kLowerHex); break;
    case 'b': fmtInteger(v, 2, isSigned, verb, kLowerHex); break;
    case 'o':
    case 'O': fmtInteger(v, 8, isSigned, verb, kLowerHex); break;
    case 'x': fmtInteger(v, 16, isSigned, verb, kLowerHex); break;
    case 'X': fmtInteger(v, 16, isSigned, verb, kUpperHex); break;
    case 'c': fmtC(v); break;
    case 'q': fmtQc(v); break;
    case 'U': fmtUnicode(v); break;
    default: badVerb(verb);
  }
}

void Printer::fmtFloat(double v, int size, char32_t verb) {
  switch (verb) {
    case 'v': fmtFloatLayout(v, size, 'g', -1); break;
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X': fmtFloatLayout(v, size, verb, -1); break;
    case 'f':
    case 'e':
    case 'E': fmtFloatLayout(v, size, verb, 6); break;
    case 'F': fmtFloatLayout(v, size, 'f', 6); break;
    default: badVerb(verb);
  }
}

void Printer::fmtString(std::string_view v, char32_t verb) {
  switch (verb) {
    case 'v':
      if (f_.sharpV) fmtQ(v);
      else fmtS(v);
      break;
    case 's': fmtS(v); break;
    case 'x': fmtSbx(v, kLowerHex); break;
    case 'X': fmtSbx(v, kUpperHex); break;
    case 'q': fmtQ(v); break;
    default: badVerb(verb);
  }
}

// Only the verbs s q x X reach here (v and d print []byte as any slice).
void Printer::fmtBytes(std::string_view v, bool isNil, char32_t verb, std::string_view typeName) {
  (void)isNil;
  (void)typeName;
  switch (verb) {
    case 's': fmtS(v); break;
    case 'x': fmtSbx(v, kLowerHex); break;
    case 'X': fmtSbx(v, kUpperHex); break;
    case 'q': fmtQ(v); break;
    default: break;
  }
}

void Printer::fmtPointer(const Value& v, char32_t verb) {
  uint64_t u = 0;
  switch (v.type->kind) {
    case TypeKind::Chan:
    case TypeKind::Func:
    case TypeKind::Map:
    case TypeKind::Pointer:
    case TypeKind::Slice: u = load<uint64_t>(v.p); break;
    default: badVerb(verb); return;
  }
  switch (verb) {
    case 'v':
      if (f_.sharpV) {
        buf_ += '(';
        buf_ += v.type->name;
        buf_ += ")(";
        if (u == 0) buf_ += "nil";
        else fmt0x64(u, true);
        buf_ += ')';
      } else if (u == 0) {
        pad("<nil>");
      } else {
        fmt0x64(u, !f_.sharp);
      }
      break;
    case 'p': fmt0x64(u, !f_.sharp); break;
    case 'b':
    case 'o':
    case 'd':
    case 'x':
    case 'X': fmtIntegerVerb(u, false, verb); break;
    default: badVerb(verb);
  }
}

bool Printer::callStringMethod(const Value& v, const Method& m, char32_t verb,
                               std::string_view name, bool asGoString) {
  uint64_t word = v.type->isDirectIface() ? load<uint64_t>(v.p) : reinterpret_cast<uint64_t>(v.p);
  std::string result;
  Eface panicValue;
  switch (caller_->callStringMethod(m, word, &result, &panicValue)) {
    case MethodCallResult::Fatal: fatal = true; return true;
    case MethodCallResult::Ok:
      if (asGoString) fmtS(result);
      else fmtString(result, verb);
      return true;
    case MethodCallResult::Panicked: break;
  }
  printPanic(v, word, verb, name, panicValue);
  return true;
}

bool Printer::callFormat(const Value& v, char32_t verb, bool* handled) {
  uint64_t word = v.type->isDirectIface() ? load<uint64_t>(v.p) : reinterpret_cast<uint64_t>(v.p);
  // The flags as Go's pp.Flag reports them.
  std::string flags;
  if (f_.plus || f_.plusV) flags += '+';
  if (f_.minus) flags += '-';
  if (f_.sharp || f_.sharpV) flags += '#';
  if (f_.space) flags += ' ';
  if (f_.zero) flags += '0';
  std::string output;
  Eface panicValue;
  MethodCallResult r = caller_->callFormat(Eface{v.type, word}, verb, flags, f_.wid, f_.widPresent,
                                           f_.prec, f_.precPresent, &output, &panicValue, handled);
  if (r == MethodCallResult::Fatal) {
    fatal = true;
    *handled = true;
    return true;
  }
  if (!*handled) return false;
  if (r == MethodCallResult::Ok) buf_ += output;
  else printPanic(v, word, verb, "Format", panicValue);
  return true;
}

void Printer::printPanic(const Value& v, uint64_t word, char32_t verb, std::string_view name,
                         const Eface& panicValue) {
  // Go's catchPanic: a nil pointer receiver prints as <nil>.
  if (v.type->kind == TypeKind::Pointer && word == 0) {
    buf_ += "<nil>";
    return;
  }
  Flags oldFlags = f_;
  Value oldCur = cur_;
  clearFlags();
  buf_ += "%!";
  writeRune(verb);
  buf_ += "(PANIC=";
  buf_ += name;
  buf_ += " method: ";
  if (panicking_) {
    // Go re-panics here; printing the value without methods ends it.
    bool oldErroring = erroring_;
    erroring_ = true;
    printArg(panicValue, 'v');
    erroring_ = oldErroring;
  } else {
    panicking_ = true;
    printArg(panicValue, 'v');
    panicking_ = false;
  }
  buf_ += ')';
  f_ = oldFlags;
  cur_ = oldCur;
}

bool Printer::handleMethods(const Value& value, char32_t verb) {
  if (erroring_) return false;
  Value v = value;
  if (v.type != nullptr && v.type->kind == TypeKind::Interface) v = interfaceElem(v);
  auto stringMethod = [&](std::string_view name) -> const Method* {
    if (v.type == nullptr) return nullptr;
    const Method* m = v.type->findMethod(name);
    return m != nullptr && m->returnsString ? m : nullptr;
  };
  std::string builtinText;
  bool builtinError =
      caller_ != nullptr && v.type != nullptr && caller_->builtinErrorText(v.type, v.p, &builtinText);
  if (verb == 'w') {
    if (!wrapErrs || (stringMethod("Error") == nullptr && !builtinError)) {
      badVerb(verb);
      return true;
    }
    verb = 'v';
  }
  if (caller_ == nullptr || v.type == nullptr) return false;
  // A Formatter comes first, for every verb.
  if (v.type->findMethod("Format") != nullptr) {
    bool handled = false;
    if (callFormat(v, verb, &handled)) return true;
  }
  if (f_.sharpV) {
    if (const Method* m = stringMethod("GoString"))
      return callStringMethod(v, *m, verb, "GoString", true);
    return false;
  }
  switch (verb) {
    case 'v':
    case 's':
    case 'x':
    case 'X':
    case 'q':
      if (builtinError) {
        fmtString(builtinText, verb);
        return true;
      }
      if (const Method* m = stringMethod("Error")) return callStringMethod(v, *m, verb, "Error", false);
      if (const Method* m = stringMethod("String"))
        return callStringMethod(v, *m, verb, "String", false);
      return false;
    default: return false;
  }
}

void Printer::printArg(const Eface& arg, char32_t verb) {
  if (fatal) return;
  if (arg.type == nullptr) {
    cur_ = Value{};
    if (verb == 'T' || verb == 'v') pad("<nil>");
    else badVerb(verb);
    return;
  }
  Value v{arg.type,
          arg.type->isDirectIface() ? reinterpret_cast<const uint8_t*>(&arg.data)
                                    : reinterpret_cast<const uint8_t*>(arg.data),
          false};
  cur_ = v;
  if (verb == 'T') {
    fmtS(arg.type->name);
    return;
  }
  if (verb == 'p') {
    fmtPointer(v, 'p');
    return;
  }
  // Go's printArg names the exact type []byte "[]byte" for %#v (reflect,
  // deeper down, says "[]uint8").
  if (f_.sharpV && (verb == 'v' || verb == 'd') && arg.type->kind == TypeKind::Slice &&
      arg.type->name == "[]uint8") {
    auto data = load<const uint8_t*>(v.p);
    auto len = load<uint64_t>(v.p + 8);
    buf_ += "[]byte";
    if (data == nullptr) {
      buf_ += "(nil)";
      return;
    }
    buf_ += '{';
    for (uint64_t i = 0; i < len; i++) {
      if (i > 0) buf_ += ", ";
      fmt0x64(data[i], true);
    }
    buf_ += '}';
    return;
  }
  // Go's printArg formats the exact type []byte without looking for
  // methods (it has none), so %w reaches its elements.
  if (arg.type->name == "[]uint8" || !handleMethods(v, verb)) printValue(v, verb, 0);
}

void Printer::printValue(const Value& v, char32_t verb, int depth) {
  if (fatal) return;
  if (depth > 0 && !v.readOnly) {
    cur_ = v;
    if (handleMethods(v, verb)) return;
  }
  cur_ = v;
  const TypeDesc* t = v.type;
  TypeKind k = t->kind;
  if (isIntKind(k)) {
    fmtIntegerVerb(static_cast<uint64_t>(loadInt(v)), true, verb);
    return;
  }
  if (isUintKind(k)) {
    fmtIntegerVerb(loadUint(v), false, verb);
    return;
  }
  switch (k) {
    case TypeKind::Bool: fmtBool(load<uint8_t>(v.p) != 0, verb); return;
    case TypeKind::Float32: fmtFloat(loadFloat(v), 32, verb); return;
    case TypeKind::Float64: fmtFloat(loadFloat(v), 64, verb); return;
    case TypeKind::String: fmtString(loadString(v.p), verb); return;
    case TypeKind::Map: {
      auto* m = load<Map*>(v.p);
      if (f_.sharpV) {
        buf_ += t->name;
        if (m == nullptr) {
          buf_ += "(nil)";
          return;
        }
        buf_ += '{';
      } else {
        buf_ += "map[";
      }
      std::vector<std::pair<const uint8_t*, const uint8_t*>> entries;
      MapIter* it = mapIterStart(m);
      const void* key;
      const void* value;
      while (it != nullptr && mapIterNext(it, &key, &value))
        entries.emplace_back(static_cast<const uint8_t*>(key), static_cast<const uint8_t*>(value));
      std::stable_sort(entries.begin(), entries.end(), [&](const auto& a, const auto& b) {
        return compareValues(t->key, a.first, b.first) < 0;
      });
      bool first = true;
      for (const auto& [kp, vp] : entries) {
        if (!first) buf_ += f_.sharpV ? ", " : " ";
        first = false;
        printValue(Value{t->key, kp, v.readOnly}, verb, depth + 1);
        buf_ += ':';
        printValue(Value{t->elem, vp, v.readOnly}, verb, depth + 1);
      }
      buf_ += f_.sharpV ? '}' : ']';
      return;
    }
    case TypeKind::Struct: {
      if (f_.sharpV) buf_ += t->name;
      buf_ += '{';
      for (size_t i = 0; i < t->fields.size(); i++) {
        const StructField& field = t->fields[i];
        if (i > 0) buf_ += f_.sharpV ? ", " : " ";
        if ((f_.plusV || f_.sharpV) && !field.name.empty()) {
          buf_ += field.name;
          buf_ += ':';
        }
        Value fv{field.type, v.p + field.offset, v.readOnly || !field.exported};
        // Go's getField: a non-nil interface field prints its value.
        if (field.type->kind == TypeKind::Interface) {
          Value elem = interfaceElem(fv);
          if (elem.type != nullptr) fv = elem;
        }
        printValue(fv, verb, depth + 1);
      }
      buf_ += '}';
      return;
    }
    case TypeKind::Interface: {
      Value elem = interfaceElem(v);
      if (elem.type == nullptr) {
        if (f_.sharpV) {
          buf_ += t->name;
          buf_ += "(nil)";
        } else {
          buf_ += "<nil>";
        }
        return;
      }
      printValue(elem, verb, depth + 1);
      return;
    }
    case TypeKind::Array:
    case TypeKind::Slice: {
      const uint8_t* data = v.p;
      uint64_t len = t->length;
      bool isNil = false;
      if (k == TypeKind::Slice) {
        data = load<const uint8_t*>(v.p);
        len = load<uint64_t>(v.p + 8);
        isNil = data == nullptr;
      }
      if ((verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') &&
          t->elem->kind == TypeKind::Uint8) {
        std::string_view bytes =
            len == 0 ? std::string_view() : std::string_view(reinterpret_cast<const char*>(data), len);
        fmtBytes(bytes, isNil, verb, t->name);
        return;
      }
      if (f_.sharpV) {
        buf_ += t->name;
        if (isNil) {
          buf_ += "(nil)";
          return;
        }
        buf_ += '{';
        for (uint64_t i = 0; i < len; i++) {
          if (i > 0) buf_ += ", ";
          printValue(Value{t->elem, data + i * t->elem->size, v.readOnly}, verb, depth + 1);
        }
        buf_ += '}';
      } else {
        buf_ += '[';
        for (uint64_t i = 0; i < len; i++) {
          if (i > 0) buf_ += ' ';
          printValue(Value{t->elem, data + i * t->elem->size, v.readOnly}, verb, depth + 1);
        }
        buf_ += ']';
      }
      return;
    }
    case TypeKind::Pointer: {
      // &{...} for a pointer to a composite at the top level only (Go
      // avoids loops this way).
      auto* target = load<const uint8_t*>(v.p);
      if (depth == 0 && target != nullptr && t->elem != nullptr) {
        TypeKind ek = t->elem->kind;
        if (ek == TypeKind::Array || ek == TypeKind::Slice || ek == TypeKind::Struct ||
            ek == TypeKind::Map) {
          buf_ += '&';
          printValue(Value{t->elem, target, v.readOnly}, verb, depth + 1);
          return;
        }
      }
      fmtPointer(v, verb);
      return;
    }
    case TypeKind::Chan:
    case TypeKind::Func: fmtPointer(v, verb); return;
    default: fmtPointer(v, verb); return;
  }
}

// Go takes its printers from a sync.Pool and never resets their width
// and precision, so a Format method may see the values of an earlier verb,
// even of an earlier call. The pool is a per-P private slot plus a LIFO
// list; this is that, per thread, holding just the two values.
struct PooledPrinter {
  int64_t wid = 0, prec = 0;
};
struct PrinterPool {
  bool hasPrivate = false;
  PooledPrinter privateSlot;
  std::vector<PooledPrinter> shared;
};
thread_local PrinterPool printerPool;

Printer::Printer(std::string& out, MethodCaller* caller) : buf_(out), caller_(caller) {
  PrinterPool& pool = printerPool;
  PooledPrinter p;
  if (pool.hasPrivate) {
    p = pool.privateSlot;
    pool.hasPrivate = false;
  } else if (!pool.shared.empty()) {
    p = pool.shared.back();
    pool.shared.pop_back();
  }
  f_.wid = p.wid;
  f_.prec = p.prec;
}

Printer::~Printer() {
  PrinterPool& pool = printerPool;
  PooledPrinter p{f_.wid, f_.prec};
  if (!pool.hasPrivate) {
    pool.privateSlot = p;
    pool.hasPrivate = true;
  } else {
    pool.shared.push_back(p);
  }
}

constexpr int64_t kTooLarge = 1000000;

bool tooLarge(int64_t x) { return x > kTooLarge || x < -kTooLarge; }

// Go's parsenum: digits in s[start, end).
bool parseNum(std::string_view s, size_t start, size_t end, int64_t& num, size_t& newi) {
  num = 0;
  bool isnum = false;
  if (start >= end) {
    newi = end;
    return false;
  }
  for (newi = start; newi < end && s[newi] >= '0' && s[newi] <= '9'; newi++) {
    if (tooLarge(num)) {
      num = 0;
      newi = end;
      return false;
    }
    num = num * 10 + (s[newi] - '0');
    isnum = true;
  }
  return isnum;
}

// Go's intFromArg: a * width or precision.
bool intFromArg(std::span<const Eface> a, int64_t& argNum, int64_t& num) {
  num = 0;
  bool isInt = false;
  if (argNum < static_cast<int64_t>(a.size())) {
    const Eface& arg = a[static_cast<size_t>(argNum)];
    if (arg.type != nullptr) {
      Value v{arg.type, reinterpret_cast<const uint8_t*>(arg.data), false};
      if (isIntKind(arg.type->kind)) {
        num = loadInt(v);
        isInt = true;
      } else if (isUintKind(arg.type->kind)) {
        uint64_t u = loadUint(v);
        if (static_cast<int64_t>(u) >= 0) {
          num = static_cast<int64_t>(u);
          isInt = true;
        }
      }
    }
    argNum++;
    if (tooLarge(num)) {
      num = 0;
      isInt = false;
    }
  }
  return isInt;
}

void Printer::argNumber(int64_t& argNum, std::string_view format, size_t& i, size_t numArgs,
                        bool& found) {
  found = false;
  if (format.size() <= i || format[i] != '[') return;
  reordered = true;
  // Go's parseArgNumber: "[n]", one-based.
  std::string_view s = format.substr(i);
  int64_t index = 0;
  size_t wid = 1;
  bool ok = false;
  if (s.size() >= 3) {
    for (size_t j = 1; j < s.size(); j++) {
      if (s[j] == ']') {
        int64_t n;
        size_t newi;
        bool isnum = parseNum(s, 1, j, n, newi);
        if (!isnum || newi != j) {
          wid = j + 1;
        } else {
          index = n - 1;
          wid = j + 1;
          ok = true;
        }
        break;
      }
    }
  }
  if (ok && index >= 0 && index < static_cast<int64_t>(numArgs)) {
    argNum = index;
    i += wid;
    found = true;
    return;
  }
  goodArgNum_ = false;
  i += wid;
  found = ok;
}

void Printer::doPrintf(std::string_view format, std::span<const Eface> a) {
  size_t end = format.size();
  int64_t argNum = 0;
  bool afterIndex = false;
  reordered = false;
  size_t i = 0;
  while (i < end && !fatal) {
    goodArgNum_ = true;
    size_t lasti = i;
    while (i < end && format[i] != '%') i++;
    if (i > lasti) buf_.append(format.substr(lasti, i - lasti));
    if (i >= end) break;
    i++;  // the %
    clearFlags();
    for (; i < end; i++) {
      char c = format[i];
      if (c == '#') f_.sharp = true;
      else if (c == '0') f_.zero = !f_.minus;
      else if (c == '+') f_.plus = true;
      else if (c == '-') {
        f_.minus = true;
        f_.zero = false;
      } else if (c == ' ') f_.space = true;
      else break;
    }
    // Go's fast path for a lower-case verb after flags alone: the width
    // and precision are neither parsed nor reset.
    if (i < end && format[i] >= 'a' && format[i] <= 'z' && argNum < static_cast<int64_t>(a.size())) {
      char c = format[i];
      if (c == 'w') wrappedErrs.push_back(argNum);
      if (c == 'v' || c == 'w') {
        f_.sharpV = f_.sharp;
        f_.sharp = false;
        f_.plusV = f_.plus;
        f_.plus = false;
      }
      printArg(a[static_cast<size_t>(argNum)], static_cast<unsigned char>(c));
      argNum++;
      i++;
      continue;
    }
    argNumber(argNum, format, i, a.size(), afterIndex);
    // Width.
    if (i < end && format[i] == '*') {
      i++;
      f_.widPresent = intFromArg(a, argNum, f_.wid);
      if (!f_.widPresent) buf_ += "%!(BADWIDTH)";
      if (f_.wid < 0) {
        f_.wid = -f_.wid;
        f_.minus = true;
        f_.zero = false;
      }
      afterIndex = false;
    } else {
      size_t newi;
      f_.widPresent = parseNum(format, i, end, f_.wid, newi);
      i = newi;
      if (afterIndex && f_.widPresent) goodArgNum_ = false;
    }
    // Precision.
    if (i + 1 < end && format[i] == '.') {
      i++;
      if (afterIndex) goodArgNum_ = false;
      argNumber(argNum, format, i, a.size(), afterIndex);
      if (i < end && format[i] == '*') {
        i++;
        f_.precPresent = intFromArg(a, argNum, f_.prec);
        if (f_.prec < 0) {
          f_.prec = 0;
          f_.precPresent = false;
        }
        if (!f_.precPresent) buf_ += "%!(BADPREC)";
        afterIndex = false;
      } else {
        size_t newi;
        f_.precPresent = parseNum(format, i, end, f_.prec, newi);
        i = newi;
        if (!f_.precPresent) {
          f_.prec = 0;
          f_.precPresent = true;
        }
      }
    }
    if (!afterIndex) argNumber(argNum, format, i, a.size(), afterIndex);
    if (i >= end) {
      buf_ += "%!(NOVERB)";
      break;
    }
    char32_t verb = static_cast<unsigned char>(format[i]);
    size_t size = 1;
    if (verb >= 0x80) {
      DecodedRune d = decodeRune(reinterpret_cast<const uint8_t*>(format.data()) + i, end - i);
      verb = static_cast<char32_t>(d.rune);
      size = d.width;
    }
    i += size;
    if (verb == '%') {
      buf_ += '%';
    } else if (!goodArgNum_) {
      buf_ += "%!";
      writeRune(verb);
      buf_ += "(BADINDEX)";
    } else if (argNum >= static_cast<int64_t>(a.size())) {
      buf_ += "%!";
      writeRune(verb);
      buf_ += "(MISSING)";
    } else {
      if (verb == 'w') wrappedErrs.push_back(argNum);
      if (verb == 'v' || verb == 'w') {
        f_.sharpV = f_.sharp;
        f_.sharp = false;
        f_.plusV = f_.plus;
        f_.plus = false;
      }
      printArg(a[static_cast<size_t>(argNum)], verb);
      argNum++;
    }
  }
  if (fatal) return;
  if (!reordered && argNum < static_cast<int64_t>(a.size())) {
    clearFlags();
    buf_ += "%!(EXTRA ";
    for (size_t j = static_cast<size_t>(argNum); j < a.size(); j++) {
      if (j > static_cast<size_t>(argNum)) buf_ += ", ";
      if (a[j].type == nullptr) {
        buf_ += "<nil>";
      } else {
        buf_ += a[j].type->name;
        buf_ += '=';
        printArg(a[j], 'v');
      }
    }
    buf_ += ')';
  }
}

void Printer::doPrint(std::span<const Eface> a) {
  bool prevString = false;
  for (size_t i = 0; i < a.size() && !fatal; i++) {
    bool isString = a[i].type != nullptr && a[i].type->kind == TypeKind::String;
    if (i > 0 && !isString && !prevString) buf_ += ' ';
    printArg(a[i], 'v');
    prevString = isString;
  }
}

void Printer::doPrintln(std::span<const Eface> a) {
  for (size_t i = 0; i < a.size() && !fatal; i++) {
    if (i > 0) buf_ += ' ';
    printArg(a[i], 'v');
  }
  buf_ += '\n';
}

}  // namespace

bool formatPrintf(std::string& out, std::string_view format, std::span<const Eface> args,
                  MethodCaller* caller, std::vector<int64_t>* wrapped) {
  Printer p(out, caller);
  p.wrapErrs = wrapped != nullptr;
  p.doPrintf(format, args);
  if (wrapped != nullptr) {
    std::vector<int64_t> w = p.wrappedErrs;
    std::sort(w.begin(), w.end());
    w.erase(std::unique(w.begin(), w.end()), w.end());
    *wrapped = std::move(w);
  }
  return !p.fatal;
}

bool formatPrint(std::string& out, std::span<const Eface> args, MethodCaller* caller) {
  Printer p(out, caller);
  p.doPrint(args);
  return !p.fatal;
}

bool formatPrintln(std::string& out, std::span<const Eface> args, MethodCaller* caller) {
  Printer p(out, caller);
  p.doPrintln(args);
  return !p.fatal;
}

bool formatValue(std::string& out, const TypeDesc* t, const void* p, char verb,
                 MethodCaller* caller) {
  Printer printer(out, caller);
  Eface arg{t, t->isDirectIface() ? load<uint64_t>(static_cast<const uint8_t*>(p))
                                  : reinterpret_cast<uint64_t>(p)};
  printer.printArg(arg, static_cast<unsigned char>(verb));
  return !printer.fatal;
}

}  // namespace gol::rt
