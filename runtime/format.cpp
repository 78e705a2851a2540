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
#include "runtime/utf8.h"

namespace gol::rt {

namespace {

// strconv.IsPrint's ranges above ASCII, the same generated table as
// lang/unicode_tables.cpp's kPrint (the runtime cannot link the front end).
struct RuneRange {
  int32_t lo, hi;
};
extern const RuneRange kPrintRanges[];
extern const size_t kPrintRangesSize;

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

bool isPrintRune(int32_t r) {
  if (r < 0x80) return r >= 0x20 && r < 0x7f;
  size_t lo = 0, hi = kPrintRangesSize;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (r < kPrintRanges[mid].lo) hi = mid;
    else if (r > kPrintRanges[mid].hi) lo = mid + 1;
    else return true;
  }
  return false;
}

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

namespace {

const RuneRange kPrintRanges[] = {
    {0xA1, 0xAC}, {0xAE, 0x377}, {0x37A, 0x37F}, {0x384, 0x38A}, {0x38C, 0x38C}, {0x38E, 0x3A1},
    {0x3A3, 0x52F}, {0x531, 0x556}, {0x559, 0x58A}, {0x58D, 0x58F}, {0x591, 0x5C7}, {0x5D0, 0x5EA},
    {0x5EF, 0x5F4}, {0x606, 0x61B}, {0x61D, 0x6DC}, {0x6DE, 0x70D}, {0x710, 0x74A}, {0x74D, 0x7B1},
    {0x7C0, 0x7FA}, {0x7FD, 0x82D}, {0x830, 0x83E}, {0x840, 0x85B}, {0x85E, 0x85E}, {0x860, 0x86A},
    {0x870, 0x88E}, {0x898, 0x8E1}, {0x8E3, 0x983}, {0x985, 0x98C}, {0x98F, 0x990}, {0x993, 0x9A8},
    {0x9AA, 0x9B0}, {0x9B2, 0x9B2}, {0x9B6, 0x9B9}, {0x9BC, 0x9C4}, {0x9C7, 0x9C8}, {0x9CB, 0x9CE},
    {0x9D7, 0x9D7}, {0x9DC, 0x9DD}, {0x9DF, 0x9E3}, {0x9E6, 0x9FE}, {0xA01, 0xA03}, {0xA05, 0xA0A},
    {0xA0F, 0xA10}, {0xA13, 0xA28}, {0xA2A, 0xA30}, {0xA32, 0xA33}, {0xA35, 0xA36}, {0xA38, 0xA39},
    {0xA3C, 0xA3C}, {0xA3E, 0xA42}, {0xA47, 0xA48}, {0xA4B, 0xA4D}, {0xA51, 0xA51}, {0xA59, 0xA5C},
    {0xA5E, 0xA5E}, {0xA66, 0xA76}, {0xA81, 0xA83}, {0xA85, 0xA8D}, {0xA8F, 0xA91}, {0xA93, 0xAA8},
    {0xAAA, 0xAB0}, {0xAB2, 0xAB3}, {0xAB5, 0xAB9}, {0xABC, 0xAC5}, {0xAC7, 0xAC9}, {0xACB, 0xACD},
    {0xAD0, 0xAD0}, {0xAE0, 0xAE3}, {0xAE6, 0xAF1}, {0xAF9, 0xAFF}, {0xB01, 0xB03}, {0xB05, 0xB0C},
    {0xB0F, 0xB10}, {0xB13, 0xB28}, {0xB2A, 0xB30}, {0xB32, 0xB33}, {0xB35, 0xB39}, {0xB3C, 0xB44},
    {0xB47, 0xB48}, {0xB4B, 0xB4D}, {0xB55, 0xB57}, {0xB5C, 0xB5D}, {0xB5F, 0xB63}, {0xB66, 0xB77},
    {0xB82, 0xB83}, {0xB85, 0xB8A}, {0xB8E, 0xB90}, {0xB92, 0xB95}, {0xB99, 0xB9A}, {0xB9C, 0xB9C},
    {0xB9E, 0xB9F}, {0xBA3, 0xBA4}, {0xBA8, 0xBAA}, {0xBAE, 0xBB9}, {0xBBE, 0xBC2}, {0xBC6, 0xBC8},
    {0xBCA, 0xBCD}, {0xBD0, 0xBD0}, {0xBD7, 0xBD7}, {0xBE6, 0xBFA}, {0xC00, 0xC0C}, {0xC0E, 0xC10},
    {0xC12, 0xC28}, {0xC2A, 0xC39}, {0xC3C, 0xC44}, {0xC46, 0xC48}, {0xC4A, 0xC4D}, {0xC55, 0xC56},
    {0xC58, 0xC5A}, {0xC5D, 0xC5D}, {0xC60, 0xC63}, {0xC66, 0xC6F}, {0xC77, 0xC8C}, {0xC8E, 0xC90},
    {0xC92, 0xCA8}, {0xCAA, 0xCB3}, {0xCB5, 0xCB9}, {0xCBC, 0xCC4}, {0xCC6, 0xCC8}, {0xCCA, 0xCCD},
    {0xCD5, 0xCD6}, {0xCDD, 0xCDE}, {0xCE0, 0xCE3}, {0xCE6, 0xCEF}, {0xCF1, 0xCF2}, {0xD00, 0xD0C},
    {0xD0E, 0xD10}, {0xD12, 0xD44}, {0xD46, 0xD48}, {0xD4A, 0xD4F}, {0xD54, 0xD63}, {0xD66, 0xD7F},
    {0xD81, 0xD83}, {0xD85, 0xD96}, {0xD9A, 0xDB1}, {0xDB3, 0xDBB}, {0xDBD, 0xDBD}, {0xDC0, 0xDC6},
    {0xDCA, 0xDCA}, {0xDCF, 0xDD4}, {0xDD6, 0xDD6}, {0xDD8, 0xDDF}, {0xDE6, 0xDEF}, {0xDF2, 0xDF4},
    {0xE01, 0xE3A}, {0xE3F, 0xE5B}, {0xE81, 0xE82}, {0xE84, 0xE84}, {0xE86, 0xE8A}, {0xE8C, 0xEA3},
    {0xEA5, 0xEA5}, {0xEA7, 0xEBD}, {0xEC0, 0xEC4}, {0xEC6, 0xEC6}, {0xEC8, 0xECD}, {0xED0, 0xED9},
    {0xEDC, 0xEDF}, {0xF00, 0xF47}, {0xF49, 0xF6C}, {0xF71, 0xF97}, {0xF99, 0xFBC}, {0xFBE, 0xFCC},
    {0xFCE, 0xFDA}, {0x1000, 0x10C5}, {0x10C7, 0x10C7}, {0x10CD, 0x10CD}, {0x10D0, 0x1248},
    {0x124A, 0x124D}, {0x1250, 0x1256}, {0x1258, 0x1258}, {0x125A, 0x125D}, {0x1260, 0x1288},
    {0x128A, 0x128D}, {0x1290, 0x12B0}, {0x12B2, 0x12B5}, {0x12B8, 0x12BE}, {0x12C0, 0x12C0},
    {0x12C2, 0x12C5}, {0x12C8, 0x12D6}, {0x12D8, 0x1310}, {0x1312, 0x1315}, {0x1318, 0x135A},
    {0x135D, 0x137C}, {0x1380, 0x1399}, {0x13A0, 0x13F5}, {0x13F8, 0x13FD}, {0x1400, 0x167F},
    {0x1681, 0x169C}, {0x16A0, 0x16F8}, {0x1700, 0x1715}, {0x171F, 0x1736}, {0x1740, 0x1753},
    {0x1760, 0x176C}, {0x176E, 0x1770}, {0x1772, 0x1773}, {0x1780, 0x17DD}, {0x17E0, 0x17E9},
    {0x17F0, 0x17F9}, {0x1800, 0x180D}, {0x180F, 0x1819}, {0x1820, 0x1878}, {0x1880, 0x18AA},
    {0x18B0, 0x18F5}, {0x1900, 0x191E}, {0x1920, 0x192B}, {0x1930, 0x193B}, {0x1940, 0x1940},
    {0x1944, 0x196D}, {0x1970, 0x1974}, {0x1980, 0x19AB}, {0x19B0, 0x19C9}, {0x19D0, 0x19DA},
    {0x19DE, 0x1A1B}, {0x1A1E, 0x1A5E}, {0x1A60, 0x1A7C}, {0x1A7F, 0x1A89}, {0x1A90, 0x1A99},
    {0x1AA0, 0x1AAD}, {0x1AB0, 0x1ACE}, {0x1B00, 0x1B4C}, {0x1B50, 0x1B7E}, {0x1B80, 0x1BF3},
    {0x1BFC, 0x1C37}, {0x1C3B, 0x1C49}, {0x1C4D, 0x1C88}, {0x1C90, 0x1CBA}, {0x1CBD, 0x1CC7},
    {0x1CD0, 0x1CFA}, {0x1D00, 0x1F15}, {0x1F18, 0x1F1D}, {0x1F20, 0x1F45}, {0x1F48, 0x1F4D},
    {0x1F50, 0x1F57}, {0x1F59, 0x1F59}, {0x1F5B, 0x1F5B}, {0x1F5D, 0x1F5D}, {0x1F5F, 0x1F7D},
    {0x1F80, 0x1FB4}, {0x1FB6, 0x1FC4}, {0x1FC6, 0x1FD3}, {0x1FD6, 0x1FDB}, {0x1FDD, 0x1FEF},
    {0x1FF2, 0x1FF4}, {0x1FF6, 0x1FFE}, {0x2010, 0x2027}, {0x2030, 0x205E}, {0x2070, 0x2071},
    {0x2074, 0x208E}, {0x2090, 0x209C}, {0x20A0, 0x20C0}, {0x20D0, 0x20F0}, {0x2100, 0x218B},
    {0x2190, 0x2426}, {0x2440, 0x244A}, {0x2460, 0x2B73}, {0x2B76, 0x2B95}, {0x2B97, 0x2CF3},
    {0x2CF9, 0x2D25}, {0x2D27, 0x2D27}, {0x2D2D, 0x2D2D}, {0x2D30, 0x2D67}, {0x2D6F, 0x2D70},
    {0x2D7F, 0x2D96}, {0x2DA0, 0x2DA6}, {0x2DA8, 0x2DAE}, {0x2DB0, 0x2DB6}, {0x2DB8, 0x2DBE},
    {0x2DC0, 0x2DC6}, {0x2DC8, 0x2DCE}, {0x2DD0, 0x2DD6}, {0x2DD8, 0x2DDE}, {0x2DE0, 0x2E5D},
    {0x2E80, 0x2E99}, {0x2E9B, 0x2EF3}, {0x2F00, 0x2FD5}, {0x2FF0, 0x2FFB}, {0x3001, 0x303F},
    {0x3041, 0x3096}, {0x3099, 0x30FF}, {0x3105, 0x312F}, {0x3131, 0x318E}, {0x3190, 0x31E3},
    {0x31F0, 0x321E}, {0x3220, 0xA48C}, {0xA490, 0xA4C6}, {0xA4D0, 0xA62B}, {0xA640, 0xA6F7},
    {0xA700, 0xA7CA}, {0xA7D0, 0xA7D1}, {0xA7D3, 0xA7D3}, {0xA7D5, 0xA7D9}, {0xA7F2, 0xA82C},
    {0xA830, 0xA839}, {0xA840, 0xA877}, {0xA880, 0xA8C5}, {0xA8CE, 0xA8D9}, {0xA8E0, 0xA953},
    {0xA95F, 0xA97C}, {0xA980, 0xA9CD}, {0xA9CF, 0xA9D9}, {0xA9DE, 0xA9FE}, {0xAA00, 0xAA36},
    {0xAA40, 0xAA4D}, {0xAA50, 0xAA59}, {0xAA5C, 0xAAC2}, {0xAADB, 0xAAF6}, {0xAB01, 0xAB06},
    {0xAB09, 0xAB0E}, {0xAB11, 0xAB16}, {0xAB20, 0xAB26}, {0xAB28, 0xAB2E}, {0xAB30, 0xAB6B},
    {0xAB70, 0xABED}, {0xABF0, 0xABF9}, {0xAC00, 0xD7A3}, {0xD7B0, 0xD7C6}, {0xD7CB, 0xD7FB},
    {0xF900, 0xFA6D}, {0xFA70, 0xFAD9}, {0xFB00, 0xFB06}, {0xFB13, 0xFB17}, {0xFB1D, 0xFB36},
    {0xFB38, 0xFB3C}, {0xFB3E, 0xFB3E}, {0xFB40, 0xFB41}, {0xFB43, 0xFB44}, {0xFB46, 0xFBC2},
    {0xFBD3, 0xFD8F}, {0xFD92, 0xFDC7}, {0xFDCF, 0xFDCF}, {0xFDF0, 0xFE19}, {0xFE20, 0xFE52},
    {0xFE54, 0xFE66}, {0xFE68, 0xFE6B}, {0xFE70, 0xFE74}, {0xFE76, 0xFEFC}, {0xFF01, 0xFFBE},
    {0xFFC2, 0xFFC7}, {0xFFCA, 0xFFCF}, {0xFFD2, 0xFFD7}, {0xFFDA, 0xFFDC}, {0xFFE0, 0xFFE6},
    {0xFFE8, 0xFFEE}, {0xFFFC, 0xFFFD}, {0x10000, 0x1000B}, {0x1000D, 0x10026}, {0x10028, 0x1003A},
    {0x1003C, 0x1003D}, {0x1003F, 0x1004D}, {0x10050, 0x1005D}, {0x10080, 0x100FA},
    {0x10100, 0x10102}, {0x10107, 0x10133}, {0x10137, 0x1018E}, {0x10190, 0x1019C},
    {0x101A0, 0x101A0}, {0x101D0, 0x101FD}, {0x10280, 0x1029C}, {0x102A0, 0x102D0},
    {0x102E0, 0x102FB}, {0x10300, 0x10323}, {0x1032D, 0x1034A}, {0x10350, 0x1037A},
    {0x10380, 0x1039D}, {0x1039F, 0x103C3}, {0x103C8, 0x103D5}, {0x10400, 0x1049D},
    {0x104A0, 0x104A9}, {0x104B0, 0x104D3}, {0x104D8, 0x104FB}, {0x10500, 0x10527},
    {0x10530, 0x10563}, {0x1056F, 0x1057A}, {0x1057C, 0x1058A}, {0x1058C, 0x10592},
    {0x10594, 0x10595}, {0x10597, 0x105A1}, {0x105A3, 0x105B1}, {0x105B3, 0x105B9},
    {0x105BB, 0x105BC}, {0x10600, 0x10736}, {0x10740, 0x10755}, {0x10760, 0x10767},
    {0x10780, 0x10785}, {0x10787, 0x107B0}, {0x107B2, 0x107BA}, {0x10800, 0x10805},
    {0x10808, 0x10808}, {0x1080A, 0x10835}, {0x10837, 0x10838}, {0x1083C, 0x1083C},
    {0x1083F, 0x10855}, {0x10857, 0x1089E}, {0x108A7, 0x108AF}, {0x108E0, 0x108F2},
    {0x108F4, 0x108F5}, {0x108FB, 0x1091B}, {0x1091F, 0x10939}, {0x1093F, 0x1093F},
    {0x10980, 0x109B7}, {0x109BC, 0x109CF}, {0x109D2, 0x10A03}, {0x10A05, 0x10A06},
    {0x10A0C, 0x10A13}, {0x10A15, 0x10A17}, {0x10A19, 0x10A35}, {0x10A38, 0x10A3A},
    {0x10A3F, 0x10A48}, {0x10A50, 0x10A58}, {0x10A60, 0x10A9F}, {0x10AC0, 0x10AE6},
    {0x10AEB, 0x10AF6}, {0x10B00, 0x10B35}, {0x10B39, 0x10B55}, {0x10B58, 0x10B72},
    {0x10B78, 0x10B91}, {0x10B99, 0x10B9C}, {0x10BA9, 0x10BAF}, {0x10C00, 0x10C48},
    {0x10C80, 0x10CB2}, {0x10CC0, 0x10CF2}, {0x10CFA, 0x10D27}, {0x10D30, 0x10D39},
    {0x10E60, 0x10E7E}, {0x10E80, 0x10EA9}, {0x10EAB, 0x10EAD}, {0x10EB0, 0x10EB1},
    {0x10F00, 0x10F27}, {0x10F30, 0x10F59}, {0x10F70, 0x10F89}, {0x10FB0, 0x10FCB},
    {0x10FE0, 0x10FF6}, {0x11000, 0x1104D}, {0x11052, 0x11075}, {0x1107F, 0x110BC},
    {0x110BE, 0x110C2}, {0x110D0, 0x110E8}, {0x110F0, 0x110F9}, {0x11100, 0x11134},
    {0x11136, 0x11147}, {0x11150, 0x11176}, {0x11180, 0x111DF}, {0x111E1, 0x111F4},
    {0x11200, 0x11211}, {0x11213, 0x1123E}, {0x11280, 0x11286}, {0x11288, 0x11288},
    {0x1128A, 0x1128D}, {0x1128F, 0x1129D}, {0x1129F, 0x112A9}, {0x112B0, 0x112EA},
    {0x112F0, 0x112F9}, {0x11300, 0x11303}, {0x11305, 0x1130C}, {0x1130F, 0x11310},
    {0x11313, 0x11328}, {0x1132A, 0x11330}, {0x11332, 0x11333}, {0x11335, 0x11339},
    {0x1133B, 0x11344}, {0x11347, 0x11348}, {0x1134B, 0x1134D}, {0x11350, 0x11350},
    {0x11357, 0x11357}, {0x1135D, 0x11363}, {0x11366, 0x1136C}, {0x11370, 0x11374},
    {0x11400, 0x1145B}, {0x1145D, 0x11461}, {0x11480, 0x114C7}, {0x114D0, 0x114D9},
    {0x11580, 0x115B5}, {0x115B8, 0x115DD}, {0x11600, 0x11644}, {0x11650, 0x11659},
    {0x11660, 0x1166C}, {0x11680, 0x116B9}, {0x116C0, 0x116C9}, {0x11700, 0x1171A},
    {0x1171D, 0x1172B}, {0x11730, 0x11746}, {0x11800, 0x1183B}, {0x118A0, 0x118F2},
    {0x118FF, 0x11906}, {0x11909, 0x11909}, {0x1190C, 0x11913}, {0x11915, 0x11916},
    {0x11918, 0x11935}, {0x11937, 0x11938}, {0x1193B, 0x11946}, {0x11950, 0x11959},
    {0x119A0, 0x119A7}, {0x119AA, 0x119D7}, {0x119DA, 0x119E4}, {0x11A00, 0x11A47},
    {0x11A50, 0x11AA2}, {0x11AB0, 0x11AF8}, {0x11C00, 0x11C08}, {0x11C0A, 0x11C36},
    {0x11C38, 0x11C45}, {0x11C50, 0x11C6C}, {0x11C70, 0x11C8F}, {0x11C92, 0x11CA7},
    {0x11CA9, 0x11CB6}, {0x11D00, 0x11D06}, {0x11D08, 0x11D09}, {0x11D0B, 0x11D36},
    {0x11D3A, 0x11D3A}, {0x11D3C, 0x11D3D}, {0x11D3F, 0x11D47}, {0x11D50, 0x11D59},
    {0x11D60, 0x11D65}, {0x11D67, 0x11D68}, {0x11D6A, 0x11D8E}, {0x11D90, 0x11D91},
    {0x11D93, 0x11D98}, {0x11DA0, 0x11DA9}, {0x11EE0, 0x11EF8}, {0x11FB0, 0x11FB0},
    {0x11FC0, 0x11FF1}, {0x11FFF, 0x12399}, {0x12400, 0x1246E}, {0x12470, 0x12474},
    {0x12480, 0x12543}, {0x12F90, 0x12FF2}, {0x13000, 0x1342E}, {0x14400, 0x14646},
    {0x16800, 0x16A38}, {0x16A40, 0x16A5E}, {0x16A60, 0x16A69}, {0x16A6E, 0x16ABE},
    {0x16AC0, 0x16AC9}, {0x16AD0, 0x16AED}, {0x16AF0, 0x16AF5}, {0x16B00, 0x16B45},
    {0x16B50, 0x16B59}, {0x16B5B, 0x16B61}, {0x16B63, 0x16B77}, {0x16B7D, 0x16B8F},
    {0x16E40, 0x16E9A}, {0x16F00, 0x16F4A}, {0x16F4F, 0x16F87}, {0x16F8F, 0x16F9F},
    {0x16FE0, 0x16FE4}, {0x16FF0, 0x16FF1}, {0x17000, 0x187F7}, {0x18800, 0x18CD5},
    {0x18D00, 0x18D08}, {0x1AFF0, 0x1AFF3}, {0x1AFF5, 0x1AFFB}, {0x1AFFD, 0x1AFFE},
    {0x1B000, 0x1B122}, {0x1B150, 0x1B152}, {0x1B164, 0x1B167}, {0x1B170, 0x1B2FB},
    {0x1BC00, 0x1BC6A}, {0x1BC70, 0x1BC7C}, {0x1BC80, 0x1BC88}, {0x1BC90, 0x1BC99},
    {0x1BC9C, 0x1BC9F}, {0x1CF00, 0x1CF2D}, {0x1CF30, 0x1CF46}, {0x1CF50, 0x1CFC3},
    {0x1D000, 0x1D0F5}, {0x1D100, 0x1D126}, {0x1D129, 0x1D172}, {0x1D17B, 0x1D1EA},
    {0x1D200, 0x1D245}, {0x1D2E0, 0x1D2F3}, {0x1D300, 0x1D356}, {0x1D360, 0x1D378},
    {0x1D400, 0x1D454}, {0x1D456, 0x1D49C}, {0x1D49E, 0x1D49F}, {0x1D4A2, 0x1D4A2},
    {0x1D4A5, 0x1D4A6}, {0x1D4A9, 0x1D4AC}, {0x1D4AE, 0x1D4B9}, {0x1D4BB, 0x1D4BB},
    {0x1D4BD, 0x1D4C3}, {0x1D4C5, 0x1D505}, {0x1D507, 0x1D50A}, {0x1D50D, 0x1D514},
    {0x1D516, 0x1D51C}, {0x1D51E, 0x1D539}, {0x1D53B, 0x1D53E}, {0x1D540, 0x1D544},
    {0x1D546, 0x1D546}, {0x1D54A, 0x1D550}, {0x1D552, 0x1D6A5}, {0x1D6A8, 0x1D7CB},
    {0x1D7CE, 0x1DA8B}, {0x1DA9B, 0x1DA9F}, {0x1DAA1, 0x1DAAF}, {0x1DF00, 0x1DF1E},
    {0x1E000, 0x1E006}, {0x1E008, 0x1E018}, {0x1E01B, 0x1E021}, {0x1E023, 0x1E024},
    {0x1E026, 0x1E02A}, {0x1E100, 0x1E12C}, {0x1E130, 0x1E13D}, {0x1E140, 0x1E149},
    {0x1E14E, 0x1E14F}, {0x1E290, 0x1E2AE}, {0x1E2C0, 0x1E2F9}, {0x1E2FF, 0x1E2FF},
    {0x1E7E0, 0x1E7E6}, {0x1E7E8, 0x1E7EB}, {0x1E7ED, 0x1E7EE}, {0x1E7F0, 0x1E7FE},
    {0x1E800, 0x1E8C4}, {0x1E8C7, 0x1E8D6}, {0x1E900, 0x1E94B}, {0x1E950, 0x1E959},
    {0x1E95E, 0x1E95F}, {0x1EC71, 0x1ECB4}, {0x1ED01, 0x1ED3D}, {0x1EE00, 0x1EE03},
    {0x1EE05, 0x1EE1F}, {0x1EE21, 0x1EE22}, {0x1EE24, 0x1EE24}, {0x1EE27, 0x1EE27},
    {0x1EE29, 0x1EE32}, {0x1EE34, 0x1EE37}, {0x1EE39, 0x1EE39}, {0x1EE3B, 0x1EE3B},
    {0x1EE42, 0x1EE42}, {0x1EE47, 0x1EE47}, {0x1EE49, 0x1EE49}, {0x1EE4B, 0x1EE4B},
    {0x1EE4D, 0x1EE4F}, {0x1EE51, 0x1EE52}, {0x1EE54, 0x1EE54}, {0x1EE57, 0x1EE57},
    {0x1EE59, 0x1EE59}, {0x1EE5B, 0x1EE5B}, {0x1EE5D, 0x1EE5D}, {0x1EE5F, 0x1EE5F},
    {0x1EE61, 0x1EE62}, {0x1EE64, 0x1EE64}, {0x1EE67, 0x1EE6A}, {0x1EE6C, 0x1EE72},
    {0x1EE74, 0x1EE77}, {0x1EE79, 0x1EE7C}, {0x1EE7E, 0x1EE7E}, {0x1EE80, 0x1EE89},
    {0x1EE8B, 0x1EE9B}, {0x1EEA1, 0x1EEA3}, {0x1EEA5, 0x1EEA9}, {0x1EEAB, 0x1EEBB},
    {0x1EEF0, 0x1EEF1}, {0x1F000, 0x1F02B}, {0x1F030, 0x1F093}, {0x1F0A0, 0x1F0AE},
    {0x1F0B1, 0x1F0BF}, {0x1F0C1, 0x1F0CF}, {0x1F0D1, 0x1F0F5}, {0x1F100, 0x1F1AD},
    {0x1F1E6, 0x1F202}, {0x1F210, 0x1F23B}, {0x1F240, 0x1F248}, {0x1F250, 0x1F251},
    {0x1F260, 0x1F265}, {0x1F300, 0x1F6D7}, {0x1F6DD, 0x1F6EC}, {0x1F6F0, 0x1F6FC},
    {0x1F700, 0x1F773}, {0x1F780, 0x1F7D8}, {0x1F7E0, 0x1F7EB}, {0x1F7F0, 0x1F7F0},
    {0x1F800, 0x1F80B}, {0x1F810, 0x1F847}, {0x1F850, 0x1F859}, {0x1F860, 0x1F887},
    {0x1F890, 0x1F8AD}, {0x1F8B0, 0x1F8B1}, {0x1F900, 0x1FA53}, {0x1FA60, 0x1FA6D},
    {0x1FA70, 0x1FA74}, {0x1FA78, 0x1FA7C}, {0x1FA80, 0x1FA86}, {0x1FA90, 0x1FAAC},
    {0x1FAB0, 0x1FABA}, {0x1FAC0, 0x1FAC5}, {0x1FAD0, 0x1FAD9}, {0x1FAE0, 0x1FAE7},
    {0x1FAF0, 0x1FAF6}, {0x1FB00, 0x1FB92}, {0x1FB94, 0x1FBCA}, {0x1FBF0, 0x1FBF9},
    {0x20000, 0x2A6DF}, {0x2A700, 0x2B738}, {0x2B740, 0x2B81D}, {0x2B820, 0x2CEA1},
    {0x2CEB0, 0x2EBE0}, {0x2F800, 0x2FA1D}, {0x30000, 0x3134A}, {0xE0100, 0xE01EF},
};
const size_t kPrintRangesSize = sizeof(kPrintRanges) / sizeof(kPrintRanges[0]);

}  // namespace

}  // namespace gol::rt
