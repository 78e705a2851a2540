// Natives of math, math/bits and math/rand (see vm/natives.h for the
// calling convention).
//
// Go's math functions must give Go's bits. Where Go computes the exact,
// correctly rounded result (Sqrt, Floor, Ceil, Trunc, Round, FMA, Mod,
// Remainder, Nextafter, Frexp, Ldexp, Modf) the C library gives the same
// bits, and the special cases are written out where C's conventions
// differ from Go's (Max/Min and signed zeros, Ilogb of NaN, Modf of an
// infinity). Where Go's result is a simple formula over other functions
// rather than the correctly rounded value, the formula is repeated, since
// it is what programs see: Log10(x) is Log(x)*(1/Ln10) (so Log10(1000) is
// 2.9999999999999996, as in Go), Log2 goes through Frexp, Acos is
// Pi/2-Asin, Hypot scales and takes one square root, Pow10 multiplies two
// table entries.
//
// Known differences: the transcendental functions (Exp, Log, Pow, Sin,
// Cos, Tan, Atan, Asin, Cbrt, Gamma...) come from the C library, which is
// correctly rounded or nearly so, while Go uses its own algorithms (Cephes
// and FreeBSD ports, assembly Exp and Log on amd64). The two agree on the
// special cases and almost always on the bits, but may differ in the last
// place for some inputs. Porting Go's algorithms would remove that; it is
// left for when a program needs it.
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

#include "vm/natives.h"

namespace gol::vm {

namespace {

inline double F(uint64_t w) { return std::bit_cast<double>(w); }
inline uint64_t W(double d) { return std::bit_cast<uint64_t>(d); }

constexpr double kLn2 = 0.693147180559945309417232121458176568;
constexpr double kLn10 = 2.30258509299404568401799145468436421;
constexpr double kPi = 3.14159265358979323846264338327950288;

// One float64 argument, one float64 result.
template <double (*f)(double)>
bool unary(Machine&, rt::G&, uint64_t* s) {
  s[0] = W(f(F(s[0])));
  return true;
}

// Two float64 arguments, one float64 result.
template <double (*f)(double, double)>
bool binary(Machine&, rt::G&, uint64_t* s) {
  s[0] = W(f(F(s[0]), F(s[1])));
  return true;
}

double cSqrt(double x) { return std::sqrt(x); }
double cCbrt(double x) { return std::cbrt(x); }
double cPow(double x, double y) { return std::pow(x, y); }
double cExp(double x) { return std::exp(x); }
double cExp2(double x) { return std::exp2(x); }
double cExpm1(double x) { return std::expm1(x); }
double cLog(double x) { return std::log(x); }
double cLog1p(double x) { return std::log1p(x); }
double cSin(double x) { return std::sin(x); }
double cCos(double x) { return std::cos(x); }
double cTan(double x) { return std::tan(x); }
double cAsin(double x) { return std::asin(x); }
double cAtan(double x) { return std::atan(x); }
double cAtan2(double y, double x) { return std::atan2(y, x); }
double cSinh(double x) { return std::sinh(x); }
double cCosh(double x) { return std::cosh(x); }
double cTanh(double x) { return std::tanh(x); }
double cAsinh(double x) { return std::asinh(x); }
double cAcosh(double x) { return std::acosh(x); }
double cAtanh(double x) { return std::atanh(x); }
double cFloor(double x) { return std::floor(x); }
double cCeil(double x) { return std::ceil(x); }
double cTrunc(double x) { return std::trunc(x); }
double cRound(double x) { return std::round(x); }  // half away from zero, as Go
double cRoundToEven(double x) { return std::nearbyint(x); }  // default mode: to even
double cMod(double x, double y) { return std::fmod(x, y); }
double cRemainder(double x, double y) { return std::remainder(x, y); }
double cNextafter(double x, double y) { return std::nextafter(x, y); }
double cGamma(double x) { return std::tgamma(x); }
double cErf(double x) { return std::erf(x); }
double cErfc(double x) { return std::erfc(x); }

// Go: Log2 splits off the exponent so that powers of two are exact.
double goLog2(double x) {
  int e = 0;
  double frac = std::frexp(x, &e);
  if (frac == 0.5) return static_cast<double>(e - 1);
  return std::log(frac) * (1 / kLn2) + static_cast<double>(e);
}

double goLog10(double x) { return std::log(x) * (1 / kLn10); }

double goAcos(double x) { return kPi / 2 - std::asin(x); }

double goHypot(double p, double q) {
  if (std::isinf(p) || std::isinf(q)) return std::numeric_limits<double>::infinity();
  if (std::isnan(p) || std::isnan(q)) return std::numeric_limits<double>::quiet_NaN();
  p = std::fabs(p);
  q = std::fabs(q);
  if (p < q) std::swap(p, q);
  if (p == 0) return 0;
  q = q / p;
  return p * std::sqrt(1 + q * q);
}

double goMax(double x, double y) {
  if (std::isinf(x) && x > 0) return x;
  if (std::isinf(y) && y > 0) return y;
  if (std::isnan(x) || std::isnan(y)) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0 && x == y) return std::signbit(x) ? y : x;
  return x > y ? x : y;
}

double goMin(double x, double y) {
  if (std::isinf(x) && x < 0) return x;
  if (std::isinf(y) && y < 0) return y;
  if (std::isnan(x) || std::isnan(y)) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0 && x == y) return std::signbit(x) ? x : y;
  return x < y ? x : y;
}

