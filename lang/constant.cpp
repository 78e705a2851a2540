// Exact constant values (constant.h), on BigInt/BigRat (bignum.h).
//
// Every numeric constant, Int or Float, is one reduced BigRat; an Int is a
// BigRat with denominator 1. Floats are therefore exact rationals, never
// binary approximations: 0.1 + 0.2 == 0.3 holds, and rounding to float32 or
// float64 happens once, correctly (round half to even), from the exact value.
//
// Sizes are bounded by kMaxBits on both numerator and denominator. Every
// operation that could grow a value checks the bound before doing expensive
// work (a shift count, a literal's exponent), so `1 << 1000000` or
// `1e99999999` is rejected in constant time instead of building a huge
// number; results past the bound become Unknown and the checker reports them.
// gc's untyped floats have no such bound (they degrade to 512-bit binary
// floats); constants as large as 1e2466 or as small as 1e-2466 still work here.
//
// toString follows go/constant's Value.String as of Go 1.22, which is what gc
// prints in diagnostics: floats with "%.6g" (more digits when that would hide
// a fraction), an approximate "%.6ge%+d" outside float64's range, strings
// quoted and abbreviated to 72 characters.
#include "lang/constant.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "lang/bignum.h"
#include "lang/unicode.h"

namespace gol::lang {

namespace {

using Kind = ConstValue::Kind;

// ---- UTF-8 ----

constexpr uint32_t kRuneError = 0xfffd;
constexpr uint32_t kMaxRune = 0x10ffff;

bool validRune(uint32_t r) { return r <= kMaxRune && !(r >= 0xd800 && r <= 0xdfff); }

void appendUtf8(std::string& out, uint32_t r) {
  if (!validRune(r)) r = kRuneError;
  if (r < 0x80) {
    out += static_cast<char>(r);
  } else if (r < 0x800) {
    out += static_cast<char>(0xc0 | (r >> 6));
    out += static_cast<char>(0x80 | (r & 0x3f));
  } else if (r < 0x10000) {
    out += static_cast<char>(0xe0 | (r >> 12));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (r & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (r >> 18));
    out += static_cast<char>(0x80 | ((r >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (r & 0x3f));
  }
}

// Decodes the rune at s[i]; returns its byte length, or 0 for an invalid
// encoding (overlong forms, surrogates and values past U+10FFFF included).
size_t decodeUtf8(std::string_view s, size_t i, uint32_t* rune) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    *rune = b0;
    return 1;
  }
  size_t len;
  uint32_t r, min;
  if ((b0 & 0xe0) == 0xc0) { len = 2; r = b0 & 0x1f; min = 0x80; }
  else if ((b0 & 0xf0) == 0xe0) { len = 3; r = b0 & 0x0f; min = 0x800; }
  else if ((b0 & 0xf8) == 0xf0) { len = 4; r = b0 & 0x07; min = 0x10000; }
  else return 0;
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; k++) {
    if ((byte(i + k) & 0xc0) != 0x80) return 0;
    r = (r << 6) | (byte(i + k) & 0x3f);
  }
  if (r < min || !validRune(r)) return 0;
  *rune = r;
  return len;
}

// ---- literals ----

int hexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes the escape sequence starting at s[i] == '\\', advancing i past it.
// `quote` is the literal's delimiter: \' is valid only in rune literals
// (gc also accepts \" there). *isByte is set for \x and octal escapes, which
// denote a byte rather than a code point.
bool decodeEscape(std::string_view s, size_t& i, char quote, uint32_t* value, bool* isByte) {
  *isByte = false;
  if (i + 1 >= s.size()) return false;
  char c = s[i + 1];
  i += 2;
  switch (c) {
    case 'a': *value = '\a'; return true;
    case 'b': *value = '\b'; return true;
    case 'f': *value = '\f'; return true;
    case 'n': *value = '\n'; return true;
    case 'r': *value = '\r'; return true;
    case 't': *value = '\t'; return true;
    case 'v': *value = '\v'; return true;
    case '\\': *value = '\\'; return true;
    case '\'':
      *value = '\'';
      return quote == '\'';
    case '"': *value = '"'; return true;
    default: break;
  }
  if (c >= '0' && c <= '7') {
    // Exactly three octal digits, at most 255.
    uint32_t v = c - '0';
    for (int k = 0; k < 2; k++, i++) {
      if (i >= s.size() || s[i] < '0' || s[i] > '7') return false;
      v = v * 8 + (s[i] - '0');
    }
    if (v > 255) return false;
    *value = v;
    *isByte = true;
    return true;
  }
  int digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
  if (digits == 0) return false;
  uint32_t v = 0;
  for (int k = 0; k < digits; k++, i++) {
    if (i >= s.size()) return false;
    int d = hexDigitValue(s[i]);
    if (d < 0) return false;
    v = v * 16 + d;
  }
  if (c == 'x') {
    *isByte = true;
  } else if (!validRune(v)) {
    return false;
  }
  *value = v;
  return true;
}

std::optional<uint32_t> parseRuneLiteral(std::string_view lit) {
  if (lit.size() < 3 || lit.front() != '\'' || lit.back() != '\'') return std::nullopt;
  std::string_view body = lit.substr(1, lit.size() - 2);
  uint32_t value = 0;
  size_t i = 0;
  if (body[0] == '\\') {
    bool isByte;
    if (!decodeEscape(body, i, '\'', &value, &isByte)) return std::nullopt;
  } else {
    i = decodeUtf8(body, 0, &value);
    if (i == 0 || value == '\'' || value == '\n') return std::nullopt;
  }
  if (i != body.size()) return std::nullopt;
  return value;
}

std::optional<std::string> parseStringLiteral(std::string_view lit) {
  if (lit.size() < 2) return std::nullopt;
  std::string out;
  if (lit.front() == '`') {
    if (lit.back() != '`') return std::nullopt;
    for (char c : lit.substr(1, lit.size() - 2)) {
      if (c == '`') return std::nullopt;
      if (c != '\r') out += c;  // the spec discards carriage returns in raw strings
    }
    return out;
  }
  if (lit.front() != '"' || lit.back() != '"') return std::nullopt;
  std::string_view body = lit.substr(1, lit.size() - 2);
  for (size_t i = 0; i < body.size();) {
    char c = body[i];
    if (c == '"' || c == '\n') return std::nullopt;
    if (c != '\\') {
      out += c;  // source bytes are copied as they are, valid UTF-8 or not
      i++;
      continue;
    }
    uint32_t value;
    bool isByte;
    if (!decodeEscape(body, i, '"', &value, &isByte)) return std::nullopt;
    if (isByte) out += static_cast<char>(value);
    else appendUtf8(out, value);
  }
  return out;
}

// Digits of a number literal, split at its parts. Separators '_' removed.
struct NumberParts {
  unsigned base = 10;
  std::string mantissa;  // integer and fraction digits, point removed
  int64_t fractionDigits = 0;
  bool hasExponent = false;
  int64_t exponent = 0;  // saturated far past any usable value
};

constexpr int64_t kExponentSaturation = int64_t{1} << 40;

std::optional<NumberParts> splitNumber(std::string_view lit, bool isFloat) {
  NumberParts p;
  size_t i = 0;
  if (lit.size() >= 2 && lit[0] == '0') {
    char x = lit[1] | 0x20;
    if (x == 'x') p.base = 16, i = 2;
    else if (x == 'b') p.base = 2, i = 2;
    else if (x == 'o') p.base = 8, i = 2;
    else if (!isFloat) p.base = 8;  // legacy octal 0777: the 0 is a digit too
  }
  if (isFloat && p.base != 10 && p.base != 16) return std::nullopt;
  bool seenPoint = false;
  for (; i < lit.size(); i++) {
    char c = lit[i];
    if (c == '_') continue;
    if (c == '.' && isFloat && !seenPoint) {
      seenPoint = true;
      continue;
    }
    char lower = c | 0x20;
    if (isFloat && ((p.base == 10 && lower == 'e') || (p.base == 16 && lower == 'p'))) break;
    int d = hexDigitValue(c);
    if (d < 0 || static_cast<unsigned>(d) >= p.base) return std::nullopt;
    p.mantissa += c;
    if (seenPoint) p.fractionDigits++;
  }
  if (i < lit.size()) {
    p.hasExponent = true;
    i++;
    bool negative = false;
    if (i < lit.size() && (lit[i] == '+' || lit[i] == '-')) negative = lit[i++] == '-';
    bool any = false;
    for (; i < lit.size(); i++) {
      if (lit[i] == '_') continue;
      if (lit[i] < '0' || lit[i] > '9') return std::nullopt;
      any = true;
      if (p.exponent < kExponentSaturation) p.exponent = p.exponent * 10 + (lit[i] - '0');
    }
    if (!any) return std::nullopt;
    if (negative) p.exponent = -p.exponent;
  }
  if (p.mantissa.empty()) return std::nullopt;
  if (isFloat && p.base == 16 && !p.hasExponent) return std::nullopt;  // 0x1.8 needs p
  return p;
}

// Lower bound of log2(base), for size checks that must not underestimate.
unsigned bitsPerDigitFloor(unsigned base) { return base == 2 ? 1 : base == 8 ? 3 : base == 10 ? 3 : 4; }

constexpr double kLog2of10 = 3.321928094887362;

std::optional<BigRat> parseIntLiteral(std::string_view lit) {
  auto parts = splitNumber(lit, false);
  if (!parts) return std::nullopt;
  std::string_view digits = parts->mantissa;
  while (!digits.empty() && digits.front() == '0') digits.remove_prefix(1);
  if (digits.empty()) return BigRat();
  if ((digits.size() - 1) * bitsPerDigitFloor(parts->base) > ConstValue::kMaxBits) return std::nullopt;
  auto v = BigInt::parse(digits, parts->base);
  if (!v) return std::nullopt;
  return BigRat(std::move(*v));
}

// A float literal's value, or nullopt when malformed or past kMaxBits. The
// size is judged from the digit count and exponent before any big number is
// built, so a huge exponent costs nothing.
std::optional<BigRat> parseFloatLiteral(std::string_view lit) {
  auto parts = splitNumber(lit, true);
  if (!parts) return std::nullopt;
  std::string_view digits = parts->mantissa;
  while (!digits.empty() && digits.front() == '0') digits.remove_prefix(1);
  int64_t trailingZeros = 0;
  while (!digits.empty() && digits.back() == '0') digits.remove_suffix(1), trailingZeros++;
  if (digits.empty()) return BigRat();
  const double maxBits = ConstValue::kMaxBits;
  const double nd = static_cast<double>(digits.size());
  if (parts->base == 16) {
    // value = M * 2^e2; M has between 4*(nd-1)+1 and 4*nd bits.
    int64_t e2 = parts->exponent - 4 * parts->fractionDigits + 4 * trailingZeros;
    if (4 * (nd - 1) > maxBits) return std::nullopt;
    if (e2 > 0 && 4 * (nd - 1) + static_cast<double>(e2) > maxBits) return std::nullopt;
    // M's factors of two can cancel at most 4*nd bits of the denominator.
    if (e2 < 0 && -static_cast<double>(e2) - 4 * nd > maxBits) return std::nullopt;
    BigInt m = *BigInt::parse(digits, 16);
    if (e2 >= 0) return BigRat(m << static_cast<uint64_t>(e2));
    return BigRat::make(std::move(m), BigInt::powerOfTwo(static_cast<uint64_t>(-e2)));
  }
  // value = M * 10^e10 with 10^(nd-1) <= M < 10^nd.
  int64_t e10 = parts->exponent - parts->fractionDigits + trailingZeros;
  // M itself may be cancelled by the denominator, so allow it twice the bound.
  if ((nd - 1) * 3 > 2 * maxBits) return std::nullopt;
  if (e10 > 0 && (nd - 1 + static_cast<double>(e10)) * kLog2of10 > maxBits + 1) return std::nullopt;
  // The reduced denominator is at least 10^|e10| / M > 10^(|e10| - nd).
  if (e10 < 0 && (-static_cast<double>(e10) - nd) * kLog2of10 > maxBits + 1) return std::nullopt;
  BigInt m = *BigInt::parse(digits, 10);
  if (e10 >= 0) return BigRat(m * BigInt::pow(10, static_cast<uint64_t>(e10)));
  return BigRat::make(std::move(m), BigInt::pow(10, static_cast<uint64_t>(-e10)));
}

// ---- formatting ----

// Decimal digits of a finite double as strconv produces them: value is
// 0.digits * 10^decimalPoint, no trailing zeros. precision < 0 asks for the
// shortest digits that round-trip, otherwise for that many significant digits.
struct DecimalDigits {
  std::string digits;
  int decimalPoint = 0;
  bool negative = false;
};

DecimalDigits decimalDigits(double x, int precision) {
  DecimalDigits d;
  d.negative = std::signbit(x);
  if (x == 0) return d;
  char buf[64];
  auto res = precision < 0
                 ? std::to_chars(buf, buf + sizeof buf, std::fabs(x), std::chars_format::scientific)
                 : std::to_chars(buf, buf + sizeof buf, std::fabs(x), std::chars_format::scientific,
                                 precision - 1);
  std::string_view s(buf, res.ptr - buf);
  size_t e = s.find('e');
  for (char c : s.substr(0, e)) {
    if (c != '.') d.digits += c;
  }
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
  int exponent = 0;
  std::string_view exp = s.substr(e + 1);
  if (exp[0] == '+') exp.remove_prefix(1);
  std::from_chars(exp.data(), exp.data() + exp.size(), exponent);
  d.decimalPoint = exponent + 1;
  return d;
}

// Go's %e with `decimals` digits after the point, from digits d.
std::string formatE(const DecimalDigits& d, int decimals) {
  std::string out = d.negative ? "-" : "";
  out += d.digits.empty() ? '0' : d.digits[0];
  if (decimals > 0) {
    out += '.';
    for (int i = 1; i <= decimals; i++) out += i < static_cast<int>(d.digits.size()) ? d.digits[i] : '0';
  }
  int exp = d.digits.empty() ? 0 : d.decimalPoint - 1;
  out += fmt::format("e{}{:02d}", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
  return out;
}

// Go's %f with `decimals` digits after the point.
std::string formatF(const DecimalDigits& d, int decimals) {
  std::string out = d.negative ? "-" : "";
  const int nd = static_cast<int>(d.digits.size());
  if (d.decimalPoint > 0) {
    for (int i = 0; i < d.decimalPoint; i++) out += i < nd ? d.digits[i] : '0';
  } else {
    out += '0';
  }
  if (decimals > 0) {
    out += '.';
    for (int i = 0; i < decimals; i++) {
      int j = d.decimalPoint + i;
      out += j >= 0 && j < nd ? d.digits[j] : '0';
    }
  }
  return out;
}

// Go's %g (precision < 0) or %.<precision>g of a finite double.
std::string formatG(double x, int precision) {
  if (precision == 0) precision = 1;
  DecimalDigits d = decimalDigits(x, precision);
  if (d.digits.empty()) return d.negative ? "-0" : "0";
  const bool shortest = precision < 0;
  const int nd = static_cast<int>(d.digits.size());
  int prec = shortest ? nd : precision;
  int eprec = prec;
  if (eprec > nd && nd >= d.decimalPoint) eprec = nd;
  if (shortest) eprec = 6;
  int exp = d.decimalPoint - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > nd) prec = nd;
    return formatE(d, prec - 1);
  }
  if (prec > d.decimalPoint) prec = nd;
  return formatF(d, std::max(prec - d.decimalPoint, 0));
}

