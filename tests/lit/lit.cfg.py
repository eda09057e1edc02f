# lit configuration for aslc's phase tests (diagnostics, --emit=ir/llvm, end to end).
#
# Definition tests are ASL files themselves (*.json), with their lit directives
# in "Comment" strings so each CHECK can stand beside the line it is about. JSON
# puts `",` after such a directive, so lit reads a copy with those string ends
# cut off: in RUN lines %s is that copy (give it to FileCheck) and %json is the
# untouched definition (give it to aslc).
import os

import sys
sys.path.insert(0, os.path.dirname(__file__))
from aslc_lit_format import JsonDefinitionTest  # noqa: E402


config.name = "aslc"
config.test_format = JsonDefinitionTest(execute_external=False)
config.suffixes = [".json", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.aslc_build_dir, "tests", "lit")

config.substitutions.append(("%aslc_libdir", os.path.join(config.aslc_build_dir, "lib", "aslc")))
config.substitutions.append(("%aslc", os.path.join(config.aslc_build_dir, "aslc")))
config.substitutions.append(("%examples", os.path.join(config.aslc_source_dir, "examples")))
config.environment["PATH"] = os.pathsep.join([config.llvm_tools_dir, config.environment.get("PATH", "")])
