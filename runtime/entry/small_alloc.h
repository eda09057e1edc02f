// The small-object allocator compiled executables use for operator
// new/delete (small_alloc.cpp says why and how). Exposed for its unit test.
#pragma once
#include <cstddef>

namespace aslrt::small_alloc {

constexpr size_t kGranule = 16;    // size classes step by 16 bytes (new's alignment)
constexpr size_t kMaxSmall = 512;  // larger blocks go to malloc
constexpr size_t kClasses = kMaxSmall / kGranule;

void* allocate(size_t bytes);  // nullptr only when malloc fails too
void release(void* p);         // any pointer allocate() returned, from any thread
void release(void* p, size_t bytes);  // the same, with the size allocate() was given
bool owns(const void* p);      // a small block (false: malloc's)

}  // namespace aslrt::small_alloc
