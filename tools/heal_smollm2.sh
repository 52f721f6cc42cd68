#!/usr/bin/env bash
# Healing on SmolLM2-135M (the paper's appendix A.4 at small scale): prune 12 of its 30 attention blocks by EntroDrop
# (kNN entropy) and by LLM-Drop's cosine, LoRA-heal each on the same 2000 examples of the paper's Mixed set (offline: the
# five of its sets the registries hold; RACE is on no registry), and evaluate the dense, pruned and healed models on the
# paper's post-training tasks, 500 items each, on the same device. Resumable: a step whose output exists is skipped.
# The models (500 MB each) stay in runs/; what is committed is copied to nbs/results/smollm2-healing/.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1
runs=runs/smollm2-healing
results=nbs/results/smollm2-healing
mkdir -p "$runs" "$results"
for criterion in entropy-knn cosine; do
  pruned=$runs/attn12-$criterion
  healed=$runs/attn12-$criterion-healed
  [ -d "$pruned" ] || entrodrop prune --kind attention --num-blocks 12 --criterion "$criterion" --out "$pruned"
  [ -d "$healed" ] || entrodrop heal --model "$pruned" --data mixed --examples 2000 --out "$healed"
  [ -d "$healed/eval" ] || entrodrop eval --model "$healed" --tasks healing --limit 500 --out "$healed/eval"
  cp "$pruned/pruning_plan.json" "$results/attn12-$criterion-plan.json"
  cp "$pruned/summary.json" "$results/attn12-$criterion-summary.json"
  cp "$pruned/run.json" "$results/attn12-$criterion-prune-run.json"
  cp "$healed/healing.json" "$results/attn12-$criterion-healing.json"
  cp "$healed/run.json" "$results/attn12-$criterion-heal-run.json"
  cp "$healed/eval/results.csv" "$results/attn12-$criterion-healed-eval.csv"
  cp "$healed/eval/run.json" "$results/attn12-$criterion-healed-eval-run.json"
  [ -d "$pruned/eval" ] || entrodrop eval --model "$pruned" --tasks healing --limit 500 --out "$pruned/eval"
  cp "$pruned/eval/results.csv" "$results/attn12-$criterion-pruned-eval.csv"
  cp "$pruned/eval/run.json" "$results/attn12-$criterion-pruned-eval-run.json"
done
[ -d "$runs/dense-eval" ] || entrodrop eval --tasks healing --limit 500 --out "$runs/dense-eval"
cp "$runs/dense-eval/results.csv" "$results/dense-eval.csv"
cp "$runs/dense-eval/run.json" "$results/dense-eval-run.json"
