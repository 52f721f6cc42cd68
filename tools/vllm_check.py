"""vLLM against PyTorch on SmolLM2-135M: the dense model and attention, whole-layer and MLP plans, each exported to a
Nemotron-NAS folder and run in vLLM (`entrodrop.engines.vllm_run`, by default in the `vllm` asset's environment), greedy
tokens and each token's log-probability after seven prompts, against the same pruned model in PyTorch. Writes
nbs/results/smollm2-vllm-check/{tokens.csv, run.json} (with the export code's hash, so 07d's test fails once the export
changes after this run). Exits 1 if any token differs or a log-probability differs by more than the tolerance.

    python tools/vllm_check.py [--new-tokens 32] [--python PATH] [--threads 2]
"""
import argparse, copy, sys, tempfile
from pathlib import Path

import pandas as pd
import torch

from entrodrop.core import run_record, write_json
from entrodrop.engines import export_code_hash, torch_greedy
from entrodrop.vllm_engine import nas_folder, vllm_run
from entrodrop.models import load_model_and_tokenizer
from entrodrop.ranking import PruningPlan
from entrodrop.removal import prune

PLANS = {"dense": None, "attention 5, 7, 11, 12": PruningPlan("attention", 30, attention=[5, 7, 11, 12]),
         "layers 13, 14, 17, 25": PruningPlan("layer", 30, layers=[13, 14, 17, 25]),
         "mlp 10, 20": PruningPlan("mlp", 30, mlp=[10, 20])}
PROMPTS = ("The capital of France is", "Call me Ishmael. Some years ago",  # the two the package's other checks use
           "def fibonacci(n):\n    \"\"\"Return the n-th Fibonacci number.\"\"\"\n",
           "Question: Why does ice float on water?\nAnswer:", "Three things to pack for a hike:\n1.",
           "Il était une fois, dans un petit village", "It was the best of times, it was the worst of times,")
TOLERANCE = 1e-3  # nats: the largest difference allowed between a token's log-probability in vLLM and in PyTorch (fp32)
OUT = Path("nbs/results/smollm2-vllm-check")


def first_difference(a: list, b: list) -> int | None:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), None if len(a) == len(b) else min(len(a), len(b)))


def check_plan(name: str, model, tokenizer, plan, prompts: list, work: Path, new_tokens: int,
               python) -> tuple[list[dict], dict]:
    "One plan's rows (per prompt: vLLM's greedy tokens against PyTorch's, the largest log-probability gap); versions."
    pruned = model if plan is None else prune(copy.deepcopy(model), plan)
    served = vllm_run(nas_folder(pruned, tokenizer, work / name.replace(" ", "").replace(",", "-")), prompts,
                      new_tokens, python)
    rows = []
    for number, (prompt, run) in enumerate(zip(prompts, served["runs"])):
        tokens, logprobs = torch_greedy(pruned, prompt, new_tokens)
        common = first_difference(tokens, run["tokens"])
        upto = len(tokens) if common is None else common + 1  # the differing position itself compares its context
        gap = max(abs(a - b) for a, b in zip(logprobs[:upto], run["logprobs"][:upto]))
        rows.append({"plan": name, "prompt": number, "new_tokens": new_tokens, "same_tokens": common is None,
                     "first_difference": common, "max_logprob_difference": gap,
                     "torch_tokens": " ".join(map(str, tokens)), "vllm_tokens": " ".join(map(str, run["tokens"]))})
        print(f"{name:24s} prompt {number}: same tokens {common is None}, largest log-probability gap {gap:.2e}")
    return rows, served["versions"]


def main(new_tokens: int, python, threads: int):
    torch.set_num_threads(threads)
    model, tokenizer = load_model_and_tokenizer("smollm2-135m")
    prompts = [tokenizer(text).input_ids for text in PROMPTS]
    rows, versions = [], None
    with tempfile.TemporaryDirectory() as work:
        for name, plan in PLANS.items():
            plan_rows, versions = check_plan(name, model, tokenizer, plan, prompts, Path(work), new_tokens, python)
            rows += plan_rows
    table = pd.DataFrame(rows)
    OUT.mkdir(parents=True, exist_ok=True)
    table.to_csv(OUT / "tokens.csv", index=False)
    settings = {"model": "smollm2-135m", "plans": {name: None if plan is None else plan.block_indices
                                                   for name, plan in PLANS.items()},
                "prompts": list(PROMPTS), "new_tokens": new_tokens, "dtype": "float32", "tolerance": TOLERANCE,
                "threads": threads}
    record = run_record(settings, program="python tools/vllm_check.py")
    write_json(OUT / "run.json", {**record, "vllm_environment": versions, "export_code": export_code_hash(),
                                  "summary": {"rows": len(table), "same_tokens": int(table.same_tokens.sum()),
                                              "max_logprob_difference": float(table.max_logprob_difference.max())}})
    print(f"wrote {OUT}: {int(table.same_tokens.sum())} of {len(table)} rows give the same tokens; largest "
          f"log-probability gap {table.max_logprob_difference.max():.2e} nats")
    sys.exit(0 if table.same_tokens.all() and table.max_logprob_difference.max() <= TOLERANCE else 1)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--new-tokens", type=int, default=32)
    parser.add_argument("--python", default=None, help="a Python where vLLM is installed (default: the vllm asset's)")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    main(args.new_tokens, args.python, args.threads)