// go/constant's abbreviation of long strings in messages: at most 72 runes
// of the quoted form, the last three replaced by "...".
std::string abbreviatedQuote(std::string_view s) {
  constexpr size_t kMaxRunes = 72;
  std::string q = quoteString(s);
  size_t runes = 0, cut = 0;
  for (size_t i = 0; i < q.size(); runes++) {
    if (runes == kMaxRunes - 3) cut = i;
    uint32_t r;
    size_t len = decodeUtf8(q, i, &r);
    i += len ? len : 1;
  }
  if (runes <= kMaxRunes) return q;
  return q.substr(0, cut) + "...";
}

// go/constant's String of a float: %.6g of the nearest float64 when that is
// finite and keeps zero/non-zero, else an approximate mantissa and decimal
// exponent computed in float64.
std::string formatFloatConstant(const BigRat& v) {
  double x = v.toFloat64();
  if ((v.sign() == 0) == (x == 0) && !std::isinf(x)) {
    std::string s = formatG(x, 6);
    // Go 1.20+: a non-integer must not print as an integer (go.dev/issue/56220).
    if (!v.isInt() && s.find('.') == std::string::npos) s = formatG(x, -1);
    return s;
  }
  // v == mant * 2^exp2 with 0.5 <= |mant| < 1.
  int64_t exp2 = static_cast<int64_t>(v.num().bitLen()) - static_cast<int64_t>(v.den().bitLen());
  auto scaled = [&](int64_t e) {
    BigInt num = v.num().abs(), den = v.den();
    if (e >= 0) den = den << static_cast<uint64_t>(e);
    else num = num << static_cast<uint64_t>(-e);
    return BigRat::make(num, den);
  };
  if (BigRat::compare(scaled(exp2), BigRat(BigInt::fromUint64(1))) >= 0) exp2++;
  double m = scaled(exp2).toFloat64();
  if (v.sign() < 0) m = -m;
  constexpr double kLog10of2 = 0.30102999566398119521373889472449302676818988146211;
  double d = static_cast<double>(exp2) * kLog10of2;
  int64_t e = static_cast<int64_t>(d);
  m *= std::pow(10.0, d - static_cast<double>(e));
  double am = std::fabs(m);
  if (am < 1 - 0.5e-6) {
    // %.6g keeps five decimals; m*10 must stay below 10 after rounding.
    m *= 10;
    e--;
  } else if (am >= 10) {
    m /= 10;
    e++;
  }
  return fmt::format("{}e{}{}", formatG(m, 6), e < 0 ? '-' : '+', e < 0 ? -e : e);
}

}  // namespace

