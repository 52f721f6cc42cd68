"""What each repair costs and whether a repaired model decodes as fast: on SmolLM2-135M's Table 1 plan of cosine at
attention K = 8 (read from the committed repair rows), each of magnitude compensation, least squares and LoRA healing
(compare's 256 examples of Mixed) runs in a fresh child process that reports its wall and CPU seconds and its peak
resident memory while it runs (the peak counter reset after loading the model and windows), over what loading left;
then the dense, pruned and each repaired model are exported to GGUF (f32) and measured in llama.cpp in one run
(decode as a ratio to the unrepaired pruned model).
Writes nbs/results/smollm2-repair-cost/{cost.csv,engine.csv,run.json}. About ten minutes on 2 cores.

    python tools/repair_cost.py [--threads 2]
"""
import argparse, json, os, subprocess, sys, tempfile, time
from pathlib import Path

import pandas as pd

from entrodrop.core import CALIBRATION_DEFAULTS, HEAL_DEFAULTS, LORA_HEALING, atomic_folder, run_record, write_json

MODEL, CRITERION, KIND, K = "smollm2-135m", "cosine", "attention", 8
ROWS = Path("nbs/results/smollm2-repair-perplexity-attention/comparison.csv")
METHODS = ("none", "magnitude", "lstsq", "lora")

def _memory(field: str) -> int:
    "A line of /proc/self/status in bytes (VmRSS now, VmHWM the peak)."
    line = next(line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith(field))
    return int(line.split()[1]) * 1024

def _plan():
    from entrodrop.ranking import PruningPlan
    rows = pd.read_csv(ROWS)
    row = rows[(rows.kind == KIND) & (rows.num_blocks == K) & (rows.criterion == CRITERION)].iloc[0]
    return PruningPlan(KIND, 30, attention=[int(b) for b in row.blocks.split()], criterion=CRITERION, num_blocks=K)

def child(method: str, out: str) -> dict:
    "Load, then time one repair of the plan (and prune), save the model to `out`: seconds and memory."
    import torch
    from entrodrop.calibration import batched, calibration_for, window_bos
    from entrodrop.models import load_model_and_tokenizer
    from entrodrop.posttraining import heal_merged, healing_examples
    from entrodrop.removal import prune, save_pruned
    from entrodrop.repair import repair
    model, tokenizer = load_model_and_tokenizer(MODEL)
    c = CALIBRATION_DEFAULTS
    windows = calibration_for("austen", tokenizer, model.config.vocab_size, c["samples"], c["seqlen"], c["seed"],
                              window_bos(model, tokenizer))
    h = {**HEAL_DEFAULTS, **LORA_HEALING}
    examples = healing_examples(h["data"], h["examples"], h["seed"])[0] if method == "lora" else None
    plan, loaded = _plan(), _memory("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM: the peak below is the repair's, not loading's
    wall, cpu = time.perf_counter(), time.process_time()
    if method in ("magnitude", "lstsq"): repair(model, plan, batched(windows, 8), method, progress=False)
    model = prune(model, plan)
    if method == "lora":
        settings = {k: h[k] for k in ("epochs", "batch_size", "lr", "rank", "lora_alpha", "dropout", "seed")}
        model = heal_merged(model, tokenizer, examples, h["seqlen"], progress=False, **settings)[0]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = _memory("VmHWM")
    save_pruned(model, out, tokenizer)
    return {"repair": method, "seconds": wall, "cpu_seconds": cpu, "peak_rss_bytes": peak,
            "rss_after_loading_bytes": loaded, "peak_over_loading_bytes": peak - loaded,
            "calibration_tokens": int(windows.numel()) if method in ("magnitude", "lstsq") else 0,
            "examples": len(examples) if examples else 0, "torch_threads": torch.get_num_threads()}

def main(threads: int):
    from entrodrop.engines import engine_benchmark, export_gguf
    from entrodrop.models import load_model_and_tokenizer
    costs, ggufs = [], {}
    with tempfile.TemporaryDirectory() as work:
        model, tokenizer = load_model_and_tokenizer(MODEL)
        model.save_pretrained(f"{work}/dense")
        tokenizer.save_pretrained(f"{work}/dense")
        ggufs["dense"] = export_gguf(f"{work}/dense", f"{work}/dense.gguf")
        for method in METHODS:
            done = subprocess.run([sys.executable, __file__, "--child", method, "--out", f"{work}/{method}"],
                                  capture_output=True, text=True, check=True)
            costs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            ggufs["pruned" if method == "none" else f"pruned+{method}"] = export_gguf(f"{work}/{method}", f"{work}/{method}.gguf")
            print(f"{method}: {costs[-1]['seconds']:.1f} s", file=sys.stderr)
        engine = engine_benchmark(ggufs, model.config.vocab_size, 128, 128, threads, 5)
    pruned = engine.set_index("model").decode_tokens_per_s["pruned"]
    engine["decode_over_unrepaired"] = engine.decode_tokens_per_s / pruned
    settings = {"model": MODEL, "criterion": CRITERION, "kind": KIND, "num_blocks": K, "methods": list(METHODS),
                "healing": {**HEAL_DEFAULTS, **LORA_HEALING}, "threads": threads, "outtype": "f32",
                "prompt_tokens": 128, "new_tokens": 128, "repeats": 5}
    with atomic_folder(Path("nbs/results/smollm2-repair-cost"), overwrite=True) as folder:
        pd.DataFrame(costs).to_csv(folder / "cost.csv", index=False)
        engine.to_csv(folder / "engine.csv", index=False)
        write_json(folder / "run.json", run_record(settings, program="python tools/repair_cost.py"))

if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--child", choices=METHODS)
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.child: print(json.dumps(child(args.child, args.out)))
    else: main(args.threads)
