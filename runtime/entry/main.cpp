// main() of every compiled executable: the shared host (runtime/src/executable.cpp)
// over the program the compiler emitted.
#include "aslrt/executable.h"

int main(int argc, char** argv) { return aslrt::runExecutable(aslrt_compiled_program, argc, argv); }
