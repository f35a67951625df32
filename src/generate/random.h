// The generator's source of randomness: the same numbers for a seed on every platform.
//
// std::mt19937_64 is specified bit for bit by the standard, but std::uniform_int_distribution and
// friends are not: libstdc++, libc++ and MSVC turn the same engine output into different numbers.
// The distributions here are written out so a seed names one plan everywhere.
#ifndef CONTACTPLAN_SRC_GENERATE_RANDOM_H_
#define CONTACTPLAN_SRC_GENERATE_RANDOM_H_

#include <cstdint>
#include <initializer_list>
#include <random>

namespace contactplan::generate {

class Random {
 public:
  // `stream` separates the parts of a plan (team, org chart, opportunities, map ...): a part's
  // numbers do not depend on how many an earlier part drew, so e.g. asking for more opportunities
  // leaves the team and the org chart of the same seed as they were.
  Random(uint64_t seed, uint64_t stream) : engine_(Mix(seed ^ Mix(stream + 1))) {}

  uint64_t Next() { return engine_(); }

  // Uniform in [0, n); 0 when n is 0. Draws under the smallest covering power of two until one
  // lands below n (fewer than two draws on average): no modulo bias, no 128-bit arithmetic.
  uint64_t Below(uint64_t n) {
    if (n <= 1) return 0;
    uint64_t mask = n - 1;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;
    uint64_t x = Next() & mask;
    while (x >= n) x = Next() & mask;
    return x;
  }

  // Uniform in [lo, hi], both included; lo when hi < lo.
  int64_t Between(int64_t lo, int64_t hi) {
    if (hi <= lo) return lo;
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }

  // Uniform in [0, 1), from the top 53 bits (exact in a double).
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  bool Chance(double p) { return Unit() < p; }

  // An index drawn with the given non-negative integer weights (not all zero).
  int Weighted(std::initializer_list<int> weights) {
    uint64_t total = 0;
    for (int w : weights) total += static_cast<uint64_t>(w);
    uint64_t pick = Below(total);
    int index = 0;
    for (int w : weights) {
      if (pick < static_cast<uint64_t>(w)) return index;
      pick -= static_cast<uint64_t>(w);
      ++index;
    }
    return index - 1;
  }

 private:
  // SplitMix64's finaliser: nearby seeds and streams give unrelated engine states.
  static uint64_t Mix(uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
  }

  std::mt19937_64 engine_;
};

}  // namespace contactplan::generate

#endif  // CONTACTPLAN_SRC_GENERATE_RANDOM_H_
