#include "uncaught_exception.h"

#include <unistd.h>

#include <cstdio>
#include <exception>
#include <string>

#include "aslrt/json.h"

namespace aslrt {

void reportUncaughtException() {
  std::string what = "an exception that is not a std::exception";
  if (std::exception_ptr thrown = std::current_exception()) {
    try {
      std::rethrow_exception(thrown);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
  } else {
    what = "std::terminate without an exception";
  }
  std::string cause = "internal error in the aslc runtime (please report it): " + what;
  std::string line = Json({{"Error", "States.Runtime"}, {"Cause", cause}}).dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  std::fflush(stdout);
  std::fputs(line.c_str(), stdout);
  std::fflush(stdout);
  std::fputs(("error: " + cause + "\n").c_str(), stderr);
  _exit(1);  // the execution failed; no destructors: the state is unknown
}

void reportUncaughtExceptionsAsFailures() { std::set_terminate(reportUncaughtException); }

}  // namespace aslrt
