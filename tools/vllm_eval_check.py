"""Accuracy through lm-eval's vLLM backend against the transformers path, item by item: SmolLM2-135M dense and with
attention blocks 5, 7, 11, 12 removed, exported to Nemotron-NAS and evaluated by `entrodrop.engines.vllm_evaluate` (fp32,
in the `vllm` asset's environment), against `entrodrop.quality.evaluate` on the same seeded items. Writes
nbs/results/smollm2-vllm-eval-check/{items.csv, run.json}. Exits 1 if an item whose best choice leads by more than the
tie margin gets another answer, or a choice's log-likelihood differs by more than the tolerance.

    python tools/vllm_eval_check.py [--items 30] [--tasks hellaswag,piqa,arc_easy] [--python PATH]
"""
import argparse, copy, sys, tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from entrodrop.core import run_record, write_json
from entrodrop.engines import export_code_hash
from entrodrop.vllm_engine import nas_folder, vllm_evaluate
from entrodrop.models import load_model_and_tokenizer
from entrodrop.quality import evaluate, item_records
from entrodrop.ranking import PruningPlan
from entrodrop.removal import prune

PLANS = {"dense": None, "attention 5, 7, 11, 12": PruningPlan("attention", 30, attention=[5, 7, 11, 12])}
TIE = 1e-3  # nats: an item whose two best choices are closer than this in PyTorch is a tie, its answer not compared
TOLERANCE = 1e-3  # nats: the largest difference allowed between a choice's log-likelihood in vLLM and in PyTorch
OUT = Path("nbs/results/smollm2-vllm-eval-check")


def _values(loglikelihoods: str) -> np.ndarray:
    return np.array([float(v) for v in loglikelihoods.split()])


def compare(torch_items: pd.DataFrame, vllm_items: pd.DataFrame, plan: str) -> pd.DataFrame:
    "One row per item: both values, both answers, PyTorch's margin, the largest log-likelihood difference."
    both = torch_items.merge(vllm_items, on=["task", "item"], suffixes=("_torch", "_vllm"), validate="one_to_one")
    rows = []
    for row in both.itertuples():
        a, b = _values(row.loglikelihoods_torch), _values(row.loglikelihoods_vllm)
        ordered = np.sort(a)[::-1]
        rows.append({"plan": plan, "task": row.task, "item": row.item, "value_torch": row.value_torch,
                     "value_vllm": row.value_vllm, "answer_torch": int(a.argmax()), "answer_vllm": int(b.argmax()),
                     "margin_torch": float(ordered[0] - ordered[1]), "max_loglikelihood_difference": float(abs(a - b).max())})
    table = pd.DataFrame(rows)
    return table.assign(tie=table.margin_torch < TIE, same_answer=table.answer_torch == table.answer_vllm)


def main(items: int, tasks: str, python):
    model, tokenizer = load_model_and_tokenizer("smollm2-135m")
    parts, versions = [], None
    with tempfile.TemporaryDirectory() as work:
        for number, (name, plan) in enumerate(PLANS.items()):
            pruned = model if plan is None else prune(copy.deepcopy(model), plan)
            served = nas_folder(pruned, tokenizer, Path(work, str(number)))
            table, raw = evaluate(pruned, tokenizer, tasks, items=items, log_samples=True, progress=False)
            vllm_table, vllm_raw = vllm_evaluate(served, tasks, items=items, python=python, dtype="float32")
            part = compare(item_records(raw, table), item_records(vllm_raw, vllm_table), name)
            parts.append(part)
            print(f"{name}: {len(part)} items, {int(part.same_answer.sum())} same answers, {int(part.tie.sum())} ties, "
                  f"largest log-likelihood difference {part.max_loglikelihood_difference.max():.2e}; accuracy "
                  f"{table.value.mean():.4f} (transformers) and {vllm_table.value.mean():.4f} (vLLM)")
    table = pd.concat(parts, ignore_index=True)
    OUT.mkdir(parents=True, exist_ok=True)
    table.to_csv(OUT / "items.csv", index=False)
    decided = table[~table.tie]
    settings = {"model": "smollm2-135m", "plans": {n: None if p is None else p.block_indices for n, p in PLANS.items()},
                "tasks": tasks, "items": items, "item_seed": 0, "dtype": "float32", "tie": TIE, "tolerance": TOLERANCE}
    summary = {"items": len(table), "ties": int(table.tie.sum()), "same_answers_not_ties": int(decided.same_answer.sum()),
               "same_values": int((table.value_torch == table.value_vllm).sum()),
               "max_loglikelihood_difference": float(table.max_loglikelihood_difference.max())}
    write_json(OUT / "run.json", {**run_record(settings, program="python tools/vllm_eval_check.py"),
                                  "export_code": export_code_hash(), "summary": summary})
    print(f"wrote {OUT}: {summary}")
    sys.exit(0 if decided.same_answer.all() and summary["max_loglikelihood_difference"] <= TOLERANCE else 1)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--tasks", default="hellaswag,piqa,arc_easy")
    parser.add_argument("--python", default=None, help="a Python where vLLM and lm-eval are installed")
    args = parser.parse_args()
    main(args.items, args.tasks, args.python)