// ---- ConstValue ----

ConstValue::ConstValue(const ConstValue&) = default;
ConstValue::ConstValue(ConstValue&&) noexcept = default;
ConstValue& ConstValue::operator=(const ConstValue&) = default;
ConstValue& ConstValue::operator=(ConstValue&&) noexcept = default;
ConstValue::~ConstValue() = default;

ConstValue ConstValue::fromRat(Kind kind, BigRat value) {
  ConstValue v;
  if (value.num().bitLen() > kMaxBits || value.den().bitLen() > kMaxBits) return v;
  v.kind_ = kind;
  v.num_ = std::make_shared<const BigRat>(std::move(value));
  return v;
}

ConstValue ConstValue::makeBool(bool b) {
  ConstValue v;
  v.kind_ = Kind::Bool;
  v.b_ = b;
  return v;
}

ConstValue ConstValue::makeString(std::string s) {
  ConstValue v;
  if (s.size() > kMaxStringLen) return v;
  v.kind_ = Kind::String;
  v.s_ = std::make_shared<const std::string>(std::move(s));
  return v;
}

ConstValue ConstValue::makeInt64(int64_t v) { return fromRat(Kind::Int, BigRat(BigInt::fromInt64(v))); }
ConstValue ConstValue::makeUint64(uint64_t v) { return fromRat(Kind::Int, BigRat(BigInt::fromUint64(v))); }