double goDim(double x, double y) {
  double v = x - y;  // NaN for Inf-Inf and NaN operands
  if (v <= 0) return 0;
  return v;
}

double goLogb(double x) {
  if (x == 0) return -std::numeric_limits<double>::infinity();
  if (std::isinf(x)) return std::numeric_limits<double>::infinity();
  if (std::isnan(x)) return x;
  return static_cast<double>(std::ilogb(x));
}

// Pow10: Go multiplies (or divides) an entry of 10^(32k) by one of 10^j,
// j < 32, so large powers are not always correctly rounded; the same
// tables (correctly rounded constants) give the same bits.
constexpr double kPow10[32] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                               1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                               1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23,
                               1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31};
constexpr double kPow10Pos32[] = {1e0, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288};
constexpr double kPow10Neg32[] = {1e-0,   1e-32,  1e-64,  1e-96,  1e-128, 1e-160,
                                  1e-192, 1e-224, 1e-256, 1e-288, 1e-320};

bool pow10(Machine&, rt::G&, uint64_t* s) {
  int64_t n = static_cast<int64_t>(s[0]);
  double r;
  if (n >= 0 && n <= 308) {
    r = kPow10Pos32[n / 32] * kPow10[n % 32];
  } else if (n < 0 && n >= -323) {
    r = kPow10Neg32[-n / 32] / kPow10[-n % 32];
  } else {
    r = n > 0 ? std::numeric_limits<double>::infinity() : 0;
  }
  s[0] = W(r);
  return true;
}

bool ilogb(Machine&, rt::G&, uint64_t* s) {
  double x = F(s[0]);
  int64_t r;
  if (x == 0) {
    r = std::numeric_limits<int32_t>::min();
  } else if (std::isnan(x) || std::isinf(x)) {
    r = std::numeric_limits<int32_t>::max();
  } else {
    r = std::ilogb(x);
  }
  s[0] = static_cast<uint64_t>(r);
  return true;
}

bool frexp(Machine&, rt::G&, uint64_t* s) {
  double x = F(s[0]);
  int e = 0;
  double frac = x;
  if (x != 0 && std::isfinite(x)) frac = std::frexp(x, &e);
  s[0] = W(frac);
  s[1] = static_cast<uint64_t>(static_cast<int64_t>(e));
  return true;
}

bool ldexp(Machine&, rt::G&, uint64_t* s) {
  double frac = F(s[0]);
  int64_t e = static_cast<int64_t>(s[1]);
  // Beyond ±2200 every finite non-zero frac over- or underflows, so
  // clamping keeps C's int parameter in range without changing results.
  if (e > 2200) e = 2200;
  if (e < -2200) e = -2200;
  s[0] = W(std::ldexp(frac, static_cast<int>(e)));
  return true;
}

// Go's Modf: the integer part keeps the sign, the fraction is f - int
// (so Modf(±Inf) is ±Inf, NaN).
void goModf(double f, double* ip, double* frac) {
  if (f < 1) {
    if (f < 0) {
      goModf(-f, ip, frac);
      *ip = -*ip;
      *frac = -*frac;
      return;
    }
    if (f == 0) {
      *ip = f;
      *frac = f;
      return;
    }
    *ip = 0;
    *frac = f;
    return;
  }
  uint64_t x = W(f);
  uint64_t e = ((x >> 52) & 0x7FF) - 1023;
  if (e < 52) x &= ~((uint64_t{1} << (52 - e)) - 1);
  *ip = F(x);
  *frac = f - *ip;
}

bool modf(Machine&, rt::G&, uint64_t* s) {
  double ip, frac;
  goModf(F(s[0]), &ip, &frac);
  s[0] = W(ip);
  s[1] = W(frac);
  return true;
}

