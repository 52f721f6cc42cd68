"""`ContinuationLM` against lm-eval's own `HFLM` on a real model: the same items (a seeded sample of each task), the
same per-item records, and the seconds each took. Writes nbs/results/<name>-continuation-check/ (items.csv.gz: every
item's value and choice log-likelihoods under both; run.json: the command, the times, the largest difference).

    python tools/continuation_check.py [--model gemma3-270m] [--items 30]
"""
import argparse, os, time
from pathlib import Path
from unittest import mock

import pandas as pd
from lm_eval.models.huggingface import HFLM

from entrodrop.core import atomic_folder, run_record, write_json
from entrodrop.models import load_model_and_tokenizer
from entrodrop.quality import evaluate, item_records

TASKS = "hellaswag,piqa,winogrande,arc_easy,arc_challenge,openbookqa,commonsense_qa"

def records_and_seconds(model, tokenizer, items: int) -> tuple[pd.DataFrame, float]:
    start = time.perf_counter()
    table, raw = evaluate(model, tokenizer, TASKS, items=items, item_seed=0, log_samples=True, progress=False)
    return item_records(raw, table), time.perf_counter() - start

def main(model_name: str, items: int):
    model, tokenizer = load_model_and_tokenizer(model_name)
    records_and_seconds(model, tokenizer, 1)  # lm-eval's task index and datasets loaded once, outside both timings
    with mock.patch("entrodrop.quality.ContinuationLM", HFLM):
        plain, plain_seconds = records_and_seconds(model, tokenizer, items)
    restricted, restricted_seconds = records_and_seconds(model, tokenizer, items)
    both = plain.merge(restricted, on=["task", "item"], suffixes=(" HFLM", " ContinuationLM"))
    lls = [both[f"loglikelihoods {name}"].str.split().explode().astype(float).to_numpy()
           for name in ("HFLM", "ContinuationLM")]
    summary = {"items": len(both), "items per task": items, "HFLM seconds": plain_seconds,
               "ContinuationLM seconds": restricted_seconds,
               "largest log-likelihood difference": float(abs(lls[0] - lls[1]).max()),
               "items whose value differs": int((both["value HFLM"] != both["value ContinuationLM"]).sum())}
    with atomic_folder(Path("nbs/results") / f"{model_name.split('-')[0]}-continuation-check", overwrite=True) as folder:
        both.to_csv(folder / "items.csv.gz", index=False)
        settings = {"model": model_name, "items": items, "tasks": TASKS}
        write_json(folder / "run.json", {**run_record(settings, program="python tools/continuation_check.py"),
                                         "summary": summary})
    print(summary)

if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="gemma3-270m")
    parser.add_argument("--items", type=int, default=30)
    args = parser.parse_args()
    main(args.model, args.items)