ConstValue ConstValue::makeFloat64(double v) {
  if (!std::isfinite(v)) return ConstValue();
  return fromRat(Kind::Float, BigRat::fromDouble(v));
}

ConstValue ConstValue::fromLiteral(Tok kind, std::string_view lit) {
  switch (kind) {
    case Tok::Int:
      if (auto v = parseIntLiteral(lit)) return fromRat(Kind::Int, std::move(*v));
      return ConstValue();
    case Tok::Float:
      if (auto v = parseFloatLiteral(lit)) return fromRat(Kind::Float, std::move(*v));
      return ConstValue();
    case Tok::Char:
      if (auto r = parseRuneLiteral(lit)) return makeInt64(*r);
      return ConstValue();
    case Tok::String:
      if (auto s = parseStringLiteral(lit)) return makeString(std::move(*s));
      return ConstValue();
    default:
      return ConstValue();  // Imag: complex numbers are not part of Gol
  }
}

bool ConstValue::boolVal() const { return b_; }

const std::string& ConstValue::stringVal() const {
  static const std::string empty;
  return s_ ? *s_ : empty;
}

bool ConstValue::isIntegral() const { return isNumeric() && num_->isInt(); }

std::optional<int64_t> ConstValue::toInt64() const {
  if (!isIntegral()) return std::nullopt;
  return num_->num().toInt64();
}

