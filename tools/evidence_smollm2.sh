#!/usr/bin/env bash
# SmolLM2-135M's Table 1 evidence (11_smollm2): bash tools/evidence_smollm2.sh [STEP ...] from the repository root;
# the steps are tools/evidence.sh's. On 2 cores the random distributions ran first at half their size
# (RANDOM_SEEDS=100, ACCURACY_SEEDS=10).
set -euo pipefail
# The tasks the dense model clears chance on by 10 points or more (the earlier first-500-items run: HellaSwag 0.376,
# PIQA 0.650, ARC-Easy 0.502), chosen before the runs below: the random plans' accuracy is measured on these.
ABOVE_CHANCE=hellaswag,piqa,arc_easy
MODEL=smollm2-135m NAME=smollm2 ATTENTION_K=4,8,12 LAYER_K=4,8 ABOVE_CHANCE=$ABOVE_CHANCE \
  exec bash "$(dirname "$0")/evidence.sh" "$@"
