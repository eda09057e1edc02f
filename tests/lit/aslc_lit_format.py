# lit format for definition tests (see lit.cfg.py). A module of its own so
# lit's worker processes can import it.
import os
import re
import lit.formats

DIRECTIVE_END = re.compile(r'^(.*\b(?:RUN|CHECK[A-Z-]*|COM):.*?)"\s*[,}\]]*\s*$', re.M)


class JsonDefinitionTest(lit.formats.ShTest):
    def execute(self, test, lit_config):
        source = test.getSourcePath()
        if not source.endswith(".json"):
            return super().execute(test, lit_config)
        exec_path = test.getExecPath()
        os.makedirs(os.path.dirname(exec_path), exist_ok=True)
        copy_path = exec_path + ".directives"
        with open(source) as f:
            text = f.read()
        with open(copy_path, "w") as f:
            f.write(DIRECTIVE_END.sub(r"\1", text))
        test.config.substitutions = [("%json", source)] + [
            s for s in test.config.substitutions if s[0] != "%json"]
        original = test.getSourcePath
        test.getSourcePath = lambda: copy_path
        try:
            return super().execute(test, lit_config)
        finally:
            test.getSourcePath = original