std::optional<uint64_t> ConstValue::toUint64() const {
  if (!isIntegral()) return std::nullopt;
  return num_->num().toUint64();
}

double ConstValue::toFloat64() const { return isNumeric() ? num_->toFloat64() : 0.0; }
float ConstValue::toFloat32() const { return isNumeric() ? static_cast<float>(num_->toFloat32()) : 0.0f; }
bool ConstValue::overflowsFloat64() const { return isNumeric() && std::isinf(num_->toFloat64()); }
bool ConstValue::overflowsFloat32() const { return isNumeric() && std::isinf(num_->toFloat32()); }

ConstValue ConstValue::toInt() const {
  if (!isIntegral()) return ConstValue();
  return fromRat(Kind::Int, *num_);
}

ConstValue ConstValue::toFloat() const {
  if (!isNumeric()) return ConstValue();
  return fromRat(Kind::Float, *num_);
}

ConstValue ConstValue::roundFloat64() const {
  if (!isNumeric()) return ConstValue();
  ConstValue v = makeFloat64(num_->toFloat64());
  return v;
}

ConstValue ConstValue::roundFloat32() const {
  if (!isNumeric()) return ConstValue();
  return makeFloat64(num_->toFloat32());
}

int ConstValue::sign() const { return isNumeric() ? num_->sign() : 0; }

