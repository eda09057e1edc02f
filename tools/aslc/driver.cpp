#include "driver.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iostream>

#include "aslc/codegen/backend.h"
#include "aslc/codegen/metadata.h"
#include "aslc/frontend/lower.h"
#include "aslc/frontend/parse.h"
#include "aslc/interp/interpreter.h"
#include "aslc/ir/pass_manager.h"
#include "aslc/ir/passes.h"
#include "aslc/ir/printer.h"
#include "aslc/ir/verify.h"
#include "binding_check.h"
#include "spawn.h"
#include "substitutions.h"
#include "task_bindings.h"

namespace aslc::tool {
namespace {

struct Frontend {
  std::unique_ptr<SourceBuffer> source;
  std::unique_ptr<ast::Definition> definition;
};

// Loads and validates; prints diagnostics. Returns false on any error.
bool runFrontend(const Options& o, Frontend& fe) {
  std::string why;
  std::optional<SourceBuffer> file = SourceBuffer::fromFile(o.input, &why);
  if (!file) {
    std::cerr << "aslc: error: " << why << "\n";
    return false;
  }
  fe.source = std::make_unique<SourceBuffer>(o.input, applySubstitutions(file->text(), o.substitutions));
  Diagnostics diags;
  fe.definition = parseDefinition(*fe.source, diags);
  diags.print(*fe.source, std::cerr);
  return fe.definition != nullptr;
}

// Writes to -o, or stdout when no -o was given.
template <typename Fn>
int writeOutput(const Options& o, Fn&& fn) {
  if (o.output.empty() || o.output == "-") {
    fn(std::cout);
    return kOk;
  }
  std::ofstream out(o.output);
  fn(out);
  if (!out) {
    std::cerr << "aslc: error: cannot write '" << o.output << "'\n";
    return kInternal;
  }
  return kOk;
}

std::string runtimeDirectory() {
  std::string self = selfDirectory();
  for (std::string dir : {self + "/lib/aslc", self + "/../lib/aslc"})
    if (access((dir + "/runtime-link.txt").c_str(), R_OK) == 0) return dir;
  return self + "/lib/aslc";
}

bool buildIr(const Options& o, const Frontend& fe, ir::Module& module) {
  Diagnostics diags;
  module = lowerToIr(*fe.definition, o.input, diags);
  diags.print(*fe.source, std::cerr);
  std::vector<std::string> problems = ir::verifyModule(module);
  for (const std::string& p : problems) std::cerr << "aslc: internal error: invalid IR: " << p << "\n";
  if (!problems.empty() || diags.hasErrors()) return false;
  ir::PassManager passes;
  if (!o.noOpt) ir::addDefaultPasses(passes);
  passes.printAfter(o.printAfter);
  return passes.run(module, std::cout, std::cerr);
}

// --bindings FILE, checked (all but native symbols, which only the executable
// can resolve). Absent: both stay empty. False on a bad file.
struct BindingsFlag {
  std::optional<aslrt::Json> doc;
  std::optional<aslrt::TaskBindings> bindings;
};

bool readBindingsFlag(const Options& o, BindingsFlag* out) {
  for (const std::string& arg : o.runArgs) {
    if (arg.rfind("--bindings=", 0) != 0) continue;
    std::string path = arg.substr(11), error;
    out->doc = aslrt::readBindingsDocument(path, &error);
    if (out->doc) out->bindings = aslrt::TaskBindings::parse(*out->doc, ".", "file '" + path + "'", &error, false);
    if (!out->bindings) {
      std::cerr << "aslc: error: " << error << "\n";
      return false;
    }
  }
  return true;
}

bool hasRunFlag(const Options& o, const std::string& name) {
  for (const std::string& arg : o.runArgs)
    if (arg.rfind(name + "=", 0) == 0) return true;
  return false;
}

// Warns about Task states nothing will answer (unless mocks may).
void warnAboutBindings(const Options& o, const Frontend& fe, const BindingsFlag& flag) {
  if (hasRunFlag(o, "--mock-config")) return;
  Diagnostics diags;
  warnUnboundTasks(*fe.definition->machine, flag.bindings ? &*flag.bindings : nullptr, diags);
  diags.print(*fe.source, std::cerr);
}

// A state machine a `stateMachine` binding names, to IR; diagnostics name the
// nested file. False after saying why.
bool buildNestedIr(const Options& o, const std::string& definition, ir::Module& module) {
  Options child = o;
  child.input = definition;
  child.printAfter.clear();
  Frontend fe;
  if (runFrontend(child, fe) && buildIr(child, fe, module)) return true;
  std::cerr << "aslc: error: the state machine '" << definition << "' named by --bindings does not compile\n";
  return false;
}

// Each state machine a `stateMachine` binding names becomes one more object
// in the executable, found by the runtime through its "aslrt_machines"
// record (aslrt/abi.h).
int compileNested(const Options& o, codegen::Backend& backend, const std::vector<std::string>& definitions,
                  const std::string& exePath, std::vector<std::string>* objects) {
  for (size_t i = 0; i < definitions.size(); ++i) {
    ir::Module module;
    if (!buildNestedIr(o, definitions[i], module)) return kInvalid;
    std::unique_ptr<codegen::Lowered> lowered = backend.lower(module, definitions[i]);
    std::string error, objectPath = exePath + ".nested" + std::to_string(i) + ".o";
    if (!lowered || !lowered->emitObject(o.optLevel, objectPath, &error)) {
      std::cerr << "aslc: error: " << (error.empty() ? "cannot compile '" + definitions[i] + "'" : error) << "\n";
      return kInternal;
    }
    objects->push_back(objectPath);
  }
  return kOk;
}

void removeFiles(const std::vector<std::string>& paths) {
  for (const std::string& p : paths) std::remove(p.c_str());
}

// --print-after names a pass of the default pipeline (or 'all').
bool printAfterKnown(const Options& o) {
  ir::PassManager all;
  ir::addDefaultPasses(all);
  std::vector<std::string> names = all.names();
  for (const std::string& p : o.printAfter) {
    if (p == "all" || std::find(names.begin(), names.end(), p) != names.end()) continue;
    std::cerr << "aslc: error: --print-after: no IR pass named '" << p << "' (passes:";
    for (const std::string& n : names) std::cerr << " " << n;
    std::cerr << ")\n";
    return false;
  }
  return true;
}

// Compiles to an executable at exePath (the last rung of the --emit ladder).
int compile(const Options& o, const std::string& exePath) {
  Frontend fe;
  if (!printAfterKnown(o)) return kInvalid;
  if (!runFrontend(o, fe)) return kInvalid;
  if (o.emit == Emit::Ast) return writeOutput(o, [&](std::ostream& out) { printAst(*fe.definition->machine, out); });
  ir::Module module;
  if (!buildIr(o, fe, module)) return kInternal;
  if (o.emit == Emit::Ir) return writeOutput(o, [&](std::ostream& out) { ir::printModule(module, out); });
  BindingsFlag bindings;
  if (!readBindingsFlag(o, &bindings)) return kInvalid;
  warnAboutBindings(o, fe, bindings);
  // Baked in: the executable's own --bindings overrides them.
  if (bindings.doc) module.machineInfo["bindings"] = *bindings.doc;
  std::vector<std::string> nested;
  if (bindings.bindings) nested = bindings.bindings->nestedDefinitions();
  std::string error;
  codegen::Backend* backend = codegen::loadBackend(runtimeDirectory(), &error);
  if (!backend) {
    std::cerr << "aslc: error: " << error << "\n";
    return kInternal;
  }
  std::unique_ptr<codegen::Lowered> lowered = backend->lower(module, "");
  if (!lowered) return kInternal;
  if (o.emit == Emit::Llvm) return writeOutput(o, [&](std::ostream& out) { lowered->print(out, o.optLevel); });
  std::string objectPath = o.emit == Emit::Obj ? o.output : exePath + ".o";
  if (!lowered->emitObject(o.optLevel, objectPath, &error)) {
    std::cerr << "aslc: error: " << error << "\n";
    return kInternal;
  }
  if (o.emit == Emit::Obj) return kOk;
  std::vector<std::string> objects = {objectPath};
  int status = compileNested(o, *backend, nested, exePath, &objects);
  if (status == kOk) {
    codegen::LinkOptions link{runtimeDirectory(), o.fullyStatic, o.pie, o.linkInputs};
    link.extraInputs.insert(link.extraInputs.begin(), objects.begin() + 1, objects.end());
    if (!backend->link(objectPath, exePath, link, &error)) {
      std::cerr << "aslc: error: " << error << "\n";
      status = kInternal;
    }
  }
  removeFiles(objects);
  return status;
}

// --interpret: the same frontend and passes, then the IR runs in this process
// on the reference interpreter with the run flags a built executable takes.
// The state machines `stateMachine` bindings name are built to IR too.
int interpret(const Options& o) {
  Frontend fe;
  if (!printAfterKnown(o)) return kInvalid;
  if (!runFrontend(o, fe)) return kInvalid;
  std::deque<ir::Module> modules(1);
  if (!buildIr(o, fe, modules[0])) return kInternal;
  BindingsFlag bindings;
  if (!readBindingsFlag(o, &bindings)) return kInvalid;
  warnAboutBindings(o, fe, bindings);
  std::vector<interp::HostedModule> hosted = {{&modules[0], codegen::buildMetadata(modules[0]), ""}};
  for (const std::string& definition : bindings.bindings ? bindings.bindings->nestedDefinitions()
                                                         : std::vector<std::string>{}) {
    if (!buildNestedIr(o, definition, modules.emplace_back())) return kInvalid;
    hosted.push_back({&modules.back(), codegen::buildMetadata(modules.back()), definition});
  }
  std::cout.flush();
  return interp::runModules(hosted, o.runArgs);
}

}  // namespace

int runCheck(const Options& o) {
  Frontend fe;
  if (!runFrontend(o, fe)) return kInvalid;
  BindingsFlag bindings;
  if (!readBindingsFlag(o, &bindings)) return kInvalid;
  warnAboutBindings(o, fe, bindings);
  return kOk;
}

int runBuild(const Options& o) {
  if (o.output.empty() && (o.emit == Emit::Exe || o.emit == Emit::Obj)) {
    std::cerr << "aslc: error: 'aslc build' needs -o FILE for --emit=" << (o.emit == Emit::Exe ? "exe" : "obj") << "\n";
    return kInvalid;
  }
  return compile(o, o.output);
}

int runRun(const Options& o) {
  if (o.interpret) return interpret(o);
  if (o.emitGiven && o.emit != Emit::Exe) return compile(o, "");
  char dir[] = "/tmp/aslc-run-XXXXXX";
  if (!mkdtemp(dir)) {
    std::cerr << "aslc: error: cannot create a temporary directory\n";
    return kInternal;
  }
  std::string exe = std::string(dir) + "/machine";
  int status = compile(o, exe);
  if (status == kOk) {
    std::vector<std::string> argv = {exe};
    argv.insert(argv.end(), o.runArgs.begin(), o.runArgs.end());
    status = runProgram(argv);
    if (status < 0) std::cerr << "aslc: error: cannot run the compiled executable\n";
    if (status < 0) status = kInternal;
  }
  std::remove(exe.c_str());
  rmdir(dir);
  return status;
}

}  // namespace aslc::tool
