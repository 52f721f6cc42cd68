#!/usr/bin/env bash
# Gemma 3 270M's Table 1 evidence (11c_gemma3): bash tools/evidence_gemma3.sh [STEP ...] from the repository root;
# the steps are tools/evidence.sh's. Gemma has 18 layers (SmolLM2 30): attention K = 4 and 8, whole layers K = 2 and 4,
# chosen before any row was measured.
set -euo pipefail
# The tasks whose dense 95% interval lies above chance in the dense row of gemma3-attention (HellaSwag 0.364,
# PIQA 0.668, ARC-Easy 0.612), read before any pruned row was measured: the random plans' accuracy is measured on these.
ABOVE_CHANCE=hellaswag,piqa,arc_easy
MODEL=gemma3-270m NAME=gemma3 ATTENTION_K=4,8 LAYER_K=2,4 ABOVE_CHANCE=$ABOVE_CHANCE \
  exec bash "$(dirname "$0")/evidence.sh" "$@"