bool sincos(Machine&, rt::G&, uint64_t* s) {
  double x = F(s[0]);
  s[0] = W(std::sin(x));
  s[1] = W(std::cos(x));
  return true;
}

bool fma(Machine&, rt::G&, uint64_t* s) {
  s[0] = W(std::fma(F(s[0]), F(s[1]), F(s[2])));
  return true;
}

bool nextafter32(Machine&, rt::G&, uint64_t* s) {
  auto x = static_cast<float>(F(s[0]));
  auto y = static_cast<float>(F(s[1]));
  s[0] = W(static_cast<double>(std::nextafter(x, y)));
  return true;
}

bool float64bits(Machine&, rt::G&, uint64_t*) { return true; }  // the slot already holds the bits

bool float32bits(Machine&, rt::G&, uint64_t* s) {
  s[0] = std::bit_cast<uint32_t>(static_cast<float>(F(s[0])));
  return true;
}

bool float32frombits(Machine&, rt::G&, uint64_t* s) {
  s[0] = W(static_cast<double>(std::bit_cast<float>(static_cast<uint32_t>(s[0]))));
  return true;
}

// math/bits: the 128-by-64 division; Div64 (Gol) has ruled out y == 0 and
// overflow.
bool div128(Machine&, rt::G&, uint64_t* s) {
  unsigned __int128 n = (static_cast<unsigned __int128>(s[0]) << 64) | s[1];
  uint64_t y = s[2];
  s[0] = static_cast<uint64_t>(n / y);
  s[1] = static_cast<uint64_t>(n % y);
  return true;
}

// math/rand: the global source's seed (Go 1.20+ seeds it randomly).
bool runtimeSeed(Machine&, rt::G&, uint64_t* s) {
  std::random_device rd;
  s[0] = (static_cast<uint64_t>(rd()) << 32) | rd();
  return true;
}

const NativeDef kMathNatives[] = {
    {"math.Float64bits", float64bits},
    {"math.Float64frombits", float64bits},
    {"math.Float32bits", float32bits},
    {"math.Float32frombits", float32frombits},
    {"math.Sqrt", unary<cSqrt>},
    {"math.Cbrt", unary<cCbrt>},
    {"math.Pow", binary<cPow>},
    {"math.Pow10", pow10},
    {"math.Exp", unary<cExp>},
    {"math.Exp2", unary<cExp2>},
    {"math.Expm1", unary<cExpm1>},
    {"math.Log", unary<cLog>},
    {"math.Log2", unary<goLog2>},
    {"math.Log10", unary<goLog10>},
    {"math.Log1p", unary<cLog1p>},
    {"math.Logb", unary<goLogb>},
    {"math.Ilogb", ilogb},
    {"math.Frexp", frexp},
    {"math.Ldexp", ldexp},
    {"math.Modf", modf},
    {"math.Sin", unary<cSin>},
    {"math.Cos", unary<cCos>},
    {"math.Tan", unary<cTan>},
    {"math.Sincos", sincos},
    {"math.Asin", unary<cAsin>},
    {"math.Acos", unary<goAcos>},
    {"math.Atan", unary<cAtan>},
    {"math.Atan2", binary<cAtan2>},
    {"math.Sinh", unary<cSinh>},
    {"math.Cosh", unary<cCosh>},
    {"math.Tanh", unary<cTanh>},
    {"math.Asinh", unary<cAsinh>},
    {"math.Acosh", unary<cAcosh>},
    {"math.Atanh", unary<cAtanh>},
    {"math.Floor", unary<cFloor>},
    {"math.Ceil", unary<cCeil>},
    {"math.Trunc", unary<cTrunc>},
    {"math.Round", unary<cRound>},
    {"math.RoundToEven", unary<cRoundToEven>},
    {"math.Mod", binary<cMod>},
    {"math.Remainder", binary<cRemainder>},
    {"math.Hypot", binary<goHypot>},
    {"math.Max", binary<goMax>},
    {"math.Min", binary<goMin>},
    {"math.Dim", binary<goDim>},
    {"math.FMA", fma},
    {"math.Nextafter", binary<cNextafter>},
    {"math.Nextafter32", nextafter32},
    {"math.Gamma", unary<cGamma>},
    {"math.Erf", unary<cErf>},
    {"math.Erfc", unary<cErfc>},
    {"math/bits.div128", div128},
    {"math/rand.sqrt", unary<cSqrt>},
    {"math/rand.ln", unary<cLog>},
    {"math/rand.runtimeSeed", runtimeSeed},
};

}  // namespace

std::span<const NativeDef> mathNatives() { return kMathNatives; }

}  // namespace gol::vm
