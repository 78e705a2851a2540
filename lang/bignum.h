// Arbitrary-precision integers and rationals for exact constant arithmetic.
//
// BigInt is sign and magnitude: a little-endian vector of 32-bit limbs with no
// leading zero limbs (zero is the empty vector, never negative). 32-bit limbs
// keep every intermediate product and quotient digit inside uint64_t, so the
// code needs no compiler-specific 128-bit types. Division is Knuth's
// algorithm D. Bitwise operations behave as Go's big.Int: as if on infinite
// two's-complement representations, so negative values work.
//
// BigRat is a numerator and a positive denominator reduced by their gcd, so
// equal values have equal representations and comparisons need no gcd.
//
// Neither type bounds its size: ConstValue (constant.cpp) checks sizes
// before and after each operation so that hostile constants cannot make
// these routines run long. The sizes it lets through (a few thousand bits)
// make schoolbook algorithms the right choice.
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace gol::lang {

// The limbs of a BigInt: a vector that keeps up to kInline limbs (128
// bits) in place. Almost every constant in a program is small, and the
// checker makes one per literal, so small values must not touch the heap.
class LimbVec {
 public:
  static constexpr uint32_t kInline = 4;
  LimbVec() = default;
  explicit LimbVec(size_t n, uint32_t value = 0) { resize(n, value); }
  LimbVec(std::initializer_list<uint32_t> init) {
    reserve(init.size());
    for (uint32_t v : init) push_back(v);
  }
  LimbVec(const LimbVec& o) { *this = o; }
  LimbVec(LimbVec&& o) noexcept { *this = std::move(o); }
  LimbVec& operator=(const LimbVec& o) {
    if (this != &o) {
      size_ = 0;
      reserve(o.size_);
      std::copy(o.data(), o.data() + o.size_, data());
      size_ = o.size_;
    }
    return *this;
  }
  LimbVec& operator=(LimbVec&& o) noexcept {
    if (this != &o) {
      if (o.heap_) {
        heap_ = std::move(o.heap_);
        cap_ = o.cap_;
      } else {
        heap_.reset();
        cap_ = kInline;
        std::copy(o.inline_, o.inline_ + o.size_, inline_);
      }
      size_ = o.size_;
      o.size_ = 0;
      o.cap_ = kInline;
    }
    return *this;
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  uint32_t* data() { return heap_ ? heap_.get() : inline_; }
  const uint32_t* data() const { return heap_ ? heap_.get() : inline_; }
  uint32_t& operator[](size_t i) { return data()[i]; }
  uint32_t operator[](size_t i) const { return data()[i]; }
  uint32_t& back() { return data()[size_ - 1]; }
  uint32_t back() const { return data()[size_ - 1]; }
  uint32_t* begin() { return data(); }
  uint32_t* end() { return data() + size_; }
  const uint32_t* begin() const { return data(); }
  const uint32_t* end() const { return data() + size_; }
  void pop_back() { size_--; }
  void push_back(uint32_t v) {
    reserve(size_ + 1);
    data()[size_++] = v;
  }
  void resize(size_t n, uint32_t value = 0) {
    reserve(n);
    for (size_t i = size_; i < n; i++) data()[i] = value;
    size_ = static_cast<uint32_t>(n);
  }
  void reserve(size_t n) {
    if (n <= cap_) return;
    size_t cap = std::max<size_t>(n, size_t{cap_} * 2);
    std::unique_ptr<uint32_t[]> grown(new uint32_t[cap]);
    std::copy(data(), data() + size_, grown.get());
    heap_ = std::move(grown);
    cap_ = static_cast<uint32_t>(cap);
  }

 private:
  uint32_t inline_[kInline] = {};
  std::unique_ptr<uint32_t[]> heap_;
  uint32_t size_ = 0;
  uint32_t cap_ = kInline;
};

class BigInt {
 public:
  BigInt() = default;
  static BigInt fromInt64(int64_t v);
  static BigInt fromUint64(uint64_t v);
  static BigInt powerOfTwo(uint64_t n);  // 1 << n
  static BigInt one();
  static BigInt pow(uint32_t base, uint64_t exp);

  bool isZero() const { return mag_.empty(); }
  bool isOne() const { return !neg_ && mag_.size() == 1 && mag_[0] == 1; }
  bool isNeg() const { return neg_; }
  int sign() const { return neg_ ? -1 : (mag_.empty() ? 0 : 1); }
  uint64_t bitLen() const;  // of |x|
  bool isOdd() const { return !mag_.empty() && (mag_[0] & 1); }
  // Number of trailing zero bits of |x| (0 for zero).
  uint64_t trailingZeros() const;
  // The bit `i` of |x|.
  bool magBit(uint64_t i) const;

  std::optional<int64_t> toInt64() const;
  std::optional<uint64_t> toUint64() const;
  // The low 64 bits of |x|.
  uint64_t lowMagBits() const;

  BigInt neg() const;
  BigInt abs() const;

  friend BigInt operator+(const BigInt& a, const BigInt& b);
  friend BigInt operator-(const BigInt& a, const BigInt& b);
  friend BigInt operator*(const BigInt& a, const BigInt& b);
  // Truncated division (toward zero), as Go's / and % on integers.
  // The divisor must not be zero.
  static void quoRem(const BigInt& a, const BigInt& b, BigInt* quo, BigInt* rem);
  BigInt operator<<(uint64_t n) const;
  // Arithmetic shift: rounds toward negative infinity, as Go's >>.
  BigInt operator>>(uint64_t n) const;
  friend BigInt operator&(const BigInt& a, const BigInt& b);
  friend BigInt operator|(const BigInt& a, const BigInt& b);
  friend BigInt operator^(const BigInt& a, const BigInt& b);
  BigInt andNot(const BigInt& b) const;
  BigInt bitNot() const;  // -x-1

  static int compare(const BigInt& a, const BigInt& b);
  static int compareMag(const BigInt& a, const BigInt& b);
  friend bool operator==(const BigInt& a, const BigInt& b) { return compare(a, b) == 0; }
  static BigInt gcd(BigInt a, BigInt b);  // of magnitudes; gcd(0, 0) == 0

  std::string toDecimal() const;
  // Parses digits of `base` (2..36); '_' is skipped. Returns nullopt on a
  // digit outside the base or when there are no digits.
  static std::optional<BigInt> parse(std::string_view digits, unsigned base);

 private:
  using Limbs = LimbVec;
  static void trim(Limbs& m);
  static int cmpLimbs(const Limbs& a, const Limbs& b);
  static Limbs addLimbs(const Limbs& a, const Limbs& b);
  static Limbs subLimbs(const Limbs& a, const Limbs& b);  // requires a >= b
  static Limbs mulLimbs(const Limbs& a, const Limbs& b);
  static void divModLimbs(const Limbs& a, const Limbs& b, Limbs* q, Limbs* r);
  static uint32_t divSmall(Limbs& a, uint32_t d);  // a /= d, returns the remainder
  static void mulAddSmall(Limbs& a, uint32_t mul, uint32_t add);
  static Limbs shlLimbs(const Limbs& a, uint64_t n);
  static Limbs shrLimbs(const Limbs& a, uint64_t n);
  // Two's-complement image of x in `n` limbs (n large enough for the sign).
  Limbs twosComplement(size_t n) const;
  static BigInt fromTwosComplement(Limbs limbs);
  enum class BitOp { And, Or, Xor, AndNot };
  static BigInt bitwise(const BigInt& a, const BigInt& b, BitOp op);
  static BigInt make(Limbs mag, bool neg);

  Limbs mag_;
  bool neg_ = false;
};

class BigRat {
 public:
  BigRat() : den_(BigInt::one()) {}
  explicit BigRat(BigInt integer) : num_(std::move(integer)), den_(BigInt::one()) {}
  // num/den reduced; den must not be zero (its sign is moved to num).
  static BigRat make(BigInt num, BigInt den);

  const BigInt& num() const { return num_; }
  const BigInt& den() const { return den_; }  // > 0
  bool isInt() const;
  int sign() const { return num_.sign(); }

  friend BigRat operator+(const BigRat& a, const BigRat& b);
  friend BigRat operator-(const BigRat& a, const BigRat& b);
  friend BigRat operator*(const BigRat& a, const BigRat& b);
  friend BigRat operator/(const BigRat& a, const BigRat& b);  // b != 0
  BigRat neg() const;
  static int compare(const BigRat& a, const BigRat& b);

  // Nearest binary floating-point value with `mantBits` significand bits
  // (53 for float64, 24 for float32) and minimum normal exponent `minExp`
  // (-1022, -126), rounding half to even; ±Inf past `maxExp` (1023, 127).
  double roundToBinary(int mantBits, int minExp, int maxExp) const;
  double toFloat64() const { return roundToBinary(53, -1022, 1023); }
  double toFloat32() const { return roundToBinary(24, -126, 127); }
  // Exact value of a finite double.
  static BigRat fromDouble(double d);

 private:
  BigInt num_;
  BigInt den_;
};

}  // namespace gol::lang
