#!/usr/bin/env python3
"""Never crash on user input: mutate the flagship template and buildspec the way hands and
editors break YAML (lost or doubled lines, stray indicators, shifted indentation, truncated
lines, NUL bytes, swapped intrinsics) and run the commands that read them. Every run must end
with an exit code pipemu documents (0, 1 or 2), never a signal or a hang; a failing case is
kept under the build directory for replay. Fixed seeds: the same cases every run.

usage: mutated_inputs.py PIPEMU SOURCE_DIR WORK_DIR [CASES]
"""
import os
import random
import shutil
import subprocess
import sys

STRAYS = ['{', '}', '[', ']', ':', '!', '&', '*', '|', '>', '\t', '"', "'", '#', '%', '@', '`',
          '\\', '\x00', '  ', '- ', '!Ref ', '${', '<<: ']
SWAPS = [('!Ref', '!GetAtt'), ('!Sub', '!Join'), ('RunOrder: 1', 'RunOrder: -1'),
         ('Ref', 'Fn::ImportValue'), ('Region', 'Regoin'), ('version: 0.2', 'version: 9')]


def mutate(lines, rnd):
    out = list(lines)
    for _ in range(rnd.randint(1, 4)):
        if not out:
            break
        k = rnd.randrange(len(out))
        op = rnd.randrange(7)
        if op == 0:
            del out[k]
        elif op == 1:
            out.insert(k, out[rnd.randrange(len(out))])
        elif op == 2:
            p = rnd.randrange(len(out[k]) + 1)
            out[k] = out[k][:p] + rnd.choice(STRAYS) + out[k][p:]
        elif op == 3:
            out[k] = '  ' + out[k]
        elif op == 4:
            out[k] = out[k].lstrip()
        elif op == 5:
            out[k] = out[k][:rnd.randrange(len(out[k]) + 1)]
        else:
            a, b = rnd.choice(SWAPS)
            out[k] = out[k].replace(a, b)
    return '\n'.join(out)


def run(cmd, case, kept_dir, label):
    try:
        r = subprocess.run(cmd, capture_output=True, timeout=30)
    except subprocess.TimeoutExpired:
        return f'{label}: hung for 30 s: {" ".join(cmd)}'
    if r.returncode in (0, 1, 2):
        return None
    tail = r.stderr.decode(errors='replace')[-400:]
    return f'{label}: exit {r.returncode}: {" ".join(cmd)}\n{tail}'


def main():
    pipemu, source, work = sys.argv[1], sys.argv[2], sys.argv[3]
    cases = int(sys.argv[4]) if len(sys.argv) > 4 else 60
    flagship = os.path.join(source, 'scenarios', 'flagship')
    template = os.path.join(flagship, 'pipeline.yaml')
    buildspec = os.path.join(flagship, 'amazon', 'pipeline', 'production', 'buildspec.yaml')
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    failures = []
    runs = 0
    suites = [
        (template, 1, lambda f: [[pipemu, 'validate', f], [pipemu, 'explain', f],
                                 [pipemu, 'explain', f, '--format', 'md'], [pipemu, 'plan', f],
                                 [pipemu, 'graph', f], [pipemu, 'graph', f, '--format', 'mermaid']]),
        (buildspec, 2, lambda f: [[pipemu, 'validate', template, '--buildspec', f]]),
    ]
    for source_file, seed, commands in suites:
        rnd = random.Random(seed)
        lines = open(source_file, encoding='utf-8').read().split('\n')
        for i in range(cases):
            case = os.path.join(work, f'seed{seed}-case{i}.yaml')
            with open(case, 'w', encoding='utf-8') as f:
                f.write(mutate(lines, rnd))
            bad = None
            for cmd in commands(case):
                runs += 1
                bad = run(cmd, case, work, f'seed {seed} case {i}')
                if bad:
                    failures.append(bad)
                    break
            if not bad:
                os.remove(case)
    for f in failures:
        print('FAIL', f)
    print(f'{runs} runs on {2 * cases} mutated files: {len(failures)} crashed or hung'
          + (f' (kept in {work})' if failures else ''))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