int ConstValue::bitLen() const { return isNumeric() ? static_cast<int>(num_->num().bitLen()) : 0; }

ConstValue ConstValue::binaryOp(const ConstValue& x, Tok op, const ConstValue& y, bool intDiv) {
  if (x.isUnknown() || y.isUnknown()) return ConstValue();
  if (x.kind_ == Kind::Bool && y.kind_ == Kind::Bool) {
    if (op == Tok::LAnd) return makeBool(x.b_ && y.b_);
    if (op == Tok::LOr) return makeBool(x.b_ || y.b_);
    return ConstValue();
  }
  if (x.kind_ == Kind::String && y.kind_ == Kind::String) {
    if (op != Tok::Add || x.s_->size() + y.s_->size() > kMaxStringLen) return ConstValue();
    return makeString(*x.s_ + *y.s_);
  }
  if (!x.isNumeric() || !y.isNumeric()) return ConstValue();
  const BigRat& a = *x.num_;
  const BigRat& b = *y.num_;
  if (x.kind_ == Kind::Int && y.kind_ == Kind::Int) {
    const BigInt& i = a.num();
    const BigInt& j = b.num();
    switch (op) {
      case Tok::Add: return fromRat(Kind::Int, BigRat(i + j));
      case Tok::Sub: return fromRat(Kind::Int, BigRat(i - j));
      case Tok::Mul:
        if (i.bitLen() + j.bitLen() > kMaxBits + 1) return ConstValue();
        return fromRat(Kind::Int, BigRat(i * j));
      case Tok::Quo:
        if (j.isZero()) return ConstValue();
        if (intDiv) {
          BigInt q;
          BigInt::quoRem(i, j, &q, nullptr);
          return fromRat(Kind::Int, BigRat(std::move(q)));
        }
        return fromRat(Kind::Float, a / b);
      case Tok::Rem: {
        if (j.isZero()) return ConstValue();
        BigInt r;
        BigInt::quoRem(i, j, nullptr, &r);
        return fromRat(Kind::Int, BigRat(std::move(r)));
      }
      case Tok::And: return fromRat(Kind::Int, BigRat(i & j));
      case Tok::Or: return fromRat(Kind::Int, BigRat(i | j));
      case Tok::Xor: return fromRat(Kind::Int, BigRat(i ^ j));
      case Tok::AndNot: return fromRat(Kind::Int, BigRat(i.andNot(j)));
      default: return ConstValue();
    }
  }
  switch (op) {
    case Tok::Add: return fromRat(Kind::Float, a + b);
    case Tok::Sub: return fromRat(Kind::Float, a - b);
    case Tok::Mul: return fromRat(Kind::Float, a * b);
    case Tok::Quo:
      if (b.sign() == 0) return ConstValue();
      return fromRat(Kind::Float, a / b);
    default: return ConstValue();
  }
}

