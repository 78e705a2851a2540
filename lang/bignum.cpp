// BigInt and BigRat: see bignum.h for the representation and its reasons.
#include "lang/bignum.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace gol::lang {

namespace {
constexpr uint64_t kLimbBase = uint64_t{1} << 32;
}

// ---- construction and inspection ----

BigInt BigInt::make(Limbs mag, bool neg) {
  trim(mag);
  BigInt r;
  r.neg_ = neg && !mag.empty();
  r.mag_ = std::move(mag);
  return r;
}

void BigInt::trim(Limbs& m) {
  while (!m.empty() && m.back() == 0) m.pop_back();
}

BigInt BigInt::fromUint64(uint64_t v) {
  return make(Limbs{static_cast<uint32_t>(v), static_cast<uint32_t>(v >> 32)}, false);
}

BigInt BigInt::one() {
  BigInt r;
  r.mag_.push_back(1);
  return r;
}

BigInt BigInt::fromInt64(int64_t v) {
  // Negating through uint64_t keeps INT64_MIN defined.
  uint64_t m = v < 0 ? uint64_t{0} - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  BigInt r = fromUint64(m);
  r.neg_ = v < 0;
  return r;
}

BigInt BigInt::powerOfTwo(uint64_t n) {
  Limbs m(n / 32 + 1, 0);
  m.back() = uint32_t{1} << (n % 32);
  return make(std::move(m), false);
}

BigInt BigInt::pow(uint32_t base, uint64_t exp) {
  BigInt result = fromUint64(1), b = fromUint64(base);
  while (exp > 0) {
    if (exp & 1) result = result * b;
    exp >>= 1;
    if (exp > 0) b = b * b;
  }
  return result;
}

uint64_t BigInt::bitLen() const {
  if (mag_.empty()) return 0;
  return (mag_.size() - 1) * 32 + (32 - std::countl_zero(mag_.back()));
}

uint64_t BigInt::trailingZeros() const {
  for (size_t i = 0; i < mag_.size(); i++) {
    if (mag_[i] != 0) return i * 32 + std::countr_zero(mag_[i]);
  }
  return 0;
}

bool BigInt::magBit(uint64_t i) const {
  uint64_t limb = i / 32;
  return limb < mag_.size() && ((mag_[limb] >> (i % 32)) & 1);
}

uint64_t BigInt::lowMagBits() const {
  uint64_t v = 0;
  if (mag_.size() > 0) v = mag_[0];
  if (mag_.size() > 1) v |= uint64_t{mag_[1]} << 32;
  return v;
}

std::optional<uint64_t> BigInt::toUint64() const {
  if (neg_ || mag_.size() > 2) return std::nullopt;
  return lowMagBits();
}

std::optional<int64_t> BigInt::toInt64() const {
  if (mag_.size() > 2) return std::nullopt;
  uint64_t m = lowMagBits();
  if (!neg_) {
    if (m > uint64_t{INT64_MAX}) return std::nullopt;
    return static_cast<int64_t>(m);
  }
  if (m > uint64_t{INT64_MAX} + 1) return std::nullopt;
  return static_cast<int64_t>(uint64_t{0} - m);
}

BigInt BigInt::neg() const {
  BigInt r = *this;
  r.neg_ = !r.neg_ && !r.mag_.empty();
  return r;
}

BigInt BigInt::abs() const {
  BigInt r = *this;
  r.neg_ = false;
  return r;
}

// ---- magnitude arithmetic ----

