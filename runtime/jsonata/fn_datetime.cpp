#include "functions.h"
namespace aslrt::jsonata {}
namespace aslrt::jsonata { void registerDateTimeFunctions(Registry&) {} }