ConstValue ConstValue::unaryOp(Tok op, const ConstValue& x, int unsignedBits) {
  switch (op) {
    case Tok::Add: return x.isNumeric() ? x : ConstValue();
    case Tok::Sub: return x.isNumeric() ? fromRat(x.kind_, x.num_->neg()) : ConstValue();
    case Tok::Not: return x.kind_ == Kind::Bool ? makeBool(!x.b_) : ConstValue();
    case Tok::Xor: {
      if (x.kind_ != Kind::Int) return ConstValue();
      BigInt r = x.num_->num().bitNot();
      if (unsignedBits > 0) r = r & (BigInt::powerOfTwo(unsignedBits) - BigInt::fromUint64(1));
      return fromRat(Kind::Int, BigRat(std::move(r)));
    }
    default: return ConstValue();
  }
}

ConstValue ConstValue::shift(const ConstValue& x, Tok op, uint64_t s) {
  if (!x.isIntegral()) return ConstValue();
  const BigInt& i = x.num_->num();
  if (op == Tok::Shl) {
    if (i.isZero()) return makeInt64(0);
    if (s > static_cast<uint64_t>(kMaxBits) || i.bitLen() + s > static_cast<uint64_t>(kMaxBits)) return ConstValue();
    return fromRat(Kind::Int, BigRat(i << s));
  }
  if (op == Tok::Shr) {
    if (s >= i.bitLen()) return makeInt64(i.isNeg() ? -1 : 0);
    return fromRat(Kind::Int, BigRat(i >> s));
  }
  return ConstValue();
}

bool ConstValue::compare(const ConstValue& x, Tok op, const ConstValue& y) {
  int c;
  if (x.isNumeric() && y.isNumeric()) {
    c = BigRat::compare(*x.num_, *y.num_);
  } else if (x.kind_ == Kind::String && y.kind_ == Kind::String) {
    c = x.s_->compare(*y.s_);
    c = c < 0 ? -1 : c > 0 ? 1 : 0;
  } else if (x.kind_ == Kind::Bool && y.kind_ == Kind::Bool) {
    if (op == Tok::Eql) return x.b_ == y.b_;
    if (op == Tok::Neq) return x.b_ != y.b_;
    return false;
  } else {
    return false;
  }
  switch (op) {
    case Tok::Eql: return c == 0;
    case Tok::Neq: return c != 0;
    case Tok::Lss: return c < 0;
    case Tok::Leq: return c <= 0;
    case Tok::Gtr: return c > 0;
    case Tok::Geq: return c >= 0;
    default: return false;
  }
}

std::string ConstValue::toString() const {
  switch (kind_) {
    case Kind::Unknown: return "unknown";
    case Kind::Bool: return b_ ? "true" : "false";
    case Kind::String: return abbreviatedQuote(*s_);
    case Kind::Int: return num_->num().toDecimal();
    case Kind::Float: return formatFloatConstant(*num_);
  }
  return "unknown";
}

std::string ConstValue::exactString() const {
  switch (kind_) {
    case Kind::String: return quoteString(*s_);
    case Kind::Int: return num_->num().toDecimal();
    case Kind::Float:
      if (num_->isInt()) return num_->num().toDecimal();
      return num_->num().toDecimal() + "/" + num_->den().toDecimal();
    default: return toString();
  }
}

}  // namespace gol::lang