int BigInt::cmpLimbs(const Limbs& a, const Limbs& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (size_t i = a.size(); i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

BigInt::Limbs BigInt::addLimbs(const Limbs& a, const Limbs& b) {
  const Limbs& longer = a.size() >= b.size() ? a : b;
  const Limbs& shorter = a.size() >= b.size() ? b : a;
  Limbs r(longer.size() + 1);
  uint64_t carry = 0;
  for (size_t i = 0; i < longer.size(); i++) {
    uint64_t s = uint64_t{longer[i]} + (i < shorter.size() ? shorter[i] : 0) + carry;
    r[i] = static_cast<uint32_t>(s);
    carry = s >> 32;
  }
  r.back() = static_cast<uint32_t>(carry);
  trim(r);
  return r;
}

BigInt::Limbs BigInt::subLimbs(const Limbs& a, const Limbs& b) {
  Limbs r(a.size());
  int64_t borrow = 0;
  for (size_t i = 0; i < a.size(); i++) {
    int64_t d = int64_t{a[i]} - (i < b.size() ? int64_t{b[i]} : 0) - borrow;
    borrow = d < 0;
    r[i] = static_cast<uint32_t>(d + (borrow ? static_cast<int64_t>(kLimbBase) : 0));
  }
  trim(r);
  return r;
}

BigInt::Limbs BigInt::mulLimbs(const Limbs& a, const Limbs& b) {
  if (a.empty() || b.empty()) return {};
  Limbs r(a.size() + b.size(), 0);
  for (size_t i = 0; i < a.size(); i++) {
    uint64_t carry = 0;
    for (size_t j = 0; j < b.size(); j++) {
      uint64_t t = uint64_t{a[i]} * b[j] + r[i + j] + carry;
      r[i + j] = static_cast<uint32_t>(t);
      carry = t >> 32;
    }
    r[i + b.size()] = static_cast<uint32_t>(carry);
  }
  trim(r);
  return r;
}

uint32_t BigInt::divSmall(Limbs& a, uint32_t d) {
  uint64_t rem = 0;
  for (size_t i = a.size(); i-- > 0;) {
    uint64_t cur = (rem << 32) | a[i];
    a[i] = static_cast<uint32_t>(cur / d);
    rem = cur % d;
  }
  trim(a);
  return static_cast<uint32_t>(rem);
}

void BigInt::mulAddSmall(Limbs& a, uint32_t mul, uint32_t add) {
  uint64_t carry = add;
  for (uint32_t& limb : a) {
    uint64_t t = uint64_t{limb} * mul + carry;
    limb = static_cast<uint32_t>(t);
    carry = t >> 32;
  }
  if (carry) a.push_back(static_cast<uint32_t>(carry));
}

// Knuth, TAOCP vol. 2, 4.3.1, algorithm D, on 32-bit digits.
void BigInt::divModLimbs(const Limbs& u, const Limbs& v, Limbs* q, Limbs* r) {
  if (cmpLimbs(u, v) < 0) {
    *q = {};
    *r = u;
    return;
  }
  if (v.size() == 1) {
    *q = u;
    uint32_t rem = divSmall(*q, v[0]);
    *r = rem ? Limbs{rem} : Limbs{};
    return;
  }
  const size_t n = v.size(), m = u.size() - v.size();
  const int s = std::countl_zero(v.back());
  Limbs vn = shlLimbs(v, s);
  Limbs un = shlLimbs(u, s);
  un.resize(u.size() + 1, 0);
  vn.resize(n, 0);
  Limbs quo(m + 1, 0);
  for (size_t j = m + 1; j-- > 0;) {
    uint64_t num = (uint64_t{un[j + n]} << 32) | un[j + n - 1];
    uint64_t qhat = num / vn[n - 1];
    uint64_t rhat = num % vn[n - 1];
    while (qhat >= kLimbBase || qhat * vn[n - 2] > ((rhat << 32) | un[j + n - 2])) {
      qhat--;
      rhat += vn[n - 1];
      if (rhat >= kLimbBase) break;
    }
    // un[j..j+n] -= qhat * vn, tracking the borrow as a signed quantity.
    int64_t borrow = 0, t = 0;
    for (size_t i = 0; i < n; i++) {
      uint64_t p = qhat * vn[i];
      t = int64_t{un[i + j]} - borrow - static_cast<int64_t>(p & 0xffffffffu);
      un[i + j] = static_cast<uint32_t>(t);
      borrow = static_cast<int64_t>(p >> 32) - (t >> 32);
    }
    t = int64_t{un[j + n]} - borrow;
    un[j + n] = static_cast<uint32_t>(t);
    if (t < 0) {  // qhat was one too large: add the divisor back.
      qhat--;
      uint64_t carry = 0;
      for (size_t i = 0; i < n; i++) {
        uint64_t sum = uint64_t{un[i + j]} + vn[i] + carry;
        un[i + j] = static_cast<uint32_t>(sum);
        carry = sum >> 32;
      }
      un[j + n] = static_cast<uint32_t>(un[j + n] + carry);
    }
    quo[j] = static_cast<uint32_t>(qhat);
  }
  trim(quo);
  un.resize(n);
  *q = std::move(quo);
  *r = shrLimbs(un, s);
}

BigInt::Limbs BigInt::shlLimbs(const Limbs& a, uint64_t n) {
  if (a.empty()) return {};
  size_t limbs = n / 32;
  unsigned bits = n % 32;
  Limbs r(a.size() + limbs + 1, 0);
  for (size_t i = 0; i < a.size(); i++) {
    uint64_t v = uint64_t{a[i]} << bits;
    r[i + limbs] |= static_cast<uint32_t>(v);
    r[i + limbs + 1] |= static_cast<uint32_t>(v >> 32);
  }
  trim(r);
  return r;
}

BigInt::Limbs BigInt::shrLimbs(const Limbs& a, uint64_t n) {
  size_t limbs = n / 32;
  unsigned bits = n % 32;
  if (limbs >= a.size()) return {};
  Limbs r(a.size() - limbs, 0);
  for (size_t i = 0; i < r.size(); i++) {
    uint64_t v = a[i + limbs];
    if (i + limbs + 1 < a.size()) v |= uint64_t{a[i + limbs + 1]} << 32;
    r[i] = static_cast<uint32_t>(v >> bits);
  }
  trim(r);
  return r;
}

// ---- signed arithmetic ----

BigInt operator+(const BigInt& a, const BigInt& b) {
  if (a.neg_ == b.neg_) return BigInt::make(BigInt::addLimbs(a.mag_, b.mag_), a.neg_);
  int c = BigInt::cmpLimbs(a.mag_, b.mag_);
  if (c == 0) return BigInt();
  if (c > 0) return BigInt::make(BigInt::subLimbs(a.mag_, b.mag_), a.neg_);
  return BigInt::make(BigInt::subLimbs(b.mag_, a.mag_), b.neg_);
}

BigInt operator-(const BigInt& a, const BigInt& b) { return a + b.neg(); }

BigInt operator*(const BigInt& a, const BigInt& b) {
  return BigInt::make(BigInt::mulLimbs(a.mag_, b.mag_), a.neg_ != b.neg_);
}

void BigInt::quoRem(const BigInt& a, const BigInt& b, BigInt* quo, BigInt* rem) {
  if (b.isZero()) std::abort();  // callers check for division by zero first
  Limbs q, r;
  divModLimbs(a.mag_, b.mag_, &q, &r);
  bool aNeg = a.neg_, qNeg = a.neg_ != b.neg_;
  if (quo) *quo = make(std::move(q), qNeg);
  if (rem) *rem = make(std::move(r), aNeg);
}

BigInt BigInt::operator<<(uint64_t n) const { return make(shlLimbs(mag_, n), neg_); }

BigInt BigInt::operator>>(uint64_t n) const {
  if (!neg_) return make(shrLimbs(mag_, n), false);
  // floor(-m / 2^n) == -ceil(m / 2^n)
  Limbs q = shrLimbs(mag_, n);
  bool inexact = n > 0 && trailingZeros() < n;
  if (inexact) q = addLimbs(q, Limbs{1});
  return make(std::move(q), true);
}

int BigInt::compareMag(const BigInt& a, const BigInt& b) { return cmpLimbs(a.mag_, b.mag_); }

int BigInt::compare(const BigInt& a, const BigInt& b) {
  if (a.neg_ != b.neg_) return a.neg_ ? -1 : 1;
  int c = cmpLimbs(a.mag_, b.mag_);
  return a.neg_ ? -c : c;
}

BigInt BigInt::gcd(BigInt a, BigInt b) {
  Limbs x = std::move(a.mag_), y = std::move(b.mag_);
  while (!y.empty()) {
    Limbs q, r;
    divModLimbs(x, y, &q, &r);
    x = std::move(y);
    y = std::move(r);
  }
  return make(std::move(x), false);
}

// ---- bitwise operations, on infinite two's complement ----

BigInt::Limbs BigInt::twosComplement(size_t n) const {
  Limbs r(n, 0);
  std::copy(mag_.begin(), mag_.end(), r.begin());
  if (neg_) {
    uint64_t carry = 1;
    for (uint32_t& limb : r) {
      uint64_t t = uint64_t{static_cast<uint32_t>(~limb)} + carry;
      limb = static_cast<uint32_t>(t);
      carry = t >> 32;
    }
  }
  return r;
}

BigInt BigInt::fromTwosComplement(Limbs limbs) {
  bool neg = !limbs.empty() && (limbs.back() >> 31);
  if (neg) {
    uint64_t carry = 1;
    for (uint32_t& limb : limbs) {
      uint64_t t = uint64_t{static_cast<uint32_t>(~limb)} + carry;
      limb = static_cast<uint32_t>(t);
      carry = t >> 32;
    }
  }
  return make(std::move(limbs), neg);
}

BigInt BigInt::bitwise(const BigInt& a, const BigInt& b, BitOp op) {
  // One extra limb holds the sign of either operand's image.
  size_t n = std::max(a.mag_.size(), b.mag_.size()) + 1;
  Limbs x = a.twosComplement(n), y = b.twosComplement(n);
  for (size_t i = 0; i < n; i++) {
    switch (op) {
      case BitOp::And: x[i] &= y[i]; break;
      case BitOp::Or: x[i] |= y[i]; break;
      case BitOp::Xor: x[i] ^= y[i]; break;
      case BitOp::AndNot: x[i] &= ~y[i]; break;
    }
  }
  return fromTwosComplement(std::move(x));
}

BigInt operator&(const BigInt& a, const BigInt& b) { return BigInt::bitwise(a, b, BigInt::BitOp::And); }
BigInt operator|(const BigInt& a, const BigInt& b) { return BigInt::bitwise(a, b, BigInt::BitOp::Or); }
BigInt operator^(const BigInt& a, const BigInt& b) { return BigInt::bitwise(a, b, BigInt::BitOp::Xor); }
BigInt BigInt::andNot(const BigInt& b) const { return bitwise(*this, b, BitOp::AndNot); }
BigInt BigInt::bitNot() const { return neg() - one(); }

// ---- text ----

std::string BigInt::toDecimal() const {
  if (mag_.empty()) return "0";
  constexpr uint32_t kChunk = 1000000000;  // nine decimal digits per division
  Limbs m = mag_;
  std::vector<uint32_t> chunks;  // base 10^9 digits, least significant first
  while (!m.empty()) chunks.push_back(divSmall(m, kChunk));
  std::string s = neg_ ? "-" : "";
  s += std::to_string(chunks.back());
  for (size_t i = chunks.size() - 1; i-- > 0;) {
    std::string part = std::to_string(chunks[i]);
    s.append(9 - part.size(), '0');
    s += part;
  }
  return s;
}

std::optional<BigInt> BigInt::parse(std::string_view digits, unsigned base) {
  if (base < 2 || base > 36) return std::nullopt;
  Limbs m;
  uint32_t chunk = 0, chunkScale = 1;
  bool any = false;
  for (char c : digits) {
    if (c == '_') continue;
    unsigned d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
    else return std::nullopt;
    if (d >= base) return std::nullopt;
    any = true;
    chunk = chunk * base + d;
    chunkScale *= base;
    if (uint64_t{chunkScale} * base >= kLimbBase) {
      mulAddSmall(m, chunkScale, chunk);
      chunk = 0;
      chunkScale = 1;
    }
  }
  if (!any) return std::nullopt;
  if (chunkScale > 1) mulAddSmall(m, chunkScale, chunk);
  return make(std::move(m), false);
}

// ---- BigRat ----

BigRat BigRat::make(BigInt num, BigInt den) {
  if (den.isZero()) std::abort();  // callers check for division by zero first
  if (den.isNeg()) {
    num = num.neg();
    den = den.neg();
  }
  BigRat r;
  if (num.isZero()) return r;
  BigInt g = BigInt::gcd(num, den);
  if (!g.isOne()) {
    BigInt::quoRem(num, g, &num, nullptr);
    BigInt::quoRem(den, g, &den, nullptr);
  }
  r.num_ = std::move(num);
  r.den_ = std::move(den);
  return r;
}

bool BigRat::isInt() const { return den_.isOne(); }

BigRat operator+(const BigRat& a, const BigRat& b) {
  if (a.isInt() && b.isInt()) return BigRat(a.num_ + b.num_);
  return BigRat::make(a.num_ * b.den_ + b.num_ * a.den_, a.den_ * b.den_);
}

BigRat operator-(const BigRat& a, const BigRat& b) { return a + b.neg(); }

BigRat operator*(const BigRat& a, const BigRat& b) {
  if (a.isInt() && b.isInt()) return BigRat(a.num_ * b.num_);
  return BigRat::make(a.num_ * b.num_, a.den_ * b.den_);
}

BigRat operator/(const BigRat& a, const BigRat& b) {
  return BigRat::make(a.num_ * b.den_, a.den_ * b.num_);
}

BigRat BigRat::neg() const {
  BigRat r = *this;
  r.num_ = r.num_.neg();
  return r;
}

int BigRat::compare(const BigRat& a, const BigRat& b) {
  if (a.isInt() && b.isInt()) return BigInt::compare(a.num_, b.num_);
  return BigInt::compare(a.num_ * b.den_, b.num_ * a.den_);
}

double BigRat::roundToBinary(int mantBits, int minExp, int maxExp) const {
  if (num_.isZero()) return 0.0;
  // Scale |num|/den by 2^s so that the integer quotient q has 63 or 64 bits:
  // enough for every significand bit, the rounding bit and more, with the
  // division's remainder as the sticky bit.
  BigInt p = num_.abs(), d = den_;
  int64_t s = 63 - (static_cast<int64_t>(p.bitLen()) - static_cast<int64_t>(d.bitLen()));
  if (s >= 0) p = p << static_cast<uint64_t>(s);
  else d = d << static_cast<uint64_t>(-s);
  BigInt q, r;
  BigInt::quoRem(p, d, &q, &r);
  const uint64_t mant = q.lowMagBits();
  const bool sticky = !r.isZero();
  const int len = 64 - std::countl_zero(mant);
  // The value is (mant + fraction) * 2^-s; its leading bit has exponent e.
  const int64_t e = len - 1 - s;
  const double signOne = num_.isNeg() ? -1.0 : 1.0;
  if (e > maxExp) return signOne * HUGE_VAL;
  int64_t keep = mantBits;
  if (e < minExp) keep = mantBits - (minExp - e);  // subnormal: fewer bits
  if (keep <= 0) {
    // Below half the smallest subnormal (or exactly half: ties go to the
    // even value, zero) rounds to zero.
    bool aboveHalf = keep == 0 && (sticky || std::has_single_bit(mant) == false);
    if (!aboveHalf) return signOne * 0.0;
    return signOne * std::ldexp(1.0, minExp - mantBits + 1);
  }
  const int drop = len - static_cast<int>(keep);
  uint64_t kept = mant >> drop;
  const uint64_t rest = mant & ((uint64_t{1} << drop) - 1);
  const uint64_t half = uint64_t{1} << (drop - 1);
  if (rest > half || (rest == half && (sticky || (kept & 1)))) kept++;
  // A carry out of the significand still gives an exact power of two; ldexp
  // turns a result past the largest finite value into infinity.
  double result = std::ldexp(static_cast<double>(kept), static_cast<int>(drop - s));
  if (std::isinf(result) || std::ilogb(result) > maxExp) return signOne * HUGE_VAL;
  return signOne * result;
}

BigRat BigRat::fromDouble(double d) {
  int exp = 0;
  double frac = std::frexp(std::fabs(d), &exp);  // |d| == frac * 2^exp, frac in [0.5, 1)
  uint64_t mant = static_cast<uint64_t>(std::ldexp(frac, 53));
  int64_t e2 = static_cast<int64_t>(exp) - 53;
  BigInt num = BigInt::fromUint64(mant);
  if (d < 0) num = num.neg();
  if (e2 >= 0) return BigRat(num << static_cast<uint64_t>(e2));
  return make(std::move(num), BigInt::powerOfTwo(static_cast<uint64_t>(-e2)));
}

}  // namespace gol::lang
