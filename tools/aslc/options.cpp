#include "options.h"

#include "aslrt/cli_args.h"
#include "substitutions.h"

namespace aslc::tool {
namespace {

// Run flags that take a value; handed to the executable unchanged.
const char* const kRunValueFlags[] = {"--input", "--clock", "--seed", "--history", "--execution-name",
                                      "--state-machine-name", "--start-time", "--repeat",
                                      "--mock-config", "--test-case", "--state-machine", "--resources",
                                      "--bindings", "--s3-root", "--type", "--callback-socket",
                                      "--inline-map-max-concurrency"};
const char* const kRunBoolFlags[] = {"--bench"};

bool parseEmit(const std::string& v, Options& o, std::string* error) {
  static const std::pair<const char*, Emit> kEmits[] = {
      {"ast", Emit::Ast}, {"ir", Emit::Ir}, {"llvm", Emit::Llvm}, {"obj", Emit::Obj}, {"exe", Emit::Exe}};
  for (const auto& [name, emit] : kEmits)
    if (v == name) {
      o.emit = emit;
      o.emitGiven = true;
      return true;
    }
  *error = "--emit takes ast, ir, llvm, obj or exe; got '" + v + "'";
  return false;
}

bool takeRunFlag(aslrt::CliArgs& args, Options& o, std::string* error) {
  for (const char* name : kRunBoolFlags)
    if (args.flag(name)) {
      o.runArgs.push_back(name);
      return true;
    }
  for (const char* name : kRunValueFlags)
    if (auto v = args.option(name, error)) {
      o.runArgs.push_back(std::string(name) + "=" + *v);
      return true;
    }
  return false;
}

bool takeCompileFlag(aslrt::CliArgs& args, Options& o, std::string* error) {
  const std::string& a = args.peek();
  if (a.size() == 3 && a[0] == '-' && a[1] == 'O' && a[2] >= '0' && a[2] <= '3') {
    o.optLevel = a[2] - '0';
    args.next();
    return true;
  }
  if (args.flag("--static")) return o.fullyStatic = true;
  if (args.flag("--pie")) return o.pie = true;
  if (args.flag("--interpret")) return o.interpret = true;
  if (args.flag("--no-opt")) return o.noOpt = true;
  if (auto v = args.option("-o", error)) return o.output = *v, true;
  if (auto v = args.option("--emit", error)) return parseEmit(*v, o, error);
  if (auto v = args.option("--print-after", error)) return o.printAfter.insert(*v), true;
  if (auto v = args.option("--link", error)) return o.linkInputs.push_back(*v), true;
  if (auto v = args.option("--sub", error)) return parseSubstitution(*v, o.substitutions, error);
  if (auto v = args.option("--subs", error)) return readSubstitutionFile(*v, o.substitutions, error);
  return false;
}

// --interpret runs the IR in aslc's own process: nothing is emitted or linked.
bool interpretCompatible(const Options& o, std::string* error) {
  const char* clash = o.command != "run"            ? "is only for 'aslc run'"
                      : o.emitGiven                 ? "cannot be combined with --emit"
                      : !o.output.empty()           ? "cannot be combined with -o"
                      : o.fullyStatic               ? "cannot be combined with --static"
                      : o.pie                       ? "cannot be combined with --pie"
                      : !o.linkInputs.empty()       ? "cannot be combined with --link (native handlers need a built "
                                                      "executable: 'aslc build --link')"
                                                    : nullptr;
  if (clash) *error = std::string("--interpret ") + clash;
  return clash == nullptr;
}

}  // namespace

bool parseOptions(int argc, char** argv, Options& o, std::string* error) {
  aslrt::CliArgs args(argc, argv);
  if (args.done()) {
    *error = "no command given (see 'aslc --help')";
    return false;
  }
  o.command = args.next();
  while (!args.done()) {
    if (args.flag("--help") || args.flag("-h")) {
      o.help = true;
      continue;
    }
    size_t before = o.runArgs.size();
    if (takeCompileFlag(args, o, error) || takeRunFlag(args, o, error)) continue;
    if (!error->empty()) return false;
    if (o.runArgs.size() != before) continue;
    std::string arg = args.next();
    if (arg.size() > 1 && arg[0] == '-') {
      *error = "unknown option '" + arg + "' for 'aslc " + o.command + "' (see 'aslc " + o.command + " --help')";
      return false;
    }
    if (!o.input.empty()) {
      *error = "more than one definition file given ('" + o.input + "' and '" + arg + "')";
      return false;
    }
    o.input = arg;
  }
  if (!error->empty()) return false;
  if (o.help) return true;
  if (o.interpret && !interpretCompatible(o, error)) return false;
  if (o.fullyStatic && o.pie) {  // a static PIE of the runtime crashes at start-up (glibc 2.36, lld)
    *error = "--pie cannot be combined with --static";
    return false;
  }
  if (o.input.empty()) {
    *error = "'aslc " + o.command + "' needs a definition file";
    return false;
  }
  return true;
}

}  // namespace aslc::tool
