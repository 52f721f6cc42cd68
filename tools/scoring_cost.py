"""What scoring costs on SmolLM2-135M, in forward passes (issue 34, item 5), measured as ratios in one run.

- estimators: CPU seconds of the plain forward pass over 8 calibration windows x 256 tokens (Austen, seed 2024) against
  `score_blocks` with all five estimators and with each alone, interleaved `--repeats` rounds, best of each kept.
- equality: Table 1's block scores (nbs/results/smollm2-attention/scores, 128 windows) scored again by this code: the
  largest difference per estimator (where, and past layer 0, whose input holds the embeddings' repeated tokens) and
  whether every Table 1 plan (attention K = 4, 8, 12) is the same.
- criteria: the CPU seconds of making each criterion's plan from nothing, in forward passes over the same 8 windows.

Writes nbs/results/smollm2-scoring-cost/{estimators.csv,equality.csv,criteria.csv,run.json}; each part replaces only
its own file. The estimator part wants an idle machine (a busy one slows memory-bound work more than the forward).

    python tools/scoring_cost.py --part estimators [--threads 1] [--repeats 5]
"""
import argparse, hashlib, json, os
from pathlib import Path

import pandas as pd

from entrodrop.core import CALIBRATION_DEFAULTS, run_record, write_json

MODEL, OUT = "smollm2-135m", Path("nbs/results/smollm2-scoring-cost")
TABLE1 = Path("nbs/results/smollm2-attention")
CRITERIA = [("entropy-bucket", "attention", 8), ("entropy-knn", "attention", 8), ("entropy-renyi", "attention", 8),
            ("cosine", "attention", 8), ("block-influence", "layer", 4), ("angular-window", "layer", 4),
            ("last", "attention", 8), ("loss", "attention", 8), ("loss", "layer", 4), ("sleb", "layer", 4),
            ("laco", "layer", 4)]

def _windows(model, tokenizer, samples: int):
    from entrodrop.calibration import calibration_for, window_bos
    c = CALIBRATION_DEFAULTS
    return calibration_for("austen", tokenizer, model.config.vocab_size, samples, c["seqlen"], c["seed"],
                           window_bos(model, tokenizer))

def estimators_part(model, tokenizer, repeats: int) -> pd.DataFrame:
    from entrodrop.calibration import batched
    from entrodrop.speed import scoring_cost
    return scoring_cost(model, batched(_windows(model, tokenizer, 8), 8), repeats=repeats).rename_axis("run").reset_index()

def equality_part(model, tokenizer) -> pd.DataFrame:
    "Table 1's committed scores against these estimators' on the same windows, and the plans both give."
    from entrodrop.calibration import batched
    from entrodrop.estimators import BlockScores, make_estimator, score_blocks
    from entrodrop.ranking import plan_pruning
    committed = BlockScores.load(TABLE1 / "scores")
    estimators = [make_estimator(v["name"], **{k: x for k, x in v.items() if k != "name"})
                  for v in committed.meta["estimators"].values()]
    windows = _windows(model, tokenizer, committed.meta["samples"])
    now = score_blocks(model, batched(windows, 8), estimators, progress=True)
    rows = []
    for est in estimators:
        old, new = (s.table[s.table.estimator == est.label].set_index(["layer", "block"]).score for s in (committed, now))
        same = all(plan_pruning(committed, "attention", k, est.label).block_indices
                   == plan_pruning(now, "attention", k, est.label).block_indices for k in (4, 8, 12))
        difference = (old - new).abs()
        rows.append(dict(estimator=est.label, largest_difference=float(difference.max()),
                         where=" ".join(map(str, difference.idxmax())),
                         largest_difference_past_layer_0=float(difference.drop(index=0, level="layer").max()),
                         largest_score=float(old.abs().max()), same_plans_attention_4_8_12=same))
    return pd.DataFrame(rows)

def criteria_part(model, tokenizer) -> pd.DataFrame:
    from entrodrop.calibration import batched
    from entrodrop.speed import criterion_cost
    return criterion_cost(model, batched(_windows(model, tokenizer, 8), 8), CRITERIA)

def main(part: str, threads: int, repeats: int):
    import torch
    from entrodrop.models import load_model_and_tokenizer
    torch.set_num_threads(threads)
    model, tokenizer = load_model_and_tokenizer(MODEL, dtype="float32", device="cpu")
    table = {"estimators": lambda: estimators_part(model, tokenizer, repeats),
             "equality": lambda: equality_part(model, tokenizer), "criteria": lambda: criteria_part(model, tokenizer)}[part]()
    OUT.mkdir(parents=True, exist_ok=True)
    partial = OUT / f".{part}.csv.partial"
    table.to_csv(partial, index=False)
    partial.replace(OUT / f"{part}.csv")
    code = Path(__file__).resolve().parents[1] / "entrodrop" / "estimators.py"
    runs = json.loads((OUT / "run.json").read_text()) if (OUT / "run.json").exists() else {}
    settings = {"model": MODEL, "part": part, "threads": threads, "repeats": repeats, "windows": 8, "seqlen": 256,
                "estimators_code_sha256": hashlib.sha256(code.read_bytes()).hexdigest()[:16]}
    runs[part] = run_record(settings, program="python tools/scoring_cost.py")
    write_json(OUT / "run.json", runs)
    print(table.to_string())

if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("estimators", "equality", "criteria"), required=True)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    main(args.part, args.threads, args.repeats)
