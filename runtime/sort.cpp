// Go's pdqsort (see runtime/sort.h for the algorithm and why it must be
// Go's exactly).
//
// The functions mirror zsortinterface.go one for one (insertionSort,
// heapSort, pdqsort, partition, partitionEqual, partialInsertionSort,
// breakPatterns, choosePivot, median, reverseRange), over an abstract
// Less/Swap so that sort.Sort and sort.Slice share them. Invariant: the
// sequence of Less and Swap calls is Go's, call for call, including the
// xorshift seeded by the length that breaks patterns; any "improvement"
// changes the order of equal elements programs print.
#include "runtime/sort.h"

#include <bit>

namespace gol::rt {

namespace {

enum class Hint : uint8_t { Unknown, Increasing, Decreasing };

constexpr int64_t kMaxInsertion = 12;
constexpr int64_t kShortestNinther = 50;
constexpr int kMaxPivotSwaps = 4 * 3;

int64_t bitLength(int64_t n) { return 64 - std::countl_zero(static_cast<uint64_t>(n)); }

class Sorter {
 public:
  explicit Sorter(SortData& d) : d_(d) {}

  void insertionSort(int64_t a, int64_t b) {
    for (int64_t i = a + 1; i < b; ++i)
      for (int64_t j = i; j > a && d_.less(j, j - 1); --j) d_.swap(j, j - 1);
  }

  // Restores the max-heap property below `root` in the heap of `hi`
  // elements that starts at index `first`.
  void siftDown(int64_t root, int64_t hi, int64_t first) {
    for (;;) {
      int64_t child = 2 * root + 1;
      if (child >= hi) return;
      if (child + 1 < hi && d_.less(first + child, first + child + 1)) ++child;
      if (!d_.less(first + root, first + child)) return;
      d_.swap(first + root, first + child);
      root = child;
    }
  }

  void heapSort(int64_t a, int64_t b) {
    int64_t n = b - a;
    for (int64_t i = (n - 1) / 2; i >= 0; --i) siftDown(i, n, a);
    for (int64_t i = n - 1; i >= 0; --i) {
      d_.swap(a, a + i);
      siftDown(0, i, a);
    }
  }

  // Orders the pair by value, counting the swaps the pivot choice made.
  void order2(int64_t& x, int64_t& y, int& swaps) {
    if (d_.less(y, x)) {
      ++swaps;
      int64_t t = x;
      x = y;
      y = t;
    }
  }

  int64_t median(int64_t x, int64_t y, int64_t z, int& swaps) {
    order2(x, y, swaps);
    order2(y, z, swaps);
    order2(x, y, swaps);
    return y;
  }

  int64_t choosePivot(int64_t a, int64_t b, Hint& hint) {
    int64_t len = b - a;
    int swaps = 0;
    int64_t i = a + len / 4, j = a + len / 4 * 2, k = a + len / 4 * 3;
    if (len >= 8) {
      if (len >= kShortestNinther) {
        i = median(i - 1, i, i + 1, swaps);
        j = median(j - 1, j, j + 1, swaps);
        k = median(k - 1, k, k + 1, swaps);
      }
      j = median(i, j, k, swaps);
    }
    hint = swaps == 0 ? Hint::Increasing : swaps == kMaxPivotSwaps ? Hint::Decreasing : Hint::Unknown;
    return j;
  }

  void reverseRange(int64_t a, int64_t b) {
    for (int64_t i = a, j = b - 1; i < j; ++i, --j) d_.swap(i, j);
  }

  // Shifts at most five out-of-order elements into place; true if that
  // left the range sorted.
  bool partialInsertionSort(int64_t a, int64_t b) {
    constexpr int kMaxSteps = 5;
    constexpr int64_t kShortestShifting = 50;
    int64_t i = a + 1;
    for (int step = 0; step < kMaxSteps; ++step) {
      while (i < b && !d_.less(i, i - 1)) ++i;
      if (i == b) return true;
      if (b - a < kShortestShifting) return false;
      d_.swap(i, i - 1);
      if (i - a >= 2) {
        for (int64_t j = i - 1; j >= 1 && d_.less(j, j - 1); --j) d_.swap(j, j - 1);
      }
      if (b - i >= 2) {
        for (int64_t j = i + 1; j < b && d_.less(j, j - 1); ++j) d_.swap(j, j - 1);
      }
    }
    return false;
  }

