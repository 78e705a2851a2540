// Go's unstable sort (sort.Sort, sort.Slice), reproduced step for step.
//
// An unstable sort leaves equal elements in an order the algorithm
// decides, and Go programs print that order, so gol must make the same
// calls to Less and Swap in the same order as Go 1.22's sort package: a
// pattern-defeating quicksort (pdqsort, Peters 2021) without the block
// partitioning of BlockQuicksort:
//   - ranges of 12 or fewer elements are insertion-sorted;
//   - after log2(n)+1 bad (unbalanced) partitions the range is heap-sorted;
//   - the pivot is the first quarter point for fewer than 8 elements, the
//     median of the quarter points (median of three) below 50, else the
//     median of the three medians of their neighbourhoods (Tukey's
//     ninther); the comparisons it took hint whether the range looks
//     ascending (then a bounded insertion sort may finish it) or
//     descending (then it is reversed first);
//   - an unbalanced partition makes the next round swap three elements
//     near the middle with ones picked by a xorshift generator seeded by
//     the range's length (deterministic, as Go's);
//   - when the pivot equals the element before the range, the range is
//     split into "equal to the pivot" and "greater" instead (many equal
//     keys), which is what keeps duplicates fast;
//   - the smaller side is sorted by recursion, the larger by the loop.
//
// The algorithm sees the data only through less(i, j) and swap(i, j), so
// the same code sorts a Gol sort.Interface (calling its methods) and a
// slice with a less closure. A callback that fails (the Gol method
// panicked) records it in its SortData and from then on answers false and
// swaps nothing; the sort then runs to its end without calling Gol again
// (it terminates for any answers to less) and the caller reports the
// failure.
#pragma once

#include <cstdint>

namespace gol::rt {

class SortData {
 public:
  virtual ~SortData() = default;
  virtual bool less(int64_t i, int64_t j) = 0;
  virtual void swap(int64_t i, int64_t j) = 0;
};

// Sorts elements [0, n) as Go's sort.Sort / sort.Slice would.
void goSort(SortData& data, int64_t n);

}  // namespace gol::rt
