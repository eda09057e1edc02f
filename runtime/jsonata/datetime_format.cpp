#include "functions.h"
namespace aslrt::jsonata {}
