// The linker command read from runtime-ld.txt: how `c++ -###` quotes, and
// what aslc keeps, drops and fills in before lld runs in its process.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "link_line.h"

using aslc::codegen::driverLinkerArguments;
using aslc::codegen::splitDriverCommand;
using Args = std::vector<std::string>;

TEST(SplitDriverCommand, BareAndQuotedArguments) {
  EXPECT_EQ(splitDriverCommand(R"( /usr/lib/gcc/collect2 -m elf_x86_64 "--hash-style=gnu" -o out)"),
            (Args{"/usr/lib/gcc/collect2", "-m", "elf_x86_64", "--hash-style=gnu", "-o", "out"}));
}

TEST(SplitDriverCommand, EscapesInsideQuotes) {
  // gcc prints -o 'a b"c\$' as "a b\"c\\\$".
  EXPECT_EQ(splitDriverCommand(R"(ld -o "a b\"c\\\$" x.o)"), (Args{"ld", "-o", "a b\"c\\$", "x.o"}));
}

TEST(SplitDriverCommand, EmptyQuotedArgumentAndExtraSpaces) {
  EXPECT_EQ(splitDriverCommand(R"(  ld   ""  -s  )"), (Args{"ld", "", "-s"}));
}

TEST(SplitDriverCommand, UnterminatedQuoteKeepsWhatWasRead) {
  EXPECT_EQ(splitDriverCommand(R"(ld "abc)"), (Args{"ld", "abc"}));
}

class DriverLinkerArguments : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir[] = "/tmp/aslc-link-line-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    dir_ = dir;
  }
  void TearDown() override {
    unlink((dir_ + "/runtime-ld.txt").c_str());
    rmdir(dir_.c_str());
  }
  void write(const std::string& text) { std::ofstream(dir_ + "/runtime-ld.txt") << text; }
  std::string dir_;
};

TEST_F(DriverLinkerArguments, FillsPlaceholdersAndDropsDriverOptions) {
  write("# comment\n"
        "pie: /gcc/collect2 -pie -o ASLC_OUTPUT\n"
        "no-pie: /gcc/collect2 -plugin /gcc/liblto_plugin.so \"-plugin-opt=-fresolution=/tmp/x.res\" "
        "--eh-frame-hdr \"-fuse-ld=lld\" -o ASLC_OUTPUT crt1.o ASLC_INPUTS -u _Znwm "
        "ASLC_RUNTIME/libaslrt.a --gc-sections \"-lstdc++\" crtn.o\n");
  EXPECT_EQ(driverLinkerArguments(dir_, "no-pie", "/out/exe", {"/tmp/w.o", "h.a"}),
            (Args{"--eh-frame-hdr", "-o", "/out/exe", "crt1.o", "/tmp/w.o", "h.a", "-u", "_Znwm",
                  dir_ + "/libaslrt.a", "--gc-sections", "-lstdc++", "crtn.o"}));
  EXPECT_EQ(driverLinkerArguments(dir_, "pie", "e", {"w.o"}), (Args{"-pie", "-o", "e"}));
}

TEST_F(DriverLinkerArguments, MissingModeOrFileGivesNothing) {
  write("pie: /gcc/collect2 -pie -o ASLC_OUTPUT ASLC_INPUTS\n");
  EXPECT_TRUE(driverLinkerArguments(dir_, "static", "e", {"w.o"}).empty());
  EXPECT_TRUE(driverLinkerArguments(dir_, "pi", "e", {"w.o"}).empty());  // a prefix of a mode is not it
  EXPECT_TRUE(driverLinkerArguments(dir_ + "/absent", "pie", "e", {"w.o"}).empty());
}
