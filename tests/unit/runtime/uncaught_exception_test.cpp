// The executables' last line of defence (runtime/src/uncaught_exception.cpp):
// an exception nothing caught ends the process as a failed execution with a
// States.Runtime "internal error" naming what was thrown, exit status 1 --
// not std::terminate's abort.
#include "uncaught_exception.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>

namespace aslrt {
namespace {

void throwUncaught() {
  reportUncaughtExceptionsAsFailures();
  std::thread([] { throw std::runtime_error("type must be string, but is number"); }).join();
}

TEST(UncaughtExceptionDeathTest, EndsAsAFailedExecutionNamingTheException) {
  EXPECT_EXIT(throwUncaught(), testing::ExitedWithCode(1),
              "error: internal error in the aslc runtime \\(please report it\\): type must be string, but is number");
}

TEST(UncaughtExceptionDeathTest, AnythingThrownIsReportedToo) {
  EXPECT_EXIT(
      {
        reportUncaughtExceptionsAsFailures();
        std::thread([] { throw 42; }).join();
      },
      testing::ExitedWithCode(1), "internal error in the aslc runtime .*not a std::exception");
}

}  // namespace
}  // namespace aslrt