  void breakPatterns(int64_t a, int64_t b) {
    int64_t len = b - a;
    if (len < 8) return;
    uint64_t random = static_cast<uint64_t>(len);
    uint64_t modulus = uint64_t{1} << bitLength(len);
    int64_t mid = a + (len / 4) * 2;
    for (int64_t idx = mid - 1; idx <= mid + 1; ++idx) {
      random ^= random << 13;
      random ^= random >> 17;
      random ^= random << 5;
      auto other = static_cast<int64_t>(random & (modulus - 1));
      if (other >= len) other -= len;
      d_.swap(idx, a + other);
    }
  }

  // Partitions [a, b) around the pivot's value: smaller ones first, then
  // the pivot (its final index is returned), then the rest. *already says
  // whether nothing had to move.
  int64_t partition(int64_t a, int64_t b, int64_t pivot, bool* already) {
    d_.swap(a, pivot);
    int64_t i = a + 1, j = b - 1;
    while (i <= j && d_.less(i, a)) ++i;
    while (i <= j && !d_.less(j, a)) --j;
    if (i > j) {
      d_.swap(j, a);
      *already = true;
      return j;
    }
    d_.swap(i, j);
    ++i;
    --j;
    for (;;) {
      while (i <= j && d_.less(i, a)) ++i;
      while (i <= j && !d_.less(j, a)) --j;
      if (i > j) break;
      d_.swap(i, j);
      ++i;
      --j;
    }
    d_.swap(j, a);
    *already = false;
    return j;
  }

  // For a range with nothing smaller than the pivot: elements equal to
  // it first; returns where the greater ones start.
  int64_t partitionEqual(int64_t a, int64_t b, int64_t pivot) {
    d_.swap(a, pivot);
    int64_t i = a + 1, j = b - 1;
    for (;;) {
      while (i <= j && !d_.less(a, i)) ++i;
      while (i <= j && d_.less(a, j)) --j;
      if (i > j) break;
      d_.swap(i, j);
      ++i;
      --j;
    }
    return i;
  }

  void pdqsort(int64_t a, int64_t b, int64_t limit) {
    bool wasBalanced = true, wasPartitioned = true;
    for (;;) {
      int64_t len = b - a;
      if (len <= kMaxInsertion) {
        insertionSort(a, b);
        return;
      }
      if (limit == 0) {
        heapSort(a, b);
        return;
      }
      if (!wasBalanced) {
        breakPatterns(a, b);
        --limit;
      }
      Hint hint;
      int64_t pivot = choosePivot(a, b, hint);
      if (hint == Hint::Decreasing) {
        reverseRange(a, b);
        pivot = (b - 1) - (pivot - a);
        hint = Hint::Increasing;
      }
      if (wasBalanced && wasPartitioned && hint == Hint::Increasing && partialInsertionSort(a, b))
        return;
      if (a > 0 && !d_.less(a - 1, pivot)) {
        a = partitionEqual(a, b, pivot);
        continue;
      }
      bool already = false;
      int64_t mid = partition(a, b, pivot, &already);
      wasPartitioned = already;
      int64_t left = mid - a, right = b - mid;
      int64_t threshold = len / 8;
      if (left < right) {
        wasBalanced = left >= threshold;
        pdqsort(a, mid, limit);
        a = mid + 1;
      } else {
        wasBalanced = right >= threshold;
        pdqsort(mid + 1, b, limit);
        b = mid;
      }
    }
  }

 private:
  SortData& d_;
};

}  // namespace

void goSort(SortData& data, int64_t n) {
  if (n <= 1) return;
  Sorter(data).pdqsort(0, n, bitLength(n));
}

}  // namespace gol::rt
