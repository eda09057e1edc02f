// Backs aslc's heap with transparent huge pages while it compiles and links.
#pragma once

namespace aslc::tool {

// Compiling and linking a workflow allocates ~60 MB that is touched once; on
// the VMs aslc is benchmarked on every first touch of a 4 KiB page is a fault
// costing ~15 us, which made page faults half of `aslc build`'s time. Growing
// the heap in one step and asking for 2 MiB pages over it (what glibc's
// glibc.malloc.hugetlb=1 tunable does, which a process cannot set for
// itself) takes a 20-state build from ~7,000 faults to ~4,400. Only a hint:
// where transparent huge pages are off, nothing changes.
void backHeapWithHugePages();

}  // namespace aslc::tool
