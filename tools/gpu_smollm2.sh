#!/usr/bin/env bash
# What one GPU adds to SmolLM2-135M's Table 1 (nbs/11_smollm2): the healing runs (tools/heal_smollm2.sh), then Table 1's
# main rows on the benchmarks' full splits (no --limit): dense, attention K = 8 and layers K = 4 by EntroDrop (bucket,
# kNN) and the baselines; random is left to the 500-item table (five seeds would cost five full evaluations each).
# Resumable like every compare folder.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1
bash tools/heal_smollm2.sh
TASKS=hellaswag,piqa,winogrande,arc_easy,arc_challenge,openbookqa,commonsense_qa
FULL="--model smollm2-135m --tasks $TASKS --held-out-samples 64 --batch-size 64 --out nbs/results/smollm2-full-splits"
entrodrop compare $FULL --kinds attention --num-blocks 8 --criteria entropy-bucket,entropy-knn,cosine
entrodrop compare $FULL --kinds layer --num-blocks 4 --criteria entropy-bucket,entropy-knn,cosine,block-influence,angular
