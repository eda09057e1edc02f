#include "functions.h"
namespace aslrt::jsonata {}
#include "program.h"
namespace aslrt::jsonata { void addAwsFunctions(std::unordered_map<std::string, Value>&, std::mt19937_64*) {} }
